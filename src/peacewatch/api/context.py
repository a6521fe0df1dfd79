"""What every endpoint reads from: the app's store and settings, the agreement files, and the
query parameters several endpoints share (a day, a page size, a cursor).

Agreement files are read per request, as the CLI reads them per command: an analyst's correction
shows at the next request, with no restart.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

from fastapi import Depends, Query, Request
from pydantic import AfterValidator

from peacewatch.agreements.files import load_agreements
from peacewatch.records import Agreement
from peacewatch.settings import Settings
from peacewatch.store.database import Store

# Days outside these years are typing mistakes, and date arithmetic near year 9999 overflows.
FIRST_DAY, LAST_DAY = dt.date(1800, 1, 1), dt.date(2199, 12, 31)
MAX_LIMIT = 1000


def in_calendar(day: dt.date) -> dt.date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{day} is outside {FIRST_DAY.year}–{LAST_DAY.year}")
    return day


Day = Annotated[dt.date, AfterValidator(in_calendar)]


def store_of(request: Request) -> Store:
    return request.app.state.store


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def agreements_of(settings: Annotated[Settings, Depends(settings_of)]) -> list[Agreement]:
    return load_agreements(settings.agreements_dir)


StoreDep = Annotated[Store, Depends(store_of)]
AgreementsDep = Annotated[list[Agreement], Depends(agreements_of)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="How many items per page.")]
Cursor = Annotated[Optional[str], Query(max_length=200, description="The `cursor` of the previous page.")]
AsOf = Annotated[Optional[Day], Query(description="The day (YYYY-MM-DD) [default: the newest stored article's].")]
