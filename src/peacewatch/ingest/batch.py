"""Files in, extractions out: the library side of `peacewatch extract` and `peacewatch ingest`.

Both read every file first (a bad file is reported and skipped, the others go on), then analyse
the articles in batches. `ingest` stores each batch in one transaction, so a failure leaves whole
batches or nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from peacewatch.analyze import analyze_many, batches
from peacewatch.errors import PeacewatchError
from peacewatch.ingest.readers import iter_paths, read_articles
from peacewatch.records import Article, Extraction
from peacewatch.store.database import AddResult, Store

HTML_SUFFIXES = {".html", ".htm"}


@dataclass
class Sources:
    """The articles read from the given paths, each with the file it came from, and the failures."""

    articles: list[tuple[Article, Path]] = field(default_factory=list)
    failures: list[PeacewatchError] = field(default_factory=list)


def read_sources(paths: Iterable[Path], published: dt.date | None = None) -> Sources:
    sources = Sources()
    for path in iter_paths(paths):
        try:
            sources.articles += [(article, path) for article in read_articles(path, published)]
        except PeacewatchError as error:
            sources.failures.append(error)
    return sources


def extractions(sources: Sources, on_article: Callable[[], None] = lambda: None) -> Iterator[Extraction]:
    """Analyse every article; a page's extraction carries the text its offsets index."""
    for (article, path), extraction in zip(sources.articles, analyze_many(a for a, _ in sources.articles)):
        if path.suffix.lower() in HTML_SUFFIXES:
            extraction.text = article.text
        on_article()
        yield extraction


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    id_conflicts: list[str] = field(default_factory=list)
    near_duplicates: dict[str, str] = field(default_factory=dict)
    failures: list[PeacewatchError] = field(default_factory=list)

    def record(self, result: AddResult) -> None:
        self.added += result.added
        self.already_stored += result.already_stored
        self.id_conflicts += result.id_conflicts
        self.near_duplicates.update({k: v.article_id for k, v in result.near_duplicates.items()})


def ingest(store: Store, sources: Sources, batch_size: int = 32,
           on_article: Callable[[], None] = lambda: None) -> IngestReport:
    """Analyse and store the articles, one transaction per batch of `batch_size`."""
    report = IngestReport(failures=list(sources.failures))
    analysed = ((article, extraction, str(path))
                for (article, path), extraction in zip(sources.articles, extractions(sources, on_article)))
    for batch in batches(analysed, batch_size):
        report.record(store.add(batch))
    return report
