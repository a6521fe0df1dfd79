"""One event per happening, at its most precise place, and no event for background: on sentences
written for these tests (real reporting's shapes: headline, dateline, lead, history, habit)."""
import datetime as dt

import pytest

from peacewatch.events.background import past_by_days
from peacewatch.testing import mentions


@pytest.mark.parametrize("sentence", [
    "During the civil war of the 1980s, the rebels shelled the capital for weeks.",
    "The accord, signed in Arusha in June 2015, ended three years of fighting in the north.",
    "Back in 2014, the militants seized Mosul in a matter of days.",
])
def test_history_told_by_its_dates_beside_the_news_is_not_a_current_event(sentence):
    news = "Rebels shelled the town of Butembo on Monday, killing four people. "
    found = mentions(news + sentence, "events", published="2024-03-14")
    assert [e.event_date for e in found] == ["2024-03-11"]


def test_a_report_all_about_a_past_happening_codes_it():
    found = mentions("Back in 2014, the militants seized Mosul in a matter of days.", "events", published="2024-03-14")
    assert len(found) == 1


def test_a_recent_day_keeps_a_sentence_that_also_recalls_an_old_war():
    found = mentions("Since the fighting flared on Feb. 20, the army says it retook villages it lost in a 1998 war.",
                     "events", published="2024-03-14")
    assert [e.event_date for e in found] == ["2024-02-20"]


def test_a_date_after_since_starts_what_goes_on_and_is_no_history():
    found = mentions("Gunmen ambushed a convoy on Monday near Beni, a town held by rebels since 2019.",
                     "events", published="2024-03-14")
    assert len(found) == 1


@pytest.mark.parametrize("sentence", [
    "The militia has repeatedly attacked convoys on the road to Bunia.",
    "Gunmen often raid the highway at night and abduct travellers for ransom.",
])
def test_a_habit_is_not_an_event(sentence):
    assert mentions(sentence, "events") == []


def test_a_habit_word_does_not_hide_a_dated_event():
    found = mentions("Rebels, who regularly raid the area, shelled Butembo on Monday.", "events", published="2024-03-14")
    assert [e.sub_event_type for e in found] == ["Shelling/artillery/missile attack"]


def test_a_standing_fact_is_not_an_event():
    assert mentions("The enclave is part of the republic under international law and has its own militia.",
                    "events") == []


def test_a_verb_with_an_object_is_no_protest():
    assert mentions("The army has demonstrated its resolve to crush the insurgency.", "events") == []
    [protest] = mentions("Thousands demonstrated in Lome on Saturday against the new constitution.", "events")
    assert protest.sub_event_type == "Peaceful protest"


def test_past_by_days_reads_decades_years_seasons_and_days():
    published = dt.date(2024, 3, 14)
    assert past_by_days("198X", published) > 365 * 30
    assert past_by_days("2020-FA", published) > 365 * 3
    assert past_by_days("2024-03-11", published) == 3
    assert past_by_days("P3D", published) is None


HEADLINE_AND_LEAD = ("Rebels seize town in eastern Congo\n\n"
                     "GOMA, March 12 (Wire) — M23 rebels seized the town of Rutshuru in North Kivu on Monday "
                     "after two days of fighting, residents said.\n\n"
                     "The fall of the town forced thousands to flee toward Goma.")


def test_a_headline_and_its_lead_are_one_event_placed_and_dated_by_the_lead():
    [event] = [e for e in mentions(HEADLINE_AND_LEAD, "events", published="2024-03-12") if e.event_type == "Battles"]
    assert event.location == "Rutshuru"
    assert event.event_date == "2024-03-11"
    assert "Rutshuru" in event.text


def test_the_dateline_date_is_the_report_s_not_the_event_s():
    [event] = mentions("KHARTOUM, May 21 (Wire) — Paramilitary fighters shelled Omdurman on Saturday, residents said.",
                       "events", published="2023-05-21")
    assert event.event_date == "2023-05-20"


def test_the_town_is_the_place_rather_than_its_region():
    [event] = mentions("Rebels in Ituri shot down two army drones over Bunia on Tuesday.", "events")
    assert event.location == "Bunia"


def test_a_country_is_the_place_only_where_the_sentence_puts_the_event_in_it():
    [event] = mentions("The deal was welcomed in Ethiopia, while in Eritrea it set off riots as crowds stormed "
                       "government offices.", "events")
    assert event.location == "Eritrea"


def test_a_report_in_a_country_and_one_in_its_capital_are_one_event_at_the_capital():
    text = ("The deal was welcomed in Ethiopia, while in Eritrea it set off riots as crowds stormed government offices.\n\n"
            "Rioters ransacked the ministry of defence in Asmara and set cars on fire.")
    riots = [e for e in mentions(text, "events") if e.event_type == "Riots"]
    assert [e.location for e in riots] == ["Asmara"]


def test_a_sentence_that_goes_on_about_a_place_takes_the_place_before():
    text = "Militia fighters reached the outskirts of Bambari late on Sunday. They shelled the main market on Monday."
    shelling = [e for e in mentions(text, "events") if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.location for e in shelling] == ["Bambari"]


def test_an_outlet_cited_for_the_news_is_no_actor():
    [event] = mentions("Rebels shelled the town of Butembo on Monday (Radio Okapi, March 11).", "events")
    assert all("Okapi" not in actor for actor in event.actors)


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("Ukrainian forces downed 14 Russian drones over the Odesa region overnight.", "Disrupted weapons use"),
    ("The two sides exchanged 120 prisoners on Monday under the truce.", "Agreement"),
    ("Hamas freed 12 hostages on Friday under the truce, and Israel released 30 Palestinian prisoners.", "Agreement"),
    ("The ceasefire was extended by a further 30 days on Tuesday.", "Agreement"),
    ("Government troops pulled back to the agreed lines near Tskhinvali on Thursday.", "Change to group/activity"),
    ("Militia fighters handed over their weapons to UN peacekeepers in Bambari on Friday.", "Change to group/activity"),
])
def test_sub_types_that_real_reporting_confuses(sentence, sub_event_type):
    [event] = mentions(sentence, "events")
    assert event.sub_event_type == sub_event_type


def test_a_battle_named_by_a_noun_is_reported_when_a_past_verb_tells_what_happened_in_it():
    [event] = mentions("Two soldiers were reportedly killed during an exchange of fire near the village of Tessit.", "events")
    assert event.sub_event_type == "Armed clash"
