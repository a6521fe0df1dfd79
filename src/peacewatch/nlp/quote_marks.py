"""Where quotations begin and end: pairing quote marks as news pages really use them.

Pages mix typographic and straight marks in one paragraph (a straight opening mark closed by a
curly one), leave a quotation open at a paragraph's end when it runs on into the next one, and
nest single quotes inside double ones. Each double mark therefore gets a role from its shape and
its neighbours (opening, closing, or either for a straight mark between two words), and marks
pair in reading order within their paragraph; a quotation still open at the paragraph's end
closes there. Single curly quotes are quotations only outside double ones (inside, they are a
quotation within the quotation, part of it), and never span paragraphs.
"""
from __future__ import annotations

from dataclasses import dataclass

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
STRAIGHT = '"'
SINGLE_OPENING, SINGLE_CLOSINGS = "‘", ("’", "'")
BEFORE_OPENING = frozenset(" \t([—–-/")
AFTER_CLOSING = frozenset(" \t.,;:!?)]—–-/")


@dataclass(frozen=True)
class QuotedSpan:
    """The inside of a pair of quote marks; `runs_on` when the paragraph ended before a closing mark."""

    start: int
    end: int
    runs_on: bool = False


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Inner spans of every quotation, in reading order."""
    spans: list[QuotedSpan] = []
    offset = 0
    for paragraph in text.split("\n"):
        doubles = double_spans(paragraph, offset)
        spans += doubles + [s for s in single_spans(paragraph, offset) if not inside_any(s, doubles)]
        offset += len(paragraph) + 1
    return sorted(spans, key=lambda s: s.start)


def mark_role(paragraph: str, index: int) -> str:
    """"open", "close" or "either" for the double mark at `index`."""
    mark = paragraph[index]
    if mark in OPENING:
        return "open"
    if mark in CLOSING:
        return "close"
    before = paragraph[index - 1] if index else " "
    after = paragraph[index + 1] if index + 1 < len(paragraph) else " "
    if misplaced_closing(paragraph, index):
        return "either"
    if before in BEFORE_OPENING and after not in AFTER_CLOSING:
        return "open"
    if after in AFTER_CLOSING and before not in BEFORE_OPENING:
        return "close"
    return "either"


def misplaced_closing(paragraph: str, index: int) -> bool:
    """A closing mark typed after its space (`…for thirty years, "concludes the envoy`): a
    straight mark between a punctuated word and a lower-case one may close as well as open."""
    before = paragraph[max(0, index - 2):index]
    after = paragraph[index + 1:index + 2]
    return len(before) == 2 and before[0] in ",.!?" and before[1] == " " and after.islower()


def closes(opening: str, mark: str, role: str) -> bool:
    """Whether `mark` ends a quotation opened by `opening` ("„…“" closes on an opening-shaped mark)."""
    return role in ("close", "either") or (opening == "„" and mark == "“")


def double_spans(paragraph: str, offset: int) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    opened: int | None = None
    for index, mark in enumerate(paragraph):
        if mark not in OPENING and mark not in CLOSING and mark != STRAIGHT:
            continue
        role = mark_role(paragraph, index)
        if opened is None:
            opened = index if role != "close" else None
        elif closes(paragraph[opened], mark, role):
            spans.append(QuotedSpan(offset + opened + 1, offset + index))
            opened = None
        else:
            opened = index  # the earlier mark was never closed: a stray
    if opened is not None and paragraph[opened + 1:].strip():
        spans.append(QuotedSpan(offset + opened + 1, offset + len(paragraph.rstrip()), runs_on=True))
    return spans


def single_spans(paragraph: str, offset: int) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    position = 0
    while (start := paragraph.find(SINGLE_OPENING, position)) >= 0:
        end = single_closing(paragraph, start + 1)
        if end < 0:
            break
        spans.append(QuotedSpan(offset + start + 1, offset + end))
        position = end + 1
    return spans


def single_closing(paragraph: str, position: int) -> int:
    """The next closing single mark that is not an apostrophe: one between two letters ("don’t",
    "Côte d’Ivoire") is part of a word."""
    candidates = [i for i in range(position, len(paragraph)) if paragraph[i] in SINGLE_CLOSINGS]
    for end in candidates:
        inside_word = 0 < end < len(paragraph) - 1 and paragraph[end - 1].isalpha() and paragraph[end + 1].isalpha()
        if not inside_word:
            return end
    return -1


def inside_any(span: QuotedSpan, spans: list[QuotedSpan]) -> bool:
    return any(s.start - 1 <= span.start < s.end + 1 for s in spans)
