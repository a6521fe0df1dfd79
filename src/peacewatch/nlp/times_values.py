"""TIMEX3 values for the candidates of times_grammar, resolved against the article's date.

A news report speaks from the day it was published: "Tuesday" is the Tuesday of that week
(before it, unless the sentence looks ahead), "November 9" is the November 9 nearest to it, and
"the day before" counts from the day the paragraph is talking about. Resolution is pure calendar
arithmetic over a `Reference`, so it is tested without any parsing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peacewatch.nlp.times_grammar import DURATION_UNITS, Candidate

PAST_MODIFIERS = ("last", "past", "previous")
FUTURE_MODIFIERS = ("next", "coming")
# A value precise to the day ("2024-03-11", "2024-03-11TMO"): what clock times and later
# relative expressions count from.
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Reference:
    """What a relative expression is relative to."""

    published: dt.date | None
    anchor: dt.date | None = None
    tense: str | None = None  # "future" or "past" when the sentence says which way it looks

    @property
    def day(self) -> dt.date | None:
        return self.anchor or self.published


def amount(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def duration_value(count: float, unit: str) -> str:
    letter, multiplier, clock = DURATION_UNITS[unit]
    return f"P{'T' if clock else ''}{amount(count * multiplier)}{letter}"


def _oriented(options: list, here, tense: str | None) -> list:
    """The options on the side of `here` the tense points to (all of them if none is left)."""
    if tense == "future":
        kept = [o for o in options if o >= here]
    elif tense == "past":
        kept = [o for o in options if o <= here]
    else:
        kept = options
    return kept or options


def nearest_date(month: int, day: int, published: dt.date, tense: str | None = None) -> dt.date | None:
    """The month/day in the year (around publication) closest to it on the side the tense points
    to; the past on a tie."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    options = _oriented(options, published, tense)
    return min(options, key=lambda d: (abs((d - published).days), d > published), default=None)


def _date(fields: dict, ref: Reference) -> str | None:
    month, day, year = fields["month"], fields["day"], fields["year"]
    if year is None:
        if ref.published is None:
            return f"XXXX-{month:02d}-{day:02d}"
        resolved = nearest_date(month, day, ref.published, ref.tense)
        return resolved.isoformat() if resolved else None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(fields: dict, ref: Reference) -> str | None:
    month = fields["month"]
    if fields.get("year"):
        return f"{fields['year']}-{month:02d}"
    if ref.published is None:
        return f"XXXX-{month:02d}"
    here = ref.published.year * 12 + ref.published.month - 1
    options = [(ref.published.year + shift) * 12 + month - 1 for shift in (-1, 0, 1)]
    modifier = fields.get("modifier", "")
    if modifier in PAST_MODIFIERS:
        options = [o for o in options if o < here]
    elif modifier in FUTURE_MODIFIERS:
        options = [o for o in options if o > here]
    else:
        options = _oriented(options, here, ref.tense)
    chosen = min(options, key=lambda o: (abs(o - here), o > here))
    return f"{chosen // 12}-{chosen % 12 + 1:02d}"


def _season(fields: dict, ref: Reference) -> str | None:
    if fields.get("year"):
        return f"{fields['year']}-{fields['season']}"
    if ref.published is None:
        return None
    shift = {"last": -1, "past": -1, "next": 1}.get(fields.get("modifier", ""), 0)
    return f"{ref.published.year + shift}-{fields['season']}"


def weekday_date(weekday: int, modifier: str, ref: Reference) -> dt.date | None:
    """The day a weekday name points to: its own week with "this", else the nearest before (or,
    when the sentence speaks of what is ahead, after) the publication day, which it may be."""
    published = ref.published
    if published is None:
        return None
    delta = weekday - published.weekday()
    if modifier == "this":
        return published + dt.timedelta(days=delta)
    if modifier in FUTURE_MODIFIERS or (not modifier and ref.tense == "future" and delta != 0):
        return published + dt.timedelta(days=delta % 7 or 7)
    if modifier in PAST_MODIFIERS:
        return published - dt.timedelta(days=(-delta) % 7 or 7)
    return published - dt.timedelta(days=(-delta) % 7)


def _period(fields: dict, ref: Reference) -> str | None:
    unit = fields["unit"]
    if fields["definite"]:
        return duration_value(1, unit)
    if ref.published is None or unit not in ("week", "month", "quarter", "year"):
        return None
    shift = -1 if fields["modifier"] in PAST_MODIFIERS else 1 if fields["modifier"] in FUTURE_MODIFIERS else 0
    published = ref.published
    if unit == "year":
        return str(published.year + shift)
    if unit == "month":
        return _month_index_value(published.year * 12 + published.month - 1 + shift)
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + shift
        return f"{index // 4}-Q{index % 4 + 1}"
    return _week_value(published + dt.timedelta(weeks=shift))


