"""What a figure measures, and how far two figures may differ before they disagree.

The vocabulary is data (knowledge/data/measures.yaml): a count of people becomes a population when
its noun or verb says so ("inhabitants", "live in"), a unit that no measure lists is its own
measure, and counts of time are not claims at all.
"""
from __future__ import annotations

import functools
import re

from peacewatch.knowledge.lexicons import lexicon

Bound = str  # "lower" or "upper"


@functools.lru_cache(maxsize=None)
def _table(key: str) -> dict[str, str]:
    """word -> measure for one kind of cue (nouns, verbs or units)."""
    return {word: measure for measure, cues in lexicon("measures")["measures"].items()
            for word in cues.get(key, [])}


def measure_of(unit: str, noun: str | None, verbs: list[str]) -> str | None:
    """The measure of a count: a count of plain people is what its noun or verb makes it
    ("inhabitants", "live in"); any other count is what its unit says, since the quantities
    stage has already read its clause ("12,000 residents fled" is displaced); None for time."""
    if unit == "people":
        if noun in _table("nouns"):
            return _table("nouns")[noun]
        return next((_table("verbs")[v] for v in verbs if v in _table("verbs")), unit)
    if unit in lexicon("measures")["not_claims"]:
        return None
    return _table("units").get(unit, unit)


def is_owned(measure: str) -> bool:
    """Whether a party owns the figure (troops, prisoners), so that the party names its subject."""
    return measure in lexicon("measures")["owned"]


@functools.lru_cache(maxsize=None)
def _bound_patterns() -> dict[Bound, re.Pattern]:
    data = lexicon("measures")
    return {bound: re.compile(r"^(?:" + "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True))
                              + r")\b", re.IGNORECASE)
            for bound, key in (("lower", "lower_bounds"), ("upper", "upper_bounds"))}


def bound_of(words: str) -> Bound | None:
    """"at least 40 killed" is a lower bound, "up to 300 troops" an upper one."""
    for bound, pattern in _bound_patterns().items():
        if pattern.match(words):
            return bound
    return None


@functools.lru_cache(maxsize=None)
def _part_pattern() -> re.Pattern:
    words = sorted(lexicon("measures")["parts"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")[\s,:]*$", re.IGNORECASE)


def is_part(text_before: str) -> bool:
    """Whether the words before a figure make it part of another ("including 3,000 conscripts")."""
    return _part_pattern().search(text_before) is not None


@functools.lru_cache(maxsize=None)
def place_word_kinds() -> dict[str, str]:
    """Common noun -> the gazetteer kind of place it stands for ("province" -> region)."""
    return {word: kind for kind, words in lexicon("measures")["place_words"].items() for word in words}


def tolerance() -> float:
    return float(lexicon("measures")["tolerance"])
