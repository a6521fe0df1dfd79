"""What a drafted provision is about: one of the twelve categories of agreement files.

The cue words (knowledge/data/agreement_categories.yaml) are many and a clause often holds
several ("the withdrawal of forces under the supervision of the mechanism"); the one that says
what the obligation does is the one closest to its verb in the parse. Closeness is counted in
steps up the parse, where a step out of an adjunct ("under…", "in…", "with…") counts double,
and the subject of a verb that has an object of its own counts little ("The lull will let
medicine reach the wards" is about aid). A generic verb ("hand over", "deploy") counts only
when no specific word of the clause is as close ("hand over all persons detained" is about
prisoners). A phrase inside a longer one ("humanitarian" in "humanitarian law") is not a cue of
its own. When the clause moves a party's own forces ("Each Side shall deploy its forces behind
the line"), a deployment is a withdrawal or redeployment.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Token

from peacewatch.knowledge.lexicons import lexicon
from peacewatch.nlp.lemma_phrases import LemmaPhrases, PhraseHit, lemma

GAP = 3
FAR = 99
ADJUNCT_STEP = 2
SUBJECT_STEP = 10
GENERIC_STEP = 2
# A cue word inside a place's name ("Port-au-Prince", "Lake region") says nothing of the clause.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
TRANSITIVE_DEPS = frozenset({"dobj", "xcomp", "ccomp", "attr", "acomp", "dative", "oprd"})


@dataclass(frozen=True)
class Cue:
    """A category word found in a clause: its category, the tokens it covers, whether it is a
    generic verb, and how far it is from the clause's verb."""

    category: str
    first: int
    last: int
    generic: bool
    cost: int


@functools.lru_cache(maxsize=1)
def cue_phrases() -> LemmaPhrases:
    data = lexicon("agreement_categories")
    labelled = [((category, tuple(phrase.split()), False), phrase) for category, phrases in data["cues"].items() for phrase in phrases]
    labelled += [((category, tuple(phrase.split()), True), phrase)
                 for category, phrases in data["generic_cues"].items() for phrase in phrases]
    return LemmaPhrases(labelled, gap=GAP)


@functools.lru_cache(maxsize=1)
def adjuncts() -> frozenset[str]:
    return frozenset(lexicon("agreement_categories")["adjunct_prepositions"])


def last_token(hit: PhraseHit, words: tuple[str, ...]) -> int:
    """Index of the phrase's last word, found as LemmaPhrases found the phrase (each word
    within the gap after the one before)."""
    doc = hit.token.doc
    position = hit.token.i
    for word in words[1:]:
        ahead = range(position + 1, min(len(doc), position + GAP + 2))
        position = next((i for i in ahead if lemma(doc[i]) == word), position)
    return position


def step_cost(node: Token) -> int:
    """The cost of the step from a word to its head (see the module's docstring)."""
    if node.dep_ == "prep" and node.lower_ in adjuncts():
        return ADJUNCT_STEP
    if node.dep_ == "nsubj" and any(c.dep_ in TRANSITIVE_DEPS for c in node.head.children):
        return SUBJECT_STEP
    return 1


def cost(token: Token, head: Token) -> int:
    total = 0
    for node in (token, *token.ancestors):
        if node == head:
            return total
        total += step_cost(node)
    return FAR


def cues_in(tokens: list[Token], head: Token) -> list[Cue]:
    """The clause's cues, those inside a longer cue dropped."""
    found = []
    for hit in cue_phrases().hits([t for t in tokens if t.ent_type_ not in PLACE_ENTITIES]):
        category, words, generic = hit.label
        last = last_token(hit, words)
        span = [t for t in tokens if hit.token.i <= t.i <= last]
        nearest = min(cost(t, head) for t in span) + (GENERIC_STEP if generic else 0)
        found.append(Cue(category, hit.token.i, last, generic, nearest))
    return [c for c in found if not any(o is not c and o.first <= c.first and c.last <= o.last
                                        and (o.last - o.first) > (c.last - c.first) for o in found)]


def content_head(head: Token) -> Token:
    """The verb that says what a clause does: for "X will be a strip where the battalion will
    camp", the camping."""
    if lemma(head) == "be":
        inner = [r for a in head.children if a.dep_ == "attr" for r in a.children if r.dep_ == "relcl"]
        if inner:
            return inner[0]
    return head


def category_cue(tokens: list[Token], head: Token, own_forces: Callable[[Token], bool]) -> Cue | None:
    """The cue that says what the clause is about, if any (see the module's docstring)."""
    found = cues_in(tokens, content_head(head))
    if not found:
        return None
    best = min(found, key=lambda c: (c.cost, c.generic, c.first))
    if best.category == "peacekeeping" and moves_own_forces(tokens, own_forces):
        forces = lexicon("agreement_categories")["own_forces"]
        return Cue(forces["category"], best.first, best.last, best.generic, best.cost)
    return best


def moves_own_forces(tokens: list[Token], own_forces: Callable[[Token], bool]) -> bool:
    """Whether a deploying verb of the clause moves forces a party owns ("Each Side shall
    deploy its forces…", "All X units will be moved…")."""
    forces = lexicon("agreement_categories")["own_forces"]
    for token in tokens:
        if lemma(token) in forces["verbs"] and token.pos_ in ("VERB", "NOUN"):
            moved = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            moved += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
            if any(lemma(m) in forces["nouns"] and own_forces(m) for m in moved):
                return True
    return False