def _month_index_value(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def _week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _weekend(fields: dict, ref: Reference) -> str | None:
    """The weekend a report speaks of: the last one (today's, on a Saturday or Sunday) unless
    the words or the tense look ahead."""
    if ref.published is None:
        return None
    saturday = ref.published + dt.timedelta(days=5 - ref.published.weekday())
    modifier = fields["modifier"]
    ahead = modifier in FUTURE_MODIFIERS or (modifier in ("", "this") and ref.tense == "future")
    if not ahead and saturday > ref.published:
        saturday -= dt.timedelta(weeks=1)
    if modifier in PAST_MODIFIERS and saturday >= ref.published - dt.timedelta(days=1):
        saturday -= dt.timedelta(weeks=1)
    return _week_value(saturday) + "-WE"


def _part_of_year(fields: dict, ref: Reference) -> str | None:
    """"the fourth quarter" in a March report is last year's, unless the sentence looks ahead."""
    letter, index, year = fields["letter"], fields["index"], fields["year"]
    if index > (4 if letter == "Q" else 2):
        return None
    if year is None:
        if ref.published is None:
            return None
        current = (ref.published.month - 1) // (3 if letter == "Q" else 6) + 1
        shift = fields["shift"]
        if shift is None:
            shift = -1 if index > current and ref.tense != "future" else 0
        year = ref.published.year + shift
    return f"{year}-{letter}{index}"


def _ago(fields: dict, ref: Reference) -> str | None:
    """"30 years ago" is a year, "three weeks ago" a week: the value keeps the unit's precision."""
    published, count, unit = ref.published, fields["count"], fields["unit"]
    if published is None or not float(count).is_integer():
        return None
    count = int(count)
    if unit in ("year", "decade", "century"):
        return str(published.year - count * DURATION_UNITS[unit][1])
    if unit == "month":
        return _month_index_value(published.year * 12 + published.month - 1 - count)
    if unit in ("week", "fortnight"):
        return _week_value(published - dt.timedelta(weeks=count * DURATION_UNITS[unit][1]))
    if unit == "day":
        return (published - dt.timedelta(days=count)).isoformat()
    return None


def _with_part(day: str | None, fields: dict) -> str | None:
    """A day with its TIMEX3 part of day, if the words name one: "2024-03-11TMO"."""
    return f"{day}T{fields['part']}" if day and fields.get("part") else day


def _days_from(base: dt.date | None, offset: int) -> str | None:
    return (base + dt.timedelta(days=offset)).isoformat() if base else None


def date_value(candidate: Candidate, ref: Reference) -> str | None:
    """The TIMEX3 value of a DATE-type candidate (None when it cannot be resolved)."""
    fields, kind = candidate.fields, candidate.kind
    if kind == "date":
        return _date(fields, ref)
    if kind == "month":
        return _month(fields, ref)
    if kind == "year":
        return str(fields["year"])
    if kind == "decade":
        return fields["decade"] + "X"
    if kind == "century":
        return f"{fields['century']:02d}" if fields["century"] >= 0 else None
    if kind == "season":
        return _season(fields, ref)
    if kind == "weekday":
        day = weekday_date(fields["weekday"], fields["modifier"], ref)
        return _with_part(day.isoformat() if day else None, fields)
    if kind == "deictic":
        return _with_part(_days_from(ref.published, fields["offset"]), fields)
    if kind == "weekend":
        return _weekend(fields, ref)
    if kind == "part_of_year":
        return _part_of_year(fields, ref)
    if kind == "anchored":
        return _days_from(ref.day, fields["offset"])
    if kind == "ago":
        return _ago(fields, ref)
    if kind == "reference":
        return fields["ref"]
    return None


def value_and_type(candidate: Candidate, ref: Reference) -> tuple[str, str] | None:
    """(TIMEX3 value, TIMEX3 type) of any candidate, or None when it cannot be resolved."""
    kind, fields = candidate.kind, candidate.fields
    if kind == "duration":
        return duration_value(fields["count"], fields["unit"]), "DURATION"
    if kind == "set":
        return duration_value(fields["count"], fields["unit"]), "SET"
    if kind == "period":
        value = _period(fields, ref)
        return (value, "DURATION" if fields["definite"] else "DATE") if value else None
    if kind == "clock":
        day_candidate = fields.get("day")
        if day_candidate is None and not fields["cued"]:
            return None
        day = date_value(day_candidate, ref) if day_candidate else (ref.day.isoformat() if ref.day else None)
        if day is None or not DAY.fullmatch(day[:10]):
            return None
        return f"{day[:10]}T{fields['hour']:02d}:{fields['minute']:02d}", "TIME"
    value = date_value(candidate, ref)
    return (value, "TIME" if "T" in value else "DATE") if value else None
