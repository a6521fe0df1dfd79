"""When a drafted provision is due, how long it lasts, how it renews, and on what conditions.

The times stage has already valued every expression (TIMEX3); what a clause means by one depends
on the words around it (drafting.yaml): a date after "by", "no later than", "on"… is a deadline;
a duration after "within", "no later than"…, or before "after the signature", is a deadline
counted from the agreement's effect ("within 30 days of signature": P30D), and so is an ordinal
hour or day ("upon the 36th hour": PT36H, "by day 30": P30D). A duration counted from another
event ("within 24 hours of receiving the complaint", or in a clause that opens "In case
of…") is no deadline of the agreement: it is left empty, and said to be. After "for", "last",
"a further"… a duration is the provision's duration. A clause that says its arrangement may be
extended ("subject to extension", "shall be renewed automatically for successive periods…")
has a renewal: a duration after "further"/"successive" is the renewed term and one followed by
"before" is the notice; when it names no term, the renewal is left empty, and said to be. An
extension the text itself makes ("agreed to extend the truce for a further 30 days") is the
duration of what it extends.
"""
from __future__ import annotations

import functools
import re

from peacewatch.knowledge.lexicons import lexicon
from peacewatch.records import Renewal, TimeMention

NEAR = 24
AFTER = 40
POSSESSIVE = re.compile(r"^['’]s?\s*")
ORDINAL_UNITS = {"hour": "PT{}H", "day": "P{}D", "week": "P{}W", "month": "P{}M"}


def words(key: str) -> list[str]:
    return lexicon("drafting")[key]


def before(text: str, time: TimeMention, size: int = NEAR) -> str:
    return " " + " ".join(text[max(0, time.start - size):time.start].lower().split()) + " "


def preceded(text: str, time: TimeMention, cues: list[str]) -> bool:
    said = before(text, time)
    return any(said.endswith(f" {w} ") for w in cues)


def followed(text: str, time: TimeMention, cues: list[str]) -> bool:
    """Whether one of `cues` comes right after the time, past a possessive ("six months' notice")."""
    after = POSSESSIVE.sub("", " ".join(text[time.end:time.end + AFTER].lower().split()))
    return any(re.match(rf"{re.escape(w)}\b", after) for w in cues)


@functools.lru_cache(maxsize=1)
def renewal_verb() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words("renewal_verbs")) + r")\b")


def renewal_words(text: str) -> bool:
    return bool(renewal_verb().search(text.lower()))


def may_renew(clause: str) -> bool:
    """Whether the clause says its arrangement can be extended or renews ("subject to
    extension", "may be extended", "renewed automatically"), not that it is extended now."""
    lowered = clause.lower()
    return renewal_words(lowered) and any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words("renewal_possible"))


def renewal_of(text: str, times: list[TimeMention], start: int, end: int) -> Renewal | None:
    """The renewal rule the clause text[start:end] states (term, notice, automatic)."""
    clause = text[start:end]
    if not may_renew(clause):
        return None
    durations = [t for t in times if t.type == "DURATION"]
    notice = next((t.value for t in durations if followed(text, t, words("notice_after_words"))), None)
    renewing = renewal_start(clause, start)
    term = next((t.value for t in durations if preceded(text, t, words("renewal_term_words"))), None)
    term = term or next((t.value for t in durations if t.value != notice and t.start >= renewing), None)
    if term is None:
        return None
    automatic = any(re.search(rf"\b{w}\b", clause.lower()) for w in words("renewal_automatic"))
    return Renewal(term=term, notice=notice, automatic=automatic)


def renewal_start(clause: str, offset: int) -> int:
    """Where the clause's renewal verb is (`offset` is where the clause starts in the text): a
    term is stated after it ("renewed for successive periods of one year"), the initial period
    before it."""
    found = renewal_verb().search(clause.lower())
    return offset + found.start() if found else offset


def counts_from_event(text: str, time: TimeMention, start: int) -> bool:
    """Whether a duration runs from an event other than the agreement: named right after it
    ("…of receiving the complaint") or opening its clause ("In case of a reported breach…, … within 24 hours")."""
    if followed(text, time, words("agreement_anchors")):
        return False
    after = " ".join(text[time.end:time.end + AFTER].lower().split())
    opening = " " + " ".join(text[start:time.start].lower().split())
    return any(after.startswith(w.strip()) for w in words("event_anchors") if w.startswith(("of", "after", "from"))) or any(
        f" {w}" in opening for w in words("event_anchors") if not w.startswith(("of ", "after ", "from ")))


def ordinal_deadline(clause: str) -> str | None:
    """"upon the 36th hour" -> PT36H, "by day 30" -> P30D, "D+5" -> P5D."""
    found = re.search(lexicon("drafting")["ordinal_deadline"], clause, re.I)
    if not found:
        return None
    number = found.group(1) or found.group(4) or found.group(5)
    unit = (found.group(2) or found.group(3) or "day").lower()
    return ORDINAL_UNITS[unit].format(int(number))


def deadline_of(text: str, times: list[TimeMention], start: int, end: int) -> tuple[str | None, bool]:
    """The provision's deadline (an ISO date, or a duration from the agreement's effect), and
    whether the clause names one the drafter could not count from the agreement."""
    unanchored = False
    for time in times:
        if time.type in ("DATE", "TIME") and preceded(text, time, words("deadline_words")):
            return time.value[:10], False
        lasts = preceded(text, time, words("duration_words"))
        if time.type == "DURATION" and not lasts and (preceded(text, time, words("relative_deadline_words"))
                                                      or followed(text, time, words("agreement_anchors"))):
            if counts_from_event(text, time, start):
                unanchored = True
                continue
            return time.value, False
    ordinal = ordinal_deadline(text[start:end])
    return (ordinal, False) if ordinal else (None, unanchored or says_due(text, times, start, end))


def says_due(text: str, times: list[TimeMention], start: int, end: int) -> bool:
    """A deadline cue with no time the drafter can read ("before the start of the rainy
    season"); not a notice ("six months before the expiry")."""
    for cue in re.finditer(r"\b(?:no later than|not later than|before the|by the end of|within)\b", text[start:end], re.I):
        at = start + cue.start()
        if not any(0 <= at - t.end <= 2 for t in times):
            return True
    return False


def duration_of(text: str, times: list[TimeMention], renewal: Renewal | None, deadline: str | None) -> str | None:
    """How long the provision lasts ("for a period of five years", "last 180 days"), not a
    renewal's own terms nor its deadline."""
    taken = {renewal.term, renewal.notice} if renewal else set()
    for time in times:
        if time.type != "DURATION" or time.value == deadline or not preceded(text, time, words("duration_words")):
            continue
        if time.value not in taken or not preceded(text, time, words("renewal_term_words")):
            return time.value
    return None


def start_of(text: str, times: list[TimeMention]) -> TimeMention | None:
    """The time a clause starts something at ("starting from 06:00 on 4 May")."""
    return next((t for t in times if t.type in ("DATE", "TIME") and preceded(text, t, words("start_words"))), None)


def conditions_of(clause: str) -> list[str]:
    """Phrases that make the obligation conditional, from the cue to the next comma or end."""
    cues = "|".join(re.escape(c) for c in words("condition_cues"))
    return [m.group(0).strip() for m in re.finditer(rf"\b(?:{cues})\b[^,;.]*", clause, re.I)]
