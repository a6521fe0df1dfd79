"""Events coded in ACLED's typology, one per sentence that reports one.

A sentence is coded when the trigger rules and the sentence classifier agree that it reports an
event (verdict.py): the rules find triggers stated as facts, outside quotations; the classifier
reads every sentence that holds a trigger or a conflict word, all of an article's at once, and
the cheap reader screens the other clauses: what it is sure of, the classifier weighs as it
weighs a rule's label. Sentences that tell history, habits or standing facts (background.py)
are not read. The event's actors, date, place and fatalities come from the mentions the earlier
stages found; the mentions of one happening within the article, headline included, become one
event (identity.py), as ACLED counts one event per day, place, actors and type.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from peacewatch.events.actors import event_actors
from peacewatch.events.background import dates_recent_news, states_a_standing_fact, told_as_habit, told_as_history
from peacewatch.events.attributes import event_date, fatalities
from peacewatch.events.identity import Mention, one_per_happening
from peacewatch.events.location import event_location
from peacewatch.events.sentence_classifier import (CHEAP_READER, classifier_settings, label_of, likeliest_event,
                                                   sentence_probabilities, split_label)
from peacewatch.events.triggers import Trigger, TriggerRule, find_trigger, mentions_conflict, sentence_words, states_unreal
from peacewatch.events.verdict import verdict
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.actors import actor_info, catalog
from peacewatch.knowledge.lexicons import word_set
from peacewatch.pipeline import Document, annotator
from peacewatch.records import Event, TimeMention

STATE_FORCES = 1  # ACLED's inter code
HEADLINE_FREE_ENDS = ".!?\"”’)"  # marks that close a sentence, which a headline lacks


def sub_event_type(trigger: Trigger, actor1: str | None) -> str:
    """Territory taken by a state's forces is regained; by anyone else, overtaken."""
    if not trigger.rule.territory:
        return trigger.rule.sub_event_type
    by_state = (actor1 is not None and states_actor(actor1)) or state_forces_take(trigger.token)
    return "Government regains territory" if by_state else "Non-state actor overtakes territory"


def state_forces_take(verb: Token) -> bool:
    """Whether the verb's subject (its first conjunct) is a state's forces named generically:
    "government troops", "the army", "Syrian soldiers" — words the actor catalog cannot resolve to
    a state, while the armed group they took the place from is often named (and taken for actor1).
    A name or a group's word ("the Rapid Support Forces", "Houthi forces", "rebel troops") is not."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    if not subjects:
        return False
    head = subjects[0]
    if head.dep_ == "agent":
        head = next((c for c in head.children if c.dep_ == "pobj"), head)
    generic = head.pos_ == "NOUN" and not head.ent_type_ and head.lower_ in word_set("acled", "state_force_words")
    modifiers = [t for t in head.subtree if t.i < head.i and t.pos_ in ("PROPN", "NOUN", "ADJ")]
    return generic and all(states_word(t) for t in modifiers)


def states_actor(name: str) -> bool:
    """A state, its people's adjective ("Mozambican"), or an actor the catalog codes as state forces."""
    known = actor_info(name)
    return (names_a_country(name) or catalog().state_of_adjective(name) is not None
            or (known is not None and known.inter == STATE_FORCES))


def states_word(token: Token) -> bool:
    """A modifier that keeps forces a state's: "government", "federal", or a state's adjective."""
    return (token.lower_ in word_set("events", "state_force_modifiers") or names_a_country(token.text)
            or catalog().state_of_adjective(token.text) is not None)


def rule_label(document: Document, sentence: Span, trigger: Trigger) -> str:
    """What the rules code: a territory rule asks who acted to tell regained from overtaken."""
    if not trigger.rule.territory:
        return label_of(trigger.rule.event_type, trigger.rule.sub_event_type)
    actor1 = event_actors(document, sentence, trigger, event_location(document, sentence, trigger.token.idx)[0])[0]
    return label_of(trigger.rule.event_type, sub_event_type(trigger, actor1))


