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

    def to_json(self) -> str:
        return one_line(self.model_dump_json(exclude={"text"} if self.text is None else set()))
