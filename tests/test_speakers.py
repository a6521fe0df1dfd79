"""Speakers named elsewhere in the article: the in-article coreference of people and bodies
(nlp/speakers.py), on sentences written for these tests."""
from peacewatch.testing import mentions


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in mentions(text, "quotes")]


def test_a_surname_alone_is_the_full_name_given_earlier():
    text = ('Colonel Ibrahim Sanogo visited the front near the river. '
            '"Our men will hold the line at any cost," Sanogo said.')
    assert speakers(text) == ["Ibrahim Sanogo"]


def test_she_is_the_woman_of_two_people_named_together():
    text = ('Joseph Mbeki and Grace Mwangi met in Goma on Monday. '
            '"We will keep the road to the border open for aid," she said.')
    assert speakers(text) == ["Grace Mwangi"]


def test_he_is_the_man_of_two_people_named_together():
    text = ('Grace Mwangi and Joseph Mbeki met in Goma on Monday. '
            '"The checkpoints on the northern road will be lifted by Friday," he said.')
    assert speakers(text) == ["Joseph Mbeki"]


def test_a_name_the_recognizer_calls_an_organisation_is_still_a_person_for_he():
    """The small English model labels some unfamiliar names ORG; a given name first says person."""
    text = ('Oleksandr Petrenko met Maria Kovalenko in Kyiv. '
            '"The shelling of the port has stopped since midnight," he said later.')
    assert speakers(text) == ["Oleksandr Petrenko"]


def test_the_army_is_the_armed_forces_of_the_state_in_question():
    text = ('Fighting resumed near Gao in northern Mali on Sunday. '
            '"Our soldiers repelled an attack on the base at dawn," the army said.')
    assert speakers(text) == ["Malian Armed Forces"]


def test_a_ministry_named_in_passing_gets_its_country_and_canonical_name():
    text = ('Clashes were reported near Kharkiv in Ukraine overnight. '
            '"Four civilians were taken to hospital with shrapnel wounds," the health ministry said.')
    assert speakers(text) == ["Ukrainian Ministry of Health"]


def test_it_is_the_body_last_named():
    text = ('The Ethiopian foreign ministry rejected the report on Tuesday. '
            '"The claims are baseless and do not reflect the facts on the ground," it said.')
    assert speakers(text) == ["Ethiopian Ministry of Foreign Affairs"]


def test_the_statement_speaks_for_its_author():
    text = ('The Norwegian Refugee Council issued a statement on Friday. '
            '"Families in the camps have received no food for three weeks," the statement said.')
    assert speakers(text) == ["Norwegian Refugee Council"]


def test_an_unnamed_official_is_no_speaker():
    text = ('General Amara Koné toured the barracks. '
            '"Nobody should believe the truce will last beyond the harvest season," a senior official said.')
    assert speakers(text) == []


def test_a_plural_group_noun_keeps_its_own_words_rather_than_another_body():
    text = ('The United Nations sent observers to the city. '
            '"We have no more fuel for the generators at the clinic," the separatists said on Monday.')
    assert speakers(text) == ["separatists"]
