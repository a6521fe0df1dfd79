"""The who, where, when and how many of an event, read off its sentence and the article.

ACLED codes the most precise place and the actual day; when a sentence gives neither, the
article's narrative does (the nearest earlier day in the paragraph, the region the article is
about), with `time_precision` saying how sure the day is.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from spacy.tokens import Span

from peacewatch.knowledge.countries import names_a_country
from peacewatch.pipeline import Document
from peacewatch.records import Place, TimeMention

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
WEEK = re.compile(r"^\d{4}-W\d{2}$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
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


def dated(times: list[TimeMention]) -> list[tuple[str, int]]:
    found = []
    for time in times:
        precision = precision_of(time.value) if time.type in ("DATE", "TIME") else None
        if precision:
            found.append((time.value[:10], precision))
    return found


def not_after(value: str, published: dt.date | None) -> bool:
    """Whether a TIMEX3 day or month lies no later than publication (ISO strings compare in
    calendar order at equal precision)."""
    if published is None or WEEK.match(value):
        return True
    return value <= published.isoformat()[:len(value)]


def event_date(document: Document, sentence: Span) -> tuple[str | None, int | None]:
    """The sentence's own date, else the latest dated sentence before it in its paragraph, else
    the publication date (known only to the week). A date after publication is when something
    agreed is to start, not when the reported event happened."""
    published = document.article.published
    own = [(day, precision) for day, precision in dated(document.within("times", sentence.start_char, sentence.end_char))
           if not_after(day, published)]
    if own:
        return min(own, key=lambda d: d[1])
    paragraph_start = document.text.rfind("\n\n", 0, sentence.start_char) + 1
    earlier = dated(document.within("times", paragraph_start, sentence.start_char))
    if earlier:
        return earlier[-1]
    return (published.isoformat(), 2) if published else (None, None)


def main_place(document: Document) -> Place | None:
    """The place the article is about: its most mentioned place below country level."""
    places = [p for p in document.mentions.get("places", []) if not names_a_country(p.name)]
    if not places:
        return None
    top = Counter(p.name for p in places).most_common(1)[0][0]
    return next(p for p in places if p.name == top)


def event_location(document: Document, sentence: Span) -> Place | None:
    """The most precise place the sentence names; a sentence that names only countries (often
    the parties themselves) is placed where the article is."""
    places = document.within("places", sentence.start_char, sentence.end_char)
    local = [p for p in places if not names_a_country(p.name)]
    if local:
        return local[0]
    return main_place(document) or (places[0] if places else None)


def fatalities(document: Document, sentence: Span) -> int | None:
    """Reported deaths in the sentence: 0 when it says nobody died, None when it does not say."""
    killed = [q for q in document.within("quantities", sentence.start_char, sentence.end_char) if q.unit == "killed"]
    if killed:
        return int(min(q.value for q in killed))
    if NONE_KILLED.search(sentence.text):
        return 0
    return None
