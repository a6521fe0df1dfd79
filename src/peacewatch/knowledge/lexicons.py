"""Curated word lists shipped as data files, read once per process.

Lexicons (speech verbs, event triggers, provision cues) are knowledge, not code: they live in
`knowledge/data/` where an analyst can extend them without touching a stage.
"""
from __future__ import annotations

import functools
from importlib import resources

import yaml

DATA = resources.files("peacewatch.knowledge") / "data"


@functools.lru_cache(maxsize=None)
def lexicon(name: str):
    """The parsed YAML data file `knowledge/data/<name>.yaml`."""
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
