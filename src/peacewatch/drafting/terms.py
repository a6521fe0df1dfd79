"""When a drafted provision is due, how long it lasts, how it renews, and on what conditions.

The times stage has already valued every expression (TIMEX3); what a clause means by one depends
on the words around it: a date after "by", "no later than", "on"… is a deadline (provisions.yaml,
as for news); a duration after "within" is a deadline relative to the agreement's effect ("within
30 days of signature": P30D); after "for a period of" it is the provision's duration; in a clause
that extends or renews, a duration after "further"/"successive" is the renewed term and one
followed by "before" is the notice a party must give.
"""
from __future__ import annotations

import functools
import re

from peacewatch.knowledge.lexicons import lexicon
from peacewatch.records import Renewal, TimeMention

NEAR = 24
POSSESSIVE = re.compile(r"^['’]s?\s*")


def preceded(text: str, time: TimeMention, words: list[str]) -> bool:
    before = " " + " ".join(text[max(0, time.start - NEAR):time.start].lower().split()) + " "
    return any(before.endswith(f" {w} ") for w in words)


def followed(text: str, time: TimeMention, words: list[str]) -> bool:
    """Whether one of `words` comes right after the time, past a possessive ("six months' notice")."""
    after = POSSESSIVE.sub("", " ".join(text[time.end:time.end + NEAR].lower().split()))
    return any(re.match(rf"{re.escape(w)}\b", after) for w in words)


@functools.lru_cache(maxsize=1)
def renewal_verb() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(lexicon("drafting")["renewal_verbs"]) + r")\b")


def renewal_words(text: str) -> bool:
    return bool(renewal_verb().search(text.lower()))


def renewal_of(text: str, times: list[TimeMention], start: int, end: int) -> Renewal | None:
    """The renewal rule the clause text[start:end] states (term, notice, automatic), if it
    extends anything."""
    words = lexicon("drafting")
    clause = text[start:end]
    if not renewal_words(clause):
        return None
    durations = [t for t in times if t.type == "DURATION"]
    notice = next((t.value for t in durations if followed(text, t, words["notice_after_words"])), None)
    renewing = renewal_start(clause, start)
    term = next((t.value for t in durations if preceded(text, t, words["renewal_term_words"])), None)
    term = term or next((t.value for t in durations if t.value != notice and t.start >= renewing), None)
    if term is None:
        return None
    automatic = any(re.search(rf"\b{w}\b", clause.lower()) for w in words["renewal_automatic"])
    return Renewal(term=term, notice=notice, automatic=automatic)


def renewal_start(clause: str, offset: int) -> int:
    """Where the clause's renewal verb is (`offset` is where the clause starts in the text): a
    term is stated after it ("renewed for successive periods of one year"), the initial period
    before it."""
    found = renewal_verb().search(clause.lower())
    return offset + found.start() if found else offset


def deadline_of(text: str, times: list[TimeMention]) -> str | None:
    """The first dated deadline ("no later than 30 April": the ISO date) or relative one
    ("within 60 days": P60D) in a clause."""
    provisions = lexicon("provisions")
    for time in times:
        if time.type in ("DATE", "TIME") and preceded(text, time, provisions["deadline_words"]):
            return time.value[:10]
        if time.type == "DURATION" and preceded(text, time, [*provisions["relative_deadline_words"], "later than"]):
            return time.value
    return None


def duration_of(text: str, times: list[TimeMention], renewal: Renewal | None) -> str | None:
    """How long the provision lasts ("for a period of five years"), not a renewal's own terms."""
    taken = {renewal.term, renewal.notice} if renewal else set()
    for time in times:
        if time.type == "DURATION" and preceded(text, time, lexicon("drafting")["duration_words"]):
            if time.value not in taken or not preceded(text, time, lexicon("drafting")["renewal_term_words"]):
                return time.value
    return None


def conditions_of(clause: str) -> list[str]:
    """Phrases that make the obligation conditional, from the cue to the next comma or end."""
    cues = "|".join(re.escape(c) for c in lexicon("drafting")["condition_cues"])
    return [m.group(0).strip() for m in re.finditer(rf"\b(?:{cues})\b[^,;.]*", clause, re.I)]
