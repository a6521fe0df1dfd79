"""The when and how many of an event, read off its sentence and the article (where: location.py).

ACLED codes the actual day; when a sentence gives none, the article's narrative does (the
nearest earlier day in the paragraph, else the publication week), with `time_precision` saying
how sure the day is.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from peacewatch.pipeline import Document
from peacewatch.records import TimeMention

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
WEEK = re.compile(r"^\d{4}-W\d{2}$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,30}\))?\s*[—–-]\s")  # "(Wire) — " after a dateline's date
DATELINE_REACH = 60  # a dateline's date stands within this many characters of its paragraph's start
NONE_KILLED = re.compile(r"\b(no (one|body|casualties|deaths|fatalities)|nobody) (was |were )?(killed|hurt|injured|reported)?", re.I)


def precision_of(value: str) -> int | None:
    """ACLED time precision of a TIMEX3 value: 1 a day, 2 a week, 3 a month, None if vaguer."""
    if DAY.match(value):
        return 1
    if WEEK.match(value):
        return 2
    if MONTH.match(value):
        return 3
    return None


def dated(times: list[TimeMention]) -> list[tuple[str, int, int]]:
    """(day, precision, offset) of each time that dates something to a day, a week or a month."""
    found = []
    for time in times:
        precision = precision_of(time.value) if time.type in ("DATE", "TIME") else None
        if precision:
            found.append((time.value[:10], precision, time.start))
    return found


def in_dateline(text: str, time: TimeMention) -> bool:
    """A wire dateline's date ("GOMA, July 3 (Wire) — ") is when the report was filed, not when
    its first sentence's event happened."""
    paragraph_start = text.rfind("\n", 0, time.start) + 1
    return time.start - paragraph_start <= DATELINE_REACH and DATELINE_END.match(text, time.end) is not None


def not_after(value: str, published: dt.date | None) -> bool:
    """Whether a TIMEX3 day or month lies no later than publication (ISO strings compare in
    calendar order at equal precision)."""
    if published is None or WEEK.match(value):
        return True
    return value <= published.isoformat()[:len(value)]


def event_date(document: Document, sentence: Span, anchor: int | None = None) -> tuple[str | None, int | None]:
    """The sentence's own date (the most precise, the nearest the trigger at offset `anchor` among
    equals), else the latest dated sentence before it in its paragraph, else the publication
    date (known only to the week). A date after publication is when something agreed is to
    start, not when the reported event happened; a dateline's date is the report's."""
    published = document.article.published
    times = [t for t in document.within("times", sentence.start_char, sentence.end_char)
             if not in_dateline(document.text, t)]
    own = [d for d in dated(times) if not_after(d[0], published)]
    if own:
        near = sentence.start_char if anchor is None else anchor
        day, precision, _ = min(own, key=lambda d: (d[1], abs(d[2] - near)))
        return day, precision
    paragraph_start = document.text.rfind("\n\n", 0, sentence.start_char) + 1
    earlier = dated(document.within("times", paragraph_start, sentence.start_char))
    if earlier:
        return earlier[-1][:2]
    return (published.isoformat(), 2) if published else (None, None)


def fatalities(document: Document, sentence: Span) -> int | None:
    """Reported deaths in the sentence: 0 when it says nobody died, None when it does not say."""
    killed = [q for q in document.within("quantities", sentence.start_char, sentence.end_char) if q.unit == "killed"]
    if killed:
        return int(min(q.value for q in killed))
    if NONE_KILLED.search(sentence.text):
        return 0
    return None
