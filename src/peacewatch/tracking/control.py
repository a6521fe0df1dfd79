"""Territorial control: which party holds which place over time.

Two kinds of report move a place from one hand to another: a territory event (Government regains
territory, Non-state actor overtakes territory, Non-violent transfer of territory: ACLED codes the
gaining side as actor1, and the place is the event's location) and a handover provision carried
out (its beneficiaries gain its places on the day of the evidence). Each change closes the
place's current period and opens one for the new holder, citing the report.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from peacewatch.tracking.linking import Report
from peacewatch.knowledge.names import fold
from peacewatch.records import Agreement, Citation, ControlPeriod, Evidence
from peacewatch.report.citations import cite

TERRITORY_EVENTS = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                              "Non-violent transfer of territory"})
HANDOVER_CATEGORIES = frozenset({"territory"})


@dataclass(frozen=True)
class Takeover:
    place: str
    gainer: str
    day: dt.date
    citation: Citation
    coded: bool = False  # from a coded handover: on the same day it outranks an event's actor


def event_takeovers(reports: Iterable[Report]) -> list[Takeover]:
    return [Takeover(r.places[0], r.actors[0], r.last_day, r.citation()) for r in reports
            if r.kind == "event" and r.sub_event_type in TERRITORY_EVENTS and r.places and r.actors and r.last_day]


def handover_takeovers(agreements: Sequence[Agreement], evidence: Iterable[Evidence]) -> list[Takeover]:
    """The beneficiaries of a carried-out handover gain its places."""
    provisions = {(a.id, p.number): p for a in agreements for p in a.provisions}
    found = []
    for item in evidence:
        provision = provisions.get((item.agreement, item.provision))
        if item.stance == "implemented" and provision and provision.category in HANDOVER_CATEGORIES:
            found += [Takeover(place, gainer, item.day, item.citation, coded=True)
                      for place in provision.places for gainer in provision.beneficiaries[:1]]
    return found


def control_periods(takeovers: Iterable[Takeover]) -> list[ControlPeriod]:
    """Periods of control per place, earliest first; a report that the holder still holds a place
    does not open a new period, and a change reported twice on one day keeps the coded handover's
    gainer (an agreement file names who receives a place; an event's actor order may err)."""
    periods: list[ControlPeriod] = []
    current: dict[str, ControlPeriod] = {}
    for takeover in sorted(takeovers, key=lambda t: (t.day, t.coded, t.citation.source)):
        key = fold(takeover.place)
        held = current.get(key)
        if held and fold(held.controller) == fold(takeover.gainer):
            continue
        if held and held.start == takeover.day:
            periods.remove(held)
        elif held:
            held.end = takeover.day
        current[key] = ControlPeriod(place=takeover.place, controller=takeover.gainer, start=takeover.day,
                                     citation=takeover.citation)
        periods.append(current[key])
    return periods


def control_as_of(periods: Iterable[ControlPeriod], day: dt.date) -> list[ControlPeriod]:
    """Who holds each place on `day`, as far as the reports go."""
    return [p for p in periods if p.start <= day and (p.end is None or p.end > day)]


def control_table(periods: Iterable[ControlPeriod], day: Optional[dt.date]) -> list[dict]:
    held = control_as_of(periods, day) if day else list(periods)
    return [{"place": p.place, "controller": p.controller, "since": p.start.isoformat(),
             "until": p.end.isoformat() if p.end else "", "source": cite(p.citation),
             "sentence": p.citation.text[:100]} for p in held]
