"""From a point's obligations to the provisions of the draft.

Each obligation becomes a provision, except that:
- a clause that only says when something takes effect, lasts or may be extended, and one whose
  subject refers back ("It is chaired by…"), add their words and terms to the provision before;
  said of the agreement itself, a clause of entry into force dates the agreement instead;
- an obligation coordinated with the one before and sharing its subject joins it when both are
  about the same thing by their own words ("observe the ceasefire and refrain from attacks");
  a reciprocal one ("…in return for the pardon of…") never does;
- an obligation stated without a modal or an undertaking ("the crossings are reopened") counts
  where a text states its terms so: in the operative part when it is the first of its point,
  coordinated with one that counts, or says what it is about; elsewhere only when it is about
  something other than "other";
- a report that an agreement was reached ("the envoys have brokered a truce between the clans")
  gives way to a later clause about the same arrangement ("The ceasefire will start…").
A provision with no category word of its own takes that of the line introducing its list, of
the obligation it is coordinated with, or of the body it binds ("the Commission" ->
monitoring). Its confidence grows with how plainly the text marks the obligation and its
category; the fields whose words the drafter could not read are left empty and listed.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from peacewatch.drafting.categories import Cue, category_cue
from peacewatch.drafting.obligations import Obligation, obligations
from peacewatch.drafting.obliged import Reading, beneficiaries_of, names_in, obliged_of
from peacewatch.drafting.structure import Point
from peacewatch.drafting.terms import conditions_of, deadline_of, duration_of, may_renew, renewal_of
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.lemma_phrases import LemmaPhrases, lemma
from peacewatch.pipeline import Document
from peacewatch.records import Provision, SourceSpan

KIND_CONFIDENCE = {"modal": 0.9, "undertaking": 0.9, "tasking": 0.85, "imperative": 0.85, "nominal": 0.8,
                   "stated": 0.7, "announced": 0.6, "term": 0.6, "continuation": 0.6}
CATEGORY_CONFIDENCE = {"cue": 1.0, "generic": 0.9, "inherited": 0.9, "body": 0.85, "none": 0.7}
STRICT_KINDS = frozenset({"modal", "undertaking", "tasking", "imperative"})
CORE_COST = 2


@dataclass
class Group:
    """The obligations one provision is drafted from, with its category and whom it binds."""

    point: Point
    obligations: list[Obligation]
    category: str = "other"
    source: str = "none"
    obliged: list[str] = field(default_factory=list)

    @property
    def head(self) -> Obligation:
        return self.obligations[0]

    @property
    def start(self) -> int:
        return min(o.start_char for o in self.obligations)

    @property
    def end(self) -> int:
        return max(o.end_char for o in self.obligations)


@functools.lru_cache(maxsize=1)
def term_phrases() -> LemmaPhrases:
    words = lexicon("drafting")
    return LemmaPhrases([("term", p) for p in words["term_phrases"]] + [("entry", p) for p in words["entry_into_force"]])


def term_kinds(obligation: Obligation) -> set[str]:
    return {hit.label for hit in term_phrases().hits(obligation.tokens)}


def about_agreement(obligation: Obligation) -> bool:
    return any(lemma(s) in word_set("drafting", "agreement_nouns") for s in obligation.subject())


def speaks_of(obligation: Obligation, group: "Group") -> bool:
    """Whether a term clause is about what the provision before is about: its subject is a
    pronoun, has none, or is a noun the provision's words hold ("The lull shall
    start at dawn…" after "…keep a lull in the shelling")."""
    subjects = obligation.subject()
    said = {lemma(t) for o in group.obligations for t in o.tokens}
    return not subjects or any(s.pos_ == "PRON" or lemma(s) in said for s in subjects)


def names_actor(obligation: Obligation, reading: Reading) -> bool:
    return any(names_in(s, reading.parties) for s in obligation.subject())


def owned_by_party(reading: Reading):
    """Whether a noun is forces a party owns ("its forces", "X forces", "forces of X")."""
    def owned(token) -> bool:
        named = set(names_in(token, reading.parties)) & set(reading.parties.names)
        return bool(named) or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)
    return owned


def spoken_of(obligation: Obligation) -> list:
    """The words that say what an obligation is about: for a report of an agreement reached,
    the arrangement's words ("…brokered a truce between the clans"), else all its words."""
    if obligation.kind != "announced":
        return obligation.tokens
    arrangements = word_set("drafting", "arrangement_nouns")
    nouns = [t for t in obligation.tokens if lemma(t) in arrangements and t.pos_ == "NOUN"]
    nouns += [c for c in obligation.head.children if c.dep_ in ("xcomp", "advcl", "acl") and c.tag_ == "VB"]
    inside = {t.i for t in obligation.tokens}
    said = {t.i: t for n in nouns for t in n.subtree if t.i in inside}
    return [said[i] for i in sorted(said)] or obligation.tokens


