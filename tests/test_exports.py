"""Exports of merged events: ACLED's CSV, GeoJSON, and the `peacewatch events` command's filters."""
import datetime as dt
import io
import json

import geojson
import pandas as pd
import pytest
from typer.testing import CliRunner

from peacewatch.cli import app
from peacewatch.errors import UnknownCountry
from peacewatch.exports.acled_codes import disorder_type, interaction, inter_code, source_scale
from peacewatch.exports.acled_csv import ACLED_COLUMNS, acled_row, write_acled_csv
from peacewatch.exports.geojson import feature_collection
from peacewatch.records import Article, Event, Extraction, Place
from peacewatch.store import open_store
from peacewatch.store.merged_events import EventFilter

ACLED_PUBLIC_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
KHARKIV = dict(location="Kharkiv", latitude=49.98, longitude=36.25, country="UA")
SAKE = dict(location="Sake", latitude=-1.57, longitude=29.04, country="CD")
BOGOTA = dict(location="Bogota", latitude=4.61, longitude=-74.08, country="CO")


def reported(article_id: str, text: str, outlet: str, published: str, event_type: str, sub_event_type: str,
             event_date: str, actors: list[str], place: dict | None = None, fatalities: int | None = None):
    """An article whose one sentence reports one event, with the place it names."""
    place = place or {}
    event = Event(start=0, end=len(text), text=text, event_type=event_type, sub_event_type=sub_event_type,
                  event_date=event_date, time_precision=1, actor1=actors[0] if actors else None,
                  actor2=actors[1] if len(actors) > 1 else None, actors=actors, fatalities=fatalities,
                  **{k: v for k, v in place.items() if k != "country"})
    places = [Place(start=0, end=1, text=text[0], name=place["location"], lat=place["latitude"],
                    lon=place["longitude"], country=place["country"])] if place else []
    article = Article(id=article_id, text=text, outlet=outlet, language="en",
                      published=dt.date.fromisoformat(published))
    return article, Extraction(id=article_id, events=[event], places=places), None


NEWS = [
    reported("kharkiv-local", "Russian missiles hit a residential block in Kharkiv on Thursday, killing three people.",
             "Ukrinform", "2024-05-03", "Explosions/Remote violence", "Shelling/artillery/missile attack",
             "2024-05-02", ["Military Forces of Russia", "Civilians (Ukraine)"], KHARKIV, 3),
    reported("kharkiv-wire", "Four people died when a missile struck apartments in the city of Kharkiv, officials said.",
             "Reuters", "2024-05-02", "Explosions/Remote violence", "Shelling/artillery/missile attack",
             "2024-05-02", ["Military Forces of Russia"], KHARKIV, 4),
    reported("sake", "M23 rebels fought the Congolese army and its Burundian allies for control of the road at Sake.",
             "Radio Okapi", "2024-02-08", "Battles", "Armed clash", "2024-02-07",
             ["M23", "Congolese army", "Military Forces of Burundi"], SAKE),
    reported("bogota", "Thousands of teachers marched peacefully through Bogota to demand higher pay.",
             "El Tiempo", "2024-03-08", "Protests", "Peaceful protest", "2024-03-08", ["Protesters (Colombia)"], BOGOTA),
    reported("talks", "Negotiators said the two sides had agreed on an exchange of detainees.",
             "Gulf Courier", "2024-01-16", "Strategic developments", "Agreement", "2024-01-15", ["Hamas", "Israel"]),
]


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    with open_store(url) as store:
        store.add(NEWS)
    return url


@pytest.fixture
def events(url) -> list[dict]:
    with open_store(url) as store:
        return store.events()


def acled_frame(events: list[dict]) -> pd.DataFrame:
    out = io.StringIO()
    write_acled_csv(events, out)
    return pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)


def test_the_acled_csv_has_exactly_acleds_columns_in_order(events):
    assert list(acled_frame(events).columns) == ACLED_PUBLIC_COLUMNS == list(ACLED_COLUMNS)


def test_one_strike_reported_by_two_outlets_is_one_acled_row(events):
    frame = acled_frame(events).set_index("event_id_cnty")
    assert list(frame.index) == ["XXX1", "COD1", "COL1", "UKR1"]
    strike = frame.loc["UKR1"].to_dict()
    assert strike == {
        "event_date": "2024-05-02", "year": "2024", "time_precision": "1", "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Russia", "assoc_actor_1": "", "inter1": "1",
        "actor2": "Civilians (Ukraine)", "assoc_actor_2": "", "inter2": "7", "interaction": "17",
        "civilian_targeting": "Civilian targeting", "iso": "804", "region": "Europe", "country": "Ukraine",
        "admin1": "Kharkiv", "admin2": "", "admin3": "", "location": "Kharkiv", "latitude": "49.98",
        "longitude": "36.25", "geo_precision": "1", "source": "Reuters; Ukrinform",
        "source_scale": "National-International",
        "notes": "Four people died when a missile struck apartments in the city of Kharkiv, officials said. "
                 "Reported fatalities range from 3 to 4; the lowest is coded.",
        "fatalities": "3", "tags": "", "timestamp": strike["timestamp"],
    }
    assert int(strike["timestamp"]) > 1_700_000_000


