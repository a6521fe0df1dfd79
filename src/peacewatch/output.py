"""One way to print rows, shared by every read command: --format table|json|jsonl|csv.

Data goes to standard output; progress and errors go to standard error, so piping a command's
output into another tool never mixes the two.
"""
from __future__ import annotations

import csv
import enum
import json
import sys
from typing import Any, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text


UNBOUNDED = 1 << 20  # columns: wider than any table a store holds


class Format(str, enum.Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def emit(rows: Sequence[dict[str, Any]], format: Format, columns: Sequence[str] | None = None, title: str | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    if format is Format.json:
        print(json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, default=str, indent=2))
    elif format is Format.jsonl:
        for row in rows:
            print(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=str))
    elif format is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        print_table(rows, columns, title)


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    """A table never loses a value: on a terminal it wraps to the terminal's width, folding long
    words rather than cutting them; written to a pipe or a file it prints every cell whole on
    its line, however wide (csv and json remain the formats for programs)."""
    terminal = sys.stdout.isatty()
    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=not terminal)
    for row in rows:
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in columns))  # Text: "[..]" is data, not markup
    if terminal:
        Console().print(table)
        return
    measuring = Console(width=UNBOUNDED, color_system=None)
    Console(width=max(1, measuring.measure(table).maximum), color_system=None).print(table)
