"""Claims as the `disputes` rule reads them: each with its article's outlet, date and sentence.

The `claims` table is filled with the other mention tables (mention_rows.py); this query reads
the claims of original articles that have a subject (a figure about nothing in particular has no
rival), with the sentence cut from the article text so a reader sees the figure in context.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from peacewatch.store.schema import articles, claims


def claims_with_sources(connection: sa.Connection, measure: str | None = None) -> list[dict[str, Any]]:
    length = claims.c.sentence_end - claims.c.sentence_start
    sentence = sa.func.substr(articles.c.text, claims.c.sentence_start + 1, length).label("sentence")
    query = (sa.select(claims.c.subject, claims.c.measure, claims.c.value, claims.c.unit, claims.c.approximate,
                       claims.c.bound, claims.c.text, claims.c.attribution, claims.c.year, claims.c.article_id,
                       articles.c.outlet, articles.c.published, sentence)
             .join(articles, articles.c.id == claims.c.article_id)
             .where(articles.c.duplicate_of.is_(None), claims.c.subject.is_not(None))
             .order_by(claims.c.subject, claims.c.measure, articles.c.published, claims.c.id))
    if measure is not None:
        query = query.where(claims.c.measure == measure)
    return [row._asdict() for row in connection.execute(query)]
