"""The API's response shapes, for validation and for the OpenAPI schema clients generate code from.

The tracking records (Agreement, Provision, ProvisionStatus, Evidence, Extraction) are returned as
records.py defines them, so a client reads the same fields as `peacewatch extract` writes and the
status rules compute; the models here describe the rows the store's queries return.
"""
from __future__ import annotations

import datetime as dt
from typing import Generic, Optional, TypeVar

from pydantic import BaseModel, Field

from peacewatch.records import Agreement, ControlPeriod, Evidence, Extraction, Provision, ProvisionStatus

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    """One page of a listing; `next` is the URL of the following page (None on the last one)."""

    items: list[Item]
    cursor: Optional[str] = Field(None, description="opaque token for the next page, to pass as `cursor`")
    next: Optional[str] = None


class ArticleSummary(BaseModel):
    id: str
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    language: Optional[str] = None
    source_path: Optional[str] = None
    ingested_at: str
    duplicate_of: Optional[str] = None
    similarity: Optional[float] = None


class ArticleDetail(ArticleSummary):
    """An article with its text and what `analyze` found in it (offsets index `text`)."""

    text: str
    extraction: Extraction


class EventSource(BaseModel):
    article_id: str
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    event_id: int = Field(description="the article's own report of the event (table `events`)")


class MergedEvent(BaseModel):
    """One happening however many articles report it, coded in ACLED's terms."""

    id: int
    event_id_cnty: str
    event_type: str
    sub_event_type: str
    event_date: Optional[str] = None
    time_precision: Optional[int] = None
    first_day: Optional[dt.date] = None
    last_day: Optional[dt.date] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    actors: list[str]
    location: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    country: Optional[str] = None
    fatalities: Optional[int] = None
    notes: str
    updated_at: str
    sources: list[EventSource]


class PlaceRow(BaseModel):
    name: str
    country: Optional[str] = None
    latitude: float
    longitude: float
    mentions: int
    articles: int


class QuoteRow(BaseModel):
    id: int
    article_id: str
    start: int
    end: int
    text: str
    speaker: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None


class DisputedFigure(BaseModel):
    """One figure of a disputed (subject, measure), with its source and its sentence as written."""

    dispute: int
    subject: str
    measure: str
    value: float
    unit: str
    approximate: bool
    bound: Optional[str] = None
    text: str
    attribution: Optional[str] = None
    year: Optional[str] = None
    article_id: str
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    sentence: str


class SearchHit(BaseModel):
    id: str
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    duplicate_of: Optional[str] = None
    snippet: str
    rank: float


class AgreementSummary(BaseModel):
    id: str
    title: str
    signed: Optional[str] = None
    effective: Optional[str] = None
    parties: list[str]
    mediators: list[str]
    provisions: int

    @classmethod
    def of(cls, agreement: Agreement) -> AgreementSummary:
        return cls(**agreement.model_dump(exclude={"provisions"}), provisions=len(agreement.provisions))


class ProvisionState(BaseModel):
    """A provision with its status on `as_of` and the latest evidence about it."""

    agreement: str
    as_of: dt.date
    provision: Provision
    status: ProvisionStatus
    last_evidence: Optional[Evidence] = None


class ProvisionDetail(ProvisionState):
    """A provision with every status change up to `as_of` and all the evidence known by then,
    each citing its article and sentence (`citation.source`, `start`, `end`, `text`)."""

    timeline: list[ProvisionStatus]
    evidence: list[Evidence]


class DeadlineRow(BaseModel):
    agreement: str
    provision: str
    category: str
    original: Optional[str] = None
    amended: Optional[str] = None
    ruling: Optional[dt.date] = None
    state: str
    term_end: Optional[dt.date] = None
    notice_by: Optional[dt.date] = None
    cited: str
    summary: str


class ControlRow(ControlPeriod):
    """Who holds a place, with the point the dashboard draws it at (None: not in the gazetteer)."""

    latitude: Optional[float] = None
    longitude: Optional[float] = None


class IngestResult(BaseModel):
    """What POST /api/articles did, as `peacewatch ingest` reports it."""

    added: list[str]
    already_stored: list[str]
    id_conflicts: list[str]
    near_duplicates: dict[str, str] = Field(description="added copy -> the original it repeats")
    failures: list[str]
