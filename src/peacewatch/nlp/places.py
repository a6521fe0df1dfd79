"""The `places` stage: named places with coordinates, from entities and the gazetteer.

Where: every GPE/LOC/FAC entity the gazetteer can place; inside other entities ("Sudan's
Darfur" tagged ORG) a place only when the rest of the entity is connective ("'s", "and"), so
"Somalia 24" or "Sinai Province Army" yield nothing; and in untagged text, capitalised proper-noun
sequences that name a prominent place (a country, a curated region, a town of some size), so
that a sentence-initial "March" or a hamlet called "Of" are not taken for places. A smaller town
counts where the article shows it is a place: the sentence's syntax ("near X", "the outskirts of
X", "fled to X"; place_syntax.py), a region or country after it ("X, Region"), or, for a name
inside an entity tagged ORG or PERSON, another mention of it tagged as a place. Names of
people, dates and numbers are never places, nor are adjectives ("Malian").

Which: a name qualified by the next one ("Paris, Texas", "Springfield, Ill.", "Victoria, Canada")
keeps only the candidates inside the qualifier. An ambiguous name then goes to a country if one
bears it (unless a region of a country in the article's context bears it too: "Georgia" among
American towns is the state), else to a candidate in a region the article names, then in a country
the article names or that its unambiguous places lie in, then to a sizeable town over its
namesake region ("Kassala"; the region is "Kassala State"), then to regions and big cities over
towns, to a town bearing the name as its own over one having it as an alternate, then near the
places already placed without doubt, then to capitals and larger populations.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from peacewatch.knowledge.actors import catalog
from peacewatch.knowledge.countries import countries
from peacewatch.knowledge.gazetteer import (MAJOR_CITY_POPULATION, PROMINENT_MIN_POPULATION, GazetteerEntry, gazetteer,
                                             qualifying_places)
from peacewatch.knowledge.names import fold
from peacewatch.nlp.entities import PLACE_LABELS, trimmed
from peacewatch.nlp.place_syntax import GEO_WORDS, placed_by_syntax
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Entity, Place

MAX_NAME_TOKENS = 6
# A country is the article's focus when this many of its place names, and this share, point there.
FOCUS_MIN_NAMES = 3
FOCUS_SHARE = 0.5
CONNECTIVES = frozenset({"'s", "’s", "'", "’", "and", "&", ",", "/", "-", "of", "the", "in", "(", ")", "“", "”", '"'})
NAME_PARTICLES = frozenset({"of", "and", "the", "al", "el", "de", "du", "la", "le", "-", "/", "'", "’"})
NUMBER_AFTER = re.compile(r" \d")
GENERIC_WORD_AFTER = re.compile(r" ([a-z]+)\b")
WORD_AFTER = re.compile(r" \w+")
# A wire dateline: capitalised place names opening a paragraph, before a comma, a date or a dash
# ("GOMA, July 3", "ADEN/SANAA, April 2", "KYIV (Wire) -").
DATELINE = re.compile(r"^([A-Z][A-Z'’. -]*[A-Z])((?:/[A-Z][A-Z'’. -]*[A-Z])*)(?=,| \(| [—–-])", re.MULTILINE)
# What separates a town from the region or country that qualifies it: "Paris, Texas", "Goma (DRC)".
QUALIFIER_GAP = re.compile(r", ?| \(")
# A state abbreviation after a town's comma: "Springfield, Ill.", "Austin, TX", "Wheeling, W. Va.".
ABBREVIATION_AFTER = re.compile(r", ?((?:[A-Z][a-z]{0,4}\.|[A-Z]\.)(?: ?[A-Z][a-z]?\.)?|[A-Z]{2}\b)")
NOT_PLACE_LABELS = frozenset({"PERSON", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# Capitalised words before a place name that locate within it rather than begin another name.
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                             "northeast", "northwest", "southeast", "southwest", "central", "upper", "lower",
                             "greater", "downtown", "new", "old"})


@dataclass
class PlaceMention:
    start: int
    end: int
    candidates: list[GazetteerEntry]
    chosen: GazetteerEntry | None = None
    qualified: bool = False


@dataclass
class Context:
    """Where the article is: the countries and first-level regions (country, code) it is about."""
    countries: set[str] = field(default_factory=set)
    regions: set[tuple[str, str]] = field(default_factory=set)

    def next_door(self) -> set[str]:
        """The countries bordering the article's own: news of a war names the places across its
        borders ("Gaza" beside Israel and Egypt is no region of Mozambique)."""
        table = countries()
        return {n for c in self.countries if c in table for n in table[c].neighbours} - self.countries


def names_something_else(text: str, start: int, end: int) -> bool:
    """A place name followed by a number ("Somalia 24") or by a word that makes it the name of a
    known organisation ("Geneva Group") is part of that other name."""
    if NUMBER_AFTER.match(text, end):
        return True
    following = WORD_AFTER.match(text, end)
    actor = catalog().named(text[start:following.end()]) if following else None
    return actor is not None and actor.kind != "state"


def by_own_name(places: list[GazetteerEntry], name: str) -> list[GazetteerEntry]:
    """Places that bear this name as their own or a curated one: a town's alternate names in
    geonames are too noisy (common words among them) to be trusted without spaCy calling it a place."""
    key = fold(name)
    return [p for p in without_acronym_towns(places, name) if p.kind != "city" or p.curated or fold(p.name) == key]


def without_acronym_towns(places: list[GazetteerEntry], name: str) -> list[GazetteerEntry]:
    """An all-capitals name ("UN", "AU", "RSF") is an organisation's acronym, not a small town
    that happens to be spelt the same; countries ("US") and curated places still count."""
    if not (name.isupper() and name.isalpha()):
        return places
    return [p for p in places if p.kind != "city" or p.curated]


def generic_word_end(text: str, end: int) -> int:
    """The end of a place name extended over a following generic word ("Kidal region")."""
    found = GENERIC_WORD_AFTER.match(text, end)
    return found.end() if found and found.group(1).lower() in GEO_WORDS else end


def is_adjective(name: str) -> bool:
    """Demonyms and adjectives ("Yemeni", "Ukrainians") name people, not places."""
    return catalog().state_of_adjective(name) is not None and not gazetteer().lookup(name)


def entity_candidates(name: str) -> list[GazetteerEntry]:
    """Places for an entity's text: as written, each half of "A/B", or without a generic word."""
    found = without_acronym_towns(gazetteer().candidates(name), name)
    if found or is_adjective(name):
        return found
    for part in name.split("/"):
        if part != name and (found := gazetteer().candidates(part.strip())):
            return found
    words = name.split()
    if len(words) > 1 and words[-1].lower() in GEO_WORDS:
        return gazetteer().candidates(" ".join(words[:-1]))
    return []


