"""A fictional truce walked through its statuses, end to end: briefs in, `status` and `control` out.

tests/timeline/README.md tells the story; each test below is one day an analyst would look.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacewatch.cli import app

TIMELINE = Path(__file__).parent / "timeline"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('timeline') / 'timeline.db'}"
    result = runner.invoke(app, ["ingest", str(TIMELINE / "briefs.jsonl"), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def table(db: str, command: str, day: str, *args: str) -> list[dict]:
    result = runner.invoke(app, [command, *args, "--dir", str(TIMELINE), "--as-of", day, "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def statuses(db: str, day: str) -> dict[str, tuple[str, str, str]]:
    """Provision -> (status, since, what the status cites)."""
    return {r["provision"]: (r["status"], r["since"], r["because cited"]) for r in table(db, "status", day, "darfur-truce")}


def controllers(db: str, day: str) -> dict[str, tuple[str, str]]:
    return {r["place"]: (r["controller"], r["as part of"]) for r in table(db, "control", day)}


def test_a_deadline_met_is_full_and_cites_the_report(db):
    assert statuses(db, "2031-03-16")["2"] == ("full", "2031-03-14", "[el-fasher/Darfur Daily, 2031-03-14]")


def test_a_deadline_passed_with_no_report_is_unreported_not_missed(db):
    assert statuses(db, "2031-03-16")["4"] == ("unreported", "2031-03-11", "[darfur-truce provision 4]")


def test_a_deadline_a_report_says_was_not_kept_is_missed(db):
    assert statuses(db, "2031-03-19")["3"][0] == "not started"
    assert statuses(db, "2031-03-25")["3"] == ("missed", "2031-03-24", "[nyala-stalls/Sahel Wire, 2031-03-24]")


def test_shelling_in_a_town_of_the_region_violates_the_truce(db):
    assert statuses(db, "2031-04-15")["1"] == ("violated", "2031-04-08", "[zalingei-shelling/Darfur Daily, 2031-04-09]")


def test_history_told_in_a_later_brief_is_no_breach(db):
    assert statuses(db, "2031-03-20")["1"][0] == "full"


def test_an_observer_force_leaving_early_is_terminated(db):
    assert statuses(db, "2031-05-10")["5"][0] == "minimal"
    assert statuses(db, "2031-05-25")["5"] == ("terminated", "2031-05-19", "[observers-leave/Sahel Wire, 2031-05-20]")


def test_a_later_accord_supersedes_the_provisions_it_replaces(db):
    day = statuses(db, "2031-05-10")
    assert day["1"] == ("superseded", "2031-05-01", "[darfur-accord]")
    assert day["6"][0] == "superseded" and day["3"][0] == "missed"


def test_control_changes_town_by_town(db):
    assert "El Fasher" not in controllers(db, "2031-03-10")
    assert controllers(db, "2031-03-16")["El Fasher"] == ("Sudan", "")
    assert controllers(db, "2031-03-25")["Nyala"] == ("Rapid Support Forces", "")


def test_a_surrender_in_the_region_moves_its_towns(db):
    later = controllers(db, "2031-06-05")
    assert later["Darfur"] == ("Sudan", "")
    assert later["Nyala"] == ("Sudan", "Darfur")


def test_a_place_is_never_a_controller(db):
    assert all(controller not in {"Geneina", "Al-Junaynah"} for controller, _ in controllers(db, "2031-06-05").values())
