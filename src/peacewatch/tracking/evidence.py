"""Evidence: reports linked to the provisions they bear on, each with a stance and a citation.

A report bears on a provision when
- what it tells fits the provision's category: an event sub-type that carries out or breaks it
  (evidence.yaml `events`: a transfer of territory implements a handover, shelling violates a
  ceasefire), or a sentence on the category's topic with a stance cue ("prisoners were
  exchanged", "the handover was postponed");
- it happened after the agreement took effect: its date allows a day on or after the effective
  day, and for a violation every day it allows is after it (a clash on the day a truce starts at
  midnight, or one known only to the week, is no proof of a breach); and not after the article's
  own publication;
- it is about the provision's places and parties: a report naming only other places is not
  evidence; a matching place scores 1, a provision without places 0.5, a shared party 0.5, and
  the share of the provision summary's stems the sentence repeats is added (evidence.yaml
  `min_score`).
When several agreements fit, a report is evidence for the most recent one in effect on its day:
a new truce, not the one it replaced, is what a later clash breaks.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from peacewatch.agreements.deadlines import start_day
from peacewatch.tracking.linking import (Report, actors_match, agreement_parties, places_match,
                                           similarity)
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.records import Agreement, Evidence, EvidenceStance, Provision

HALF = 0.5  # a place only in context, or none to match; a shared party
TOKEN = re.compile(r"[^\W_]+")
CARRIED_OUT = ("implemented", "progress")
# Stances that must name the obliged (or benefiting) party when the report names parties of the
# agreement at all: what the obliged do ("Russian peacekeepers withdrew" carries out no withdrawal
# Armenia owes), and disputes about it ("A accuses B of keeping troops" disputes nothing C owes).
OWN_PARTY_STANCES = frozenset({"implemented", "progress", "ended", "unfulfilled", "disputed"})

@dataclass(frozen=True)
class Cues:
    """Phrases of word stems a sentence may state: each stem starts a word, in order, at most `gap`
    words after the one before ("withdr ... troops" finds "withdrew all its troops"). All phrases
    are one compiled pattern over the sentence's lowercased words joined by spaces, because
    linking tries every sentence of every stored article against every provision."""

    pattern: Optional[re.Pattern]

    @classmethod
    def of(cls, phrases: Iterable[str], gap: int, whole_words: bool = False) -> Cues:
        """With `whole_words`, each phrase's last word must end where it does ("not", not "nothing")."""
        between = rf"\S*(?: \S+){{0,{gap}}} "
        alternatives = [between.join(re.escape(stem) for stem in phrase.lower().split()) for phrase in phrases]
        ending = "(?= |$)" if whole_words else ""
        return cls(re.compile(rf"(?:^| )(?:{'|'.join(alternatives)}){ending}") if alternatives else None)

    def found_in(self, words: str) -> bool:
        return bool(self.pattern and self.pattern.search(words))


@dataclass(frozen=True)
class EventRule:
    stance: EvidenceStance
    topic: bool


class EvidenceRules:
    """evidence.yaml, parsed once."""

    def __init__(self, data: dict) -> None:
        self.gap: int = data["cue_gap"]
        self.min_score: float = data["min_score"]
        self.events = {category: {sub_type: EventRule(rule["stance"], rule.get("topic", True))
                                  for sub_type, rule in rules.items()}
                       for category, rules in data["events"].items()}
        self.topics = {category: Cues.of(phrases, self.gap) for category, phrases in data["topics"].items()}
        self.cues = {category: {stance: Cues.of(phrases, self.gap) for stance, phrases in stances.items()}
                     for category, stances in data["cues"].items()}
        self.any_category = {stance: Cues.of(phrases, self.gap) for stance, phrases in data["any_category"].items()}
        self.future = Cues.of(data["future_words"], 0)
        self.ending_plans = Cues.of(data["ending_plan_words"], 0)
        self.negation_words = Cues.of(data["negation_words"], 0, whole_words=True)
        self.negation_cues = Cues.of(data["negation_cues"], 0)

    def tells_future(self, words: str) -> bool:
        return self.future.found_in(words)

    def denies(self, words: str) -> bool:
        """A negation word ("not", "never") or cue ("failed to", "refus")."""
        return self.negation_words.found_in(words) or self.negation_cues.found_in(words)

    def speaks_of(self, category: str, words: str) -> bool:
        topic = self.topics.get(category)
        return bool(topic and topic.found_in(words))

    def cue_stances(self, category: str, words: str) -> list[EvidenceStance]:
        """Stances a sentence on the category's topic states, the category's own cues first."""
        found = [stance for cues in (self.cues.get(category, {}), self.any_category)
                 for stance, phrases in cues.items() if phrases.found_in(words)]
        return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=1)
def rules() -> EvidenceRules:
    return EvidenceRules(lexicon("evidence"))


@functools.lru_cache(maxsize=4096)
def words_of(text: str) -> str:
    """The text's words, lowercased and joined by single spaces: what cues are matched against.
    Cached, since every provision of every agreement reads the same sentence."""
    return " ".join(TOKEN.findall(text)).lower()


