"""peacewatch's event coding scored per ACLED sub-type on the labelled sentences of tests/events.

    .venv/bin/python benchmarks/event_types.py [--split test|train|all]

Each sentence of tests/events/sentences.jsonl (written for this purpose, about many conflicts,
every sub-type, plus sentences that report no event) runs alone through the events stage with a
publication date of 2024-03-14; the first event coded is its prediction. The dev corpus says how
well the coder does on ceasefire articles; this set says whether it generalises across the whole
typology, which the corpus barely samples. One table: support, predicted, precision, recall and
F1 per sub-type, per event type, for "no event" and micro/macro/weighted over the sub-types; then
the most frequent confusions. The sentences are split into halves (`split`), so a learned coder
can train on one and be measured on the other.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from rich.console import Console
from rich.table import Table

from peacewatch.analyze import annotate
from peacewatch.testing import make_article

SENTENCES = Path(__file__).resolve().parents[1] / "tests" / "events"
PUBLISHED = "2024-03-14"
NO_EVENT = "no event"


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One sentence's gold and predicted sub-type (NO_EVENT when there is none)."""

    gold: str
    predicted: str


@dataclasses.dataclass(frozen=True)
class Score:
    label: str
    support: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def typology() -> dict[str, list[str]]:
    """Event type -> its sub-types, in the order of ACLED's codebook."""
    data = json.loads((SENTENCES / "typology.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def sentences(split: str = "all") -> list[dict]:
    lines = (SENTENCES / "sentences.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def predicted_sub_type(text: str) -> str:
    events = annotate(make_article(text, PUBLISHED), kinds=("events",)).mentions["events"]
    return events[0].sub_event_type if events else NO_EVENT


def outcomes(rows: Iterable[dict]) -> list[Outcome]:
    return [Outcome(r["sub_event_type"] or NO_EVENT, predicted_sub_type(r["text"])) for r in rows]


def score(label: str, members: set[str], results: list[Outcome], same: bool = False) -> Score:
    """How the coder does on a class of labels. `same` counts a prediction as correct when it
    falls in the class at all (an event type's rows), not only when it is the gold label."""
    gold = [o for o in results if o.gold in members]
    right = [o for o in gold if (o.predicted in members if same else o.predicted == o.gold)]
    return Score(label, len(gold), sum(o.predicted in members for o in results), len(right))


def sub_type_scores(results: list[Outcome]) -> list[Score]:
    return [score(s, {s}, results) for subs in typology().values() for s in subs]


def type_scores(results: list[Outcome]) -> list[Score]:
    return [score(t, set(subs), results, same=True) for t, subs in typology().items()]


def micro(scores: list[Score]) -> Score:
    return Score("micro", *(sum(getattr(s, f) for s in scores) for f in ("support", "predicted", "correct")))


def averaged(scores: list[Score], weighted: bool) -> tuple[float, float, float]:
    """Precision, recall and F1 averaged over sub-types, plainly (macro) or by support (weighted)."""
    weights = [s.support if weighted else 1 for s in scores]
    total = sum(weights) or 1
    return tuple(sum(w * getattr(s, m) for w, s in zip(weights, scores)) / total for m in ("precision", "recall", "f1"))


def weighted_f1(results: list[Outcome]) -> float:
    return averaged(sub_type_scores(results), weighted=True)[2]


def confusions(results: list[Outcome], top: int = 10) -> list[tuple[tuple[str, str], int]]:
    return Counter((o.gold, o.predicted) for o in results if o.gold != o.predicted).most_common(top)


def score_row(table: Table, s: Score, style: str = "") -> None:
    table.add_row(s.label, str(s.support), str(s.predicted), f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", style=style)


def score_table(results: list[Outcome], split: str) -> Table:
    table = Table(title=f"Event coding per ACLED sub-type ({split}: {len(results)} sentences)")
    for column in ("label", "support", "predicted", "P", "R", "F1"):
        table.add_column(column, justify="left" if column == "label" else "right")
    subs = sub_type_scores(results)
    for event_type, (type_score, members) in zip(typology(), zip(type_scores(results), typology().values())):
        score_row(table, dataclasses.replace(type_score, label=event_type.upper()), "bold")
        for s in (s for s in subs if s.label in members):
            score_row(table, dataclasses.replace(s, label="  " + s.label))
    table.add_section()
    score_row(table, score(NO_EVENT, {NO_EVENT}, results), "italic")
    score_row(table, micro(subs), "bold")
    for name, weighted in (("macro", False), ("weighted", True)):
        p, r, f = averaged(subs, weighted)
        table.add_row(name, str(sum(s.support for s in subs)), "", f"{p:.2f}", f"{r:.2f}", f"{f:.2f}", style="bold")
    return table


def confusion_table(results: list[Outcome]) -> Table:
    table = Table(title="Most frequent confusions (gold -> predicted)")
    for column in ("gold", "predicted", "n"):
        table.add_column(column, justify="right" if column == "n" else "left")
    for (gold, predicted), n in confusions(results):
        table.add_row(gold, predicted, str(n))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "train", "all"), default="all")
    split = parser.parse_args().split
    results = outcomes(sentences(split))
    console = Console()
    console.print(score_table(results, split))
    negatives = [o for o in results if o.gold == NO_EVENT]
    console.print(f"false positives on the {len(negatives)} no-event sentences: "
                  f"{sum(o.predicted != NO_EVENT for o in negatives)}")
    console.print(confusion_table(results))


if __name__ == "__main__":
    main()
