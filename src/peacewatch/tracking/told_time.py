"""When the fact a sentence reports happened: the days its own time expressions allow.

A news sentence often narrates the past: "In 2020 the army took the hills", "during the war of
the 1990s", "since July the road has been closed". Evidence about a provision must be dated by
that told time, not by the article's publication, or a sentence about an old war becomes proof
that a new truce broke. The rule: the sentence's first time expression (DATE or TIME, not after
publication) gives its period ("since X" runs from X to publication), a time that merely names
a thing ("the 2020 statement") only when there is no other; a sentence with none tells
of the days up to publication (news tells of recent days), unless its verb is in the past
perfect ("had taken"), which tells of a time before some other past moment: such a sentence
has no day we can give, and so is never evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from peacewatch.nlp.timex_period import Period, timex_period
from peacewatch.records import TimeMention

# "the 2020 statement": a determiner, then the time, then the noun it qualifies.
DETERMINER = r"(?:the|a|an|this|that|its|their|his|her|our)\s+$"
ATTRIBUTIVE_BEFORE = re.compile(rf"\b{DETERMINER}", re.IGNORECASE)
TIME_PREPOSITION = re.compile(r"\b(?:in|during|since|after|before|until|till|by|from|on|at|throughout|"
                              rf"over|within|en|pendant|depuis|après|avant)\s+{DETERMINER}", re.IGNORECASE)
NOUN_AFTER = re.compile(r"\s+(?:-\s*)?[^\W\d]", re.UNICODE)
RECENT = dt.timedelta(days=6)  # a sentence with no time of its own: the week up to publication
SINCE = re.compile(r"\b(?:since|depuis)\s+(?:the\s+|le\s+|la\s+|l'|les\s+)?$", re.IGNORECASE)
# "had" with a participle after it (not "had to", "had a", "had no" ...): the past perfect.
PAST_PERFECT = re.compile(r"\bhad\s+(?:(?:not|never|already|long|also|just|earlier|previously|once)\s+)?"
                          r"(?!(?:to|a|an|the|no|some|any|its|their|his|her|our|little|much|many|few|more|"
                          r"enough|nothing)\b)[a-z]+\b", re.IGNORECASE)


def names_a_thing(text: str, time: TimeMention) -> bool:
    """A time that only says which thing a noun means ("the 2020 statement", "its 1994
    constitution"): a determiner before it with no preposition before that, a word after it."""
    before = text[max(0, time.start - 30):time.start]
    return bool(ATTRIBUTIVE_BEFORE.search(before) and not TIME_PREPOSITION.search(before)
                and NOUN_AFTER.match(text, time.end))


def stated_period(text: str, times: Iterable[TimeMention], start: int, end: int,
                  published: Optional[dt.date]) -> Optional[Period]:
    """The days the first usable time expression of text[start:end] allows ("since X": from X
    to publication); None when the sentence has none. A time that names a thing counts only
    when the sentence has no other ("set up a checkpoint on Sunday, breaching the 2020 deal" is
    Sunday's)."""
    usable = sorted((t for t in times if start <= t.start < end and t.type in ("DATE", "TIME")),
                    key=lambda t: (names_a_thing(text, t), t.start))
    for time in usable:
        period = timex_period(time.value)
        if period is None or (published and period[0] > published):
            continue
        if published and SINCE.search(text[max(start, time.start - 12):time.start]):
            return period[0], published
        return period[0], min(period[1], published) if published else period[1]
    return None


def tells_earlier_past(text: str) -> bool:
    """A past perfect: the sentence tells of a time before another past moment."""
    return bool(PAST_PERFECT.search(text))


def told_period(text: str, times: Iterable[TimeMention], start: int, end: int,
                published: Optional[dt.date]) -> Optional[Period]:
    """The days the sentence text[start:end] tells of (see the module's docstring); None when it
    gives none we can use."""
    stated = stated_period(text, times, start, end, published)
    if stated or published is None or tells_earlier_past(text[start:end]):
        return stated
    return published - RECENT, published


def overlaps(first: Period, second: Period) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]
