"""Provisions as news reports them: sentences stating what an agreement obliges a party to do.

A sentence is a provision when it reports an agreement's terms: it names the agreement, or the
article reports one (an Agreement event), and an obligation cue outside its quotations (shall,
must, will, pledges, provides for…) governs a category phrase from provisions.yaml. Commentary
that uses the same words ("peacekeepers might remain for years", "the length of the truce would
depend on the talks") states no term, nor does a headline, which restates the lead. The
obliged parties are the subjects of the obligation; dates introduced by "by", "until"… are
deadlines; a provision with no dated deadline is due relative to the agreement's effect: its
deadline is then a duration ("within 60 days", "for five years": P60D, P5Y), as agreement files
write relative deadlines.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Span, Token

from peacewatch.events.actors import actor_entities
from peacewatch.events.coding import is_headline
from peacewatch.knowledge.countries import names_a_country
from peacewatch.knowledge.lexicons import lexicon, word_set
from peacewatch.nlp.lemma_phrases import LemmaPhrases, lemma
from peacewatch.pipeline import Document, annotator
from peacewatch.records import ProvisionMention, TimeMention

MAX_CATEGORIES_PER_SENTENCE = 2
QUOTATION = re.compile(r'"[^"\n]+"|“[^”\n]+”|‘[^’\n]+’(?!\w)')


@functools.lru_cache(maxsize=1)
def category_phrases() -> LemmaPhrases:
    categories = lexicon("provisions")["categories"]
    return LemmaPhrases((category, phrase) for category, phrases in categories.items() for phrase in phrases)


def names_an_agreement(tokens: list[Token]) -> bool:
    """Whether the words name an agreement ("the deal", "under the truce", "the accord")."""
    words = word_set("provisions", "agreement_words")
    return any(lemma(t) in words and t.pos_ in ("NOUN", "PROPN") for t in tokens)


def tells_of_agreement(document: Document) -> bool:
    """Whether the article reports an agreement (an Agreement event) or names one."""
    return any(e.sub_event_type == "Agreement" for e in document.mentions.get("events", [])) or names_an_agreement(list(document.parse))


def obligations(tokens: list[Token], agreement_named: bool) -> list[Token]:
    """The verbs the sentence puts as obligations: a verb of terms ("pledges", "provides for",
    "requires"), or one under a modal ("forces shall withdraw") or, where the sentence names the
    agreement, a verb that says what it does ("the deal allows", "gives them 60 days to
    withdraw"). A hedged verb ("might remain", "will undoubtedly remain") obliges no one."""
    auxes = word_set("provisions", "obligation_aux")
    terms = word_set("provisions", "terms_verbs")
    weak = word_set("provisions", "obligation_verbs")
    found = []
    for token in tokens:
        if token.dep_ in ("aux", "auxpass") and lemma(token) in auxes and token.head.tag_ == "VB":
            if (lemma(token) != "to" or agreement_named) and not hedged(token.head):
                found.append(token.head)
        elif token.pos_ in ("VERB", "ADJ") and (lemma(token) in terms or (agreement_named and lemma(token) in weak)):
            if not hedged(token):
                found.append(token)
    return found


def hedged(verb: Token) -> bool:
    """A guess or a doubt about the verb ("might", "undoubtedly", "seems to"): commentary, not terms."""
    hedges = word_set("provisions", "hedges")
    return any(lemma(c) in hedges for c in verb.children) or (verb.dep_ == "xcomp" and lemma(verb.head) in hedges)


def governed(token: Token, verbs: list[Token]) -> bool:
    """Whether an obligation verb governs the category phrase: the phrase is the verb, or lies
    under it ("will allow humanitarian access", "provides for the disarmament of fighters")."""
    return any(node in verbs for node in (token, *token.ancestors))


def names_the_truce_only(token: Token) -> bool:
    """A ceasefire noun that only names the agreement ("abide by the truce", "the length of the
    truce", "called the ceasefire a step"), not a ceasefire the terms lay down ("signed a
    ceasefire", "a ceasefire came into force", "agreed to a ceasefire starting Monday")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos", "ROOT"):
        return token.dep_ == "dobj" and lemma(token.head) in word_set("provisions", "naming_verbs")
    preposition = token.head if token.dep_ == "pobj" else None
    return not (preposition is not None and preposition.lower_ == "to" and lemma(preposition.head) in word_set("provisions", "terms_verbs"))


def states_terms(sentence: Span, quoted: list[tuple[int, int]]) -> list[Token]:
    """The obligation verbs of a sentence of an agreement's article, outside quotations (a
    leader's words are no terms)."""
    around = quoted + quotation_marks_spans(sentence)
    tokens = [t for t in sentence if not any(a <= t.idx < b for a, b in around)]
    return obligations(tokens, names_an_agreement(tokens))


def quotation_marks_spans(sentence: Span) -> list[tuple[int, int]]:
    """What stands between paired quotation marks in the sentence, whether or not the quote stage
    found its speaker ("our fighters will withdraw," the commander said)."""
    return [(sentence.start_char + m.start(), sentence.start_char + m.end()) for m in QUOTATION.finditer(sentence.text)]


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


def main_categories(sentence: Span, verbs: list[Token]) -> dict[str, Token]:
    """Each category phrase the obligation verbs govern with its token, leaving out a phrase that
    only qualifies another category's words (in "will monitor the ceasefire" the obligation is
    monitoring, not a ceasefire) and a ceasefire noun that only names the agreement."""
    categories: dict[str, Token] = {}
    for hit in category_phrases().hits(list(sentence)):
        if not governed(hit.token, verbs) or (hit.label == "ceasefire" and names_the_truce_only(hit.token)):
            continue
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


def provisions_of(document: Document, sentence: Span, verbs: list[Token]) -> list[ProvisionMention]:
    categories = main_categories(sentence, verbs)
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


@annotator("provisions", requires=("entities", "times", "places", "quotes", "events"))
def find_provisions(document: Document) -> list[ProvisionMention]:
    if not tells_of_agreement(document):
        return []
    quoted = [(q.start, q.end) for q in document.mentions.get("quotes", [])]
    found = []
    for sentence in document.sentences:
        verbs = [] if is_headline(document, sentence) else states_terms(sentence, quoted)
        if verbs:
            found += provisions_of(document, sentence, verbs)
    return found
