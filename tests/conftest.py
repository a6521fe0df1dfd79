"""Shared test fixtures: paths to the shared corpus (tests skip when it is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture
def dev_articles() -> list[Path]:
    files = sorted(DEV.glob("*.json"))
    if not files:
        pytest.skip("../shared/corpus/dev is absent")
    return files
