"""Errors a user can act on, each printed as one line: `[E103] news/day1.jsonl:4: missing 'text'`.

The CLI prints `str(error)` and exits 1, so the message must name what failed (a file, a line,
a database, a query) and why, without a traceback. The codes are stable so that scripts and
documentation can refer to them; a new failure gets a new class and a new code.
"""
from __future__ import annotations

from pathlib import Path


class PeacewatchError(Exception):
    """Base of the user-facing errors: a subject (what failed) and a reason (why)."""

    code = "E100"

    def __init__(self, subject: str | Path, reason: str) -> None:
        self.subject = str(subject)
        self.reason = " ".join(str(reason).split())  # one line, whatever the cause's formatting
        super().__init__(f"[{self.code}] {self.subject}: {self.reason}")


class UnsupportedFormat(PeacewatchError):
    """The file's suffix names no format the readers know."""

    code = "E101"


class UnreadableFile(PeacewatchError):
    """The file is missing, not readable, or not text in the expected encoding."""

    code = "E102"


class InvalidArticle(PeacewatchError):
    """The file was read but does not hold a usable article (bad JSON, no text, bad date…)."""

    code = "E103"


class InvalidSetting(PeacewatchError):
    """A setting (an option or a PEACEWATCH_* variable) has a value peacewatch does not know."""

    code = "E105"


class StoreUnavailable(PeacewatchError):
    """The database cannot be opened or written (bad URL, locked, unwritable, too new)."""

    code = "E201"


class InvalidSearchQuery(PeacewatchError):
    """A full-text query the search engine rejects (unbalanced quotes, a stray operator…)."""

    code = "E202"


class UnknownArticle(PeacewatchError):
    """An article id that the store does not hold."""

    code = "E203"


class UnknownCountry(PeacewatchError):
    """A country filter that names no country the gazetteer knows."""

    code = "E301"


class InvalidAgreement(PeacewatchError):
    """An agreement file that is not YAML or breaks the agreement schema; the subject is the
    file and line (`agreements/x.yaml:14`), the reason starts with the field's path."""

    code = "E310"


class UnknownAgreement(PeacewatchError):
    """An agreement id that no shipped file nor the agreements directory holds."""

    code = "E311"


class DuplicateAgreement(PeacewatchError):
    """Two agreement files in one directory that give the same id."""

    code = "E312"


class InvalidDuration(PeacewatchError):
    """An option that takes a TIMEX3 duration (P30D, P6M, P1Y) was given something else."""

    code = "E313"
