"""The SQLAlchemy engine for a store URL, with SQLite set up for a file many processes share.

PostgreSQL (through psycopg 3) needs nothing of this: it has its own server-side locking.

SQLite gets write-ahead logging (readers never block the writer), foreign keys ON (they are off
by default, and ON DELETE CASCADE depends on them) and SQLAlchemy in charge of BEGIN: Python's
sqlite3 module would otherwise run DDL outside any transaction, so a failed migration could
leave half a schema. A write transaction begins IMMEDIATE so that two concurrent `ingest` runs
queue on the lock instead of failing when a reader upgrades to a writer.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Sequence, TypeVar

import sqlalchemy as sa
from sqlalchemy import event

from peacewatch.errors import StoreUnavailable

WRITE_OPTION = "peacewatch_write"
SUPPORTED = ("sqlite", "postgresql")
IDS_PER_QUERY = 500  # a query's bound parameters are limited (32,766 on SQLite)
Id = TypeVar("Id")


def id_chunks(ids: Sequence[Id]) -> Iterator[Sequence[Id]]:
    """The ids IDS_PER_QUERY at a time, for `IN` lists a store of any size can take."""
    for begin in range(0, len(ids), IDS_PER_QUERY):
        yield ids[begin:begin + IDS_PER_QUERY]


def create_store_engine(url: str) -> sa.Engine:
    """An engine for a SQLite or PostgreSQL URL (a bare `postgresql://` URL gets psycopg 3)."""
    try:
        parsed = sa.make_url(url)
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = sa.create_engine(parsed)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as error:
        raise StoreUnavailable(url, f"not a usable database URL ({error})") from error
    if engine.dialect.name not in SUPPORTED:
        raise StoreUnavailable(url, "peacewatch stores articles in SQLite or PostgreSQL")
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (_begin_sqlite)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin_sqlite(connection: sa.Connection) -> None:
    writes = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            yield connection
