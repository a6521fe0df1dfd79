"""Curated data files (lexicons, gazetteer additions, the actor catalog), read once per process.

Knowledge is not code: it lives in `knowledge/data/` where an analyst can extend it without
touching a stage, and every stage reads it through `lexicon(name)`.
"""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ten times faster


@functools.lru_cache(maxsize=None)
def lexicon(name: str):
    """The parsed YAML data file `knowledge/data/<name>.yaml`."""
    return yaml.load((DATA / f"{name}.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER)


@functools.lru_cache(maxsize=None)
def word_set(name: str, key: str) -> frozenset[str]:
    """One word list of a lexicon as a set, built once: stages test membership per token."""
    return frozenset(lexicon(name)[key])
