"""Reports of an article as provision tracking reads them, and how one is matched to a provision.

A `Report` is one stretch of an article that may bear on a provision: an event (with its ACLED
sub-type, day, place and actors), a provision the article states, a quote, a disputed figure, or
any other sentence. Matching a report to a coded provision uses what both name: places (up to
spelling: the gazetteer's aliases and transliterations), parties, and the word stems they share.
Stems stand in for lemmas because linking runs over a whole store at query time, where parsing
every article again would cost minutes. Item 4 of the tracker — news statements of provisions
linked to coded ones — is `link_mentions`.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from peacewatch.events.merge import days
from peacewatch.knowledge.actors import catalog_names_in
from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.knowledge.names import fold, skeleton
from peacewatch.knowledge.place_hierarchy import lies_within
from peacewatch.records import Agreement, Article, Citation, Entity, Event, Extraction, Place, Provision, ProvisionMention
from peacewatch.tracking.told_time import overlaps, stated_period, tells_earlier_past, told_period

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
STEM_LENGTH = 5
MIN_CONTENT_WORD = 4
STOP_WORDS = frozenset(
    "this that with from have been were will would shall must their there they which while about "
    "after before under over into other than then also such only some more most what when where who "
    "whose said says according".split())
ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
ADMINISTRATIVE_WORDS = frozenset({"district", "region", "province", "town", "city", "village", "raion",
                                  "rayon", "oblast", "governorate", "county", "municipality"})


@dataclass(frozen=True)
class Report:
    """One stretch of an article that may be evidence about a provision."""

    kind: str  # event, provision, quote, claim, sentence
    article_id: str
    outlet: Optional[str]
    published: Optional[dt.date]
    start: int
    end: int
    text: str
    first_day: Optional[dt.date]  # the days the report's date allows
    last_day: Optional[dt.date]
    places: tuple[str, ...] = ()
    place_words: tuple[str, ...] = ()  # how its text spells its places (a local or older name of the region)
    actors: tuple[str, ...] = ()  # every actor its text names
    actor1: Optional[str] = None  # an event's first coded actor: who acted (took the place, fired)
    context_places: tuple[str, ...] = ()  # the places its article names anywhere
    sub_event_type: Optional[str] = None
    category: Optional[str] = None  # a stated provision's category
    speaker: Optional[str] = None
    disputed: bool = False  # a figure another source gives differently (claims/disputes.py)

    def citation(self) -> Citation:
        return Citation(source=self.article_id, outlet=self.outlet, published=self.published,
                        start=self.start, end=self.end, text=" ".join(self.text.split()))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: cut after . ! ? before a capital, and at blank lines."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip()))
            for s, e in spans if text[s:e].strip()]


def sentence_days(extraction: Extraction, text: str, start: int, end: int,
                  published: Optional[dt.date]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """The days a sentence tells of, by its own time expressions (told_time.py)."""
    return told_period(text, extraction.times, start, end, published) or (None, None)


def _within(mentions: Iterable, start: int, end: int) -> list:
    return [m for m in mentions if start <= m.start and m.end <= end]


def real_places(extraction: Extraction) -> list[Place]:
    """Places that are not part of a time expression ("00:00 Moscow time" names a clock)."""
    return [p for p in extraction.places
            if not any(t.start <= p.start and p.end <= t.end for t in extraction.times)]


def _sentence_report(article: Article, extraction: Extraction, actors: Sequence[Entity], kind: str,
                     start: int, end: int, **fields) -> Report:
    first, last = sentence_days(extraction, article.text, start, end, article.published)
    places = tuple(dict.fromkeys(p.name for p in _within(real_places(extraction), start, end)))
    return Report(kind=kind, article_id=article.id, outlet=article.outlet, published=article.published,
                  start=start, end=end, text=article.text[start:end], first_day=first, last_day=last,
                  places=places, actors=actors_between(actors, start, end),
                  context_places=tuple(dict.fromkeys(p.name for p in real_places(extraction))), **fields)


def actor_mentions(article: Article, extraction: Extraction) -> list[Entity]:
    """The article's actors: its named people, groups and states, and the catalogued forces and
    organisations the entity recognizer missed, as at a sentence's start ("RSF fighters
    withdrew…")."""
    named = [e for e in extraction.entities if e.label in ACTOR_LABELS]
    missed = [Entity(start=s, end=e, text=article.text[s:e], label="ORG", canonical=canonical)
              for s, e, canonical in catalog_names_in(article.text)
              if not any(n.start < e and s < n.end for n in named)]
    return sorted([*named, *missed], key=lambda e: e.start)


