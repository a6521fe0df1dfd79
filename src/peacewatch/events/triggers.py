"""Which ACLED sub-event type a sentence reports, from the trigger lexicon in events.yaml.

Triggers are phrases of lemmas, so "shelled", "shelling" and "shells" all meet "shell"; a short
gap is allowed inside a phrase ("exchanged heavy fire"). A trigger counts only when it states a
fact: not a future, a wish, a condition or a negation, and not words inside a quotation.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.lemma_phrases import LemmaPhrases, PhraseHit, lemma


@dataclass(frozen=True)
class TriggerRule:
    event_type: str
    sub_event_type: str
    context: frozenset[str]
    territory: bool
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    no_object: bool = False

    def takes(self, token: Token) -> bool:
        """Whether the trigger's object is of the kind the rule needs (any, if it names none) and
        not of a kind it excludes ("seized the town", not "seized weapons"), or absent where the
        rule wants none ("demonstrated", not "demonstrated its resolve")."""
        if self.no_object and any(c.dep_ in ("dobj", "obj") for c in token.children):
            return False
        arguments = [c for c in token.children if c.dep_ in ("dobj", "obj", "nsubjpass", "prt")]
        arguments += [g for c in arguments if c.dep_ == "prt" for g in c.head.children if g.dep_ == "dobj"]
        lemmas = {lemma(a) for a in arguments}
        return (not self.objects or bool(lemmas & self.objects)) and not lemmas & self.not_objects


@dataclass(frozen=True)
class Trigger:
    rule: TriggerRule
    token: Token


@functools.lru_cache(maxsize=1)
def rules() -> tuple[TriggerRule, ...]:
    return tuple(
        TriggerRule(r["event_type"], r["sub_event_type"], frozenset(r.get("with", ())), bool(r.get("territory")),
                    frozenset(r.get("objects", ())), frozenset(r.get("not_objects", ())), bool(r.get("no_object")))
        for r in lexicon("events")["rules"])


@functools.lru_cache(maxsize=1)
def trigger_phrases() -> LemmaPhrases:
    """Every trigger phrase, labelled with the rank of its rule."""
    rows = lexicon("events")["rules"]
    return LemmaPhrases(((rank, phrase) for rank, r in enumerate(rows) for phrase in r["triggers"]),
                        gap=lexicon("events")["gap"])


def is_unreal(token: Token) -> bool:
    """A future, conditional, wished or denied happening, judged on the trigger and its heads."""
    unreal = word_set("events", "unreal")
    for node in (token, *token.ancestors):
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ in ("aux", "mark", "advmod") and lemma(child) in unreal):
                return True
        governing = node.head.head if node.dep_ == "pcomp" else node.head  # "a goal [of] signing"
        if node.dep_ in ("xcomp", "pcomp") and lemma(governing) in unreal:
            return True
        if node.dep_ in ("ROOT", "ccomp") and node.pos_ in ("VERB", "AUX"):
            break
    return False


def reports(token: Token, dated: bool) -> bool:
    """A verb reports a happening; a noun ("the offensive", "fighting") does when it is what the
    clause is about (its subject), when the sentence dates it, or when a past verb tells what
    happened in it ("soldiers were killed in an exchange of fire"), not when it is background
    ("before deciding on its assault")."""
    return token.pos_ in ("VERB", "AUX") or dated or token.dep_ in ("nsubj", "nsubjpass") or told_in_the_past(token)


def told_in_the_past(noun: Token) -> bool:
    """A noun in the circumstances of a past-tense verb: "were killed during clashes", "died in
    fighting". Other prepositions point back to a happening told already ("blamed the army for
    the attack") and report nothing new."""
    preposition = noun.head
    return (noun.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.lower_ in word_set("events", "circumstance_prepositions")
            and preposition.head.pos_ == "VERB" and preposition.head.tag_ in ("VBD", "VBN"))


def clause_depth(token: Token) -> int:
    """How deep in the parse a trigger sits, a subject counting as its verb's level: in "an
    airstrike killed six civilians" the weapon and the killing are one clause, and the rule
    order (weapons before attacks) decides."""
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head  # "drone" in "drone strike" stands where the noun phrase stands
    depth = len(list(token.ancestors))
    return depth - 1 if token.dep_ in ("nsubj", "nsubjpass") else depth


def asks(sentence: Span) -> bool:
    """Questions report nothing."""
    return sentence.text.rstrip().endswith("?")


@dataclass(frozen=True)
class SentenceWords:
    """A sentence's words outside its quotations, their lemmas and the trigger phrases among them:
    read once, as the coder asks several questions of every sentence."""

    tokens: list[Token]
    lemmas: frozenset[str]
    hits: list[PhraseHit]


def sentence_words(sentence: Span, quoted: list[tuple[int, int]]) -> SentenceWords | None:
    """None for a question, which reports nothing."""
    if asks(sentence):
        return None
    around = [(a, b) for a, b in quoted if a < sentence.end_char and b > sentence.start_char]
    tokens = [t for t in sentence if not any(a <= t.idx < b for a, b in around)]
    return SentenceWords(tokens, frozenset(lemma(t) for t in tokens), trigger_phrases().hits(tokens))


def mentions_conflict(words: SentenceWords) -> bool:
    """Whether a sentence, outside its quotations, has a trigger phrase or a conflict word: only
    such sentences are worth the classifier's time."""
    return bool(word_set("events", "conflict_words") & words.lemmas) or bool(words.hits)


def states_unreal(words: SentenceWords, sentence: Span) -> bool:
    """Whether the sentence's main verb or a trigger phrase of it is a future, a wish, a condition
    or a denial: the classifier, which reads meaning but not mood, may not code such a sentence
    on its own ("pilots will guide ships through mined waters")."""
    return is_unreal(sentence.root) or any(is_unreal(hit.token) for hit in words.hits)


def find_trigger(words: SentenceWords, dated: bool = False) -> Trigger | None:
    """The trigger of the sentence's main clause (nearest its root), the higher-ranked rule on a tie."""
    candidates = []
    for hit in words.hits:
        rule = rules()[hit.label]
        if ((not rule.context or rule.context & words.lemmas) and rule.takes(hit.token) and reports(hit.token, dated)
                and not is_unreal(hit.token)):
            candidates.append(((clause_depth(hit.token), hit.label), Trigger(rule, hit.token)))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None
