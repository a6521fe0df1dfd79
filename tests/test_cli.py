"""The command line, end to end on files written by the tests."""
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from peacewatch.cli import app
from peacewatch.settings import Settings

runner = CliRunner()

GOOD = {"id": "good-1", "title": "Truce holds", "published": "2024-03-14", "language": "en",
        "text": "Rebels and the army signed a truce in Juba on Monday. The truce held on Wednesday."}


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.json").write_text(json.dumps(GOOD))
    (folder / "note.txt").write_text("Fighting broke out near Bentiu on Tuesday, officials said.")
    (folder / "broken.json").write_text("{not json")
    (folder / "empty.jsonl").write_text('{"id": "e1", "text": ""}\n')
    return folder


def test_extract_writes_one_contract_line_per_article(tmp_path):
    path = tmp_path / "good.json"
    path.write_text(json.dumps(GOOD))
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    [line] = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["id"] == "good-1" and line["published"] == "2024-03-14"
    assert any(e["sub_event_type"] == "Agreement" for e in line["events"])


def test_extract_names_bad_files_and_goes_on(inbox):
    result = runner.invoke(app, ["extract", str(inbox / "broken.json"), str(inbox / "good.json"), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "broken.json" in result.stderr and "Traceback" not in result.stderr
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["good-1"]


def test_extract_takes_the_publication_date_of_plain_text(inbox):
    result = runner.invoke(app, ["extract", str(inbox / "note.txt"), "--published", "2024-05-02", "--format", "jsonl"])
    [line] = [json.loads(x) for x in result.stdout.splitlines()]
    assert line["id"] == "note" and line["published"] == "2024-05-02"


def test_ingest_stores_good_files_names_bad_ones_and_is_idempotent(inbox, tmp_path):
    db = tmp_path / "watch.db"
    first = runner.invoke(app, ["ingest", str(inbox), "--db", f"sqlite:///{db}", "--published", "2024-03-14"])
    assert first.exit_code == 1
    assert "broken.json" in first.stderr and "empty.jsonl" in first.stderr
    with sqlite3.connect(db) as connection:
        ids = sorted(r[0] for r in connection.execute("select id from articles"))
        events = connection.execute("select count(*) from events").fetchone()[0]
    assert ids == ["good-1", "note"] and events >= 1
    with sqlite3.connect(db) as connection:  # linked to the agreements as it was stored
        assert connection.execute("select count(*) from unlinked_articles").fetchone()[0] == 0
        assert connection.execute("select count(*) from evidence_basis where kind = 'agreements'").fetchone()[0] == 1

    again = runner.invoke(app, ["ingest", str(inbox / "good.json"), str(inbox / "note.txt"),
                                "--db", f"sqlite:///{db}", "--published", "2024-03-14"])
    assert again.exit_code == 0 and "0 added" in again.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from articles").fetchone()[0] == 2
        assert connection.execute("select count(*) from events").fetchone()[0] == events


def test_articles_and_search_read_the_store(inbox, tmp_path):
    url = f"sqlite:///{tmp_path / 'watch.db'}"
    runner.invoke(app, ["ingest", str(inbox / "good.json"), "--db", url])
    listed = runner.invoke(app, ["articles", "--db", url, "--format", "json"])
    assert [a["id"] for a in json.loads(listed.stdout)] == ["good-1"]
    found = runner.invoke(app, ["search", "truce", "--db", url, "--format", "jsonl"])
    assert [json.loads(x)["id"] for x in found.stdout.splitlines()] == ["good-1"]


def test_a_bad_search_query_is_one_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'watch.db'}"
    result = runner.invoke(app, ["search", 'truce AND "', "--db", url])
    assert result.exit_code == 1 and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_demo_ingests_the_bundled_sample_and_summarises_it(tmp_path):
    result = runner.invoke(app, ["demo", "--db", f"sqlite:///{tmp_path / 'demo.db'}"])
    assert result.exit_code == 0
    assert "articles" in result.stdout and "events by type" in result.stdout
    with sqlite3.connect(tmp_path / "demo.db") as connection:
        assert connection.execute("select count(*) from articles").fetchone()[0] >= 6


def test_an_unknown_event_encoder_setting_is_one_line_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setattr("peacewatch.cli.SETTINGS", Settings.from_env({"PEACEWATCH_EVENT_ENCODER": "word2vec"}))
    path = tmp_path / "good.json"
    path.write_text(json.dumps(GOOD))
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["error: [E105] event_encoder: 'word2vec' is not one of word-pieces, minilm, word-pieces+minilm"]
    assert result.stdout == ""


@pytest.mark.parametrize("variable, value, reason", [
    ("PEACEWATCH_MINILM_THREADS", "two", "'two' is not a whole number"),
    ("PEACEWATCH_BATCH_SIZE", "-5", "'-5' is below 0"),
])
def test_an_unreadable_number_setting_is_one_line_before_any_work(tmp_path, monkeypatch, variable, value, reason):
    """Read on import, where it cannot be refused well: the value is set aside, then refused here."""
    monkeypatch.setenv(variable, value)
    assert Settings.from_env() == Settings()
    path = tmp_path / "good.json"
    path.write_text(json.dumps(GOOD))
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: [E105] {variable}: {reason}"]
    assert result.stdout == ""


def test_a_readable_number_setting_is_taken():
    assert Settings.from_env({"PEACEWATCH_MINILM_THREADS": " 3 "}).minilm_threads == 3
    assert Settings.unreadable({"PEACEWATCH_MINILM_THREADS": "3"}) == []
