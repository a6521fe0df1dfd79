"""One event per happening per article: the headline, the lead and later mentions joined.

A report tells its main happening several times: in the headline ("Rebels seize border town"),
in the lead with its day and town, and again in passing ("the fall of the town on Monday").
ACLED counts one event per type, day, place and actors, so the mentions of one article are
joined when their types agree, their days agree (a mention with no day of its own, dated from
the publication week, refers to the dated one) and their places agree: the same place, one
inside the other's country where either is a region or a country, or a place the sentence did
not give (taken from the article). A headline names the happening the body tells in full, so it
joins the first body mention of its event type whatever the sub-type, and the body's reading
(sub-type, day, place, sentence) stands. The joined event keeps the most precise place and the
largest death toll (within one report a later, larger figure is an update).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peacewatch.events.location import VAGUEST, geo_precision
from peacewatch.records import Event, Place

WEEK_FALLBACK = 2  # the time precision of a mention dated from the publication week


@dataclass
class Mention:
    """One sentence's event with what identity needs beyond the record: its place, whether its
    own sentence gave the place, and whether it is a headline."""

    event: Event
    place: Place | None
    own_place: bool
    headline: bool

    @property
    def precision(self) -> int:
        """ACLED geo-precision of the mention's place, a place taken from the article the vaguest."""
        return geo_precision(self.place) if self.place and self.own_place else VAGUEST + 1


def same_happening(first: Mention, later: Mention) -> bool:
    a, b = first.event, later.event
    if a.event_type != b.event_type:
        return False
    if first.headline or later.headline:
        return True
    return a.sub_event_type == b.sub_event_type and days_agree(a, b) and places_agree(first, later)


def days_agree(first: Event, later: Event) -> bool:
    """The same day; a mention dated from the publication week refers to a dated one; an
    agreement's signing and its taking effect a day apart are one report."""
    if (later.time_precision == WEEK_FALLBACK) != (first.time_precision == WEEK_FALLBACK):
        return True
    if first.sub_event_type == "Agreement":
        return first.event_date == later.event_date or a_day_apart(first, later)
    return first.event_date == later.event_date


def a_day_apart(first: Event, later: Event) -> bool:
    if (first.time_precision, later.time_precision) != (1, 1) or not (first.event_date and later.event_date):
        return False
    return abs((dt.date.fromisoformat(first.event_date) - dt.date.fromisoformat(later.event_date)).days) == 1


def places_agree(first: Mention, later: Mention) -> bool:
    """An agreement is one event however many places its sentences name; otherwise the same
    place, or one the sentence did not give, or a town inside a region's or a country's country."""
    if first.event.sub_event_type == "Agreement" or first.place is None or later.place is None:
        return True
    if first.place.name == later.place.name or not (first.own_place and later.own_place):
        return True
    broad = max(first.precision, later.precision) >= VAGUEST
    return broad and first.place.country is not None and first.place.country == later.place.country


def narrows(kept: Mention, mention: Mention) -> bool:
    """Whether a mention's place says more precisely where the kept one happened: the kept place
    was taken from the article, or is a region or a country holding the mention's town. An
    agreement keeps the place of its first mention."""
    if mention.place is None or not mention.own_place or mention.precision >= kept.precision:
        return False
    if kept.place is None:
        return True
    if kept.event.sub_event_type == "Agreement":  # its later sentences name the places of talks and reactions
        return False
    if not kept.own_place:
        return True
    return kept.precision >= VAGUEST and kept.place.country == mention.place.country


def joined(kept: Mention, mention: Mention) -> Mention:
    """The two mentions as one: the body's reading over a headline's, the dated day over the
    week, the more precise place; actors of both, the larger death toll."""
    if kept.headline and not mention.headline or (kept.event.time_precision == WEEK_FALLBACK
                                                    and mention.event.time_precision != WEEK_FALLBACK):
        kept, mention = mention, kept
    event = kept.event
    if narrows(kept, mention):
        event.location, event.latitude, event.longitude = mention.place.name, mention.place.lat, mention.place.lon
        kept = Mention(event, mention.place, True, kept.headline)
    event.actors = list(dict.fromkeys(event.actors + mention.event.actors))
    event.actor1 = event.actor1 or mention.event.actor1
    event.actor2 = event.actor2 or next((a for a in (mention.event.actor2, mention.event.actor1)
                                         if a and a != event.actor1), None)
    if mention.event.fatalities is not None:
        event.fatalities = max(event.fatalities or 0, mention.event.fatalities)
    return kept


def one_per_happening(mentions: list[Mention]) -> list[Event]:
    """The article's events in the order first mentioned, each happening once."""
    kept: list[Mention] = []
    for mention in mentions:
        index = next((i for i, k in enumerate(kept) if same_happening(k, mention)), None)
        if index is None:
            kept.append(mention)
        else:
            kept[index] = joined(kept[index], mention)
    return [k.event for k in kept]
