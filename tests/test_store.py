"""The store on both databases it supports: every test that takes `url` or `store` runs on SQLite and
on a PostgreSQL server the tests start (conftest.py); SQLite-only behaviour takes `sqlite_url`."""
import datetime as dt
import gzip
import re
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from peacewatch.errors import InvalidSearchQuery, StoreUnavailable, UnknownArticle
from peacewatch.records import (Article, Claim, Entity, Event, Extraction, Place, ProvisionMention, Quantity,
                                Quote, TimeMention)
from peacewatch.store import database, migrations, open_store
from peacewatch.store.merged_events import EventFilter
from peacewatch.store.schema import metadata

# A store written by peacewatch before Alembic (its own `schema_migrations` at version 5), holding
# three articles of this file (truce, harvest, and truce-copy, a near-duplicate of truce).
VERSION_5_STORE = Path(__file__).parent / "data" / "store-v5.db.gz"

TRUCE = ("The army and the eastern militia agreed on Friday to a ceasefire around Kidal. "
         "\"We will hold our positions,\" said Colonel Amadou Diallo. "
         "About 300 fighters must withdraw within 72 hours, and observers from the regional "
         "bloc will monitor the line.")
HARVEST = "Coffee growers in the highlands expect a record harvest after steady rains this spring."
CORRIDOR = "A humanitarian corridor opened on Sunday so that convoys could reach the besieged port town."

SCHEMA = {
    "articles": ["id", "content_hash", "title", "url", "outlet", "published", "language", "text",
                 "source_path", "ingested_at", "duplicate_of", "similarity"],
    "minhash_signatures": ["article_id", "hashvalues"],
    "entities": ["id", "article_id", "start_char", "end_char", "text", "label", "canonical"],
    "times": ["id", "article_id", "start_char", "end_char", "text", "value", "type"],
    "places": ["id", "article_id", "start_char", "end_char", "text", "name", "latitude", "longitude",
               "country"],
    "quantities": ["id", "article_id", "start_char", "end_char", "text", "value", "unit", "approximate"],
    "quotes": ["id", "article_id", "start_char", "end_char", "text", "speaker"],
    "events": ["id", "article_id", "start_char", "end_char", "text", "event_type", "sub_event_type",
               "event_date", "time_precision", "actor1", "actor2", "location", "latitude", "longitude",
               "fatalities"],
    "event_actors": ["event_id", "position", "actor"],
    "provisions": ["id", "article_id", "start_char", "end_char", "text", "category", "deadline", "duration"],
    "provision_parties": ["provision_id", "role", "position", "name"],
    "names": ["id", "canonical", "skeleton", "kind", "first_article_id"],
    "merged_events": ["id", "event_id_cnty", "event_type", "sub_event_type", "event_date", "time_precision",
                      "actor1", "actor2", "location", "latitude", "longitude", "fatalities", "first_day",
                      "last_day", "country", "notes", "updated_at", "actors"],
    "event_sources": ["event_id", "merged_id"],
    "claims": ["id", "article_id", "start_char", "end_char", "text", "measure", "value", "unit", "approximate",
               "bound", "subject", "attribution", "year", "sentence_start", "sentence_end"],
    "provision_evidence": ["id", "article_id", "start_char", "end_char", "text", "agreement_id", "provision", "stance",
                           "day", "kind", "reason", "score", "first_day"],
    "unlinked_articles": ["article_id"],
    "evidence_basis": ["kind", "value"],
    "alembic_version": ["version_num"],
}
SQLITE_ONLY = {"articles_fts": ["article_id", "title", "text"]}


