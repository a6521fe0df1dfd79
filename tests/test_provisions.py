"""Provisions as news reports them, on sentences written for these tests."""
import pytest

from peacewatch.testing import mentions

AGREEMENT = "The two parties signed a peace agreement in Addis Ababa on Monday. "


def test_withdrawal_with_a_deadline_and_obliged_party():
    [provision] = mentions(AGREEMENT + "Under the deal, Eritrea must withdraw its troops from the border area by April 30.",
                           "provisions", published="2024-03-14")
    assert provision.category == "withdrawal"
    assert provision.deadline == "2024-04-30"
    assert "Eritrea" in provision.parties


def test_relative_deadline_is_a_duration():
    [provision] = mentions(AGREEMENT + "The rebels shall hand over their weapons within 30 days.", "provisions")
    assert (provision.category, provision.deadline) == ("disarmament", "P30D")


def test_term_of_a_mission_is_its_duration_and_relative_deadline():
    found = mentions(AGREEMENT + "Kenyan peacekeepers will remain in the area for five years.", "provisions")
    assert [(p.category, p.duration, p.deadline) for p in found] == [("peacekeeping", "P5Y", "P5Y")]


def test_a_ceasefire_is_due_when_it_takes_effect():
    [provision] = mentions(AGREEMENT + "The ceasefire will take effect at 18:00 local time on Friday.",
                           "provisions", published="2024-03-14")
    assert (provision.category, provision.deadline) == ("ceasefire", "2024-03-15")


def test_past_facts_are_not_provisions():
    assert mentions(AGREEMENT + "Fighting resumed in the north last year.", "provisions") == []


def test_no_agreement_no_provisions():
    assert mentions("Troops must withdraw from the valley by Friday, the general said of the drill.", "provisions") == []


def test_a_category_word_that_only_qualifies_another_is_not_a_second_provision():
    found = mentions(AGREEMENT + "A joint commission will monitor the ceasefire along the river.", "provisions")
    assert [p.category for p in found] == ["monitoring"]


def test_listed_obligations_are_each_a_provision():
    found = mentions(AGREEMENT + "The accord provides for the disarmament of the militia and the withdrawal of "
                     "foreign troops.", "provisions")
    assert {p.category for p in found} == {"disarmament", "withdrawal"}


def test_a_leaders_quoted_words_are_no_terms():
    found = mentions(AGREEMENT + '"If this truce fails, our fighters will withdraw to the hills," the commander said.',
                     "provisions")
    assert found == []


def test_commentary_that_guesses_states_no_term():
    found = mentions(AGREEMENT + "Foreign peacekeepers might remain in the region for many years to come.", "provisions")
    assert found == []


@pytest.mark.parametrize("sentence", [
    "The opposition leader called the ceasefire a fragile first step.",
    "Rebel commanders said they would abide by the truce as long as the army did.",
    "The length of the truce would depend on progress at the talks, he said.",
])
def test_a_ceasefire_named_in_passing_is_no_ceasefire_term(sentence):
    assert [p.category for p in mentions(AGREEMENT + sentence, "provisions")] == []


def test_a_past_deployment_is_no_term_even_when_it_serves_the_deal():
    found = mentions(AGREEMENT + "To ensure compliance with the deal, the mission began deploying 900 troops on Tuesday.",
                     "provisions")
    assert found == []


def test_the_terms_a_reported_agreement_sets_are_provisions():
    found = mentions(AGREEMENT + "Rebel forces must pull back from the border towns by April 30.", "provisions", published="2024-03-14")
    assert [(p.category, p.deadline) for p in found] == [("withdrawal", "2024-04-30")]


def test_a_headline_restates_the_lead_and_is_no_provision():
    text = ("Sudan's rivals sign truce as aid convoys wait\n\n"
            "JEDDAH, May 21 (Wire) — The two sides signed a truce on Saturday. The deal commits both sides to allow aid "
            "convoys into Darfur.")
    found = mentions(text, "provisions", published="2023-05-21")
    assert all(not p.text.startswith("Sudan's rivals") for p in found)
    assert "humanitarian" in {p.category for p in found}
