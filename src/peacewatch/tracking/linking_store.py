"""The store as provision tracking reads it: reports of stored articles, "now", the day's
situation report and the control map (the I/O edge of linking, status and control).

Evidence is linked when articles are stored (evidence_store.py); the control map still reads the
territory events and statements of control of every article published by the day. Near-duplicate articles are left out (a
copied story is not a second source), and so are articles published after the day asked about:
a status as of a day is what the news had said by then.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional, Sequence

import sqlalchemy as sa

from peacewatch.tracking.control import control_periods, event_takeovers, handover_takeovers, statement_takeovers
from peacewatch.tracking.evidence_store import disputed_claims, disputed_sentences, stored_evidence
from peacewatch.tracking.linking import Report, event_reports, reports_of
from peacewatch.records import Agreement, Article, ControlPeriod, Extraction
from peacewatch.report.situation import SituationReport, situation_report
from peacewatch.store.database import Store
from peacewatch.store.merged_events import EventFilter
from peacewatch.store.mention_rows import load_analyzed
from peacewatch.store.schema import articles


def stored_analyses(store: Store, until: dt.date) -> list[tuple[Article, Extraction]]:
    """Every original article published by `until` with its stored extraction, oldest first."""
    query = (sa.select(articles.c.id).where(articles.c.duplicate_of.is_(None), articles.c.published <= until)
             .order_by(articles.c.published, articles.c.id))
    with store.database_errors(), store.engine.connect() as connection:
        ids = list(connection.scalars(query))
        analyzed = {article.id: (article, extraction) for article, extraction in load_analyzed(connection, ids)}
    return [analyzed[i] for i in ids]


def stored_reports(store: Store, until: dt.date) -> list[Report]:
    """The reports of every original article published by `until`, oldest first."""
    disputed = disputed_sentences(disputed_claims(store))
    return [report for article, extraction in stored_analyses(store, until)
            for report in reports_of(article, extraction, disputed)]


def latest_published(store: Store) -> Optional[dt.date]:
    """The publication day of the newest stored article: "now", as far as the store knows."""
    with store.database_errors(), store.engine.connect() as connection:
        return connection.scalar(sa.select(sa.func.max(articles.c.published)))


def as_of_day(store: Store, day: Optional[dt.date] = None) -> dt.date:
    """The day asked about, else the newest stored article's, else today: what "now" means for a
    status, a control map or a report."""
    return day or latest_published(store) or dt.date.today()


def day_events(store: Store, day: dt.date) -> list[dict[str, Any]]:
    """The merged events that may have happened on the day, with their reports."""
    return store.events(EventFilter(since=day, until=day))


def situation(store: Store, agreements: Sequence[Agreement], day: dt.date) -> SituationReport:
    """The day's situation report from the store (articles published by the day)."""
    evidence = stored_evidence(store, agreements, day)
    return situation_report(day, day_events(store, day), agreements, evidence, store.disputes())


def control(store: Store, agreements: Sequence[Agreement], day: dt.date) -> list[ControlPeriod]:
    """Control periods from the territory events, statements of control and carried-out
    handovers known by the day."""
    analyzed = stored_analyses(store, day)
    takeovers = (event_takeovers(r for article, extraction in analyzed for r in event_reports(article, extraction))
                 + statement_takeovers(analyzed)
                 + handover_takeovers(agreements, stored_evidence(store, agreements, day)))
    return control_periods(t for t in takeovers if t.day <= day)
