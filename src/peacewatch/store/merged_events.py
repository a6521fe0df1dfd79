"""The merged layer: each stored report of an event linked to the one happening it tells.

When an article is stored, each of its event reports is compared (events/merge.py) with the
merged events whose days could hold it: the date index on `merged_events.first_day` keeps that to
a handful of candidates however large the store. The report joins the best candidate, or starts a
new merged event, and the merged row is recomputed from all its reports. Near-duplicate articles
are never linked: a copied story is not a second source. The same function, run over the stored
articles in the order they came, builds the layer for a store that predates it (revision 0004).
A trigger (plpgsql on PostgreSQL) removes a merged event when its last report goes (an article deleted); a merged
event that loses some of its reports keeps its summary (and the list of actors an actor filter
reads) until a new report joins it, while the actors and sources it lists are always read from
the reports it still has.

Reading filters and pages in SQL: a page is the events after a page key (latest possible day,
first day, id), and revision 0006 indexes that order (alone and after the country), so a page
costs about its own rows however many events are stored, unless the filters are so narrow (a
rare substring of a type or actor) that most rows must be looked at to find a page. Every filter
reads the merged row alone (revision 0008 stores its actors in it), and a map box is narrowed by
an index on coordinates.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Optional

import sqlalchemy as sa

from peacewatch.events.merge import DAY_GAP, EventReport, best_match, days, named_actors, summarize
from peacewatch.knowledge.country_codes import codes_of, country_iso
from peacewatch.store.engine import id_chunks
from peacewatch.store.schema import articles, event_actors, event_sources, events, merged_events, places

UNKNOWN_COUNTRY = "XXX"
FORGET_EMPTY_EVENT = ("DELETE FROM merged_events WHERE id = old.merged_id "
                      "AND NOT EXISTS (SELECT 1 FROM event_sources WHERE merged_id = old.merged_id);")
LAST_REPORT_GONE = {
    "sqlite": ("CREATE TRIGGER event_sources_last_report_gone AFTER DELETE ON event_sources "
               f"BEGIN {FORGET_EMPTY_EVENT} END",),
    "postgresql": ("CREATE OR REPLACE FUNCTION event_sources_last_report_gone() RETURNS trigger LANGUAGE plpgsql "
                   f"AS $$ BEGIN {FORGET_EMPTY_EVENT} RETURN NULL; END $$",
                   "CREATE TRIGGER event_sources_last_report_gone AFTER DELETE ON event_sources "
                   "FOR EACH ROW EXECUTE FUNCTION event_sources_last_report_gone()"),
}
LONGEST_SPAN = 31  # days a merged event's date may span (a month)
REPORT_FIELDS = ("text", "event_type", "sub_event_type", "event_date", "time_precision", "actor1", "actor2",
                 "location", "latitude", "longitude", "fatalities")
Box = tuple[float, float, float, float]
PageKey = tuple[dt.date, dt.date, int]
# The page order as SQL: latest possible day (undated last), first day (undated first), id. The
# sentinels are literal text so that the expression index of revision 0006 serves the query.
LAST_KEY = sa.func.coalesce(merged_events.c.last_day, sa.literal_column("'9999-12-31'"))
FIRST_KEY = sa.func.coalesce(merged_events.c.first_day, sa.literal_column("'0001-01-01'"))
PAGE_ORDER = "coalesce(last_day, '9999-12-31'), coalesce(first_day, '0001-01-01'), id"
PAGE_INDEXES = (f"CREATE INDEX merged_events_page ON merged_events ({PAGE_ORDER})",
                f"CREATE INDEX merged_events_country_page ON merged_events (country, {PAGE_ORDER})")
# A map box's events: PostgreSQL cannot tell how clustered coordinates are and, left with the page
# index alone, reads every event of the date window; this index narrows the window to the box.
PLACE_INDEX = "CREATE INDEX merged_events_place ON merged_events (longitude, latitude)"
ACTOR_SEPARATOR = "\n"
STORED_FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "first_day", "last_day",
                 "actor1", "actor2", "location", "latitude", "longitude", "country", "fatalities", "notes")


@dataclass(frozen=True)
class EventFilter:
    """Which merged events to read; every field is optional, and text matches ignore case."""

    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    type: Optional[str] = None  # part of the event type or sub-event type
    actor: Optional[str] = None  # part of any actor's name
    country: Optional[str] = None  # a country's name or ISO code
    sub_type: Optional[str] = None  # part of the sub-event type
    box: Optional[Box] = None  # minlon, minlat, maxlon, maxlat in degrees (GeoJSON's order)


def _reports_query(originals_only: bool = True) -> sa.Select:
    """Event reports (of original articles only, unless told) with the outlet, publication day and
    place's country."""
    country = (sa.select(places.c.country)
               .where(places.c.article_id == events.c.article_id, places.c.name == events.c.location,
                      places.c.country.is_not(None))
               .limit(1).scalar_subquery())
    query = (sa.select(events.c.id.label("mention_id"), events.c.article_id, events.c.start_char.label("start"),
                       events.c.end_char.label("end"),
                       *(events.c[name] for name in REPORT_FIELDS), country.label("country"),
                       articles.c.outlet, articles.c.published)
             .join(articles, articles.c.id == events.c.article_id))
    return query.where(articles.c.duplicate_of.is_(None)) if originals_only else query


