"""The `peacewatch` command: a thin layer over the library.

Each command parses its arguments, calls one library function and formats the result. Data goes
to standard output, progress and errors to standard error; an error a user can cause is one line
naming the file or database and the problem, and the exit status is then 1.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import sys
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from peacewatch.agreements.deadlines import deadline_rows
from peacewatch.agreements.durations import Duration, parse_duration
from peacewatch.tracking.control import control_table
from peacewatch.drafting.draft import DraftFormat, agreement_file_text, draft_file
from peacewatch.agreements.files import agreement_problems, find_agreement, load_agreements
from peacewatch.tracking.linking_store import control as control_of
from peacewatch.tracking.evidence_store import link_waiting, pending_links, stored_evidence
from peacewatch.tracking.linking_store import as_of_day, situation
from peacewatch.tracking.status import status_table
from peacewatch.errors import InvalidDuration, InvalidSetting, PeacewatchError
from peacewatch.exports.acled_csv import write_acled_csv
from peacewatch.exports.geojson import feature_collection
from peacewatch.exports.listing import listing_rows
from peacewatch.ingest.batch import IngestReport, Sources, extractions, ingest, read_sources
from peacewatch.output import Format, emit
from peacewatch.report.html import html
from peacewatch.report.markdown import markdown
from peacewatch.settings import SETTINGS, Settings
from peacewatch.events.sentence_classifier import known_encoder
from peacewatch.records import Agreement
from peacewatch.store.database import Store, open_store
from peacewatch.store.merged_events import EventFilter

app = typer.Typer(help="Watch ceasefires and peace agreements through the news.",
                  no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False)
errors = Console(stderr=True)
agreement_app = typer.Typer(help="Work with coded agreement files.", no_args_is_help=True)
app.add_typer(agreement_app, name="agreement")

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


@app.callback()
def check_settings() -> None:
    """Refuse a PEACEWATCH_* value peacewatch does not know before any work starts."""
    with user_errors():
        for variable, reason in Settings.unreadable():
            raise InvalidSetting(variable, reason)
        known_encoder(SETTINGS.event_encoder)


@contextmanager
def progress(total: int, what: str) -> Iterator[Callable[..., None]]:
    bar = Progress(TextColumn(f"[bold]{what}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   console=errors, transient=True)
    task = bar.add_task(what, total=total)
    with bar:
        yield lambda step=1: bar.advance(task, step)


def link_evidence_shown(store: Store, agreements: list[Agreement]) -> None:
    """Link the articles waiting for it to the agreements' provisions, with a progress bar: after
    an agreement file changed, that is every stored article."""
    waiting = pending_links(store, agreements)
    if waiting:
        with progress(waiting, "linking evidence") as advance:
            link_waiting(store, agreements, advance)


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
        agreements = load_agreements(SETTINGS.agreements_dir)
        sources = read_sources(paths, published)
        report_failures(sources)
        with progress(len(sources.articles), what) as advance:
            report = ingest(store, sources, batch_size, advance)
        link_evidence_shown(store, agreements)
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
def search(query: str = typer.Argument(..., help='Full-text query: words, "exact phrase", AND/OR/NOT, (groups), prefix*, title:word.'),
           db: str = DB_OPTION, limit: int = typer.Option(10, min=1), format: Format = FORMAT_OPTION) -> None:
    """Find stored articles by their words."""
    with user_errors():
        rows = open_store(db).search(query, limit)
    emit(rows, format, title=f"search: {query}")


DISPUTE_COLUMNS = ["dispute", "subject", "measure", "value", "text", "attribution", "article_id", "outlet",
                   "published", "sentence"]
DISPUTE_FIELDS = [*DISPUTE_COLUMNS[:4], "unit", "approximate", "bound", *DISPUTE_COLUMNS[4:6], "year", *DISPUTE_COLUMNS[6:]]


@app.command()
def disputes(db: str = DB_OPTION,
             measure: Optional[str] = typer.Option(None, help="Only this measure (population, troops, killed, displaced, …)."),
             tolerance: Optional[float] = typer.Option(None, min=0, max=1, help=(
                 "Share of the larger value two figures may differ by and still agree "
                 "[default: measures.yaml's, 0.1]")),
             format: Format = FORMAT_OPTION) -> None:
    """List disputed figures: one subject and measure, values that differ, each with its source."""
    with user_errors():
        rows = open_store(db).disputes(measure, tolerance)
    for row in rows:
        row["sentence"] = " ".join(row["sentence"].split())
    emit(rows, format, DISPUTE_COLUMNS if format is Format.table else DISPUTE_FIELDS, title="disputed figures")


class EventsFormat(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    acled_csv = "acled-csv"
    geojson = "geojson"


@app.command()
def events(db: str = DB_OPTION,
           since: Optional[dt.datetime] = typer.Option(None, formats=["%Y-%m-%d"], help="Only events on or after this day (YYYY-MM-DD)."),
           until: Optional[dt.datetime] = typer.Option(None, formats=["%Y-%m-%d"], help="Only events on or before this day (YYYY-MM-DD)."),
           type: Optional[str] = typer.Option(None, help="Only events whose type or sub-event type contains this text."),
           actor: Optional[str] = typer.Option(None, help="Only events with an actor whose name contains this text."),
           country: Optional[str] = typer.Option(None, help="Only events in this country (its name or ISO code)."),
           format: EventsFormat = typer.Option(EventsFormat.table, "--format", "-f", help=(
               "Output format; acled-csv has exactly ACLED's columns, geojson one point per placed event."))) -> None:
    """List events merged across articles: one per happening, with all the reports that tell it."""
    with user_errors():
        found = open_store(db).events(EventFilter(as_date(since), as_date(until), type, actor, country))
    if format is EventsFormat.acled_csv:
        write_acled_csv(found, sys.stdout)
    elif format is EventsFormat.geojson:
        collection = feature_collection(found)
        print(json.dumps(collection.geojson, ensure_ascii=False, default=str, indent=2))
        if collection.unplaced:
            errors.print(f"{collection.unplaced} events without coordinates left out", highlight=False)
    elif format in (EventsFormat.json, EventsFormat.jsonl):
        emit(found, Format(format.value))
    else:
        emit(listing_rows(found), Format(format.value), title="events")


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
def demo(db: str = DB_OPTION, serve: bool = typer.Option(False, "--serve/--no-serve", help=(
             "Finally serve the dashboard on the demo database at http://127.0.0.1:8000/ (Ctrl-C stops it)."))
         ) -> None:
    """Ingest the bundled sample briefs and show what was found (no network needed); --serve opens the dashboard."""
    briefs = resources.files("peacewatch.sample") / "briefs.jsonl"
    with resources.as_file(briefs) as path:
        ingest_files(db, [path], None, SETTINGS.batch_size, "ingesting sample")
    print_summary(db)
    print_status(db, "2020-armistice", None, None)
    with user_errors(), open_store(db) as store:
        day, folder = tracking_day(store, None), Path(store.engine.url.database or ".").parent
    write_report(db, dt.datetime.combine(day, dt.time()), ReportFormat.md, folder / f"report-{day}.md", None)
    if serve:
        serve_store(db, "127.0.0.1", 8000)


AGREEMENTS_DIR_OPTION = typer.Option(SETTINGS.agreements or None, "--dir", help=Settings.help("agreements"))
AGREEMENT_COLUMNS = ["id", "title", "signed", "parties", "provisions"]
DEADLINE_COLUMNS = ["agreement", "provision", "category", "original", "amended", "ruling", "state",
                    "term_end", "notice_by"]


@app.command()
def agreements(directory: Optional[Path] = AGREEMENTS_DIR_OPTION, format: Format = FORMAT_OPTION) -> None:
    """List the coded agreements: those shipped with peacewatch and those in --dir."""
    with user_errors():
        found = load_agreements(directory)
    rows = [{"id": a.id, "title": a.title, "signed": a.signed, "parties": ", ".join(a.parties),
             "provisions": len(a.provisions)} for a in found]
    emit(rows, format, AGREEMENT_COLUMNS, title="agreements")


@agreement_app.command("validate")
def agreement_validate(files: List[Path] = typer.Argument(..., help="Agreement files (YAML).")) -> None:
    """Check agreement files against the schema; each problem on one line as file:line: field: why."""
    failed = 0
    for path in files:
        try:
            problems = agreement_problems(path)
        except PeacewatchError as error:
            problems = [error]
        for problem in problems:
            fail(str(problem))
        failed += bool(problems)
    errors.print(f"{len(files) - failed} valid, {failed} with problems", highlight=False)
    raise typer.Exit(1 if failed else 0)


@agreement_app.command("draft")
def agreement_draft(file: Path = typer.Argument(..., help="The agreement's text (English, plain text)."),
                    format: DraftFormat = typer.Option(DraftFormat.yaml, "--format", help="yaml or json."),
                    agreement_id: Optional[str] = typer.Option(None, "--id", help="The agreement's id (default: from the file name).")) -> None:
    """Draft an agreement file from an agreement's text, for an analyst to correct."""
    with user_errors():
        sys.stdout.write(agreement_file_text(draft_file(file, agreement_id), format))


