"""What the articles say, across the store: places, quotes, disputed figures, full-text search."""
from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Query, Request

from peacewatch.api.context import Cursor, Limit, StoreDep
from peacewatch.api.models import DisputedFigure, Page, PlaceRow, QuoteRow, SearchHit
from peacewatch.api.pages import listing
from peacewatch.store.listings import place_rows, quote_rows

router = APIRouter(tags=["mentions"])
Text = Annotated[Optional[str], Query(max_length=200)]


@router.get("/places", response_model=Page[PlaceRow])
def list_places(request: Request, store: StoreDep, name: Text = None,
                country: Annotated[Optional[str], Query(max_length=100, description="A country's name or ISO code.")] = None,
                limit: Limit = 100, cursor: Cursor = None) -> dict:
    """Places the articles name, most mentioned first, with coordinates and counts."""
    return listing(request, cursor, limit, lambda at: place_rows(store, at, name, country))


@router.get("/quotes", response_model=Page[QuoteRow])
def list_quotes(request: Request, store: StoreDep,
                speaker: Annotated[Optional[str], Query(max_length=200, description="Part of the speaker's name.")] = None,
                article: Annotated[Optional[str], Query(max_length=200, description="Only this article's quotes.")] = None,
                limit: Limit = 100, cursor: Cursor = None) -> dict:
    """Quotes with their speakers, newest article first."""
    return listing(request, cursor, limit, lambda at: quote_rows(store, at, speaker, article))


@router.get("/disputes", response_model=list[DisputedFigure])
def list_disputes(store: StoreDep,
                  measure: Annotated[Optional[str], Query(max_length=100, description="Only this measure (killed, displaced, troops, …).")] = None,
                  tolerance: Annotated[Optional[float], Query(ge=0, le=1, description=(
                      "Share of the larger value two figures may differ by and still agree [default: measures.yaml's].")
                  )] = None) -> list[dict]:
    """Disputed figures: one subject and measure, values that differ, each with its source and sentence."""
    return store.disputes(measure, tolerance)


@router.get("/search", response_model=list[SearchHit])
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500, description="SQLite FTS5 query.")],
           limit: Annotated[int, Query(ge=1, le=100)] = 10) -> list[dict]:
    """Articles matching a full-text query, best first, with a snippet; a malformed query is a 400."""
    return store.search(q, limit)
