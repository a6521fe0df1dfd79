"""What a figure is about: the place whose inhabitants are counted, the party whose troops.

The words that can say it are those attached to the counted noun ("inhabitants of Gaza",
"Malian soldiers") and to the words above it up to the verb that governs it ("live in the
valley", "the town has 8,000 residents"); words inside an "according to" phrase name a source,
not a subject. A common noun that stands for a place ("the province now has …") is the nearest
place of that kind named before it in the article. Owned figures (troops, prisoners) are first
about the party that holds them, with where: "Ethiopia in Somalia" (and about no one
when no party is named: troops in one place often belong to several sides).
"""
from __future__ import annotations

from typing import Callable, Iterator

from spacy.tokens import Token

from peacewatch.claims.attribution import SUBJECT_DEPS, Sources, modifiers
from peacewatch.claims.measures import place_word_kinds
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.pipeline import Document
from peacewatch.records import Place

# Where a subject is said, most telling first: a locative ("in Goma", "au Mali"), then the
# arguments of the verb ("the town has …"), so that "Ethiopia deployed 3,000 troops in Somalia"
# is about Somalia, and Ethiopia is the party.
LOCATIVE_DEPS = frozenset({"obl", "obl:arg", "obl:mod", "nmod", "npadvmod"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "attr", "appos"})
MAX_HOPS = 6


def governing(anchor: Token) -> list[Token]:
    """The counted word and those above it, up to the verb that governs it ("began deploying")."""
    nodes = [anchor]
    node = anchor
    for _ in range(MAX_HOPS):
        if node.head.i == node.i:
            break
        node = node.head
        nodes.append(node)
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "xcomp":
            break
    return nodes


def slot_words(chain: list[Token], excluded: Callable[[Token], bool]) -> Iterator[Token]:
    """Words that may name the subject: the counted noun's own modifiers ("inhabitants of Gaza",
    "Gaza's inhabitants"), then locatives along the chain, then the verb's arguments."""
    on_chain = {t.i for t in chain}
    yield from (w for w in modifiers(chain[0]) if not excluded(w))
    for tier in (LOCATIVE_DEPS, ARGUMENT_DEPS):
        for node in chain[1:]:
            for child in node.children:
                if child.i in on_chain or excluded(child):
                    continue
                if child.dep_ == "prep" and tier is LOCATIVE_DEPS:
                    yield from (g for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in tier:
                    yield child


def place_kind(place: Place) -> str | None:
    """The gazetteer kind (country, region, district, city, feature) of a found place."""
    entries = [e for e in gazetteer().lookup(place.name) if e.name == place.name]
    nearest = min(entries, key=lambda e: abs(e.lat - place.lat) + abs(e.lon - place.lon), default=None)
    return nearest.kind if nearest else None


class Subjects:
    """Finds the subject of each figure of one document."""

    def __init__(self, document: Document, sources: Sources) -> None:
        self.places: list[Place] = document.mentions.get("places", [])
        self.sources = sources

    def excluded(self, token: Token) -> bool:
        """A source's words: an "according to" phrase or the subject of a speech verb."""
        return (self.sources.attributed_span(token.idx)
                or (token.dep_ in SUBJECT_DEPS and self.sources.is_speech_verb(token.head)))

    def subject(self, anchor: Token, owned: bool) -> str | None:
        chain = governing(anchor)
        place = next((p for w in slot_words(chain, self.excluded) if (p := self.place_of(w))), None)
        if not owned:
            return place
        party = self.party_of(chain)
        if party and place and party != place:
            return f"{party} in {place}"
        return party

    def place_of(self, word: Token) -> str | None:
        """The place a word names, or the one a common noun for a place ("the town") stands for."""
        for token in (word, *modifiers(word)):
            place = next((p for p in self.places if p.start <= token.idx < p.end), None)
            if place is not None:
                return place.name
        kind = place_word_kinds().get(word.lemma_.lower())
        if kind is None or word.pos_ != "NOUN":
            return None
        before = [p for p in self.places if p.end <= word.idx and place_kind(p) == kind]
        return before[-1].name if before else None

    def party_of(self, chain: list[Token]) -> str | None:
        """Whose figure it is: the party named on the counted noun ("Russian soldiers"), else
        the subject of the verb that governs it ("Russia deployed …")."""
        for word in (w for w in modifiers(chain[0]) if w.i < chain[0].i):
            party = self.sources.party_at(word)
            if party and not self.excluded(word):
                return party
        for node in chain[1:]:
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS and not self.excluded(child):
                    party = self.sources.party_at(child)
                    if party:
                        return party
        return None
