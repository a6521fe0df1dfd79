"""The HTTP API on a store of short articles written for these tests (several conflicts, invented
wording): every endpoint answers from the same library functions as the CLI, pages with an
opaque cursor, and turns a bad request into a 4xx with a one-line reason."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacewatch.api.app import create_app
from peacewatch.ingest.batch import ingest, read_sources
from peacewatch.settings import Settings
from peacewatch.store.database import open_store

ARTICLES = [
    {"id": "unity-shelling", "title": "Shelling near Bentiu despite truce", "outlet": "River Post",
     "published": "2024-03-05", "language": "en",
     "text": "Government troops shelled rebel positions near Bentiu on Monday, killing 12 people, local "
             "officials said. \"This is a clear breach of the truce we signed in Juba,\" said rebel "
             "spokesman Lam Paul Gabriel. Aid agencies said about 3,000 people had fled Bentiu since Monday."},
    {"id": "unity-toll", "title": "Rebels give higher toll for Bentiu shelling", "outlet": "Nile Wire",
     "published": "2024-03-06", "language": "en",
     "text": "Army artillery pounded the outskirts of Bentiu on Monday, killing 30 people, the rebels said "
             "in a statement. Local chiefs said 9,000 residents had fled Bentiu. The army denied firing first."},
    {"id": "juba-exchange", "title": "Prisoners swapped in Juba", "outlet": "Equatoria Herald",
     "published": "2024-03-09", "language": "en",
     "text": "The two sides exchanged 40 prisoners in Juba on Saturday under the truce, the Red Cross said. "
             "\"Families have waited months for this day,\" said Red Cross delegate Maria Okello."},
    {"id": "darfur-market", "title": "Market attacked in El Fasher", "outlet": "Sahel Monitor",
     "published": "2024-03-08", "language": "en",
     "text": "Rapid Support Forces fighters attacked the main market in El Fasher on Thursday, killing "
             "25 civilians, witnesses said."},
    {"id": "bogota-march", "title": "Bogota march for hostages", "outlet": "Andes Daily",
     "published": "2024-03-07", "language": "en",
     "text": "Thousands of protesters marched peacefully in Bogota on Wednesday to demand that the ELN free "
             "its hostages. \"We want our fathers and sons home before the talks resume,\" said organiser "
             "Lucia Mendez."},
]
AGREEMENT = """
id: unity-truce
title: Unity State truce of March 2024 (test fixture)
signed: 2024-03-01
effective: 2024-03-01
parties: [Government of South Sudan, SPLM-IO]
provisions:
  - number: "1"
    category: ceasefire
    summary: Both sides stop all attacks in Unity State.
    obliged: [Government of South Sudan, SPLM-IO]
    places: [Bentiu]
  - number: "2a"
    category: prisoners
    summary: The sides exchange their prisoners of war.
    obliged: [Government of South Sudan, SPLM-IO]
    deadline: 2024-03-15
