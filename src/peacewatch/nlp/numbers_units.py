"""What a number counts: the unit noun after it, read from the lexicon in knowledge/data/units.yaml.

Shared by `quantities` (which reports "2,000 Russian soldiers" as 2000 troops) and `times`
(for which "2000 soldiers" is therefore not the year 2000). The words between the number and
its noun are modifiers a reader skips: adjectives, participles, names, compounds, a bracket
("1,960 infantry (motor-rifle) troops"). A nationality or group standing as the noun itself
("35 Palestinians", "1,200 Lebanese") counts people, whatever the lexicon lists.
"""
from __future__ import annotations

import functools
import itertools

from spacy.tokens import Doc, Token

from peacewatch.knowledge.lexicons import lexicon

MAX_MODIFIERS = 4
MAX_PHRASE = 4
MODIFIER_POS = {"ADJ", "ADV", "PROPN", "NOUN"}
MODIFIER_TAGS = {"VBN", "VBG", "HYPH"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "advmod", "npadvmod", "punct", "quantmod"}


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(words.lower().split())


@functools.lru_cache(maxsize=None)
def unit_phrases() -> dict[tuple[str, ...], str]:
    """Every lexicon phrase (as a word tuple) mapped to its normalized unit."""
    return {_phrase(str(word)): unit for unit, words in lexicon("units")["units"].items() for word in words}


def _forms(token: Token) -> tuple[str, ...]:
    return (token.lower_, token.lemma_.lower())


def phrase_at(doc: Doc, index: int) -> tuple[str, int] | None:
    """(unit, end token index) of the longest lexicon phrase starting at token `index`."""
    phrases = unit_phrases()
    for length in range(min(MAX_PHRASE, len(doc) - index), 0, -1):
        tokens = doc[index:index + length]
        for words in itertools.product(*(_forms(t) for t in tokens)):
            if words in phrases:
                return phrases[words], index + length
    return None


def _premodifies(token: Token) -> bool:
    """A word that modifies a noun further right ("Russian" in "2000 Russian soldiers")."""
    return ((token.pos_ in MODIFIER_POS or token.tag_ in MODIFIER_TAGS) and token.head.i > token.i
            and token.dep_ in MODIFIER_DEPS)


def _skip_bracket(doc: Doc, index: int) -> int:
    """The index after a short bracketed aside starting at `index`, or `index` if there is none."""
    for end in range(index + 1, min(index + 8, len(doc))):
        if doc[end].text == ")":
            return end + 1
    return index


def counted_unit(doc: Doc, index: int) -> tuple[str, int] | None:
    """(unit, end token index) of the unit noun a number ending before token `index` counts."""
    skipped = 0
    while index < len(doc) and skipped <= MAX_MODIFIERS:
        found = phrase_at(doc, index)
        if found:
            return found
        token = doc[index]
        if token.text == "(":
            index = _skip_bracket(doc, index)
            if doc[index - 1].text != ")":
                return None
        elif _premodifies(token):
            index += 1
        elif token.ent_type_ == "NORP":
            return "people", index + 1
        else:
            return None
        skipped += 1
    return None
