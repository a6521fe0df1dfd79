"""The extractor's measured quality on the dev articles may not fall below the pinned floors."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from peacewatch.analyze import analyze
from peacewatch.records import Article

from conftest import SHARED

FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text())


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    files = sorted((SHARED / "corpus" / "dev").glob("*.json"))
    scorer = SHARED / "tools" / "score.py"
    if not files or not scorer.exists():
        pytest.skip("../shared/corpus/dev or ../shared/tools/score.py is absent")
    folder = tmp_path_factory.mktemp("quality")
    predictions = folder / "dev.jsonl"
    predictions.write_text("".join(
        analyze(Article.model_validate(json.loads(f.read_text()))).to_json() + "\n" for f in files))
    summary = folder / "scores.json"
    subprocess.run([sys.executable, str(scorer), "--gold", str(files[0].parent), "--pred", str(predictions),
                    "--json", str(summary)], check=True, capture_output=True)
    return json.loads(summary.read_text())


@pytest.mark.parametrize("kind", [k for k in FLOORS if not k.startswith("_")])
def test_scores_stay_above_their_floors(scores, kind):
    below = {metric: scores[kind][metric] for metric, floor in FLOORS[kind].items() if scores[kind][metric] < floor}
    assert not below, f"{kind} fell below its floors {FLOORS[kind]}: {below}"
