"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, started on a free
loopback port with its socket in that folder, one fresh database per test, stopped at the end.

It runs as the `postgres` user when the tests run as root (initdb refuses root). Without PostgreSQL
binaries the tests that need it skip with the reason, or fail under CI=true, where `make test`
should have installed them.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa

SERVER_SETTINGS = ("-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=50")


class NoPostgres(Exception):
    """Why no PostgreSQL server could be started here."""


def binaries() -> Path:
    """The folder of initdb and pg_ctl: pg_config's answer, Debian's versioned folders, or PATH."""
    candidates = []
    if shutil.which("pg_config"):
        answer = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        candidates.append(answer.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)
    if shutil.which("initdb"):
        candidates.append(str(Path(shutil.which("initdb")).parent))
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    raise NoPostgres("no PostgreSQL server binaries (initdb, pg_ctl) found; `make test` installs them")


def _version(folder: str) -> float:
    return float(Path(folder).parent.name) if Path(folder).parent.name.replace(".", "").isdigit() else 0.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    """One running server; `database()` hands out a new empty database's URL."""

    folder: Path
    bin: Path
    port: int
    as_user: list[str]
    counter: Iterator[int] = field(default_factory=itertools.count)

    @classmethod
    def start(cls) -> PostgresServer:
        bin_folder = binaries()
        folder = Path(tempfile.mkdtemp(prefix="peacewatch-pg-"))
        as_user = _unprivileged(folder)
        server = cls(folder, bin_folder, _free_port(), as_user)
        server._run("initdb", "-D", str(folder / "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--no-sync", "--no-instructions")
        server._run("pg_ctl", "-D", str(folder / "data"), "-l", str(folder / "server.log"), "-w", "start",
                    "-o", f"-p {server.port} -k {folder} {SERVER_SETTINGS}")
        return server

    def _run(self, program: str, *arguments: str) -> None:
        done = subprocess.run([*self.as_user, str(self.bin / program), *arguments], capture_output=True, text=True)
        if done.returncode != 0:
            raise NoPostgres(f"{program} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def database(self) -> str:
        """A new empty database (pid-numbered, so parallel test workers never collide)."""
        name = f"test_{os.getpid()}_{next(self.counter)}"
        engine = sa.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
        engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                        "-w", "stop"], capture_output=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def _unprivileged(folder: Path) -> list[str]:
    """The command prefix that runs the server as `postgres` when we are root (else nothing)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("runuser"):
        raise NoPostgres("running as root without runuser to start PostgreSQL as another user")
    try:
        shutil.chown(folder, user="postgres")
    except LookupError as error:
        raise NoPostgres("running as root and there is no `postgres` user to run the server") from error
    return ["runuser", "-u", "postgres", "--"]
