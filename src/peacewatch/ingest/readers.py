"""Files → Articles: the input formats of `peacewatch extract` and `ingest` (extraction.md, "Input").

Every mention offset indexes `Article.text`, so each reader keeps the text exactly as the file
holds it (no stripping, no newline translation); for a web page the text is what trafilatura
extracts, and that extracted text is what offsets index. A file that cannot become articles
raises a `PeacewatchError` naming the file (and the line, for .jsonl) so the caller can report
it on one line and go on with the other files.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Callable, Iterable

import trafilatura
from pydantic import ValidationError

from peacewatch.errors import InvalidArticle, UnreadableFile, UnsupportedFormat
from peacewatch.ingest.language import detect_language
from peacewatch.records import Article

MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(.+?)\s*#*\s*$")
# Dates only from the page's own metadata and markup: a guess from a copyright line or from
# today's date would give a wrong `published`, and relative times are resolved against it.
PAGE_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def read_articles(path: Path, published: dt.date | None = None) -> list[Article]:
    """The articles one file holds; `published` is the date for files that do not carry one."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise UnsupportedFormat(path, f"unsupported file type {path.suffix or '(no suffix)'!r} "
                                      f"(expected one of {', '.join(READERS)})")
    return reader(path, published)


def iter_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand directories into the readable files they hold (recursively, sorted).

    A file named explicitly is kept as given, even with an unknown suffix or when it does not
    exist: `read_articles` then raises for it, so the caller reports it like any other bad file
    and goes on. Inside a directory, files of other types are expected and skipped, and so are
    hidden files and folders (editor backups, .git, notebook checkpoints).
    """
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir():
            expanded.extend(sorted(p for p in path.rglob("*") if _readable_in_folder(p, path)))
        else:
            expanded.append(path)
    return expanded


def _readable_in_folder(path: Path, folder: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
    return not hidden and path.is_file() and path.suffix.lower() in READERS


def _read_text(path: Path) -> str:
    """The file's text with its line endings untouched, so offsets index the file as stored."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise UnreadableFile(path, f"not UTF-8 text ({error.reason} at byte {error.start})") from error
    except OSError as error:
        raise UnreadableFile(path, error.strerror or str(error)) from error


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(path, error.strerror or str(error)) from error


def _published_date(value: Any, fallback: dt.date | None) -> dt.date | None:
    """An ISO date, or the date part of an ISO timestamp as feeds often give it."""
    if value is None or value == "":
        return fallback
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            pass
    raise ValueError(f"bad published date {value!r} (expected YYYY-MM-DD)")


def article_from_fields(fields: dict[str, Any], default_id: str, published: dt.date | None = None) -> Article:
    """Validate one article object; raises ValueError with a one-line reason."""
    text = fields.get("text")
    if text is None:
        raise ValueError("missing 'text'")
    if not isinstance(text, str):
        raise ValueError("'text' must be a string")
    if not text.strip():
        raise ValueError("empty text")
    fields = {**fields, "id": fields.get("id") or default_id,
              "published": _published_date(fields.get("published"), published),
              "language": fields.get("language") or detect_language(text)}
    try:
        return Article.model_validate(fields)
    except ValidationError as error:
        raise ValueError("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                                   for e in error.errors())) from error


def _object(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON: {error.msg} (column {error.colno})") from error
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, found {type(value).__name__}")
    return value


def read_json(path: Path, published: dt.date | None = None) -> list[Article]:
    """One article object; extra keys (such as `gold`) are ignored; its own date wins."""
    try:
        return [article_from_fields(_object(_read_text(path)), path.stem, published)]
    except ValueError as error:
        raise InvalidArticle(path, str(error)) from error


def read_jsonl(path: Path, published: dt.date | None = None) -> list[Article]:
    """One article object per line; blank lines are allowed; an id defaults to stem-line."""
    articles = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            articles.append(article_from_fields(_object(line), f"{path.stem}-{number}", published))
        except ValueError as error:
            raise InvalidArticle(f"{path}:{number}", str(error)) from error
    return articles


def _plain_article(path: Path, text: str, title: str | None, published: dt.date | None) -> Article:
    if not text.strip():
        raise InvalidArticle(path, "empty text")
    return Article(id=path.stem, text=text, title=title, published=published,
                   language=detect_language(text))


def read_plain_text(path: Path, published: dt.date | None = None) -> list[Article]:
    return [_plain_article(path, _read_text(path), None, published)]


def read_markdown(path: Path, published: dt.date | None = None) -> list[Article]:
    """Plain text whose first non-empty line, when it is a heading, is the title."""
    text = _read_text(path)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    heading = MARKDOWN_HEADING.match(first_line.strip())
    return [_plain_article(path, text, heading.group(1) if heading else None, published)]


def read_html(path: Path, published: dt.date | None = None) -> list[Article]:
    """The main text of a web page and its metadata; the page's own date wins over `published`."""
    page = trafilatura.bare_extraction(_read_bytes(path), with_metadata=True, include_comments=False,
                                       date_extraction_params=PAGE_DATE_SEARCH)
    if page is None or not (page.text or "").strip():
        raise InvalidArticle(path, "no article text found in the page")
    try:
        date = _published_date(page.date, published)
    except ValueError as error:
        raise InvalidArticle(path, str(error)) from error
    return [Article(id=path.stem, text=page.text, title=page.title, url=page.url,
                    outlet=page.sitename, published=date,
                    language=page.language or detect_language(page.text))]


READERS: dict[str, Callable[[Path, dt.date | None], list[Article]]] = {
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".txt": read_plain_text,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
