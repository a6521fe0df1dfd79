"""The `entities` stage: named people, organisations, states and places, each with a canonical name.

spaCy's small English model finds the names but often mislabels them in news about far-away
conflicts ("Tigray" as PERSON, "North Kivu" as ORG). Labels are therefore checked
against what is known: a name of a catalogued state is GPE, of a catalogued person PERSON, of a
force, group or organisation ORG; a PERSON or ORG that is exactly a prominent gazetteer place
(and no one's name in the article) is GPE, and a place name that the article uses for one of
its people ("Florence" after "Florence Mumba") is PERSON. Spans lose a leading "the" and a possessive "'s".
"""
from __future__ import annotations

import re

from peacewatch.knowledge.actors import ArticleActors, catalog, clean_name
from peacewatch.knowledge.gazetteer import GazetteerEntry, gazetteer
from peacewatch.nlp.model import entity_label
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Entity

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
KIND_LABELS = {"state": "GPE", "person": "PERSON", "armed_force": "ORG", "group": "ORG", "organisation": "ORG"}
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"(?:['’]s?|\s+)$")
INNER_POSSESSIVE = re.compile(r"['’]s\s+")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a name without a leading "the" or a trailing possessive or blank."""
    article = LEADING_ARTICLE.match(text[start:end])
    if article and article.end() < end - start:
        start += article.end()
    while (tail := TRAILING_POSSESSIVE.search(text[start:end])) and tail.start() > 0:
        end = start + tail.start()
    return start, end


def possessive_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A name holding a possessive is two names ("Sudan's Darfur", "Mali's Goïta")."""
    parts, at = [], start
    for found in INNER_POSSESSIVE.finditer(text, start, end):
        parts.append((at, found.start()))
        at = found.end()
    return [trimmed(text, a, b) for a, b in [*parts, (at, end)] if b > a]


def place_label(entry: GazetteerEntry) -> str:
    return "LOC" if entry.kind in ("feature", "region") and entry.country is None else "GPE"


def prominent_place(name: str) -> GazetteerEntry | None:
    """The place a name spelled exactly so denotes, if it is no village."""
    places = [p for p in gazetteer().lookup(name) if p.prominent]
    return max(places, key=GazetteerEntry.prominence, default=None)


def is_place_name(name: str) -> bool:
    actor = catalog().named(name)
    return actor.kind == "state" if actor else prominent_place(name) is not None


def checked_label(name: str, label: str, people: ArticleActors) -> str:
    """The label that the catalog or the gazetteer vouches for, else spaCy's."""
    actor = catalog().named(name)
    if actor is not None:
        return KIND_LABELS.get(actor.kind, label)
    if people.is_person(name):
        return "PERSON"
    place = prominent_place(name) if label in ("PERSON", "ORG") else None
    return place_label(place) if place else label


def canonical_name(name: str, label: str, people: ArticleActors) -> str:
    if label == "PERSON":
        return people.canonical(name)
    actor = catalog().find(name)
    if actor is not None:
        return actor.canonical
    if label in PLACE_LABELS:
        place = gazetteer().best(name)
        if place is not None:
            return place.name
    return clean_name(name) or name


@annotator("entities")
def find_entities(document: Document) -> list[Entity]:
    text = document.text
    names: list[tuple[int, int, str]] = []
    for ent in document.parse.ents:
        if entity_label(ent.label_) in NAME_LABELS:
            names += [(a, b, entity_label(ent.label_)) for a, b in possessive_parts(text, *trimmed(text, ent.start_char, ent.end_char))]
    people = ArticleActors(text[s:e] for s, e, label in names if label == "PERSON" and not is_place_name(text[s:e]))
    entities = []
    for start, end, label in names:
        name = text[start:end]
        label = checked_label(name, label, people)
        entities.append(Entity(start=start, end=end, text=name, label=label,
                               canonical=canonical_name(name, label, people)))
    return entities