def code_sentence(document: Document, sentence: Span, trigger: Trigger | None, probabilities: dict[str, float],
                  suggested: str | None = None) -> Mention | None:
    """The sentence's event, or None; `suggested` stands in for the rules' label where no trigger
    is (the cheap reader's reading of a sentence without one)."""
    label = verdict(rule_label(document, sentence, trigger) if trigger else suggested, probabilities)
    if label is None:
        return None
    token = trigger.token if trigger else sentence.root
    place, own_place = event_location(document, sentence, token.idx)
    event_type, sub_type = split_label(label)
    coded = Trigger(TriggerRule(event_type, sub_type, frozenset(), False), token)
    actor1, actor2, actors = event_actors(document, sentence, coded, place)
    day, precision = event_date(document, sentence, token.idx)
    event = Event(
        start=sentence.start_char, end=sentence.end_char, text=sentence.text,
        event_type=event_type, sub_event_type=sub_type,
        event_date=day, time_precision=precision, actor1=actor1, actor2=actor2, actors=actors,
        location=place.name if place else None, latitude=place.lat if place else None,
        longitude=place.lon if place else None, fatalities=fatalities(document, sentence))
    return Mention(event, place, own_place, is_headline(document, sentence))


def is_headline(document: Document, sentence: Span) -> bool:
    """A title line: in the opening paragraph of an article of several, with no full stop or
    other closing mark (a headline, a sub-headline), as a lead sentence has."""
    opening = document.text.find("\n\n")
    text = sentence.text.strip()
    return sentence.start_char < opening and bool(text) and text[-1] not in HEADLINE_FREE_ENDS


@annotator("events", requires=("entities", "times", "places", "quantities", "quotes"))
def find_events(document: Document) -> list[Event]:
    quoted = [(q.start, q.end) for q in document.mentions.get("quotes", [])]
    candidates, unprompted = [], []
    news = dates_recent_news(document.mentions.get("times", []), document.article.published)
    for sentence in document.sentences:
        words = sentence_words(sentence, quoted)
        times = document.within("times", sentence.start_char, sentence.end_char)
        if words is None or tells_background(document, sentence, times, news):
            continue
        trigger = find_trigger(words, bool(times))
        if trigger:
            candidates.append((sentence, trigger))
        elif states_unreal(words, sentence) or states_a_standing_fact(sentence):
            continue
        elif mentions_conflict(words):
            candidates.append((sentence, None))
        elif len(words.tokens) == len(sentence) and tells_who_did(sentence):
            unprompted.append(sentence)
    readings = sentence_probabilities([s.text.strip() for s, _ in candidates])
    events = [code_sentence(document, s, t, p) for (s, t), p in zip(candidates, readings)]
    found = [e for e in events + unprompted_events(document, unprompted) if e is not None]
    return one_per_happening(sorted(found, key=lambda mention: mention.event.start))


def tells_background(document: Document, sentence: Span, times: list[TimeMention], news: bool) -> bool:
    """History beside the article's news, or habit (events/background.py): what explains the
    news, not the news."""
    history = news and told_as_history(document.text, times, document.article.published)
    return history or told_as_habit(sentence, times)


def tells_who_did(sentence: Span) -> bool:
    """A clause whose main verb has a subject: a report says who did what, while headings, captions,
    bylines and imperatives ("Download the app") do not, and the cheap reader is unreliable on them."""
    root = sentence.root
    return root.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


def unprompted_events(document: Document, sentences: list[Span]) -> list[Mention | None]:
    """Sentences with no trigger phrase, no conflict word and no quotation (events.yaml
    `unprompted`): events told in plain words ("set the houses ablaze", "rustled cattle") are
    missed by any word list, but most such sentences report nothing. The cheap reader screens
    them all, so an article's many quiet sentences stay cheap; the few it is at least `unprompted`
    sure of are read again by the event reader, which weighs the cheap reader's label as it
    weighs a rule's: it may change it, or veto an event it is sure is none."""
    threshold = classifier_settings()["unprompted"]
    texts = [s.text.strip() for s in sentences]
    cheap = map(likeliest_event, sentence_probabilities(texts, CHEAP_READER))
    screened = [(i, label) for i, (label, probability) in enumerate(cheap) if probability >= threshold]
    readings = sentence_probabilities([texts[i] for i, _ in screened])
    return [code_sentence(document, sentences[i], None, p, suggested=label) for (i, label), p in zip(screened, readings)]
