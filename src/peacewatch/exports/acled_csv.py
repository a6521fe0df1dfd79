"""ACLED's public CSV: exactly its columns, in its order, one row per merged event.

Values follow ACLED's conventions where ours differ: the day as YYYY-MM-DD (a week- or
month-precise date on the first day ACLED would code it to), fatalities 0 when no report gives a
figure, sources joined with "; ", `timestamp` the Unix time of the row's last change. Columns
peacewatch cannot fill (associated actors, admin2, admin3, tags) are left empty.
"""
from __future__ import annotations

import csv
import datetime as dt
from typing import Any, Iterable, TextIO

from peacewatch.events.merge import days
from peacewatch.exports.acled_codes import (civilian_targeting, disorder_type, inter_code, interaction,
                                            place_codes, source_scale)
from peacewatch.knowledge.country_codes import codes_of

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
COORDINATE_DECIMALS = 4


def event_day(event_date: str | None) -> dt.date | None:
    """The day an ACLED row carries: the date itself, or the first day of its week or month."""
    if event_date and len(event_date) == 10:
        return dt.date.fromisoformat(event_date)
    span = days(event_date, 3)
    return span[0] if span else None


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One merged event (as `Store.events` returns it) as an ACLED row."""
    day = event_day(event["event_date"])
    inter1, inter2 = inter_code(event["actor1"]), inter_code(event["actor2"])
    place = place_codes(event["location"], event["latitude"], event["longitude"])
    country = codes_of(event["country"] or place.country)
    outlets = list(dict.fromkeys(s["outlet"] for s in event["sources"] if s["outlet"]))
    return {
        "event_id_cnty": event["event_id_cnty"], "event_date": day.isoformat() if day else None,
        "year": day.year if day else None, "time_precision": event["time_precision"],
        "disorder_type": disorder_type(event["event_type"], event["sub_event_type"]),
        "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
        "actor1": event["actor1"], "assoc_actor_1": None, "inter1": inter1,
        "actor2": event["actor2"], "assoc_actor_2": None, "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(event["event_type"], inter2),
        "iso": country.numeric if country else None, "region": country.region if country else None,
        "country": country.name if country else None, "admin1": place.admin1, "admin2": None, "admin3": None,
        "location": event["location"], "latitude": _rounded(event["latitude"]),
        "longitude": _rounded(event["longitude"]), "geo_precision": place.geo_precision,
        "source": "; ".join(outlets), "source_scale": source_scale(outlets, country.iso2 if country else None),
        "notes": event["notes"], "fatalities": event["fatalities"] or 0, "tags": None,
        "timestamp": int(dt.datetime.fromisoformat(event["updated_at"]).timestamp()),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, COORDINATE_DECIMALS)


def write_acled_csv(events: Iterable[dict[str, Any]], stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(acled_row(event) for event in events)
