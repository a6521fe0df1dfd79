"""The surface grammar of English temporal expressions, as regular expressions over the text.

Each rule finds one shape ("November 9, 2020", "Tuesday", "the day before", "five years",
"1 p.m. local time") and records what it means in calendar terms, unresolved: "Tuesday" is
weekday 1, not a date, because the date depends on when the article was published and on the
sentence's tense (times_values does that). Regexes rather than spaCy's DATE entities because the
entities are often cut wrong ("Sept. 27 and ended") and say nothing about what the words mean.

Ranges ("November 10–12", "1991-94") are left out on purpose: they have no single TIMEX3 value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from peacewatch.nlp.numbers import NUMBER, number_value

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
          "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# TIMEX3 duration letter and multiplier of each unit; decades and centuries count in years,
# quarters ("the past quarter") in months.
DURATION_UNITS = {"second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
                  "day": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
                  "month": ("M", 1, False), "quarter": ("M", 3, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
                  "century": ("Y", 100, False)}

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
          r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_NO_RANGE_AFTER = r"(?!\s*[-–—]\s*\d)"
_UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries)"
_APPROX = r"(?:almost|nearly|about|around|some|roughly|approximately|more\s+than|less\s+than|over|under|at\s+least|up\s+to|at\s+most|just|only|barely)"
_ZONE = (r"(?:,?\s*\(?(?:local\s+time|[A-Z][a-z]+\s+time|GMT|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|PST|PDT|BST)"
         r"(?:\s*[+-]\s*\d{1,2})?\)?)?")


@dataclass
class Candidate:
    """A stretch of text that names a time, with what it means before resolution."""

    start: int
    end: int
    kind: str
    fields: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


def month_number(word: str) -> int:
    return MONTHS[word[:3].lower()]


def duration_unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


Rule = tuple[re.Pattern, str, Callable[[re.Match], dict | None]]


def _day_fields(m: re.Match) -> dict | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    return {"month": month_number(m["month"]), "day": day, "year": int(m["year"]) if m["year"] else None}


def _numeric_fields(m: re.Match) -> dict | None:
    """14/11/2020 is day-first (most of the world's press); 11/14/2020 can only be month-first."""
    first, second = int(m["a"]), int(m["b"])
    day, month = (first, second) if second <= 12 else (second, first)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return {"year": int(m["year"]), "month": month, "day": day}


def _count(m: re.Match) -> float | None:
    text = m["num"]
    return 1.0 if text.lower() in ("a", "an") else number_value(text)


def _duration_fields(m: re.Match) -> dict | None:
    count = _count(m)
    return None if count is None else {"count": count, "unit": duration_unit(m["unit"])}


# Words before a bare "07:41" that make it a time of day rather than a timestamp or a score.
CLOCK_CUES = re.compile(r"\b(?:at|from|until|till|by|since|before|after|around|about|to|between|and)\s+$", re.IGNORECASE)


def _clock_fields(m: re.Match) -> dict | None:
    """Hour and minute, and whether the words say it is a time of day (a suffix such as "hours",
    "p.m." or "Moscow time", the French "00 h 00", or a preposition before it)."""
    groups = m.groupdict()
    cued = bool(groups.get("suffix") or ":" not in (groups.get("sep") or "h")
                or CLOCK_CUES.search(m.string, max(0, m.start() - 10), m.start()))
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    ampm = (groups.get("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    return {"hour": hour, "minute": minute, "cued": cued} if hour <= 24 and minute < 60 else None


def _anchored_fields(m: re.Match) -> dict:
    """Days from the day being talked about: "the day before" -1, "the next day" +1, "later that day" 0."""
    words = m.group().lower()
    if any(w in words for w in ("in the day", "that day", "same day")):
        return {"offset": 0}
    return {"offset": -1 if any(w in words for w in ("before", "previous", "preceding", "earlier")) else 1}


DEICTIC_OFFSETS = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "last": -1,
                   "today": 0, "tonight": 0, "this": 0, "tomorrow": 1}
# TIMEX3 parts of the day: "Monday morning" is 2024-03-11TMO, "tonight" 2024-03-14TNI.
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_DAY_PART = r"(?P<part>morning|afternoon|evening|night)"


def _deictic_fields(m: re.Match) -> dict:
    """"yesterday" is -1 day; "last night" -1 day at night; "tomorrow morning" +1 in the morning."""
    day = " ".join(m["day"].lower().split())
    part = m["part"] or (day if day == "tonight" else "")
    return {"offset": DEICTIC_OFFSETS[day], "part": DAY_PARTS.get(part.lower(), "")}


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _part_of_year_fields(m: re.Match) -> dict:
    """A quarter ("the third quarter", "Q3 2012") or a half ("the first half of 2013") of a year,
    which is the year named, the one "this/last/next year" points to, or left to the calendar."""
    index = int(m["q"]) if m["q"] else ORDINALS[m["ord"].lower()]
    shift = {"this": 0, "last": -1, "next": 1}.get((m["mod"] or "").lower())
    return {"letter": "Q" if (m["q"] or m["unit"].lower() == "quarter") else "H", "index": index,
            "year": int(m["year"]) if m["year"] else None, "shift": shift}


# Fixed-date holidays that news dates things by; a general mechanism (nearest date) resolves them.
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1)}
# Adverbs of frequency that are TIMEX3 SETs: "the board meets monthly".
FREQUENCIES = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
               "yearly": "year"}


