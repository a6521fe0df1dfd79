"""Where an event happened: the most precise place its sentence gives, or the one before.

ACLED codes the most precise place a report names, with a geo-precision saying how precise it is
(1 a town, 2 a district or a feature, 3 a region or a country). A news sentence often names
several: the town of the happening, the region it lies in, the countries of its parties
("Sudan's army", "Israeli forces"). A country is the place only when the sentence puts the
happening in it ("unrest broke out in Armenia"); otherwise it names a party. A sentence that
names no place of its own continues the one before it ("Rebels reached Sake on Monday. They
shelled the market."), and failing that the event is placed where the article is.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from spacy.tokens import Span, Token

from peacewatch.exports.acled_codes import GEO_PRECISION, SAME_PLACE_DEGREES
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.lexicons import word_set
from peacewatch.pipeline import Document
from peacewatch.records import Place

VAGUEST = 3  # ACLED's geo-precision of a region or a country, and of a place taken from the article


def geo_precision(place: Place) -> int:
    """ACLED's precision of a place, from its kind in the gazetteer (a region where it is unknown).
    A town that shares its name with its province ("Istanbul", "Yerevan") is the town."""
    kinds = [entry.kind for entry in gazetteer().candidates(place.name)
             if abs(entry.lat - place.lat) < SAME_PLACE_DEGREES and abs(entry.lon - place.lon) < SAME_PLACE_DEGREES]
    return min((GEO_PRECISION.get(kind, VAGUEST) for kind in kinds), default=VAGUEST)


def locative(document: Document, place: Place) -> bool:
    """Whether the sentence puts something in the place: a locative preposition governs it ("in
    Armenia", "near Bunia"), or it names the town a noun of place stands for ("the town of Sake")."""
    span = document.parse.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ != "prep":
        return False
    if head.lower_ == "of":
        return head.head.lemma_.lower() in word_set("events", "place_nouns")
    return head.lower_ in word_set("events", "locative_prepositions")


def in_dateline(place: Place) -> bool:
    """A dateline's town, written in capitals: where the report was filed."""
    return place.text.isupper() and len(place.text) > 3


def places_of(document: Document, start: int, end: int) -> list[tuple[Place, int]]:
    """The places between two offsets that may be an event's, each with its rank: 0 where the
    sentence puts the happening, 1 the dateline's town, 2 a place named otherwise ("Ukraine's
    Black Sea ports"). A country counts only at rank 0: named otherwise, it is a party."""
    ranked = []
    for place in document.within("places", start, end):
        rank = 0 if locative(document, place) else 1 if in_dateline(place) else 2
        if rank == 0 or not names_a_country(place.name):
            ranked.append((place, rank))
    return ranked


def most_precise(ranked: Iterable[tuple[Place, int]], anchor: int) -> Place | None:
    """The place of the lowest geo-precision, of the best rank among those, the nearest the
    trigger (at offset `anchor`) among equals: "celebrated in one country, while in the other it
    triggered unrest" puts the unrest in the other."""
    best = min(ranked, key=lambda pair: (geo_precision(pair[0]), pair[1], abs(pair[0].start - anchor)), default=None)
    return best[0] if best else None


def main_place(document: Document) -> Place | None:
    """The place the article is about: its most mentioned place below country level."""
    places = [p for p in document.mentions.get("places", []) if not names_a_country(p.name)]
    if not places:
        return None
    top = Counter(p.name for p in places).most_common(1)[0][0]
    return next(p for p in places if p.name == top)


def previous_sentence(document: Document, sentence: Span) -> Span | None:
    """The sentence before, when it is in the same paragraph."""
    if sentence.start_char == 0:
        return None
    before = document.sentence_at(sentence.start_char - 1)
    if before.start_char == sentence.start_char or "\n\n" in document.text[before.start_char:sentence.start_char]:
        return None
    return before


def continues(sentence: Span) -> bool:
    """Whether a sentence goes on about the place of the one before: its subject is a pronoun
    ("They shelled the market"), or it points back to a place ("there", "the town")."""
    for token in sentence:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head == sentence.root and token.pos_ == "PRON":
            return True
        if token.lower_ == "there" and token.dep_ == "advmod":
            return True
        if token.lemma_.lower() in word_set("events", "place_nouns") and points_back(token):
            return True
    return False


def points_back(noun: Token) -> bool:
    """"the town", "this village": a place named before; not "the town of Sake", which names one."""
    children = [c.lower_ for c in noun.children]
    return any(d in children for d in ("the", "this", "that")) and "of" not in children


def event_location(document: Document, sentence: Span, anchor: int | None = None) -> tuple[Place | None, bool]:
    """The event's place and whether its sentence gave it (or the one before, which the sentence
    continues); else the article's main place, else whatever country the sentence names. Among
    equally precise places, the nearest the trigger at offset `anchor` is taken."""
    near = sentence.start_char if anchor is None else anchor
    own = most_precise(places_of(document, sentence.start_char, sentence.end_char), near)
    if own is not None:
        return own, True
    before = previous_sentence(document, sentence) if continues(sentence) else None
    earlier = most_precise(places_of(document, before.start_char, before.end_char), before.end_char) if before else None
    if earlier is not None:
        return earlier, True
    places = document.within("places", sentence.start_char, sentence.end_char)
    return main_place(document) or (places[0] if places else None), False
