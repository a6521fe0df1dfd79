"""Status timelines of a fictional agreement from hand-made evidence: levels, deadlines met,
missed and amended, violations, lapse and supersession, each change dated and cited."""
from __future__ import annotations

import datetime as dt

from peacewatch.tracking.status import agreement_timelines, provision_timeline, status_table
from peacewatch.records import Agreement, Amendment, Citation, Evidence, Provision, Renewal

HANDOVER = Provision(number="2", category="territory", summary="The town of Greyhaven goes back to Southland.",
                     obliged=["Northland"], beneficiaries=["Southland"], places=["Greyhaven"], deadline="2031-03-20")
TRUCE = Agreement(id="lakeside-truce", title="Lakeside truce", effective="2031-03-01", parties=["Northland", "Southland"],
                  provisions=[Provision(number="1", category="ceasefire", summary="Hostilities stop.", places=["Lake Shore"]),
                              HANDOVER,
                              Provision(number="3", category="peacekeeping", summary="Observers deploy for one year.",
                                        duration="P1Y")])


def evidence(provision: str, stance: str, day: str, source: str = "art-1") -> Evidence:
    when = dt.date.fromisoformat(day)
    return Evidence(agreement="lakeside-truce", provision=provision, stance=stance, day=when, kind="sentence",
                    reason="test", score=1.0,
                    citation=Citation(source=source, outlet="Lake Courier", published=when, start=0, end=10, text=f"{stance} {day}"))


def statuses(rows) -> list[tuple[str, str]]:
    return [(r.day.isoformat(), r.status) for r in rows]


def test_a_handover_done_before_its_deadline_is_full_and_met():
    rows = provision_timeline(TRUCE, HANDOVER, [evidence("2", "implemented", "2031-03-14")], dt.date(2031, 4, 1))
    assert statuses(rows) == [("2031-03-01", "not started"), ("2031-03-14", "full")]
    assert rows[-1].deadline_state == "met" and rows[-1].citation.source == "art-1"


def test_a_passed_deadline_with_no_report_either_way_is_unreported_and_cites_the_agreement():
    rows = provision_timeline(TRUCE, HANDOVER, [], dt.date(2031, 3, 25))
    assert statuses(rows) == [("2031-03-01", "not started"), ("2031-03-21", "unreported")]
    assert rows[-1].deadline_state == "unreported" and rows[-1].citation.source.startswith("lakeside-truce")


def test_a_report_after_the_deadline_that_it_is_still_not_done_makes_it_missed_citing_that_report():
    rows = provision_timeline(TRUCE, HANDOVER, [evidence("2", "unfulfilled", "2031-03-24", "art-late")],
                              dt.date(2031, 3, 25))
    assert statuses(rows)[1:] == [("2031-03-21", "unreported"), ("2031-03-24", "missed")]
    assert rows[-1].deadline_state == "missed" and rows[-1].citation.source == "art-late"


def test_a_report_before_the_deadline_that_it_is_not_done_yet_is_no_verdict():
    rows = provision_timeline(TRUCE, HANDOVER, [evidence("2", "unfulfilled", "2031-03-10")], dt.date(2031, 3, 15))
    assert statuses(rows) == [("2031-03-01", "not started")] and rows[-1].deadline_state == "due"


def test_a_deadline_reported_put_off_is_missed_when_it_passes_citing_the_report_of_the_delay():
    rows = provision_timeline(TRUCE, HANDOVER, [evidence("2", "delayed", "2031-03-12", "art-delay")],
                              dt.date(2031, 3, 25))
    assert statuses(rows)[-1] == ("2031-03-21", "missed") and rows[-1].citation.source == "art-delay"


def test_a_handover_reported_done_only_after_its_deadline_is_full_with_the_deadline_missed():
    late = evidence("2", "implemented", "2031-03-27").model_copy(update={"first_day": dt.date(2031, 3, 27)})
    rows = provision_timeline(TRUCE, HANDOVER, [late], dt.date(2031, 4, 1))
    assert statuses(rows)[-1] == ("2031-03-27", "full") and rows[-1].deadline_state == "missed"


