"""Draft an agreement file from an agreement's text, for an analyst to correct.

One parse of the text through the article pipeline (entities, times, places) feeds everything:
the layout (drafting.layout) says where the preamble, the points and the signature block are; the
parties (drafting.parties) come from the preamble and signature block; each point yields one
provision per obligation clause (drafting.clauses), numbered "3a", "3b" when it holds several.
A clause that only says when something takes effect, lasts or renews ("The cessation of
hostilities shall enter into force at 06:00 on…", "This Agreement shall be automatically
extended…") adds its terms to the provision before it; said of the agreement itself and first in
its point, it dates the agreement instead. Every provision keeps the offsets of its words
(`source`), so the analyst can check it against the text.
"""
from __future__ import annotations

import enum
import functools
import json
import re
from pathlib import Path

import yaml
from spacy.tokens import Token

from peacewatch.drafting.clauses import Clause, clauses
from peacewatch.drafting.parties import Parties, parties_of
from peacewatch.drafting.layout import Layout, Point, layout
from peacewatch.drafting.terms import conditions_of, deadline_of, duration_of, renewal_of, renewal_words
from peacewatch.agreements.provisions_in_text import category_phrases
from peacewatch.analyze import annotate
from peacewatch.errors import UnreadableFile
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.lemma_phrases import LemmaPhrases, lemma
from peacewatch.pipeline import Document
from peacewatch.records import Agreement, Article, Provision, SourceSpan, TimeMention

STAGES = ("entities", "times", "places")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
BENEFICIARY_DEPS = ("dative",)
FAR = 99


@functools.lru_cache(maxsize=1)
def term_phrases() -> LemmaPhrases:
    words = lexicon("drafting")
    return LemmaPhrases([("term", p) for p in words["term_phrases"]] + [("entry", p) for p in words["entry_into_force"]])


def term_kinds(clause: Clause) -> set[str]:
    return {hit.label for hit in term_phrases().hits(clause.tokens)}


def noun_phrase(token: Token) -> str:
    """The noun with its modifiers and a proper name it is "of" ("the Republic of Tajikistan")."""
    end = token.i
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in prep.children):
            end = prep.right_edge.i
    return token.doc[token.left_edge.i:end + 1].text


