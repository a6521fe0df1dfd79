"""The structure of an agreement's text: title, preamble, operative points, signature block, annexes.

Real agreements lay their terms out in a handful of ways, often mixed: "Article 3" over paragraphs
"3.1", section letters "A." "B." over points "1.", points "1." "2)" "3-", sub-items "(a)" "a)" and
"(i)", bullets ("-", "•"), or the unnumbered paragraphs of a statement. Around the terms sit a
title and a dateline, a preamble ("Recalling…", "The Sides agree as follows:"), headings ("Article 2
Cessation of hostilities"), a signature block ("Done at…", "For the Government of…") and annexes.

A marker's kind and its place among the markers open so far give its depth: a kind not yet open
goes one level deeper, a kind already open closes everything below it (so "(i)" under "3." under
"Article 2" is item 2.3i, and "C." after "B.1" is back at the top). Dotted numbers ("1.1.2") are
absolute and replace the article's number. A short line without final punctuation that is
followed by deeper or unmarked text is a heading, not a term. The operative part starts after
the last line that opens it ("…agreed as follows:", "…the following points:") or at the first
marker; a text with neither is a statement whose every paragraph after the title may hold terms.
An unmarked paragraph continues the point before it, except after a bullet (bullets are one
paragraph each) and in a statement, where each paragraph is a point of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from peacewatch.knowledge.lexicons import lexicon

ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{1,3}|v)"
MARKERS = (
    ("part", re.compile(r"(?:PART|Part|CHAPTER|Chapter)\s+(\d+|[IVXLC]+|[A-Z])\b\.?[ \t]*[-–—:.]?[ \t]*")),
    ("article", re.compile(r"(?:Article|ARTICLE|Art\.|Section|SECTION)\s+(\d+|[IVXLC]+)\b\.?[ \t]*[-–—:.]?[ \t]*")),
    ("section", re.compile(r"([A-Z]|[IVX]{1,4})[.)](?=\s)[ \t]*")),
    ("numbered", re.compile(r"(\d{1,3}(?:\.\d{1,3})+)\.?(?=\s)[ \t]*")),
    ("numbered", re.compile(r"(\d{1,3})(?:[.)]|[ \t]*[-–—](?=\s))(?=\s)[ \t]*")),
    ("roman", re.compile(rf"\(?({ROMAN})[.)](?=\s)[ \t]*")),
    ("lettered", re.compile(r"\(?([a-z])[.)](?=\s)[ \t]*")),
    ("bullet", re.compile(r"([-–—•●▪■◦○·*])[ \t]+")),
)
# "1 Fisheries of the lake": a bare number opens a point only on a short heading line.
BARE_NUMBER = re.compile(r"(\d{1,2})[ \t]+(?=[A-Z])")
GAP = re.compile(r"^\s*[\[(]\s*(?:…|\.\.\.)\s*[\])]\s*$")
ANNEX = re.compile(r"^\s*(?:ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment)\b")
OPENER = re.compile(r"(?:\bas\s+follows|\bthe\s+following\b[^.;]*)\s*[:,.]?[-–—]?\s*$|:[-–—]?\s*$", re.I)
SIGNATORY = re.compile(r"(?:For|On behalf of)\s+\S.{0,100}$")
FINAL_PUNCTUATION = ".;:!?"
MAX_HEADING_WORDS = 10
MAX_PLACE_WORDS = 3
MAX_TITLE_WORDS = 30
MAX_SIGNATORY_WORDS = 14
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = re.compile(rf"\d{{1,2}}(?:\s+and\s+\d{{1,2}})?\s+{MONTHS},?\s+\d{{4}}|{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b")


@dataclass(frozen=True)
class Block:
    """A paragraph, or a marked line and the text after it up to the next marker or blank line:
    [start, end) is its text without the marker; `kind` and `label` are the marker's."""

    start: int
    end: int
    kind: str | None = None
    label: str = ""


@dataclass
class Point:
    """A term of the agreement as the text numbers it: its paragraphs, its number in the text's
    own scheme ("" when the text numbers none), and the sentence that introduces the list it is
    an item of ("In particular, neither Party:"), whose subject and topic its words share."""

    number: str
    blocks: list[Block] = field(default_factory=list)
    item_of: tuple[int, int] | None = None
    lettered: bool = False
    marked: bool = False

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end


@dataclass
class Structure:
    title: str
    header: tuple[int, int]
    points: list[Point]
    closing: tuple[int, int]
    annexes: list[tuple[int, int]]
    operative: bool

    @property
    def preamble(self) -> tuple[int, int]:
        return self.header


def marker(line: str) -> tuple[str, str, int] | None:
    """(kind, label, length of the marker) when a line opens a marked block."""
    indent = len(line) - len(line.lstrip())
    for kind, pattern in MARKERS:
        found = pattern.match(line, indent)
        if found:
            return kind, found.group(1), found.end()
    bare = BARE_NUMBER.match(line, indent)
    if bare and is_heading_text(line[bare.end():]) and not DATE.match(line, indent):
        return "numbered", bare.group(1), bare.end()
    return None


