"""Our search query language, read for PostgreSQL: the FTS5 syntax users write on SQLite, as a tsquery.

The language: words (implicitly ANDed), "exact phrases", AND, OR, NOT (binary: `a NOT b`),
parentheses, `word*` for a prefix and `title:`/`text:` before a term to look in one column.
FTS5's precedence holds: NOT binds tighter than AND, AND tighter than OR. PostgreSQL's own
websearch_to_tsquery accepts anything but knows no prefixes, columns or parentheses, so the query
is parsed here and a malformed one is the same one-line error on both databases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from peacewatch.errors import InvalidSearchQuery

SYNTAX = 'query syntax: words, "exact phrase", AND/OR/NOT, (groups), prefix*, title:word'
TOKEN = re.compile(r'\s*(?:(\()|(\))|((?:\w+:)?"[^"]*")|((?:\w+:)?")|([^\s()"]+))')
OPERATORS = {"AND", "OR", "NOT"}
COLUMN_WEIGHTS = {"title": "A", "text": "B"}


@dataclass
class _Reader:
    """The query's tokens with a cursor: a recursive-descent parser's input."""

    query: str
    tokens: list[str]
    at: int = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        self.at += 1
        return self.tokens[self.at - 1]

    def fail(self, reason: str) -> InvalidSearchQuery:
        return InvalidSearchQuery(f"query {self.query!r}", f"{reason} ({SYNTAX})")


def to_tsquery(query: str) -> str:
    """The tsquery text (for to_tsquery('simple', …)) that means what `query` means to FTS5."""
    reader = _Reader(query, _tokens(query))
    if reader.peek() is None:
        raise reader.fail("empty query")
    parsed = _any_of(reader)
    if reader.peek() is not None:
        raise reader.fail(f"syntax error near {reader.peek()!r}")
    return parsed


def _tokens(query: str) -> list[str]:
    tokens, position = [], 0
    while query[position:].strip():
        match = TOKEN.match(query, position)
        if match.group(4):
            raise InvalidSearchQuery(f"query {query!r}", f"unterminated string ({SYNTAX})")
        tokens.append(next(group for group in match.groups() if group))
        position = match.end()
    return tokens


def _any_of(reader: _Reader) -> str:
    parts = [_all_of(reader)]
    while reader.peek() == "OR":
        reader.take()
        parts.append(_all_of(reader))
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _all_of(reader: _Reader) -> str:
    parsed = _but_not(reader)
    while reader.peek() not in (None, ")", "OR"):
        if reader.peek() == "AND":
            reader.take()
        parsed = f"({parsed} & {_but_not(reader)})"
    return parsed


def _but_not(reader: _Reader) -> str:
    parsed = _operand(reader)
    while reader.peek() == "NOT":
        reader.take()
        parsed = f"({parsed} & !{_operand(reader)})"
    return parsed


def _operand(reader: _Reader) -> str:
    token = reader.peek()
    if token is None or token == ")" or token in OPERATORS:
        raise reader.fail(f"syntax error near {token or 'the end'!r}")
    reader.take()
    if token != "(":
        return _term(reader, token)
    parsed = _any_of(reader)
    if reader.peek() != ")":
        raise reader.fail("unbalanced parenthesis")
    reader.take()
    return parsed


def _term(reader: _Reader, token: str) -> str:
    """A word, prefix or phrase, restricted to a column's weight when one is named."""
    column, _, term = token.partition(":") if re.match(r'\w+:', token) else ("", "", token)
    if column and column not in COLUMN_WEIGHTS:
        raise reader.fail(f"no such column: {column}")
    weight = COLUMN_WEIGHTS.get(column, "")
    if term.startswith('"'):
        words = re.findall(r"[^\s\"]+", term)
        if not words:
            raise reader.fail("empty phrase")
        return "(" + " <-> ".join(_lexeme(w, weight) for w in words) + ")"
    word = term.rstrip("*")
    if not word:
        raise reader.fail(f"syntax error near {token!r}")
    return _lexeme(word, ("*" if word != term else "") + weight)


def _lexeme(word: str, flags: str) -> str:
    quoted = "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"
    return f"{quoted}:{flags}" if flags else quoted
