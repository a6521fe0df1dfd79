"""Merged events: the `events` command's filters, plus sub-type and map box, in JSON pages or the
exports' formats (ACLED CSV, GeoJSON) written by the same functions the CLI uses.

Every format is paged the same way: JSON carries `next` in the body, CSV and GeoJSON in a
`Link: <…>; rel="next"` header, so a client can fetch a large table in pieces in any format.
"""
from __future__ import annotations

import enum
import io
import json
from typing import Annotated, Any, Optional, Sequence

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from peacewatch.api.context import Cursor, Day, Limit, StoreDep
from peacewatch.api.models import MergedEvent, Page
from peacewatch.api.pages import event_page, next_url
from peacewatch.exports.acled_csv import write_acled_csv
from peacewatch.exports.geojson import feature_collection
from peacewatch.store.merged_events import EventFilter

router = APIRouter(tags=["events"])
Box = tuple[float, float, float, float]


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


def in_box(event: dict[str, Any], box: Box) -> bool:
    lat, lon = event["latitude"], event["longitude"]
    return lat is not None and lon is not None and box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def narrowed(events: Sequence[dict[str, Any]], sub_type: Optional[str], box: Optional[Box]) -> list[dict[str, Any]]:
    """The filters EventFilter lacks: part of the sub-event type, and the map box."""
    return [e for e in events
            if (not sub_type or sub_type.lower() in e["sub_event_type"].lower()) and (box is None or in_box(e, box))]


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
    found = store.events(EventFilter(since, until, type, actor, country))
    events, following = event_page(narrowed(found, sub_type, box), cursor, limit)
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
