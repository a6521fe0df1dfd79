"""The layout of an agreement's text: title, preamble, numbered points and signature block.

Agreements number their points in a few ways ("Article 3", "1.", "2)", "(a)", "3.1."), or not at
all; lines are often hard-wrapped, so a paragraph runs until a blank line or the next marker. A
point's number joins its levels: Article 3, paragraph 2, letter (a) is "3.2a". Unnumbered
paragraphs after a point belong to it; in a text with no markers at all, each paragraph after
the preamble is a point of its own. The signature block starts at "Done at…", "Signed in…" or a
short "For the …" line after the points.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from peacewatch.knowledge.lexicons import lexicon

ARTICLE = re.compile(r"(?:Article|ARTICLE|Art\.)\s+(\d+|[IVXLC]+)\b\.?[ \t]*[-–—:.]?[ \t]*")
NUMBERED = re.compile(r"(\d{1,3}(?:\.\d{1,3})*)[.)](?=\s)[ \t]*")
LETTERED = re.compile(r"\(?([a-z]|[ivx]{1,4})\)(?=\s)[ \t]*")
SIGNATORY = re.compile(r"(?:For|On behalf of)\s+\S.{0,100}$")
AGREED = re.compile(r"(?:have|has|hereby)?\s*agreed?\s+(?:as\s+follows|upon\s+the\s+following)", re.I)
LEVELS = ("article", "numbered", "lettered")
MAX_SIGNATORY_WORDS = 14


@dataclass(frozen=True)
class Paragraph:
    """A stretch of text between blank lines or markers: [start, end) after its marker."""

    start: int
    end: int
    level: str | None = None
    label: str = ""


@dataclass
class Point:
    number: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.paragraphs[0].start

    @property
    def end(self) -> int:
        return self.paragraphs[-1].end


@dataclass
class Layout:
    title: str
    preamble: tuple[int, int]
    points: list[Point]
    closing: tuple[int, int]


def marker(line: str) -> tuple[str, str, int] | None:
    """(level, label, length of the marker) when a line opens a numbered point."""
    stripped = len(line) - len(line.lstrip())
    for level, pattern in zip(LEVELS, (ARTICLE, NUMBERED, LETTERED)):
        found = pattern.match(line, stripped)
        if found:
            return level, found.group(1), found.end()
    return None


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs with their markers; a marker line always opens a new paragraph."""
    found: list[Paragraph] = []
    start = end = None
    level, label = None, ""
    offset = 0
    for line in text.splitlines(keepends=True):
        opened = marker(line)
        if not line.strip() or opened:
            if start is not None:
                found.append(Paragraph(start, end, level, label))
            start, level, label = None, None, ""
        if opened:
            level, label, skip = opened
            start = offset + skip
        elif line.strip() and start is None:
            start = offset + len(line) - len(line.lstrip())
        if line.strip():
            end = offset + len(line.rstrip())
        offset += len(line)
    if start is not None:
        found.append(Paragraph(start, end, level, label))
    return [Paragraph(p.start + len(text[p.start:p.end]) - len(text[p.start:p.end].lstrip()), p.end, p.level, p.label)
            for p in found if text[p.start:p.end].strip()]


def closes(text: str, paragraph: Paragraph) -> bool:
    words = text[paragraph.start:paragraph.end].lower()
    if any(words.startswith(w) for w in lexicon("drafting")["closing_openers"]):
        return True
    first_line = text[paragraph.start:paragraph.end].split("\n")[0].strip()
    return paragraph.level is None and bool(SIGNATORY.match(first_line)) and "," not in first_line \
        and len(first_line.split()) <= MAX_SIGNATORY_WORDS and " shall " not in words


def numbered(levels: dict[str, str]) -> str:
    """"3" + "2" + "a" -> "3.2a": digits joined by dots, letters appended."""
    number = ""
    for level in LEVELS:
        label = levels.get(level)
        if label:
            number += ("." if number and label[0].isdigit() else "") + label
    return number


def grouped(body: list[Paragraph]) -> list[Point]:
    """Points from the body's paragraphs: a marker opens a point (an article heading alone
    opens one whose text follows), an unmarked paragraph continues the current one."""
    points: list[Point] = []
    levels: dict[str, str] = {}
    if not any(p.level for p in body):
        return [Point(str(i), [p]) for i, p in enumerate(body, 1)]
    for paragraph in body:
        if paragraph.level:
            depth = LEVELS.index(paragraph.level)
            levels = {k: v for k, v in levels.items() if LEVELS.index(k) < depth}
            levels[paragraph.level] = paragraph.label
            points.append(Point(numbered(levels)))
        if points:
            points[-1].paragraphs.append(paragraph)
    return [p for p in points if p.paragraphs]


def layout(text: str) -> Layout:
    found = paragraphs(text)
    if not found:
        return Layout("", (0, 0), [], (len(text), len(text)))
    title = " ".join(text[found[0].start:found[0].end].split())
    rest = found[1:]
    first = next((i for i, p in enumerate(rest) if p.level), None)
    agreed = next((i for i, p in enumerate(rest) if AGREED.search(text[p.start:p.end])), None)
    body_start = first if first is not None else (agreed + 1 if agreed is not None else 0)
    # The signature block follows the last article or numbered point: a "For the purposes of
    # this Agreement:" line inside the articles is not a signatory's.
    last_point = max((i for i, p in enumerate(rest) if p.level in ("article", "numbered")), default=body_start)
    closing = next((i for i in range(max(body_start, last_point), len(rest)) if closes(text, rest[i])), len(rest))
    preamble = (rest[0].start, rest[body_start - 1].end) if body_start else (found[0].end, found[0].end)
    end = rest[closing].start if closing < len(rest) else len(text)
    return Layout(title, preamble, grouped(rest[body_start:closing]), (end, len(text)))