def actors_between(actors: Sequence[Entity], start: int, end: int, coded: Iterable[Optional[str]] = ()) -> tuple[str, ...]:
    """The actors a stretch of text names: those coded for its event first, then its mentions."""
    return tuple(dict.fromkeys([*(a for a in coded if a), *(e.canonical for e in _within(actors, start, end))]))


def _enclosing(spans: Sequence[tuple[int, int]], start: int) -> tuple[int, int]:
    return next(((s, e) for s, e in spans if s <= start < e), (start, start))


def event_days(article: Article, extraction: Extraction, event: Event) -> Optional[tuple[dt.date, dt.date]]:
    """The days an event report allows: its coded date, unless its sentence states a time that
    date lies outside ("in the war of the 1990s the army shelled…", coded on the publication
    day): then the sentence's own time. A sentence in the past perfect with no time of its own
    tells of an earlier past we cannot date: no days."""
    allowed = days(event.event_date, event.time_precision)
    stated = stated_period(article.text, extraction.times, event.start, event.end, article.published)
    if stated:
        return allowed if allowed and overlaps(allowed, stated) else stated
    return None if tells_earlier_past(article.text[event.start:event.end]) else allowed


def event_reports(article: Article, extraction: Extraction,
                  actors: Optional[Sequence[Entity]] = None) -> list[Report]:
    actors = actor_mentions(article, extraction) if actors is None else actors
    found = []
    for event in extraction.events:
        allowed = event_days(article, extraction, event)
        found.append(Report(
            kind="event", article_id=article.id, outlet=article.outlet, published=article.published,
            start=event.start, end=event.end, text=event.text,
            first_day=allowed[0] if allowed else None, last_day=allowed[1] if allowed else None,
            places=tuple(p for p in (event.location,) if p),
            place_words=tuple(dict.fromkeys(p.text for p in _within(real_places(extraction), event.start, event.end)
                                            if p.name == event.location)),
            actors=actors_between(actors, event.start, event.end, (event.actor1, event.actor2, *event.actors)),
            actor1=event.actor1,
            sub_event_type=event.sub_event_type,
            context_places=tuple(dict.fromkeys(p.name for p in real_places(extraction)))))
    return found


def reports_of(article: Article, extraction: Extraction,
               disputed: frozenset[str] = frozenset()) -> list[Report]:
    """Every report of an article: its events, stated provisions, quotes and claims (each in its
    sentence; a claim whose sentence is in `disputed` marked so), and its other sentences."""
    spans = sentence_spans(article.text)
    actors = actor_mentions(article, extraction)
    found = event_reports(article, extraction, actors)
    found += [_sentence_report(article, extraction, actors, "provision", p.start, p.end, category=p.category)
              for p in extraction.provisions]
    found += [_sentence_report(article, extraction, actors, "quote", *_enclosing(spans, q.start), speaker=q.speaker)
              for q in extraction.quotes]
    found += [_sentence_report(article, extraction, actors, "claim", c.sentence_start, c.sentence_end,
                               disputed=" ".join(article.text[c.sentence_start:c.sentence_end].split()) in disputed)
              for c in extraction.claims]
    taken = {(r.start, r.end) for r in found}
    found += [_sentence_report(article, extraction, actors, "sentence", s, e) for s, e in spans if (s, e) not in taken]
    return found