def name_shaped(tokens: Doc) -> bool:
    """A run of tokens that could be a written place name: capitalised words, particles, and
    a final generic word ("Gaza Strip", "Philadelphi corridor", "Republic of Congo")."""
    first, last = tokens[0], tokens[-1]
    if not first.text[:1].isupper() or not (last.text[:1].isupper() or last.lower_ in GEO_WORDS):
        return False
    return all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or t.lower_ in GEO_WORDS for t in tokens)


def gazetteer_runs(doc: Doc, start: int, end: int) -> list[tuple[int, int, list[GazetteerEntry]]]:
    """Longest gazetteer names among the tokens [start, end), left to right."""
    runs = []
    i = start
    while i < end:
        if not doc[i].text[:1].isupper():
            i += 1
            continue
        for j in range(min(end, i + MAX_NAME_TOKENS), i, -1):
            span = doc[i:j]
            found = gazetteer().lookup(span.text) if name_shaped(span) else []
            if found:
                runs.append((i, j, found))
                i = j
                break
        else:
            i += 1
    return runs


def stands_alone(place: GazetteerEntry) -> bool:
    """A place whose name means it even as part of a longer name or when spelt like an ordinary
    word: a country, a region, a curated place, a big city ("Ohio Department of Health")."""
    return place.broad or place.curated or place.population >= MAJOR_CITY_POPULATION


