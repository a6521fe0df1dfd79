"""Cursor pagination: an opaque token says where the next page starts, and `next` is its URL.

The token is base64 of a small JSON value, opaque so that its contents can change without
breaking clients. Listings read in SQL pages carry an offset; merged events carry the sort key of
the last event sent, so an event merged in while a client pages does not shift the pages after it.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any, Callable, Optional, Sequence, TypeVar

from fastapi import HTTPException, Request

from peacewatch.store.listings import Window

Row = TypeVar("Row")
EventKey = tuple[bool, dt.date, bool, dt.date, int]
MAX_OFFSET = 10**9


def encode(position: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(position, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(cursor: str) -> Any:
    """The position a token holds; a token we did not write is a 400, not a crash."""
    try:
        return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad_cursor() from None


def bad_cursor() -> HTTPException:
    return HTTPException(400, "cursor: not a cursor this API gave; start again without it")


def next_url(request: Request, cursor: Optional[str]) -> Optional[str]:
    return str(request.url.include_query_params(cursor=cursor)) if cursor else None


def window(cursor: Optional[str], limit: int) -> Window:
    """The slice an offset cursor points at; one row more than asked tells whether a next page exists."""
    offset = decode(cursor) if cursor else 0
    if not isinstance(offset, int) or isinstance(offset, bool) or not 0 <= offset <= MAX_OFFSET:
        raise bad_cursor()
    return Window(offset, limit + 1)


def offset_page(rows: Sequence[Row], at: Window) -> tuple[list[Row], Optional[str]]:
    """The page's rows (without the look-ahead row) and the cursor of the next page."""
    limit = at.limit - 1
    return list(rows[:limit]), encode(at.offset + limit) if len(rows) > limit else None


def listing(request: Request, cursor: Optional[str], limit: int,
            read: Callable[[Window], Sequence[Row]]) -> dict[str, Any]:
    """A page of a listing read in SQL slices, as the body of a `Page` response."""
    at = window(cursor, limit)
    rows, following = offset_page(read(at), at)
    return {"items": rows, "cursor": following, "next": next_url(request, following)}


def event_key(event: dict[str, Any]) -> EventKey:
    """Latest possible day (undated last), then first day (undated first), then id."""
    last, first = event["last_day"], event["first_day"]
    return last is None, last or dt.date.min, first is not None, first or dt.date.min, event["id"]


def event_page(events: Sequence[dict[str, Any]], cursor: Optional[str],
               limit: int) -> tuple[list[dict[str, Any]], Optional[str]]:
    """The `limit` events after the cursor's key in key order, and the cursor after the last of them."""
    after = cursor_key(cursor)
    remaining = [e for e in sorted(events, key=event_key) if after is None or event_key(e) > after]
    page = remaining[:limit]
    return page, _event_cursor(event_key(page[-1])) if len(remaining) > limit else None


def cursor_key(cursor: Optional[str]) -> Optional[EventKey]:
    """The key of the last event a merged-events cursor's page ended with (None: no cursor)."""
    return _event_key(decode(cursor)) if cursor else None


def _event_cursor(key: EventKey) -> str:
    undated, last, has_first, first, event_id = key
    return encode([None if undated else last.isoformat(), first.isoformat() if has_first else None, event_id])


def _event_key(position: Any) -> EventKey:
    try:
        last, first, event_id = position
        if not isinstance(event_id, int) or isinstance(event_id, bool):
            raise ValueError(event_id)
        last_day = dt.date.fromisoformat(last) if last is not None else None
        first_day = dt.date.fromisoformat(first) if first is not None else None
    except (TypeError, ValueError):
        raise bad_cursor() from None
    return last_day is None, last_day or dt.date.min, first_day is not None, first_day or dt.date.min, event_id
