"""Whether a sentence's syntax says that a name is a place.

A town of a few thousand people is too small to be taken for a place on its name alone (a word
spelt like a hamlet is more often a surname, a firm or an ordinary word), yet real reporting
names such towns constantly, and spaCy's small model often tags them ORG or PERSON. Where the
words around the name can only be said of a place ("near X", "the town of X", "the outskirts of
X", "X's mayor", "X has 40,000 residents", "fled X", "fled to X") the name is kept whatever its
size; the words are knowledge data (place_syntax.yaml).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from peacewatch.knowledge.lexicons import word_set

# Generic words of a place that introduce its name: "the town of X", "the district of X".
GEO_WORDS = frozenset({"district", "region", "province", "governorate", "oblast", "state", "county",
                       "corridor", "river", "valley", "strip", "border", "area", "city", "town", "village"})
POSSESSIVES = frozenset({"'s", "’s"})


def placed_by_syntax(doc: Doc, i: int, j: int) -> bool:
    """The name doc[i:j] stands where only a place can: after a locative preposition, as what a
    generic word, a part or the people of a place are "of", as the owner or subject of a place's
    people, or as what a verb of movement or attack aims at."""
    name = doc[i:j]
    return after_locative_word(doc, i) or with_people_noun(doc, j) or subject_counting_people(name.root) \
        or aimed_at(name.root)


def after_locative_word(doc: Doc, i: int) -> bool:
    """ "near X", "outside X"; "the town of X", "the outskirts of X"."""
    before = doc[i - 1].lower_ if i >= 1 else ""
    if before in word_set("place_syntax", "prepositions"):
        return True
    return before == "of" and i >= 2 and (doc[i - 2].lower_ in GEO_WORDS or is_part_noun(doc[i - 2])
                                          or is_people_noun(doc[i - 2]))


def with_people_noun(doc: Doc, j: int) -> bool:
    """ "X's mayor", "X residents"."""
    after = doc[j] if j < len(doc) else None
    if after is not None and after.lower_ in POSSESSIVES:
        after = doc[j + 1] if j + 1 < len(doc) else None
    return after is not None and is_people_noun(after)


def subject_counting_people(root: Token) -> bool:
    """ "X has 40,000 residents", "X counts a population of ..."."""
    return root.dep_ == "nsubj" and any(c.dep_ == "dobj" and is_people_noun(c) for c in root.head.children)


def aimed_at(root: Token) -> bool:
    """ "fled X", "shelled X", "fled to X", "advanced on X"."""
    verbs = word_set("place_syntax", "verbs")
    head = root.head
    if root.dep_ == "dobj":
        return head.lemma_.lower() in verbs
    return (root.dep_ == "pobj" and head.lower_ in word_set("place_syntax", "motion_prepositions")
            and head.head.lemma_.lower() in verbs)


def is_part_noun(token: Token) -> bool:
    return token.lemma_.lower() in word_set("place_syntax", "part_nouns")


def is_people_noun(token: Token) -> bool:
    return token.lemma_.lower() in word_set("place_syntax", "people_nouns")