def _reports(connection: sa.Connection, query: sa.Select) -> list[tuple[EventReport, dict[str, Any]]]:
    """Reports with their actors, and the row's other columns (such as a merged id)."""
    rows = [row._asdict() for row in connection.execute(query)]
    actors: dict[int, list[str]] = defaultdict(list)
    ids = [row["mention_id"] for row in rows]
    if ids:
        listed = (sa.select(event_actors.c.event_id, event_actors.c.actor)
                  .where(event_actors.c.event_id.in_(ids)).order_by(event_actors.c.event_id, event_actors.c.position))
        for event_id, actor in connection.execute(listed):
            actors[event_id].append(actor)
    fields = set(EventReport.model_fields)
    return [(EventReport(**{k: v for k, v in row.items() if k in fields}, actors=actors[row["mention_id"]]),
             {k: v for k, v in row.items() if k not in fields}) for row in rows]


def link_article_events(connection: sa.Connection, article_id: str, now: str) -> None:
    """Link the article's unlinked event reports to merged events (none if it is a near-duplicate)."""
    unlinked = ~sa.exists().where(event_sources.c.event_id == events.c.id)
    query = _reports_query().where(events.c.article_id == article_id, unlinked).order_by(events.c.id)
    for report, _ in _reports(connection, query):
        _link(connection, report, now)


def create_merged_layer(connection: sa.Connection) -> None:
    """Revision 0004: the merged layer's tables and trigger, filled from stored reports."""
    merged_events.create(connection, checkfirst=True)
    event_sources.create(connection, checkfirst=True)
    for statement in LAST_REPORT_GONE[connection.dialect.name]:
        connection.exec_driver_sql(statement)
    merge_stored_events(connection)


def merge_stored_events(connection: sa.Connection) -> None:
    """Build the merged layer from every stored original article, in the order they came."""
    ingested = connection.execute(sa.select(articles.c.id, articles.c.ingested_at)
                                  .where(articles.c.duplicate_of.is_(None))
                                  .order_by(articles.c.ingested_at, articles.c.id)).all()
    for article_id, ingested_at in ingested:
        link_article_events(connection, article_id, ingested_at)


def _link(connection: sa.Connection, report: EventReport, now: str) -> None:
    candidates = _candidates(connection, report)
    index = best_match(report, list(candidates.values()))
    merged_id = list(candidates)[index] if index is not None else _create(connection, report, now)
    connection.execute(event_sources.insert().values(event_id=report.mention_id, merged_id=merged_id))
    members = [r for r, _ in _reports(connection, _members_query([merged_id]))]
    _store(connection, merged_id, members, now)


def _candidates(connection: sa.Connection, report: EventReport) -> dict[int, list[EventReport]]:
    """Merged events of the report's type whose days come within a day of the report's."""
    span = days(report.event_date, report.time_precision)
    if span is None:
        return {}
    gap = dt.timedelta(days=DAY_GAP)
    nearby = (sa.select(merged_events.c.id)
              .where(merged_events.c.event_type == report.event_type,
                     merged_events.c.first_day.between(span[0] - gap - dt.timedelta(days=LONGEST_SPAN), span[1] + gap),
                     merged_events.c.last_day >= span[0] - gap))
    return _grouped_reports(connection, list(connection.scalars(nearby)))


def _members_query(merged_ids: list[int]) -> sa.Select:
    """The reports of these merged events, oldest publication first. Only an original article's
    reports are ever linked, and asking again would lead SQLite to read every original article."""
    return (_reports_query(originals_only=False).add_columns(event_sources.c.merged_id)
            .join(event_sources, event_sources.c.event_id == events.c.id)
            .where(event_sources.c.merged_id.in_(merged_ids))
            .order_by(articles.c.published.nulls_last(), events.c.id))


def _create(connection: sa.Connection, report: EventReport, now: str) -> int:
    """A new merged event with ACLED's kind of id: the country's ISO3 code and its next number."""
    codes = codes_of(report.country)
    prefix = codes.iso3 if codes else UNKNOWN_COUNTRY
    number = sa.cast(sa.func.substr(merged_events.c.event_id_cnty, len(prefix) + 1), sa.Integer)
    last = connection.scalar(sa.select(sa.func.max(number))
                             .where(sa.func.substr(merged_events.c.event_id_cnty, 1, len(prefix)) == prefix))
    row = {"event_id_cnty": f"{prefix}{(last or 0) + 1}", "event_type": report.event_type,
           "sub_event_type": report.sub_event_type, "notes": "", "updated_at": now}
    return connection.scalar(merged_events.insert().values(**row).returning(merged_events.c.id))