def duration_option(name: str, value: Optional[str]) -> Optional[Duration]:
    duration = parse_duration(value) if value else None
    if value and duration is None:
        raise InvalidDuration(name, f"{value!r} is not a TIMEX3 duration (P30D, P6M, P1Y)")
    return duration


@app.command()
def deadlines(within: Optional[str] = typer.Option(None, help=(
                  "Only provisions with a deadline, notice or term end this soon after --as-of "
                  "(a TIMEX3 duration: P30D, P6M).")),
              as_of: Optional[dt.datetime] = typer.Option(None, "--as-of", formats=["%Y-%m-%d"], help=(
                  "The day to measure from (YYYY-MM-DD) [default: today].")),
              agreement: Optional[str] = typer.Option(None, help="Only this agreement (its id)."),
              directory: Optional[Path] = AGREEMENTS_DIR_OPTION, format: Format = FORMAT_OPTION) -> None:
    """Each provision's deadline (original, amended, ruling), how it stands, and renewal terms."""
    with user_errors():
        horizon = duration_option("--within", within)
        found = load_agreements(directory)
        if agreement:
            found = [find_agreement(found, agreement)]
    day = as_date(as_of) or dt.date.today()
    emit(deadline_rows(found, day, horizon), format, DEADLINE_COLUMNS if format is Format.table else None,
         title=f"deadlines as of {day}")