@functools.lru_cache(maxsize=8192)
def place_keys(name: str) -> frozenset[str]:
    """Keys two names of one place share: the folded name without an administrative word, and the
    gazetteer's own name for each place it may denote ("Tigre" and "Tigray region" meet). Cached:
    linking meets the same few place names in sentence after sentence."""
    folded = fold(name)
    keys = {folded, skeleton(name), " ".join(w for w in folded.split() if w not in ADMINISTRATIVE_WORDS)}
    keys |= {fold(entry.name) for entry in gazetteer().candidates(name)}
    return frozenset(k for k in keys if k)



def same_place(first: str, second: str) -> bool:
    return bool(place_keys(first) & place_keys(second))


def places_match(wanted: Iterable[str], named: Iterable[str]) -> list[str]:
    """The wanted places that one of the named places is, or lies within (a clash in a town of
    the region a truce covers is a clash in that region)."""
    named = list(named)
    return [w for w in wanted if any(same_place(w, n) or lies_within(n, w) for n in named)]


def same_actor(party: str, actor: str) -> bool:
    """One actor up to spelling, or the party's forces ("Armenia" and "Armenian forces")."""
    a, b = fold(party), fold(actor)
    return bool(a and b) and (a == b or skeleton(party) == skeleton(actor) or b.startswith(a))


def actors_match(parties: Iterable[str], actors: Iterable[str]) -> list[str]:
    actors = list(actors)
    return [p for p in parties if any(same_actor(p, a) for a in actors)]


def stems(text: str) -> set[str]:
    """The content words of a text cut to a common stem, a cheap stand-in for lemmas."""
    words = (w.lower() for w in WORD.findall(text))
    return {w[:STEM_LENGTH] for w in words if len(w) >= MIN_CONTENT_WORD and w not in STOP_WORDS}


def similarity(provision: Provision, text: str) -> float:
    """Share of the provision summary's stems that the text repeats."""
    wanted = stems(provision.summary)
    return len(wanted & stems(text)) / len(wanted) if wanted else 0.0


def agreement_parties(agreement: Agreement, provision: Provision) -> list[str]:
    return list(dict.fromkeys([*provision.obliged, *provision.beneficiaries, *agreement.parties]))


@dataclass(frozen=True)
class MentionLink:
    """A provision stated in the news linked to the coded provision it restates."""

    provision: str
    mention: ProvisionMention
    score: float
    reasons: tuple[str, ...]


def mention_score(agreement: Agreement, provision: Provision,
                  mention: ProvisionMention) -> tuple[float, tuple[str, ...]] | None:
    """How well a stated provision matches a coded one: same category (required), places (none
    apart), parties, deadline, wording."""
    if mention.category != provision.category:
        return None
    places = places_match(provision.places, mention.places)
    if provision.places and mention.places and not places:
        return None
    parties = actors_match(agreement_parties(agreement, provision), [*mention.parties, *mention.beneficiaries])
    same_deadline = bool(mention.deadline) and mention.deadline == provision.deadline
    share = similarity(provision, mention.text)
    reasons = tuple(r for r in (f"places {', '.join(places)}" if places else "",
                                f"parties {', '.join(parties)}" if parties else "",
                                f"deadline {mention.deadline}" if same_deadline else "",
                                f"wording {share:.2f}") if r)
    return 1.0 + len(places) + 0.5 * bool(parties) + 0.5 * same_deadline + share, reasons


def link_mentions(agreement: Agreement, mentions: Iterable[ProvisionMention]) -> list[MentionLink]:
    """Each stated provision linked to the coded provisions it matches best (ties all kept)."""
    links = []
    for mention in mentions:
        scored = [(s, p, r) for p in agreement.provisions if (m := mention_score(agreement, p, mention))
                  for s, r in (m,)]
        best = max((s for s, _, _ in scored), default=None)
        links += [MentionLink(p.number, mention, s, r) for s, p, r in scored if s == best]
    return links
