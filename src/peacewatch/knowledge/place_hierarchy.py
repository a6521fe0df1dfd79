"""Which places lie inside which: a town inside a region inside a country.

Two sources. GeoNames gives every place its country and every town its first-level region
(admin1), so "Goma lies in North Kivu, which lies in DR Congo" needs no data of ours when the
region is GeoNames' own. Regions that GeoNames does not hold that way (a disputed enclave, a
former province, a zone a truce defines, or a curated region that replaced GeoNames' entry) list
their towns in places.yaml under `contains`; a listed name stands for the gazetteer's places in
the region's country that go by that name or a transliteration of it ("Sloviansk" for Slovyansk), and a
listed region's own towns are inside too. Tracking uses this to carry a change of control over a
region to the towns in it.
"""
from __future__ import annotations

import functools
from collections import defaultdict

from peacewatch.knowledge.gazetteer import GazetteerEntry, gazetteer
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.knowledge.names import fold

DEPTH = 4  # curated regions nest this deep at most (a town, a district, a region, a zone)


def member_keys(member: str, country: str | None) -> set[str]:
    """The folded names a listed member goes by in the gazetteer: the names of the places in the
    region's country that bear it as a name, an alternate name or a transliteration of one
    ("Geneina" is GeoNames' Al-Junaynah)."""
    return {fold(member)} | {fold(entry.name) for entry in gazetteer().candidates(member) if entry.country == country}


@functools.lru_cache(maxsize=1)
def curated_parents() -> dict[str, tuple[str, ...]]:
    """Folded place name -> the curated regions that list it under `contains`."""
    parents: dict[str, list[str]] = defaultdict(list)
    for region in lexicon("places")["places"]:
        for member in region.get("contains", ()):
            for key in member_keys(member, region.get("country")):
                parents[key].append(region["name"])
    return {key: tuple(regions) for key, regions in parents.items()}


def in_geonames_region(place: GazetteerEntry, region: GazetteerEntry) -> bool:
    if region.kind == "country":
        return place.country == region.country and place.kind != "country"
    return (region.kind == "region" and region.admin1 is not None and place.kind not in ("country", "region")
            and place.admin1 == region.admin1 and place.country == region.country)


@functools.lru_cache(maxsize=8192)
def lies_within(place: str, region: str) -> bool:
    """Whether the place named `place` lies inside the one named `region` (not the same place)."""
    wanted = fold(region)
    if fold(place) == wanted:
        return False
    frontier, seen = [place], set()
    for _ in range(DEPTH):
        parents = [p for name in frontier for p in curated_parents().get(fold(name), ())]
        if any(fold(p) == wanted for p in parents):
            return True
        seen.update(fold(n) for n in frontier)
        frontier = [p for p in parents if fold(p) not in seen]
    inner, outer = gazetteer().best(place), gazetteer().best(region)
    return bool(inner and outer and inner != outer and in_geonames_region(inner, outer))
