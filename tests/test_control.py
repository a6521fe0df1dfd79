"""Territorial control from hand-made reports: territory events and carried-out handovers."""
from __future__ import annotations

import datetime as dt

from peacewatch.tracking.control import control_as_of, control_periods, event_takeovers, handover_takeovers
from peacewatch.tracking.linking import Report
from peacewatch.records import Agreement, Citation, Evidence, Provision


def territory_event(place: str, gainer: str, day: str, sub_type: str = "Government regains territory") -> Report:
    when = dt.date.fromisoformat(day)
    return Report(kind="event", article_id=f"art-{day}", outlet=None, published=when, start=0, end=5, text=f"{gainer} took {place}",
                  first_day=when, last_day=when, places=(place,), actors=(gainer,), actor1=gainer, sub_event_type=sub_type)


def test_each_takeover_ends_the_previous_holders_period():
    periods = control_periods(event_takeovers([
        territory_event("Redford", "Eastmark", "2031-01-05", "Non-state actor overtakes territory"),
        territory_event("Redford", "Westmark", "2031-02-10")]))
    assert [(p.controller, p.start.isoformat(), p.end and p.end.isoformat()) for p in periods] == [
        ("Eastmark", "2031-01-05", "2031-02-10"), ("Westmark", "2031-02-10", None)]
    assert [p.controller for p in control_as_of(periods, dt.date(2031, 1, 20))] == ["Eastmark"]
    assert periods[1].citation.source == "art-2031-02-10"


def test_a_carried_out_handover_gives_its_places_to_the_beneficiary():
    pact = Agreement(id="pact", title="Pact", parties=["Eastmark", "Westmark"], provisions=[
        Provision(number="4", category="territory", summary="Redford goes to Westmark.", obliged=["Eastmark"],
                  beneficiaries=["Westmark"], places=["Redford"])])
    done = Evidence(agreement="pact", provision="4", stance="implemented", day=dt.date(2031, 5, 2), kind="event",
                    reason="test", score=2.0, citation=Citation(source="art-9", text="Redford was handed over."))
    [period] = control_periods(handover_takeovers([pact], [done]))
    assert (period.place, period.controller, period.start) == ("Redford", "Westmark", dt.date(2031, 5, 2))


def test_on_one_day_a_coded_handover_outranks_an_events_actor_order():
    pact = Agreement(id="pact", title="Pact", provisions=[
        Provision(number="4", category="territory", summary="Redford goes to Westmark.", beneficiaries=["Westmark"],
                  places=["Redford"])])
    done = Evidence(agreement="pact", provision="4", stance="implemented", day=dt.date(2031, 5, 2), kind="event",
                    reason="test", score=2.0, citation=Citation(source="art-9", text="Eastmark handed Redford over."))
    takeovers = event_takeovers([territory_event("Redford", "Eastmark", "2031-05-02", "Non-violent transfer of territory")])
    periods = control_periods(takeovers + handover_takeovers([pact], [done]))
    assert [p.controller for p in periods] == ["Westmark"]


def test_an_event_whose_coded_actor_is_a_town_moves_nothing():
    assert event_takeovers([territory_event("Redford", "Nyala", "2031-01-05")]) == []
