"""Territorial control: which party holds which place over time, each period cited.

What moves a place from one hand to another:
- a territory event (Government regains territory, Non-state actor overtakes territory,
  Non-violent transfer of territory: ACLED codes the gaining side as actor1, and the place is
  the event's location), unless its sentence takes only part of the place ("much of the land in
  and around X", "villages of X");
- a statement of control, an act of taking or a surrender, as a sentence states it
  (control_statements.py);
- a handover provision carried out: its beneficiaries gain its places on the day of the evidence.
Places nest (place_hierarchy.py): a change over a region carries to every place inside it that
the reports track, unless a report about that place on the same day or later says otherwise. A
report that the holder still holds a place opens no new period.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from peacewatch.knowledge.actors import actor_info
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.knowledge.names import fold
from peacewatch.knowledge.place_hierarchy import lies_within
from peacewatch.records import Agreement, Article, Citation, ControlPeriod, Evidence, Extraction
from peacewatch.report.citations import cite
from peacewatch.tracking.control_statements import ControlStatement, control_statements, holder_name
from peacewatch.tracking.linking import Report

TERRITORY_EVENTS = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                              "Non-violent transfer of territory"})
HANDOVER_CATEGORIES = frozenset({"territory"})
# A place named after these words is the whole of which only a part was taken.
PART_OF = re.compile(r"\b(?:much|most|part|parts|portions?|some|half|all|areas?|swath(?:e)?s?|villages?|outskirts|land|lands|"
                     r"territor(?:y|ies)|positions|districts?)\b[^.;]{0,40}\b(?:of|in|around|near|outside)"
                     r"(?:\s+and\s+around)?\s+(?:the\s+)?$", re.IGNORECASE)
# On one day: a region's change carried to its towns first, then reports, then coded handovers
# (an agreement file names who receives a place; an event's actor order may err).
CARRIED, REPORTED, CODED = 0, 1, 2


@dataclass(frozen=True)
class Takeover:
    place: str
    gainer: str
    day: dt.date
    citation: Citation
    rank: int = REPORTED
    region: bool = False  # a change over a region: the places inside it follow
    via: Optional[str] = None  # the region whose change this place followed


def takes_part_only(report: Report) -> bool:
    """The event's sentence names its place only as the whole some part of which was taken."""
    for words in (*report.place_words, *report.places[:1]):
        named = re.search(re.escape(words), report.text, re.IGNORECASE)
        if named:
            return bool(PART_OF.search(report.text[:named.start()]))
    return False


def event_takeovers(reports: Iterable[Report]) -> list[Takeover]:
    """Territory events: their first actor gains their place, unless the actor coded is itself a
    town or region (an extractor's slip: a place holds nothing)."""
    return [Takeover(r.places[0], holder_name(r.actor1, r.places[0]), r.last_day, r.citation())
            for r in reports
            if r.kind == "event" and r.sub_event_type in TERRITORY_EVENTS and r.places and r.actor1 and r.last_day
            and not names_a_town_or_region(r.actor1) and not takes_part_only(r)]


def names_a_town_or_region(name: str) -> bool:
    entry = gazetteer().best(name)
    return bool(entry and entry.kind != "country" and not actor_info(name))


def statement_takeovers(analyzed: Iterable[tuple[Article, Extraction]]) -> list[Takeover]:
    found: list[ControlStatement] = [s for article, extraction in analyzed for s in control_statements(article, extraction)]
    return [Takeover(s.place, s.holder, s.day, s.citation, region=s.surrender) for s in found]


def handover_takeovers(agreements: Sequence[Agreement], evidence: Iterable[Evidence]) -> list[Takeover]:
    """The beneficiaries of a carried-out handover gain its places."""
    provisions = {(a.id, p.number): p for a in agreements for p in a.provisions}
    found = []
    for item in evidence:
        provision = provisions.get((item.agreement, item.provision))
        if item.stance == "implemented" and provision and provision.category in HANDOVER_CATEGORIES:
            found += [Takeover(place, gainer, item.day, item.citation, rank=CODED, region=True)
                      for place in provision.places for gainer in provision.beneficiaries[:1]]
    return found


def carried(takeover: Takeover, tracked: Iterable[str]) -> list[Takeover]:
    """The change over a region carried to the tracked places inside it."""
    return [Takeover(place, takeover.gainer, takeover.day, takeover.citation, rank=CARRIED, via=takeover.place)
            for place in tracked if lies_within(place, takeover.place)]


def control_periods(takeovers: Iterable[Takeover]) -> list[ControlPeriod]:
    """Periods of control per place, earliest first. A region's change also opens a period for
    each place inside it that the reports track (or will track: a place first named later was
    already held by whoever then held its region)."""
    ordered = sorted(takeovers, key=lambda t: (t.day, t.rank, t.citation.source))
    tracked = list(dict.fromkeys(t.place for t in ordered))
    periods: list[ControlPeriod] = []
    current: dict[str, ControlPeriod] = {}
    for takeover in ordered:
        for change in [takeover, *(carried(takeover, tracked) if takeover.region else [])]:
            _hand_over(change, current, periods)
    return periods


def _hand_over(takeover: Takeover, current: dict[str, ControlPeriod], periods: list[ControlPeriod]) -> None:
    """Close the place's current period and open the gainer's (a same-day change replaces it)."""
    key = fold(takeover.place)
    held = current.get(key)
    if held and fold(held.controller) == fold(takeover.gainer):
        return
    if held and held.start == takeover.day:
        periods.remove(held)
    elif held:
        held.end = takeover.day
    current[key] = ControlPeriod(place=takeover.place, controller=takeover.gainer, start=takeover.day,
                                 citation=takeover.citation, via=takeover.via)
    periods.append(current[key])


def control_as_of(periods: Iterable[ControlPeriod], day: dt.date) -> list[ControlPeriod]:
    """Who holds each place on `day`, as far as the reports go."""
    return [p for p in periods if p.start <= day and (p.end is None or p.end > day)]


def control_table(periods: Iterable[ControlPeriod], day: Optional[dt.date]) -> list[dict]:
    held = control_as_of(periods, day) if day else list(periods)
    return [{"place": p.place, "controller": p.controller, "since": p.start.isoformat(),
             "until": p.end.isoformat() if p.end else "", "as part of": p.via or "",
             "source": cite(p.citation), "sentence": p.citation.text} for p in held]
