"""Records serialise to the extraction contract and back without loss."""
import datetime as dt
import json

from peacewatch.records import Article, Event, Extraction, Place


def test_extraction_round_trips_through_json():
    extraction = Extraction(
        id="a1", published=dt.date(2024, 3, 14), language="en",
        places=[Place(start=0, end=4, text="Goma", name="Goma", lat=-1.68, lon=29.23, country="CD")],
        events=[Event(start=0, end=20, text="Rebels shelled Goma.", event_type="Explosions/Remote violence",
                      sub_event_type="Shelling/artillery/missile attack", actors=["Rebels"])])
    assert Extraction.from_json(extraction.to_json()) == extraction


def test_every_contract_key_is_present_and_text_only_when_carried():
    line = json.loads(Extraction(id="a1").to_json())
    assert set(line) == {"id", "published", "language", *Extraction.MENTION_KINDS}
    assert json.loads(Extraction(id="a1", text="page text").to_json())["text"] == "page text"


def test_article_identity_is_the_hash_of_its_words():
    first = Article(id="x", text="Same words.")
    assert first.content_hash == Article(id="y", text="Same words.").content_hash
    assert first.content_hash != Article(id="x", text="Other words.").content_hash


def test_regression_unicode_line_separators_stay_inside_one_json_line():
    """A web page's NEL (U+0085) once split an output line for readers that use splitlines()."""
    extraction = Extraction(id="a1", text="first\x85second\u2028third")
    line = extraction.to_json()
    assert len(line.splitlines()) == 1
    assert Extraction.from_json(line).text == "first\x85second\u2028third"
