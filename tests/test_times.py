"""The times stage on sentences written for these tests (Thursday 2024-03-14 unless told)."""
from __future__ import annotations

import datetime as dt

import pytest

from peacewatch.nlp.numbers import find_numbers, number_value
from peacewatch.nlp.times_grammar import Candidate
from peacewatch.nlp.times_values import Reference, nearest_date, value_and_type, weekday_date
from peacewatch.testing import mentions

THURSDAY = dt.date(2024, 3, 14)


def times(text: str, published: str = "2024-03-14") -> dict[str, tuple[str, str]]:
    return {m.text: (m.value, m.type) for m in mentions(text, "times", published)}


def values(text: str, published: str = "2024-03-14") -> dict[str, str]:
    return {span: value for span, (value, _) in times(text, published).items()}


@pytest.mark.parametrize("text, expected", [
    ("The ceasefire was signed in Addis Ababa on November 2, 2022.", {"November 2, 2022": "2022-11-02"}),
    ("Delegates met in Doha on 9 November 2023 to discuss hostages.", {"9 November 2023": "2023-11-09"}),
    ("Bamako, 14/11/2023 - The junta rejected the proposal.", {"14/11/2023": "2023-11-14"}),
    ("The truce, agreed on Sept. 27, held for a week.", {"Sept. 27": "2023-09-27", "a week": "P1W"}),
    ("Fighting resumed in August 2021 after a lull.", {"August 2021": "2021-08"}),
])
def test_absolute_dates(text, expected):
    assert values(text) == expected


def test_month_day_without_year_takes_the_nearest_year():
    assert values("Rebels must leave the city by January 5.", "2023-12-20") == {"January 5": "2024-01-05"}
    assert values("The offensive began on December 20.", "2024-01-05") == {"December 20": "2023-12-20"}


def test_weekday_is_in_the_past_week_by_default_and_the_same_day_when_it_is_today():
    found = values("Militias shelled the town on Monday and again on Thursday.")
    assert found == {"Monday": "2024-03-11", "Thursday": "2024-03-14"}


@pytest.mark.parametrize("sentence", [
    "Talks between the two delegations will resume on Tuesday in Jeddah.",
    "The vote is scheduled for Tuesday.",
    "Both sides agreed to talks in Geneva on Tuesday.",
])
def test_weekday_looks_ahead_when_the_sentence_does(sentence):
    assert values(sentence) == {"Tuesday": "2024-03-19"}


def test_a_verb_with_a_particle_reports_rather_than_schedules():
    assert values("Soldiers set up a roadblock outside Gao on Saturday.") == {"Saturday": "2024-03-09"}
    assert values("The handover is set for Saturday.") == {"Saturday": "2024-03-16"}


def test_weekday_with_its_date_takes_the_date():
    assert values("Kyiv and Moscow swapped prisoners on Saturday, March 9.") == {"Saturday, March 9": "2024-03-09"}


@pytest.mark.parametrize("text, span, value", [
    ("The UN envoy arrived yesterday.", "yesterday", "2024-03-13"),
    ("The mediators will report tomorrow.", "tomorrow", "2024-03-15"),
    ("The blockade was lifted this Monday.", "this Monday", "2024-03-11"),
    ("Aid reached Gaza last week.", "last week", "2024-W10"),
    ("Elections are planned for next year.", "next year", "2025"),
])
def test_relative_days_and_periods(text, span, value):
    assert values(text)[span] == value


def test_the_day_before_counts_from_the_day_the_paragraph_is_about():
    found = values("Rebels entered Goma on March 2. The army had withdrawn the day before.")
    assert found == {"March 2": "2024-03-02", "the day before": "2024-03-01"}


@pytest.mark.parametrize("text, span, value", [
    ("Clashes have continued since the end of January.", "the end of January", "2024-01"),
    ("Fighting erupted again in mid-April.", "mid-April", "2023-04"),
    ("Refugees have fled since the early 1990s.", "the early 1990s", "199X"),
    ("The partition dates from the 20th century.", "the 20th century", "19"),
    ("The front has been frozen since the fall of 2020.", "the fall of 2020", "2020-FA"),
    ("The border was drawn 30 years ago.", "30 years ago", "1994"),
    ("The militia has existed since 2013.", "2013", "2013"),
])
def test_months_years_decades_seasons(text, span, value):
    assert values(text)[span] == value


