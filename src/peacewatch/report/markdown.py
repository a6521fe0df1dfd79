"""The situation report as Markdown: one bullet per line, its citation at the end."""
from __future__ import annotations

from peacewatch.report.situation import SituationReport

NOTHING = "_Nothing reported._"


def markdown(report: SituationReport) -> str:
    parts = [f"# {report.title}", ""]
    for section in report.sections:
        parts += [f"## {section.title}", ""]
        parts += [f"- {_flat(line.text)} {line.citation}" for line in section.lines] or [NOTHING]
        parts.append("")
    return "\n".join(parts)


def _flat(text: str) -> str:
    """One line, with Markdown's own marks in news text kept literal."""
    return " ".join(text.split()).replace("*", r"\*").replace("_", r"\_")
