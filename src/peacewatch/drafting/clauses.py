"""Obligation clauses in a paragraph of an agreement, one per thing a party must do.

An obligation is a verb with a modal ("shall withdraw"), or a clause made so by "hereby" ("is
hereby established"). A verb coordinated with an obligation is an obligation of its own when it
says something of its own ("shall withdraw … and shall hand over …"): the point then yields
two clauses, the second without the subject it shares with the first. A clause is the head's
words minus the obligations split off from it, cut to the paragraph (the parser sometimes runs a
sentence across a heading), without the conjunctions and punctuation at its edges.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from peacewatch.knowledge.lexicons import word_set
from peacewatch.nlp.lemma_phrases import lemma

EDGE_DEPS = frozenset({"cc", "punct", "mark"})
# Children of a coordinated verb that do not make it a separate obligation ("cease and desist").
BARE_DEPS = frozenset({"cc", "punct", "aux", "auxpass", "advmod", "neg"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})


@dataclass(frozen=True)
class Clause:
    """One obligation: its head verb, the verb whose subject it shares (itself when it has its
    own) and its tokens' extent [first, last] in the parse."""

    head: Token
    subject_of: Token
    first: int
    last: int

    @property
    def tokens(self) -> list[Token]:
        return list(self.head.doc[self.first:self.last + 1])

    @property
    def start_char(self) -> int:
        return self.head.doc[self.first].idx

    @property
    def end_char(self) -> int:
        last = self.head.doc[self.last]
        return last.idx + len(last.text)


def is_modal(token: Token) -> bool:
    return token.dep_ in ("aux", "auxpass") and lemma(token) in word_set("drafting", "obligation_modals")


def obligation_heads(tokens: list[Token]) -> list[Token]:
    """Verbs a modal, "hereby" or an undertaking ("undertake to cease") makes obligations, in
    text order."""
    adverbs = word_set("drafting", "obligation_adverbs")
    verbs = word_set("drafting", "obligation_verbs")
    heads: dict[int, Token] = {}
    for token in tokens:
        if lemma(token) in verbs and any(c.dep_ == "xcomp" for c in token.children):
            heads.setdefault(token.i, token)
        elif is_modal(token):
            heads.setdefault(token.head.i, token.head)
        elif lemma(token) in adverbs:
            head = token.head.head if token.head.dep_ in PREDICATE_DEPS else token.head
            heads.setdefault(head.i, head)
    return [heads[i] for i in sorted(heads)]


def says_more(verb: Token) -> bool:
    return any(c.dep_ not in BARE_DEPS for c in verb.children)


def split_conjuncts(head: Token) -> list[Token]:
    """The verbs coordinated with an obligation that are obligations of their own."""
    return [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and says_more(c)]


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def extent(head: Token, split: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """[first, last] token indices of a head's words without the split-off conjuncts, inside
    [lo, hi) and without conjunctions or punctuation at either edge."""
    dropped = {t.i for c in split for t in c.subtree}
    kept = [t for t in head.subtree if t.i not in dropped and lo <= t.i < hi]
    while kept and (kept[-1].dep_ in EDGE_DEPS or kept[-1].is_punct):
        kept.pop()
    while kept and (kept[0].dep_ in EDGE_DEPS or kept[0].is_punct):
        kept.pop(0)
    return (kept[0].i, kept[-1].i) if kept else None


def clauses(doc: Doc, start: int, end: int) -> list[Clause]:
    """The obligation clauses of the text [start, end) of a parsed agreement."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    found: list[Clause] = []
    pending = [(h, h) for h in obligation_heads(list(span))]
    done: set[int] = set()
    while pending:
        head, subject_of = pending.pop(0)
        if head.i in done:
            continue
        done.add(head.i)
        split = split_conjuncts(head)
        pending[:0] = [(c, c if has_subject(c) else subject_of) for c in split]
        bounds = extent(head, split, span.start, span.end)
        if bounds:
            found.append(Clause(head, subject_of, *bounds))
    return sorted(nested_out(found), key=lambda c: c.first)


def nested_out(found: list[Clause]) -> list[Clause]:
    """Drop an obligation said inside another's words ("undertake that forces shall…" keeps the
    outer clause): what a clause contains is part of it."""
    return [c for c in found if not any(o is not c and o.first <= c.first and c.last <= o.last
                                        and c.head in o.head.subtree and c.subject_of is c.head for o in found)]
