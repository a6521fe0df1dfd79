"""Sentences that tell background, not news: history, habits and standing states.

News reports a happening of the last days or weeks, then explains it: "during the civil war of
the 1980s the rebels shelled the capital", "the army regularly raids the camps", "the region is
part of the republic". Such sentences carry war words in the past or present tense, and the rules
and the classifier, which read words and meaning but not time, code them as current events. Three
signs tell them apart, each read from the sentence alone:

- its own time expressions all lie long before publication (a decade, a year, a day more than
  `background_days` earlier) and none lies within that window, while the article dates other
  things within it (the news the history explains);
- it says the happening recurs ("repeatedly", "every week", "dozens of times"), and names no day;
- its main verb is a present-tense "be" or "have" (a state), and no trigger states a happening.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from spacy.tokens import Span

from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.timex_period import timex_period
from peacewatch.records import TimeMention

A_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PRESENT = ("VBZ", "VBP")


def past_by_days(value: str, published: dt.date) -> int | None:
    """How many days before publication a TIMEX3 date lies at the latest (its last day), or None
    when the value is not a calendar date (durations, sets, seasons of no year)."""
    period = timex_period(value)
    return (published - period[1]).days if period else None


def told_as_history(text: str, times: list[TimeMention], published: dt.date | None) -> bool:
    """Whether every date the sentence gives lies long before publication (and it gives one).
    A date after "since" starts what still goes on ("a city besieged since 2015"): not history."""
    if published is None:
        return False
    limit = lexicon("events")["background_days"]
    ages = [past_by_days(t.value, published) for t in times
            if t.type == "DATE" and not text[:t.start].rstrip().lower().endswith("since")]
    ages = [age for age in ages if age is not None]
    return bool(ages) and all(age > limit for age in ages)


def dates_recent_news(times: list[TimeMention], published: dt.date | None) -> bool:
    """Whether the article dates something within `background_days` of publication: only against
    such news is a sentence about long ago background (a report that is all about a past
    happening, as a one-sentence summary may be, tells that happening)."""
    if published is None:
        return False
    limit = lexicon("events")["background_days"]
    return any(age is not None and 0 <= age <= limit for age in (past_by_days(t.value, published) for t in times))


def told_as_habit(sentence: Span, times: list[TimeMention]) -> bool:
    """Whether the sentence says the happening recurs and names no day it happened on."""
    if any(A_DAY.match(t.value) for t in times):
        return False
    return habitual_pattern().search(sentence.text) is not None


def states_a_standing_fact(sentence: Span) -> bool:
    """A present-tense "be" or "have" as the main verb: the sentence describes how things stand
    ("the town is on the territory of the republic"), not what happened. A passive ("is
    besieged") or a progressive ("are fighting") is a happening; a capitalised "root" is a name
    the parser took for the verb ("IS", the group)."""
    root = sentence.root
    if root.lemma_ not in word_set("events", "standing_verbs") or root.tag_ not in PRESENT or not root.text.islower():
        return False
    return not any(c.dep_ in ("auxpass", "acomp") or c.tag_ == "VBG" for c in root.children)


@functools.lru_cache(maxsize=1)
def habitual_pattern() -> re.Pattern:
    """events.yaml `habitual` (regular expressions over words) as one pattern, built once."""
    return re.compile(r"\b(?:" + "|".join(lexicon("events")["habitual"]) + r")\b", re.I)