def in_longer_name(doc: Doc, i: int) -> bool:
    """The token continues a name begun by the proper noun before it ("New London Police",
    "Elkview Court", "Supreme Court"): a word of another name, not a town of its own."""
    before = doc[i - 1] if i > 0 else None
    return (before is not None and before.is_alpha and before.text[:1].isupper() and not before.is_sent_start
            and before.pos_ == "PROPN" and before.lower_ not in DIRECTION_WORDS)


def sure_readings(doc: Doc, i: int, j: int, places: list[GazetteerEntry], ordinary: set[str]) -> list[GazetteerEntry]:
    """The places a capitalised name may denote as it stands: inside a longer name, or when it is
    a word the article also writes in lower case ("police", "union", "court"), only those that
    stand alone; a town of that name is then the ordinary word."""
    doubtful = in_longer_name(doc, i) or (j - i == 1 and doc[i].lower_ in ordinary)
    return [p for p in places if stands_alone(p)] if doubtful else places


def ordinary_words(doc: Doc) -> set[str]:
    """The words the article writes in lower case."""
    return {t.lower_ for t in doc if t.is_lower and t.is_alpha}


def free_text_place(doc: Doc, i: int, j: int, found: list[GazetteerEntry], ordinary: set[str]) -> list[GazetteerEntry]:
    """Candidates of a name spaCy did not tag, kept only if the name is a proper noun of a
    prominent place, or of any town where the sentence's syntax places it ("fled to X"): a lone
    capitalised word at a sentence start may be an ordinary word, and a village's name standing
    anywhere is as often a surname or a school's."""
    placed = all(t.pos_ == "PROPN" for t in doc[i:j]) and placed_by_syntax(doc, i, j)
    prominent = sure_readings(doc, i, j, readings(doc[i:j].text, found, placed, in_entity=False), ordinary)
    if not prominent or is_adjective(doc[i:j].text):
        return []
    if j - i == 1 and doc[i].pos_ != "PROPN" and not any(p.kind == "country" for p in prominent):
        return []
    return prominent


def readings(name: str, found: list[GazetteerEntry], placed: bool, in_entity: bool) -> list[GazetteerEntry]:
    """The places a name spaCy did not call a place may denote: prominent ones (inside another
    entity, which vouches that it is a name, regions too), or any of its own when the article
    shows the name to be a place."""
    own = by_own_name(found, name)
    return own if placed else [p for p in own if p.prominent or (in_entity and p.broad)]