def body_category(obliged: list[str]) -> str | None:
    """The category of the first body an obligation binds ("…Monitoring Commission")."""
    return next((c for c in map(noun_category, (n.split()[-1] for n in obliged)) if c), None)


def noun_category(noun: str) -> str | None:
    return next((c for c, nouns in lexicon("drafting")["body_categories"].items() if noun.lower() in nouns), None)


def clause_body(tokens: list) -> str | None:
    """The category of a body the clause names by its capitalised head noun alone ("the
    Force", "members of the Mission"), not in a longer name ("International Committee…")."""
    return next((c for t in tokens if t.text[:1].isupper() and t.pos_ in ("NOUN", "PROPN")
                 and not any(k.dep_ in ("compound", "amod") for k in t.children)
                 for c in [noun_category(lemma(t))] if c), None)


@dataclass
class PointReader:
    """Reads the points of one agreement in order, keeping what a point needs of those before:
    the provisions drafted so far, the categories of list introductions, who was last bound."""

    document: Document
    reading: Reading
    operative: bool
    groups: list[Group] = field(default_factory=list)
    statements: list[Obligation] = field(default_factory=list)

    def read(self, point: Point) -> None:
        found: list[Group] = []
        for block in point.blocks:
            for obligation in obligations(self.document.parse, block.start, block.end, point.marked):
                self.place(obligation, point, found)
        self.groups += found

    def place(self, obligation: Obligation, point: Point, found: list[Group]) -> None:
        if self.adds_terms(obligation, found):
            return
        cue = category_cue(spoken_of(obligation), obligation.head, owned_by_party(self.reading))
        joined = next((g for g in found if obligation.joined_to in g.obligations), None)
        if joined and self.merges(obligation, cue, joined):
            joined.obligations.append(obligation)
            return
        if not self.counts(obligation, cue, point, found, joined):
            return
        group = Group(point, [obligation])
        group.obliged = obliged_of(obligation, self.reading, self.document.parse, point.item_of)
        if self.mediator_reaffirms(obligation, group.obliged):
            return
        self.categorise(group, cue, joined)
        self.reading.previous = group.obliged
        self.reading.previous_words = {lemma(t) for t in obligation.tokens}
        found.append(group)

    def adds_terms(self, obligation: Obligation, found: list[Group]) -> bool:
        """Term and continuation clauses join the provision before (see the module's docstring)."""
        previous = found[-1] if found else (self.groups[-1] if self.groups else None)
        if obligation.kind == "continuation" and previous is not None:
            previous.obligations.append(obligation)
            return True
        kinds = term_kinds(obligation)
        if not (kinds or obligation.kind == "term") or obligation.kind == "announced" or names_actor(obligation, self.reading):
            return False
        if previous is not None and not about_agreement(obligation) and not speaks_of(obligation, previous):
            return False
        if about_agreement(obligation):
            if "entry" in kinds:
                self.statements.append(obligation)
                return True
            if previous is not None and may_renew(self.document.text[obligation.start_char:obligation.end_char]):
                previous.obligations.append(obligation)
            return True
        if found:
            found[-1].obligations.append(obligation)
            return True
        return obligation.kind == "term"

    def merges(self, obligation: Obligation, cue: Cue | None, joined: Group) -> bool:
        """Coordinated, sharing a subject, about the same thing by its own words, and neither with
        a time of its own: a deadline set for one only ("hand over the remains within 7 days and
        let the inspectors visit the camps") makes them two obligations."""
        if obligation.reciprocal or obligation.subject_of is not joined.head.subject_of and obligation.subject():
            return False
        timed = any(self.document.within("times", o.start_char, o.end_char) for o in (obligation, *joined.obligations))
        return cue is not None and joined.source == "cue" and cue.category == joined.category and not timed

    def counts(self, obligation: Obligation, cue: Cue | None, point: Point, found: list[Group], joined: Group | None) -> bool:
        if obligation.kind in STRICT_KINDS or obligation.kind == "nominal" and point.marked:
            return True
        if obligation.kind == "nominal":
            return cue is not None
        about = cue is not None and cue.category != "other"
        if obligation.kind == "announced":
            return about
        if not self.operative:
            return about
        return cue is not None or joined is not None or (point.marked and not found)

    def categorise(self, group: Group, cue: Cue | None, joined: Group | None) -> None:
        """A cue of the clause's core words decides; else the category of the obligation it
        is coordinated with, of its list's introduction or of what its subject refers to; else
        that of the body it binds or serves ("grant the Mission freedom of movement"); else a
        cue only its adjuncts hold."""
        inherited = joined or self.introducing(group.point) or self.referred(group.head)
        body = body_category(group.obliged) or clause_body(group.head.tokens)
        if cue is not None and cue.cost <= CORE_COST:
            group.category, group.source = cue.category, "generic" if cue.generic else "cue"
        elif inherited is not None:
            group.category, group.source = inherited.category, "inherited"
        elif body is not None:
            group.category, group.source = body, "body"
        elif cue is not None:
            group.category, group.source = cue.category, "generic" if cue.generic else "cue"

    def mediator_reaffirms(self, obligation: Obligation, obliged: list[str]) -> bool:
        """A mediator reaffirming its own commitment or support states no term of the agreement."""
        mediators = set(self.reading.parties.mediators)
        return lemma(obligation.head) in word_set("drafting", "reaffirming_verbs") and bool(obliged) and set(obliged) <= mediators

    def introducing(self, point: Point) -> Group | None:
        """The provision drafted from the line that introduces the point's list, if any."""
        if point.item_of is None:
            return None
        start, end = point.item_of
        return next((g for g in reversed(self.groups) if g.start < end and start < g.end), None)

    def referred(self, obligation: Obligation) -> Group | None:
        """The provision before, when the subject refers to it ("its teams are given access")."""
        back = any(c.dep_ == "poss" and c.lower_ == "its" for s in obligation.subject() for c in s.children)
        return (self.groups[-1] if self.groups else None) if back else None


