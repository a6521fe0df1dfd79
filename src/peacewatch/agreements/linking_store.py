"""The stored articles as reports for provision tracking (the I/O edge of evidence linking).

Status is computed at query time from the stored mentions rather than kept in a table: an
agreement file corrected by an analyst, or a newly ingested article, changes every status at
once with nothing to recompute or migrate. Near-duplicate articles are left out (a copied story
is not a second source), and so are articles published after the day asked about: a status as
of a day is what the news had said by then.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional, Sequence

import sqlalchemy as sa

from peacewatch.agreements.control import control_periods, event_takeovers, handover_takeovers
from peacewatch.agreements.deadlines import start_day
from peacewatch.agreements.evidence import evidence_for
from peacewatch.agreements.linking import Report, reports_of
from peacewatch.records import Agreement, Article, ControlPeriod, Evidence
from peacewatch.report.situation import SituationReport, situation_report
from peacewatch.store.database import Store
from peacewatch.store.merged_events import EventFilter
from peacewatch.store.schema import articles

LONGEST_REPORT = dt.timedelta(days=31)  # the days a report's date may span: a month


def stored_articles(store: Store, until: Optional[dt.date] = None, since: Optional[dt.date] = None) -> list[Article]:
    """Original articles published by `until` and from `since` (all when None), oldest first."""
    query = (sa.select(articles.c.id, articles.c.text, articles.c.title, articles.c.url, articles.c.outlet,
                       articles.c.published, articles.c.language)
             .where(articles.c.duplicate_of.is_(None)).order_by(articles.c.published, articles.c.id))
    if until is not None:
        query = query.where(articles.c.published <= until)
    if since is not None:
        query = query.where(articles.c.published >= since)
    with store.database_errors(), store.engine.connect() as connection:
        return [Article(**row._asdict()) for row in connection.execute(query)]


def disputed_sentences(store: Store) -> frozenset[str]:
    """Sentences holding a figure that another source gives differently."""
    return frozenset(" ".join(row["sentence"].split()) for row in store.disputes())


def stored_reports(store: Store, until: Optional[dt.date] = None, since: Optional[dt.date] = None) -> list[Report]:
    disputed = disputed_sentences(store)
    return [report for article in stored_articles(store, until, since)
            for report in reports_of(article, store.extraction(article.id), disputed)]


def latest_published(store: Store) -> Optional[dt.date]:
    """The publication day of the newest stored article: "now", as far as the store knows."""
    with store.database_errors(), store.engine.connect() as connection:
        return connection.scalar(sa.select(sa.func.max(articles.c.published)))


def as_of_day(store: Store, day: Optional[dt.date] = None) -> dt.date:
    """The day asked about, else the newest stored article's, else today: what "now" means for a
    status, a control map or a report."""
    return day or latest_published(store) or dt.date.today()


def stored_evidence(store: Store, agreements: Sequence[Agreement], as_of: dt.date,
                    about: Optional[Agreement] = None) -> list[Evidence]:
    """Evidence for every provision of the agreements from the articles published by `as_of`.

    With `about`, only the articles that can bear on that agreement are read, so that its
    evidence (complete and the same) costs what the news since its start costs, not the whole
    store: a report dated on or after the day it took effect starts by its publication and spans
    at most a month (evidence.py `in_window`), so older articles hold none. Evidence for the other
    agreements is then partial, but complete for the reports that decide which agreement a report
    of this one counts for."""
    begins = start_day(about) if about else None
    since = begins - LONGEST_REPORT if begins else None
    return evidence_for(agreements, stored_reports(store, as_of, since))


def day_events(store: Store, day: dt.date) -> list[dict[str, Any]]:
    """The merged events that may have happened on the day, with their reports."""
    return store.events(EventFilter(since=day, until=day))


def situation(store: Store, agreements: Sequence[Agreement], day: dt.date) -> SituationReport:
    """The day's situation report from the store (articles published by the day)."""
    evidence = stored_evidence(store, agreements, day)
    return situation_report(day, day_events(store, day), agreements, evidence, store.disputes())


def control(store: Store, agreements: Sequence[Agreement], day: dt.date) -> list[ControlPeriod]:
    """Control periods from the territory events and carried-out handovers known by the day."""
    reports = stored_reports(store, day)
    takeovers = event_takeovers(reports) + handover_takeovers(agreements, evidence_for(agreements, reports))
    return control_periods(t for t in takeovers if t.day <= day)
