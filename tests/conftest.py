"""Shared test fixtures: paths to the shared corpus (tests skip when it is absent), and store URLs
on SQLite and on a PostgreSQL server the tests start themselves."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from postgres_server import NoPostgres, PostgresServer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture
def dev_articles() -> list[Path]:
    files = sorted(DEV.glob("*.json"))
    if not files:
        pytest.skip("../shared/corpus/dev is absent")
    return files


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server per test worker (postgres_server.py); absent: skip, or fail under CI=true."""
    try:
        server = PostgresServer.start()
    except NoPostgres as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is needed under CI: {error}")
        pytest.skip(f"PostgreSQL unavailable: {error}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """A new, empty store's URL on each backend the store supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'peacewatch.db'}"
    return request.getfixturevalue("postgres_server").database()