def _store(connection: sa.Connection, merged_id: int, members: list[EventReport], now: str) -> None:
    event = summarize(members)
    values = {name: getattr(event, name) for name in STORED_FIELDS}
    connection.execute(merged_events.update().where(merged_events.c.id == merged_id)
                       .values(**values, actors=ACTOR_SEPARATOR.join(event.actors), updated_at=now))


def fill_actor_lists(connection: sa.Connection) -> None:
    """Revision 0008: each merged event's `actors` from its stored reports, and the index on
    coordinates."""
    ids = list(connection.scalars(sa.select(merged_events.c.id).order_by(merged_events.c.id)))
    update = (merged_events.update().where(merged_events.c.id == sa.bindparam("merged_id"))
              .values(actors=sa.bindparam("names")))
    for chunk in id_chunks(ids):
        grouped = _grouped_reports(connection, list(chunk))
        rows = [{"merged_id": merged_id, "names": ACTOR_SEPARATOR.join(named_actors(members))}
                for merged_id, members in grouped.items()]
        if rows:
            connection.execute(update, rows)
    connection.exec_driver_sql(PLACE_INDEX)


def _grouped_reports(connection: sa.Connection, merged_ids: list[int]) -> dict[int, list[EventReport]]:
    """The reports of these merged events, by merged event, oldest publication first."""
    grouped: dict[int, list[EventReport]] = {merged_id: [] for merged_id in merged_ids}
    for member, extra in _reports(connection, _members_query(merged_ids)):
        grouped[extra["merged_id"]].append(member)
    return grouped


def create_page_indexes(connection: sa.Connection) -> None:
    """Revision 0006: indexes in page order, so a page of events reads `limit` rows, not them all."""
    for statement in PAGE_INDEXES:
        connection.exec_driver_sql(statement)


def page_key(last_day: Optional[dt.date], first_day: Optional[dt.date], merged_id: int) -> PageKey:
    """An event's place in page order, as the SQL order's values (see LAST_KEY, FIRST_KEY)."""
    return last_day or dt.date.max, first_day or dt.date.min, merged_id


def read_merged_events(connection: sa.Connection, wanted: EventFilter, after: Optional[PageKey] = None,
                       limit: Optional[int] = None) -> list[dict[str, Any]]:
    """Merged events (with at least one source) that pass the filter, by their latest possible day
    (a week-precise date is the day it was reported), each with
    its actors and its sources (article id, outlet, publication day, report id).
    `after` and `limit` read one page: the events that follow a page key, at most `limit` of them."""
    query = sa.select(merged_events).where(sa.exists().where(event_sources.c.merged_id == merged_events.c.id),
                                           *_conditions(wanted))
    if after is not None:
        query = query.where(LAST_KEY >= after[0], sa.tuple_(LAST_KEY, FIRST_KEY, merged_events.c.id) > after)
    rows = [row._asdict() for row in connection.execute(
        query.order_by(LAST_KEY, FIRST_KEY, merged_events.c.id).limit(limit))]
    grouped = _grouped_reports(connection, [row["id"] for row in rows])
    return [{**row, "actors": list(named_actors(grouped[row["id"]])),
             "sources": [{"article_id": r.article_id, "outlet": r.outlet, "published": r.published,
                          "event_id": r.mention_id} for r in grouped[row["id"]]]} for row in rows]


def _conditions(wanted: EventFilter) -> Iterable[sa.ColumnElement[bool]]:
    if wanted.since:
        yield merged_events.c.last_day >= wanted.since
        yield LAST_KEY >= wanted.since  # the same, said so that the page indexes can seek to it
    if wanted.until:
        yield merged_events.c.first_day <= wanted.until
        yield LAST_KEY <= wanted.until + dt.timedelta(days=LONGEST_SPAN)  # implied: it ends the pages' scan
    if wanted.type:
        yield _contains(merged_events.c.event_type, wanted.type) | _contains(merged_events.c.sub_event_type, wanted.type)
    if wanted.actor:
        yield _contains(merged_events.c.actors, wanted.actor)
    if wanted.country:
        yield merged_events.c.country == country_iso(wanted.country)
    if wanted.sub_type:
        yield _contains(merged_events.c.sub_event_type, wanted.sub_type)
    if wanted.box:
        min_lon, min_lat, max_lon, max_lat = wanted.box
        yield merged_events.c.longitude.between(min_lon, max_lon) & merged_events.c.latitude.between(min_lat, max_lat)


def _contains(column: sa.ColumnElement, text: str) -> sa.ColumnElement[bool]:
    """The text anywhere in the column, ignoring case. The pattern is written into the statement
    (escaped by SQLAlchemy) rather than bound, and matched against the column itself (ILIKE), so
    that PostgreSQL's planner can tell from the column's statistics how common it is and walks the
    page index for a common one instead of sorting every row."""
    pattern = "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
    return column.ilike(sa.literal(pattern, sa.Text, literal_execute=True), escape="/")