"""
TOKEN = "s3cret-token"


def build_store(folder: Path) -> Settings:
    """A store holding ARTICLES (ingested by the library, as `peacewatch ingest` does) and an
    agreements directory with one test agreement."""
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    agreements = folder / "agreements"
    agreements.mkdir()
    (agreements / "unity-truce.yaml").write_text(AGREEMENT, encoding="utf-8")
    url = f"sqlite:///{folder / 'api.db'}"
    with open_store(url) as store:
        assert ingest(store, read_sources([feed])).added
    return Settings(db=url, agreements=str(agreements))


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    return build_store(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(settings) -> TestClient:
    return TestClient(create_app(settings))


def test_articles_are_listed_newest_first_in_pages_that_follow_next(client):
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert [a["id"] for a in first["items"]] == ["juba-exchange", "darfur-market"]
    assert "text" not in first["items"][0]
    seen = [a["id"] for a in first["items"]]
    url = first["next"]
    while url:
        page = client.get(url).json()
        seen += [a["id"] for a in page["items"]]
        url = page["next"]
    assert sorted(seen) == sorted(a["id"] for a in ARTICLES)


def test_an_article_comes_with_its_text_and_extraction_whose_offsets_index_it(client):
    body = client.get("/api/articles/juba-exchange").json()
    quote = body["extraction"]["quotes"][0]
    assert body["text"][quote["start"]:quote["end"]] == quote["text"]
    assert quote["speaker"] == "Maria Okello"


def test_an_unknown_article_is_a_404_with_a_one_line_reason(client):
    response = client.get("/api/articles/no-such-article")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("[E203] no-such-article:")


def test_events_are_merged_events_with_their_sources(client):
    events = client.get("/api/events").json()["items"]
    shelling = [e for e in events if e["location"] == "Bentiu"][0]
    assert shelling["event_id_cnty"].startswith("SSD")
    assert shelling["sources"][0]["article_id"] == "unity-shelling"


@pytest.mark.parametrize("params, locations", [
    ({"country": "Sudan"}, {"El Fasher"}),
    ({"country": "CO"}, {"Bogotá"}),
    ({"sub_type": "peaceful"}, {"Bogotá"}),
    ({"type": "Violence against civilians"}, {"El Fasher"}),
    ({"bbox": "20,0,40,20"}, {"Bentiu", "El Fasher", "Juba"}),
    ({"since": "2024-03-07", "until": "2024-03-07"}, {"El Fasher"}),
])
def test_events_filters_narrow_the_list(client, params, locations):
    events = client.get("/api/events", params=params).json()["items"]
    assert {e["location"] for e in events} == locations


def test_event_pages_cover_every_event_once_in_order(client):
    everything = client.get("/api/events").json()["items"]
    paged, url = [], "/api/events?limit=2"
    while url:
        page = client.get(url).json()
        assert len(page["items"]) <= 2
        paged += page["items"]
        url = page["next"]
    assert [e["id"] for e in paged] == [e["id"] for e in everything]


def test_events_as_acled_csv_have_acleds_columns_and_a_next_link(client):
    response = client.get("/api/events", params={"format": "acled-csv", "limit": 2})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 2 and rows[0]["event_id_cnty"] and "interaction" in rows[0]
    assert 'rel="next"' in response.headers["link"]


def test_events_as_geojson_are_points_in_lon_lat_order(client):
    response = client.get("/api/events", params={"format": "geojson", "country": "SS"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    bentiu = [f for f in collection["features"] if f["properties"]["location"] == "Bentiu"][0]
    assert bentiu["geometry"]["coordinates"] == pytest.approx([29.8, 9.26], abs=0.05)


@pytest.mark.parametrize("params, status, words", [
    ({"country": "Atlantis"}, 400, "no such country"),
    ({"bbox": "1,2,3"}, 400, "four numbers"),
    ({"bbox": "10,20,5,30"}, 400, "minlon <= maxlon"),
    ({"cursor": "not-a-cursor"}, 400, "cursor"),
    ({"since": "yesterday"}, 422, "date"),
    ({"since": "9999-12-31"}, 422, "outside"),
    ({"limit": 0}, 422, "greater than or equal to 1"),
    ({"format": "xml"}, 422, "json"),
])
def test_bad_event_parameters_are_client_errors_that_say_why(client, params, status, words):
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert words in json.dumps(response.json()["detail"])


def test_places_are_counted_by_articles_and_filtered_by_country(client):
    places = client.get("/api/places").json()["items"]
    assert places[0] == {"name": "Bentiu", "country": "SS", "latitude": pytest.approx(9.26, abs=0.05),
                         "longitude": pytest.approx(29.8, abs=0.05), "mentions": 3, "articles": 2}
    sudan = client.get("/api/places", params={"country": "Sudan"}).json()["items"]
    assert [p["name"] for p in sudan] == ["El Fasher"]


def test_quotes_carry_their_speaker_and_source(client):
    quotes = client.get("/api/quotes", params={"speaker": "mendez"}).json()["items"]
    assert [(q["speaker"], q["article_id"], q["outlet"]) for q in quotes] == [
        ("Lucia Mendez", "bogota-march", "Andes Daily")]
    assert client.get("/api/quotes", params={"limit": 1}).json()["next"]


def test_disputes_set_two_sources_against_each_other_with_their_sentences(client):
    figures = client.get("/api/disputes").json()
    assert {(f["subject"], f["value"], f["article_id"]) for f in figures} == {
        ("Bentiu", 9000, "unity-toll"), ("Bentiu", 3000, "unity-shelling")}
    assert all("Bentiu" in f["sentence"] for f in figures)
    assert client.get("/api/disputes", params={"tolerance": 2}).status_code == 422


def test_search_finds_articles_and_rejects_a_malformed_query(client):
    hits = client.get("/api/search", params={"q": "prisoners"}).json()
    assert [h["id"] for h in hits] == ["juba-exchange"]
    for query in ('"unclosed', "*"):  # SQLite words these two mistakes differently
        bad = client.get("/api/search", params={"q": query})
        assert bad.status_code == 400 and "[E202]" in bad.json()["detail"]


def test_agreements_list_the_shipped_ones_and_the_directorys(client):
    listed = {a["id"]: a for a in client.get("/api/agreements").json()}
    assert listed["unity-truce"]["provisions"] == 2 and "2020-armistice" in listed
    assert client.get("/api/agreements/unity-truce").json()["provisions"][1]["number"] == "2a"
    assert client.get("/api/agreements/no-such-pact").status_code == 404


def test_provisions_carry_their_status_on_the_day_asked(client):
    provisions = client.get("/api/agreements/unity-truce/provisions", params={"as_of": "2024-03-10"}).json()
    assert [p["provision"]["number"] for p in provisions] == ["1", "2a"]
    assert provisions[0]["status"]["status"] == "violated" and provisions[0]["as_of"] == "2024-03-10"
    before = client.get("/api/agreements/unity-truce/provisions", params={"as_of": "2024-03-02"}).json()
    assert before[0]["status"]["status"] == "not started"


def test_a_provision_has_its_timeline_and_evidence_citing_article_and_sentence(client):
    detail = client.get("/api/agreements/unity-truce/provisions/1", params={"as_of": "2024-03-10"}).json()
    assert [row["status"] for row in detail["timeline"]] == ["not started", "violated"]
    citation = detail["evidence"][0]["citation"]
    text = client.get(f"/api/articles/{citation['source']}").json()["text"]
    assert text[citation["start"]:citation["end"]] == citation["text"] and "Bentiu" in citation["text"]


def test_an_unknown_provision_number_is_a_404_naming_the_known_ones(client):
    response = client.get("/api/agreements/unity-truce/provisions/9")
    assert response.status_code == 404 and "1, 2a" in response.json()["detail"]


def test_deadlines_are_measured_from_as_of_and_narrowed_by_within(client):
    rows = client.get("/api/deadlines", params={"agreement": "unity-truce", "as_of": "2024-03-10"}).json()
    assert [(r["provision"], r["ruling"], r["state"]) for r in rows] == [("2a", "2024-03-15", "due in 5 days")]
    none_soon = client.get("/api/deadlines", params={"agreement": "unity-truce", "as_of": "2024-03-10",
                                                      "within": "P2D"}).json()
    assert none_soon == []
    assert client.get("/api/deadlines", params={"within": "soon"}).status_code == 400
    assert client.get("/api/deadlines", params={"within": "P99999999999D"}).status_code == 400


def test_the_report_comes_as_markdown_or_html(client):
    markdown = client.get("/api/report", params={"date": "2024-03-07"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert markdown.text.startswith("# Situation report, 2024-03-07")
    page = client.get("/api/report", params={"date": "2024-03-07", "format": "html"})
    assert page.headers["content-type"].startswith("text/html") and "<cite>" in page.text


CONTROL_ARTICLES = [
    {"id": "fasher-taken", "title": "RSF takes El Fasher", "outlet": "Sahel Monitor", "published": "2031-05-06",
     "text": "The Rapid Support Forces took the city of El Fasher on Monday after a week of fighting, residents said."},
    {"id": "fasher-retaken", "title": "Army back in El Fasher", "outlet": "Nile Wire", "published": "2031-05-20",
     "text": "El Fasher came under the control of the Sudanese army on Tuesday, a military spokesman said."},
]


@pytest.fixture(scope="module")
def control_client(tmp_path_factory) -> TestClient:
    """A store of two articles in which a city changes hands twice."""
    folder = tmp_path_factory.mktemp("control")
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in CONTROL_ARTICLES), encoding="utf-8")
    url = f"sqlite:///{folder / 'control.db'}"
    with open_store(url) as store:
        assert ingest(store, read_sources([feed])).added
    (folder / "agreements").mkdir()
    return TestClient(create_app(Settings(db=url, agreements=str(folder / "agreements"))))


@pytest.mark.parametrize("as_of, holder", [("2031-05-10", "Rapid Support Forces"), ("2031-05-25", "Sudan")])
def test_control_names_each_places_holder_on_the_day_with_its_point_and_sentence(control_client, as_of, holder):
    rows = control_client.get("/api/control", params={"as_of": as_of}).json()
    assert [(r["place"], r["controller"]) for r in rows] == [("El Fasher", holder)]
    assert 12 < rows[0]["latitude"] < 15 and 24 < rows[0]["longitude"] < 27
    assert rows[0]["citation"]["text"] in {a["text"] for a in CONTROL_ARTICLES}


def test_before_any_report_of_control_nobody_holds_anything(control_client):
    assert control_client.get("/api/control", params={"as_of": "2031-05-01"}).json() == []
    assert control_client.get("/api/control", params={"as_of": "tomorrow"}).status_code == 422


def test_the_openapi_schema_is_valid_and_describes_every_endpoint(client):
    from openapi_spec_validator import validate

    schema = client.get("/openapi.json").json()
    validate(schema)
    assert {"/api/articles", "/api/articles/{article_id}", "/api/events", "/api/places", "/api/quotes",
            "/api/disputes", "/api/search", "/api/agreements", "/api/agreements/{agreement_id}/provisions",
            "/api/agreements/{agreement_id}/provisions/{number}", "/api/deadlines", "/api/report",
            "/api/control"} <= set(schema["paths"])
    assert "post" not in schema["paths"]["/api/articles"]


def test_without_a_token_the_api_is_read_only(client):
    assert client.post("/api/articles", json={"text": "Talks resumed in Doha."}).status_code == 405


@pytest.fixture(scope="module")
def writable(tmp_path_factory) -> TestClient:
    """A store of its own, so that what the tests post never shows in the read tests' store."""
    return TestClient(create_app(replace(build_store(tmp_path_factory.mktemp("posts")), token=TOKEN)))