def span(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def truce_extraction() -> Extraction:
    return Extraction(
        id="truce", published=dt.date(2024, 3, 15), language="en",
        entities=[Entity(**span(TRUCE, "Kidal"), label="GPE", canonical="Kidal")],
        times=[TimeMention(**span(TRUCE, "Friday"), value="2024-03-15", type="DATE"),
               TimeMention(**span(TRUCE, "72 hours"), value="PT72H", type="DURATION")],
        places=[Place(**span(TRUCE, "Kidal"), name="Kidal", lat=18.44, lon=1.41, country="ML")],
        quantities=[Quantity(**span(TRUCE, "About 300 fighters"), value=300, unit="fighters",
                             approximate=True)],
        quotes=[Quote(**span(TRUCE, "We will hold our positions,"), speaker="Amadou Diallo")],
        events=[Event(**span(TRUCE, TRUCE[:80]), event_type="Strategic developments",
                      sub_event_type="Agreement", event_date="2024-03-15", time_precision=1,
                      actor1="Military Forces", actor2="Eastern Militia",
                      actors=["Military Forces", "Eastern Militia", "Regional Bloc"],
                      location="Kidal", latitude=18.44, longitude=1.41)],
        provisions=[ProvisionMention(**span(TRUCE, "About 300 fighters must withdraw within 72 hours"),
                                     category="withdrawal", parties=["Eastern Militia", "Military Forces"],
                                     beneficiaries=[], places=["Kidal"], duration="PT72H")],
        claims=[Claim(**span(TRUCE, "About 300 fighters"), measure="troops", value=300, unit="troops",
                      approximate=True, subject="Eastern Militia in Kidal", attribution="Amadou Diallo",
                      sentence_start=TRUCE.index("About"), sentence_end=len(TRUCE))],
    )


def entry(article_id: str, text: str, extraction: Extraction | None = None, published: str | None = None):
    article = Article(id=article_id, text=text, title=f"About {article_id}", language="en",
                      published=dt.date.fromisoformat(published) if published else None)
    return article, extraction or Extraction(id=article_id), f"news/{article_id}.txt"


@pytest.fixture
def url(store_url) -> str:
    return store_url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'peacewatch.db'}"


@pytest.fixture
def store(url):
    with open_store(url) as opened:
        yield opened


def row_counts(store) -> dict[str, int]:
    with store.engine.connect() as connection:
        return {table: connection.scalar(sa.text(f"SELECT count(*) FROM {table}")) for table in metadata.tables}


def revision(url: str) -> str:
    with sa.create_engine(url).connect() as connection:
        return connection.scalar(sa.text("SELECT version_num FROM alembic_version"))


def test_schema_is_the_documented_one(store):
    with store.engine.connect() as connection:
        inspector = sa.inspect(connection)
        columns = {name: [c["name"] for c in inspector.get_columns(name)]
                   for name in inspector.get_table_names() if not name.startswith("articles_fts_")}
    assert columns == SCHEMA | (SQLITE_ONLY if store.engine.dialect.name == "sqlite" else {})


def test_opening_applies_each_revision_once(url):
    with open_store(url) as store:
        assert revision(url) == migrations._scripts().get_current_head()
        assert migrations.migrate(store.engine) == []


def test_sqlite_stores_use_wal_and_foreign_keys(sqlite_url):
    with open_store(sqlite_url) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_database_from_a_newer_peacewatch_is_refused(url):
    with open_store(url) as store, store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreUnavailable, match=r"^\[E201\] (sqlite|postgresql\+psycopg)://.*revision 9999 is newer"):
        open_store(url)


BROKEN_REVISION = '''
import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{head}"


def upgrade():
    op.create_table("ceasefire_lines", sa.Column("id", sa.Integer, primary_key=True))
    raise RuntimeError("migration bug")
'''


def test_a_failing_migration_leaves_the_database_at_its_old_revision(url, monkeypatch, tmp_path):
    open_store(url).close()
    head = revision(url)
    scripts = shutil.copytree(migrations.SCRIPTS, tmp_path / "scripts")
    (scripts / "versions" / "9000_broken.py").write_text(BROKEN_REVISION.format(head=head))
    monkeypatch.setattr(migrations, "SCRIPTS", scripts)
    with pytest.raises(RuntimeError, match="migration bug"):
        open_store(url)
    with sa.create_engine(url).connect() as connection:
        assert not sa.inspect(connection).has_table("ceasefire_lines")
    assert revision(url) == head


def test_an_unopenable_database_file_is_a_one_line_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing-dir' / 'x.db'}"
    with pytest.raises(StoreUnavailable, match=r"^\[E201\] sqlite:///.*: unable to open database file$"):
        open_store(url)