def stated(category: str, words: str, found: EvidenceRules) -> list[EvidenceStance]:
    """What a sentence on the category's topic says happened. A cue of an act in a sentence that
    looks ahead ("will withdraw") says nothing yet; denied ("has not withdrawn", "refused to hand
    over") it says the act was not done. A report that the arrangement ended outranks one that it
    was carried out or under way: "the peacekeepers began withdrawing" is no deployment."""
    said = []
    for stance in found.cue_stances(category, words):
        if stance == "ended" and (found.ending_plans.found_in(words) or found.denies(words)):
            continue
        if stance in CARRIED_OUT:
            if found.tells_future(words):
                continue
            stance = "unfulfilled" if found.denies(words) else stance
        said.append(stance)
    if "ended" in said:
        said = [s for s in said if s not in CARRIED_OUT]
    return list(dict.fromkeys(said))


def stances(provision: Provision, report: Report, found: EvidenceRules) -> list[tuple[EvidenceStance, str]]:
    """(stance, why) pairs the report states about a provision of this category."""
    words = words_of(report.text)
    on_topic = report.category == provision.category or found.speaks_of(provision.category, words)
    said = stated(provision.category, words, found) if on_topic else []
    if report.kind == "event":
        rule = found.events.get(provision.category, {}).get(report.sub_event_type or "")
        if "ended" in said:
            return [("ended", f"{report.sub_event_type} event says ended")]
        if rule and rule.stance == "progress" and "implemented" in said:
            return [("implemented", f"{report.sub_event_type} event says implemented")]
        if rule and (on_topic or not rule.topic):
            return [(rule.stance, f"{report.sub_event_type} event")]
    # An event whose type says nothing of the provision ("protesters blocked the road") still
    # says what its words say, as a sentence with no event would.
    return ([(stance, f"{report.kind} says {stance}") for stance in said]
            + ([("disputed", "figure another source gives differently")] if report.disputed and on_topic else []))


def by_another_party(agreement: Agreement, provision: Provision, report: Report) -> bool:
    """The report names parties of the agreement but none the provision obliges or benefits."""
    own = [*provision.obliged, *provision.beneficiaries]
    return bool(own) and not actors_match(own, report.actors) and bool(
        actors_match([*agreement.parties, *agreement.mediators], report.actors))


def in_window(agreement: Agreement, report: Report, stance: EvidenceStance) -> bool:
    """Dated after the agreement took effect, by publication. A violation is an accusation: every
    day its date allows must come after the effective day; other stances need only be able to."""
    begins = start_day(agreement)
    if report.first_day is None or report.last_day is None:
        return False
    if report.published and report.first_day > report.published:
        return False
    if begins is None:
        return True
    return report.first_day > begins if stance == "violated" else report.last_day >= begins


def link_score(agreement: Agreement, provision: Provision, report: Report) -> tuple[float, str] | None:
    """Score of the report's match with the provision's places, parties and wording; None when it
    names only other places."""
    places = places_match(provision.places, report.places)
    if provision.places and report.places and not places:
        return None
    in_context = not report.places and places_match(provision.places, report.context_places)
    parties = actors_match(agreement_parties(agreement, provision), report.actors)
    place_score = 1.0 if places else (HALF if in_context or not provision.places else 0.0)
    share = similarity(provision, report.text)
    why = "; ".join(w for w in (f"at {', '.join(places)}" if places else ("in an article about the place" if in_context else ""),
                                f"by/for {', '.join(parties)}" if parties else "") if w)
    return place_score + HALF * bool(parties) + share, why


def provision_evidence(agreement: Agreement, provision: Provision, reports: Iterable[Report],
                       found: EvidenceRules | None = None) -> list[Evidence]:
    """The reports that are evidence about one provision, earliest first."""
    found = found or rules()
    evidence = []
    for report in reports:
        for stance, what in stances(provision, report, found):
            if stance in OWN_PARTY_STANCES and by_another_party(agreement, provision, report):
                continue
            scored = link_score(agreement, provision, report) if in_window(agreement, report, stance) else None
            if scored is None or scored[0] < found.min_score:
                continue
            score, where = scored
            evidence.append(Evidence(
                agreement=agreement.id, provision=provision.number, stance=stance, day=report.last_day,
                first_day=report.first_day, kind=report.kind, reason="; ".join(w for w in (what, where) if w), score=round(score, 2),
                citation=report.citation()))
    return sorted(_distinct(evidence), key=lambda e: (e.day, e.citation.source, e.citation.start or 0))


def _distinct(evidence: list[Evidence]) -> list[Evidence]:
    """One piece of evidence per sentence and stance: the best-scored of its mentions."""
    best: dict[tuple, Evidence] = {}
    for item in evidence:
        key = (item.provision, item.stance, item.citation.source, item.citation.start)
        if key not in best or item.score > best[key].score:
            best[key] = item
    return list(best.values())


def evidence_for(agreements: Sequence[Agreement], reports: Sequence[Report]) -> list[Evidence]:
    """Evidence for every provision of the agreements; a report that fits provisions of the same
    category in several agreements counts for the most recent agreement in effect on its day."""
    found = [e for a in agreements for p in a.provisions for e in provision_evidence(a, p, reports)]
    categories = {(a.id, p.number): p.category for a in agreements for p in a.provisions}
    begins = {a.id: start_day(a) or dt.date.min for a in agreements}
    latest: dict[tuple, dt.date] = {}
    for item in found:
        key = (item.citation.source, item.citation.start, categories[item.agreement, item.provision])
        if begins[item.agreement] <= item.day:
            latest[key] = max(latest.get(key, dt.date.min), begins[item.agreement])
    return [e for e in found
            if begins[e.agreement] >= latest.get((e.citation.source, e.citation.start,
                                                  categories[e.agreement, e.provision]), dt.date.min)]
