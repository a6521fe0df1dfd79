"""How well `peacewatch agreement draft` recovers the provisions of agreement texts.

    .venv/bin/python benchmarks/agreement_drafts.py [DIR]

DIR (default tests/agreements) holds agreement texts (NAME.txt) beside hand-made agreement
files (NAME.gold.yaml). Each text is drafted and its provisions matched one-to-one to the gold
ones as the real-text scorer of ../shared/benchmarks/agreements does: a drafted provision
matches a gold one when their categories are equal and their source offsets overlap, the
largest overlaps paired first. One table: gold, drafted and matched provisions with precision,
recall and F1 per text and overall; span recall (gold provisions some drafted provision
overlaps, whatever its category); then, over matched pairs, obliged-party recall (names
compared leniently: folded, equal, one inside the other, or the same last word), deadline
accuracy (pairs where either side has one) and renewal correctness (gold provisions that renew:
same term and notice).
"""
from __future__ import annotations

import argparse
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

from event_types import Score
from peacewatch.drafting.draft import agreement_id, draft_agreement
from peacewatch.records import Agreement, Provision

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "agreements"


@dataclass
class Tally:
    gold: int = 0
    drafted: int = 0
    matched: int = 0
    spanned: int = 0
    obliged_gold: int = 0
    obliged_found: int = 0
    deadlines: int = 0
    deadlines_right: int = 0
    renewals: int = 0
    renewals_right: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def provisions(self) -> Score:
        return Score("provisions", support=self.gold, predicted=self.drafted, correct=self.matched)


def overlap(a: Provision, b: Provision) -> int:
    if a.source is None or b.source is None:
        return 0
    return max(0, min(a.source.end, b.source.end) - max(a.source.start, b.source.start))


def matches(gold: list[Provision], drafted: list[Provision]) -> list[tuple[Provision, Provision]]:
    """One-to-one pairs of the same category whose words overlap, the largest overlaps first."""
    scored = sorted(((overlap(g, d), i, j) for i, g in enumerate(gold) for j, d in enumerate(drafted)
                     if g.category == d.category), key=lambda x: (-x[0], x[1], x[2]))
    used_gold: set[int] = set()
    used_draft: set[int] = set()
    pairs = []
    for shared, i, j in scored:
        if shared > 0 and i not in used_gold and j not in used_draft:
            used_gold.add(i)
            used_draft.add(j)
            pairs.append((gold[i], drafted[j]))
    return pairs


def folded(name: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def same_name(a: str, b: str) -> bool:
    a, b = folded(a), folded(b)
    return bool(a and b) and (a in b or b in a or a.split()[-1] == b.split()[-1])


def tally(gold: Agreement, drafted: Agreement) -> Tally:
    result = Tally(gold=len(gold.provisions), drafted=len(drafted.provisions))
    result.spanned = sum(any(overlap(g, d) for d in drafted.provisions) for g in gold.provisions)
    for g, d in matches(gold.provisions, drafted.provisions):
        result.matched += 1
        result.obliged_gold += len(g.obliged)
        result.obliged_found += sum(any(same_name(n, m) for m in d.obliged) for n in g.obliged)
        if g.deadline or d.deadline:
            result.deadlines += 1
            result.deadlines_right += g.deadline == d.deadline
        if g.renewal:
            result.renewals += 1
            result.renewals_right += bool(d.renewal and (d.renewal.term, d.renewal.notice) == (g.renewal.term, g.renewal.notice))
    return result


def read_gold(path: Path) -> Agreement:
    return Agreement.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def score_directory(directory: Path) -> dict[str, Tally]:
    """Per text (and "overall") tallies of drafted against gold provisions."""
    results: dict[str, Tally] = {}
    overall = Tally()
    for gold_path in sorted(directory.glob("*.gold.yaml")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        drafted = draft_agreement(text_path.read_text(encoding="utf-8"), agreement_id(text_path))
        results[text_path.stem] = tally(read_gold(gold_path), drafted)
        overall.add(results[text_path.stem])
    results["overall"] = overall
    return results


def ratio(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.2f})" if total else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=FIXTURES)
    results = score_directory(parser.parse_args().directory)
    table = Table("text", "gold", "drafted", "matched", "P", "R", "F1", "span recall", "obliged recall", "deadline", "renewal",
                  title="Drafted provisions against gold")
    for name, t in results.items():
        score = t.provisions
        table.add_row(name, str(t.gold), str(t.drafted), str(t.matched), f"{score.precision:.2f}", f"{score.recall:.2f}",
                      f"{score.f1:.2f}", ratio(t.spanned, t.gold), ratio(t.obliged_found, t.obliged_gold),
                      ratio(t.deadlines_right, t.deadlines), ratio(t.renewals_right, t.renewals))
    Console(width=170).print(table)


if __name__ == "__main__":
    main()
