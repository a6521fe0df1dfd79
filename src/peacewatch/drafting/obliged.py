"""Who an obligation binds, and whom it is owed to.

The obliged are the parties or mediators its actor names: the subject of an active verb; the
agent of a passive one ("will be drawn up by officers of X and Y"); the forces
a passive moves ("All X units will be moved…", "the militias of both provinces shall
be disbanded"); whom a text tasks ("instructed the Chiefs of Staff of X to meet"); those who
agreed, when the agreed clause names no actor of its own ("It is agreed between X and Y that
there shall be…"). A noun names an actor itself, through its adjective ("Bolivian units",
"joint Chilean-Peruvian patrols"), or, for the people, forces and dealings of someone, through
"of", "in", "from" or "between" ("armed bands in X", "raids between the militias").
"They"/"their" are the parties; "it" and "these representatives" are whoever the obligation
before bound. A passive with no such actor binds no one named ([]), and neither does an actor
that is not a party or mediator ("the provincial assembly"). An item of a list with no
subject takes the subject of the line introducing the list ("neither Party:"); a term stated as
a noun or a bare verb binds the parties jointly unless its words name one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from peacewatch.drafting.obligations import Obligation
from peacewatch.drafting.parties import Parties
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.lemma_phrases import lemma

LINK_PREPOSITIONS = ("of", "in", "from", "between")
PARTY_PRONOUNS = frozenset({"they", "them", "their", "we", "our", "us"})
BACK_DETERMINERS = frozenset({"these", "those", "such", "said"})


@dataclass
class Reading:
    """What the clauses read so far leave for the next: who the last one bound and its words."""

    parties: Parties
    previous: list[str] = field(default_factory=list)
    previous_words: set[str] = field(default_factory=set)


def noun_phrase(token: Token) -> str:
    """The noun with its modifiers and a proper name it is "of" ("the Kingdom of Lesotho")."""
    end = token.i
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in prep.children):
            end = prep.right_edge.i
    return token.doc[token.left_edge.i:end + 1].text


def adjective_names(token: Token, parties: Parties) -> list[str]:
    """Parties named by the adjectives before a noun ("joint Chilean-Peruvian patrols")."""
    words = [t for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree]
    return list(dict.fromkeys(n for w in words for n in parties.by_adjective(w.text)))


def names_in(token: Token, parties: Parties) -> list[str]:
    """The parties and mediators a noun names (see the module's docstring)."""
    found = parties.resolve(noun_phrase(token)) or parties.resolve(token.text) or adjective_names(token, parties)
    if not found and token.pos_ == "PROPN":
        found = parties.tasked(noun_phrase(token)) or []
    if not found and lemma(token) in word_set("drafting", "group_nouns"):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in LINK_PREPOSITIONS):
            found = [n for o in prep.children if o.dep_ == "pobj" for n in names_in(o, parties)]
            if found:
                break
    if not found:
        found = [n for c in token.children if c.dep_ == "poss" and c.lower_ not in PARTY_PRONOUNS for n in names_in(c, parties)]
    if not found:
        found = between_names(token, parties)
    for conj in (c for c in token.children if c.dep_ == "conj"):
        found = found + names_in(conj, parties)
    return list(dict.fromkeys(found))


def between_names(token: Token, parties: Parties) -> list[str]:
    """Those a noun's dealings are "between" ("the feud between X and Y", "ferries
    between both islands"), through its "of" phrases but not into clauses."""
    for prep in (c for c in token.children if c.dep_ == "prep"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "between":
            return [n for o in objects for n in names_in(o, parties)]
        if prep.lower_ == "of":
            found = [n for o in objects for n in between_names(o, parties)]
            if found:
                return found
    return []


def pronoun_names(token: Token, reading: Reading) -> list[str] | None:
    """"They" and "their X" are the parties; "it" and "these X" are whom the clause before bound."""
    key = token.lower_
    if key in PARTY_PRONOUNS or any(c.dep_ == "poss" and c.lower_ in PARTY_PRONOUNS for c in token.children):
        return list(reading.parties.names)
    back = any(c.lower_ in BACK_DETERMINERS for c in token.children if c.dep_ == "det")
    if key in ("it", "its") or back and lemma(token) in reading.previous_words:
        return list(reading.previous)
    return None


def actor_names(token: Token, reading: Reading) -> list[str]:
    """Whom a subject names; an arrangement ("The ceasefire will start…") binds every party."""
    pronoun = pronoun_names(token, reading)
    if pronoun is not None:
        return pronoun
    found = names_in(token, reading.parties)
    if not found and is_arrangement(token):
        return list(reading.parties.names)
    return found


def agents(verb: Token) -> list[Token]:
    """The agent of a passive verb ("by X"), or those it is done "between" ("by and between X
    and Y")."""
    links = [c for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "between"]
    links += [c for link in links for c in link.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    return [o for link in links for o in link.children if o.dep_ == "pobj"]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children)


def moved_forces(subjects: list[Token], reading: Reading) -> list[str]:
    """Whom a passive's subject belongs to: the owners of forces it moves ("All X units will
    be deployed…"), those its dealings are between ("relations between X and Y shall be…"),
    every party for the arrangement itself ("the start of the truce will be…")."""
    nouns = lexicon("agreement_categories")["own_forces"]["nouns"]
    found = [n for s in subjects if lemma(s) in nouns for n in actor_names(s, reading)]
    found += [n for s in subjects for n in between_names(s, reading.parties)]
    if not found and any(is_arrangement(t) for s in subjects for t in (s, *of_objects(s))):
        return list(reading.parties.names)
    return found


def of_objects(token: Token) -> list[Token]:
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]