def without_reported(groups: list[Group], text: str) -> list[Group]:
    """Reports of an agreement reached, unless no later clause speaks of "the" arrangement."""
    kept = []
    arrangements = word_set("drafting", "arrangement_nouns")
    for index, group in enumerate(groups):
        if group.head.kind == "announced" and len(group.obligations) == 1:
            nouns = {lemma(t) for t in group.head.tokens if lemma(t) in arrangements and lemma(t) != "agreement"}
            later = [t for g in groups[index + 1:] for o in g.obligations for t in o.tokens]
            if any(lemma(t) in nouns and any(c.lower_ == "the" for c in t.children) for t in later):
                continue
        kept.append(group)
    return kept


def places_in(document: Document, start: int, end: int) -> list[str]:
    """Places in the provision, not countries and not part of a longer name ("Republic" in
    "Kyrgyz Republic")."""
    entities = document.within("entities", start, end)
    inside = lambda p: any(e.start <= p.start and p.end <= e.end and (e.end - e.start) > (p.end - p.start) for e in entities)
    return list(dict.fromkeys(p.name for p in document.within("places", start, end)
                              if not names_a_country(p.name) and not inside(p)))


def confidence(group: Group) -> float:
    return round(KIND_CONFIDENCE.get(group.head.kind, 0.6) * CATEGORY_CONFIDENCE[group.source], 2)


def provision(document: Document, number: str, group: Group, reading: Reading) -> Provision:
    """The provision a group is drafted as: its words, category, obliged, terms and what of
    them the drafter could not read."""
    text = document.text
    start, end = group.start, group.end
    words = text[start:end]
    times = document.within("times", start, end)
    renewal = renewal_of(text, times, start, end)
    deadline, unanchored = deadline_of(text, times, start, end)
    places = places_in(document, start, end)
    unfilled = ["obliged"] * (not group.obliged) + ["deadline"] * (deadline is None and unanchored)
    unfilled += ["renewal"] * (renewal is None and may_renew(words))
    tokens = [t for o in group.obligations for t in o.tokens]
    return Provision(
        number=number, category=group.category, summary=" ".join(words.split()), obliged=group.obliged,
        beneficiaries=beneficiaries_of(tokens, reading, group.obliged + places), places=places, deadline=deadline,
        duration=duration_of(text, times, renewal, deadline), renewal=renewal, conditions=conditions_of(words),
        source=SourceSpan(start=start, end=end), confidence=confidence(group), unfilled=unfilled)


def numbers(number: str, count: int, lettered: bool) -> list[str]:
    """"3" -> 3a, 3b…; "C" -> Ca, Cb…; a lettered item "2a" -> 2a1, 2a2…; one keeps the number."""
    if count == 1:
        return [number]
    if lettered:
        return [f"{number}{i}" for i in range(1, count + 1)]
    return [number + chr(ord("a") + i) for i in range(count)]


def numbered(groups: list[Group]) -> list[tuple[str, Group]]:
    """Each group's number in the agreement's own scheme; unnumbered ones 1..n in text order."""
    result = []
    sequence = 0
    by_point: dict[int, list[Group]] = {}
    for group in groups:
        by_point.setdefault(id(group.point), []).append(group)
    for group in groups:
        siblings = by_point[id(group.point)]
        if group.point.number:
            result.append((numbers(group.point.number, len(siblings), group.point.lettered)[siblings.index(group)], group))
        else:
            sequence += 1
            result.append((str(sequence), group))
    return result


def read_points(document: Document, points: list[Point], reading: Reading, operative: bool) -> tuple[list[Group], list[Obligation]]:
    """The provisions' groups of every point in order, and the clauses that date the agreement."""
    reader = PointReader(document, reading, operative)
    for point in points:
        reader.read(point)
    groups = sorted(without_reported(reader.groups, document.text), key=lambda g: g.start)
    return groups, reader.statements


def same_day(moment: str | None, deadline: str | None) -> bool:
    return bool(moment and deadline and re.match(r"\d{4}-\d\d-\d\d", deadline) and moment[:10] == deadline)
