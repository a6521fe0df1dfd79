"""`analyze(article) -> Extraction`: the whole per-article pipeline as one pure function.

No database and no network: the same call runs in a test, in the CLI, in a process pool and in a
Spark partition. Stage modules are named in `STAGES` (the pipeline's config); importing one
registers its annotator, and the run order follows from what each declares.
"""
from __future__ import annotations

import functools
import importlib
from typing import Iterable, Iterator

from peacewatch.ingest.language import detect_language
from peacewatch.nlp.model import pipeline_for
from peacewatch.pipeline import REGISTRY, Annotator, Document, run, run_order
from peacewatch.records import Article, Extraction

STAGES = (
    "peacewatch.nlp.entities",
    "peacewatch.nlp.times",
    "peacewatch.nlp.places",
    "peacewatch.nlp.quantities",
    "peacewatch.nlp.quotes",
    "peacewatch.events.coding",
    "peacewatch.agreements.provisions_in_text",
    "peacewatch.claims.stage",
)


@functools.lru_cache(maxsize=None)
def stage_order(kinds: tuple[str, ...] | None = None) -> tuple[Annotator, ...]:
    """Import the configured stages and order them; with `kinds`, only those and what they need."""
    for module in STAGES:
        importlib.import_module(module)
    order = run_order(REGISTRY)
    if kinds is None:
        return tuple(order)
    needed = set(kinds)
    for stage in reversed(order):
        if stage.assigns in needed:
            needed.update(stage.requires)
    return tuple(s for s in order if s.assigns in needed)


def with_language(article: Article) -> Article:
    if article.language:
        return article
    return article.model_copy(update={"language": detect_language(article.text)})


def to_extraction(document: Document) -> Extraction:
    article = document.article
    return Extraction(id=article.id, published=article.published, language=article.language, **document.mentions)


def annotate(article: Article, kinds: tuple[str, ...] | None = None) -> Document:
    """Parse one article and run the stages (all, or those that `kinds` needs)."""
    article = with_language(article)
    document = Document(article, pipeline_for(article.language)(article.text))
    return run(document, list(stage_order(kinds)))


def analyze(article: Article) -> Extraction:
    return to_extraction(annotate(article))


def analyze_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    """Analyze a stream of articles, letting spaCy batch the parsing (same results as `analyze`)."""
    order = list(stage_order())
    batch: list[Article] = []
    for article in articles:
        batch.append(with_language(article))
        if len(batch) >= batch_size:
            yield from _analyze_batch(batch, order)
            batch = []
    yield from _analyze_batch(batch, order)


def _analyze_batch(batch: list[Article], order: list[Annotator]) -> Iterator[Extraction]:
    by_language: dict[str, list[int]] = {}
    for index, article in enumerate(batch):
        by_language.setdefault(article.language or "", []).append(index)
    parses = {}
    for language, indexes in by_language.items():
        docs = pipeline_for(language).pipe(batch[i].text for i in indexes)
        parses.update(zip(indexes, docs))
    for index, article in enumerate(batch):
        yield to_extraction(run(Document(article, parses[index]), order))