@pytest.mark.parametrize("text, span, value", [
    ("The siege lasted five years.", "five years", "P5Y"),
    ("Observers will stay for six months.", "six months", "P6M"),
    ("Troops must pull back within the next 60 days.", "the next 60 days", "P60D"),
    ("The city fell in less than twenty-four hours.", "less than twenty-four hours", "PT24H"),
    ("A 44-day war ended with the deal.", "44-day", "P44D"),
    ("Talks dragged on for six weeks.", "six weeks", "P6W"),
    ("The dispute has lasted almost three decades.", "almost three decades", "P30Y"),
    ("The mandate is renewed every two years.", "every two years", "P2Y"),
])
def test_durations_and_sets(text, span, value):
    assert values(text)[span] == value
    assert times(text)[span][1] == ("SET" if span.startswith("every") else "DURATION")


@pytest.mark.parametrize("text, span, value", [
    ("The truce takes effect at 00:00 hours, Kyiv time, on March 16.",
     "00:00 hours, Kyiv time, on March 16", "2024-03-16T00:00"),
    ("The pause began at 1 p.m. local time this Wednesday.", "1 p.m. local time this Wednesday", "2024-03-13T13:00"),
    ("Hostilities ceased on March 10, 2024, 06 h 00.", "March 10, 2024, 06 h 00", "2024-03-10T06:00"),
    ("Shelling resumed at 21:30 GMT.", "21:30 GMT", "2024-03-14T21:30"),
])
def test_clock_times_attach_to_their_day(text, span, value):
    assert times(text)[span] == (value, "TIME")


@pytest.mark.parametrize("text", [
    "The situation has recently improved and now looks calmer.",
    "Many years of war have left the region in ruins.",
    "Updated 14:32",
    "The 1991-94 war displaced thousands.",
    "Some 2000 Ethiopian soldiers crossed the border.",
    "The Council adopted Resolution 2021 unanimously.",
    "A 30-year-old fighter was arrested.",
    "May the talks succeed, the envoy said.",
])
def test_vague_words_ranges_counts_and_ages_are_not_times(text):
    assert times(text) == {}


def test_a_date_in_a_citation_is_not_pushed_by_the_future_tense_around_it():
    found = values("The force will be based in Kidal (AFP, March 10).")
    assert found == {"March 10": "2024-03-10"}


def test_no_publication_date_keeps_month_day_unresolved_and_drops_weekdays():
    assert values("Talks opened on Monday, and the deal was signed on June 4.", published=None) == {
        "June 4": "XXXX-06-04"}


def test_weekday_date_calendar():
    published = Reference(THURSDAY)
    assert weekday_date(3, "", published) == THURSDAY
    assert weekday_date(4, "", published) == dt.date(2024, 3, 8)
    assert weekday_date(4, "", Reference(THURSDAY, tense="future")) == dt.date(2024, 3, 15)
    assert weekday_date(3, "last", published) == dt.date(2024, 3, 7)
    assert weekday_date(3, "next", published) == dt.date(2024, 3, 21)


def test_nearest_date_follows_the_tense_across_new_year():
    assert nearest_date(12, 31, THURSDAY) == dt.date(2023, 12, 31)
    assert nearest_date(12, 31, THURSDAY, "future") == dt.date(2024, 12, 31)


def test_ago_keeps_the_unit_precision():
    def ago(count, unit):
        return value_and_type(Candidate(0, 1, "ago", {"count": count, "unit": unit}), Reference(THURSDAY))[0]
    assert (ago(3, "day"), ago(2, "week"), ago(2, "month"), ago(10, "year")) == (
        "2024-03-11", "2024-W09", "2024-01", "2014")


@pytest.mark.parametrize("text, value", [
    ("1,960", 1960), ("2 000", 2000), ("2.5 million", 2_500_000), ("twenty-four", 24),
    ("one hundred and fifty", 150), ("two million five hundred thousand", 2_500_000), ("seven", 7),
])
def test_number_values(text, value):
    assert number_value(text) == value


def test_numbers_skip_ordinals_designators_and_range_ends():
    text = "the 3rd brigade, an F-16, the 1991-94 war and 12 tanks"
    assert [value for _, _, value in find_numbers(text)] == [1991, 12]


@pytest.mark.parametrize("text, span, value", [
    ("Drones struck the depot on Monday morning.", "Monday morning", "2024-03-11TMO"),
    ("The envoy flew to Bamako this morning.", "this morning", "2024-03-14TMO"),
    ("The council votes tonight.", "tonight", "2024-03-14TNI"),
    ("Shelling resumed last night near Kherson.", "last night", "2024-03-13TNI"),
    ("Convoys will leave tomorrow afternoon.", "tomorrow afternoon", "2024-03-15TAF"),
])
def test_parts_of_the_day_keep_their_timex3_suffix_and_are_times(text, span, value):
    assert times(text)[span] == (value, "TIME")


