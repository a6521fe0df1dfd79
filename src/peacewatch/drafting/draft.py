"""Draft an agreement file from an agreement's text, for an analyst to correct.

One parse of the text through the article pipeline (entities, times, places) feeds everything:
the structure reader (drafting.structure) says where the title, preamble, points, signature
block and annexes are; the parties and mediators come from drafting.parties; each point is split
into obligations (drafting.obligations), which become provisions (drafting.provisions) with
their category (drafting.categories), obliged parties (drafting.obliged) and terms
(drafting.terms). The agreement is dated by its signature block or dateline (`signed`) and by
its entry into force, else the start of its ceasefire (`effective`); a deadline that falls on
the day it takes effect is no deadline. Provisions come in the text's order, each with the
offsets of its words (`source`), a confidence and the fields left `unfilled`.
"""
from __future__ import annotations

import enum
import json
import re
from pathlib import Path

import yaml

from peacewatch.analyze import annotate
from peacewatch.drafting.obligations import Obligation
from peacewatch.drafting.obliged import Reading
from peacewatch.drafting.parties import parties_of
from peacewatch.drafting.provisions import Group, numbered, provision, read_points, same_day
from peacewatch.drafting.structure import DATE, Structure, marker, structure
from peacewatch.drafting.terms import start_of
from peacewatch.errors import UnreadableFile
from peacewatch.knowledge.lexicons import word_set
from peacewatch.nlp.lemma_phrases import lemma
from peacewatch.pipeline import Document
from peacewatch.records import Agreement, Article, Provision, TimeMention

STAGES = ("entities", "times", "places")


def moment(time: TimeMention) -> str:
    """A date, or a datetime when the text gives its zone (agreement files need one)."""
    return time.value if re.search(r"T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$", time.value) else time.value[:10]


def dated(document: Document, start: int, end: int) -> list[TimeMention]:
    return [t for t in document.within("times", start, end) if t.type in ("DATE", "TIME") and re.match(r"\d{4}-\d\d-\d\d", t.value)]


def signed_of(document: Document, shape: Structure) -> str | None:
    """The date of the signature block, else of a dateline or title ("Juba, 12 March 2024")."""
    closing = dated(document, *shape.closing)
    if closing:
        return moment(closing[0])
    lines = [m for m in DATE.finditer(document.text[shape.header[0]:shape.header[1]]) if is_dateline(document.text, shape, m)]
    header = [t for m in lines for t in dated(document, shape.header[0] + m.start(), shape.header[0] + m.end() + 1)]
    return moment(header[0]) if header else None


def is_dateline(text: str, shape: Structure, match: re.Match) -> bool:
    """A date on a line of its own or in the title, not one the preamble recalls."""
    start = shape.header[0] + match.start()
    line = text[text.rfind("\n", 0, start) + 1:text.find("\n", start) if "\n" in text[start:] else len(text)]
    return len(line.split()) <= 8 or line.strip() == shape.title


def effective_of(document: Document, statements: list[Obligation], groups: list[Group], signed: str | None) -> str | None:
    """When the agreement takes effect: the time its entry into force names, or its signature
    when that is what it names; else the time its ceasefire starts."""
    for clause in statements:
        times = dated(document, clause.start_char, clause.end_char)
        if times:
            return moment(times[0])
        if signed and any(lemma(t) in word_set("drafting", "signature_words") for t in clause.tokens):
            return signed
    for group in (g for g in groups if g.category == "ceasefire"):
        start = start_of(document.text, dated(document, group.start, group.end))
        if start:
            return moment(start)
    return None


def unwrapped(text: str) -> str:
    """The text with hard line breaks inside sentences made spaces (same length, so offsets
    hold), so that the parser reads a wrapped sentence as one; a line that ends a sentence or
    a line that opens a marked point keeps its break."""
    lines = text.splitlines(keepends=True)
    joined = []
    for line, following in zip(lines, lines[1:] + [""]):
        stripped = line.rstrip("\r\n")
        wraps = stripped.strip() and following.strip() and stripped.rstrip()[-1] not in ".;:!?" and marker(following) is None
        joined.append(stripped + " " * (len(line) - len(stripped)) if wraps else line)
    return "".join(joined)


def undue(provisions: list[Provision], effective: str | None) -> list[Provision]:
    """Deadlines on the day the agreement takes effect are immediate: no deadline."""
    return [p.model_copy(update={"deadline": None}) if same_day(effective, p.deadline) else p for p in provisions]


def draft_agreement(text: str, agreement_id: str) -> Agreement:
    document = annotate(Article(id=agreement_id, text=unwrapped(text), language="en"), kinds=STAGES)
    shape = structure(text)
    parties = parties_of(text, shape)
    reading = Reading(parties)
    groups, statements = read_points(document, shape.points, reading, shape.operative)
    provisions = [provision(document, number, group, reading) for number, group in numbered(groups)]
    signed = signed_of(document, shape)
    effective = effective_of(document, statements, groups, signed)
    unfilled = ["signed"] * (signed is None) + ["effective"] * (effective is None) + ["parties"] * (len(parties.names) < 2)
    return Agreement(id=agreement_id, title=shape.title or agreement_id, signed=signed, effective=effective,
                            parties=parties.names, mediators=parties.mediators, provisions=undue(provisions, effective),
                            unfilled=unfilled)


def agreement_id(path: Path) -> str:
    """An id from the file name, in the form agreement files require (lower case, hyphens)."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "agreement"


def read_agreement_text(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFile(path, error.strerror if isinstance(error, OSError) else "not UTF-8 text") from None
    if not text.strip():
        raise UnreadableFile(path, "the file is empty; an agreement text is needed")
    return text


def agreement_data(agreement: Agreement) -> dict:
    """The agreement as an agreement file holds it: no empty or unknown fields."""
    return agreement.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


class DraftFormat(str, enum.Enum):
    yaml = "yaml"
    json = "json"


def agreement_file_text(agreement: Agreement, format: DraftFormat = DraftFormat.yaml) -> str:
    """The draft as the text of an agreement file (YAML, or the same data as JSON)."""
    data = agreement_data(agreement)
    if format is DraftFormat.json:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def draft_file(path: Path, given_id: str | None = None) -> Agreement:
    """Draft the agreement whose text is in `path` (its id from the file name unless given)."""
    return draft_agreement(read_agreement_text(path), given_id or agreement_id(path))
