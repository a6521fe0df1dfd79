"""Full-text search over article titles and texts: SQLite FTS5, or PostgreSQL's own text search.

On SQLite, `articles_fts` holds its own copy of title and text, keyed by `article_id`: an
external-content table would key on the rowid of `articles`, which VACUUM may renumber because
`articles` has a TEXT primary key. Triggers keep the copy in sync, also for rows that someone
edits with another tool.

On PostgreSQL, a GIN index over a tsvector expression (title weighted A, text B) needs no copy and
no trigger. Both tokenize without stemming or stop words ('simple'), as FTS5's unicode61 does; our
query language (search_query.py) becomes a tsquery that restricts `title:` terms to weight A.
"""
from __future__ import annotations

import re
from typing import Sequence

import sqlalchemy as sa

from peacewatch.errors import InvalidSearchQuery
from peacewatch.store.search_query import SYNTAX, to_tsquery

SQLITE_DDL = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO articles_fts (article_id, title, text) SELECT id, title, text FROM articles",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN "
    "UPDATE articles_fts SET article_id = new.id, title = new.title, text = new.text "
    "WHERE article_id = old.id; END",
)

# The index's expression; a query must repeat it word for word for the planner to use the index.
POSTGRES_VECTOR = ("(setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
                   "setweight(to_tsvector('simple', text), 'B'))")
POSTGRES_DDL = (f"CREATE INDEX articles_text_search ON articles USING gin ({POSTGRES_VECTOR})",)

# How SQLite words a malformed MATCH expression (other OperationalErrors are not the query's fault).
QUERY_MISTAKE = re.compile(r"fts5|unterminated string|no such column|syntax error|unknown special query")

LISTED = "a.id, a.title, a.outlet, a.published, a.duplicate_of"
SQLITE_SEARCH = sa.text(
    f"SELECT {LISTED}, snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank "
    "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.article_id "
    "WHERE articles_fts MATCH :query ORDER BY rank LIMIT :limit"
)
POSTGRES_SEARCH = sa.text(
    f"SELECT {LISTED}, ts_headline('simple', a.text, q, 'StartSel=[, StopSel=], MaxWords=16, MinWords=8, "
    "MaxFragments=1, FragmentDelimiter=…') AS snippet, -ts_rank(" + POSTGRES_VECTOR + ", q) AS rank "
    "FROM articles AS a, to_tsquery('simple', :query) AS q "
    f"WHERE {POSTGRES_VECTOR} @@ q ORDER BY rank, a.id LIMIT :limit"
)


def create_full_text_index(connection: sa.Connection) -> None:
    for statement in SQLITE_DDL if connection.dialect.name == "sqlite" else POSTGRES_DDL:
        connection.exec_driver_sql(statement)


def search(connection: sa.Connection, query: str, limit: int) -> list[dict]:
    """Articles matching a query, best first (lower rank is better), with a snippet."""
    if connection.dialect.name == "sqlite":
        rows = _sqlite_search(connection, query, limit)
    else:
        rows = connection.execute(POSTGRES_SEARCH, {"query": to_tsquery(query), "limit": limit}).mappings()
    return [dict(row) for row in rows]


def _sqlite_search(connection: sa.Connection, query: str, limit: int) -> Sequence[sa.RowMapping]:
    try:
        return connection.execute(SQLITE_SEARCH, {"query": query, "limit": limit}).mappings().all()
    except sa.exc.OperationalError as error:
        if not QUERY_MISTAKE.search(str(error.orig)):
            raise
        raise InvalidSearchQuery(f"query {query!r}", f"{error.orig} ({SYNTAX})") from error
