"""The `peacewatch` command: a thin layer over the library.

Each command parses its arguments, calls one library function and formats the result. Data goes
to standard output, progress and errors to standard error; an error a user can cause is one line
naming the file or database and the problem, and the exit status is then 1.
"""
from __future__ import annotations

import datetime as dt
import enum
import sys
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from peacewatch.errors import PeacewatchError
from peacewatch.ingest.batch import IngestReport, Sources, extractions, ingest, read_sources
from peacewatch.output import Format, emit
from peacewatch.settings import SETTINGS, Settings
from peacewatch.store.database import open_store

app = typer.Typer(help="Watch ceasefires and peace agreements through the news.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
errors = Console(stderr=True)

DB_OPTION = typer.Option(SETTINGS.db, "--db", help=Settings.help("db"))
BATCH_OPTION = typer.Option(SETTINGS.batch_size, "--batch-size", min=1, help=Settings.help("batch_size"))
PUBLISHED_OPTION = typer.Option(None, "--published", formats=["%Y-%m-%d"],
                                help="Publication date (YYYY-MM-DD) for .txt/.md files, which carry none.")
FORMAT_OPTION = typer.Option(Format.table, "--format", "-f", help="Output format.")


def fail(message: str) -> None:
    errors.print(f"[red]error[/red]: {message}", highlight=False, soft_wrap=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a user-caused error into one line on stderr and exit status 1."""
    try:
        yield
    except PeacewatchError as error:
        fail(str(error))
        raise typer.Exit(1) from None


@contextmanager
def progress(total: int, what: str) -> Iterator[Callable[[], None]]:
    bar = Progress(TextColumn(f"[bold]{what}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=errors, transient=True)
    task = bar.add_task(what, total=total)
    with bar:
        yield lambda: bar.advance(task)


def report_failures(sources: Sources) -> None:
    for failure in sources.failures:
        fail(str(failure))


def as_date(value: Optional[dt.datetime]) -> Optional[dt.date]:
    return value.date() if value else None


class ExtractFormat(str, enum.Enum):
    jsonl = "jsonl"


@app.command()
def extract(files: List[Path] = typer.Argument(..., help="Article files: .json, .jsonl, .txt, .md, .html."),
            format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format",
                                                 help="Output format: one extraction object per line."),
            published: Optional[dt.datetime] = PUBLISHED_OPTION) -> None:
    """Extract times, places, quantities, quotes, events and provisions; one JSON line per article."""
    sources = read_sources(files, as_date(published))
    report_failures(sources)
    with progress(len(sources.articles), "extracting") as advance:
        for extraction in extractions(sources, advance):
            sys.stdout.write(extraction.to_json() + "\n")
    raise typer.Exit(1 if sources.failures else 0)


def print_ingest_report(report: IngestReport) -> None:
    errors.print(f"{len(report.added)} added ({len(report.near_duplicates)} near-duplicates), "
                 f"{len(report.already_stored)} already stored, {len(report.failures)} failed", highlight=False)
    for article_id in report.id_conflicts:
        fail(f"[E104] {article_id}: another text is stored under this id; not added")


def ingest_files(db: str, paths: List[Path], published: Optional[dt.date], batch_size: int, what: str) -> IngestReport:
    """Read, analyse and store with a progress bar; name every file that failed."""
    with user_errors():
        store = open_store(db)
        sources = read_sources(paths, published)
        report_failures(sources)
        with progress(len(sources.articles), what) as advance:
            report = ingest(store, sources, batch_size, advance)
    print_ingest_report(report)
    return report


@app.command("ingest")
def ingest_command(paths: List[Path] = typer.Argument(..., help="Files or directories of articles."),
                   db: str = DB_OPTION, batch_size: int = BATCH_OPTION,
                   published: Optional[dt.datetime] = PUBLISHED_OPTION) -> None:
    """Analyse articles and store them with their extractions (each text once)."""
    report = ingest_files(db, paths, as_date(published), batch_size, "ingesting")
    raise typer.Exit(1 if report.failures or report.id_conflicts else 0)


@app.command()
def articles(db: str = DB_OPTION, limit: int = typer.Option(20, min=1, help="How many articles."),
             format: Format = FORMAT_OPTION) -> None:
    """List stored articles, most recently published first."""
    with user_errors():
        rows = open_store(db).articles(limit)
    emit(rows, format, ["id", "published", "title", "outlet", "language", "duplicate_of"], title="articles")


@app.command()
def search(query: str = typer.Argument(..., help="Full-text query (SQLite FTS5 syntax)."),
           db: str = DB_OPTION, limit: int = typer.Option(10, min=1), format: Format = FORMAT_OPTION) -> None:
    """Find stored articles by their words."""
    with user_errors():
        rows = open_store(db).search(query, limit)
    emit(rows, format, title=f"search: {query}")


def print_summary(db: str) -> None:
    with user_errors():
        summary = open_store(db).summary()
    console = Console()
    console.print(f"[bold]{summary['articles']}[/bold] articles ({summary['duplicates']} near-duplicates) in {db}")
    console.print(f"{summary['times']} times, {summary['quantities']} quantities, {summary['quotes']} quotes, "
                  f"{summary['provisions']} provisions")
    for key, title in (("events", "events by type"), ("places", "places most mentioned"),
                       ("provision_categories", "provisions by category")):
        rows = [{"name": k, "count": v} for k, v in list(summary[key].items())[:10]]
        emit(rows, Format.table, ["name", "count"], title=title)


@app.command()
def summary(db: str = DB_OPTION) -> None:
    """What the database holds: articles, events by type, places, quotes, provisions."""
    print_summary(db)


@app.command()
def demo(db: str = DB_OPTION) -> None:
    """Ingest the bundled sample briefs and show what was found (no network needed)."""
    briefs = resources.files("peacewatch.sample") / "briefs.jsonl"
    with resources.as_file(briefs) as path:
        ingest_files(db, [path], None, SETTINGS.batch_size, "ingesting sample")
    print_summary(db)


if __name__ == "__main__":
    app()