AS_OF_OPTION = typer.Option(None, "--as-of", formats=["%Y-%m-%d"],
                            help="The day (YYYY-MM-DD) [default: the newest stored article's].")


def tracking_day(store: Store, as_of: Optional[dt.datetime]) -> dt.date:
    return as_of_day(store, as_date(as_of))


def print_status(db: str, agreement_id: str, as_of: Optional[dt.datetime], directory: Optional[Path],
                 format: Format = Format.table) -> None:
    with user_errors():
        found = load_agreements(directory)
        agreement = find_agreement(found, agreement_id)
        store = open_store(db)
        day = tracking_day(store, as_of)
        link_evidence_shown(store, found)
        rows = status_table(agreement, stored_evidence(store, found, day, agreement), day, found)
    emit(rows, format, title=f"{agreement.id} as of {day}")


@app.command()
def status(agreement: str = typer.Argument(..., help="The agreement's id (see `peacewatch agreements`)."),
           as_of: Optional[dt.datetime] = AS_OF_OPTION, db: str = DB_OPTION,
           directory: Optional[Path] = AGREEMENTS_DIR_OPTION, format: Format = FORMAT_OPTION) -> None:
    """Each provision's implementation status on a day, with its deadline and last cited evidence."""
    print_status(db, agreement, as_of, directory, format)


@app.command()
def control(as_of: Optional[dt.datetime] = AS_OF_OPTION, db: str = DB_OPTION,
            directory: Optional[Path] = AGREEMENTS_DIR_OPTION, format: Format = FORMAT_OPTION) -> None:
    """Who controls which place on a day, from territory events and carried-out handovers."""
    with user_errors():
        store = open_store(db)
        day = tracking_day(store, as_of)
        found = load_agreements(directory)
        link_evidence_shown(store, found)
        periods = control_of(store, found, day)
    emit(control_table(periods, day), format, title=f"control as of {day}")


class ReportFormat(str, enum.Enum):
    md = "md"
    html = "html"


def write_report(db: str, day: Optional[dt.datetime], format: ReportFormat, output: Optional[Path],
                 directory: Optional[Path]) -> None:
    with user_errors():
        store = open_store(db)
        found = load_agreements(directory)
        link_evidence_shown(store, found)
        report = situation(store, found, tracking_day(store, day))
    text = markdown(report) if format is ReportFormat.md else html(report)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write the report ({error.strerror})")
        raise typer.Exit(1) from None
    errors.print(f"report written to {output}", highlight=False)


@app.command()
def report(date: Optional[dt.datetime] = typer.Option(None, "--date", formats=["%Y-%m-%d"], help=(
               "The day to report on (YYYY-MM-DD) [default: the newest stored article's].")),
           format: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f", help="Markdown or HTML."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write [default: standard output]."),
           db: str = DB_OPTION, directory: Optional[Path] = AGREEMENTS_DIR_OPTION) -> None:
    """The daily situation report: the day's events, status changes, deadlines, disputed figures; each line cited."""
    write_report(db, date, format, output, directory)


@app.command()
def serve(db: str = DB_OPTION, host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on.")) -> None:
    """Serve the store over HTTP: the dashboard at /, a JSON API under /api/, described at /openapi.json."""
    serve_store(db, host, port)


def serve_store(db: str, host: str, port: int) -> None:
    """Run the API and dashboard until Ctrl-C, saying first where, and what the dashboard lacks."""
    import uvicorn  # here, not at the top: the web stack is needed by serving only

    from peacewatch.api.app import create_app
    from peacewatch.web.dashboard import missing_vendor_message

    with user_errors():
        api = create_app(dataclasses.replace(SETTINGS, db=db))
    if missing := missing_vendor_message():
        errors.print(f"[yellow]warning[/yellow]: {missing}", highlight=False, soft_wrap=True)
    Console().print(f"dashboard at http://{host}:{port}/", highlight=False)
    uvicorn.run(api, host=host, port=port)


if __name__ == "__main__":
    app()