@pytest.mark.parametrize("text, published, value", [
    ("Fighting flared over the weekend in Darfur.", "2024-03-14", "2024-W10-WE"),
    ("Fighting flared over the weekend in Darfur.", "2024-03-17", "2024-W11-WE"),
    ("Monitors will arrive at the weekend.", "2024-03-14", "2024-W11-WE"),
    ("Two markets were hit last weekend.", "2024-03-18", "2024-W11-WE"),
])
def test_the_weekend_is_the_last_one_unless_the_sentence_looks_ahead(text, published, value):
    found = values(text, published)
    assert list(found.values()) == [value]


@pytest.mark.parametrize("text, value", [
    ("Oil exports from Juba fell in the fourth quarter.", "2023-Q4"),
    ("Exports will recover in the third quarter.", "2024-Q3"),
    ("First-quarter grain shipments rose.", "2024-Q1"),
    ("Revenue recovered in the second half of 2022.", "2022-H2"),
    ("Tariffs rose in Q2 2021.", "2021-Q2"),
    ("Imports fell last quarter.", "2023-Q4"),
    ("Aid budgets shrank in the first quarter of last year.", "2023-Q1"),
])
def test_quarters_and_halves_of_the_year(text, value):
    assert list(values(text).values()) == [value]


@pytest.mark.parametrize("text, span, value", [
    ("The prisoner swap took place on Christmas Eve.", "Christmas Eve", "2023-12-24"),
    ("A truce is planned for New Year's Day.", "New Year's Day", "2025-01-01"),
    ("The rebels said they would withdraw by the end of the year.", "the end of the year", "2024"),
    ("Aid deliveries resumed in the spring.", "the spring", "2024-SP"),
    ("The ultimatum expires at midnight on Friday.", "midnight on Friday", "2024-03-08T24:00"),
    ("Monitors report weekly to the council.", "weekly", "P1W"),
])
def test_holidays_periods_seasons_midnight_and_frequencies(text, span, value):
    assert values(text)[span] == value


@pytest.mark.parametrize("text", [
    "The Daily Star quoted a commander.",
    "A quarter of the population has fled, and three quarters of the wells are dry.",
    "They met around noon, a witness said.",
    "Peace talks now look likely, and fighting has recently eased.",
])
def test_names_and_days_nobody_names_are_not_times(text):
    assert times(text) == {}


def test_count_then_earlier_or_later_is_the_timeml_duration():
    found = values("The dam was seized on June 3. Two days later, the army retook it.")
    assert found == {"June 3": "2023-06-03", "Two days": "P2D"}


def test_regression_a_time_in_a_verbless_headline_does_not_hang():
    """_governor climbed heads with `is not`, which never holds for spaCy's fresh Token objects."""
    found = mentions("Truce deadline: Monday, March 18", "times", published="2024-03-14")
    assert [t.value for t in found] == ["2024-03-18"]


def test_clock_time_on_a_weekday_ahead_takes_the_coming_day():
    found = mentions("The truce will take effect at 18:00 local time on Friday.", "times", published="2024-03-14")
    assert [t.value for t in found] == ["2024-03-15T18:00"]


def test_present_tense_start_from_a_weekday_looks_ahead():
    found = mentions("Mediators announce a truce in the north from Sunday.", "times", published="2024-03-14")
    assert [t.value for t in found] == ["2024-03-17"]


def test_a_weekday_the_parser_leaves_without_a_verb_takes_the_verb_before_it():
    found = mentions("The truce is due to take effect at 9 p.m. Juba time on Monday.", "times", published="2024-03-14")
    assert [t.value for t in found] == ["2024-03-18T21:00"]


def test_vague_references_are_left_out_by_default():
    assert mentions("The town is now calm, and fighting recently moved north.", "times") == []


def test_timeml_references_on_request(monkeypatch):
    from peacewatch.nlp import times
    from peacewatch.settings import Settings

    monkeypatch.setattr(times, "SETTINGS", Settings(timeml_references=True))
    found = mentions("The town is now calm, and fighting recently moved north.", "times")
    assert [(t.text, t.value) for t in found] == [("now", "PRESENT_REF"), ("recently", "PAST_REF")]


def test_boolean_settings_read_from_the_environment():
    from peacewatch.settings import Settings

    assert Settings.from_env({"PEACEWATCH_TIMEML_REFERENCES": "1"}).timeml_references is True
    assert Settings.from_env({"PEACEWATCH_TIMEML_REFERENCES": "no"}).timeml_references is False
