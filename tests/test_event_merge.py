"""Cross-document merge: one happening reported by several articles is one event with all its sources."""
import datetime as dt

import pytest
import sqlalchemy as sa

from peacewatch import analyze
from peacewatch.events.merge import EventReport, days, merge_reports, summarize
from peacewatch.records import Article
from peacewatch.store import open_store
from peacewatch.store.merged_events import EventFilter, page_key

# Two outlets, two wordings, one drone strike (published the next day and the day after).
MARKET_STRIKE = ("Sudanese army drones struck a market in El Fasher on Monday, killing 12 people, local "
                 "medics said. The Rapid Support Forces, which besiege the city, blamed the army for the attack.")
MARKET_STRIKE_RETOLD = ("An army drone struck the crowded market in El Fasher on Monday, killing at least 15 "
                        "civilians, hospital workers said.")
LATER_STRIKE = "Sudanese army drones struck a market in El Fasher on Friday, killing 12 people."
ELSEWHERE_STRIKE = "Sudanese army drones struck a market in Nyala on Monday, killing 12 people."


def report(mention_id: int, article_id: str, **fields) -> EventReport:
    """A shelling in Mykolaiv on 2 May, unless told otherwise."""
    defaults = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                    event_date="2024-05-02", time_precision=1, actors=["Military Forces of Russia"],
                    location="Mykolaiv", latitude=46.97, longitude=31.99, country="UA", start=0, end=0, text="")
    return EventReport(mention_id=mention_id, article_id=article_id, **{**defaults, **fields})


def groups(reports: list[EventReport]) -> list[list[int]]:
    return [[r.mention_id for r in event] for event in merge_reports(reports)]


def test_reports_of_one_shelling_from_two_outlets_are_one_event():
    assert groups([report(1, "a"), report(2, "b", event_date="2024-05-03")]) == [[1, 2]]


def test_reports_two_days_apart_stay_two_events():
    assert groups([report(1, "a"), report(2, "b", event_date="2024-05-05")]) == [[1], [2]]


def test_reports_of_places_far_apart_stay_two_events():
    odesa = dict(location="Odesa", latitude=46.48, longitude=30.73)
    assert groups([report(1, "a"), report(2, "b", **odesa)]) == [[1], [2]]


def test_a_nearby_village_is_the_same_place():
    village = dict(location="Shevchenkove", latitude=47.05, longitude=32.1)
    assert groups([report(1, "a"), report(2, "b", **village)]) == [[1, 2]]


def test_actors_with_no_one_in_common_keep_reports_apart():
    assert groups([report(1, "a"), report(2, "b", actors=["Houthis"])]) == [[1], [2]]


def test_two_events_of_one_article_are_two_happenings():
    assert groups([report(1, "a"), report(2, "a")]) == [[1], [2]]


def test_a_date_known_to_the_week_needs_more_than_the_place():
    vague = dict(event_date="2024-05-04", time_precision=2)
    assert groups([report(1, "a"), report(2, "b", **vague, actors=[])]) == [[1], [2]]
    assert groups([report(1, "a"), report(2, "b", **vague)]) == [[1, 2]]


def test_sub_types_differ_only_where_they_read_one_happening():
    takeover = dict(event_type="Battles", sub_event_type="Non-state actor overtakes territory")
    clash = dict(event_type="Battles", sub_event_type="Armed clash")
    assert groups([report(1, "a", **clash), report(2, "b", **takeover)]) == [[1, 2]]
    assert groups([report(1, "a"), report(2, "b", sub_event_type="Air/drone strike")]) == [[1], [2]]


def test_similar_wording_joins_reports_without_place_or_actors():
    text = "Shelling destroyed the grain terminal and two warehouses at the river port overnight."
    unplaced = dict(location=None, latitude=None, longitude=None, actors=[])
    retold = text.replace("overnight", "before dawn")
    assert groups([report(1, "a", text=text, **unplaced), report(2, "b", text=retold, **unplaced)]) == [[1, 2]]


def test_undated_reports_stand_alone():
    assert groups([report(1, "a", event_date=None, time_precision=None), report(2, "b")]) == [[1], [2]]


def test_the_merged_event_takes_the_most_precise_date_and_the_lowest_toll():
    event = summarize([report(1, "a", event_date="2024-05-03", time_precision=2, fatalities=9, outlet="Kyiv Post",
                              text="Shelling killed nine people."),
                       report(2, "b", fatalities=7, outlet="Ukrinform")])
    assert (event.event_date, event.time_precision, event.first_day) == ("2024-05-02", 1, dt.date(2024, 5, 2))
    assert event.fatalities == 7 and event.sources == ("Kyiv Post", "Ukrinform")
    assert event.notes == "Shelling killed nine people. Reported fatalities range from 7 to 9; the lowest is coded."


