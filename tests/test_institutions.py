"""The institution catalog: one canonical name for a state's bodies however news words them."""
from peacewatch.knowledge.institutions import body_name, description_kind, state_body


def test_a_ministry_is_named_with_the_demonym_and_the_portfolio():
    assert body_name(["Kenya", "'s", "interior", "ministry"], None) == "Kenyan Ministry of Interior"


def test_the_state_the_phrase_names_wins_over_the_context():
    assert body_name(["Sudanese", "foreign", "ministry"], "TD") == "Sudanese Ministry of Foreign Affairs"


def test_the_context_gives_the_state_a_phrase_leaves_out():
    assert body_name(["defence", "ministry"], "AM") == "Armenian Ministry of Defence"


def test_a_force_with_a_name_of_its_own_is_named_so():
    assert state_body("armed_force", "IL") == "Israel Defense Forces"
    assert body_name(["FARDC"], None) == "Congolese Armed Forces"


def test_forces_without_a_listed_name_are_built_from_the_demonym():
    assert state_body("armed_force", "NE") == "Nigerien Armed Forces"


def test_a_government_is_the_state_itself():
    assert state_body("government", "CO") == "Colombia"


def test_a_ministry_without_a_portfolio_or_a_state_gets_no_built_name():
    assert body_name(["ministry"], None) is None
    assert state_body("ministry", "ML") is None


def test_nouns_for_bodies_have_a_kind_and_nouns_for_people_none():
    assert description_kind("army") == "armed_force"
    assert description_kind("ministry") == "ministry"
    assert description_kind("nurse") is None