def test_a_handover_reported_in_a_week_that_includes_the_deadline_is_met():
    reported = evidence("2", "implemented", "2031-03-23").model_copy(update={"first_day": dt.date(2031, 3, 17)})
    rows = provision_timeline(TRUCE, HANDOVER, [reported], dt.date(2031, 4, 1))
    assert rows[-1].status == "full" and rows[-1].deadline_state == "met"


def test_a_force_withdrawn_before_its_term_is_terminated_and_stays_so():
    observers = TRUCE.provisions[2]
    rows = provision_timeline(TRUCE, observers, [evidence("3", "progress", "2031-03-05"),
                                                 evidence("3", "ended", "2031-06-01", "art-exit"),
                                                 evidence("3", "progress", "2031-06-20")], dt.date(2031, 12, 1))
    assert statuses(rows)[1:] == [("2031-03-05", "minimal"), ("2031-06-01", "terminated")]
    assert rows[-1].citation.source == "art-exit" and rows[-1].stance == "ended"


def test_as_of_a_day_only_what_was_known_then_counts():
    rows = provision_timeline(TRUCE, HANDOVER, [evidence("2", "implemented", "2031-03-14")], dt.date(2031, 3, 10))
    assert statuses(rows) == [("2031-03-01", "not started")]
    assert rows[-1].deadline_state == "due"


def test_an_amendment_moves_the_deadline_from_the_day_it_was_agreed():
    amended = HANDOVER.model_copy(update={"amendments": [Amendment(deadline="2031-03-30", date=dt.date(2031, 3, 18),
                                                                   source="joint statement of 18 March")]})
    before = provision_timeline(TRUCE, amended, [], dt.date(2031, 3, 17))
    after = provision_timeline(TRUCE, amended, [evidence("2", "implemented", "2031-03-28")], dt.date(2031, 4, 1))
    assert before[-1].deadline == dt.date(2031, 3, 20)
    assert [(r.deadline.isoformat(), r.deadline_state) for r in after] == [
        ("2031-03-20", "due"), ("2031-03-30", "amended"), ("2031-03-30", "met")]
    assert after[1].citation.source == "joint statement of 18 March"


def test_progress_from_two_articles_is_intermediate_and_a_violation_shows_until_the_truce_holds_again():
    timelines = agreement_timelines(TRUCE, [
        evidence("3", "progress", "2031-03-02", "art-a"), evidence("3", "progress", "2031-03-04", "art-b"),
        evidence("1", "implemented", "2031-03-01"), evidence("1", "violated", "2031-03-09", "art-c"),
        evidence("1", "implemented", "2031-03-12", "art-d")], dt.date(2031, 4, 1))
    assert [r.level for r in timelines["3"]] == [0, 1, 2]
    assert statuses(timelines["1"])[1:] == [("2031-03-01", "full"), ("2031-03-09", "violated"), ("2031-03-12", "full")]


def test_a_term_that_does_not_renew_lapses_and_one_that_renews_does_not():
    lapsed = provision_timeline(TRUCE, TRUCE.provisions[2], [], dt.date(2032, 3, 5))
    renewing = TRUCE.provisions[2].model_copy(update={"renewal": Renewal(term="P1Y", notice="P3M")})
    assert statuses(lapsed)[-1] == ("2032-03-01", "lapsed")
    assert statuses(provision_timeline(TRUCE, renewing, [], dt.date(2032, 3, 5)))[-1][1] == "not started"


def test_a_later_agreement_over_the_same_category_and_places_supersedes():
    second = Agreement(id="second-truce", title="Second truce", effective="2031-09-01", parties=["Southland"],
                       provisions=[Provision(number="1", category="ceasefire", summary="Fighting stops.", places=["Lake Shore"])])
    rows = provision_timeline(TRUCE, TRUCE.provisions[0], [], dt.date(2031, 10, 1), [TRUCE, second])
    assert statuses(rows)[-1] == ("2031-09-01", "superseded") and rows[-1].citation.source == "second-truce"


def test_the_status_table_cites_the_last_evidence():
    rows = status_table(TRUCE, [evidence("2", "implemented", "2031-03-14")], dt.date(2031, 4, 1))
    handover = next(r for r in rows if r["provision"] == "2")
    assert handover["status"] == "full" and handover["cited"] == "[art-1/Lake Courier, 2031-03-14]"
