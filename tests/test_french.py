"""French articles run through the French pipeline and keep the stages' English label scheme."""
from peacewatch.analyze import analyze
from peacewatch.nlp.model import model_name
from peacewatch.testing import make_article

TEXT = ("« Les deux armées respecteront le cessez-le-feu dans toute la région », a déclaré "
        "le ministre Jean Dupont à Bamako.")


def test_a_french_article_is_parsed_by_the_french_pipeline():
    assert model_name("fr") == "fr_core_news_sm"


def test_french_names_get_english_labels_and_quotes_their_speaker():
    extraction = analyze(make_article(TEXT, language="fr"))
    assert {(e.text, e.label) for e in extraction.entities} >= {("Jean Dupont", "PERSON")}
    assert [p.name for p in extraction.places] == ["Bamako"]
    assert [(q.text.split()[0], q.speaker) for q in extraction.quotes] == [("Les", "Jean Dupont")]


def test_language_is_detected_when_the_source_does_not_say():
    extraction = analyze(make_article(TEXT, language=None))
    assert extraction.language == "fr"
