"""Who an event is between: actor1 (who acts), actor2 (on whom) and everyone else involved.

Actors are states, organisations and armed groups, never individuals, towns or the news outlets
that report the event: a demonym stands
for its state's forces ("Ethiopian army" -> Ethiopia) unless it qualifies a non-state group
("Kurdish rebels"), and the crowds of protests and riots are named the ACLED way,
"Protesters (Country)".
"""
from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from peacewatch.events.triggers import Trigger
from peacewatch.knowledge.countries import country_name, names_a_country
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.knowledge.names import fold
from peacewatch.pipeline import Document
from peacewatch.records import Entity, Place

ACTOR_LABELS = ("NORP", "ORG", "GPE")
AGENT_DEPS = ("nsubj", "nsubjpass", "agent", "poss")


def actor_entities(document: Document, sentence: Span) -> list[Entity]:
    """States, organisations and peoples named in the sentence; a town is never an actor, even
    when the parser takes it for an organisation."""
    entities = document.within("entities", sentence.start_char, sentence.end_char)
    towns = {(p.start, p.end) for p in document.within("places", sentence.start_char, sentence.end_char)
             if not names_a_country(p.name)}
    return [e for e in entities if (e.start, e.end) not in towns and not names_an_outlet(document, e)
            and (e.label in ("NORP", "ORG") or (e.label == "GPE" and names_a_country(e.canonical)))]


@functools.lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    """The outlets acled.yaml knows (wire services, broadcasters, national papers), folded."""
    data = lexicon("acled")
    names = [*data["international_outlets"], *(o for outlets in data["national_outlets"].values() for o in outlets)]
    return frozenset(fold(name) for name in names)


def names_an_outlet(document: Document, entity: Entity) -> bool:
    """A news outlet reports events and takes no part in them: one acled.yaml knows, the article's
    own, a name holding a word of the trade ("... News Agency", "... Television"), or a source
    cited in parentheses ("(Azertag, November 12)")."""
    name = fold(entity.text)
    if name in outlet_names() or (document.article.outlet and name == fold(document.article.outlet)):
        return True
    if any(f" {word} " in f" {name} " for word in lexicon("acled")["outlet_words"]):
        return True
    before = document.text[max(0, entity.start - 1):entity.start]
    after = document.text[entity.end:entity.end + 1]
    return before == "(" and after in (",", ")")


def group_name(token: Token, entities: list[Entity]) -> tuple[str, Entity | None]:
    """"Kurdish rebels" -> ("Kurdish rebels", the Kurdish entity); "the militants" -> "Militants";
    "Tamil separatist forces" -> "Tamil separatist forces"."""
    noun = token.pos_ == "NOUN" or capitalised_plural(token) is not None
    word = token.text if noun else f"{token.text} {token.head.text}"
    holder = token if noun else token.head
    for child in holder.children:
        if child.dep_ in ("amod", "compound", "nmod") and child is not token:
            owner = next((e for e in entities if e.start <= child.idx < e.end), None)
            if owner:
                return f"{owner.text} {word}", owner
            if child.pos_ == "PROPN" or child.text.isupper():
                return f"{child.text} {word}", None
    return word[:1].upper() + word[1:], None


def names_a_group(token: Token, groups: frozenset[str]) -> bool:
    """A group noun, or its adjective on a common noun ("separatist forces"); not an adjective
    describing a named organisation ("the paramilitary Rapid Support Forces")."""
    if token.lemma_.lower() in groups:
        return token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.head.pos_ == "NOUN")
    return capitalised_plural(token) in groups


def capitalised_plural(token: Token) -> str | None:
    """The singular of a plural the parser took for a name because it opens a sentence or a
    headline ("Rebels shelled the town": PROPN "Rebels", lemma "Rebels")."""
    if token.pos_ != "PROPN" or not token.lower_.endswith("s") or token.ent_type_:
        return None
    return token.lower_[:-1]


def acting_side(token: Token, trigger: Trigger) -> bool:
    """Whether a token stands on the acting side of the trigger (its subject or agent)."""
    head = trigger.token if trigger.token.pos_ in ("VERB", "AUX") else trigger.token.head
    return any(a.i in (head.i, trigger.token.i) and t.dep_ in AGENT_DEPS for t in (token, *token.ancestors)
               for a in [t.head])


def event_actors(document: Document, sentence: Span, trigger: Trigger, place: Place | None) -> tuple[str | None, str | None, list[str]]:
    entities = actor_entities(document, sentence)
    named: list[tuple[str, Token | None]] = []
    consumed: set[int] = set()
    groups = word_set("events", "non_state_groups")
    for token in sentence:
        if names_a_group(token, groups):
            name, owner = group_name(token, entities)
            named.append((name, token))
            if owner:
                consumed.add(owner.start)
    for entity in entities:
        if entity.start not in consumed:
            named.append((entity.canonical, sentence.doc.char_span(entity.start, entity.end, alignment_mode="expand")[0]))
    crowd = lexicon("events")["crowds"].get(trigger.rule.event_type)
    if crowd:
        country = country_name(place.country) if place and place.country else None
        named.insert(0, (f"{crowd} ({country})" if country else crowd, None))
    names = list(dict.fromkeys(n for n, _ in named))
    if not names:
        return None, None, []
    acting = [n for n, token in named if token is not None and acting_side(token, trigger)]
    actor1 = names[0] if crowd else (acting[0] if acting else names[0])
    others = [n for n in names if n != actor1]
    return actor1, others[0] if others else None, names
