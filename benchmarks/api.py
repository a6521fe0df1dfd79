"""Latency of the API's main reads at scale, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/api.py [--events 1000000] [--requests 200] [--page-size 100] [--database sqlite|postgresql]

Fills a fresh store per database (SQLite in a temporary file; PostgreSQL on a throwaway server
started as the tests start theirs, tests/postgres_server.py) with synthetic merged events, each
told by one event report of a synthetic article (EVENTS_PER_ARTICLE reports an article), spread
over ten years, a dozen conflicts, their places, actors and coordinates, and the ACLED types.
Rows go in by bulk inserts through SQLAlchemy Core, not through `analyze`, so the fill takes
minutes, not days; then every article is linked to the shipped agreements' provisions by the
code `peacewatch ingest` runs (tracking/evidence_store.py), and the table says how long that
took per article. A few articles of November 2020 report handovers of districts named in the
shipped 2020 Nagorno-Karabakh armistice, so that its provisions have evidence.

Then it times, in milliseconds (p50, p95), --requests runs of each query, or as many as fit in
BUDGET_MS (the table says how many):
- a filtered events page (GET /api/events through FastAPI's TestClient, filters drawn at random
  from country, dates, type, sub-type, actor and map box), and the page that follows such a page
  (its `next` link, fetched before the clock starts);
- a provision's timeline (GET /api/agreements/2020-armistice/provisions/2 as of 2020-12-02,
  through the TestClient): the agreement's stored evidence, then the timeline computed from it;
- full-text search (GET /api/search, two words that must both occur).
PostgreSQL's planner statistics are refreshed after the fill and linking (ANALYZE), as autovacuum
would do after a bulk load; SQLite gets none, as peacewatch never runs ANALYZE there.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

import sqlalchemy as sa
from fastapi.testclient import TestClient
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from postgres_server import NoPostgres, PostgresServer

from peacewatch.tracking.evidence_store import link_waiting, pending_links
from peacewatch.agreements.files import load_agreements
from peacewatch.api.app import create_app
from peacewatch.settings import Settings
from peacewatch.store.database import open_store
from peacewatch.store.merged_events import ACTOR_SEPARATOR
from peacewatch.store.schema import articles, event_actors, event_sources, events, merged_events

EVENTS_PER_ARTICLE = 4
BATCH = 20_000
BUDGET_MS = 30_000  # per query and database, in case one is slow
FIRST_DAY, DAYS = dt.date(2015, 1, 1), 3653
NOW = "2025-01-01T00:00:00+00:00"

# (ISO2, ISO3, latitude, longitude, places, actors): invented towns around a real country's middle.
CONFLICTS = [
    ("UA", "UKR", 48.4, 35.0, ["Pivdenne", "Stepove", "Richkove"], ["Military Forces of Ukraine", "Military Forces of Russia"]),
    ("SD", "SDN", 13.5, 25.3, ["Wadi Kabir", "Um Sayala", "Jebel Hilla"], ["Military Forces of Sudan", "Rapid Support Forces"]),
    ("ML", "MLI", 16.3, -1.2, ["Tin Adar", "Agharous", "Kel Essouk"], ["Military Forces of Mali", "JNIM"]),
    ("MM", "MMR", 21.9, 95.9, ["Nyaung Pin", "Kyauk Taw", "Hpa Lan"], ["Military Forces of Myanmar", "Arakan Army"]),
    ("YE", "YEM", 15.5, 47.5, ["Wadi Harib", "Al Qarn", "Bayt Nama"], ["Houthis", "Military Forces of Yemen"]),
    ("SY", "SYR", 35.0, 38.5, ["Tal Hamra", "Ain Sawda", "Khirbet Nour"], ["Military Forces of Syria", "HTS"]),
    ("CD", "COD", -1.5, 29.0, ["Kibumba Haut", "Ruvumbu", "Masisi Bas"], ["Military Forces of DR Congo", "M23"]),
    ("ET", "ETH", 13.5, 39.5, ["Adi Gebru", "May Tsebri", "Enda Selam"], ["Military Forces of Ethiopia", "TPLF"]),
    ("SO", "SOM", 2.8, 45.3, ["Buulo Xaaji", "Ceel Dheere", "Qoryooley Sare"], ["Military Forces of Somalia", "Al Shabaab"]),
    ("CO", "COL", 4.6, -74.1, ["Vereda Alta", "San Juanito", "La Esperanza"], ["Military Forces of Colombia", "ELN"]),
    ("AF", "AFG", 34.5, 69.2, ["Qala-i-Now", "Deh Sabz", "Shahr-e Kohna"], ["Taliban", "ISKP"]),
    ("NG", "NGA", 11.8, 13.2, ["Gwoza Sabon", "Kukawa Gari", "Dikwa Ta"], ["Military Forces of Nigeria", "ISWAP"]),
]
TYPES = [
    ("Battles", "Armed clash"), ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
    ("Strategic developments", "Agreement"), ("Strategic developments", "Change to group/activity"),
]
WORDS = ["ceasefire", "convoy", "talks", "prisoners", "corridor", "checkpoint", "harvest", "market", "bridge", "school"]
HANDOVERS = [("Aghdam District", dt.date(2020, 11, 20)), ("Kalbajar District", dt.date(2020, 11, 25)),
             ("Lachin District", dt.date(2020, 12, 1))]


def synthetic_rows(count: int, seed: int = 7) -> Iterator[tuple[dict, list[dict], str, str]]:
    """One article at a time: its row, the events it tells, and their country (ISO2, ISO3)."""
    pick = random.Random(seed)
    for number in range(count // EVENTS_PER_ARTICLE + bool(count % EVENTS_PER_ARTICLE)):
        iso2, iso3, lat, lon, places, actors = pick.choice(CONFLICTS)
        published = FIRST_DAY + dt.timedelta(days=pick.randrange(DAYS))
        told = [_event(pick, places, lat, lon, actors, published) for _ in range(EVENTS_PER_ARTICLE)]
        yield _article(f"synthetic-{number}", published, told, pick), told, iso2, iso3
    for number, (place, day) in enumerate(HANDOVERS):
        told = [{"text": f"Armenian forces handed over {place} and Azerbaijani units entered it.", "place": place,
                 "lat": 39.9, "lon": 46.8, "type": ("Strategic developments", "Non-violent transfer of territory"),
                 "actors": ("Military Forces of Azerbaijan", "Military Forces of Armenia"), "day": day}]
        yield _article(f"handover-{number}", day, told, pick), told, "AZ", "AZE"


def _event(pick: random.Random, places: list[str], lat: float, lon: float, actors: list[str],
           published: dt.date) -> dict:
    event_type = pick.choice(TYPES)
    place = pick.choice(places)
    day = published - dt.timedelta(days=pick.randrange(3))
    return {"text": f"{event_type[1]} near {place}, where {pick.choice(WORDS)} was the talk of the day.",
            "place": place, "lat": lat + pick.uniform(-2, 2), "lon": lon + pick.uniform(-2, 2), "type": event_type,
            "actors": tuple(pick.sample(actors, 2)), "day": day}


def _article(article_id: str, published: dt.date, told: list[dict], pick: random.Random) -> dict:
    text = " ".join(e["text"] for e in told)
    return {"id": article_id, "content_hash": article_id, "title": f"{told[0]['type'][1]} near {told[0]['place']}",
            "url": None, "outlet": pick.choice(["Wire One", "Daily Two", "Radio Three"]), "published": published,
            "language": "en", "text": text, "source_path": None, "ingested_at": NOW, "duplicate_of": None,
            "similarity": None}


def fill(url: str, count: int, progress: Progress, label: str) -> None:
    """Bulk-insert the synthetic store in batches of about BATCH events, one transaction each."""
    task = progress.add_task(f"filling {label}", total=count + len(HANDOVERS))
    engine = sa.create_engine(url)
    batch: dict[str, list[dict]] = {"articles": [], "events": [], "actors": [], "merged": [], "sources": []}
    next_id = 1
    for article, told, iso2, iso3 in synthetic_rows(count):
        batch["articles"].append(article)
        position = 0
        for event in told:
            batch["events"].append(_report_row(next_id, article["id"], position, event))
            batch["actors"] += [{"event_id": next_id, "position": n, "actor": a} for n, a in enumerate(event["actors"])]
            batch["merged"].append(_merged_row(next_id, iso2, iso3, event))
            batch["sources"].append({"event_id": next_id, "merged_id": next_id})
            position += len(event["text"]) + 1
            next_id += 1
        if len(batch["events"]) >= BATCH:
            _write(engine, batch)
            progress.update(task, completed=next_id - 1)
    _write(engine, batch)
    progress.update(task, completed=next_id - 1)
    engine.dispose()


def link(url: str, progress: Progress, label: str) -> tuple[int, float]:
    """Link every stored article to the shipped agreements as ingest does: (articles, seconds)."""
    agreements = load_agreements(None)
    started = time.perf_counter()
    with open_store(url) as store:
        waiting = pending_links(store, agreements)
        task = progress.add_task(f"linking {label}", total=waiting)
        link_waiting(store, agreements, lambda linked: progress.advance(task, linked))
        if store.engine.dialect.name == "postgresql":
            with store.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
    return waiting, time.perf_counter() - started


def _report_row(event_id: int, article_id: str, start: int, event: dict) -> dict:
    return {"id": event_id, "article_id": article_id, "start_char": start, "end_char": start + len(event["text"]),
            "text": event["text"], "event_type": event["type"][0], "sub_event_type": event["type"][1],
            "event_date": event["day"].isoformat(), "time_precision": 1, "actor1": event["actors"][0],
            "actor2": event["actors"][1], "location": event["place"], "latitude": event["lat"],
            "longitude": event["lon"], "fatalities": 0}


def _merged_row(event_id: int, iso2: str, iso3: str, event: dict) -> dict:
    return {"id": event_id, "event_id_cnty": f"{iso3}{event_id}", "event_type": event["type"][0],
            "sub_event_type": event["type"][1], "event_date": event["day"].isoformat(), "time_precision": 1,
            "actor1": event["actors"][0], "actor2": event["actors"][1], "location": event["place"],
            "latitude": event["lat"], "longitude": event["lon"], "fatalities": 0, "first_day": event["day"],
            "last_day": event["day"], "country": iso2, "notes": "", "updated_at": NOW,
            "actors": ACTOR_SEPARATOR.join(event["actors"])}


def _write(engine: sa.Engine, batch: dict[str, list[dict]]) -> None:
    with engine.begin() as connection:
        for table, key in ((articles, "articles"), (events, "events"), (event_actors, "actors"),
                           (merged_events, "merged"), (event_sources, "sources")):
            if batch[key]:
                connection.execute(table.insert(), batch[key])
            batch[key].clear()


def event_filters(pick: random.Random) -> dict[str, str]:
    """Query parameters of a filtered events page, as a dashboard user would combine them."""
    iso2, _, lat, lon, _, actors = pick.choice(CONFLICTS)
    since = FIRST_DAY + dt.timedelta(days=pick.randrange(DAYS - 365))
    window = {"since": since.isoformat(), "until": (since + dt.timedelta(days=pick.choice([30, 90, 365]))).isoformat()}
    choices = [
        {"country": iso2, **window},
        {"country": iso2, "type": pick.choice(TYPES)[1].split()[-1]},
        {**window, "sub_type": pick.choice(TYPES)[1]},
        {"actor": actors[0].split()[-1], **window},
        {"bbox": f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}", **window},
        {"type": pick.choice(TYPES)[0]},
    ]
    return pick.choice(choices)


def timings(run: Callable[[], None], times: int) -> tuple[int, float, float]:
    """Runs made, and their p50 and p95 in milliseconds: `times` runs, or fewer once BUDGET_MS is spent."""
    spent: list[float] = []
    while len(spent) < times and sum(spent) < BUDGET_MS:
        start = time.perf_counter()
        run()
        spent.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(spent, n=20, method="inclusive") if len(spent) > 1 else spent * 19
    return len(spent), statistics.median(spent), cuts[18]


def measure(url: str, requests: int, page_size: int) -> list[tuple[str, int, float, float]]:
    pick = random.Random(11)
    app = create_app(Settings(db=url))
    client = TestClient(app)

    def page() -> None:
        answer = client.get("/api/events", params={**event_filters(pick), "limit": page_size})
        assert answer.status_code == 200, answer.text

    firsts = (client.get("/api/events", params={**event_filters(pick), "limit": page_size}).json()
              for _ in range(requests))
    links = [first["next"] for first in firsts if first["next"]]
    following = iter(links)

    def next_page() -> None:
        assert client.get(next(following)).status_code == 200

    def timeline() -> None:
        answer = client.get("/api/agreements/2020-armistice/provisions/2", params={"as_of": "2020-12-02"})
        assert answer.status_code == 200 and answer.json()["status"]["status"] == "full", answer.text

    def search() -> None:
        query = f'{pick.choice(WORDS)} AND "{pick.choice(pick.choice(CONFLICTS)[4])}"'
        assert client.get("/api/search", params={"q": query}).status_code == 200

    client.get("/api/events")  # the first request pays for FastAPI's and SQLAlchemy's set-up
    return [("events page (filtered)", *timings(page, requests)),
            ("events page after a cursor", *timings(next_page, len(links))),
            ("provision timeline", *timings(timeline, requests)),
            ("search", *timings(search, requests))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="Merged events to generate.")
    parser.add_argument("--requests", type=int, default=200, help="Requests timed per query.")
    parser.add_argument("--page-size", type=int, default=100, help="Events per page.")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), help="Only this database [default: both].")
    options = parser.parse_args()
    console = Console()
    table = Table(title=f"API latency at {options.events:,} events")
    for column in ("database", "query", "requests", "p50 ms", "p95 ms"):
        table.add_column(column, justify="right" if column.endswith(("ms", "requests")) else "left")
    with tempfile.TemporaryDirectory(prefix="peacewatch-bench-") as folder:
        for database, url, stop in stores(Path(folder), table, options.database):
            try:
                open_store(url).close()  # the schema at its newest revision, indexes included
                with Progress(console=console) as progress:
                    fill(url, options.events, progress, database)
                    linked, seconds = link(url, progress, database)
                table.add_row(database, "linking evidence, ms per article", str(linked), "",
                              f"{1000 * seconds / max(linked, 1):.1f}")
                for query, count, p50, p95 in measure(url, options.requests, options.page_size):
                    table.add_row(database, query, str(count), f"{p50:.1f}", f"{p95:.1f}")
            finally:
                stop()
    console.print(table)


def stores(folder: Path, table: Table, only: str | None) -> Iterator[tuple[str, str, Callable[[], None]]]:
    """(name, URL, how to stop it) for SQLite, then PostgreSQL if a server can be started."""
    if only != "postgresql":
        yield "SQLite", f"sqlite:///{folder / 'bench.db'}", lambda: None
    if only == "sqlite":
        return
    try:
        server = PostgresServer.start()
    except NoPostgres as why:
        table.add_row("PostgreSQL", f"not measured: {why}", "", "", "")
        return
    yield "PostgreSQL", server.database(), server.stop


if __name__ == "__main__":
    main()
