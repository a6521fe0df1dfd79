"""Finding lexicon phrases in a sentence by their lemmas.

Lexicons in knowledge/data list phrases of lemmas ("lay down arm", "exchange of prisoner"), so one
entry meets every inflection ("laid down their arms"). A short gap is allowed between the words
of a phrase ("exchanged heavy fire" for "exchange fire").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable

from spacy.tokens import Token


def lemma(token: Token) -> str:
    return token.lemma_.lower()


@dataclass(frozen=True)
class PhraseHit:
    label: Hashable
    token: Token


class LemmaPhrases:
    """A set of labelled phrases, indexed by first lemma so a sentence is scanned once."""

    def __init__(self, labelled: Iterable[tuple[Hashable, str]], gap: int = 3):
        self.gap = gap
        self.index: dict[str, list[tuple[Hashable, tuple[str, ...]]]] = {}
        for label, phrase in labelled:
            words = tuple(phrase.lower().split())
            self.index.setdefault(words[0], []).append((label, words))

    def hits(self, tokens: list[Token]) -> list[PhraseHit]:
        """The phrase occurrences, labelled, at the token where they start. Where several phrases
        start at one token, the longest wins ("hand over weapon" over "hand over"); labels tied
        at that length are all kept."""
        found = []
        lemmas = [lemma(token) for token in tokens]
        for index, token in enumerate(tokens):
            matched = [(len(words), label) for label, words in self.index.get(lemmas[index], ())
                       if self.continues(lemmas, index, words)]
            longest = max((n for n, _ in matched), default=0)
            found += [PhraseHit(label, token) for n, label in matched if n == longest]
        return found

    def continues(self, lemmas: list[str], index: int, words: tuple[str, ...]) -> bool:
        position = index
        for word in words[1:]:
            ahead = range(position + 1, min(len(lemmas), position + self.gap + 2))
            position = next((i for i in ahead if lemmas[i] == word), -1)
            if position < 0:
                return False
        return True
