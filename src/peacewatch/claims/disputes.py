"""Disputed figures: one subject and measure, values that differ beyond rounding, different sources.

Plain functions over claim rows (as the store reads them, one per claim of an original article,
with its article id and attribution), so the rule is testable without a database:
- two claims are rivals when their sources differ (another article, or another attribution
  within one article) and they do not name different years;
- two values agree when they differ by at most `tolerance` of the larger one (measures.yaml:
  rounding and "about" cover that much), or when a bound allows the other ("at least 40" and
  52; "up to 300" and 250);
- a dispute is a (subject, measure) group holding two rivals that disagree; all its claims are
  listed, so the reader sees every figure given and who gave it.
Near-duplicate articles repeat a story: the store leaves their claims out, so a copy never counts
as a second source.
"""
from __future__ import annotations

from itertools import combinations
from typing import Any, Iterable

Row = dict[str, Any]


def agree(a: Row, b: Row, tolerance: float) -> bool:
    """Whether two figures can both be right, allowing for rounding and bounds."""
    low, high = sorted((a, b), key=lambda r: r["value"])
    if low["bound"] == "lower" or high["bound"] == "upper":
        return True  # "at least" the smaller, or "up to" the larger: both can hold
    return high["value"] - low["value"] <= tolerance * high["value"]


def rivals(a: Row, b: Row) -> bool:
    """Figures from two sources about one time."""
    different_source = (a["article_id"], a["attribution"]) != (b["article_id"], b["attribution"])
    return different_source and (a["year"] is None or b["year"] is None or a["year"] == b["year"])


def disputes(claims: Iterable[Row], tolerance: float) -> list[Row]:
    """The claims of every disputed (subject, measure), numbered by dispute, largest value first."""
    groups: dict[tuple[str, str], list[Row]] = {}
    for claim in claims:
        groups.setdefault((claim["subject"], claim["measure"]), []).append(claim)
    found: list[Row] = []
    for key in sorted(groups):
        group = groups[key]
        if any(rivals(a, b) and not agree(a, b, tolerance) for a, b in combinations(group, 2)):
            number = len({r["dispute"] for r in found}) + 1
            found += [{"dispute": number, **claim} for claim in sorted(group, key=lambda r: -r["value"])]
    return found
