"""Quality on public real text may not fall below the pinned floors (trafilatura's gate, on
text nobody on the team wrote).

Each file in `public_floors/` names one set of `../shared/benchmarks/`, how much of it the
suite reads (the first `files` in name order: a fixed subset, so the test stays within the
suite's time budget and the figure is comparable from run to run) and the floors. The scores
are those of the same scorers `../shared/tools/benchmarks.sh` runs; the floors were set a
little below what the subset measured. Without `../shared` the tests skip.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peacewatch.analyze import analyze_many
from peacewatch.drafting.draft import DraftFormat, agreement_file_text, draft_file
from peacewatch.records import Article

from conftest import SHARED

HERE = Path(__file__).parent
BENCHMARKS = SHARED / "benchmarks"
FLOOR_FILES = sorted((HERE / "public_floors").glob("*.json"))
AGREEMENT_SCORES = re.compile(r"P (?P<precision>[\d.]+)\s+R (?P<recall>[\d.]+)\s+F1 (?P<f1>[\d.]+)")
CASE_SCORE = re.compile(r"weighted F1 = (?P<weighted_f1>[\d.]+)")


def spec(path: Path) -> dict:
    return json.loads(path.read_text())


def extract(articles: list[Article], out: Path) -> Path:
    out.write_text("".join(e.to_json() + "\n" for e in analyze_many(articles)), encoding="utf-8")
    return out


def scored_gold_set(folder: Path, kinds: str, files: int | None, tmp: Path) -> dict:
    """score.py's summary over the first `files` gold files of a set (all when None)."""
    gold = sorted(folder.glob("*.json"))[:files]
    articles = [Article.model_validate(json.loads(f.read_text(encoding="utf-8"))) for f in gold]
    predictions = extract(articles, tmp / "pred.jsonl")
    summary = tmp / "scores.json"
    subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "--gold", *map(str, gold),
                    "--pred", str(predictions), "--kinds", kinds, "--json", str(summary)],
                   check=True, capture_output=True)
    return json.loads(summary.read_text())


def scored_case(tmp: Path) -> dict:
    """score_case.py's weighted F1 over every CASE 2021 snippet (its scorer counts a missing one
    as a miss, so a subset cannot be scored by it)."""
    scorer = str(SHARED / "tools" / "score_case.py")
    snippets = tmp / "case.jsonl"
    subprocess.run([sys.executable, scorer, "articles", str(snippets)], check=True, capture_output=True)
    articles = [Article.model_validate_json(line) for line in snippets.read_text(encoding="utf-8").splitlines()]
    predictions = extract(articles, tmp / "case.pred")
    printed = subprocess.run([sys.executable, scorer, "score", str(predictions)], check=True,
                             capture_output=True, text=True).stdout
    return {"case": {k: float(v) for k, v in CASE_SCORE.search(printed).groupdict().items()}}


def scored_agreements(tmp: Path) -> dict:
    """score_agreements.py's provision P/R/F1 over the drafts of every agreement text."""
    folder = BENCHMARKS / "agreements"
    for text in sorted(folder.glob("*.txt")):
        draft = agreement_file_text(draft_file(text), DraftFormat.json)
        (tmp / f"{text.stem}.json").write_text(draft, encoding="utf-8")
    printed = subprocess.run([sys.executable, str(folder / "score_agreements.py"), "--gold", str(folder),
                              "--pred", str(tmp)], check=True, capture_output=True, text=True).stdout
    return {"agreements": {k: float(v) for k, v in AGREEMENT_SCORES.search(printed).groupdict().items()}}


def scores(floor: dict, tmp: Path) -> dict:
    if floor["set"] == "case2021-task2":
        return scored_case(tmp)
    if floor["set"] == "agreements":
        return scored_agreements(tmp)
    return scored_gold_set(BENCHMARKS / floor["set"], floor["kinds"], floor.get("files"), tmp)


@pytest.mark.parametrize("floor_file", FLOOR_FILES, ids=[f.stem for f in FLOOR_FILES])
def test_public_scores_stay_above_their_floors(floor_file, tmp_path):
    floor = spec(floor_file)
    if not (BENCHMARKS / floor["set"]).exists() or not (SHARED / "tools").exists():
        pytest.skip(f"../shared/benchmarks/{floor['set']} is absent")
    measured = scores(floor, tmp_path)
    below = {f"{kind}.{metric}": measured[kind][metric]
             for kind, metrics in floor["floors"].items() for metric, value in metrics.items()
             if measured[kind][metric] < value}
    assert not below, f"{floor['set']} fell below its floors {floor['floors']}: {below}"