def is_heading_text(text: str) -> bool:
    words = " ".join(text.split())
    return bool(words) and len(words.split()) <= MAX_HEADING_WORDS and words[-1] not in FINAL_PUNCTUATION


def blocks(text: str) -> list[Block]:
    """The text's blocks in order; gap lines ("[…]") become blocks of kind "gap"."""
    found: list[Block] = []
    start = end = None
    kind, label = None, ""
    offset = 0
    for line in text.splitlines(keepends=True):
        opened = marker(line)
        gap = bool(GAP.match(line))
        if not line.strip() or opened or gap:
            if start is not None:
                found.append(Block(start, end, kind, label))
            start, kind, label = None, None, ""
        if gap:
            found.append(Block(offset, offset + len(line.rstrip()), "gap"))
        elif opened:
            kind, label, skip = opened
            start, end = offset + skip, offset + len(line.rstrip())
        elif line.strip():
            start = offset + len(line) - len(line.lstrip()) if start is None else start
            end = offset + len(line.rstrip())
        offset += len(line)
    if start is not None:
        found.append(Block(start, end, kind, label))
    return [b for b in found if b.end > b.start or b.kind]


def words_of(text: str, block: Block) -> str:
    return " ".join(text[block.start:block.end].split())


def is_dateline(text: str, block: Block) -> bool:
    """A date with at most a place beside it ("Juba, 12 March 2024"): not a title."""
    words = words_of(text, block)
    rest = re.sub(r"[^\w\s'-]", " ", DATE.sub(" ", words))
    return block.kind is None and bool(DATE.search(words)) and len(rest.split()) <= MAX_PLACE_WORDS


def is_title(text: str, block: Block) -> bool:
    words = words_of(text, block)
    return block.kind is None and 0 < len(words.split()) <= MAX_TITLE_WORDS and (
        words[-1] not in FINAL_PUNCTUATION + "," or words.isupper())


def closes(text: str, block: Block) -> bool:
    """Whether a block opens the signature block: "Done at…", "In witness whereof…", or a short
    "For the …" line that is not a clause ("For the purposes of this Agreement:")."""
    words = text[block.start:block.end].lower()
    if any(words.startswith(w) for w in lexicon("drafting")["closing_openers"]):
        return True
    first_line = text[block.start:block.end].split("\n")[0].strip()
    return block.kind is None and bool(SIGNATORY.match(first_line)) and "," not in first_line \
        and not first_line.endswith(":") and len(first_line.split()) <= MAX_SIGNATORY_WORDS


def is_heading(text: str, found: list[Block], index: int, depth: dict[int, int]) -> bool:
    """A short line without final punctuation over deeper or unmarked text ("Article 2
    Cessation of hostilities", "3.1 Pardons", "Grazing rights" before "1.2 …"); a bullet
    or the last of a list of such lines is an item, not a heading."""
    block = found[index]
    if block.kind in ("bullet", "gap") or not is_heading_text(text[block.start:block.end]):
        return not words_of(text, block) and block.kind in ("article", "part", "section")
    following = next((i for i in range(index + 1, len(found)) if found[i].kind != "gap"), None)
    if following is None:
        return False
    after = found[following]
    if block.kind in ("article", "part") or block.kind is None:
        return True
    return after.kind is None or depth.get(following, 0) > depth.get(index, 0)


def depths(found: list[Block]) -> dict[int, int]:
    """Each marked block's depth: a kind not open yet goes one deeper, an open kind closes the
    levels below it. Dotted numbers are a kind per count of dots ("1.1" under "1")."""
    open_kinds: list[str] = []
    result: dict[int, int] = {}
    for index, block in enumerate(found):
        if block.kind in (None, "gap"):
            continue
        kind = level_kind(block)
        if kind in open_kinds:
            del open_kinds[open_kinds.index(kind) + 1:]
        else:
            open_kinds.append(kind)
        result[index] = len(open_kinds)
    return result


def level_kind(block: Block) -> str:
    if block.kind == "numbered":
        return f"numbered{block.label.count('.')}"
    if block.kind == "roman" and block.label in ("i", "v", "x"):
        return "roman"
    return block.kind or ""


def roman_or_letter(found: list[Block]) -> list[Block]:
    """"(i)" after "(h)" is a letter, "(v)" after "(iv)" a numeral: each read as its list goes."""
    previous: dict[str, str] = {}
    fixed = []
    for block in found:
        if block.kind == "roman" and len(block.label) == 1:
            letter_before = chr(ord(block.label) - 1)
            if previous.get("lettered") == letter_before:
                block = Block(block.start, block.end, "lettered", block.label)
        if block.kind in ("roman", "lettered"):
            previous[block.kind] = block.label
        fixed.append(block)
    return fixed


