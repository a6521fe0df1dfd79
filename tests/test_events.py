"""Event coding in ACLED's typology, on sentences written for these tests."""
import pytest

from peacewatch.events import coding
from peacewatch.events.coding import tells_who_did
from peacewatch.events.sentence_classifier import CHEAP_READER, sentence_probabilities
from peacewatch.events.verdict import verdict
from peacewatch.nlp.model import pipeline_for
from peacewatch.settings import SETTINGS
from peacewatch.testing import mentions

TYPED = [
    ("Government troops and rebels clashed near the village of Kidal on Monday.", "Battles", "Armed clash"),
    ("An airstrike hit a market in the town of Saada on Sunday, killing 12 people.", "Explosions/Remote violence", "Air/drone strike"),
    ("Separatists shelled the outskirts of Donetsk overnight.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb exploded near a checkpoint in Kandahar on Tuesday.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Gunmen abducted 20 students from a school in Kaduna on Friday.", "Violence against civilians", "Abduction/forced disappearance"),
    ("Thousands of people protested in Khartoum on Saturday against the military.", "Protests", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters in Nairobi on Tuesday.", "Protests", "Protest with intervention"),
    ("The two governments signed a ceasefire agreement in Doha on Wednesday.", "Strategic developments", "Agreement"),
    ("Police arrested three opposition leaders in Kinshasa on Monday.", "Strategic developments", "Arrests"),
    ("The army withdrew its troops from the northern border on Thursday.", "Strategic developments", "Change to group/activity"),
]


@pytest.mark.parametrize("sentence, event_type, sub_event_type", TYPED)
def test_sentence_is_coded_with_acled_types(sentence, event_type, sub_event_type):
    [event] = mentions(sentence, "events")
    assert (event.event_type, event.sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize("sentence", [
    "The rebels will withdraw from the city by the end of the month.",
    "If the talks fail, the army could launch an offensive.",
    "The two sides did not sign the agreement.",
    "The president has set a goal of signing a peace agreement with the rebels.",
    "The weather in the capital was mild on Tuesday.",
])
def test_future_conditional_negated_and_unrelated_sentences_are_not_events(sentence):
    assert mentions(sentence, "events") == []


@pytest.mark.parametrize("done, planned", [
    ("Drones hunted the gunmen in the forest east of the city on Monday.",
     "Drones will hunt the gunmen in the forest east of the city."),
    ("Demining teams cleared the explosives left along the road to the airport on Monday.",
     "Demining teams will clear the explosives left along the road to the airport."),
])
def test_the_classifier_codes_what_was_done_not_what_a_main_verb_plans(done, planned):
    """No trigger phrase here: the classifier alone reads these, and it reads meaning, not mood."""
    assert len(mentions(done, "events")) == 1
    assert mentions(planned, "events") == []


def test_event_takes_the_day_of_its_sentence():
    [event] = mentions("Rebels shelled the town of Goma on Monday.", "events", published="2024-03-14")
    assert (event.event_date, event.time_precision) == ("2024-03-11", 1)


def test_event_without_a_day_falls_back_to_publication_week():
    [event] = mentions("Rebels shelled the town of Goma.", "events", published="2024-03-14")
    assert (event.event_date, event.time_precision) == ("2024-03-14", 2)


def test_fatalities_come_from_killed_quantities():
    [event] = mentions("An airstrike on the market in Saada killed 12 civilians on Sunday.", "events")
    assert event.fatalities == 12


def test_location_is_the_most_precise_place():
    [event] = mentions("Rebels shelled the town of Goma in Congo on Monday.", "events")
    assert event.location == "Goma" and event.latitude == pytest.approx(-1.68, abs=0.2)


def test_protesters_are_named_after_their_country():
    [event] = mentions("Thousands of people protested in Khartoum on Saturday.", "events")
    assert event.actor1 == "Protesters (Sudan)"


def test_territory_taken_by_a_state_is_regained():
    [event] = mentions("Ukraine recaptured the town of Kupiansk on Friday.", "events")
    assert event.sub_event_type == "Government regains territory" and event.actor1 == "Ukraine"


def test_two_reports_of_one_event_in_an_article_are_one_event():
    text = ("Rebels shelled the town of Goma on Monday. "
            "The shelling of Goma on Monday also damaged a hospital.")
    assert len(mentions(text, "events")) == 1


def test_an_agreement_dated_by_its_future_start_happened_at_publication():
    [event] = mentions("The warring parties sign a truce in the north from Sunday.", "events", published="2024-03-14")
    assert (event.sub_event_type, event.event_date) == ("Agreement", "2024-03-14")


def test_territory_handed_over_is_a_transfer_but_people_returning_are_not():
    [event] = mentions("Rebels handed over the town of Bunia to the army on Monday.", "events")
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert mentions("About 2,000 people returned to the town of Yei on Monday.", "events") == []


def test_a_weapon_that_kills_civilians_codes_the_weapon():
    [event] = mentions("A drone strike killed six civilians at a wedding in Helmand on Friday.", "events")
    assert event.sub_event_type == "Air/drone strike"


def test_past_tense_of_rape_is_found_despite_the_lemmatiser():
    [event] = mentions("Soldiers raped two women in a village near Bunia on Sunday, witnesses said.", "events")
    assert event.sub_event_type == "Sexual violence"


# How rules and the sentence classifier decide together (events/verdict.py, weights in events.yaml).
STRIKE = "Explosions/Remote violence|Air/drone strike"
SHELLING = "Explosions/Remote violence|Shelling/artillery/missile attack"


def reading(**probabilities: float) -> dict[str, float]:
    """Classifier probabilities over three labels: no event, a shelling and an air strike."""
    return {"": probabilities.get("none", 0.0), SHELLING: probabilities.get("shelling", 0.0),
            STRIKE: probabilities.get("strike", 0.0)}


def test_a_rules_event_stands_against_a_classifier_that_only_leans_to_no_event():
    assert verdict(SHELLING, reading(none=0.6, shelling=0.3, strike=0.1)) == SHELLING


def test_a_rules_event_falls_when_the_minilm_classifier_is_sure_nothing_happened():
    assert verdict(SHELLING, reading(none=0.99, shelling=0.01), encoder="minilm") is None


def test_the_word_pieces_classifier_never_overrules_a_rules_event():
    assert verdict(SHELLING, reading(none=1.0), encoder="word-pieces") == SHELLING


def test_the_rules_sub_type_wins_a_close_call_and_loses_a_clear_one_to_minilm():
    assert verdict(SHELLING, reading(shelling=0.35, strike=0.65), encoder="minilm") == SHELLING
    assert verdict(SHELLING, reading(shelling=0.05, strike=0.95), encoder="minilm") == STRIKE


def test_the_rules_sub_type_stands_against_the_word_pieces_classifier():
    assert verdict(SHELLING, reading(shelling=0.05, strike=0.95), encoder="word-pieces") == SHELLING


def test_without_a_rule_only_a_confident_classifier_codes_an_event():
    assert verdict(None, reading(none=0.1, strike=0.85, shelling=0.05)) == STRIKE
    assert verdict(None, reading(none=0.4, strike=0.35, shelling=0.25)) is None


def test_only_plain_word_sentences_the_cheap_reader_is_sure_of_reach_the_event_reader(monkeypatch):
    """Quiet sentences are many: the event reader reads only those the cheap reader screened in."""
    burning = "Herders set the granaries of a farming village near Bama ablaze on Sunday."
    market = "The cattle market in Zamfara reopened on Monday after the rains."
    calls = []
    def spy(texts, encoder=SETTINGS.event_encoder):
        calls.append((encoder, list(texts)))
        return sentence_probabilities(texts, encoder)
    monkeypatch.setattr(coding, "sentence_probabilities", spy)
    mentions(f"{burning} {market}", "events")
    assert (CHEAP_READER, [burning, market]) in calls
    assert (SETTINGS.event_encoder, [burning]) in calls


@pytest.mark.parametrize("text, tells", [
    ("Herders set the granaries ablaze in a village near Bama on Sunday.", True),
    ("Two villages were emptied overnight by the gang.", True),
    ("Download our app for the latest news.", False),
    ("Checkpoint outside the northern gate of Maiduguri", False),
])
def test_only_a_clause_with_a_subject_is_read_without_a_prompting_word(text, tells):
    sentence = next(iter(pipeline_for("en")(text).sents))
    assert tells_who_did(sentence) is tells


@pytest.mark.parametrize("sentence", [
    "Herders set the granaries of a farming village near Bama ablaze on Sunday.",
    "Settlers uprooted hundreds of olive saplings in a village near Nablus on Saturday.",
])
def test_an_event_told_without_war_words_is_found_by_the_classifier(sentence):
    [event] = mentions(sentence, "events")
    assert event.sub_event_type == "Looting/property destruction"


def test_a_quiet_sentence_without_war_words_stays_no_event():
    assert mentions("The cattle market in Zamfara reopened on Monday after the rains.", "events") == []


def test_an_agreement_signed_one_day_and_in_force_the_next_is_one_event():
    text = ("The government and the M23 rebels signed a ceasefire agreement in Luanda on Monday, March 11. "
            "The ceasefire took effect in Goma on Tuesday, March 12.")
    agreements = [e for e in mentions(text, "events") if e.sub_event_type == "Agreement"]
    assert len(agreements) == 1


def test_clashes_on_the_same_day_in_two_towns_stay_two_events():
    text = ("Army troops clashed with rebels in Goma on Monday, March 11. "
            "Separately, soldiers fought militiamen in Bukavu on Monday, March 11.")
    clashes = [e for e in mentions(text, "events") if e.sub_event_type == "Armed clash"]
    assert sorted(e.location for e in clashes) == ["Bukavu", "Goma"]


@pytest.mark.parametrize("text, sub_type", [
    ("Government troops took back the town of Gao from the rebels on Monday.", "Government regains territory"),
    ("Soldiers retook the border post at Kasindi from militiamen on Monday.", "Government regains territory"),
    ("Federal forces reclaimed the town of Bor from the rebels on Monday.", "Government regains territory"),
    ("Houthi forces seized the district of Harib from government troops on Monday.", "Non-state actor overtakes territory"),
    ("The Rapid Support Forces overran the army base in Nyala on Monday.", "Non-state actor overtakes territory"),
])
def test_who_takes_a_place_decides_regained_or_overtaken(text, sub_type):
    assert [e.sub_event_type for e in mentions(text, "events")] == [sub_type]


def test_seized_weapons_are_no_territory_taken():
    found = mentions("Police seized a cache of rifles and ammunition in the town of Kaduna on Monday.", "events")
    assert "Government regains territory" not in [e.sub_event_type for e in found]
