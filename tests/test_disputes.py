"""Disputed figures: claims read from sentences, and the rule that sets two sources against each other."""
import json

import pytest
from typer.testing import CliRunner

from peacewatch.analyze import analyze
from peacewatch.claims.disputes import agree, disputes, rivals
from peacewatch.cli import app
from peacewatch.store import open_store
from peacewatch.testing import make_article, mentions


def claim_of(text: str) -> dict:
    [claim] = mentions(text, "claims")
    return claim.model_dump(include={"text", "measure", "value", "subject", "attribution", "bound"})


def test_according_to_names_the_source_of_a_displacement_figure():
    assert claim_of("According to the United Nations, 45,000 people have fled Goma since the rebels advanced.") == {
        "text": "45,000 people", "measure": "displaced", "value": 45000, "subject": "Goma",
        "attribution": "United Nations", "bound": None}


def test_the_subject_of_a_speech_verb_is_the_source():
    claim = claim_of("At least 40 people were killed in Kidal, the army said.")
    assert (claim["measure"], claim["subject"], claim["attribution"], claim["bound"]) == ("killed", "Kidal", "army", "lower")


def test_a_figure_in_a_quotation_is_its_speakers():
    claim = claim_of('"We have counted 800 dead in Mekelle," said Getachew Reda, a spokesman for the Tigrayan forces.')
    assert (claim["measure"], claim["value"], claim["attribution"]) == ("killed", 800, "Getachew Reda")


def test_a_capital_speaks_for_its_state():
    claim = claim_of("Officials in Kyiv estimate that 3,000 Ukrainian soldiers are held in camps.")
    assert (claim["measure"], claim["subject"], claim["attribution"]) == ("troops", "Ukraine", "Ukraine")


def test_inhabitants_and_residents_are_a_population_of_the_place_they_live_in():
    claim = claim_of("The town of Bentiu has 90,000 residents, the mayor told reporters.")
    assert (claim["measure"], claim["subject"], claim["attribution"]) == ("population", "Bentiu", "mayor")


def test_a_word_for_a_place_stands_for_the_last_place_of_that_kind():
    assert claim_of("Rebels entered Kidal on Monday. The town now has only 9,000 inhabitants.")["subject"] == "Kidal"
    claim = claim_of("Heavy shelling hit Donetsk Oblast overnight. The province had 1.9 million residents before "
                     "the war, officials said.")
    assert (claim["measure"], claim["subject"], claim["value"]) == ("population", "Donetsk Oblast", 1900000)


def test_one_sentence_may_give_two_figures_from_two_sources():
    first, second = mentions("According to the rebels, 300,000 people live in Tigray, which is 150,000 according to "
                             "Ethiopia.", "claims")
    assert (first.measure, first.subject, first.value, first.attribution) == ("population", "Tigray", 300000, "rebels")
    assert (second.measure, second.subject, second.value, second.attribution) == ("population", "Tigray", 150000, "Ethiopia")


def test_troops_are_about_the_party_that_sends_them_and_where():
    claim = claim_of("Ethiopia deployed 3,000 troops in Somalia.")
    assert (claim["measure"], claim["subject"]) == ("troops", "Ethiopia in Somalia")


def test_troops_of_no_named_party_are_about_no_one():
    assert claim_of("Some 2,000 troops were deployed in Somalia.")["subject"] is None


def test_a_part_of_a_figure_and_a_span_of_time_are_not_claims():
    claims = mentions("The militia has 5,000 fighters in Ituri, including 800 child soldiers, and fought for three "
                      "years.", "claims")
    assert [c.text for c in claims] == ["5,000 fighters"]


def row(value, article="a", attribution=None, bound=None, year=None):
    return {"subject": "Goma", "measure": "displaced", "value": value, "article_id": article,
            "attribution": attribution, "bound": bound, "year": year}


