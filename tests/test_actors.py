from peacewatch.knowledge.actors import ArticleActors, actor_info, canonical_actor, clean_name


def test_catalogued_leader_in_transliterations():
    assert canonical_actor("Hemeti") == "Mohamed Hamdan Dagalo"
    assert canonical_actor("President Volodymyr Zelenskyy") == "Volodymyr Zelensky"


def test_states_come_from_the_country_table():
    assert canonical_actor("the Russian Federation") == "Russia"
    assert canonical_actor("Burkina Faso") == "Burkina Faso"
    assert actor_info("Mali").kind == "state"
    assert actor_info("Mali").country == "ML"


def test_capital_names_its_state():
    assert canonical_actor("Khartoum") == "Sudan"


def test_demonyms_and_adjectives_name_the_state():
    assert canonical_actor("Malians") == "Mali"
    assert canonical_actor("Colombian") == "Colombia"
    assert canonical_actor("Sudanese") == "Sudan"


def test_a_demonym_of_two_words_names_its_state_not_the_first_words():
    assert canonical_actor("South Sudanese") == "South Sudan"
    assert canonical_actor("South Sudanese soldiers") == "South Sudan"
    assert canonical_actor("Sri Lankan troops") == "Sri Lanka"


def test_adjective_with_force_noun_names_the_armed_forces():
    assert canonical_actor("Israeli troops") == "Military Forces of Israel"
    assert canonical_actor("Malian government") == "Mali"


def test_group_aliases_and_inter_codes():
    assert canonical_actor("RSF") == "Rapid Support Forces"
    assert actor_info("Rapid Support Forces").inter == 2
    assert canonical_actor("Hizbollah's") == "Hezbollah"


def test_unknown_name_is_its_own_cleaned_canonical():
    assert canonical_actor("the Sahel Peace Council's") == "Sahel Peace Council"
    assert actor_info("Sahel Peace Council") is None


def test_clean_name_strips_titles():
    assert clean_name("Mr. Ahmed Diallo") == "Ahmed Diallo"


def test_short_form_takes_the_full_name_of_the_article():
    people = ArticleActors(["Amadou Traoré", "Ivan Petrenko"])
    assert people.canonical("Traoré") == "Amadou Traoré"
    assert people.canonical("Mr Petrenko") == "Ivan Petrenko"
    assert people.is_person("Ivan")


def test_respelling_of_uncatalogued_name_takes_first_spelling():
    people = ArticleActors(["Artyom Grigoryan"])
    assert people.canonical("Artiom Grigorian") == "Artyom Grigoryan"


def test_shared_surname_is_not_resolved():
    people = ArticleActors(["Anna Kovalenko", "Petro Kovalenko"])
    assert people.canonical("Kovalenko") == "Kovalenko"
