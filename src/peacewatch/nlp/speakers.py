"""In-article coreference for speakers: who "he", "she", "it", "the ministry" or "an official" is.

A quotation's speaker is often not named where it stands: "…," she said; the ministry added;
the statement said. The article named them before, so the article is read in order and every
mention that can speak becomes a referent: named people and bodies, the subject pronouns (each
resolved when met, so a chain of "he said" follows its first antecedent), and nouns for people
or bodies ("the senator", "an official", "the health ministry"). A pronoun takes the first
compatible referent going back: in its own sentence, then sentence by sentence, and within a
sentence main-clause subjects before other mentions, which is how a reader picks, of two leaders
named together, the one who acts. Compatible means the right gender for "he"/"she" (known from a
title, a role word, a given name or the article's own pronouns after the name) and a body for
"it". An indefinite noun ("a senior official") is an unnamed source, and stays unnamed.

Bodies are named through the institution catalog: "the health ministry" in an article about Mali
is the Malian Ministry of Health, "the army" its armed forces; a body noun without a state or
portfolio is the body of that kind last named.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from peacewatch.knowledge.actors import catalog
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.knowledge.institutions import body_name, description_kind, kind_in, listed_bodies, state_body
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.knowledge.names import fold
from peacewatch.pipeline import Document
from peacewatch.records import Entity

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"})
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "un", "une", "des"})
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "case", "flat"})
LOOKBACK_SENTENCES = 4
HONORIFIC_REACH = 14  # characters before a name where its title stands ("Mrs. ", "Sir ")
BODY_KINDS = frozenset({"ministry", "armed_force", "police", "government", "party", "group", "organisation"})


@dataclass(frozen=True)
class Referent:
    """A mention that can be a speaker: `name` None for an unnamed source."""

    offset: int
    sentence: int
    name: str | None
    kind: str  # "person" or a body kind (ministry, armed_force, organisation…)
    gender: str | None
    subject: bool
    depth: int

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


def clause_depth(token: Token) -> int:
    """How many verbs stand above a word: 0 in the main clause."""
    return sum(1 for a in token.ancestors if a.pos_ in ("VERB", "AUX"))


def is_subject(token: Token) -> bool:
    """A subject, or a name in apposition to one ("Jane Doe, the envoy, said")."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ in ("appos", "compound") and token.head.dep_ in SUBJECT_DEPS)


def phrase_words(noun: Token) -> list[str]:
    """The words that name a body: "Mali's health ministry", "the ministry of foreign affairs"."""
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in PHRASE_DEPS]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
        words += [t for t in prep.subtree if t.dep_ != "punct" and t.i - noun.i < 6]
    return [t.text for t in sorted({*words, noun}, key=lambda t: t.i)]


def body_phrase(noun: Token) -> str:
    """The words naming a body as one string ("Algeria's foreign ministry")."""
    return " ".join(phrase_words(noun)).replace(" 's", "'s").replace(" ’s", "’s")


@functools.lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    return {word: gender for gender, words in lexicon("speech")["gendered_words"].items() for word in words}


@functools.lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    names = lexicon("given_names")
    return {fold(n): "f" for n in names["female"]} | {fold(n): "m" for n in names["male"]}


def noun_kind(noun: Token) -> str | None:
    """The kind of body a common noun stands for, by its lemma or, for nouns the catalog lists in
    the plural ("the rebels", "the authorities"), by the word as written."""
    return description_kind(noun.lemma_) or description_kind(noun.lower_)


def looks_like_person(entity: Entity) -> bool:
    """A person the recognizer labelled otherwise ("Oleksandr Petrenko" as an organisation): two
    or three capitalised words, the first a given name, none a word for a body."""
    words = entity.text.split()
    return (entity.label == "PERSON" or entity.label == "ORG" and 2 <= len(words) <= 3
            and all(w[:1].isupper() for w in words) and fold(words[0]) in given_name_genders()
            and kind_in(words) is None and fold(entity.text) not in listed_bodies())


def title_before(text: str, start: int) -> str | None:
    """The gender a title right before a name gives ("Ms. Diallo", "Sir John")."""
    words = text[max(0, start - HONORIFIC_REACH):start].split()
    return gender_words().get(words[-1].lower()) if words else None


