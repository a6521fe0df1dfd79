"""Full-text search over article titles and texts (SQLite FTS5).

`articles_fts` holds its own copy of title and text, keyed by `article_id`: an external-content
table would key on the rowid of `articles`, which VACUUM may renumber because `articles` has a
TEXT primary key. Triggers keep the copy in sync, also for rows that someone edits with another
tool. Only SQLite has FTS5; other databases get the tables without search.
"""
from __future__ import annotations

import re

import sqlalchemy as sa

from peacewatch.errors import InvalidSearchQuery, StoreUnavailable

FULL_TEXT_DDL = (
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

# How SQLite words a malformed MATCH expression (other OperationalErrors are not the query's fault).
QUERY_MISTAKE = re.compile(r"fts5|unterminated string|no such column|syntax error|unknown special query")

SEARCH = sa.text(
    "SELECT a.id, a.title, a.outlet, a.published, a.duplicate_of, "
    "snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet, bm25(articles_fts) AS rank "
    "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.article_id "
    "WHERE articles_fts MATCH :query ORDER BY rank LIMIT :limit"
)


def create_full_text_index(connection: sa.Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    for statement in FULL_TEXT_DDL:
        connection.exec_driver_sql(statement)


def search(connection: sa.Connection, query: str, limit: int) -> list[dict]:
    """Articles matching an FTS5 query, best first (lower rank is better), with a snippet."""
    if connection.dialect.name != "sqlite":
        raise StoreUnavailable(connection.engine.url.render_as_string(hide_password=True),
                               "full-text search needs SQLite")
    try:
        rows = connection.execute(SEARCH, {"query": query, "limit": limit}).mappings().all()
    except sa.exc.OperationalError as error:
        if not QUERY_MISTAKE.search(str(error.orig)):
            raise
        raise InvalidSearchQuery(f"query {query!r}", f"{error.orig} (FTS5 query syntax: "
                                 'words, "exact phrase", AND/OR/NOT, prefix*)') from error
    return [dict(row) for row in rows]
