"""Versioned, named schema migrations, applied in order when a store is opened.

`schema_migrations` records which versions a database has, so an older file is brought up to
date and a file written by a newer peacewatch is refused rather than misread. All missing
migrations run in one transaction: a database is either at its old version or at the new one.
Migration 1 creates the tables as schema.py defines them (skipping any that exist); a later
change to a table adds a migration with the DDL that brings an existing database to it, written
so that it also holds for a database that migration 1 created from the updated schema.py.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, NamedTuple

import sqlalchemy as sa

from peacewatch.errors import StoreUnavailable
from peacewatch.store.engine import writing
from peacewatch.store.full_text import create_full_text_index
from peacewatch.store.merged_events import create_merged_layer
from peacewatch.store.schema import claims, metadata, names

bookkeeping = sa.MetaData()
schema_migrations = sa.Table(
    "schema_migrations", bookkeeping,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("applied_at", sa.Text, nullable=False),
)


class Migration(NamedTuple):
    version: int
    name: str
    apply: Callable[[sa.Connection], None]


def _create_tables(connection: sa.Connection) -> None:
    metadata.create_all(connection)


def _create_names(connection: sa.Connection) -> None:
    names.create(connection, checkfirst=True)


def _create_claims(connection: sa.Connection) -> None:
    """The claims table; articles stored before it have no claims (their parse is gone)."""
    claims.create(connection, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, mention tables and near-duplicate signatures", _create_tables),
    Migration(2, "full-text search over articles (SQLite FTS5)", create_full_text_index),
    Migration(3, "names: one spelling per name across the corpus", _create_names),
    Migration(4, "merged events: one row per happening across articles, linked to its reports",
              create_merged_layer),
    Migration(5, "claims: figures with their subject, measure and source, for disputes", _create_claims),
)


def migrate(engine: sa.Engine) -> list[Migration]:
    """Apply the migrations this database lacks; returns those applied.

    The check is a plain read, so opening an up-to-date store never waits for a running ingest;
    only when something is missing does it take the write lock, and then checks again under it.
    """
    with engine.connect() as connection:
        if not _missing(connection):
            return []
    with writing(engine) as connection:
        bookkeeping.create_all(connection)
        missing = _missing(connection)
        for migration in missing:
            migration.apply(connection)
            connection.execute(schema_migrations.insert().values(
                version=migration.version, name=migration.name,
                applied_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
    return missing


def _missing(connection: sa.Connection) -> list[Migration]:
    if not sa.inspect(connection).has_table(schema_migrations.name):
        return list(MIGRATIONS)
    applied = set(connection.scalars(sa.select(schema_migrations.c.version)))
    newest = MIGRATIONS[-1].version
    if applied and max(applied) > newest:
        raise StoreUnavailable(connection.engine.url.render_as_string(hide_password=True),
                               f"database schema version {max(applied)} is newer than this "
                               f"peacewatch understands ({newest}); upgrade peacewatch")
    return [m for m in MIGRATIONS if m.version not in applied]
