"""What a store holds, in counts: the figures `peacewatch demo` shows.

Facts are counted over original articles only: a near-duplicate repeats a story already counted,
and counting its events again would double the news, not the violence.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from peacewatch.store.schema import articles, events, places, provisions, quantities, quotes, times

ORIGINAL = articles.c.duplicate_of.is_(None)


def summarize(connection: sa.Connection) -> dict[str, Any]:
    return {
        "articles": connection.scalar(sa.select(sa.func.count()).select_from(articles)),
        "duplicates": connection.scalar(sa.select(sa.func.count()).where(~ORIGINAL)),
        "events": _counts_by(connection, events.c.event_type),
        "places": _counts_by(connection, places.c.name),
        "quotes": _count(connection, quotes),
        "times": _count(connection, times),
        "quantities": _count(connection, quantities),
        "provisions": _count(connection, provisions),
        "provision_categories": _counts_by(connection, provisions.c.category),
    }


def _of_originals(query: sa.Select, table: sa.Table) -> sa.Select:
    return query.join(articles, articles.c.id == table.c.article_id).where(ORIGINAL)


def _count(connection: sa.Connection, table: sa.Table) -> int:
    return connection.scalar(_of_originals(sa.select(sa.func.count()).select_from(table), table))


def _counts_by(connection: sa.Connection, column: sa.Column) -> dict[str, int]:
    """Distinct values with their counts, most frequent first."""
    count = sa.func.count().label("n")
    query = _of_originals(sa.select(column, count).select_from(column.table), column.table)
    rows = connection.execute(query.group_by(column).order_by(count.desc(), column))
    return {value: n for value, n in rows}
