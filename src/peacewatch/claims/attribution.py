"""Who a figure is attributed to: "according to X", "X said …", or the speaker of a quotation.

An article often gives two figures for one thing, each in someone's mouth ("120,000 according to
one side, 50,000 according to the other"), so the source is found per figure: the "according
to" phrase attached to a word that governs the figure (the lowest one wins), else the subject
of a speech verb that governs it, else the speaker of the quotation it stands in. A figure with
none of these is the article's own word (None). Sources are canonical actor names, so "the
Armenians", "Armenia" and "Yerevan" are one source.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from peacewatch.knowledge.actors import canonical_actor, catalog
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.speakers import body_phrase
from peacewatch.pipeline import Document
from peacewatch.records import Entity

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
PARTY_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
NOT_NAMES = frozenset({"DET", "PUNCT", "SPACE"})


@dataclass(frozen=True)
class According:
    """An "according to X" phrase: the word it modifies, its source and its characters."""

    attach: int  # token index
    source: str
    start: int
    end: int


def ancestors(token: Token) -> list[Token]:
    """The token and every word above it, lowest first."""
    return [token, *token.ancestors]


def modifiers(noun: Token) -> list[Token]:
    """The words that say whose or where a noun is: "Malian", "Gaza's", "of Goma", "in Kyiv"."""
    words = []
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss", "flat", "appos"):
            words.append(child)
        elif child.dep_ == "prep":
            words += [g for g in child.children if g.dep_ == "pobj"]
    return words


@functools.lru_cache(maxsize=1)
def according_pattern() -> re.Pattern:
    """The speech lexicon's introducers ("according to", "selon") at the start of a word."""
    phrases = sorted(lexicon("speech")["according"], key=len, reverse=True)
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, phrases)) + ")")


class Sources:
    """Finds the source of each figure of one document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.entities: list[Entity] = document.mentions.get("entities", [])
        self.quotes = document.mentions.get("quotes", [])
        self.places = document.mentions.get("places", [])
        self.verbs = word_set("speech", "verbs")
        self.according = self._according_phrases()

    def is_speech_verb(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.verbs

    def attributed_span(self, offset: int) -> bool:
        """Whether a character lies in an "according to X" phrase (its X is a source, not a subject)."""
        return any(a.start <= offset < a.end for a in self.according)

    def source(self, anchor: Token, start: int) -> str | None:
        quote = next((q for q in self.quotes if q.start <= start < q.end), None)
        if quote is not None and quote.speaker:
            return quote.speaker
        by_word = {}
        for according in self.according:
            by_word.setdefault(according.attach, according.source)
        for node in ancestors(anchor):
            if node.i in by_word:
                return by_word[node.i]
            if node.i != anchor.i and self.is_speech_verb(node):
                subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
                name = self.name_of(subjects[0]) if subjects else None
                if name:
                    return name
        return None

    def _according_phrases(self) -> list[According]:
        """Each "according to X" phrase starting at a word, in text order: found by one pattern
        over the text, not by trying every phrase at every token."""
        doc = self.document.parse
        text = self.document.text.lower().replace("’", "'")
        found = []
        for match in according_pattern().finditer(text):
            words = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            according = self._according(words[0], match.end()) if words and words[0].idx == match.start() else None
            if according:
                found.append(according)
        return found

    def _according(self, first: Token, end: int) -> According | None:
        """The phrase starting at `first` and ending before character `end`, with its object."""
        obj = next((t for t in first.doc[first.i:first.sent.end] if t.idx >= end and t.pos_ not in NOT_NAMES), None)
        name = self.name_of(obj) if obj is not None else None
        if name is None:
            return None
        phrase = {t.i for t in first.doc[first.i:obj.i + 1]} | {t.i for t in obj.subtree}
        node = first.head
        while node.i in phrase and node.head.i != node.i:
            node = node.head
        last = max(t.idx + len(t) for t in obj.subtree)
        return According(node.i, name, first.idx, max(last, obj.idx + len(obj)))

    def name_of(self, token: Token) -> str | None:
        """The canonical name of a source word: a named entity, a described body ("the Russian
        defence ministry"), or the party named in it ("officials in Kyiv")."""
        named = self.party_at(token)
        if named:
            return named
        head = token
        while head.dep_ in ("compound", "amod", "flat", "det") and head.head.i != head.i:
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        for word in modifiers(head):
            named = self.party_at(word)
            if named:
                return named
        return canonical_actor(body_phrase(head)) or None

    def party_at(self, token: Token) -> str | None:
        """The actor a word names: an entity or a place it lies in, or a state adjective ("Malian")."""
        entity = next((e for e in self.entities if e.start <= token.idx < e.end and e.label in PARTY_LABELS), None)
        if entity is not None:
            return canonical_actor(entity.text) if entity.label == "NORP" else entity.canonical
        place = next((p for p in self.places if p.start <= token.idx < p.end), None)
        if place is not None:
            return canonical_actor(place.name)  # a capital speaks for its state: "Kyiv" -> Ukraine
        state = catalog().state_of_adjective(token.text) if token.pos_ in ("ADJ", "PROPN") else None
        return state.canonical if state else None