class Coreference:
    """The referents of one document, in reading order, with pronouns resolved."""

    def __init__(self, document: Document, inside_quote: Callable[[int], bool]) -> None:
        self.document = document
        self.inside_quote = inside_quote
        self.entities = [e for e in document.mentions.get("entities", [])
                         if e.label in SPEAKER_LABELS and not inside_quote(e.start)]
        self.person_pronouns: dict[str, str] = lexicon("speech")["person_pronouns"]
        self.body_pronouns = word_set("speech", "body_pronouns")
        self.person_nouns = word_set("speech", "person_nouns")
        self.statements = word_set("speech", "statements")
        self.genders = self.person_genders()
        self.countries = self.country_mentions()
        self.sentence_of = {s.start: i for i, s in enumerate(document.sentences)}
        self.by_token: dict[int, Referent] = {}
        self.referents: list[Referent] = []
        for index, sentence in enumerate(document.sentences):
            self.read_sentence(index, sentence)

    # --- what is known of the article's people and states -------------------------------

    def person_genders(self) -> dict[str, str]:
        """Each person's gender, by votes: a title or role word beside a name, the given name,
        and a pronoun after the name in a sentence that names no one else."""
        votes: dict[str, Counter] = {}
        text = self.document.text
        for entity in filter(looks_like_person, self.entities):
            tally = votes.setdefault(entity.canonical, Counter())
            titled = title_before(text, entity.start) or gender_words().get(entity.text.split()[0].lower())
            if titled:
                tally[titled] += 3
            given = given_name_genders().get(fold(entity.canonical.split()[0]))
            if given:
                tally[given] += 2
            role = self.role_gender(entity)
            if role:
                tally[role] += 2
        for person, gender in self.pronoun_votes():
            votes.setdefault(person, Counter())[gender] += 1
        return {p: t.most_common(1)[0][0] for p, t in votes.items()
                if t and (len(t) == 1 or t.most_common(2)[0][1] > t.most_common(2)[1][1])}

    def role_gender(self, entity: Entity) -> str | None:
        """"the spokeswoman, Jane Doe", "congressman John Doe": a gendered noun beside the name."""
        span = self.document.parse.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        near = [root.head] if root.dep_ in ("appos", "compound") else []
        near += [c for c in root.children if c.dep_ in ("appos", "compound", "amod")]
        return next((gender_words()[t.lower_] for t in near if t.lower_ in gender_words()), None)

    def pronoun_votes(self) -> list[tuple[str, str]]:
        """(person, gender) for each sentence naming one person outside quotations and using a
        gendered pronoun after that name."""
        found = []
        for sentence in self.document.sentences:
            people = {e.canonical for e in self.entities
                      if looks_like_person(e) and sentence.start_char <= e.start < sentence.end_char}
            if len(people) != 1:
                continue
            first = min(e.start for e in self.entities if e.canonical in people and e.start >= sentence.start_char)
            genders = {self.person_pronouns[t.lower_] for t in sentence
                       if t.idx > first and t.lower_ in self.person_pronouns and not self.inside_quote(t.idx)}
            if len(genders) == 1:
                found.append((next(iter(people)), genders.pop()))
        return found

    def country_mentions(self) -> list[tuple[int, str]]:
        """(offset, ISO code) of every mention of a state or of a place in one."""
        found = []
        for entity in self.entities:
            if entity.label not in ("GPE", "NORP"):
                continue
            actor = catalog().find(entity.text)
            iso = actor.country if actor is not None and actor.kind == "state" else None
            if iso is None and entity.label == "GPE":
                place = gazetteer().best(entity.canonical)
                iso = place.country if place is not None else None
            if iso:
                found.append((entity.start, iso))
        return found

    def country_near(self, offset: int) -> str | None:
        """The state in question at a point: the only one its sentence or the one before names,
        else the state the article names most."""
        sentence = self.document.sentence_at(offset)
        before = self.document.sentence_at(max(0, sentence.start_char - 1))
        near = {iso for at, iso in self.countries if before.start_char <= at < sentence.end_char}
        if len(near) == 1:
            return near.pop()
        counts = Counter(iso for _, iso in self.countries)
        return counts.most_common(1)[0][0] if counts else None

    # --- reading the article --------------------------------------------------------------

    def read_sentence(self, index: int, sentence: SpacySpan) -> None:
        entity_tokens: set[int] = set()
        for entity in (e for e in self.entities if sentence.start_char <= e.start < sentence.end_char):
            span = self.document.parse.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                continue
            entity_tokens.update(t.i for t in span)
            self.add(span.root, self.named_referent(entity, span.root, index))
        for token in sentence:
            if token.i in entity_tokens or self.inside_quote(token.idx):
                continue
            if token.pos_ == "PRON" and token.dep_ in SUBJECT_DEPS | {"dobj", "obj"}:
                self.add(token, self.pronoun_referent(token, index))
            elif token.pos_ in ("NOUN", "PROPN") and token.dep_ in SUBJECT_DEPS:
                self.add(token, self.noun_referent(token))

    def add(self, token: Token, referent: Referent | None) -> None:
        if referent is not None:
            self.by_token[token.i] = referent
            self.referents.append(referent)

    def referent(self, token: Token, **fields) -> Referent:
        values = dict(offset=token.idx, sentence=self.sentence_index(token), subject=is_subject(token),
                      depth=clause_depth(token), gender=None)
        return Referent(**(values | fields))

    def sentence_index(self, token: Token) -> int:
        return self.sentence_of.get(token.sent.start, 0)

    def named_referent(self, entity: Entity, root: Token, index: int) -> Referent | None:
        if looks_like_person(entity):
            return self.referent(root, name=entity.canonical, kind="person", gender=self.genders.get(entity.canonical))
        if entity.label == "NORP" and root.dep_ == "amod":
            return None  # "Ethiopian" in "the Ethiopian foreign ministry": the noun is the referent
        words = phrase_words(root)
        kind = self.body_kind(entity, words)
        name = body_name(words, self.country_near(entity.start)) or entity.canonical
        return self.referent(root, name=name, kind=kind)

    def body_kind(self, entity: Entity, words: list[str]) -> str:
        listed = listed_bodies().get(fold(entity.text))
        if listed is not None:
            return listed.kind
        if entity.label == "GPE":
            return "government"
        return kind_in(words) or "organisation"

    def pronoun_referent(self, token: Token, index: int) -> Referent | None:
        word = token.lower_
        if word in self.person_pronouns:
            gender = self.person_pronouns[word]
            found = self.antecedent(token, lambda r: r.is_person and r.gender in (None, gender))
            return self.referent(token, name=found.name if found else None, kind="person", gender=gender) if found else None
        if word in self.body_pronouns:
            found = self.antecedent(token, lambda r: not r.is_person)
            return self.referent(token, name=found.name, kind=found.kind) if found else None
        return None

    def antecedent(self, token: Token, fits: Callable[[Referent], bool]) -> Referent | None:
        """The first fitting referent going back from a word: its own sentence first, then one
        sentence at a time; main-clause subjects before other mentions in each."""
        index = self.sentence_index(token)
        for back in range(index, max(-1, index - LOOKBACK_SENTENCES - 1), -1):
            pool = [r for r in self.referents if r.sentence == back and r.offset < token.idx and fits(r)]
            pool.sort(key=lambda r: (not r.subject, r.depth if r.subject else 0, r.offset))
            if pool:
                return pool[0]
        return None

    def noun_referent(self, noun: Token) -> Referent | None:
        lemma = noun.lemma_.lower()
        if lemma in self.person_nouns:
            return self.described_person(noun)
        kind = noun_kind(noun)
        if kind is not None:
            return self.described_body(noun, kind)
        if lemma in self.statements:
            return self.statement_author(noun)
        return None

    # --- descriptions -------------------------------------------------------------------

    def described_person(self, noun: Token) -> Referent:
        """"the spokesperson for the mission, Lena Osei" (the person named beside the words), "a
        spokesman for the ministry" (the body, when no person is named), "an official" (no one),
        "the senator" (the person introduced with that word, else the last one acting)."""
        gender = gender_words().get(noun.lower_)
        named = self.person_beside(noun)
        if named is not None:
            return self.referent(noun, name=named.canonical, kind="person", gender=self.genders.get(named.canonical) or gender)
        body = self.body_served(noun)
        if body is not None:
            return self.referent(noun, name=body, kind="organisation")
        determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "nummod")}
        if determiners & INDEFINITE or not determiners and noun.tag_ == "NNS":
            return self.referent(noun, name=None, kind="person", gender=gender)
        introduced = self.introduced_with(noun)
        if introduced is not None:
            return self.referent(noun, name=introduced, kind="person", gender=self.genders.get(introduced) or gender)
        found = self.antecedent(noun, lambda r: r.is_person and r.subject and r.gender in (None, gender or r.gender))
        return self.referent(noun, name=found.name if found else None, kind="person", gender=gender)

    def person_beside(self, noun: Token) -> Entity | None:
        """A person named in apposition to the noun, or right after it past a comma."""
        sentence_end = noun.sent.end_char
        for entity in self.entities:
            if not looks_like_person(entity) or not (noun.idx < entity.start <= noun.idx + 90) or entity.start >= sentence_end:
                continue
            between = self.document.text[noun.idx:entity.start]
            if "," in between or entity.start == noun.idx + len(noun.text) + 1:
                return entity
        return None

    def body_served(self, noun: Token) -> str | None:
        """"a spokesman for Disney", "an official of the ministry": the body a person speaks for."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                entity = next((e for e in self.entities if e.start <= obj.idx < e.end and not looks_like_person(e)), None)
                if entity is not None:
                    return body_name(phrase_words(obj), self.country_near(obj.idx)) or entity.canonical
                kind = noun_kind(obj)
                if kind is not None:
                    found = self.described_body(obj, kind)
                    return found.name
        return None

    def introduced_with(self, noun: Token) -> str | None:
        """The last person whose introduction used this word ("Jane Doe, the senator from …")."""
        text = self.document.text
        people = [e for e in self.entities if looks_like_person(e) and e.end <= noun.idx]
        for person in reversed(people):
            if re.search(rf"\b{re.escape(noun.lower_)}\b", text[person.end: person.end + 80].lower()):
                return person.canonical
        return None

    def described_body(self, noun: Token, kind: str) -> Referent:
        """"the health ministry", "the army", "the company": a state body built from the words
        and the state in question, else the body of that kind last named."""
        words = phrase_words(noun)
        country = self.country_near(noun.idx)
        name = body_name(words, country) if len(words) > 1 or kind in ("armed_force", "police", "government") else None
        if name is None:
            found = self.antecedent_body(noun, kind)
            name = found.name if found is not None else None
        if name is None and kind in ("armed_force", "police", "government"):
            name = state_body(kind, country)
        if name is None and (len(words) > 1 or kind == "group"):
            name = body_phrase(noun)
        return self.referent(noun, name=name, kind=kind)

    def antecedent_body(self, noun: Token, kind: str) -> Referent | None:
        """The body of this kind last named anywhere before ("the company" after "Acme Corp.").
        A plural ("the rebels") is a kind of group, not any body: it takes only a group."""
        generic = kind in ("organisation", "group") and noun.tag_ != "NNS"
        fitting = [r for r in self.referents if r.offset < noun.idx and r.name and not r.is_person
                   and (r.kind == kind or generic and r.kind in ("organisation", "group", "party"))]
        return fitting[-1] if fitting else None

    def statement_author(self, noun: Token) -> Referent | None:
        """"the statement said": its author, named with it ("a statement from the ministry", "his
        statement") or the last one who spoke or acted."""
        for child in noun.children:
            if child.dep_ == "poss" and child.i in self.by_token:
                return self.by_token[child.i]
        body = self.body_served(noun)
        if body is not None:
            return self.referent(noun, name=body, kind="organisation")
        found = self.antecedent(noun, lambda r: r.subject and r.name is not None)
        return self.referent(noun, name=found.name, kind=found.kind, gender=found.gender) if found else None

    # --- the API for the quote finder ---------------------------------------------------

    def speaker_at(self, token: Token) -> Referent | None:
        """The referent a word stands for: as read in order when it was a subject, else read now
        (the inverted subject of "…», a déclaré le ministre", a name inside a longer phrase)."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        entity = next((e for e in self.entities if e.start <= token.idx < e.end), None)
        if entity is not None:
            span = self.document.parse.char_span(entity.start, entity.end, alignment_mode="expand")
            return self.by_token.get(span.root.i) if span is not None else None
        return self.noun_referent(token) if token.pos_ in ("NOUN", "PROPN") else None
