"""Versioned schema migrations (Alembic revisions in alembic_scripts/), applied when a store is opened.

The revisions ship inside the package and run programmatically: users need no alembic.ini. Each
revision's DDL is dialect-aware (full_text.py, merged_events.py), so SQLite and PostgreSQL follow
the same history. `alembic_version` records where a database stands, so an older database is
brought up to date and one written by a newer peacewatch is refused rather than misread. All
missing revisions run in one transaction: a database is either at its old revision or the new one.

Before Alembic, peacewatch kept its own `schema_migrations` table (versions 1–5). Revisions
0001–0005 are those same migrations, so such a database is stamped at the revision of its newest
version, loses that table, and is upgraded from there with its rows untouched.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from peacewatch.errors import StoreUnavailable
from peacewatch.store.engine import writing

SCRIPTS = Path(__file__).with_name("alembic_scripts")
LEGACY_TABLE = "schema_migrations"
HEAD = "head"


def migrate(engine: sa.Engine, target: str = HEAD) -> list[str]:
    """Bring the database to `target` (the newest revision unless told); returns the revisions applied.

    The check is a plain read, so opening an up-to-date store never waits for a running ingest;
    only when something is missing does it take the write lock, and then checks again under it.
    """
    with engine.connect() as connection:
        if not _missing(connection, target) and _legacy_revision(connection) is None:
            return []
    with writing(engine) as connection:
        missing = _missing(connection, target)
        _adopt_legacy_versions(connection)
        config = _config(SCRIPTS)
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    return missing


def _config(location: Path) -> Config:
    """Alembic's settings, made in code: the scripts' folder is all it needs."""
    config = Config()
    config.set_main_option("script_location", str(location))
    return config


@cache
def _revisions(location: Path) -> ScriptDirectory:
    return ScriptDirectory.from_config(_config(location))


def _scripts() -> ScriptDirectory:
    return _revisions(SCRIPTS)


def _missing(connection: sa.Connection, target: str) -> list[str]:
    """The revisions between the database's and `target`, oldest first."""
    scripts = _scripts()
    current = _current_revision(connection)
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreUnavailable(connection.engine.url.render_as_string(hide_password=True),
                               f"database schema revision {current} is newer than this peacewatch "
                               f"understands ({scripts.get_current_head()}); upgrade peacewatch")
    pending = scripts.iterate_revisions(target, current or "base")
    return [s.revision for s in reversed(list(pending))]


def _current_revision(connection: sa.Connection) -> str | None:
    """Alembic's revision, else the one matching our pre-Alembic version, else None (a new database)."""
    return MigrationContext.configure(connection).get_current_revision() or _legacy_revision(connection)


def _legacy_revision(connection: sa.Connection) -> str | None:
    """The revision of a database that only our pre-Alembic `schema_migrations` describes."""
    if not sa.inspect(connection).has_table(LEGACY_TABLE):
        return None
    if MigrationContext.configure(connection).get_current_revision() is not None:
        return None
    newest = connection.scalar(sa.text(f"SELECT max(version) FROM {LEGACY_TABLE}"))
    return None if newest is None else f"{newest:04d}"


def _adopt_legacy_versions(connection: sa.Connection) -> None:
    """Stamp a pre-Alembic database at its revision and drop the table Alembic's replaces."""
    legacy = _legacy_revision(connection)
    if legacy is not None:
        MigrationContext.configure(connection).stamp(_scripts(), legacy)
        connection.exec_driver_sql(f"DROP TABLE {LEGACY_TABLE}")