NEW = {"id": "doha-talks", "published": "2024-03-10", "outlet": "Gulf Times Test",
       "text": "Negotiators for the two sides resumed talks in Doha on Sunday, mediators said."}


@pytest.mark.parametrize("headers, status", [({}, 401), ({"Authorization": "Bearer wrong"}, 403),
                                             ({"Authorization": f"Basic {TOKEN}"}, 403)])
def test_posting_without_the_right_token_is_refused(writable, headers, status):
    response = writable.post("/api/articles", json=NEW, headers=headers)
    assert response.status_code == status
    assert writable.get("/api/articles/doha-talks").status_code == 404


def test_posting_with_the_token_ingests_as_the_ingest_command_does(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    bad = {"id": "no-text", "title": "Nothing"}
    result = writable.post("/api/articles", json=[NEW, bad], headers=auth).json()
    assert result["added"] == ["doha-talks"] and result["failures"] == ["[E103] articles[1]: missing 'text'"]
    assert writable.post("/api/articles", json=NEW, headers=auth).json()["already_stored"] == ["doha-talks"]
    stored = writable.get("/api/articles/doha-talks").json()
    assert stored["source_path"] == "api" and stored["extraction"]["places"][0]["name"] == "Doha"
    assert writable.post("/api/articles", json=bad, headers=auth).status_code == 422


def test_cors_is_off_unless_origins_are_configured(settings, client):
    asked = {"Origin": "https://dashboard.example", "Access-Control-Request-Method": "GET"}
    assert "access-control-allow-origin" not in client.options("/api/places", headers=asked).headers
    open_to = TestClient(create_app(replace(settings, cors_origins="https://dashboard.example")))
    allowed = open_to.options("/api/places", headers=asked)
    assert allowed.headers["access-control-allow-origin"] == "https://dashboard.example"
