"""The first and last day a TIMEX3 date value allows: "2020-FA" is September to November 2020,
"198X" the 1980s. Shared by whatever must compare a told time with a day (background sentences
in events/, evidence in tracking/), so that the two never read a value differently.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

Period = tuple[dt.date, dt.date]
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter runs into the next year
DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
MONTH = re.compile(r"^(\d{4})-(\d\d)$")
YEAR = re.compile(r"^(\d{4})$")
WEEK = re.compile(r"^(\d{4})-W(\d\d)")
SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
DECADE = re.compile(r"^(\d{3})X$")
CENTURY = re.compile(r"^(\d\d)XX$")
HALF = re.compile(r"^(\d{4})-H([12])$")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def months(year: int, first: int, last: int) -> Period:
    """Months `first`..`last` of a year; a last month past 12 runs into the next year."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), month_end(end_year, end_month)


def timex_period(value: str) -> Optional[Period]:
    """The first and last day a TIMEX3 date value allows (None for durations, sets and
    references such as PAST_REF)."""
    try:
        if match := DAY.match(value):
            day = dt.date(*map(int, match.groups()))
            return day, day
        if match := MONTH.match(value):
            return months(int(match[1]), int(match[2]), int(match[2]))
        if match := YEAR.match(value):
            return months(int(match[1]), 1, 12)
        if match := WEEK.match(value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if match := SEASON.match(value):
            return months(int(match[1]), *SEASON_MONTHS[match[2]])
        if match := HALF.match(value):
            return months(int(match[1]), 6 * int(match[2]) - 5, 6 * int(match[2]))
        if match := QUARTER.match(value):
            quarter = int(match[2])
            return months(int(match[1]), 3 * quarter - 2, 3 * quarter)
        if match := DECADE.match(value):
            return dt.date(int(match[1]) * 10, 1, 1), dt.date(int(match[1]) * 10 + 9, 12, 31)
        if match := CENTURY.match(value):
            return dt.date(int(match[1]) * 100, 1, 1), dt.date(int(match[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None
