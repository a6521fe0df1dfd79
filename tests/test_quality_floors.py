"""Measured quality may not fall below the pinned floors (as trafilatura's CI does).

Two gold sets: the dev articles (../shared/corpus/dev) and the articles we wrote about other
conflicts (tests/articles), whose scores show when a rule only fits the dev articles.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from peacewatch.analyze import analyze
from peacewatch.records import Article

from conftest import SHARED

HERE = Path(__file__).parent
GOLD_SETS = {"dev": (SHARED / "corpus" / "dev", HERE / "quality_floors.json"),
             "own": (HERE / "articles", HERE / "own_articles_floors.json")}


def floors(name: str) -> dict:
    return {k: v for k, v in json.loads(GOLD_SETS[name][1].read_text()).items() if not k.startswith("_")}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    """score.py's summary for each gold set, the pipeline run once per article."""
    scorer = SHARED / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip("../shared/tools/score.py is absent")
    summaries = {}
    for name, (gold, _) in GOLD_SETS.items():
        files = sorted(gold.glob("*.json"))
        if not files:
            continue
        folder = tmp_path_factory.mktemp(name)
        predictions, summary = folder / "pred.jsonl", folder / "scores.json"
        predictions.write_text("".join(
            analyze(Article.model_validate(json.loads(f.read_text(encoding="utf-8")))).to_json() + "\n" for f in files))
        subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(predictions),
                        "--json", str(summary)], check=True, capture_output=True)
        summaries[name] = json.loads(summary.read_text())
    return summaries


@pytest.mark.parametrize("gold_set, kind", [(name, kind) for name in GOLD_SETS for kind in floors(name)])
def test_scores_stay_above_their_floors(scores, gold_set, kind):
    if gold_set not in scores:
        pytest.skip(f"the {gold_set} gold set is absent")
    measured = scores[gold_set][kind]
    below = {metric: measured[metric] for metric, floor in floors(gold_set)[kind].items() if measured[metric] < floor}
    assert not below, f"{gold_set} {kind} fell below its floors {floors(gold_set)[kind]}: {below}"