def _rule(pattern: str, kind: str, fields: Callable[[re.Match], dict | None], flags: int = 0) -> Rule:
    return re.compile(pattern, flags), kind, fields


# TimeML's reference values for times that name no calendar point ("now", "recently").
# peacewatch's gold leaves them out, so the times stage keeps them only when the settings ask
# for TimeML's conventions (settings.timeml_references).
REFERENCES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
              "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
              "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
              "in the past": "PAST_REF", "the past": "PAST_REF",
              "in the future": "FUTURE_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF"}
REFERENCE_KIND = "reference"

RULES: list[Rule] = [
    _rule(rf"\b{_MONTH}\s+{_DAY}\b{_NO_RANGE_AFTER}(?:,?\s+{_YEAR}\b)?", "date", _day_fields),
    _rule(rf"(?<![\d,.\-–—])(?<![-–—]\s){_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?", "date", _day_fields),
    _rule(r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/\-]|\.\d)",
          "date", _numeric_fields),
    _rule(r"(?<![\d\-])(?P<year>\d{4})-(?P<b>\d{2})-(?P<a>\d{2})(?!\d)", "date",
          lambda m: _numeric_fields(m) if int(m["b"]) <= 12 else None),
    _rule(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b{_NO_RANGE_AFTER}", "month",
          lambda m: {"month": month_number(m["month"]), "year": int(m["year"])}),
    _rule(rf"\b(?:(?i:the\s+(?:end|beginning|start|middle)\s+of|early|mid|late)[\s-]+)(?:(?P<mod>(?i:this|last|next))\s+)?"
          rf"(?P<month>{_MONTH_FULL})\b(?!\s+\d)",
          "month", lambda m: {"month": month_number(m["month"]), "modifier": (m["mod"] or "").lower()}),
    _rule(rf"\b(?:(?i:in|since|until|till|by|from|through|during|before|after|of|to)\s+|(?P<mod>(?i:this|last|next))\s+)"
          rf"(?P<span>(?P<month>{_MONTH_FULL}))\b(?!\s+\d)",
          "month", lambda m: {"month": month_number(m["month"]), "modifier": (m["mod"] or "").lower()}),
    _rule(rf"(?<![\w$€£#.,/\-–—]){_YEAR}(?![\w%]|\s*[-–—]\s*\d|[.,/]\d|\s*(?:GMT|UTC|hours|hrs|h)\b)", "year",
          lambda m: {"year": int(m["year"])}),
    _rule(rf"(?i:\b(?:early|mid|late))[\s-]+{_YEAR}\b{_NO_RANGE_AFTER}", "year", lambda m: {"year": int(m["year"])}),
    _rule(r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<decade>1[5-9]\d|20\d)0'?s\b", "decade",
          lambda m: {"decade": m["decade"]}, re.IGNORECASE),
    _rule(rf"\b(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+(?:of\s+)?{_YEAR}\b", "season",
          lambda m: {"season": SEASONS[m["season"].lower()], "year": int(m["year"])}, re.IGNORECASE),
    _rule(r"\b(?P<mod>this|last|next|past)\s+(?P<season>spring|summer|fall|autumn|winter)\b", "season",
          lambda m: {"season": SEASONS[m["season"].lower()], "modifier": m["mod"].lower()}, re.IGNORECASE),
    _rule(rf"\b(?:(?P<mod>(?i:this|last|next|past|coming))\s+)?(?P<weekday>{'|'.join(WEEKDAYS)})(?!s\b)\b"
          rf"(?:\s+(?i:{_DAY_PART}))?",
          "weekday", lambda m: {"weekday": WEEKDAYS.index(m["weekday"]), "modifier": (m["mod"] or "").lower(),
                                "part": DAY_PARTS.get((m["part"] or "").lower(), "")}),
    _rule(r"\b(?P<day>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow"
          rf"|this(?=\s+(?:morning|afternoon|evening))|last(?=\s+(?:evening|night)))(?:\s+{_DAY_PART})?\b",
          "deictic", _deictic_fields, re.IGNORECASE),
    _rule(r"\b(?:(?P<mod>this|last|next|past|coming)\s+|(?:the|a)\s+)weekend\b", "weekend",
          lambda m: {"modifier": (m["mod"] or "").lower()}, re.IGNORECASE),
    _rule(rf"\b(?:the\s+)?(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?P<unit>(?i:quarter|half))"
          rf"|Q(?P<q>[1-4]))(?:,?\s+(?i:of\s+)?(?:(?i:fiscal\s+)?{_YEAR}|(?P<mod>(?i:this|last|next))\s+(?i:year)))?\b",
          "part_of_year", _part_of_year_fields),
    _rule(r"\b(?:" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in REFERENCES), key=len, reverse=True))
          + r")\b(?!\s+(?:and\s+)?(?:again|more|than|for|upon))", REFERENCE_KIND,
          lambda m: {"ref": REFERENCES[" ".join(m.group().lower().split())]}, re.IGNORECASE),
    _rule(r"\b(?P<name>Christmas(?:\s+(?:Eve|Day))?|New\s+Year's(?:\s+(?:Eve|Day))?)", "date",
          lambda m: dict(zip(("month", "day"), HOLIDAYS[" ".join(m["name"].lower().split())]), year=None)),
    _rule(r"\b(?:hourly|daily|weekly|monthly|annually|yearly)\b", "set",
          lambda m: {"count": 1.0, "unit": FREQUENCIES[m.group()]}),
    _rule(r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder)\s+of\s+the\s+(?P<unit>week|month|year)\b",
          "period", lambda m: {"modifier": "this", "unit": m["unit"].lower(), "definite": False}, re.IGNORECASE),
    _rule(r"\b(?:in|during|by|until|since|through|over|for)\s+(?P<span>the\s+(?P<season>spring|summer|autumn|winter|fall))\b",
          "season", lambda m: {"season": SEASONS[m["season"].lower()], "modifier": "this"}, re.IGNORECASE),
    _rule(r"\b(?P<word>noon|midday|midnight)\b", "clock",
          lambda m: {"hour": 24 if m["word"].lower() == "midnight" else 12, "minute": 0, "cued": False}, re.IGNORECASE),
    _rule(r"\b(?:the\s+(?:day|night)\s+(?:before|after)(?!\s+(?:the|a|an|his|her|their|its|this|that|[A-Z0-9]))"
          r"|the\s+(?:previous|preceding|next|following|same)\s+day|a\s+day\s+(?:earlier|before|later)"
          r"|(?:earlier|later)\s+(?:in\s+the|that)\s+day)\b",
          "anchored", _anchored_fields, re.IGNORECASE),
    _rule(r"\b(?:(?P<lead>the)\s+)?(?P<mod>this|last|next|past|coming|previous|following)\s+"
          r"(?P<unit>week|month|quarter|year|decade|century)\b(?!\s+(?:old|ago)\b)",
          "period", lambda m: {"modifier": m["mod"].lower(), "unit": m["unit"].lower(), "definite": bool(m["lead"])},
          re.IGNORECASE),
    _rule(rf"\b(?P<num>{NUMBER}|a|an)\s+{_UNIT}\s+ago\b", "ago", _duration_fields, re.IGNORECASE),
    _rule(rf"(?:\b(?:the\s+(?:next|last|past|first|coming|previous|following)|{_APPROX})\s+)?"
          rf"(?P<num>{NUMBER})[\s-]+{_UNIT}\b(?![\s-]+old\b|\s+ago\b)", "duration", _duration_fields, re.IGNORECASE),
    _rule(rf"(?<!once )(?<!twice )(?<!times )(?<!per )\b(?P<num>an?|one)\s+{_UNIT}\b(?![\s-]+old\b|\s+ago\b)",
          "duration", _duration_fields, re.IGNORECASE),
    _rule(r"\b(?:the\s+)?(?P<ordinal>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", "century",
          lambda m: {"century": int(m["ordinal"]) - 1}, re.IGNORECASE),
    _rule(rf"\b(?:every|each)\s+(?:(?P<num>{NUMBER})\s+)?{_UNIT}\b", "set",
          lambda m: {"count": number_value(m["num"]) if m["num"] else 1.0, "unit": duration_unit(m["unit"])},
          re.IGNORECASE),
    _rule(r"(?<![\d:.,])(?P<hour>[01]?\d|2[0-4])(?P<sep>:|\s?h\s?)(?P<minute>[0-5]\d)(?![\d:])"
          rf"(?P<suffix>(?:\s*(?:hours|hrs)\b)?(?:\s*(?P<ampm>[ap])\.?m\b\.?)?{_ZONE})", "clock", _clock_fields),
    _rule(rf"(?<![\d:.,])(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[apAP])(?:\.[mM]\.|[mM]\b){_ZONE}",
          "clock", _clock_fields),
    _rule(rf"(?<![\d:.,])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?:GMT|UTC|hrs|hours)\b{_ZONE}", "clock",
          _clock_fields),
]


