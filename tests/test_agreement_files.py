"""Agreement files: the shipped ones load, and every problem in a file names its file, line and field."""
import json
import typing

import pytest
from typer.testing import CliRunner

from peacewatch.agreements.files import SCHEMA_PATH, SHIPPED, agreement_problems, load_agreements, read_agreement
from peacewatch.cli import app
from peacewatch.errors import DuplicateAgreement, InvalidAgreement
from peacewatch.records import Agreement, Amendment, Provision, ProvisionCategory, Renewal

runner = CliRunner()

GOOD = """\
id: lakeside-truce
title: Lakeside truce between Ruritania and Borduria
signed: 2031-04-02
effective: 2031-04-03T06:00:00+02:00
parties: [Ruritania, Borduria]
mediators: [Syldavia]
provisions:
  - number: 1
    category: ceasefire
    summary: Shelling across the lake stops.
    obliged: [Ruritania, Borduria]
  - number: 2a
    category: withdrawal
    summary: Heavy guns move 20 km back from the shore.
    deadline: P21D
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def problems_of(tmp_path, text):
    return [str(p) for p in agreement_problems(write(tmp_path, "broken.yaml", text))]


def test_the_shipped_agreements_load_and_validate():
    files = sorted(SHIPPED.glob("*.yaml"))
    assert [agreement_problems(path) for path in files] == [[] for _ in files]
    by_id = {a.id: a for a in load_agreements()}
    armistice = by_id["2020-armistice"]
    assert armistice.effective == "2020-11-10T00:00:00+03:00" and set(armistice.parties) == {"Armenia", "Azerbaijan", "Russia"}
    assert {p.number for p in armistice.provisions} >= {"1a", "2", "4c", "6a", "6d", "9b"}
    assert by_id["2023-ceasefire"].effective == "2023-09-20T13:00:00+04:00"


def test_a_file_reads_into_the_agreement_record_with_dates_left_as_written(tmp_path):
    agreement = read_agreement(write(tmp_path, "lake.yaml", GOOD))
    assert agreement.signed == "2031-04-02"
    assert [p.number for p in agreement.provisions] == ["1", "2a"]
    assert agreement.provisions[1].deadline == "P21D"


def test_the_schema_speaks_the_records_key_names_and_categories():
    schema = json.loads(SCHEMA_PATH.read_text())
    defs = schema["$defs"]
    assert set(schema["properties"]) == set(Agreement.model_fields)
    for name, record in (("provision", Provision), ("renewal", Renewal), ("amendment", Amendment)):
        assert set(defs[name]["properties"]) == set(record.model_fields), name
    assert defs["category"]["enum"] == list(typing.get_args(ProvisionCategory))


def test_bad_yaml_is_reported_at_its_line(tmp_path):
    [problem] = problems_of(tmp_path, "id: x\ntitle: ok\nparties: [Ruritania,\n  Borduria\nprovisions: []\n")
    assert problem.startswith("[E310] ") and "broken.yaml:5: YAML syntax:" in problem


def test_a_wrong_field_type_names_the_field_and_its_line(tmp_path):
    [problem] = problems_of(tmp_path, GOOD.replace("parties: [Ruritania, Borduria]", "parties: Ruritania"))
    assert "broken.yaml:5: parties: 'Ruritania' is not of type 'array'" in problem


def test_an_unknown_category_lists_the_known_ones(tmp_path):
    [problem] = problems_of(tmp_path, GOOD.replace("category: withdrawal", "category: pullback"))
    assert "broken.yaml:13: provisions[1].category: 'pullback' is not a provision category" in problem
    assert "withdrawal" in problem


def test_a_bad_deadline_says_what_a_deadline_may_be(tmp_path):
    [problem] = problems_of(tmp_path, GOOD.replace("deadline: P21D", "deadline: next spring"))
    assert problem.endswith("broken.yaml:15: provisions[1].deadline: 'next spring' is not an ISO date or a TIMEX3 duration")


def test_an_impossible_date_is_not_a_date(tmp_path):
    [problem] = problems_of(tmp_path, GOOD.replace("deadline: P21D", "deadline: 2031-02-30"))
    assert "provisions[1].deadline: '2031-02-30'" in problem


def test_all_problems_are_reported_in_line_order(tmp_path):
    text = GOOD.replace("title: Lakeside", "titel: Lakeside").replace("category: ceasefire", "category: truce")
    problems = problems_of(tmp_path, text)
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in problems] == ["1", "2", "9"]
    assert "broken.yaml:1: title: is required" in problems[0]
    assert "titel: unknown field" in problems[1]


def test_a_renewal_needs_the_first_term(tmp_path):
    text = GOOD + "    renewal: {term: P1Y, notice: P3M}\n"
    [problem] = problems_of(tmp_path, text)
    assert "broken.yaml:16: provisions[1].renewal: needs duration as well" in problem


def test_a_relative_deadline_needs_a_start(tmp_path):
    text = GOOD.replace("signed: 2031-04-02\n", "").replace("effective: 2031-04-03T06:00:00+02:00\n", "")
    [problem] = problems_of(tmp_path, text)
    assert "broken.yaml:13: provisions[1].deadline: 'P21D' counts from the agreement's effective time" in problem


def test_provision_numbers_are_unique(tmp_path):
    [problem] = problems_of(tmp_path, GOOD.replace("number: 2a", "number: 1"))
    assert "broken.yaml:12: provisions[1].number: '1' is also the number of provisions[0]" in problem


def test_reading_a_broken_file_raises_its_first_problem(tmp_path):
    with pytest.raises(InvalidAgreement, match=r"broken\.yaml:15: provisions\[1\]\.deadline"):
        read_agreement(write(tmp_path, "broken.yaml", GOOD.replace("P21D", "soon")))


def test_a_directory_adds_to_the_shipped_agreements_and_may_replace_one(tmp_path):
    write(tmp_path, "lake.yaml", GOOD)
    write(tmp_path, "mine.yaml", "id: 2023-ceasefire\ntitle: My own coding\n")
    by_id = {a.id: a for a in load_agreements(tmp_path)}
    assert "lakeside-truce" in by_id and "2020-armistice" in by_id
    assert by_id["2023-ceasefire"].title == "My own coding"


def test_two_files_with_one_id_in_a_directory_are_an_error(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yml", GOOD)
    with pytest.raises(DuplicateAgreement, match="lakeside-truce"):
        load_agreements(tmp_path)


def test_cli_validate_prints_one_line_per_problem_and_exits_1(tmp_path):
    good = write(tmp_path, "lake.yaml", GOOD)
    bad = write(tmp_path, "broken.yaml", GOOD.replace("P21D", "next spring").replace("category: ceasefire", "category: truce"))
    result = runner.invoke(app, ["agreement", "validate", str(good), str(bad)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(lines) == 2 and all("broken.yaml:" in line for line in lines)
    assert "provisions[0].category" in lines[0] and "provisions[1].deadline" in lines[1]
    assert "1 valid, 1 with problems" in result.stderr and "Traceback" not in result.stderr


def test_cli_validate_accepts_the_shipped_files():
    result = runner.invoke(app, ["agreement", "validate", *map(str, sorted(SHIPPED.glob("*.yaml")))])
    assert result.exit_code == 0 and "2 valid, 0 with problems" in result.stderr


def test_cli_lists_shipped_agreements_and_those_of_a_directory(tmp_path):
    write(tmp_path, "lake.yaml", GOOD)
    result = runner.invoke(app, ["agreements", "--dir", str(tmp_path), "--format", "json"])
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["lakeside-truce"] == {"id": "lakeside-truce", "title": "Lakeside truce between Ruritania and Borduria",
                                      "signed": "2031-04-02", "parties": "Ruritania, Borduria", "provisions": 2}
    assert rows["2020-armistice"]["provisions"] == 18


def test_cli_listing_stops_at_a_broken_file_with_one_line(tmp_path):
    write(tmp_path, "broken.yaml", GOOD.replace("P21D", "next spring"))
    result = runner.invoke(app, ["agreements", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "[E310]" in line and "broken.yaml:15: provisions[1].deadline" in line
