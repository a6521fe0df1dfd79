"""The draft as an analyst receives it: an agreement file whose provisions also say how sure
the drafter is of each and which fields it could not fill from the text.

Both fields are optional in agreement files (agreement.schema.json), so a corrected draft
validates with or without them, and the tracking code, which reads plain `Agreement`s, never
sees them.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from peacewatch.records import Agreement, Provision

ProvisionField = Literal["obliged", "deadline", "duration", "renewal", "places"]
AgreementField = Literal["signed", "effective", "parties"]


class DraftedProvision(Provision):
    """A provision as drafted: `confidence` that the text states it as read (0-1), and the
    fields left empty because the text's words for them could not be read (`unfilled`)."""

    confidence: float = Field(ge=0, le=1)
    unfilled: list[ProvisionField] = Field(default_factory=list)


class DraftedAgreement(Agreement):
    provisions: list[DraftedProvision] = Field(default_factory=list)
    unfilled: list[AgreementField] = Field(default_factory=list)