def named(token: Token, parties: Parties, strict: bool = False) -> list[str] | None:
    """Who a noun names: itself, its conjuncts, or what it is "of" ("the forces of both Sides");
    `strict`: only parties, mediators, catalogued actors and bodies the text names in full."""
    found = parties.resolve(noun_phrase(token), strict)
    if found is None:
        found = next((n for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj" for n in [named(o, parties, strict)] if n), None)
    for conj in (c for c in token.children if c.dep_ == "conj"):
        found = (found or []) + (named(conj, parties, strict) or [])
    return found or None


def is_patient(verb: Token) -> bool:
    """Whether the subject undergoes the obligation ("prisoners shall be released", "a
    Commission is hereby established") rather than bearing it."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) or any(c.dep_ == "acomp" and c.tag_ == "VBN" for c in verb.children)


def obliged_of(clause: Clause, parties: Parties) -> list[str]:
    """The subjects of the obligation; the parties when it names none (a passive without agent)."""
    verb = clause.subject_of
    if is_patient(verb):
        agents = [o for c in verb.subtree if c.dep_ == "agent" and c.head == verb for o in c.children]
        subjects = agents
    else:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    found = [n for s in subjects for n in (named(s, parties) or [])]
    return list(dict.fromkeys(found)) or list(parties.names)


def beneficiaries_of(clause: Clause, parties: Parties, excluded: list[str]) -> list[str]:
    """Actors the obligation is owed to: indirect objects ("grant the ICRC access") and what
    follows "to"/"for"."""
    found = []
    for token in clause.tokens:
        owed = token.dep_ in BENEFICIARY_DEPS or (token.dep_ == "pobj" and token.head.lower_ in ("to", "for"))
        if owed and token.pos_ != "PRON":
            found += named(token, parties, strict=True) or []
    return [n for n in dict.fromkeys(found) if n not in excluded]


def category_of(clause: Clause, obliged: list[str]) -> str:
    """The category phrase nearest the clause's verb in the parse; else the category of the body
    obliged ("the Force" -> peacekeeping); else "other"."""
    hits = category_phrases().hits(clause.tokens)
    if hits:
        return min(hits, key=lambda h: nearness(h.token, clause.head)).label
    bodies = lexicon("drafting")["body_categories"]
    for name in obliged:
        head = name.split()[-1].lower()
        for category, nouns in bodies.items():
            if head in nouns:
                return category
    return "other"


def nearness(token: Token, head: Token) -> tuple[int, int]:
    """Steps up the parse to the clause's verb, then text order; within a name the word nearest
    its head counts ("Joint Ceasefire Monitoring Commission" is a monitoring body)."""
    return distance(token, head), -token.i if token.dep_ == "compound" else token.i


def distance(token: Token, head: Token) -> int:
    for steps, node in enumerate((token, *token.ancestors)):
        if node == head:
            return steps
    return FAR


def places_in(document: Document, start: int, end: int) -> list[str]:
    """Places in the clause, not countries and not part of a longer name ("Republic" in
    "Kyrgyz Republic")."""
    entities = document.within("entities", start, end)
    inside = lambda p: any(e.start <= p.start and p.end <= e.end and (e.end - e.start) > (p.end - p.start) for e in entities)
    return list(dict.fromkeys(p.name for p in document.within("places", start, end)
                              if not names_a_country(p.name) and not inside(p)))


def provision(document: Document, number: str, group: list[Clause], parties: Parties) -> Provision:
    text = document.text
    start, end = group[0].start_char, group[-1].end_char
    words = text[start:end]
    times = document.within("times", start, end)
    obliged = obliged_of(group[0], parties)
    renewal = renewal_of(text, times, start, end)
    places = places_in(document, start, end)
    return Provision(
        number=number, category=category_of(group[0], obliged), summary=" ".join(words.split()),
        obliged=obliged, beneficiaries=beneficiaries_of(group[0], parties, obliged + places),
        places=places, deadline=deadline_of(text, times),
        duration=duration_of(text, times, renewal), renewal=renewal, conditions=conditions_of(words),
        source=SourceSpan(start=start, end=end))


def about_agreement(clause: Clause) -> bool:
    subjects = [c for c in clause.subject_of.children if c.dep_ in SUBJECT_DEPS]
    return any(lemma(s) in word_set("drafting", "agreement_nouns") for s in subjects)


def names_actor(clause: Clause, parties: Parties) -> bool:
    subjects = [c for c in clause.subject_of.children if c.dep_ in SUBJECT_DEPS]
    return any(named(s, parties) for s in subjects)


def grouped(document: Document, point: Point, parties: Parties, statements: list[Clause],
            previous: list[Clause] | None) -> list[list[Clause]]:
    """The point's obligations, each with the term clauses that follow it; term clauses about
    the agreement itself go to `statements` (they date the agreement). A point that opens with a
    renewal ("2. Thereafter the mandate shall be renewed…") renews the obligation before it."""
    groups: list[list[Clause]] = []
    for paragraph in point.paragraphs:
        for clause in clauses(document.parse, paragraph.start, paragraph.end):
            kinds = term_kinds(clause)
            if kinds and not names_actor(clause, parties):
                if "entry" in kinds:
                    statements.append(clause)
                if groups:
                    groups[-1].append(clause)
                    continue
                if previous is not None and renewal_words(document.text[clause.start_char:clause.end_char]):
                    previous.append(clause)
                    continue
                if about_agreement(clause):
                    continue
            groups.append([clause])
    return groups


def numbers(number: str, count: int) -> list[str]:
    """"3" -> 3a, 3b…; "1c" -> 1c1, 1c2…; a single provision keeps the point's number."""
    if count == 1:
        return [number]
    if number[-1:].isdigit():
        return [number + chr(ord("a") + i) for i in range(count)]
    return [f"{number}{i}" for i in range(1, count + 1)]


def moment(time: TimeMention) -> str:
    """A date, or a datetime when the text gives its zone (agreement files need one)."""
    return time.value if re.search(r"T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$", time.value) else time.value[:10]


def signed_of(document: Document, shape: Layout) -> str | None:
    dated = [t for t in document.within("times", *shape.closing) if t.type in ("DATE", "TIME")]
    return moment(dated[0]) if dated else None


def effective_of(document: Document, statements: list[Clause], signed: str | None) -> str | None:
    """When the agreement takes effect: the time its entry into force names, or its signature."""
    ranked = sorted(statements, key=lambda c: not about_agreement(c))
    for clause in ranked:
        dated = [t for t in document.within("times", clause.start_char, clause.end_char) if t.type in ("DATE", "TIME")]
        if dated:
            return moment(dated[0])
        if signed and any(lemma(t) in word_set("drafting", "signature_words") for t in clause.tokens):
            return signed
    return None


def unwrapped(text: str) -> str:
    """The text with hard line breaks inside paragraphs made spaces (same length, so offsets
    hold), so that the parser reads a wrapped sentence as one."""
    return re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", lambda m: " " * len(m.group(0)), text)


def draft_agreement(text: str, agreement_id: str) -> Agreement:
    document = annotate(Article(id=agreement_id, text=unwrapped(text), language="en"), kinds=STAGES)
    shape = layout(text)
    parties = parties_of(text, shape)
    statements: list[Clause] = []
    numbered_groups: list[tuple[str, list[Clause]]] = []
    for point in shape.points:
        groups = grouped(document, point, parties, statements, numbered_groups[-1][1] if numbered_groups else None)
        numbered_groups += zip(numbers(point.number, len(groups)), groups)
    provisions = [provision(document, number, group, parties) for number, group in numbered_groups]
    signed = signed_of(document, shape)
    return Agreement(id=agreement_id, title=shape.title or agreement_id, signed=signed,
                     effective=effective_of(document, statements, signed), parties=parties.names,
                     mediators=parties.mediators, provisions=provisions)


def agreement_id(path: Path) -> str:
    """An id from the file name, in the form agreement files require (lower case, hyphens)."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "agreement"


def read_agreement_text(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFile(path, error.strerror if isinstance(error, OSError) else "not UTF-8 text") from None
    if not text.strip():
        raise UnreadableFile(path, "the file is empty; an agreement text is needed")
    return text


def agreement_data(agreement: Agreement) -> dict:
    """The agreement as an agreement file holds it: no empty or unknown fields."""
    return agreement.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


class DraftFormat(str, enum.Enum):
    yaml = "yaml"
    json = "json"


def agreement_file_text(agreement: Agreement, format: DraftFormat = DraftFormat.yaml) -> str:
    """The draft as the text of an agreement file (YAML, or the same data as JSON)."""
    data = agreement_data(agreement)
    if format is DraftFormat.json:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def draft_file(path: Path, given_id: str | None = None) -> Agreement:
    """Draft the agreement whose text is in `path` (its id from the file name unless given)."""
    return draft_agreement(read_agreement_text(path), given_id or agreement_id(path))