def test_values_within_the_tolerance_agree_and_bounds_allow_the_other_value():
    assert agree(row(2000), row(1960), 0.1)
    assert not agree(row(120000), row(50000), 0.1)
    assert agree(row(40, bound="lower"), row(52), 0.1)
    assert agree(row(300, bound="upper"), row(250), 0.1)
    assert not agree(row(100, bound="upper"), row(250), 0.1)


def test_rivals_are_two_sources_about_one_time():
    assert rivals(row(1, article="a"), row(2, article="b"))
    assert rivals(row(1, attribution="UN"), row(2, attribution="Rwanda"))
    assert not rivals(row(1), row(2))
    assert not rivals(row(1, article="a", year="2019"), row(2, article="b", year="2023"))


def test_a_dispute_lists_every_figure_of_its_subject_largest_first():
    found = disputes([row(12000, "b", "governor"), row(45000, "a", "United Nations"), row(44000, "c")], 0.1)
    assert [(r["dispute"], r["value"], r["attribution"]) for r in found] == [
        (1, 45000, "United Nations"), (1, 44000, None), (1, 12000, "governor")]
    assert disputes([row(45000, "a"), row(44000, "b")], 0.1) == []


ARTICLES = {
    "un-report": "According to the United Nations, 45,000 people have fled Goma since the rebels advanced on Monday.",
    "governor": "The provincial governor said 12,000 residents had fled Goma after the rebels advanced.",
    "aid": "Around 2,500 people have fled Bor since Friday, aid agencies said.",
    "church": "Church leaders said 2,400 people had fled Bor, many of them on foot.",
}


@pytest.fixture
def url(store_url):
    url = store_url  # on SQLite and PostgreSQL (conftest.py)
    with open_store(url) as store:
        batch = []
        for article_id, text in ARTICLES.items():
            article = make_article(text, id=article_id, outlet=f"{article_id} news")
            batch.append((article, analyze(article), f"{article_id}.txt"))
        store.add(batch)
    return url


def test_disputes_sets_two_sources_for_one_town_against_each_other_but_not_close_figures(url):
    with open_store(url) as store:
        found = store.disputes()
    assert [(r["dispute"], r["subject"], r["measure"], r["value"], r["attribution"], r["article_id"]) for r in found] == [
        (1, "Goma", "displaced", 45000, "United Nations", "un-report"),
        (1, "Goma", "displaced", 12000, "provincial governor", "governor")]
    assert found[0]["sentence"] == ARTICLES["un-report"] and found[0]["outlet"] == "un-report news"


def test_a_near_duplicate_is_not_a_second_source(tmp_path):
    url = f"sqlite:///{tmp_path / 'copies.db'}"
    original = ("According to the United Nations, 45,000 people have fled Goma since the rebels advanced. "
                "Aid workers in the region reported on Tuesday that the camps near the lake were full and that "
                "clean water was running short. Schools on the road to the border have been turned into shelters, "
                "and the provincial authorities asked donors for tents, blankets and medicine before the rainy "
                "season begins. Traders said the price of maize had doubled in a week as the roads to the north "
                "stayed closed.")
    copy = original.replace("45,000", "54,000") + " More rain is expected."
    with open_store(url) as store:
        store.add([(a, analyze(a), "x.txt") for a in (make_article(original, id="first"), make_article(copy, id="copy"))])
        assert {a["id"]: a["duplicate_of"] for a in store.articles()} == {"first": None, "copy": "first"}
        assert store.disputes() == []


def test_the_command_writes_each_disputed_figure_as_a_json_row(url):
    result = CliRunner().invoke(app, ["disputes", "--db", url, "--measure", "displaced", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["value"], r["attribution"], r["published"]) for r in rows] == [
        (45000, "United Nations", "2024-03-14"), (12000, "provincial governor", "2024-03-14")]
    tolerant = CliRunner().invoke(app, ["disputes", "--db", url, "--tolerance", "0.8", "--format", "json"])
    assert json.loads(tolerant.stdout) == []