def scan(text: str) -> Iterator[Candidate]:
    """Every match of every rule, overlapping ones included (choose() picks among them)."""
    for pattern, kind, fields in RULES:
        for match in pattern.finditer(text):
            meaning = fields(match)
            if meaning is None:
                continue
            start, end = match.span("span") if "span" in pattern.groupindex else match.span()
            yield Candidate(start, end, kind, meaning)


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap, in text order: "November 10, 2020" beats "2020"."""
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-c.length, c.start)):
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


# Gaps that join two adjacent candidates into one expression: "Tuesday, November 9",
# "00:00 hours, Moscow time, on November 10", "November 10, 2020, 00 h 00".
_JOIN_WEEKDAY_DATE = re.compile(r",?\s*(?:the\s+)?\(?")
_JOIN_CLOCK_DAY = re.compile(r",?\s*(?:(?:on|of)\s+(?:the\s+)?)?")
_JOIN_DAY_CLOCK = re.compile(r",?\s*(?:at\s+)?")
DAY_KINDS = ("date", "weekday", "deictic", "anchored")


def join(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Merge weekday+date (the date wins) and clock+day (a TIME on that day) into one candidate."""
    merged: list[Candidate] = []
    for candidate in candidates:
        previous = merged[-1] if merged else None
        gap = text[previous.end:candidate.start] if previous else ""
        if previous and previous.kind == "weekday" and candidate.kind == "date" and _JOIN_WEEKDAY_DATE.fullmatch(gap):
            merged[-1] = Candidate(previous.start, _close_bracket(text, candidate.end), "date", candidate.fields)
        elif previous and previous.kind == "clock" and candidate.kind in DAY_KINDS and _JOIN_CLOCK_DAY.fullmatch(gap):
            merged[-1] = Candidate(previous.start, candidate.end, "clock", {**previous.fields, "day": candidate})
        elif previous and previous.kind in DAY_KINDS and candidate.kind == "clock" and _JOIN_DAY_CLOCK.fullmatch(gap):
            merged[-1] = Candidate(previous.start, candidate.end, "clock", {**candidate.fields, "day": previous})
        else:
            merged.append(candidate)
    return merged


def _close_bracket(text: str, end: int) -> int:
    return end + 1 if text[end:end + 1] == ")" else end
