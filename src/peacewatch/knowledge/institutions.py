"""The institution catalog: one speaker name for a state's ministries, forces, police and government.

News names a body in passing ("the health ministry said", "the military said", "Mali's defence
ministry"), and the same body is one speaker however it is worded. A state body's name is built
from the state's demonym (institutions.yaml): `<Demonym> Ministry of <Portfolio>`, `<Demonym>
Armed Forces`, `<Demonym> Police`; a government is the state itself. Bodies whose own name does
not follow the pattern (Israel Defense Forces) and international bodies are listed with their
aliases. What the catalog lacks still gets a name: the words of the phrase, title-cased, with
the state the context gives.

API: `body_name(words, country) -> str | None` for a phrase that names or describes a body;
`description_kind(noun) -> str | None` for the nouns that stand for a body ("the ministry");
`state_body(kind, country, portfolio=None) -> str | None`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from peacewatch.knowledge.actors import catalog
from peacewatch.knowledge.countries import countries
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.knowledge.names import fold

STATE_KINDS = frozenset({"ministry", "armed_force", "police", "government"})
FILLER = frozenset({"the", "of", "for", "and", "s", "national", "federal", "state"})


@dataclass(frozen=True)
class Body:
    canonical: str
    kind: str
    country: str | None = None


@functools.lru_cache(maxsize=1)
def listed_bodies() -> dict[str, Body]:
    """Listed bodies by folded name and alias."""
    found: dict[str, Body] = {}
    for record in lexicon("institutions")["bodies"]:
        body = Body(record["canonical"], record["kind"], record.get("country"))
        for name in (body.canonical, *record.get("aliases", ())):
            found.setdefault(fold(name), body)
    return found


@functools.lru_cache(maxsize=1)
def portfolio_words() -> dict[str, str]:
    """Folded field words ("foreign affairs") -> the portfolio in a ministry's name."""
    return {fold(word): portfolio for portfolio, words in lexicon("institutions")["portfolios"].items()
            for word in words}


def demonym(country: str | None) -> str | None:
    return lexicon("institutions")["demonyms"].get(country or "")


def description_kind(noun: str) -> str | None:
    """The kind of body a common noun stands for ("ministry" -> ministry, "army" -> armed_force)."""
    return lexicon("institutions")["descriptions"].get(fold(noun))


def state_body(kind: str, country: str | None, portfolio: str | None = None) -> str | None:
    """The name of a state's body of this kind, when the state is known."""
    if country is None or country not in countries():
        return None
    if kind == "government":
        return countries()[country].name
    listed = [b for b in listed_bodies().values() if b.kind == kind and b.country == country]
    if listed and kind == "armed_force":
        return listed[0].canonical
    adjective = demonym(country) or countries()[country].name
    if kind == "ministry":
        return f"{adjective} Ministry of {portfolio}" if portfolio else None
    return {"armed_force": f"{adjective} Armed Forces", "police": f"{adjective} Police"}.get(kind)


def country_of_word(word: str) -> str | None:
    """The state a word names or qualifies ("Malian", "Mali", "Bamako")."""
    actor = catalog().find(word)
    return actor.country if actor is not None and actor.kind == "state" else None


def portfolio_in(words: list[str]) -> str | None:
    """The portfolio a phrase's words give ("foreign", "foreign affairs", "health")."""
    folded = [fold(w) for w in words]
    for size in (3, 2, 1):
        for i in range(len(folded) - size + 1):
            portfolio = portfolio_words().get(" ".join(folded[i:i + size]))
            if portfolio:
                return portfolio
    return None


def kind_in(words: list[str]) -> str | None:
    """The kind of body a phrase's head words name ("defence ministry", "armed forces")."""
    folded = [fold(w) for w in words]
    for size in (2, 1):
        for i in range(len(folded) - size, -1, -1):
            kind = description_kind(" ".join(folded[i:i + size]))
            if kind:
                return kind
    return None


def body_name(words: list[str], country: str | None) -> str | None:
    """The speaker name of a phrase that names or describes a body: a listed body by its alias,
    a state body built from its kind and state (a state the phrase names wins over the context's
    `country`), else None (the caller keeps the words the text gives)."""
    words = [w for w in words if fold(w)]
    listed = listed_bodies().get(fold(" ".join(words)))
    if listed is not None:
        return listed.canonical
    named = next((c for c in map(country_of_word, words) if c), None)
    kind = kind_in(words)
    if kind not in STATE_KINDS:
        return None
    rest = [w for w in words if not country_of_word(w) and fold(w) not in FILLER]
    listed = listed_bodies().get(fold(" ".join(rest)))
    if listed is not None and listed.kind == kind:
        return listed.canonical
    return state_body(kind, named or country, portfolio_in(rest) if kind == "ministry" else None)