def number_of(levels: list[tuple[str, str]]) -> str:
    """The point's number from its open levels: "2" + "3" + "i" -> "2.3i", "B" + "1" -> "B.1";
    a dotted number replaces the numbers above it; parts and bullets do not number."""
    labels: list[tuple[str, str]] = []
    for kind, label in levels:
        if kind == "numbered" and "." in label:
            labels = [(k, v) for k, v in labels if k == "section"]
        if kind not in ("part", "bullet"):
            labels.append((kind, label))
    number = ""
    for kind, label in labels:
        number += ("." if number and (label[0].isdigit() or kind == "numbered") else "") + label
    return number


def body_start(text: str, found: list[Block]) -> int:
    """Index of the first block of the operative part: after the last opening line before the
    first marker ("The Sides agree as follows:"), else the first marker, else after the title."""
    first_marker = next((i for i, b in enumerate(found) if b.kind not in (None, "gap")), len(found))
    openers = [i for i in range(first_marker) if found[i].kind is None and OPENER.search(text[found[i].start:found[i].end])
               and not is_title(text, found[i])]
    if openers:
        return openers[-1] + 1
    if first_marker < len(found):
        return first_marker
    return next((i for i, b in enumerate(found) if not (is_title(text, b) or is_dateline(text, b))), len(found))


def title_of(text: str, found: list[Block], start: int) -> str:
    heads = [b for b in found[:max(start, 1)] if not is_dateline(text, b)]
    if heads and is_title(text, heads[0]):
        return words_of(text, heads[0])
    return ""


def closing_start(text: str, found: list[Block], start: int, end: int) -> int:
    """Index of the signature block: the first closing line after the last article or numbered
    point before `end` (a "For the purposes of…" line among the articles is not a signatory's)."""
    last_point = max((i for i in range(end) if found[i].kind in ("article", "numbered", "section")), default=start)
    return next((i for i in range(max(start, last_point), end) if closes(text, found[i])), end)


def annex_start(text: str, found: list[Block], start: int) -> int:
    return next((i for i in range(start, len(found)) if found[i].kind is None and ANNEX.match(text[found[i].start:found[i].end])),
                len(found))


def points_of(text: str, body: list[Block], operative: bool) -> list[Point]:
    """Points from the body's blocks (see the module's docstring)."""
    depth = depths(body)
    points: list[Point] = []
    levels: list[tuple[str, str, int]] = []
    intros: dict[int, tuple[int, int]] = {}
    open_point = False
    for index, block in enumerate(body):
        if block.kind == "gap":
            open_point = False
            continue
        if block.kind is None:
            if is_heading(text, body, index, depth) and any(b.kind not in (None, "gap") for b in body[index + 1:]):
                continue
            if open_point and levels[-1][0] != "bullet":
                points[-1].blocks.append(block)
            else:
                points.append(Point("", [block]))
            continue
        open_point = True
        level = depth[index]
        levels = [entry for entry in levels if entry[2] < level] + [(block.kind, block.label, level)]
        point = Point(number_of([(k, v) for k, v, _ in levels]), [], intros.get(level - 1), block.kind == "lettered", True)
        if not is_heading(text, body, index, depth) and text[block.start:block.end].strip():
            point.blocks.append(block)
        points.append(point)
        intros = {d: s for d, s in intros.items() if d < level}
        intro = list_intro(text, block)
        if intro:
            intros[level] = intro
    return [p for p in points if p.blocks]


def list_intro(text: str, block: Block) -> tuple[int, int] | None:
    """The last sentence of a block that ends with a colon: it introduces the items below."""
    words = text[block.start:block.end].rstrip()
    if not words.endswith((":", ":-", ":–")):
        return None
    cut = max(words.rfind(". ", 0, len(words) - 1), words.rfind("\n", 0, len(words) - 1))
    return block.start + (cut + 1 if cut >= 0 else 0), block.start + len(words)


def structure(text: str) -> Structure:
    found = roman_or_letter(blocks(text))
    if not found:
        return Structure("", (0, 0), [], (len(text), len(text)), [], False)
    start = body_start(text, found)
    first_marker = any(b.kind not in (None, "gap") for b in found)
    operative = first_marker or start > 0 and OPENER.search(text[found[start - 1].start:found[start - 1].end]) is not None
    annex_at = annex_start(text, found, start)
    end = closing_start(text, found, start, annex_at)
    annex = found[annex_at].start if annex_at < len(found) else len(text)
    header = (found[0].start, found[start - 1].end) if start else (0, 0)
    closing = (found[end].start if end < annex_at else annex, annex)
    annexes = [(annex, len(text))] if annex_at < len(found) else []
    body = found[start:end]
    return Structure(title_of(text, found, start), header, points_of(text, body, operative), closing, annexes, operative)
