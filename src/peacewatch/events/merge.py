"""Cross-document merge: the reports of one happening in several articles become one event.

ACLED counts one event per distinct day, place, actors and type, however many outlets report
it. Two reports from different articles are taken for the same happening when their types agree,
their days lie within a day of each other (a date known only to the week or month spans it), their
places are the same or nearby, and enough else agrees: shared actors, the same place, similar
wording. Actors on both sides that share no one, or places far apart, keep them apart. A report
whose day is vague (week or month) or whose sub-type differs needs two of those agreements, and
sub-types may differ only where they are readings of one happening (how far a clash went, how a
protest was met): an IED and a shelling, or an agreement and a deployment, are two events.

These are plain functions over `EventReport` records, so the rule is tested without a database;
the store feeds them the candidates its date index finds (store/merged_events.py). An article
contributes at most one report to an event: within one article, `events/identity.py` has already
joined the repeated mentions of a happening, so two of its events are two happenings.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from peacewatch.records import Event

NEARBY_KM = 30.0
DAY_GAP = 1  # reports of one happening may differ by a day (night events, time zones)
WEEK_DAYS = 7  # a date known to the week: the week up to that day (the publication week)
SIMILAR_WORDING = 0.5  # share of content words two report sentences have in common
# Event types whose sub-types outlets may read differently for one happening.
SUB_TYPES_OF_ONE_HAPPENING = frozenset({"Battles", "Protests", "Riots"})
CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
EARTH_RADIUS_KM = 6371.0


class EventReport(Event):
    """One article's report of an event: its stored mention with the article's outlet and date,
    and the country of its place."""

    mention_id: int
    article_id: str
    country: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[dt.date] = None


@dataclass(frozen=True)
class MergedEvent:
    """One happening as all its reports tell it, the way ACLED codes it."""

    event_type: str
    sub_event_type: str
    event_date: Optional[str]
    time_precision: Optional[int]
    first_day: Optional[dt.date]
    last_day: Optional[dt.date]
    actor1: Optional[str]
    actor2: Optional[str]
    actors: tuple[str, ...]
    location: Optional[str]
    latitude: Optional[float]
    longitude: Optional[float]
    country: Optional[str]
    fatalities: Optional[int]
    notes: str
    sources: tuple[str, ...]


def days(event_date: str | None, precision: int | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a report's date allows: a day; the week up to a day known only to
    the week (the publication-date fallback); an ISO week; a month. None when undated."""
    if not event_date or precision is None:
        return None
    try:
        if "-W" in event_date:
            monday = dt.date.fromisocalendar(int(event_date[:4]), int(event_date[6:8]), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(event_date) == 7:
            first = dt.date.fromisoformat(event_date + "-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(event_date[:10])
    except ValueError:
        return None
    return (day, day) if precision == 1 else (day - dt.timedelta(days=WEEK_DAYS - 1), day)


def dates_agree(first: tuple[dt.date, dt.date] | None, second: tuple[dt.date, dt.date] | None) -> bool:
    if first is None or second is None:
        return False
    gap = max(first[0], second[0]) - min(first[1], second[1])
    return gap.days <= DAY_GAP


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def places_agree(event: MergedEvent, report: EventReport) -> bool | None:
    """True for the same or a nearby place, False for places apart, None when one is unplaced."""
    if not event.location or not report.location:
        return None
    if event.location == report.location:
        return True
    if None in (event.latitude, event.longitude, report.latitude, report.longitude):
        return False
    return distance_km((event.latitude, event.longitude), (report.latitude, report.longitude)) <= NEARBY_KM


def actors_agree(known: Iterable[str], reported: Iterable[str]) -> bool | None:
    """True when the reports share an actor, False when both name actors but none in common."""
    known, reported = set(known), set(reported)
    if not known or not reported:
        return None
    return bool(known & reported)


def content_words(text: str) -> set[str]:
    return {w.lower() for w in CONTENT_WORD.findall(text)}


def similar_wording(first: str, second: str) -> bool:
    a, b = content_words(first), content_words(second)
    return bool(a and b) and len(a & b) / len(a | b) >= SIMILAR_WORDING


def match_score(members: Sequence[EventReport], report: EventReport) -> int | None:
    """How many signs say the report tells the event its members tell; None if it cannot."""
    if any(m.article_id == report.article_id for m in members):
        return None
    event = summarize(members)
    report_days = days(report.event_date, report.time_precision)
    if not types_agree(event, report) or not dates_agree(days(event.event_date, event.time_precision), report_days):
        return None
    place = places_agree(event, report)
    if place is False:
        return None
    actors = actors_agree(event.actors, report.actors)
    wording = any(similar_wording(m.text, report.text) for m in members)
    score = int(place is True) + int(actors is True) - int(actors is False) + int(wording)
    precise = event.time_precision == 1 and report.time_precision == 1
    needed = 1 if precise and event.sub_event_type == report.sub_event_type else 2
    return score if score >= needed else None


def types_agree(event: MergedEvent, report: EventReport) -> bool:
    if event.event_type != report.event_type:
        return False
    return event.sub_event_type == report.sub_event_type or event.event_type in SUB_TYPES_OF_ONE_HAPPENING


def best_match(report: EventReport, candidates: Sequence[Sequence[EventReport]]) -> int | None:
    """The index of the candidate event this report tells: most signs, then the same sub-type,
    then the nearest day, then the earliest event."""
    scored = [(score, summarize(members).sub_event_type == report.sub_event_type,
               -_day_distance(members, report), -index)
              for index, members in enumerate(candidates)
              if (score := match_score(members, report)) is not None]
    return -max(scored)[3] if scored else None


def _day_distance(members: Sequence[EventReport], report: EventReport) -> int:
    event, reported = summarize(members), days(report.event_date, report.time_precision)
    if event.first_day is None or reported is None:
        return 0
    return abs((event.first_day - reported[0]).days)


def merge_reports(reports: Iterable[EventReport]) -> list[list[EventReport]]:
    """Reports grouped into events, each joining the best event found so far (as `Store.add`
    does one article at a time)."""
    events: list[list[EventReport]] = []
    for report in reports:
        index = best_match(report, events)
        if index is None:
            events.append([report])
        else:
            events[index].append(report)
    return events


def summarize(members: Sequence[EventReport]) -> MergedEvent:
    """The event its reports tell: the most reported type, the most precise date, the most named
    place and actors, and ACLED's most conservative death toll (a disagreement goes into notes)."""
    first = members[0]
    event_type = _most_common(m.event_type for m in members)
    sub_event_type = _most_common(m.sub_event_type for m in members if m.event_type == event_type)
    dated = sorted((m for m in members if days(m.event_date, m.time_precision)),
                   key=lambda m: (m.time_precision, m.event_date))
    when = dated[0] if dated else first
    span = days(when.event_date, when.time_precision)
    located = [m for m in members if m.location]
    where = next((m for m in located if m.location == _most_common(p.location for p in located)), first)
    actor1 = _most_common(m.actor1 for m in members if m.actor1)
    actor2 = _most_common(m.actor2 for m in members if m.actor2 and m.actor2 != actor1)
    tolls = sorted({m.fatalities for m in members if m.fatalities is not None})
    return MergedEvent(
        event_type=event_type, sub_event_type=sub_event_type, event_date=when.event_date,
        time_precision=when.time_precision, first_day=span[0] if span else None,
        last_day=span[1] if span else None, actor1=actor1, actor2=actor2,
        actors=named_actors(members),
        location=where.location, latitude=where.latitude, longitude=where.longitude,
        country=where.country or next((m.country for m in members if m.country), None),
        fatalities=tolls[0] if tolls else None, notes=notes(first.text, tolls),
        sources=tuple(dict.fromkeys(m.outlet for m in members if m.outlet)))


def named_actors(members: Sequence[EventReport]) -> tuple[str, ...]:
    """Every actor the reports name, each once, in the order the reports name them."""
    return tuple(dict.fromkeys(a for m in members for a in (m.actor1, m.actor2, *m.actors) if a))


def notes(sentence: str, tolls: Sequence[int]) -> str:
    """The first report's sentence on one line; reports that disagree on deaths say so."""
    text = " ".join(sentence.split())
    if len(tolls) > 1:
        text += f" Reported fatalities range from {tolls[0]} to {tolls[-1]}; the lowest is coded."
    return text


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent value, the earliest seen among equals (Counter keeps insertion order)."""
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else None
