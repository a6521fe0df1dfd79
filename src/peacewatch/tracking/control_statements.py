"""What news sentences state about who controls a place, read from a stored article's mentions.

Three kinds of statement move a place to a holder:
- a state of control: "the town comes under X's control", "Y remains under Z control", "the
  city, now under the control of X" (a future "will come under" is a plan, not a fact; "will
  remain under" states who holds it now);
- an act of taking: "X took / captured / seized / retook the town of Y", "Y was captured by X",
  "Y is held by X", "X handed Y over to Z";
- a surrender: "the rebels laid down their arms / surrendered" in a region, to the other side the
  sentence (or the one before) names: the region goes to that side (control.py carries the
  change to the places inside it).
The place must be what the sentence says was taken: its name directly after the verb, allowing
only words such as "the town of" or "control of" between. "Much of the land in and around X" or
"villages of X" names a part of X, and moves nothing. The day is the sentence's told day
(told_time.py), its last when a span; a sentence with no usable day states nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from peacewatch.knowledge.actors import actor_info
from peacewatch.knowledge.countries import countries
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.knowledge.names import fold
from peacewatch.records import Article, Citation, Entity, Extraction, Place
from peacewatch.tracking.linking import actor_mentions, real_places, sentence_spans
from peacewatch.tracking.told_time import told_period

REGION_KINDS = frozenset({"region", "district"})
STATE_FORCES = re.compile(r"\b(?:government|state|national|regular|security)\s+(?:troops|forces|army|soldiers)\b"
                          r"|\bthe\s+(?:army|military)\b", re.IGNORECASE)
UNDER_CONTROL = re.compile(
    r"\b(?P<verb>comes?|came|coming|pass(?:es|ed)?|fell|falls?|went|goes|go|returned|returns?|is|was|are|were|"
    r"remains?|remained|stays?|stayed|been|be|now)\s+(?:back\s+|now\s+|firmly\s+|fully\s+|still\s+)?under\s+"
    r"(?:(?:the\s+)?(?:full\s+|effective\s+|military\s+|total\s+|complete\s+)?control\s+of\s+(?P<after>[^,.;]{1,60})"
    r"|(?P<between>[^,.;]{1,50}?)\s*(?:full\s+|effective\s+|military\s+|total\s+|complete\s+)?control\b)",
    re.IGNORECASE)
TAKING = re.compile(
    r"\b(?P<verb>took|taken|takes|captured|captures|seized|seizes|retook|retaken|recaptured|regained|overran|overrun|"
    r"liberated|controls|controlled|holds|held|retains|retained)\b", re.IGNORECASE)
HANDING = re.compile(r"\bhand(?:ed|s)?\s+(?:over\s+)?(?P<what>[^,.;]{1,60}?)\s+(?:over\s+)?to\s+", re.IGNORECASE)
# Verbs only: "welcomed the surrender of X" or a quoted "capitulation" says who claims a victory,
# not that a side gave up a region.
SURRENDER = re.compile(r"\b(?:surrendered|capitulated|la(?:id|y|ys)\s+down\s+(?:all\s+)?(?:their|its|his)\s+"
                       r"(?:arms|weapons)|gave\s+up\s+the\s+fight|give\s+in|gave\s+in)\b", re.IGNORECASE)
PASSIVE_AUXILIARY = re.compile(r"\b(?:is|was|are|were|been|being|be)\s+(?:\w+\s+)?$", re.IGNORECASE)
BY_AGENT = re.compile(r"\s+by\s+", re.IGNORECASE)  # matched at the end of a verb
# Words that may stand between a verb and the place it takes without making the place a part
# of what was taken.
OBJECT_WORDS = re.compile(
    r"^(?:\s|,|'s|’s|\b(?:the|back|over|full|complete|effective|military|control|of|town|city|capital|district|region|"
    r"province|strategic|historic|key|nearby|neighbouring|neighboring|southern|northern|eastern|western|central|"
    r"port|border|regional|provincial|administrative|and|hilltop|mountain)\b)*$", re.IGNORECASE)
# Words between a place and the verb after it ("the town now comes under…").
SUBJECT_WORDS = re.compile(r"^(?:\s|,|\b(?:also|now|still|effectively|then|finally|thus|will|would)\b)*$",
                           re.IGNORECASE)
# A noun phrase that stands for the place the sentence named before it ("…withdrew from X, and
# the city came under…").
ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:city|town|village|district|region|province|capital|enclave|"
                     r"area|port|base)\s*$", re.IGNORECASE)
PLAN = re.compile(r"\b(?:will|would|shall|must|should|could|may|might|is to|are to|to|not|never|n't)\s+(?:\w+\s+)?$",
                  re.IGNORECASE)
STATES_OF_CONTROL = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed", "is", "are", "be"})


@dataclass(frozen=True)
class ControlStatement:
    """A sentence's statement that `holder` gained or holds `place` on `day`."""

    place: str
    holder: str
    day: dt.date
    citation: Citation
    surrender: bool = False  # a region given up: its towns follow