def inner_places(doc: Doc, ent: Entity, ordinary: set[str], placed: set[str]) -> list[PlaceMention]:
    """Places inside an entity not placed whole (an organisation, or "Stockport, England" tagged
    as one place), kept when the rest of it only connects them and each is a prominent place or
    one the article shows to be a place ("Supreme Court" is no pair of hamlets)."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None:
        return []
    runs = gazetteer_runs(doc, span.start, span.end)
    covered = {k for i, j, _ in runs for k in range(i, j)}
    rest = [t for t in span if t.i not in covered]
    if not runs or any(t.lower_ not in CONNECTIVES for t in rest):
        return []
    mentions = []
    for i, j, found in runs:
        name = doc[i:j].text
        kept = sure_readings(doc, i, j, readings(name, found, fold(name) in placed, in_entity=True), ordinary)
        mentions.append(PlaceMention(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), kept))
    return [m for m in mentions if m.candidates]


def placed_names(document: Document, people: set[str]) -> set[str]:
    """Names the article shows to be places, folded: those spaCy tags as places, and the town
    names inside other entities that the syntax places ("near X", "the outskirts of X", "X,
    Region"; nlp/place_syntax.py). One mention settles every other: a town tagged ORG in one
    sentence is the town another sentence places."""
    doc, names = document.parse, set()
    for ent in document.mentions.get("entities", []):
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if ent.label in PLACE_LABELS:
            names.add(fold(ent.text))
        elif span is not None and fold(ent.text) not in people:
            names |= {fold(doc[i:j].text) for i, j, found in gazetteer_runs(doc, span.start, span.end)
                      if placed_by_syntax(doc, i, j) or qualified_by_next(doc, j, found)}
    return names


def qualified_by_next(doc: Doc, j: int, found: list[GazetteerEntry]) -> bool:
    """ "X, Region" or "X (Country)" where one of X's readings lies in the region or country."""
    if j + 1 >= len(doc) or doc[j].text not in (",", "("):
        return False
    after = gazetteer_runs(doc, j + 1, min(len(doc), j + 1 + MAX_NAME_TOKENS))
    if not after or after[0][0] != j + 1:
        return False
    regions = qualifying_places(doc[j + 1:after[0][1]].text)
    return any(inside(p, q) for p in found for q in regions)


def person_named(span, found: list[GazetteerEntry], people: set[str]) -> bool:
    """A word of a person's name in the article ("Flores" after "Maria Flores") is a town only if
    the town stands alone: the entities stage may have relabelled it a place because some town
    bears the name."""
    return span is not None and fold(span.text) in people and not any(stands_alone(p) for p in found)


def entity_mentions(document: Document, people: set[str], ordinary: set[str],
                    placed: set[str]) -> tuple[list[PlaceMention], set[int]]:
    """Places among the entities, and the tokens that entities cover (not to be scanned again).
    A person's name is a place only where the article shows it is one and no one bears it
    ("near Bentiu" tagged PERSON)."""
    doc, mentions, covered = document.parse, [], set()
    for ent in document.mentions.get("entities", []):
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        covered.update(range(span.start, span.end) if span is not None else ())
        if names_something_else(document.text, ent.start, ent.end):
            continue
        if ent.label in PLACE_LABELS:
            end = generic_word_end(document.text, ent.end)
            found = entity_candidates(document.text[ent.start:end])
            if found and person_named(span, found, people):
                continue
            mentions += [PlaceMention(ent.start, end, found)] if found else inner_places(doc, ent, ordinary, placed)
        elif ent.label != "PERSON" or (fold(ent.text) in placed and fold(ent.text) not in people):
            mentions += inner_places(doc, ent, ordinary, placed)
    for ent in doc.ents:
        if ent.label_ in NOT_PLACE_LABELS:
            covered.update(range(ent.start, ent.end))
    return mentions, covered


def people_words(document: Document) -> set[str]:
    """Every word of the article's full person names: "Florence" after "Florence Mumba" is her. A
    lone word the recognizer calls a person ("the town of Bentiu") proves no one bears it."""
    return {fold(w) for e in document.mentions.get("entities", []) if e.label == "PERSON" and len(e.text.split()) > 1
            for w in e.text.split()}


def text_mentions(doc: Doc, covered: set[int], people: set[str], ordinary: set[str]) -> list[PlaceMention]:
    """Places in stretches no entity covers."""
    text, mentions, i = doc.text, [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in covered:
            j += 1
        for a, b, found in gazetteer_runs(doc, i, j):
            start, end = trimmed(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
            if fold(text[start:end]) in people or names_something_else(text, start, end):
                continue
            if kept := free_text_place(doc, a, b, found, ordinary):
                mentions.append(PlaceMention(start, end, kept))
        i = j + 1
    return mentions


def km(a: GazetteerEntry, b: GazetteerEntry) -> float:
    """Great-circle distance."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def inside(place: GazetteerEntry, region: GazetteerEntry) -> bool:
    """A town or district lying in a country or first-level region."""
    return (place is not region and place.kind not in ("country", "region") and place.country == region.country
            and (region.kind == "country" or region.admin1 is None or region.admin1 == place.admin1))


def narrowed(mention: PlaceMention, qualifiers: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Keep the mention's candidates lying inside one of the qualifiers; return the qualifiers used."""
    kept = [p for p in mention.candidates if any(inside(p, q) for q in qualifiers)]
    if kept:
        mention.candidates, mention.qualified = kept, True
    return [q for q in qualifiers if any(inside(p, q) for p in kept)]


def qualified(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Narrow each "Town, Region" pair to the town inside the region (and the region to the one
    that holds such a town); return the state abbreviations that qualified a town, as places."""
    abbreviations = []
    for i, mention in enumerate(mentions):
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if after is not None and QUALIFIER_GAP.fullmatch(text[mention.end:after.start]):
            if used := narrowed(mention, qualifying_places(text[after.start:after.end])):
                after.candidates, after.qualified = used, True
        elif (found := ABBREVIATION_AFTER.match(text, mention.end)) and (after is None or after.start >= found.end()):
            if used := narrowed(mention, qualifying_places(found.group(1))):
                abbreviations.append(PlaceMention(found.start(1), found.end(1), used, qualified=True))
    return abbreviations


def article_context(document: Document, mentions: list[PlaceMention]) -> Context:
    """Countries the article names (as places or through adjectives: "Malian troops") or whose
    places it names without ambiguity, and the regions it names or qualifies towns with. A name
    both a country's and a region's ("Georgia") is evidence of neither."""
    context = Context()
    for mention in mentions:
        kinds = {p.kind for p in mention.candidates}
        if "country" in kinds and "region" in kinds:
            continue
        within = {p.country for p in mention.candidates}
        context.countries |= {p.country for p in mention.candidates if p.kind == "country" and p.country}
        prominent = any(p.prominent or p.broad for p in mention.candidates)  # a hamlet's name is weak evidence
        context.countries |= {c for c in within if c} if len(within) == 1 and prominent else set()
        regions = {(p.country, p.admin1) for p in mention.candidates}
        named_region = mention.qualified or kinds == {"region"}  # "Washington" may be a city: no evidence
        context.regions |= regions if len(regions) == 1 and named_region and None not in regions else set()
    for ent in document.mentions.get("entities", []):
        if ent.label != "NORP":  # a city's entity names its state too ("Tripoli" -> Libya): not evidence
            continue
        actor = catalog().by_canonical.get(ent.canonical)
        if actor is not None and actor.kind == "state" and actor.country:
            context.countries.add(actor.country)
    context.countries |= focus_country(mentions, document.text)
    return context


def focus_country(mentions: list[PlaceMention], text: str) -> set[str]:
    """The country most of the article's place names point to, each name sharing one vote among
    the countries of its larger readings: local news names its own towns ("Columbus", "Dublin",
    "Paris" among a county's towns) and rarely its country. Empty unless one country has a clear
    majority of at least FOCUS_MIN_NAMES names."""
    votes: Counter[str] = Counter()
    for key, candidates in {fold(text[m.start:m.end]): m.candidates for m in mentions}.items():
        countries = {p.country for p in candidates if p.country and (p.prominent or p.broad)}
        for country in countries:
            votes[country] += 1 / len(countries)
    if not votes:
        return set()
    country, weight = votes.most_common(1)[0]
    return {country} if weight >= FOCUS_MIN_NAMES and weight >= FOCUS_SHARE * sum(votes.values()) else set()


def towns_named(candidates: list[GazetteerEntry], key: str) -> set[str | None]:
    """Countries with a sizeable town of this name (its own, or a big city's alternate): there a
    bare name means the town ("Kassala"), its region being written "Kassala State"."""
    return {p.country for p in candidates if p.kind == "city" and p.population >= PROMINENT_MIN_POPULATION
            and (fold(p.name) == key or p.population >= MAJOR_CITY_POPULATION)}


class Neighbourhood:
    """How many of the article's other place names could lie near a candidate: local news names
    a town with its county and the next towns ("Paris" beside "Henry County" is Paris, Tennessee),
    and the reading that puts the article's names close together is the likeliest. Candidates are
    binned in cells of a degree, so a candidate's neighbours are the names with a candidate in
    its cell or the eight around it (100-300 km); countries, whose centres say nothing of their
    towns, neither count nor are counted."""

    def __init__(self, mentions: list[PlaceMention], text: str) -> None:
        self._names_in_cell: dict[tuple[int, int], set[str]] = {}
        for mention in mentions:
            name = fold(text[mention.start:mention.end])
            for place in mention.candidates:
                if place.kind != "country":
                    self._names_in_cell.setdefault(cell(place), set()).add(name)
        self._support: dict[tuple[int, str], int] = {}

    def support(self, place: GazetteerEntry, name: str) -> int:
        """The number of other names with a candidate around this one."""
        key = (id(place), name)
        if key not in self._support:
            if place.kind == "country":
                self._support[key] = 0
            else:
                lat, lon = cell(place)
                near = set().union(*(self._names_in_cell.get((lat + a, lon + b), ()) for a in (-1, 0, 1)
                                     for b in (-1, 0, 1)))
                self._support[key] = len(near - {name})
        return self._support[key]


def cell(place: GazetteerEntry) -> tuple[int, int]:
    return math.floor(place.lat), math.floor(place.lon)


def choose(mentions: list[PlaceMention], context: Context, text: str) -> None:
    """Pick each mention's place, with the article's other names as neighbours for the others;
    then once more, letting a region rival a country of the same name when the towns chosen lie
    in it ("Georgia" beside Atlanta and Savannah is the state)."""
    neighbourhood = Neighbourhood(mentions, text)
    next_door = context.next_door()

    def ranking(mention: PlaceMention, settled: set[tuple[str | None, str | None]]):
        key = fold(text[mention.start:mention.end])
        rival_region = any(p.kind == "region" and (p.country, p.admin1) in settled for p in mention.candidates)
        towns = towns_named(mention.candidates, key)

        def rank(place: GazetteerEntry) -> tuple:
            broad = place.broad or place.curated or place.population >= MAJOR_CITY_POPULATION
            own_name = broad or fold(place.name) == key  # a big city's alternate names are its own too
            country_first = place.kind == "country" and (place.country in context.countries or not rival_region)
            shadowed = place.kind == "region" and place.country in towns
            return (country_first, (place.country, place.admin1) in context.regions, place.country in context.countries,
                    place.country in next_door, not shadowed, broad, own_name, neighbourhood.support(place, key),
                    place.capital, place.population)
        return rank

    for settled in (set(), None):
        if settled is None:
            settled = context.regions | {(m.chosen.country, m.chosen.admin1) for m in mentions if m.chosen.kind == "city"}
        for mention in mentions:
            only = mention.candidates[0] if len(mention.candidates) == 1 else None
            mention.chosen = only or max(mention.candidates, key=ranking(mention, settled))


def dateline_mentions(text: str) -> list[PlaceMention]:
    """Places of a dateline written in capitals: an all-capitals word elsewhere is an acronym
    ("RSF", "ECOWAS"), but at the head of a dateline it is a town's name ("BAMAKO, Jan 26")."""
    mentions = []
    for line in DATELINE.finditer(text):
        position = line.start()
        for name in (line.group(1) + line.group(2)).split("/"):
            found = [p for p in gazetteer().lookup(name.title()) if p.prominent]
            if found:
                mentions.append(PlaceMention(position, position + len(name), found))
            position += len(name) + 1
    return mentions


def without_overlaps(mentions: list[PlaceMention], extra: list[PlaceMention]) -> list[PlaceMention]:
    return mentions + [m for m in extra if not any(o.start < m.end and m.start < o.end for o in mentions)]


@annotator("places", requires=("entities",))
def find_places(document: Document) -> list[Place]:
    people, ordinary = people_words(document), ordinary_words(document.parse)
    placed = placed_names(document, people)
    mentions, covered = entity_mentions(document, people, ordinary, placed)
    mentions += text_mentions(document.parse, covered, people, ordinary)
    mentions = without_overlaps(mentions, dateline_mentions(document.text))
    mentions.sort(key=lambda m: m.start)
    text = document.text
    mentions = sorted(mentions + qualified(mentions, text), key=lambda m: m.start)
    choose(mentions, article_context(document, mentions), text)
    return [Place(start=m.start, end=m.end, text=text[m.start:m.end], name=m.chosen.name,
                  lat=round(m.chosen.lat, 2), lon=round(m.chosen.lon, 2), country=m.chosen.country)
            for m in mentions if m.chosen is not None]
