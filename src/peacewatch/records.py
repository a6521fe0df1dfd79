"""The typed records every stage shares.

One module, so that a stage, the store, the CLI and the Spark engine all speak of the same
Article, the same Place, the same Event. Each mention is a span of its article (`start`, `end`
are Python string offsets into `Article.text`) so that every fact can be traced to its words.
The JSON form of `Extraction` is the public contract of `peacewatch extract` (extraction.md);
`to_json` / `from_json` are the only (de)serialisation the code base uses.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import ClassVar, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field


# Characters that JSON leaves raw inside strings but that many line readers (Python's
# str.splitlines among them) take for line ends; escaped, a JSON line stays one line.
LINE_BREAKERS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def one_line(json_text: str) -> str:
    for raw, escaped in LINE_BREAKERS.items():
        json_text = json_text.replace(raw, escaped)
    return json_text


class Record(BaseModel):
    """Base of every record: strict about unknown keys in our own output, lenient on input."""

    model_config = ConfigDict(extra="ignore", frozen=False)

    def to_json(self) -> str:
        return one_line(self.model_dump_json())

    @classmethod
    def from_json(cls, line: str | bytes):
        return cls.model_validate_json(line)


class Article(Record):
    """One news report as read from a file, a feed or a page."""

    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    language: Optional[str] = None

    @property
    def content_hash(self) -> str:
        """Identity of the report's words, so the same text ingested twice is stored once."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


class Span(Record):
    """A stretch of an article's text."""

    start: int
    end: int
    text: str


class Entity(Span):
    label: str
    canonical: str


TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


class TimeMention(Span):
    value: str
    type: TimeType


class Place(Span):
    name: str
    lat: float
    lon: float
    country: Optional[str] = None


class Quantity(Span):
    value: float
    unit: str
    approximate: bool = False


class Quote(Span):
    speaker: Optional[str] = None


class Event(Span):
    event_type: str
    sub_event_type: str
    event_date: Optional[str] = None
    time_precision: Optional[int] = None
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    actors: list[str] = Field(default_factory=list)
    location: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    fatalities: Optional[int] = None


ProvisionCategory = Literal[
    "ceasefire", "withdrawal", "territory", "peacekeeping", "monitoring", "corridor",
    "displaced", "prisoners", "disarmament", "political", "humanitarian", "other",
]


class ProvisionMention(Span):
    """An obligation of an agreement as a news report states it."""

    category: ProvisionCategory
    parties: list[str] = Field(default_factory=list)
    beneficiaries: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    deadline: Optional[str] = None
    duration: Optional[str] = None


class Renewal(Record):
    """How a provision with a fixed term goes on: each `term` (TIMEX3 duration) renews unless a
    party objects at least `notice` before the term ends."""

    term: str
    notice: Optional[str] = None
    automatic: bool = True


class Amendment(Record):
    """A later change to a provision's deadline, kept beside the original so both can be cited."""

    deadline: Optional[str] = None
    date: Optional[dt.date] = None
    source: str
    note: Optional[str] = None


class SourceSpan(Record):
    """Offsets of a provision's words in the agreement text it was drafted from."""

    start: int
    end: int


# Fields a drafted agreement or provision may leave empty because the text's words for them
# could not be read (`unfilled`), so that the analyst knows what to check.
ProvisionField = Literal["obliged", "deadline", "duration", "renewal", "places"]
AgreementField = Literal["signed", "effective", "parties"]


class Provision(Record):
    """One obligation of a coded agreement: who must do what, where, by when (ISO date or a
    duration from the agreement's effective time) and for how long. A file may number a provision
    4 or "4a"; both are read as text. A draft also says how sure it is that the text states the
    provision as read (`confidence`, 0-1) and which fields it could not fill (`unfilled`); a
    file an analyst has corrected may keep or drop both."""

    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)

    number: str
    category: ProvisionCategory
    summary: str
    obliged: list[str] = Field(default_factory=list)
    beneficiaries: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    deadline: Optional[str] = None
    duration: Optional[str] = None
    renewal: Optional[Renewal] = None
    conditions: list[str] = Field(default_factory=list)
    amendments: list[Amendment] = Field(default_factory=list)
    source: Optional[SourceSpan] = None
    confidence: Optional[float] = Field(default=None, ge=0, le=1)
    unfilled: list[ProvisionField] = Field(default_factory=list)


