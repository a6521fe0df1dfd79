"""The `quantities` stage: counts of people, troops, casualties, materiel, distances and durations.

A quantity is a number and what it counts. The number comes from the shared number grammar
(nlp/numbers), the unit from the lexicon (knowledge/data/units.yaml), and the parse decides
what a count of persons means: "30 people were killed" is 30 killed, "120,000 inhabitants" is
120,000 people. Choices, so that every quantity is a count a reader could check:
- a number with no unit is dropped, except where the clause names what it counts ("the death
  toll rose to 120", "120,000 inhabitants ..., 50,000 according to others");
- years, dates and clock times are not quantities (the times stage has found them);
- vague plurals ("thousands", "dozens") and fractions ("two-thirds") are not counted;
- a range ("between 100 and 200 troops", "100-200 troops") is its lower bound, approximate.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from peacewatch.knowledge.lexicons import lexicon
from peacewatch.nlp.numbers import find_numbers, number_at
from peacewatch.nlp.numbers_units import counted_unit, phrase_at
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Quantity

RANGE_GAP = re.compile(r"\s*(?:[-–—]|to\b|and\b|or\b)\s*", re.IGNORECASE)
TOTAL_VERBS = {"reach", "rise", "climb", "stand", "number", "total", "exceed", "top", "be", "increase", "jump"}
YEAR_SHAPE = re.compile(r"(?:1[5-9]|20)\d\d")
AGE = re.compile(r"[\s-]+old\b")
MAX_HOPS = 3
INHERIT_WINDOW = 80


@dataclass
class Count:
    """A number in the text: where it is, its value, and how far its wording reaches."""

    start: int
    end: int
    value: float
    approximate: bool = False


@functools.lru_cache(maxsize=None)
def _approximator_re() -> re.Pattern:
    words = sorted(lexicon("units")["approximators"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\s+$",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _cues() -> dict[str, tuple[set[str], set[str]]]:
    cues = lexicon("units")["casualty_cues"]
    return {unit: (set(c.get("verbs", [])), set(c.get("nouns", []))) for unit, c in cues.items()}


@functools.lru_cache(maxsize=None)
def _totals() -> dict[str, str]:
    return {noun: unit for unit, nouns in lexicon("units")["totals"].items() for noun in nouns}


@functools.lru_cache(maxsize=None)
def _aggregates() -> frozenset[str]:
    return frozenset(lexicon("units")["aggregates"]) | frozenset(_totals())


def with_approximator(text: str, count: Count) -> Count:
    """Widen a count over "some", "about", "at least"… and mark it approximate."""
    match = _approximator_re().search(text, max(0, count.start - 20), count.start)
    if match is None:
        return count
    return Count(match.start(), count.end, count.value, True)


def casualty_unit(noun: Token) -> str | None:
    """What a count of persons turns into when its clause is about killing, wounding, fleeing…"""
    following = phrase_at(noun.doc, noun.i + 1)
    if following and following[0] in _cues():
        return following[0]
    for child in noun.children:
        if child.dep_ in ("acl", "amod", "relcl"):
            unit = _cue_unit(child)
            if unit:
                return unit
    node = noun
    for _ in range(MAX_HOPS):
        if node.head.i == node.i:
            return None
        node = node.head
        unit = _cue_unit(node)
        if unit or node.pos_ in ("VERB", "AUX"):
            return unit
    return None


def _cue_unit(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    for unit, (verbs, nouns) in _cues().items():
        if (token.pos_ in ("VERB", "AUX", "ADJ") and lemma in verbs) or (token.pos_ == "NOUN" and lemma in nouns):
            return unit
    return None


def total_unit(number: Token) -> str | None:
    """The unit a bare number stands for as a total: "a death toll of 120", "refugees numbered 800,000"."""
    node = number
    for _ in range(MAX_HOPS):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "NOUN":
            return _total_noun(node) if node.lemma_.lower() in _aggregates() else None
        if node.pos_ in ("VERB", "AUX"):
            if node.lemma_.lower() not in TOTAL_VERBS:
                return None
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            return _total_noun(subjects[0]) if subjects else None
    return None


def _total_noun(noun: Token) -> str | None:
    """The unit named by a noun ("death toll", "displaced persons"), or by the noun of the "of"
    after an aggregate ("the number of refugees")."""
    totals = _totals()
    compound = " ".join(t.lemma_.lower() for t in noun.lefts if t.dep_ == "compound")
    for name in (f"{compound} {noun.lemma_.lower()}".strip(), noun.lemma_.lower()):
        if name in totals:
            return totals[name]
    for start in range(noun.left_edge.i, noun.i + 1):
        named = phrase_at(noun.doc, start)
        if named and named[1] == noun.i + 1:
            return _persons_in_context(named[0], noun)
    if noun.lemma_.lower() not in _aggregates():
        return None
    for prep in (c for c in noun.children if c.lower_ == "of"):
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return _total_noun(obj)
    return None


def _persons_in_context(unit: str, noun: Token) -> str:
    return (casualty_unit(noun) or unit) if unit in lexicon("units")["persons"] else unit


class Reader:
    """Reads the counts of one document in order, remembering the last unit of persons per sentence."""

    def __init__(self, document: Document):
        self.document = document
        self.doc: Doc = document.parse
        self.found: list[Quantity] = []

    def quantity(self, count: Count) -> Quantity | None:
        last = self._last_token(count.end)
        if last is None:
            return None
        upper = self._range_upper(count)
        if upper is not None:
            count, last = upper
        named = counted_unit(self.doc, last.i + 1)
        if named is not None:
            unit, end = named
            noun = self.doc[end - 1]
            return self._make(count, noun.idx + len(noun), _persons_in_context(unit, noun))
        if last.dep_ == "nummod" or YEAR_SHAPE.fullmatch(self.document.text[count.start:count.end]):
            return None
        unit = total_unit(last) or casualty_unit(last) or self._inherited_unit(count, last)
        return self._make(count, count.end, unit) if unit else None

    def _last_token(self, end: int) -> Token | None:
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        return span[-1] if span is not None else None

    def _range_upper(self, count: Count) -> tuple[Count, Token] | None:
        """A range "A to B unit" read as A, approximate, reaching to B's unit."""
        gap = RANGE_GAP.match(self.document.text, count.end)
        upper = number_at(self.document.text, gap.end()) if gap else None
        if upper is None or counted_unit(self.doc, (self._last_token(count.end) or self.doc[0]).i + 1):
            return None
        last = self._last_token(upper[0])
        return (Count(count.start, upper[0], count.value, True), last) if last is not None else None

    def _inherited_unit(self, count: Count, number: Token) -> str | None:
        """A bare number right after a count of persons in the same sentence counts the same."""
        if not self.found or number.i + 1 < len(self.doc) and self.doc[number.i + 1].pos_ in ("NOUN", "PROPN"):
            return None
        previous = self.found[-1]
        same_sentence = self.document.sentence_at(previous.start).start == self.document.sentence_at(count.start).start
        persons = set(lexicon("units")["persons"]) | set(_cues())
        if same_sentence and previous.unit in persons and count.start - previous.end <= INHERIT_WINDOW:
            return previous.unit
        return None

    def _make(self, count: Count, end: int, unit: str) -> Quantity | None:
        if AGE.match(self.document.text, end):
            return None
        quantity = Quantity(start=count.start, end=end, text=self.document.text[count.start:end],
                            value=count.value, unit=unit, approximate=count.approximate)
        self.found.append(quantity)
        return quantity


def _not_counts(document: Document) -> list[tuple[int, int]]:
    """Spans of dates, clock times and the like (the times stage found them), whose numbers are
    not counts; durations stay, since "five years" is both a time and a count."""
    return [(t.start, t.end) for t in document.mentions["times"] if t.type != "DURATION"]


@annotator("quantities", requires=("times",))
def find_quantities(document: Document) -> list[Quantity]:
    text = document.text
    excluded = _not_counts(document)
    reader = Reader(document)
    reached = 0
    for start, end, value in find_numbers(text):
        if start < reached or any(s <= start < e for s, e in excluded):
            continue
        quantity = reader.quantity(with_approximator(text, Count(start, end, value)))
        if quantity is not None:
            reached = quantity.end
    return reader.found