def test_a_bad_url_is_a_one_line_error():
    with pytest.raises(StoreUnavailable, match=r"^\[E201\] nosuchdb://x: not a usable database URL"):
        open_store("nosuchdb://x")


def test_extraction_round_trip(store):
    extraction = truce_extraction()
    store.add([entry("truce", TRUCE, extraction, "2024-03-15")])
    assert store.extraction("truce") == extraction


def test_unknown_article_is_a_clear_error(store):
    with pytest.raises(UnknownArticle, match=r"^\[E203\] nowhere: no such article"):
        store.extraction("nowhere")


def test_ingesting_the_same_batch_twice_adds_nothing(store):
    batch = [entry("truce", TRUCE, truce_extraction()), entry("harvest", HARVEST)]
    first = store.add(batch)
    counts = row_counts(store)
    second = store.add(batch)
    assert first.added == ["truce", "harvest"]
    assert second.added == [] and second.already_stored == ["truce", "harvest"]
    assert row_counts(store) == counts


def test_the_same_text_twice_in_one_batch_is_stored_once(store):
    result = store.add([entry("harvest", HARVEST), entry("harvest-again", HARVEST)])
    assert (result.added, result.already_stored) == (["harvest"], ["harvest-again"])


def test_an_id_taken_by_another_text_is_skipped_and_reported(store):
    store.add([entry("report", HARVEST)])
    result = store.add([entry("report", CORRIDOR)])
    assert (result.added, result.id_conflicts) == ([], ["report"])
    assert store.search("corridor", 5) == []


def test_a_failing_batch_rolls_back_and_leaves_earlier_rows_intact(store, monkeypatch):
    store.add([entry("harvest", HARVEST)])
    before = row_counts(store)
    real_insert = database.insert_mentions

    def insert_then_fail(connection, article_id, extraction):
        if article_id == "corridor":
            raise RuntimeError("disk gave up")
        real_insert(connection, article_id, extraction)

    monkeypatch.setattr(database, "insert_mentions", insert_then_fail)
    with pytest.raises(RuntimeError):
        store.add([entry("truce", TRUCE, truce_extraction()), entry("corridor", CORRIDOR)])
    assert row_counts(store) == before
    assert [a["id"] for a in store.articles()] == ["harvest"]
    assert store.search("ceasefire", 5) == []

    monkeypatch.setattr(database, "insert_mentions", real_insert)
    retry = store.add([entry("truce", TRUCE, truce_extraction()), entry("corridor", CORRIDOR)])
    assert retry.added == ["truce", "corridor"] and retry.near_duplicates == {}


def test_full_text_search_finds_a_word_with_a_snippet(store):
    store.add([entry("truce", TRUCE), entry("harvest", HARVEST), entry("corridor", CORRIDOR)])
    [hit] = store.search("ceasefire", 5)
    assert hit["id"] == "truce" and "[ceasefire]" in hit["snippet"]
    assert {h["id"] for h in store.search("convoys OR coffee", 5)} == {"corridor", "harvest"}
    assert [h["id"] for h in store.search("title:corridor", 5)] == ["corridor"]
    assert store.search("title:convoys", 5) == []


def test_the_query_language_is_the_same_on_both_databases(store):
    store.add([entry("truce", TRUCE), entry("harvest", HARVEST), entry("corridor", CORRIDOR)])
    assert [h["id"] for h in store.search("cease*", 5)] == ["truce"]
    assert [h["id"] for h in store.search('"humanitarian corridor"', 5)] == ["corridor"]
    assert store.search('"corridor humanitarian"', 5) == []
    assert [h["id"] for h in store.search("(convoys OR coffee) NOT harvest", 5)] == ["corridor"]
    assert [h["id"] for h in store.search("rains AND spring", 5)] == ["harvest"]


@pytest.mark.parametrize("query, mistake", [('"ceasefire', "unterminated string"),
                                            ("title:", "syntax error|unterminated|no such column|fts5"),
                                            ("place:Kidal", "no such column: place"),
                                            ("ceasefire OR", "syntax error"),
                                            ("(ceasefire", "syntax error|unbalanced parenthesis")])
