"""The daily situation report: what happened on a day and where each agreement stands, every
line with its citation.

Sections: the day's events (merged across articles and languages: one line per happening, citing
every report of it), provision status changes dated that day, deadlines falling in the next 30
days and those passed without a report that the provision was carried out, and disputed figures
known by the day. Built from plain data (merged event rows, status timelines, deadline
records, dispute rows) so the renderers (markdown.py, html.py) only lay it out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from peacewatch.agreements.deadlines import provision_deadline
from peacewatch.knowledge.actors import is_news_outlet
from peacewatch.tracking.status import ENDINGS, agreement_timelines, known_by
from peacewatch.records import Agreement, Citation, Evidence
from peacewatch.report.citations import cite

HORIZON = dt.timedelta(days=30)


@dataclass(frozen=True)
class Line:
    text: str
    citation: str  # "[article id/outlet, date]" or a document's name in brackets


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class SituationReport:
    day: dt.date
    sections: list[Section]

    @property
    def title(self) -> str:
        return f"Situation report, {self.day.isoformat()}"


def event_lines(events: Sequence[dict[str, Any]]) -> list[Line]:
    """One line per merged event, citing every article that reported it. An outlet or news agency
    (catalogued, or the outlet of one of the day's reports) is never shown as an actor: it is the
    source of a report, not a party to what happened."""
    outlets = {s.get("outlet") for e in events for s in e.get("sources", []) if s.get("outlet")}
    lines = []
    for event in events:
        where = f" at {event['location']}" if event.get("location") else ""
        actors = ", ".join(a for a in (event.get("actor1"), event.get("actor2")) if a and not is_news_outlet(a, outlets))
        deaths = f", {event['fatalities']} killed" if event.get("fatalities") else ""
        text = f"{event['sub_event_type']}{where}" + (f" ({actors})" if actors else "") + deaths
        cited = [cite(Citation(source=source["article_id"], outlet=source.get("outlet"),
                               published=_day(source.get("published")))) for source in event.get("sources", [])]
        lines.append(Line(text, "[" + "; ".join(c[1:-1] for c in cited) + "]"))
    return lines


def status_lines(agreements: Sequence[Agreement], evidence: Sequence[Evidence], day: dt.date) -> list[Line]:
    lines = []
    for agreement in agreements:
        for number, rows in agreement_timelines(agreement, evidence, day, agreements).items():
            lines += [Line(f"{agreement.id} {number}: {row.status}" + (f" — {row.citation.text}" if row.citation.text else ""),
                           cite(row.citation)) for row in rows[1:] if row.day == day]
    return lines


def deadline_lines(agreements: Sequence[Agreement], evidence: Sequence[Evidence], day: dt.date) -> tuple[list[Line], list[Line]]:
    """(approaching within 30 days, passed) deadlines of provisions not reported carried out. A
    passed one says what is known: missed (a report says it was not done by then, cited), or
    unreported (no report either way: to verify, cited to the agreement)."""
    approaching, passed = [], []
    for agreement in agreements:
        timelines = agreement_timelines(agreement, evidence, day, agreements)
        for provision in agreement.provisions:
            due = provision_deadline(agreement, known_by(provision, day), day)
            current = timelines[provision.number][-1]
            citation = "[" + "; ".join(due.cited or [agreement.id]) + "]"
            text = f"{agreement.id} {provision.number} ({provision.category}): {provision.summary}"
            if due.ruling and current.level < 3 and current.status not in ENDINGS:
                if day <= due.ruling <= day + HORIZON:
                    approaching.append(Line(f"{text} — due {due.ruling}", citation))
                elif due.ruling < day and current.deadline_state == "missed":
                    passed.append(Line(f"{text} — missed {due.ruling}, as reported", cite(current.citation)))
                elif due.ruling < day:
                    passed.append(Line(f"{text} — was due {due.ruling}; no report either way (unreported: verify)",
                                       citation))
            if due.term and due.term.notice_by and day <= due.term.notice_by <= day + HORIZON:
                approaching.append(Line(f"{text} — notice against renewal by {due.term.notice_by}", citation))
    return approaching, passed


def dispute_lines(disputes: Iterable[dict[str, Any]], day: dt.date) -> list[Line]:
    """Claims of disputes whose every figure was published by the day."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for row in disputes:
        groups.setdefault(row["dispute"], []).append(row)
    lines = []
    for rows in groups.values():
        if all(_day(r.get("published")) is None or _day(r.get("published")) <= day for r in rows):
            lines += [Line(f"{r['subject']} {r['measure']}: {r['text']}"
                           + (f" (according to {r['attribution']})" if r.get("attribution") else ""),
                           cite(Citation(source=r["article_id"], outlet=r.get("outlet"), published=_day(r.get("published")))))
                      for r in rows]
    return lines


def situation_report(day: dt.date, events: Sequence[dict[str, Any]], agreements: Sequence[Agreement],
                     evidence: Sequence[Evidence], disputes: Iterable[dict[str, Any]]) -> SituationReport:
    approaching, passed = deadline_lines(agreements, evidence, day)
    return SituationReport(day, [
        Section("Events of the day", event_lines(events)),
        Section("Provision status changes", status_lines(agreements, evidence, day)),
        Section("Deadlines in the next 30 days", approaching),
        Section("Deadlines passed, not reported done", passed),
        Section("Disputed figures", dispute_lines(disputes, day)),
    ])


def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
