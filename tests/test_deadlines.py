"""Deadlines: absolute or counted from the effective day, amended, and renewable terms with notice."""
import datetime as dt
import json

from typer.testing import CliRunner

from peacewatch.agreements.deadlines import agreement_deadlines, deadline_rows, due_state, provision_deadline
from peacewatch.agreements.durations import add, parse_duration
from peacewatch.agreements.files import find_agreement, load_agreements
from peacewatch.cli import app
from peacewatch.records import Agreement, Amendment, Provision, Renewal

runner = CliRunner()
D = dt.date

# A fictional observer mission: one year at a time, renewed unless a party objects 3 months ahead.
MISSION = Agreement(
    id="river-mission", title="Observer mission on the Vesna river", signed="2030-01-30",
    effective="2030-01-31T00:00:00-05:00", parties=["Ostland", "Westmark"],
    provisions=[
        Provision(number="1", category="monitoring", summary="Observers patrol the river.",
                  duration="P1Y", renewal=Renewal(term="P1Y", notice="P3M")),
        Provision(number="2", category="prisoners", summary="Detainees are released.", deadline="P45D"),
        Provision(number="3", category="withdrawal", summary="Militias leave the islands.", deadline="2030-03-01",
                  amendments=[Amendment(deadline="2030-04-15", date=D(2030, 2, 20), source="joint communique, 20 Feb"),
                              Amendment(note="reaffirmed", source="press briefing"),
                              Amendment(deadline="P90D", source="second extension, reported by the mission")]),
        Provision(number="4", category="political", summary="Talks on the islands' status."),
        Provision(number="5", category="peacekeeping", summary="A police unit stays two years, renewable by decision.",
                  duration="P2Y", renewal=Renewal(term="P2Y", automatic=False)),
    ])


def deadline_of(number, as_of=D(2030, 2, 1)):
    agreement = MISSION
    return provision_deadline(agreement, next(p for p in agreement.provisions if p.number == number), as_of)


def test_a_deadline_in_days_counts_from_the_effective_day_in_its_own_zone():
    assert deadline_of("2").ruling == D(2030, 3, 17)


def test_calendar_units_keep_the_day_of_month_or_take_the_months_last_day():
    assert add(D(2020, 11, 10), parse_duration("P3Y")) == D(2023, 11, 10)
    assert add(D(2031, 1, 31), parse_duration("P1M")) == D(2031, 2, 28)
    assert add(D(2025, 11, 10), parse_duration("P6M"), sign=-1) == D(2025, 5, 10)
    assert add(D(2030, 1, 1), parse_duration("P1W2DT48H")) == D(2030, 1, 12)
    assert parse_duration("next year") is None and parse_duration("P") is None


def test_the_last_amendment_that_sets_a_deadline_rules_and_both_are_cited():
    deadline = deadline_of("3")
    assert (deadline.original, deadline.amended) == ("2030-03-01", "P90D")
    assert deadline.ruling == D(2030, 5, 1)
    assert deadline.cited == ["river-mission (original)", "second extension, reported by the mission"]


def test_a_single_amendment_is_cited_with_its_date():
    agreement = MISSION.model_copy(update={"provisions": [MISSION.provisions[2].model_copy(
        update={"amendments": MISSION.provisions[2].amendments[:1]})]})
    [deadline] = agreement_deadlines(agreement, D(2030, 2, 1))
    assert deadline.ruling == D(2030, 4, 15)
    assert deadline.cited == ["river-mission (original)", "joint communique, 20 Feb (2030-02-20)"]


def test_a_yearly_mission_moves_to_its_next_term_once_a_term_ends():
    first = deadline_of("1", as_of=D(2030, 6, 1)).term
    assert (first.number, first.end, first.notice_by) == (1, D(2031, 1, 31), D(2030, 10, 31))
    third = deadline_of("1", as_of=D(2032, 1, 31)).term
    assert (third.number, third.start, third.end, third.notice_by) == (3, D(2032, 1, 31), D(2033, 1, 31), D(2032, 10, 31))


def test_a_term_that_renews_only_by_decision_ends_once():
    term = deadline_of("5", as_of=D(2040, 1, 1)).term
    assert (term.number, term.end, term.notice_by) == (1, D(2032, 1, 31), None)


def test_provisions_with_no_date_and_no_term_are_not_listed():
    assert [d.provision for d in agreement_deadlines(MISSION, D(2030, 2, 1))] == ["1", "2", "3", "5"]


def test_states_read_as_words():
    assert due_state(D(2030, 3, 17), D(2030, 3, 5)) == "due in 12 days"
    assert due_state(D(2030, 3, 17), D(2030, 3, 17)) == "due today"
    assert due_state(D(2030, 3, 17), D(2030, 3, 18)) == "passed 1 day ago"


def test_within_keeps_provisions_with_a_date_that_matters_soon():
    rows = deadline_rows([MISSION], D(2030, 3, 1), parse_duration("P30D"))
    assert [(r["provision"], r["state"]) for r in rows] == [("2", "due in 16 days")]
    notice = deadline_rows([MISSION], D(2030, 10, 15), parse_duration("P30D"))
    assert [(r["provision"], r["state"]) for r in notice] == [("1", "notice due in 16 days")]


def test_the_2020_armistice_peacekeeping_term_and_notice():
    armistice = find_agreement(load_agreements(), "2020-armistice")
    [before] = [d for d in agreement_deadlines(armistice, D(2025, 1, 1)) if d.term]
    assert (before.term.end, before.term.notice_by) == (D(2025, 11, 10), D(2025, 5, 10))
    [after] = [d for d in agreement_deadlines(armistice, D(2026, 1, 1)) if d.term]
    assert (after.term.number, after.term.end, after.term.notice_by) == (2, D(2030, 11, 10), D(2030, 5, 10))


def test_the_2020_armistice_kelbajar_extension_rules():
    rows = deadline_rows([find_agreement(load_agreements(), "2020-armistice")], D(2025, 1, 1))
    kelbajar = next(r for r in rows if r["provision"] == "6a")
    assert (kelbajar["original"], kelbajar["amended"], kelbajar["ruling"]) == ("2020-11-15", "2020-11-25", D(2020, 11, 25))
    new_route = next(r for r in rows if r["provision"] == "6d")
    assert new_route["ruling"] == D(2023, 11, 10)


def test_cli_deadlines_as_of_a_day_for_one_agreement():
    result = runner.invoke(app, ["deadlines", "--as-of", "2025-01-01", "--agreement", "2020-armistice", "--format", "json"])
    assert result.exit_code == 0
    peacekeeping = next(r for r in json.loads(result.stdout) if r["provision"] == "4c")
    assert (peacekeeping["term_end"], peacekeeping["notice_by"]) == ("2025-11-10", "2025-05-10")
    assert peacekeeping["state"] == "notice due in 129 days"


def test_cli_deadlines_rejects_a_bad_duration_and_an_unknown_agreement_in_one_line():
    bad = runner.invoke(app, ["deadlines", "--within", "a month"])
    assert bad.exit_code == 1 and "[E313] --within: 'a month'" in bad.stderr
    unknown = runner.invoke(app, ["deadlines", "--agreement", "no-such-deal"])
    assert unknown.exit_code == 1 and "[E311] no-such-deal" in unknown.stderr
    assert len(bad.stderr.strip().splitlines()) == len(unknown.stderr.strip().splitlines()) == 1