def test_acled_codes_of_a_clash_a_protest_and_an_unplaced_agreement(events):
    frame = acled_frame(events).set_index("event_id_cnty")
    assert frame.loc["COD1", ["inter1", "inter2", "interaction", "iso", "region", "admin1"]].tolist() == \
        ["2", "1", "12", "180", "Middle Africa", "Nord Kivu"]
    assert frame.loc["COL1", ["disorder_type", "inter1", "interaction", "source_scale"]].tolist() == \
        ["Demonstrations", "6", "60", "National"]
    assert frame.loc["XXX1", ["country", "location", "latitude", "geo_precision", "source_scale"]].tolist() == \
        ["", "", "", "", "Other"]


def test_actor_types_come_from_the_catalog_or_the_words_of_the_name():
    assert [inter_code(a) for a in ("Hezbollah", "Chadian police", "Police", "Kurdish rebels",
                                    "Rioters (Kenya)", "Unknown gunmen", None)] == [3, 1, None, 2, 5, None, None]
    assert (interaction(1, 7), interaction(7, 1), interaction(6, None), interaction(None, 2)) == (17, 17, 60, None)


def test_disorder_type_follows_acleds_rule():
    assert disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def test_source_scale_depends_on_where_the_event_is():
    assert source_scale(["TASS"], "RU") == "National"
    assert source_scale(["TASS"], "UA") == "International"
    assert source_scale(["AFP", "Village Radio"], "ML") == "International-Other"


def test_geojson_is_a_valid_feature_collection_of_placed_events(events):
    collection = feature_collection(events)
    assert collection.unplaced == 1
    parsed = geojson.loads(json.dumps(collection.geojson))
    assert parsed.is_valid and parsed["type"] == "FeatureCollection"
    for feature in collection.geojson["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(feature["properties"], dict)
    kharkiv = next(f for f in collection.geojson["features"] if f["id"] == "UKR1")
    assert kharkiv["geometry"]["coordinates"] == [36.25, 49.98]
    assert kharkiv["properties"]["articles"] == ["kharkiv-wire", "kharkiv-local"]


def ids(url: str, **wanted) -> list[str]:
    with open_store(url) as store:
        return [e["event_id_cnty"] for e in store.events(EventFilter(**wanted))]


def test_filters_by_day_type_actor_and_country(url):
    assert ids(url, since=dt.date(2024, 3, 1)) == ["COL1", "UKR1"]
    assert ids(url, until=dt.date(2024, 2, 7)) == ["XXX1", "COD1"]
    assert ids(url, type="shelling") == ["UKR1"]
    assert ids(url, type="Battles") == ["COD1"]
    assert ids(url, actor="congolese") == ["COD1"]
    assert ids(url, actor="Civilians") == ["UKR1"]
    assert ids(url, actor="burundi") == ["COD1"]  # an associated actor, neither actor1 nor actor2
    assert ids(url, country="Ukraine") == ids(url, country="UA") == ids(url, country="ukr") == ["UKR1"]


def test_an_unknown_country_is_a_clear_error(url):
    with pytest.raises(UnknownCountry, match=r"^\[E301\] Atlantis: no such country"):
        ids(url, country="Atlantis")


def test_the_events_command_writes_acled_csv_and_geojson(url):
    runner = CliRunner()
    csv_run = runner.invoke(app, ["events", "--db", url, "--format", "acled-csv", "--country", "Colombia"])
    assert csv_run.exit_code == 0
    assert csv_run.stdout.splitlines()[0] == ",".join(ACLED_PUBLIC_COLUMNS)
    assert len(csv_run.stdout.splitlines()) == 2
    geo_run = runner.invoke(app, ["events", "--db", url, "--format", "geojson"])
    assert geo_run.exit_code == 0
    assert len(json.loads(geo_run.stdout)["features"]) == 3
    assert "1 events without coordinates left out" in geo_run.stderr


def test_the_events_command_reports_a_bad_filter_in_one_line(url):
    run = CliRunner().invoke(app, ["events", "--db", url, "--country", "Atlantis"])
    assert run.exit_code == 1
    assert run.stderr.strip().startswith("error: [E301] Atlantis: no such country")
    assert len(run.stderr.strip().splitlines()) == 1


def test_an_acled_row_of_an_undated_event_leaves_the_day_empty(events):
    undated = {**events[0], "event_date": None, "time_precision": None}
    assert (acled_row(undated)["event_date"], acled_row(undated)["year"]) == (None, None)
