from peacewatch.testing import mentions


def by_text(text: str) -> dict:
    return {e.text: e for e in mentions(text, "entities")}


def test_person_short_form_and_leader_catalog():
    found = by_text("President Gustavo Petro met Antonio Guterres in Bogota. Petro later said talks went well.")
    assert found["Petro"].canonical == "Gustavo Petro"
    assert found["Antonio Guterres"].label == "PERSON"


def test_spans_drop_article_and_possessive():
    found = by_text("The ceasefire in the Gaza Strip held, and Israel's cabinet approved the deal.")
    assert "Gaza Strip" in found and "Israel" in found
    assert found["Israel"].label == "GPE"


def test_demonym_is_norp_with_state_canonical():
    found = by_text("Sudanese officials said the Rapid Support Forces shelled El Fasher.")
    assert found["Sudanese"].label == "NORP"
    assert found["Sudanese"].canonical == "Sudan"
    assert found["Rapid Support Forces"].canonical == "Rapid Support Forces"


def test_capital_as_actor_names_its_state():
    found = by_text("Sanaa and Riyadh exchanged prisoners on Friday.")
    assert found["Riyadh"].canonical == "Saudi Arabia"


def test_no_dates_or_numbers():
    labels = {e.label for e in mentions("On 3 May 2024, 40 soldiers left Goma.", "entities")}
    assert labels <= {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def test_place_canonical_is_the_town_of_that_name_not_an_alternate():
    found = by_text("Militants attacked a convoy near Gao on Monday.")
    assert found["Gao"].canonical == "Gao"