class Agreement(Record):
    """A ceasefire or peace agreement coded provision by provision; `signed` and `effective` are
    ISO 8601 datetimes with zone (a date alone is allowed). A draft lists the agreement's fields
    it could not fill (`unfilled`)."""

    id: str
    title: str
    signed: Optional[str] = None
    effective: Optional[str] = None
    parties: list[str] = Field(default_factory=list)
    mediators: list[str] = Field(default_factory=list)
    provisions: list[Provision] = Field(default_factory=list)
    unfilled: list[AgreementField] = Field(default_factory=list)


class Citation(Record):
    """Where a finding can be checked: a sentence span of article `source`, or (for a change
    that follows from the agreement itself, such as a passed deadline) the agreement or amendment
    document named by `source`, with no span."""

    source: str
    outlet: Optional[str] = None
    published: Optional[dt.date] = None
    start: Optional[int] = None
    end: Optional[int] = None
    text: str = ""


# What a report says of a provision: carried out, under way, broken, put off, contradicted,
# not done (a report that it had not been carried out on its day), or ended (the arrangement
# stopped by a later decision or departure: a force withdrawn, a centre closed, a body dissolved).
EvidenceStance = Literal["implemented", "progress", "violated", "delayed", "disputed", "unfulfilled", "ended"]


class Evidence(Record):
    """A report linked to one provision: what it says of the provision (`stance`), on which day it
    happened, why it was linked (`reason`, `score`) and the words that say so (`citation`)."""

    agreement: str
    provision: str
    stance: EvidenceStance
    day: dt.date
    first_day: Optional[dt.date] = None  # the earliest day the report's date allows (None: `day`)
    kind: str  # the mention it came from: event, sentence, provision, quote, claim
    reason: str
    score: float
    citation: Citation


StatusName = Literal["not started", "minimal", "intermediate", "full", "unreported", "missed", "violated",
                     "terminated", "lapsed", "superseded"]
DeadlineState = Literal["due", "met", "missed", "amended", "unreported"]


class ProvisionStatus(Record):
    """A provision's state from `day` on: Peace Accords Matrix level (0 not started … 3 full) and
    the status shown (a level's name, or unreported / missed / violated / terminated / lapsed /
    superseded: tracking/status.py says when each holds), with its deadline and the citation of
    the change."""

    agreement: str
    provision: str
    day: dt.date
    status: StatusName
    level: int = Field(ge=0, le=3)
    deadline: Optional[dt.date] = None
    deadline_state: Optional[DeadlineState] = None
    disputed: bool = False
    stance: Optional[EvidenceStance] = None
    citation: Citation


class ControlPeriod(Record):
    """Who held a place from `start` until `end` (None: still, as far as the reports go); `via`
    names the region whose change of hands the place followed, when no report named the place."""

    place: str
    controller: str
    start: dt.date
    end: Optional[dt.date] = None
    citation: Citation
    via: Optional[str] = None


ClaimBound = Literal["lower", "upper"]


class Claim(Span):
    """A figure as a source states it: the `measure` of `subject` is `value`, according to
    `attribution` (None: the article's own word). The span is the quantity's words; the sentence
    span lets a reader check the claim in context. Compared across articles by `peacewatch disputes`."""

    measure: str
    value: float
    unit: str
    approximate: bool = False
    bound: Optional[ClaimBound] = None
    subject: Optional[str] = None
    attribution: Optional[str] = None
    year: Optional[str] = None
    sentence_start: int
    sentence_end: int


class Extraction(Record):
    """Everything `analyze` found in one article: the line `peacewatch extract` writes."""

    MENTION_KINDS: ClassVar[tuple[str, ...]] = (
        "entities", "times", "places", "quantities", "quotes", "events", "provisions",
    )

    id: str
    published: Optional[dt.date] = None
    language: Optional[str] = None
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeMention] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    provisions: list[ProvisionMention] = Field(default_factory=list)
    text: Optional[str] = Field(default=None, description="the article text, carried only when it was extracted from HTML")
    # Claims go to the store, not to the extraction contract (extraction.md): never serialised.
    claims: list[Claim] = Field(default_factory=list, exclude=True)

    def to_json(self) -> str:
        return one_line(self.model_dump_json(exclude={"text"} if self.text is None else set()))
