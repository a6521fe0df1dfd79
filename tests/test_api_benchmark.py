"""benchmarks/api.py on a small store: it fills both databases and times every query it names.

The 1,000,000-event run takes minutes and is never part of the suite; this checks that the
benchmark still runs against the current schema and API (a renamed column or route breaks it)."""
import os
import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "api.py"
QUERIES = ("events page (filtered)", "events page after a cursor", "provision timeline", "search")


def test_the_api_benchmark_fills_a_small_store_and_prints_every_query():
    done = subprocess.run([sys.executable, str(BENCHMARK), "--events", "400", "--requests", "2", "--page-size", "3"],
                          capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "200"}, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "API latency at 400 events" in done.stdout
    rows = done.stdout.splitlines()
    for database in ("SQLite", "PostgreSQL"):
        measured = [q for q in QUERIES if any(database in row and q in row for row in rows)]
        assert measured == list(QUERIES) or any(database in row and "not measured" in row for row in rows)
