"""Small towns (under the gazetteer's prominence threshold) that spaCy tags as an organisation or
a person are places where the sentence's syntax or another mention in the article says so; the
sentences are invented, about several conflicts."""
import pytest

from peacewatch.knowledge.gazetteer import gazetteer
from peacewatch.nlp.model import pipeline_for
from peacewatch.nlp.place_syntax import placed_by_syntax
from peacewatch.nlp.places import qualified_by_next
from peacewatch.testing import mentions


def places(text: str) -> list:
    return mentions(text, "places")


def parsed(text: str):
    return pipeline_for("en")(text)


def name_at(doc, name: str) -> tuple[int, int]:
    start = next(t.i for t in doc if t.text == name.split()[0])
    return start, start + len(name.split())


def test_small_town_tagged_an_organisation_is_a_place_after_a_preposition_of_place():
    found = places("Gunmen ambushed a convoy outside Aguelhok on Tuesday.")
    assert [(p.text, p.country) for p in found] == [("Aguelhok", "ML")]


def test_small_town_whose_residents_are_counted_is_a_place():
    found = places("Siversk has only 11,000 residents now, the governor said.")
    assert [(p.text, p.country) for p in found] == [("Siversk", "UA")]


def test_small_town_that_has_a_mayor_is_a_place():
    found = places("The army said Vuhledar's mayor had been evacuated.")
    assert [(p.text, p.country) for p in found] == [("Vuhledar", "UA")]


def test_one_placed_mention_settles_the_others_even_one_tagged_a_person():
    found = places("The rebels shelled Tibu overnight. Tibu is quiet now.")
    assert [(p.text, p.country) for p in found] == [("Tibu", "CO"), ("Tibu", "CO")]


def test_small_town_named_like_an_institution_is_not_placed_by_in():
    assert places("Lawmakers in Congress debated the aid package on Thursday.") == []


@pytest.mark.parametrize("text, name", [
    ("Fighting spread to the town of Kassab overnight.", "Kassab"),
    ("Shells fell on the outskirts of Kupiansk.", "Kupiansk"),
    ("Hundreds of families fled to Ouallam after the raid.", "Ouallam"),
    ("Tibu residents blocked the road in protest.", "Tibu"),
    ("The militia retook Mellit on Sunday.", "Mellit"),
])
def test_words_around_a_name_that_make_it_a_place(text, name):
    doc = parsed(text)
    assert placed_by_syntax(doc, *name_at(doc, name))


@pytest.mark.parametrize("text, name", [
    ("Donors kept the Marlow Center open for displaced children.", "Marlow"),
    ("Hassan told reporters the talks would resume.", "Hassan"),
    ("The union backed Warren in the vote.", "Warren"),
])
def test_words_that_leave_a_name_unplaced(text, name):
    doc = parsed(text)
    assert not placed_by_syntax(doc, *name_at(doc, name))


def test_town_followed_by_a_region_holding_it_is_qualified():
    doc = parsed("Militants torched a school in Aguelhok, Kidal, on Monday.")
    start, end = name_at(doc, "Aguelhok")
    assert qualified_by_next(doc, end, gazetteer().lookup("Aguelhok"))


def test_town_followed_by_another_country_is_not_qualified():
    doc = parsed("Militants torched a school in Aguelhok, Chad, on Monday.")
    start, end = name_at(doc, "Aguelhok")
    assert not qualified_by_next(doc, end, gazetteer().lookup("Aguelhok"))


def test_untagged_small_town_is_a_place_where_the_syntax_places_it():
    found = places("Hundreds of families fled to Ouallam after the raid, aid workers said.")
    assert [(p.text, p.country) for p in found] == [("Ouallam", "NE")]
