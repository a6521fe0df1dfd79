"""Events coded in ACLED's typology, one per sentence that reports one.

A sentence is coded when it states (as a fact, outside quotations) a trigger of the lexicon;
its actors, date, place and fatalities come from the mentions the earlier stages found. Reports
of the same happening within one article (same type, day and place) become one event, as ACLED
counts one event per day, place, actors and type.
"""
from __future__ import annotations

from peacewatch.events.actors import event_actors
from peacewatch.events.attributes import event_date, event_location, fatalities
from peacewatch.events.triggers import Trigger, find_trigger
from peacewatch.knowledge.countries import names_a_country
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Event


def sub_event_type(trigger: Trigger, actor1: str | None) -> str:
    """Territory taken by a state's forces is regained; by anyone else, overtaken."""
    if not trigger.rule.territory:
        return trigger.rule.sub_event_type
    return "Government regains territory" if actor1 and names_a_country(actor1) else "Non-state actor overtakes territory"


def code_sentence(document: Document, sentence, quoted: list[tuple[int, int]]) -> Event | None:
    dated = bool(document.within("times", sentence.start_char, sentence.end_char))
    trigger = find_trigger(sentence, quoted, dated)
    if trigger is None:
        return None
    place = event_location(document, sentence)
    actor1, actor2, actors = event_actors(document, sentence, trigger, place)
    day, precision = event_date(document, sentence)
    return Event(
        start=sentence.start_char, end=sentence.end_char, text=sentence.text,
        event_type=trigger.rule.event_type, sub_event_type=sub_event_type(trigger, actor1),
        event_date=day, time_precision=precision, actor1=actor1, actor2=actor2, actors=actors,
        location=place.name if place else None, latitude=place.lat if place else None,
        longitude=place.lon if place else None, fatalities=fatalities(document, sentence))


def same_happening(first: Event, later: Event) -> bool:
    """ACLED's unit: same type, day and place. A mention with no day of its own (dated from the
    publication week) is taken as a reference to the dated event of its type."""
    if (first.event_type, first.sub_event_type) != (later.event_type, later.sub_event_type):
        return False
    if (later.time_precision == 2) != (first.time_precision == 2):
        return True
    return (first.event_date, first.location) == (later.event_date, later.location)


def merged(events: list[Event]) -> list[Event]:
    """One event per happening: later reports add their actors and raise the fatality count
    (within one report a later, larger figure is an update)."""
    kept: list[Event] = []
    for event in events:
        index = next((i for i, k in enumerate(kept) if same_happening(k, event)), None)
        if index is None:
            kept.append(event)
            continue
        if kept[index].time_precision == 2 and event.time_precision != 2:
            kept[index], event = event, kept[index]
        first = kept[index]
        first.actors = list(dict.fromkeys(first.actors + event.actors))
        first.actor2 = first.actor2 or event.actor2
        if event.fatalities is not None:
            first.fatalities = max(first.fatalities or 0, event.fatalities)
    return kept


@annotator("events", requires=("entities", "times", "places", "quantities", "quotes"))
def find_events(document: Document) -> list[Event]:
    quoted = [(q.start, q.end) for q in document.mentions.get("quotes", [])]
    events = [code_sentence(document, s, quoted) for s in document.sentences]
    return merged([e for e in events if e is not None])
