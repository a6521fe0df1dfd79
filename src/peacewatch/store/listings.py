"""Reads the HTTP API serves that no CLI command needs: one article with its text, places by
name, quotes with their source.

Like the other reads they count original articles only (a near-duplicate repeats a story) and
page with `offset`/`limit` in SQL, so a large store is never read whole for one page.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import sqlalchemy as sa

from peacewatch.errors import UnknownArticle
from peacewatch.knowledge.country_codes import country_iso
from peacewatch.store.database import Store
from peacewatch.store.schema import articles, places, quotes

ORIGINAL = articles.c.duplicate_of.is_(None)


@dataclass(frozen=True)
class Window:
    """Which slice of a listing to read."""

    offset: int = 0
    limit: int = 50


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One stored article with its text (the offsets of its extraction index it)."""
    query = sa.select(*(c for c in articles.c if c.name not in ("content_hash",))).where(articles.c.id == article_id)
    with store.database_errors(), store.engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        raise UnknownArticle(article_id, f"no such article in {store.url}")
    return row._asdict()


def place_rows(store: Store, window: Window, name: Optional[str] = None,
               country: Optional[str] = None) -> list[dict[str, Any]]:
    """Places by name, most mentioned first, with their coordinates and how many articles name them."""
    mentions = sa.func.count().label("mentions")
    query = (sa.select(places.c.name, sa.func.min(places.c.country).label("country"),
                       sa.func.min(places.c.latitude).label("latitude"),
                       sa.func.min(places.c.longitude).label("longitude"), mentions,
                       sa.func.count(sa.distinct(places.c.article_id)).label("articles"))
             .join(articles, articles.c.id == places.c.article_id).where(ORIGINAL)
             .group_by(places.c.name).order_by(mentions.desc(), places.c.name))
    if name:
        query = query.where(_contains(places.c.name, name))
    if country:
        query = query.where(places.c.country == country_iso(country))
    with store.database_errors(), store.engine.connect() as connection:
        return [row._asdict() for row in connection.execute(query.offset(window.offset).limit(window.limit))]


def quote_rows(store: Store, window: Window, speaker: Optional[str] = None,
               article_id: Optional[str] = None) -> list[dict[str, Any]]:
    """Quotes, newest article first, each with its speaker, article, outlet and span."""
    query = (sa.select(quotes.c.id, quotes.c.article_id, quotes.c.start_char.label("start"),
                       quotes.c.end_char.label("end"), quotes.c.text, quotes.c.speaker,
                       articles.c.outlet, articles.c.published)
             .join(articles, articles.c.id == quotes.c.article_id).where(ORIGINAL)
             .order_by(articles.c.published.desc().nulls_last(), quotes.c.article_id, quotes.c.id))
    if speaker:
        query = query.where(_contains(quotes.c.speaker, speaker))
    if article_id:
        query = query.where(quotes.c.article_id == article_id)
    with store.database_errors(), store.engine.connect() as connection:
        return [row._asdict() for row in connection.execute(query.offset(window.offset).limit(window.limit))]


def _contains(column: sa.ColumnElement, text: str) -> sa.ColumnElement[bool]:
    return sa.func.lower(column).contains(text.lower(), autoescape=True)
