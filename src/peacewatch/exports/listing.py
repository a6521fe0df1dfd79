"""Merged events as flat rows for a terminal table or a plain CSV: one line each, its sources
counted and named by outlet (or article, where the outlet is unknown)."""
from __future__ import annotations

from typing import Any, Iterable

LISTED_COLUMNS = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2",
                  "location", "country", "fatalities", "reports", "sources")


def listing_rows(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**{c: event.get(c) for c in LISTED_COLUMNS}, "reports": len(event["sources"]),
             "sources": "; ".join(dict.fromkeys(s["outlet"] or s["article_id"] for s in event["sources"]))}
            for event in events]
