"""Every output format carries every value whole: machine-readable output never loses data, and
a table is wrapped or folded on a terminal but never cut (no "2020-…")."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from peacewatch import output
from peacewatch.output import Format, emit

LONG = ("On 2031-03-14 the joint commission reported that the western battalion had left the "
        "ridge above Greyhaven, " * 12).strip()
ROWS = [{"provision": "6e", "since": "2031-03-14", "last evidence": LONG, "cited": "[brief-7/Lake Courier, 2031-03-15]"}]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BOX = re.compile(r"[\s│┃┏┓┗┛┡┩└┘┌┐━─┳┻╇╈┼┬┴╋├┤┠┨]")


def printed(capsys, format: Format) -> str:
    emit(ROWS, format, title="status")
    return capsys.readouterr().out


def test_json_and_jsonl_carry_the_full_values(capsys):
    assert json.loads(printed(capsys, Format.json)) == ROWS
    assert [json.loads(line) for line in printed(capsys, Format.jsonl).splitlines()] == ROWS


def test_csv_carries_the_full_values(capsys):
    assert list(csv.DictReader(io.StringIO(printed(capsys, Format.csv)))) == ROWS


def test_a_table_written_to_a_pipe_prints_every_cell_whole_on_its_line(capsys):
    text = printed(capsys, Format.table)
    assert LONG in text and "2031-03-14 " in text and "…" not in text
    assert len([line for line in text.splitlines() if LONG in line]) == 1


def test_a_table_on_a_narrow_terminal_folds_cells_but_cuts_nothing(capsys, monkeypatch):
    monkeypatch.setattr(output.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("COLUMNS", "60")
    text = ANSI.sub("", printed(capsys, Format.table))
    assert max(len(line) for line in text.splitlines()) <= 60 and "…" not in text
    body = [line.split("│")[1:-1] for line in text.splitlines() if line.startswith("│")]
    columns = ["".join(cells[i] for cells in body) for i in range(len(ROWS[0]))]
    assert [BOX.sub("", c) for c in columns] == [BOX.sub("", v) for v in ROWS[0].values()]
