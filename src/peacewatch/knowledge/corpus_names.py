"""One spelling per name across the corpus, also for names the catalog and the gazetteer lack.

The catalog and the gazetteer give one spelling to what they know, and `ArticleActors` makes the
spellings of one article agree. A name neither knows still reaches the store as each article
spelled it ("Abdoulaye Sissoko" here, "Abdulaye Sisoko" there), and counting or joining by name
would then split one person in two. `respelled` gives such a name the spelling the corpus already
holds for it: the same transliteration skeleton, or a close fuzzy match of the same kind of name.
The first spelling stored wins; a catalog or gazetteer name is never respelled.

API for the store:
- `CorpusNames(names)`: the spellings stored so far, in the order they were stored;
- `respelled(extraction, known) -> Extraction`: the extraction with its names spelled as stored;
- `names_of(extraction) -> list[CorpusName]`: the spellings an extraction brings to the corpus.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, NamedTuple

from rapidfuzz import fuzz

from peacewatch.knowledge.actors import catalog
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.knowledge.names import fold, skeleton
from peacewatch.records import Entity, Event, Extraction, ProvisionMention, Quote

NAME_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
# A one-letter difference is a transliteration in a long name but another name in a short one
# ("Salim"/"Salih" score 80): 90 lets one edit pass only from about ten letters on.
MIN_SIMILARITY = 90
MAX_LENGTH_GAP = 2
# Cyrillic Е is written "Ye" or "E" at the start of a word: both spellings share an initial.
INITIAL_GLIDE = re.compile(r"^[iy](?=[aeiou])")


@dataclass(frozen=True)
class CorpusName:
    canonical: str
    kind: str  # person, organisation or place


class Spelling(NamedTuple):
    """A name with its comparison keys, computed once: the corpus compares each new name with many."""

    name: str
    folded: str
    key: str  # transliteration skeleton

    @classmethod
    def of(cls, name: str) -> Spelling:
        return cls(name, fold(name), skeleton(name))

    def initials(self) -> frozenset[str]:
        """The letters a spelling of this name may start with, one per way of writing its first sound."""
        return frozenset(INITIAL_GLIDE.sub("", key)[:1] for key in (self.folded, self.key))

    def similarity(self, other: Spelling) -> float:
        """How alike two spellings are, as written or once transliteration variants are merged."""
        return max(fuzz.ratio(self.folded, other.folded), fuzz.ratio(self.key, other.key))

    def surname(self) -> Spelling:
        return Spelling.of(self.name.split()[-1])


def same_surname(a: Spelling, b: Spelling) -> bool:
    """People share a given name more often than a surname: the surnames must agree on their own."""
    last_a, last_b = a.surname(), b.surname()
    return last_a.key == last_b.key or last_a.similarity(last_b) >= MIN_SIMILARITY


def close(new: Spelling, stored: Spelling, kind: str) -> bool:
    """Whether two spellings of one kind and of about one length name the same thing
    ("Brigade 41" is not "Brigade 42")."""
    if new.similarity(stored) < MIN_SIMILARITY:
        return False
    if re.findall(r"\d+", new.folded) != re.findall(r"\d+", stored.folded):
        return False
    return kind != "person" or (len(new.folded.split()) == len(stored.folded.split())
                                and same_surname(new, stored))


class CorpusNames:
    """Stored spellings, found by transliteration skeleton or, within one kind, fuzzily."""

    def __init__(self, names: Iterable[CorpusName] = ()) -> None:
        self._known: set[CorpusName] = set()
        self._by_skeleton: dict[str, list[CorpusName]] = defaultdict(list)
        self._by_initial: dict[tuple[str, str, int], list[Spelling]] = defaultdict(list)
        for name in names:
            self.add(name)

    def add(self, name: CorpusName) -> bool:
        """Record a spelling; False when it was known already."""
        if name in self._known:
            return False
        self._known.add(name)
        spelling = Spelling.of(name.canonical)
        self._by_skeleton[spelling.key].append(name)
        for letter in spelling.initials():
            self._by_initial[name.kind, letter, len(spelling.key)].append(spelling)
        return True

    def spelling(self, name: str, kind: str | None) -> str | None:
        """The first stored spelling of this name; without a kind, only an exact transliteration."""
        new = Spelling.of(name)
        same = [n for n in self._by_skeleton.get(new.key, ()) if kind in (None, n.kind)]
        if same or kind is None:
            return same[0].canonical if same else None
        lengths = range(len(new.key) - MAX_LENGTH_GAP, len(new.key) + MAX_LENGTH_GAP + 1)
        candidates = {s for letter in new.initials() for length in lengths
                      for s in self._by_initial.get((kind, letter, length), ())}
        matches = [s for s in candidates if close(new, s, kind)]
        best = max(matches, key=lambda s: (new.similarity(s), s.name), default=None)
        return best.name if best else None


def is_authority_name(name: str, places: frozenset[str]) -> bool:
    """A catalog canonical or a gazetteer name: a spelling chosen on purpose, kept as it is."""
    return (name in catalog().by_canonical or name in places
            or any(entry.name == name for entry in gazetteer().lookup(name)))


class ArticleSpellings:
    """The corpus spelling of each name of one article; a name new to the corpus keeps its own,
    and a later variant of it in the same article follows it."""

    def __init__(self, known: CorpusNames, places: frozenset[str]) -> None:
        self._known = known
        self._new = CorpusNames()
        self._places = places
        self._chosen: dict[tuple[str, str | None], str] = {}

    def of(self, name: str, kind: str | None) -> str:
        if (name, kind) not in self._chosen:
            self._chosen[name, kind] = self._choose(name, kind)
        return self._chosen[name, kind]

    def _choose(self, name: str, kind: str | None) -> str:
        stored = self._known.spelling(name, kind) or self._new.spelling(name, kind)
        if stored is None or stored == name:
            if kind is not None:
                self._new.add(CorpusName(name, kind))
            return name
        return name if is_authority_name(name, self._places) else stored


def respelled(extraction: Extraction, known: CorpusNames) -> Extraction:
    """The extraction with each name the catalog and gazetteer lack spelled as the corpus spells it:
    entities, quote speakers, event actors and provision parties. Places keep their gazetteer names."""
    spellings = ArticleSpellings(known, frozenset(p.name for p in extraction.places))
    kinds = {e.canonical: NAME_KINDS.get(e.label) for e in extraction.entities}

    def spell(name: str, default_kind: str | None = None) -> str:
        return spellings.of(name, kinds.get(name, default_kind))

    return extraction.model_copy(update={
        "entities": [_entity(e, spellings) for e in extraction.entities],
        "quotes": [_quote(q, spell) for q in extraction.quotes],
        "events": [_event(e, spell) for e in extraction.events],
        "provisions": [_provision(p, spell) for p in extraction.provisions],
    })


def _entity(entity: Entity, spellings: ArticleSpellings) -> Entity:
    kind = NAME_KINDS.get(entity.label)
    return entity.model_copy(update={"canonical": spellings.of(entity.canonical, kind)}) if kind else entity


def _quote(quote: Quote, spell: Callable[..., str]) -> Quote:
    return quote.model_copy(update={"speaker": spell(quote.speaker, "person")}) if quote.speaker else quote


def _event(event: Event, spell: Callable[[str], str]) -> Event:
    return event.model_copy(update={
        "actor1": spell(event.actor1) if event.actor1 else None,
        "actor2": spell(event.actor2) if event.actor2 else None,
        "actors": [spell(a) for a in event.actors],
    })


def _provision(provision: ProvisionMention, spell: Callable[[str], str]) -> ProvisionMention:
    return provision.model_copy(update={
        "parties": [spell(p) for p in provision.parties],
        "beneficiaries": [spell(b) for b in provision.beneficiaries],
    })


def names_of(extraction: Extraction) -> list[CorpusName]:
    """The spellings an (already respelled) extraction uses, in order, each with its kind."""
    found = [CorpusName(e.canonical, NAME_KINDS[e.label]) for e in extraction.entities if e.label in NAME_KINDS]
    named = {e.canonical for e in extraction.entities}
    found += [CorpusName(q.speaker, "person") for q in extraction.quotes if q.speaker and q.speaker not in named]
    found += [CorpusName(p.name, "place") for p in extraction.places]
    return list(dict.fromkeys(found))