@dataclass(frozen=True)
class Sentence:
    article: Article
    extraction: Extraction
    start: int
    end: int
    places: tuple[Place, ...]
    actors: tuple[Entity, ...]

    @property
    def text(self) -> str:
        return self.article.text[self.start:self.end]

    def day(self) -> Optional[dt.date]:
        told = told_period(self.article.text, self.extraction.times, self.start, self.end, self.article.published)
        return told[1] if told else None

    def citation(self) -> Citation:
        return Citation(source=self.article.id, outlet=self.article.outlet, published=self.article.published,
                        start=self.start, end=self.end, text=" ".join(self.text.split()))


def holder_name(name: str, place: Optional[str] = None) -> str:
    """One name per holder: a state's armed forces hold for the state; "government troops" hold
    for the country of the place they took."""
    if place and STATE_FORCES.fullmatch(name.strip()):
        entry = gazetteer().best(place)
        country = countries().get(entry.country) if entry and entry.country else None
        return country.name if country else name
    actor = actor_info(name)
    if actor and actor.kind == "armed_force" and actor.country and actor.country in countries():
        return countries()[actor.country].name
    return actor.canonical if actor else name


def sentences(article: Article, extraction: Extraction) -> list[Sentence]:
    places = sorted(real_places(extraction), key=lambda p: p.start)
    actors = actor_mentions(article, extraction)
    return [Sentence(article, extraction, s, e, tuple(p for p in places if s <= p.start and p.end <= e),
                     tuple(a for a in actors if s <= a.start and a.end <= e))
            for s, e in sentence_spans(article.text)]


def actor_in(sentence: Sentence, start: int, end: int, place: str) -> Optional[str]:
    """The holder named in text[start:end]: an actor entity that is not the place, or a state
    force ("government troops")."""
    for entity in sentence.actors:
        if start <= entity.start and entity.end <= end and fold(entity.canonical) != fold(place):
            return holder_name(entity.canonical)
    forces = STATE_FORCES.search(sentence.article.text, start, end)
    return holder_name(forces.group(0), place) if forces else None


def subject_before(sentence: Sentence, offset: int, place: str) -> Optional[str]:
    """The nearest actor (or state force) named before `offset` in the sentence."""
    text = sentence.article.text
    forces = [m for m in STATE_FORCES.finditer(text, sentence.start, offset)]
    entities = [e for e in sentence.actors if e.end <= offset and fold(e.canonical) != fold(place)]
    nearest_entity = entities[-1] if entities else None
    nearest_force = forces[-1] if forces else None
    if nearest_force and (nearest_entity is None or nearest_force.start() > nearest_entity.start):
        return holder_name(nearest_force.group(0), place)
    return holder_name(nearest_entity.canonical) if nearest_entity else None


def place_after(sentence: Sentence, offset: int) -> Optional[Place]:
    """The place a verb ending at `offset` takes: the next place, with only object words between."""
    text = sentence.article.text
    following = next((p for p in sentence.places if p.start >= offset), None)
    return following if following and OBJECT_WORDS.match(text[offset:following.start]) else None


