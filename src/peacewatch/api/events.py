"""Merged events: the `events` command's filters, plus sub-type and map box, in JSON pages or the
exports' formats (ACLED CSV, GeoJSON) written by the same functions the CLI uses.

Every format is paged the same way: JSON carries `next` in the body, CSV and GeoJSON in a
`Link: <…>; rel="next"` header, so a client can fetch a large table in pieces in any format.
"""
from __future__ import annotations

import enum
import io
import json
from typing import Annotated, Optional

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from peacewatch.api.context import Cursor, Day, Limit, StoreDep
from peacewatch.api.models import MergedEvent, Page
from peacewatch.api.pages import cursor_key, event_page, next_url
from peacewatch.exports.acled_csv import write_acled_csv
from peacewatch.exports.geojson import feature_collection
from peacewatch.store.merged_events import Box, EventFilter, PageKey, page_key

router = APIRouter(tags=["events"])


class EventsFormat(str, enum.Enum):
    json = "json"
    acled_csv = "acled-csv"
    geojson = "geojson"


def parse_bbox(text: Optional[str]) -> Optional[Box]:
    """`minlon,minlat,maxlon,maxlat` in degrees (GeoJSON's order); a 400 naming what is wrong."""
    if text is None:
        return None
    try:
        box = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise HTTPException(400, f"bbox: {text!r} is not four numbers minlon,minlat,maxlon,maxlat") from None
    if len(box) != 4:
        raise HTTPException(400, f"bbox: expected four numbers minlon,minlat,maxlon,maxlat, got {len(box)}")
    min_lon, min_lat, max_lon, max_lat = box
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise HTTPException(400, "bbox: needs -180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90")
    return box


def after_cursor(cursor: Optional[str]) -> Optional[PageKey]:
    """Where the page a cursor points at starts, as the store's page key."""
    key = cursor_key(cursor)
    if key is None:
        return None
    undated, last, has_first, first, event_id = key
    return page_key(None if undated else last, first if has_first else None, event_id)


CSV_AND_GEOJSON = {200: {"content": {"text/csv": {}, "application/geo+json": {}},
                         "description": "A page of merged events in the requested format."}}


@router.get("/events", response_model=Page[MergedEvent], responses=CSV_AND_GEOJSON)
def list_events(request: Request, store: StoreDep, since: Optional[Day] = None, until: Optional[Day] = None,
                type: Annotated[Optional[str], Query(description="Part of the event type or sub-event type.")] = None,
                sub_type: Annotated[Optional[str], Query(description="Part of the sub-event type.")] = None,
                actor: Annotated[Optional[str], Query(description="Part of any actor's name.")] = None,
                country: Annotated[Optional[str], Query(description="A country's name or ISO code.")] = None,
                bbox: Annotated[Optional[str], Query(description="minlon,minlat,maxlon,maxlat (WGS 84 degrees).")] = None,
                format: EventsFormat = EventsFormat.json, limit: Limit = 100, cursor: Cursor = None) -> Response:
    """Events merged across articles, earliest first, each with its actors and the reports that tell it."""
    box = parse_bbox(bbox)
    wanted = EventFilter(since, until, type, actor, country, sub_type, box)
    found = store.events(wanted, after_cursor(cursor), limit + 1)
    events, following = event_page(found, cursor, limit)
    link = next_url(request, following)
    if format is EventsFormat.json:
        page = Page[MergedEvent](items=events, cursor=following, next=link)
        return JSONResponse(page.model_dump(mode="json"))
    headers = {"Link": f'<{link}>; rel="next"'} if link else {}
    if format is EventsFormat.acled_csv:
        table = io.StringIO()
        write_acled_csv(events, table)
        return Response(table.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    collection = feature_collection(events)
    return Response(json.dumps(collection.geojson, ensure_ascii=False, default=str),
                    media_type="application/geo+json",
                    headers={**headers, "X-Unplaced-Events": str(collection.unplaced)})
