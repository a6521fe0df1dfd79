"""Merged events as a GeoJSON FeatureCollection (RFC 7946): one Point per located event.

Coordinates are [longitude, latitude] in WGS 84, as the RFC orders them; the properties are the
event's ACLED row, so a map shows what the CSV holds. Events without coordinates cannot be drawn:
they are left out and counted, for the caller to report.
"""
from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from peacewatch.exports.acled_csv import acled_row


class FeatureCollection(NamedTuple):
    geojson: dict[str, Any]
    unplaced: int  # events left out for want of coordinates


def feature(event: dict[str, Any]) -> dict[str, Any]:
    row = acled_row(event)
    return {"type": "Feature", "id": row["event_id_cnty"],
            "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
            "properties": {**row, "articles": [s["article_id"] for s in event["sources"]]}}


def feature_collection(events: Iterable[dict[str, Any]]) -> FeatureCollection:
    events = list(events)
    placed = [e for e in events if e["latitude"] is not None and e["longitude"] is not None]
    return FeatureCollection({"type": "FeatureCollection", "features": [feature(e) for e in placed]},
                             len(events) - len(placed))
