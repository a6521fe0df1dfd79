"""The situation report as a self-contained HTML page (no script), every text escaped."""
from __future__ import annotations

from html import escape

from peacewatch.report.situation import SituationReport

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}} cite{{color:#555;font-style:normal}}</style>
</head>
<body>
<h1>{title}</h1>
{sections}
</body>
</html>
"""


def html(report: SituationReport) -> str:
    sections = []
    for section in report.sections:
        items = "".join(f"<li>{escape(' '.join(line.text.split()))} <cite>{escape(line.citation)}</cite></li>\n"
                        for line in section.lines)
        body = f"<ul>\n{items}</ul>" if items else "<p><em>Nothing reported.</em></p>"
        sections.append(f"<section>\n<h2>{escape(section.title)}</h2>\n{body}\n</section>")
    return PAGE.format(title=escape(report.title), sections="\n".join(sections))
