"""Quality on articles we wrote about other conflicts than the dev corpus, with hand-made gold:
the dev scores alone would not show a rule that only fits the dev articles."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from peacewatch.analyze import analyze
from peacewatch.records import Article

from conftest import SHARED

ARTICLES = Path(__file__).with_name("articles")
FLOORS = json.loads(Path(__file__).with_name("own_articles_floors.json").read_text())


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    scorer = SHARED / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip("../shared/tools/score.py is absent")
    folder = tmp_path_factory.mktemp("own_articles")
    predictions = folder / "own.jsonl"
    predictions.write_text("".join(
        analyze(Article.model_validate(json.loads(f.read_text(encoding="utf-8")))).to_json() + "\n"
        for f in sorted(ARTICLES.glob("*.json"))))
    summary = folder / "scores.json"
    subprocess.run([sys.executable, str(scorer), "--gold", str(ARTICLES), "--pred", str(predictions),
                    "--json", str(summary)], check=True, capture_output=True)
    return json.loads(summary.read_text())


@pytest.mark.parametrize("kind", [k for k in FLOORS if not k.startswith("_")])
def test_own_article_scores_stay_above_their_floors(scores, kind):
    below = {metric: scores[kind][metric] for metric, floor in FLOORS[kind].items() if scores[kind][metric] < floor}
    assert not below, f"{kind} fell below its floors {FLOORS[kind]}: {below}"
