from peacewatch.ingest.near_duplicates import (NearDuplicateIndex, signature, signature_bytes,
                                               signature_from_bytes)
from peacewatch.records import Article, Extraction
from peacewatch.store import open_store

WIRE_STORY = (
    "Delegations of the government and the southern rebel movement signed a truce on Thursday in a "
    "lakeside hotel after nine days of talks brokered by two neighbouring states. The agreement "
    "requires both sides to stop shelling villages along the main highway, to pull heavy weapons "
    "back twenty kilometres within ten days and to let a team of unarmed observers patrol the "
    "front line. A spokesman for the rebels said the movement would respect the deal as long as "
    "the army kept its troops in their barracks, while the defence minister promised that "
    "soldiers would not advance. Aid agencies said some forty thousand people had fled the "
    "fighting since the spring and urged both parties to reopen the road to the border markets "
    "so that food and medicine could reach the camps before the rainy season."
)
# The same story as another outlet re-publishes it: a new first line and one sentence added.
REPUBLISHED = ("Rivals sign lakeside truce\n\n" + WIRE_STORY
               + " Diplomats said a second round of talks would follow next month.")
UNRELATED = (
    "Farmers in the coastal province reported the best coffee harvest in a decade on Monday, as "
    "exporters struggled to find enough containers at the port and prices on the world market "
    "fell for the third week running. The agriculture ministry said it would subsidise storage "
    "for small growers until shipping schedules return to normal later in the year."
)


def test_a_lightly_edited_copy_matches_and_an_unrelated_text_does_not():
    index = NearDuplicateIndex()
    index.add("wire", signature(WIRE_STORY))
    match = index.match(signature(REPUBLISHED))
    assert match is not None and match.article_id == "wire"
    assert 0.8 <= match.similarity < 1.0
    assert index.match(signature(UNRELATED)) is None


def test_case_and_line_breaks_do_not_hide_a_copy():
    index = NearDuplicateIndex()
    index.add("wire", signature(WIRE_STORY))
    rewrapped = WIRE_STORY.upper().replace(". ", ".\n")
    assert index.match(signature(rewrapped)).similarity == 1.0


def test_a_text_without_words_matches_nothing():
    index = NearDuplicateIndex()
    index.add("empty", signature("..."))
    assert index.match(signature("—")) is None


def test_signature_survives_its_persisted_form():
    minhash = signature(WIRE_STORY)
    assert signature_from_bytes(signature_bytes(minhash)).jaccard(minhash) == 1.0
    assert signature_from_bytes(signature_bytes(minhash)).jaccard(signature(UNRELATED)) < 0.2


def _article(article_id: str, text: str) -> tuple[Article, Extraction, str]:
    return Article(id=article_id, text=text, language="en"), Extraction(id=article_id), f"{article_id}.txt"


def test_store_finds_a_copy_of_an_article_stored_by_an_earlier_opening(tmp_path):
    url = f"sqlite:///{tmp_path / 'news.db'}"
    with open_store(url) as store:
        store.add([_article("wire", WIRE_STORY), _article("coffee", UNRELATED)])
    with open_store(url) as store:
        result = store.add([_article("copy", REPUBLISHED)])
        listed = {a["id"]: a for a in store.articles()}
    assert result.added == ["copy"]
    assert result.near_duplicates["copy"].article_id == "wire"
    assert listed["copy"]["duplicate_of"] == "wire" and listed["copy"]["similarity"] >= 0.8
    assert listed["wire"]["duplicate_of"] is None and listed["coffee"]["duplicate_of"] is None


def test_a_copy_points_at_the_original_not_at_another_copy(tmp_path):
    second_copy = "Truce signed by the lake\n\n" + WIRE_STORY + " Markets reopened in the border towns."
    with open_store(f"sqlite:///{tmp_path / 'news.db'}") as store:
        store.add([_article("wire", WIRE_STORY), _article("copy", REPUBLISHED)])
        result = store.add([_article("copy-2", second_copy)])
    assert result.near_duplicates["copy-2"].article_id == "wire"
