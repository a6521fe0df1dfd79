"""The calendar values agreement files hold: ISO dates and datetimes, and TIMEX3 durations.

Agreements count in calendar units ("within three years", "six months before expiry"), so a
duration is added field by field (P3Y from 10 November is 10 November three years on; a month
from 31 January is the last day of February), not as a fixed number of days.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional, TypeVar

DURATION = re.compile(
    r"^P(?!$)(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
T = TypeVar("T")


@dataclass(frozen=True)
class Duration:
    """A TIMEX3 duration as calendar fields; the clock part is kept as one timedelta."""

    months: int
    days: int
    clock: dt.timedelta


def parse_duration(value: str) -> Duration | None:
    """`P1Y6M` → 18 months; None when the text is not a whole-number TIMEX3 duration."""
    match = DURATION.match(value)
    if not match:
        return None
    n = {k: int(v or 0) for k, v in match.groupdict().items()}
    return Duration(months=12 * n["years"] + n["months"], days=7 * n["weeks"] + n["days"],
                    clock=dt.timedelta(hours=n["hours"], minutes=n["minutes"], seconds=n["seconds"]))


def checked(value: str, shape: re.Pattern, parse: Callable[[str], T]) -> Optional[T]:
    """`parse(value)` when the value has the shape and names a real day; None otherwise."""
    if not shape.match(value):
        return None
    try:
        return parse(value)
    except ValueError:
        return None


def parse_date(value: str) -> dt.date | None:
    """`2020-11-15` → the date; None for anything else, including impossible days."""
    return checked(value, DATE, dt.date.fromisoformat)


def parse_datetime(value: str) -> dt.datetime | None:
    """An ISO datetime that names its zone (2020-11-10T00:00:00+03:00); None otherwise."""
    return checked(value, DATETIME, dt.datetime.fromisoformat)


def moment_date(value: str) -> dt.date | None:
    """The calendar day of an agreement time, in the zone the agreement states it in."""
    moment = parse_datetime(value)
    return moment.date() if moment else parse_date(value)


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), or the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def add(day: dt.date, duration: Duration, sign: int = 1) -> dt.date:
    """`day` plus (sign 1) or minus (sign -1) the duration; a clock part counts whole days."""
    shifted = shift_months(day, sign * duration.months) + sign * dt.timedelta(days=duration.days)
    return shifted + sign * dt.timedelta(days=duration.clock.days)
