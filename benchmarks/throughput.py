"""Throughput of the per-article pipeline against spaCy alone.

    .venv/bin/python benchmarks/throughput.py [--articles 500] [--corpus DIR] [--repeat 3]

Prints one table: articles, words, seconds and words/s for (a) spaCy's `nlp.pipe` with the same
model, components and batch size that `analyze` uses (spaCy's default batch of 1000 parses these
long articles about a quarter slower, which would flatter the ratio), and (b) `analyze_many()`
over the same articles, then the ratio of their times (b)/(a): what our own stages cost on top
of the parse. CPU seconds
count every thread: analyze() parses the next batch while its stages read this one, and runs
MiniLM's sentences side by side, so its wall-clock time is below its CPU time. The corpus is the
dev articles (../shared/corpus/dev) or, if absent, the bundled sample, repeated to --articles.
Each run is made --repeat times, (a) and (b) in turn, and the fastest of each is shown: on a
shared two-core machine one run of either can be 15% slower than the next for reasons of its
own, and the fastest run is the closest to what the code costs.
"""
from __future__ import annotations

import argparse
import itertools
import json
import time
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from peacewatch.analyze import PARSE_BATCH, analyze_many, stage_order
from peacewatch.nlp.model import pipeline_for
from peacewatch.records import Article

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def corpus(folder: Path) -> tuple[str, list[Article]]:
    if folder.is_dir() and any(folder.glob("*.json")):
        return str(folder), [Article.model_validate(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]
    briefs = resources.files("peacewatch.sample") / "briefs.jsonl"
    return "bundled sample", [Article.model_validate_json(line) for line in briefs.read_text(encoding="utf-8").splitlines() if line]


def timed(run) -> tuple[float, float]:
    """Wall-clock and CPU seconds (of every thread) of one run."""
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=DEV)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    name, base = corpus(args.corpus)
    articles = [a.model_copy(update={"id": f"{a.id}-{i}"}) for i, a in zip(range(args.articles), itertools.cycle(base))]
    words = sum(len(a.text.split()) for a in articles)
    nlp = pipeline_for("en")
    stage_order()
    list(analyze_many(articles[:2]))  # load lexicons, gazetteer and catalog before timing
    spacy_runs, analyze_runs = [], []
    for _ in range(args.repeat):
        spacy_runs.append(timed(lambda: list(nlp.pipe((a.text for a in articles), batch_size=PARSE_BATCH))))
        analyze_runs.append(timed(lambda: list(analyze_many(articles))))
    (spacy_seconds, spacy_cpu), (analyze_seconds, analyze_cpu) = min(spacy_runs), min(analyze_runs)
    table = Table(title=f"throughput: {len(articles)} articles from {name}, fastest of {args.repeat} runs")
    for column in ("run", "articles", "words", "seconds", "CPU seconds", "words/s"):
        table.add_column(column, justify="right" if column != "run" else "left")
    for run, seconds, cpu in (("(a) spaCy nlp.pipe", spacy_seconds, spacy_cpu), ("(b) analyze()", analyze_seconds, analyze_cpu)):
        table.add_row(run, str(len(articles)), f"{words:,}", f"{seconds:.1f}", f"{cpu:.1f}", f"{words / seconds:,.0f}")
    Console().print(table)
    Console().print(f"ratio (b)/(a) of time: {analyze_seconds / spacy_seconds:.2f} (of CPU time: {analyze_cpu / spacy_cpu:.2f})")


if __name__ == "__main__":
    main()