def place_before(sentence: Sentence, offset: int) -> Optional[Place]:
    """The place a verb starting at `offset` says something of: the place just before it, or the
    sentence's last place before "the town" when that is the verb's subject."""
    text = sentence.article.text
    preceding = [p for p in sentence.places if p.end <= offset]
    if not preceding:
        return None
    if SUBJECT_WORDS.match(text[preceding[-1].end:offset]):
        return preceding[-1]
    anaphor = ANAPHOR.search(text, preceding[-1].end, offset)
    return preceding[-1] if anaphor and SUBJECT_WORDS.match(text[anaphor.end():offset]) else None


def states_of_control(sentence: Sentence) -> Iterator[tuple[str, str]]:
    """(place, holder) from "PLACE comes / remains under X control" and "under the control of X"."""
    text = sentence.article.text
    for match in UNDER_CONTROL.finditer(text, sentence.start, sentence.end):
        start = match.start("verb")
        if match["verb"].lower() not in STATES_OF_CONTROL and PLAN.search(text[sentence.start:start]):
            continue
        place = place_before(sentence, start)
        if place is None:
            continue
        group = "after" if match["after"] else "between"
        holder = actor_in(sentence, match.start(group), match.end(group), place.name)
        if holder:
            yield place.name, holder


def takings(sentence: Sentence) -> Iterator[tuple[str, str]]:
    """(place, holder) from "X took the town of Y", "Y was taken by X", "X handed Y over to Z"."""
    text = sentence.article.text
    for match in TAKING.finditer(text, sentence.start, sentence.end):
        if PLAN.search(text[sentence.start:match.start()]):
            continue
        by = BY_AGENT.match(text, match.end())
        if by or PASSIVE_AUXILIARY.search(text[sentence.start:match.start()]):
            place = place_before(sentence, match.start()) or _before_auxiliary(sentence, match.start())
            holder = actor_in(sentence, by.end(), sentence.end, place.name) if by and place else None
        else:
            place = place_after(sentence, match.end())
            holder = subject_before(sentence, match.start(), place.name) if place else None
        if place and holder:
            yield place.name, holder
    for match in HANDING.finditer(text, sentence.start, sentence.end):
        place = place_after(sentence, match.start("what"))
        holder = actor_in(sentence, match.end(), sentence.end, place.name) if place else None
        if place and holder and not PLAN.search(text[sentence.start:match.start()]):
            yield place.name, holder


def _before_auxiliary(sentence: Sentence, offset: int) -> Optional[Place]:
    auxiliary = PASSIVE_AUXILIARY.search(sentence.article.text[sentence.start:offset])
    return place_before(sentence, sentence.start + auxiliary.start()) if auxiliary else None


def region_of(places: Sequence[Place]) -> Optional[str]:
    for place in places:
        entry = gazetteer().best(place.name)
        if entry and entry.kind in REGION_KINDS:
            return place.name
    return None


def surrenders(sentence: Sentence, before: Optional[Sentence]) -> Iterator[tuple[str, str]]:
    """(region, victor) from "the rebels of REGION laid down their arms after VICTOR's offensive"."""
    text = sentence.article.text
    for match in SURRENDER.finditer(text, sentence.start, sentence.end):
        if PLAN.search(text[sentence.start:match.start()]):
            continue
        context = [sentence, *([before] if before else [])]
        region = next((r for r in (region_of(s.places) for s in context) if r), None)
        if region is None:
            continue
        side = subject_before(sentence, match.start(), region)
        victor = next((holder_name(a.canonical) for s in context for a in s.actors
                       if fold(a.canonical) != fold(region) and holder_name(a.canonical) != side), None)
        if side and victor:
            yield region, victor


def control_statements(article: Article, extraction: Extraction) -> list[ControlStatement]:
    """Every statement of control in an article, in text order."""
    found: list[ControlStatement] = []
    previous: Optional[Sentence] = None
    for sentence in sentences(article, extraction):
        day = sentence.day()
        if day:
            found += [ControlStatement(place, holder, day, sentence.citation())
                      for place, holder in (*states_of_control(sentence), *takings(sentence))]
            found += [ControlStatement(region, victor, day, sentence.citation(), surrender=True)
                      for region, victor in surrenders(sentence, previous)]
        previous = sentence
    return found
