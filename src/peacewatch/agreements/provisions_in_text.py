"""Provisions as news reports them: sentences stating what an agreement obliges a party to do.

A sentence is a provision when, in an article that speaks of an agreement, it pairs an obligation
cue (shall, must, will, pledges, provides for…) with a category phrase from provisions.yaml. The
obliged parties are the subjects of the obligation; dates introduced by "by", "until"… are
deadlines; a provision with no dated deadline is due relative to the agreement's effect: its
deadline is then a duration ("within 60 days", "for five years": P60D, P5Y), as agreement files
write relative deadlines.
"""
from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from peacewatch.events.actors import actor_entities
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.lemma_phrases import LemmaPhrases, lemma
from peacewatch.pipeline import Document, annotator
from peacewatch.records import ProvisionMention, TimeMention

MAX_CATEGORIES_PER_SENTENCE = 2


@functools.lru_cache(maxsize=1)
def category_phrases() -> LemmaPhrases:
    categories = lexicon("provisions")["categories"]
    return LemmaPhrases((category, phrase) for category, phrases in categories.items() for phrase in phrases)


def speaks_of_agreement(document: Document) -> bool:
    words = word_set("provisions", "agreement_words")
    return any(lemma(t) in words for t in document.parse)


def obliges(sentence: Span) -> bool:
    """Does the sentence put something as an obligation rather than as a past fact?"""
    auxes = word_set("provisions", "obligation_aux")
    verbs = word_set("provisions", "obligation_verbs")
    for token in sentence:
        if token.dep_ in ("aux", "auxpass") and lemma(token) in auxes and token.head.tag_ == "VB":
            return True
        if lemma(token) in verbs and token.pos_ in ("VERB", "ADJ"):
            return True
    return False


def words_before(document: Document, time: TimeMention, size: int = 20) -> str:
    return " " + document.text[max(0, time.start - size): time.start].lower()


def deadline_and_duration(document: Document, sentence: Span) -> tuple[str | None, str | None]:
    deadline_words = lexicon("provisions")["deadline_words"]
    relative_words = lexicon("provisions")["relative_deadline_words"]
    deadline = duration = None
    for time in document.within("times", sentence.start_char, sentence.end_char):
        before = words_before(document, time)
        if time.type in ("DATE", "TIME") and deadline is None and any(f" {w} " in before[-14:] for w in deadline_words):
            deadline = time.value[:10]
        elif time.type == "DURATION":
            if deadline is None and any(f" {w} " in before[-14:] for w in relative_words):
                deadline = time.value
            elif duration is None:
                duration = time.value
    return deadline or duration, duration


def subject_names(token: Token, names: dict[int, str]) -> list[str]:
    """Actors named in the subject (or agent) of the clause a category phrase sits in."""
    found = []
    for node in (token, *token.ancestors):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                found += [names[t.idx] for t in child.subtree if t.idx in names]
        if found:
            break
    return list(dict.fromkeys(found))


def parties(document: Document, sentence: Span, token: Token) -> tuple[list[str], list[str]]:
    """(obliged parties, beneficiaries): the subject's actors, else every actor in the sentence;
    actors after "to" are the ones the provision benefits."""
    names: dict[int, str] = {}
    for entity in actor_entities(document, sentence):
        for offset in range(entity.start, entity.end):
            names[offset] = entity.canonical
    beneficiaries = [names[t.idx] for t in sentence if t.idx in names and t.head.lower_ == "to" and t.dep_ == "pobj"]
    obliged = subject_names(token, names) or [n for n in dict.fromkeys(names.values()) if n not in beneficiaries]
    return obliged, list(dict.fromkeys(beneficiaries))


def main_categories(sentence: Span) -> dict[str, Token]:
    """Each category phrase of the sentence with its token, leaving out a phrase that only
    qualifies another category's words: in "will monitor the ceasefire" the obligation is
    monitoring, not a ceasefire."""
    categories: dict[str, Token] = {}
    for hit in category_phrases().hits(list(sentence)):
        categories.setdefault(hit.label, hit.token)
    heads = set(categories.values())
    return {category: token for category, token in categories.items()
            if not any(qualifies(token, other) for other in heads if other != token)}


def qualifies(token: Token, other: Token) -> bool:
    """Is `token` inside the phrase of `other` other than as one of a list of obligations?"""
    node = token
    while node != other and node.head != node:
        if node.dep_ == "conj":
            return False
        node = node.head
    return node == other


def provisions_of(document: Document, sentence: Span) -> list[ProvisionMention]:
    categories = main_categories(sentence)
    deadline, duration = deadline_and_duration(document, sentence)
    places = [p.name for p in document.within("places", sentence.start_char, sentence.end_char) if not names_a_country(p.name)]
    found = []
    for category, token in list(categories.items())[:MAX_CATEGORIES_PER_SENTENCE]:
        obliged, beneficiaries = parties(document, sentence, token)
        found.append(ProvisionMention(
            start=sentence.start_char, end=sentence.end_char, text=sentence.text, category=category,
            parties=obliged, beneficiaries=beneficiaries, places=list(dict.fromkeys(places)),
            deadline=deadline, duration=duration))
    return found


@annotator("provisions", requires=("entities", "times", "places"))
def find_provisions(document: Document) -> list[ProvisionMention]:
    if not speaks_of_agreement(document):
        return []
    return [p for s in document.sentences if obliges(s) for p in provisions_of(document, s)]
