"""Fixtures the package ships, so tests (ours and yours) build records the same way."""
from __future__ import annotations

import datetime as dt

from peacewatch.analyze import annotate
from peacewatch.pipeline import Document
from peacewatch.records import Article


def make_article(text: str, published: str | None = "2024-03-14", id: str = "fixture", **fields) -> Article:
    """An English article with a Thursday publication date unless told otherwise."""
    return Article(id=id, text=text, language=fields.pop("language", "en"),
                   published=dt.date.fromisoformat(published) if published else None, **fields)


def mentions(text: str, kind: str, published: str | None = "2024-03-14") -> list:
    """The mentions of one kind that the pipeline finds in `text` (running what that kind needs)."""
    document: Document = annotate(make_article(text, published), kinds=(kind,))
    return document.mentions[kind]
