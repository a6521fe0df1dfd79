import pytest

from peacewatch.testing import mentions


def places(text: str) -> dict:
    return {p.text: p for p in mentions(text, "places")}


def test_countries_and_cities_with_coordinates():
    found = places("Talks between Sudan and the RSF resumed in Jeddah, Saudi Arabia, on Monday.")
    assert found["Sudan"].country == "SD"
    assert found["Jeddah"].country == "SA"
    assert abs(found["Jeddah"].lat - 21.5) < 0.5


def test_curated_region_and_transliteration():
    found = places("Shelling was reported across the Donbass and near Bakhmut.")
    assert found["Donbass"].name == "Donbas"
    assert found["Bakhmut"].country == "UA"


def test_corridor_and_river_from_curated_geography():
    found = places("Hezbollah fighters must withdraw north of the Litani River, the agreement says.")
    assert found["Litani River"].country == "LB"


def test_ambiguous_name_resolved_by_the_country_of_the_article():
    found = places("Clashes erupted in Lebanon. In Tripoli, residents fled the fighting.")
    assert found["Tripoli"].country == "LB"


def test_country_beats_homonymous_region():
    assert places("Georgia and Moldova watched the talks closely.")["Georgia"].country == "GE"


def test_demonyms_are_not_places():
    assert places("Malian and Ukrainian officials met.") == {}


def test_names_inside_organisations_are_not_places():
    found = places("Somalia 24 reported that the Sinai Province Army claimed the attack in Egypt.")
    assert "Somalia" not in found and "Sinai" not in found
    assert "Egypt" in found


def test_person_name_is_not_a_place():
    found = places("Florence Mumba spoke by phone. Florence later left Nairobi.")
    assert set(found) == {"Nairobi"}


def test_lowercase_word_and_sentence_start_are_not_places():
    assert places("Of the 40 villages, most were empty.") == {}


def test_slash_names_resolve_to_one_place():
    found = places("Fighting reached Kharkiv/Charkow overnight.")
    assert len(found) == 1 and next(iter(found.values())).country == "UA"


def test_capitalised_dateline_names_are_places_but_acronyms_are_not():
    found = places("GOMA/KIGALI, March 3 (Wire) - The RSF and the ELN issued statements.")
    assert found["GOMA"].name == "Goma" and found["KIGALI"].country == "RW"
    assert "RSF" not in found and "ELN" not in found


def test_congo_in_conflict_reporting_is_the_democratic_republic():
    found = places("Fighting in eastern Congo spread as the Democratic Republic of Congo recalled its envoy.")
    assert found["Congo"].country == "CD"
    assert found["Democratic Republic of Congo"].country == "CD"


@pytest.mark.parametrize("name, lat", [("Lake Kivu", -2.0), ("Hodeidah", 14.8), ("Chocó", 5.69)])
def test_curated_lakes_ports_and_departments(name, lat):
    found = places(f"Aid reached {name} on Tuesday after weeks of delays.")
    assert abs(found[name].lat - lat) < 0.5