def is_arrangement(token: Token) -> bool:
    """A ceasefire, truce, pause… (an agreement in general names no one)."""
    return lemma(token) in word_set("drafting", "arrangement_nouns") - {"agreement"}


def inner_agents(subject: Token, reading: Reading) -> list[str]:
    """Agents inside the subject ("contracts signed by the Government …")."""
    verbs = [t for t in subject.subtree if t.dep_ == "acl" and t.tag_ == "VBN"]
    return [n for v in verbs for a in agents(v) for n in actor_names(a, reading)]


def clause_actors(obligation: Obligation, reading: Reading) -> list[str] | None:
    """Whom the clause's own actor names; None when it has no subject at all."""
    verb = obligation.subject_of
    subjects = [s for s in obligation.subject() if s.dep_ != "expl"]
    if obligation.kind == "tasking":
        return [n for c in obligation.head.children if c.dep_ == "dobj" for n in actor_names(c, reading)]
    if obligation.kind == "announced":
        arrangements = [t for t in obligation.tokens if lemma(t) in word_set("drafting", "arrangement_nouns")]
        return [n for t in arrangements for n in between_names(t, reading.parties)] or list(reading.parties.names)
    if verb.pos_ in ("NOUN", "PROPN"):
        return None
    if is_passive(verb):
        named = [n for a in agents(verb) for n in actor_names(a, reading)]
        named = named or moved_forces(subjects, reading) or [n for s in subjects for n in inner_agents(s, reading)]
        return named if named or subjects else None
    if not subjects:
        return None
    return [n for s in subjects for n in actor_names(s, reading)]


def nominal_actors(obligation: Obligation, reading: Reading) -> list[str]:
    """Whom a noun's own words name: its adjective, its "of" ("the withdrawal of X forces")."""
    head = obligation.head
    found = adjective_names(head, reading.parties)
    for prep in (c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by")):
        for noun in (o for o in prep.children if o.dep_ == "pobj"):
            found += actor_names(noun, reading) or adjective_names(noun, reading.parties)
            found += [n for c in noun.children if c.dep_ == "compound" for n in names_in(c, reading.parties)]
    return list(dict.fromkeys(found))


def intro_actors(doc: Doc, intro: tuple[int, int] | None, reading: Reading) -> list[str]:
    """The actors the line introducing a list names ("In particular, neither Party:")."""
    if intro is None:
        return []
    span = doc.char_span(*intro, alignment_mode="expand")
    found = []
    for token in span or []:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "ROOT", "npadvmod", "appos"):
            found += actor_names(token, reading)
    return list(dict.fromkeys(found))


def obliged_of(obligation: Obligation, reading: Reading, doc: Doc, intro: tuple[int, int] | None) -> list[str]:
    """The parties and mediators the obligation binds (see the module's docstring)."""
    named = clause_actors(obligation, reading)
    if (named is None or not named and not obligation.subject()) and obligation.agreed_by is not None:
        agreeing = [s for s in obligation.agreed_by.children if s.dep_ in ("nsubj",)] + agents(obligation.agreed_by)
        named = [n for s in agreeing for n in actor_names(s, reading)]
    if named is None:
        named = intro_actors(doc, intro, reading) or (
            nominal_actors(obligation, reading) if obligation.head.pos_ in ("NOUN", "PROPN") else []) or list(reading.parties.names)
    allowed = set(reading.parties.names) | set(reading.parties.mediators)
    return [n for n in dict.fromkeys(named) if n in allowed]


def beneficiaries_of(tokens: list[Token], reading: Reading, excluded: list[str]) -> list[str]:
    """Parties and mediators the obligation is owed to: indirect objects ("grant the Mission
    freedom of movement") and what follows "to"/"for"."""
    found = []
    for token in tokens:
        owed = token.dep_ == "dative" or (token.dep_ == "pobj" and token.head.lower_ in ("to", "for"))
        if owed and token.pos_ != "PRON":
            found += reading.parties.resolve(noun_phrase(token)) or []
    return [n for n in dict.fromkeys(found) if n not in excluded]
