"""The quantities stage on sentences written for these tests."""
from __future__ import annotations

import pytest

from peacewatch.testing import mentions


def quantities(text: str) -> list[tuple[str, float, str, bool]]:
    return [(q.text, q.value, q.unit, q.approximate) for q in mentions(text, "quantities")]


@pytest.mark.parametrize("text, expected", [
    ("The mission will deploy 1,960 troops.", ("1,960 troops", 1960, "troops", False)),
    ("Some 2 000 Malian soldiers retreated.", ("Some 2 000 Malian soldiers", 2000, "troops", True)),
    ("Nearly 3,000 locally recruited servicemen joined.", ("Nearly 3,000 locally recruited servicemen", 3000, "troops", True)),
    ("The convoy had 90 armoured personnel carriers.", ("90 armoured personnel carriers", 90, "vehicles", False)),
    ("Militias seized seven districts in the east.", ("seven districts", 7, "districts", False)),
    ("Nearly 20 million tonnes of wheat wait in silos.", ("Nearly 20 million tonnes", 20000000, "tonnes", True)),
    ("Observers work in eight departments.", ("eight departments", 8, "regions", False)),
    ("A buffer zone five kilometers wide was agreed.", ("five kilometers", 5, "km", False)),
    ("The enclave covers about 3000km² of hills.", ("about 3000km²", 3000, "km2", True)),
    ("Houthi forces launched 20 drones at shipping.", ("20 drones", 20, "drones", False)),
    ("The brigade fields 64,000 men.", ("64,000 men", 64000, "people", False)),
    ("The region now has only 120,000 inhabitants.", ("120,000 inhabitants", 120000, "people", False)),
])
def test_counts_with_their_unit(text, expected):
    assert quantities(text) == [expected]


@pytest.mark.parametrize("text, unit", [
    ("About 30,000 people were killed in the war in Tigray.", "killed"),
    ("The blast caused the deaths of 11 civilians near Kharkiv.", "killed"),
    ("Airstrikes killed at least 14 Yemenis in Saada.", "killed"),
    ("Shelling wounded 40 residents of Omdurman.", "injured"),
    ("The fighting has displaced 8,000 families.", "families"),
    ("Some 12,000 villagers fled across the border into Chad.", "displaced"),
    ("The two sides exchanged 230 soldiers on Friday.", "prisoners"),
    ("The clashes left 25 dead and 60 wounded.", "killed"),
])
def test_counts_of_persons_take_the_meaning_of_their_clause(text, unit):
    assert quantities(text)[0][2] == unit


def test_bare_numbers_that_a_clause_names():
    assert quantities("The death toll rose to 120 in Khan Younis.") == [("120", 120, "killed", False)]
    assert quantities("The number of refugees in Uganda reached 50,000.") == [("50,000", 50000, "displaced", False)]
    assert quantities("Before the siege the town had a population of 45,000.") == [("45,000", 45000, "people", False)]
    found = quantities("Rebels killed 30 and wounded 45 in the raid.")
    assert [(text, unit) for text, _, unit, _ in found] == [("30", "killed"), ("45", "injured")]


def test_a_bare_number_after_a_count_of_persons_counts_the_same():
    found = quantities("The UN counts 300,000 residents in the valley, which the government puts at 180,000.")
    assert [(value, unit) for _, value, unit, _ in found] == [(300000, "people"), (180000, "people")]


@pytest.mark.parametrize("text, expected", [
    ("Between 300 and 400 soldiers crossed into Darfur.", ("300 and 400 soldiers", 300, "troops", True)),
    ("Some 100-200 fighters remain in the hills.", ("Some 100-200 fighters", 100, "troops", True)),
])
def test_ranges_are_their_lower_bound_and_approximate(text, expected):
    assert quantities(text) == [expected]


def test_durations_are_counts_of_time_units():
    found = quantities("A 72-hour pause, then six months of talks and a five-year mandate.")
    assert [(value, unit) for _, value, unit, _ in found] == [(72, "hours"), (6, "months"), (5, "years")]


@pytest.mark.parametrize("text", [
    "The talks took place in 2019 and again on March 10, 2021.",
    "The 3rd Division and an F-16 squadron were involved.",
    "Thousands fled and dozens of tanks were destroyed.",
    "Two-thirds of the region is under rebel control.",
    "A 30-year-old fighter and a 45-year-old nurse were detained.",
    "The two sides met at 10:30 for the second time.",
    "Rebels fired 3 times at the checkpoint.",
    "Prices rose 40 percent in Khartoum.",
])
def test_no_quantity_without_a_counted_unit(text):
    assert quantities(text) == []


def test_distances_and_areas_keep_the_stated_value():
    found = quantities("The corridor is 10 kilometres long and the zone 1.5 million hectares.")
    assert [(value, unit) for _, value, unit, _ in found] == [(10, "km"), (1_500_000, "hectares")]