def test_a_malformed_search_query_is_a_one_line_error(store, query, mistake):
    with pytest.raises(InvalidSearchQuery) as raised:
        store.search(query, 5)
    message = str(raised.value)
    assert message.startswith(f"[E202] query {query!r}: ") and "\n" not in message
    assert re.search(mistake, message)


def test_deleting_an_article_removes_its_rows_and_its_search_entry(store):
    store.add([entry("truce", TRUCE, truce_extraction())])
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM articles WHERE id = 'truce'")
    assert all(n == 0 for n in row_counts(store).values())
    assert store.search("ceasefire", 5) == []


def test_articles_lists_newest_first_without_text(store):
    store.add([entry("harvest", HARVEST, published="2024-01-02"), entry("undated", CORRIDOR),
               entry("truce", TRUCE, published="2024-03-15")])
    listed = store.articles(limit=10)
    assert [a["id"] for a in listed] == ["truce", "harvest", "undated"]
    assert listed[0]["published"] == "2024-03-15" and listed[0]["source_path"] == "news/truce.txt"
    assert "text" not in listed[0]
    assert len(store.articles(limit=1)) == 1


def test_summary_counts_facts_of_original_articles(store):
    copy_of_truce = TRUCE + " Talks follow in April."
    copy_extraction = truce_extraction().model_copy(update={"id": "truce-copy"})
    store.add([entry("truce", TRUCE, truce_extraction()), entry("harvest", HARVEST),
               entry("truce-copy", copy_of_truce, copy_extraction)])
    summary = store.summary()
    assert (summary["articles"], summary["duplicates"]) == (3, 1)
    assert summary["events"] == {"Strategic developments": 1}
    assert summary["places"] == {"Kidal": 1}
    assert (summary["quotes"], summary["times"], summary["quantities"], summary["provisions"]) == (1, 2, 1, 1)
    assert summary["provision_categories"] == {"withdrawal": 1}


def test_a_store_from_before_the_names_table_is_upgraded_and_keeps_its_rows(url):
    engine = sa.create_engine(url)
    migrations.migrate(engine, "0002")
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE names")  # as a revision-0002 database never had it
        connection.exec_driver_sql("INSERT INTO articles (id, content_hash, text, ingested_at) "
                                   "VALUES ('harvest', 'h', 'Coffee growers expect a harvest.', '2024-01-02')")
    engine.dispose()
    with open_store(url) as store:
        store.add([entry("truce", TRUCE, truce_extraction())])
        with store.engine.connect() as connection:
            spellings = set(connection.scalars(sa.text("SELECT canonical FROM names")))
        assert {a["id"] for a in store.articles()} == {"harvest", "truce"}
    assert {"Kidal", "Amadou Diallo"} <= spellings


def test_a_store_from_before_alembic_is_stamped_and_keeps_its_rows(tmp_path):
    path = tmp_path / "version5.db"
    with gzip.open(VERSION_5_STORE) as packed, open(path, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        assert {a["id"] for a in store.articles()} == {"truce", "harvest", "truce-copy"}
        assert store.extraction("truce") == truce_extraction()
        assert [h["id"] for h in store.search("title:harvest", 5)] == ["harvest"]
        [event] = store.events()
        assert event["event_id_cnty"] == "MLI1" and [s["article_id"] for s in event["sources"]] == ["truce"]
        assert [e["id"] for e in store.events(EventFilter(actor=event["actors"][-1].lower()))] == [event["id"]]
        store.add([entry("corridor", CORRIDOR)])
        assert [h["id"] for h in store.search("convoys", 5)] == ["corridor"]
        with store.engine.connect() as connection:
            assert not sa.inspect(connection).has_table("schema_migrations")
    assert revision(url) == migrations._scripts().get_current_head()


def test_a_postgres_url_without_a_driver_gets_psycopg(postgres_server):
    bare = postgres_server.database().replace("postgresql+psycopg://", "postgresql://")
    with open_store(bare) as store:
        assert store.engine.dialect.driver == "psycopg"


def test_a_database_other_than_sqlite_or_postgres_is_a_one_line_error():
    with pytest.raises(StoreUnavailable, match=r"^\[E201\] mysql\+pymysql://x/y: .*SQLite or PostgreSQL|not a usable"):
        open_store("mysql+pymysql://x/y")