def test_dates_span_their_precision():
    assert days("2024-05-02", 1) == (dt.date(2024, 5, 2), dt.date(2024, 5, 2))
    assert days("2024-05-02", 2) == (dt.date(2024, 4, 26), dt.date(2024, 5, 2))
    assert days("2024-W18", 2) == (dt.date(2024, 4, 29), dt.date(2024, 5, 5))
    assert days("2024-02", 3) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert days(None, None) is None


# --- through the store, with the whole pipeline -------------------------------------------------

def article(article_id: str, text: str, published: str, outlet: str) -> tuple:
    news = Article(id=article_id, text=text, published=dt.date.fromisoformat(published), language="en", outlet=outlet)
    return news, analyze(news), None


@pytest.fixture
def store(store_url):
    with open_store(store_url) as opened:
        yield opened


def sources(event: dict) -> list[str]:
    return [s["article_id"] for s in event["sources"]]


def test_one_strike_in_two_articles_is_one_event_with_two_sources(store):
    store.add([article("sahel-wire", MARKET_STRIKE, "2024-06-11", "Darfur Wire")])
    store.add([article("nile-daily", MARKET_STRIKE_RETOLD, "2024-06-12", "Nile Daily")])
    [event] = store.events()
    assert sources(event) == ["sahel-wire", "nile-daily"]
    assert (event["sub_event_type"], event["event_date"], event["location"], event["country"]) == \
        ("Air/drone strike", "2024-06-10", "El Fasher", "SD")
    assert event["fatalities"] == 12 and "range from 12 to 15" in event["notes"]
    assert event["event_id_cnty"] == "SDN1"


def test_a_strike_on_another_day_or_in_another_town_is_another_event(store):
    store.add([article("sahel-wire", MARKET_STRIKE, "2024-06-11", "Darfur Wire"),
               article("friday", LATER_STRIKE, "2024-06-15", "Nile Daily"),
               article("nyala", ELSEWHERE_STRIKE, "2024-06-11", "Nile Daily")])
    assert [sources(e) for e in store.events()] == [["sahel-wire"], ["nyala"], ["friday"]]
    assert [e["event_id_cnty"] for e in store.events()] == ["SDN1", "SDN3", "SDN2"]


def test_a_near_duplicate_article_adds_no_second_source(store):
    copy = MARKET_STRIKE + " Talks resume."
    result = store.add([article("sahel-wire", MARKET_STRIKE, "2024-06-11", "Darfur Wire"),
                        article("sahel-wire-copy", copy, "2024-06-11", "Darfur Wire")])
    assert list(result.near_duplicates) == ["sahel-wire-copy"]
    [event] = store.events()
    assert sources(event) == ["sahel-wire"]


def test_a_store_from_before_the_merged_layer_gets_it_on_opening(store_url):
    with open_store(store_url) as old:
        old.add([article("sahel-wire", MARKET_STRIKE, "2024-06-11", "Darfur Wire"),
                 article("nile-daily", MARKET_STRIKE_RETOLD, "2024-06-12", "Nile Daily")])
        with old.engine.begin() as connection:  # as a revision-0003 database never had them
            connection.exec_driver_sql("DROP TABLE event_sources CASCADE" if connection.dialect.name ==
                                       "postgresql" else "DROP TABLE event_sources")
            connection.exec_driver_sql("DROP TABLE merged_events")
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
    with open_store(store_url) as store:
        [event] = store.events()
        assert sources(event) == ["sahel-wire", "nile-daily"]
        with store.engine.connect() as connection:
            assert connection.scalar(sa.text("SELECT version_num FROM alembic_version")) >= "0004"


def three_strikes(store) -> None:
    store.add([article("sahel-wire", MARKET_STRIKE, "2024-06-11", "Darfur Wire"),
               article("friday", LATER_STRIKE, "2024-06-15", "Nile Daily"),
               article("nyala", ELSEWHERE_STRIKE, "2024-06-11", "Nile Daily")])


def test_a_page_is_the_events_after_a_key_in_page_order(store):
    three_strikes(store)
    everything = store.events()
    keys = [page_key(e["last_day"], e["first_day"], e["id"]) for e in everything]
    assert [sources(e) for e in store.events(limit=2)] == [["sahel-wire"], ["nyala"]]
    assert store.events(after=keys[0], limit=5) == everything[1:]
    assert store.events(after=keys[-1]) == []


def test_events_narrow_to_a_sub_type_and_a_map_box(store):
    three_strikes(store)
    around_nyala = (24.5, 11.5, 25.2, 12.5)
    assert [sources(e) for e in store.events(EventFilter(box=around_nyala))] == [["nyala"]]
    assert len(store.events(EventFilter(sub_type="DRONE"))) == 3
    assert len(store.events(EventFilter(type="air/drone"))) == 3  # a slash is a letter, not an escape
    assert store.events(EventFilter(sub_type="clash")) == store.events(EventFilter(type="%")) == []
