"""Provisions as news reports them, on sentences written for these tests."""
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
