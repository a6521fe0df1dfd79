"""Agreements and where they stand: provisions with their status timelines and evidence,
deadlines, and the daily situation report.

A provision is addressed under its agreement, `/api/agreements/{id}/provisions/{number}`
(numbers such as `6a` are text), since a number means nothing without its agreement. Status is
computed per request from the evidence stored at ingest (tracking/evidence_store.py), as
`peacewatch status` computes it; a corrected agreement file relinks the evidence first, so it
shows at once.
"""
from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Optional

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from peacewatch.agreements.deadlines import deadline_rows
from peacewatch.agreements.durations import Duration, add, parse_duration
from peacewatch.agreements.files import find_agreement
from peacewatch.tracking.evidence_store import stored_evidence
from peacewatch.tracking.linking_store import as_of_day, situation
from peacewatch.tracking.status import known_evidence, last_evidence, provision_timeline
from peacewatch.api.context import LAST_DAY, AgreementsDep, AsOf, Day, StoreDep
from peacewatch.api.models import AgreementSummary, DeadlineRow, ProvisionDetail, ProvisionState
from peacewatch.records import Agreement
from peacewatch.report.html import html
from peacewatch.report.markdown import markdown
from peacewatch.store.database import Store

router = APIRouter(tags=["agreements"])


class ReportFormat(str, enum.Enum):
    md = "md"
    html = "html"


@router.get("/agreements", response_model=list[AgreementSummary])
def list_agreements(agreements: AgreementsDep) -> list[AgreementSummary]:
    """The coded agreements: shipped ones and those in PEACEWATCH_AGREEMENTS."""
    return [AgreementSummary.of(a) for a in agreements]


@router.get("/agreements/{agreement_id}", response_model=Agreement)
def get_agreement(agreement_id: str, agreements: AgreementsDep) -> Agreement:
    """One agreement file as coded: parties, times and every provision."""
    return find_agreement(agreements, agreement_id)


def provision_details(store: Store, agreements: list[Agreement], agreement_id: str, as_of: Optional[dt.date],
                      number: Optional[str] = None) -> list[ProvisionDetail]:
    """Each provision of the agreement (only `number` when given) with its timeline and evidence
    up to the day."""
    agreement = find_agreement(agreements, agreement_id)
    wanted = [p for p in agreement.provisions if number is None or p.number == number]
    if not wanted:
        numbers = ", ".join(p.number for p in agreement.provisions)
        raise HTTPException(404, f"{agreement_id} has no provision {number!r}; its provisions: {numbers}")
    day = as_of_day(store, as_of)
    known = known_evidence(stored_evidence(store, agreements, day, agreement), day)
    details = []
    for provision in wanted:
        own = [e for e in known if e.provision == provision.number]
        timeline = provision_timeline(agreement, provision, own, day, agreements)
        details.append(ProvisionDetail(agreement=agreement.id, as_of=day, provision=provision, status=timeline[-1],
                                       last_evidence=last_evidence(own, agreement, provision, day),
                                       timeline=timeline, evidence=own))
    return details


@router.get("/agreements/{agreement_id}/provisions", response_model=list[ProvisionState])
def list_provisions(agreement_id: str, store: StoreDep, agreements: AgreementsDep, as_of: AsOf = None) -> list[ProvisionDetail]:
    """Each provision's status on `as_of` with its last evidence."""
    return provision_details(store, agreements, agreement_id, as_of)


@router.get("/agreements/{agreement_id}/provisions/{number}", response_model=ProvisionDetail)
def get_provision(agreement_id: str, number: str, store: StoreDep, agreements: AgreementsDep,
                  as_of: AsOf = None) -> ProvisionDetail:
    """One provision with every status change and all evidence up to `as_of`, each citing its
    article (`citation.source`) and sentence (`citation.start`, `end`, `text`)."""
    return provision_details(store, agreements, agreement_id, as_of, number)[0]


def horizon(within: Optional[str]) -> Optional[Duration]:
    """A TIMEX3 duration that the calendar can add; a 400 otherwise."""
    if within is None:
        return None
    try:
        duration = parse_duration(within)
        if duration:
            add(LAST_DAY, duration)
    except (OverflowError, ValueError):
        duration = None
    if duration is None:
        raise HTTPException(400, f"within: {within!r} is not a TIMEX3 duration (P30D, P6M, P1Y) of a usable length")
    return duration


@router.get("/deadlines", response_model=list[DeadlineRow])
def list_deadlines(agreements: AgreementsDep, as_of: Annotated[Optional[Day], Query(
                       description="The day to measure from (YYYY-MM-DD) [default: today].")] = None,
                   within: Annotated[Optional[str], Query(max_length=40, description=(
                       "Only provisions with a deadline, notice or term end this soon (P30D, P6M)."))] = None,
                   agreement: Annotated[Optional[str], Query(max_length=200, description="Only this agreement.")] = None,
                   ) -> list[dict]:
    """Each dated provision's deadline (original, amended, ruling), how it stands, and renewal terms."""
    found = [find_agreement(agreements, agreement)] if agreement else agreements
    return deadline_rows(found, as_of or dt.date.today(), horizon(within))


@router.get("/report", response_class=PlainTextResponse,
            responses={200: {"content": {"text/markdown": {}, "text/html": {}},
                             "description": "The report in Markdown or HTML."}})
def get_report(store: StoreDep, agreements: AgreementsDep, date: AsOf = None,
               format: ReportFormat = ReportFormat.md) -> Response:
    """The daily situation report: the day's events, status changes, deadlines, disputed figures; every line cited."""
    report = situation(store, agreements, as_of_day(store, date))
    if format is ReportFormat.html:
        return HTMLResponse(html(report))
    return PlainTextResponse(markdown(report), media_type="text/markdown; charset=utf-8")
