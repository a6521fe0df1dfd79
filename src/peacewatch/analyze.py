"""`analyze(article) -> Extraction`: the whole per-article pipeline as one pure function.

No database and no network: the same call runs in a test, in the CLI, in a process pool and in a
Spark partition. Stage modules are named in `STAGES` (the pipeline's config); importing one
registers its annotator, and the run order follows from what each declares.
"""
from __future__ import annotations

import functools
import importlib
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterable, Iterator, TypeVar

from spacy.tokens import Doc

from peacewatch.ingest.language import detect_language
from peacewatch.nlp.model import pipeline_for
from peacewatch.pipeline import REGISTRY, Annotator, Document, run, run_order
from peacewatch.records import Article, Extraction

Item = TypeVar("Item")
PARSE_BATCH = 16  # articles spaCy parses together in analyze_many (benchmarks/throughput.py parses alike)

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


def analyze_many(articles: Iterable[Article], batch_size: int = PARSE_BATCH) -> Iterator[Extraction]:
    """Analyze a stream of articles, letting spaCy batch the parsing (same results as `analyze`).
    The next batch is parsed in a background thread while the stages read this one: the parse
    spends much of its time in numpy and the MiniLM reads theirs in onnxruntime, both outside the
    GIL, so on two cores each hides part of the other (benchmarks/throughput.py)."""
    order = list(stage_order())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="parse") as parser:
        ahead: tuple[list[Article], Future] | None = None
        for batch in batches(map(with_language, articles), batch_size):
            parsing = parser.submit(parses_of, batch)
            if ahead:
                yield from staged(*ahead, order)
            ahead = (batch, parsing)
        if ahead:
            yield from staged(*ahead, order)


def batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """A stream cut into lists of `size` (the last one shorter), read as it comes."""
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def parses_of(batch: list[Article]) -> list[Doc]:
    """Each article's parse, in order, by its language's pipeline."""
    by_language: dict[str, list[int]] = {}
    for index, article in enumerate(batch):
        by_language.setdefault(article.language or "", []).append(index)
    parses: dict[int, Doc] = {}
    for language, indexes in by_language.items():
        parses.update(zip(indexes, pipeline_for(language).pipe(batch[i].text for i in indexes)))
    return [parses[index] for index in range(len(batch))]


def staged(batch: list[Article], parsing: Future, order: list[Annotator]) -> Iterator[Extraction]:
    for article, parse in zip(batch, parsing.result()):
        yield to_extraction(run(Document(article, parse), order))
