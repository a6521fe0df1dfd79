"""The held-out agreement fixtures stay usable: every text has a gold file that the agreement
loader accepts, and each gold provision's source offsets still point at its own words (an edit
to a text that shifts offsets would otherwise silently lower the benchmark)."""
from pathlib import Path

import pytest

from peacewatch.agreements.files import agreement_problems, read_agreement

BLIND = Path(__file__).parent
NAMES = sorted(p.stem for p in BLIND.glob("*.txt"))


def test_every_text_has_a_gold_file_and_every_gold_file_a_text():
    golds = sorted(p.name.removesuffix(".gold.yaml") for p in BLIND.glob("*.gold.yaml"))
    assert NAMES and golds == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_gold_is_a_valid_agreement_file(name):
    assert agreement_problems(BLIND / f"{name}.gold.yaml") == []


@pytest.mark.parametrize("name", NAMES)
def test_gold_offsets_slice_the_provision_words(name):
    text = (BLIND / f"{name}.txt").read_text(encoding="utf-8")
    for provision in read_agreement(BLIND / f"{name}.gold.yaml").provisions:
        assert provision.source is not None
        assert " ".join(text[provision.source.start:provision.source.end].split()) == provision.summary
