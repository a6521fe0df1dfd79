import datetime as dt
import json
from pathlib import Path

import pytest

from peacewatch.errors import InvalidArticle, PeacewatchError, UnreadableFile, UnsupportedFormat
from peacewatch.ingest.readers import iter_paths, read_articles

STORY = ("Government troops and the northern militia agreed on Sunday to halt fighting around the "
         "river port, a mediator from the regional bloc told reporters in the capital.")
FRENCH = ("Les forces armées et les groupes rebelles ont signé dimanche un accord de cessez-le-feu "
          "qui prévoit le retrait des combattants des villes du nord du pays.")
PAGE = """<html lang="en"><head><title>Truce holds in the Sahel | Sahel Monitor</title>
<meta property="og:site_name" content="Sahel Monitor">
<meta property="og:url" content="https://monitor.example.org/truce-holds">
<meta name="date" content="2023-05-02">
</head><body><nav>Home | World | Sport</nav><article><h1>Truce holds in the Sahel</h1>
<p>The truce between the army and the armed groups held for a third day on Tuesday, officials
in Bamako said, as aid convoys reached the north of the country for the first time in weeks.</p>
<p>Negotiators agreed to exchange 40 prisoners within two weeks and to open a monitored corridor
for displaced families returning to their villages before the rainy season.</p>
</article><footer>Copyright 2021 Sahel Monitor</footer></body></html>"""
TODAY = dt.date(2024, 3, 14)


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def test_json_article_keeps_its_fields_ignores_extra_keys_and_detects_language(tmp_path):
    path = write(tmp_path / "a.json", json.dumps(
        {"id": "mali-1", "title": "Accord", "outlet": "Wire", "published": "2022-06-05",
         "language": None, "text": FRENCH, "gold": {"times": []}}))
    [article] = read_articles(path, published=TODAY)
    assert (article.id, article.title, article.outlet) == ("mali-1", "Accord", "Wire")
    assert article.published == dt.date(2022, 6, 5)  # the file's own date wins over the argument
    assert article.language == "fr"
    assert article.text == FRENCH


def test_json_without_id_or_date_takes_the_file_stem_and_the_given_date(tmp_path):
    path = write(tmp_path / "report-7.json", json.dumps({"text": STORY, "language": "en"}))
    [article] = read_articles(path, published=TODAY)
    assert (article.id, article.published) == ("report-7", TODAY)


def test_json_timestamp_gives_its_date(tmp_path):
    fields = {"id": "x", "text": STORY, "published": "2023-05-02T08:30:00Z"}
    path = write(tmp_path / "a.json", json.dumps(fields))
    assert read_articles(path)[0].published == dt.date(2023, 5, 2)


def test_jsonl_reads_one_article_per_line_and_skips_blank_lines(tmp_path):
    lines = [json.dumps({"id": "one", "text": STORY}), "",
             json.dumps({"text": FRENCH, "published": "2021-01-02"})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles = read_articles(path)
    assert [a.id for a in articles] == ["one", "feed-3"]
    assert [a.language for a in articles] == ["en", "fr"]
    assert articles[1].published == dt.date(2021, 1, 2)


def test_jsonl_error_names_the_file_and_the_line(tmp_path):
    path = write(tmp_path / "feed.jsonl", json.dumps({"id": "one", "text": STORY}) + "\n{not json\n")
    with pytest.raises(InvalidArticle) as caught:
        read_articles(path)
    assert str(caught.value).startswith(f"[E103] {path}:2: invalid JSON")


def test_text_file_keeps_its_text_exactly_and_takes_id_and_date_from_outside(tmp_path):
    text = "Ceasefire talks resume\r\n\r\n" + STORY + "\r\n"
    path = write(tmp_path / "talks.txt", text)
    [article] = read_articles(path, published=TODAY)
    assert article.text == text  # offsets index the file as stored, \r\n included
    assert (article.id, article.published, article.title, article.language) == ("talks", TODAY, None, "en")


def test_markdown_heading_becomes_the_title_and_stays_in_the_text(tmp_path):
    text = "\n# Militia leaves the river port\n\n" + STORY
    [article] = read_articles(write(tmp_path / "port.md", text))
    assert article.title == "Militia leaves the river port"
    assert article.text == text


def test_markdown_without_heading_has_no_title(tmp_path):
    [article] = read_articles(write(tmp_path / "port.md", STORY))
    assert article.title is None


def test_html_page_gives_main_text_and_metadata(tmp_path):
    [article] = read_articles(write(tmp_path / "truce.html", PAGE), published=TODAY)
    assert article.id == "truce"
    assert "aid convoys reached the north" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert article.title == "Truce holds in the Sahel"
    assert article.outlet == "Sahel Monitor"
    assert article.url == "https://monitor.example.org/truce-holds"
    assert article.published == dt.date(2023, 5, 2)
    assert article.language == "en"


def test_html_page_without_a_date_takes_the_given_one_not_a_copyright_year(tmp_path):
    page = PAGE.replace('<meta name="date" content="2023-05-02">', "")
    [article] = read_articles(write(tmp_path / "truce.htm", page), published=TODAY)
    assert article.published == TODAY


BAD_INPUTS = [
    ("a.csv", "id,text\n", UnsupportedFormat, "unsupported file type '.csv'"),
    ("a.json", "{\"text\": ", InvalidArticle, "invalid JSON"),
    ("a.json", "[1, 2]", InvalidArticle, "expected a JSON object"),
    ("a.json", json.dumps({"id": "x"}), InvalidArticle, "missing 'text'"),
    ("a.json", json.dumps({"id": "x", "text": "  \n"}), InvalidArticle, "empty text"),
    ("a.json", json.dumps({"id": "x", "text": STORY, "published": "14/03/2024"}), InvalidArticle,
     "bad published date '14/03/2024'"),
    ("a.json", json.dumps({"id": 5, "text": STORY}), InvalidArticle, "id: Input should be a valid string"),
    ("a.txt", "\n \n", InvalidArticle, "empty text"),
    ("a.txt", b"caf\xe9 latin-1", UnreadableFile, "not UTF-8 text"),
    ("a.html", "<html><head><title>Empty</title></head><body></body></html>", InvalidArticle,
     "no article text"),
]


@pytest.mark.parametrize(("name", "content", "error", "reason"), BAD_INPUTS)
def test_bad_input_is_a_one_line_error_naming_the_file(tmp_path, name, content, error, reason):
    path = write(tmp_path / name, content)
    with pytest.raises(error) as caught:
        read_articles(path)
    message = str(caught.value)
    assert message.startswith(f"[{error.code}] {path}: ")
    assert reason in message
    assert "\n" not in message


def test_missing_file_is_unreadable(tmp_path):
    path = tmp_path / "gone.json"
    with pytest.raises(UnreadableFile, match="No such file"):
        read_articles(path)


def test_directories_expand_to_readable_files_sorted_and_files_are_kept_as_given(tmp_path):
    for name in ("b.json", "a.txt", "notes.csv", "sub/c.md", "sub/d.HTML", ".cache/e.json"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        write(tmp_path / name, STORY)
    explicit = tmp_path / "notes.csv"
    assert iter_paths([tmp_path, explicit]) == [
        tmp_path / "a.txt", tmp_path / "b.json", tmp_path / "sub/c.md", tmp_path / "sub/d.HTML", explicit]
    with pytest.raises(PeacewatchError, match=r"^\[E101\]"):
        read_articles(explicit)
