"""The attributes ACLED's tables carry beyond type, date, place and actors, derived as ACLED does.

- `inter` codes (1 state forces … 8 external/other forces) from the actor catalog; for a name it
  lacks, from the words of the name (acled.yaml: "protesters" 6, "rebels" 2, a country's "army" 1);
  `interaction` joins the two codes, smaller first (12), or the one code and 0 (60);
- `disorder_type` from the event type: excessive force against protesters is both political
  violence and a demonstration, a violent demonstration is a demonstration, mob violence political
  violence (ACLED's rule);
- the place's first-level region (`admin1`: by its GeoNames region code, else the region whose
  centre is nearest, an approximation near borders) and `geo_precision` (1 a town, 2 a district or a
  feature, 3 a region or a country) from the gazetteer;
- `source_scale`: National for an outlet of the event's country, International for a wire service,
  a broadcaster or a foreign outlet, Other for outlets acled.yaml does not know.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, NamedTuple, Optional

from peacewatch.events.merge import distance_km
from peacewatch.knowledge.actors import actor_info, catalog
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.gazetteer import GazetteerEntry, gazetteer, region_entries, us_state_entries
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.knowledge.names import fold

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
    "Violent demonstration": DEMONSTRATIONS,
    "Mob violence": POLITICAL_VIOLENCE,
}
DISORDER_BY_TYPE = {
    "Battles": POLITICAL_VIOLENCE, "Explosions/Remote violence": POLITICAL_VIOLENCE,
    "Violence against civilians": POLITICAL_VIOLENCE, "Protests": DEMONSTRATIONS,
    "Riots": DEMONSTRATIONS, "Strategic developments": "Strategic developments",
}
CIVILIANS = 7
GEO_PRECISION = {"city": 1, "district": 2, "feature": 2, "region": 3, "country": 3}
SAME_PLACE_DEGREES = 0.01


def disorder_type(event_type: str, sub_event_type: str) -> str | None:
    return DISORDER_BY_SUB_TYPE.get(sub_event_type) or DISORDER_BY_TYPE.get(event_type)


def civilian_targeting(event_type: str, inter2: int | None) -> str:
    """ACLED marks political violence aimed at civilians, whatever its type."""
    aimed = event_type == "Violence against civilians" or (
        inter2 == CIVILIANS and DISORDER_BY_TYPE.get(event_type) == POLITICAL_VIOLENCE)
    return "Civilian targeting" if aimed else ""


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


@functools.lru_cache(maxsize=None)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(fold(w)) for w in words) + r")\b")


def inter_code(actor: str | None) -> int | None:
    """ACLED's actor type: a group's kind from its name's words, else the catalog's code, else a
    country's forces ("Army of Chad", "Nigerien police") are state forces; unknown is None."""
    if not actor:
        return None
    key = fold(actor)
    data = lexicon("acled")
    for group in data["inter_words"]:
        if _word_pattern(tuple(group["words"])).search(key):
            return group["inter"]
    known = actor_info(actor)
    if known and known.inter is not None:
        return known.inter
    if _word_pattern(tuple(data["state_force_words"])).search(key) and _names_a_state(actor):
        return 1
    return None


def _names_a_state(name: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    phrases = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1)]
    return any(names_a_country(p) or catalog().state_of_adjective(p) for p in phrases)


class PlaceCodes(NamedTuple):
    country: Optional[str]
    admin1: Optional[str]
    geo_precision: Optional[int]


@functools.lru_cache(maxsize=1)
def first_level_regions() -> list[GazetteerEntry]:
    return [entry for entry, _ in (*region_entries(set()), *us_state_entries())]


@functools.lru_cache(maxsize=1)
def admin1_names() -> dict[tuple[str | None, str], str]:
    """First-level region names by (country, GeoNames region code)."""
    return {(entry.country, entry.admin1): entry.name for entry in first_level_regions() if entry.admin1}


def nearest_region(entry: GazetteerEntry) -> str | None:
    regions = [r for r in first_level_regions() if r.country == entry.country]
    nearest = min(regions, key=lambda r: distance_km((r.lat, r.lon), (entry.lat, entry.lon)), default=None)
    return nearest.name if nearest else None


def place_codes(location: str | None, latitude: float | None, longitude: float | None) -> PlaceCodes:
    """Country, first-level region and ACLED geo precision of an event's place."""
    if not location:
        return PlaceCodes(None, None, None)
    entries = [e for e in gazetteer().candidates(location) if _at(e, latitude, longitude)]
    entry = entries[0] if entries else gazetteer().best(location)
    if entry is None:
        return PlaceCodes(None, None, None)
    coded = next((e.admin1 for e in entries if e.admin1), entry.admin1)
    if entry.kind == "region":
        admin1 = entry.name
    elif entry.kind == "country":
        admin1 = None
    else:
        admin1 = admin1_names().get((entry.country, coded or "")) or nearest_region(entry)
    return PlaceCodes(entry.country, admin1, GEO_PRECISION.get(entry.kind))


def _at(entry: GazetteerEntry, latitude: float | None, longitude: float | None) -> bool:
    if latitude is None or longitude is None:
        return False
    return abs(entry.lat - latitude) < SAME_PLACE_DEGREES and abs(entry.lon - longitude) < SAME_PLACE_DEGREES


@functools.lru_cache(maxsize=1)
def _outlet_homes() -> dict[str, str | None]:
    """Folded outlet name -> its home country (None for outlets whose reach is the world)."""
    data = lexicon("acled")
    homes: dict[str, str | None] = {fold(o): None for o in data["international_outlets"]}
    for iso, outlets in data["national_outlets"].items():
        homes.update({fold(o): iso for o in outlets})
    return homes


def source_scale(outlets: Iterable[str], country: str | None) -> str:
    """The scales of an event's sources, joined ACLED's way ("National-International")."""
    scales = []
    for outlet in outlets:
        key = fold(outlet)
        if key not in _outlet_homes():
            scales.append("Other")
        else:
            home = _outlet_homes()[key]
            scales.append("National" if home and home == country else "International")
    order = ("National", "International", "Other")
    return "-".join(s for s in order if s in scales)
