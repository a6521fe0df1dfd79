"""A provision's evidence read from the news since its agreement took effect (linking_store.py
`stored_evidence(..., about=)`) is the evidence that reading every stored article finds."""
import datetime as dt
from pathlib import Path

import pytest
from test_api import build_store

from peacewatch.agreements.files import find_agreement, load_agreements
from peacewatch.agreements.linking_store import stored_articles, stored_evidence
from peacewatch.store import open_store


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("window"))


@pytest.mark.parametrize("agreement_id", ["unity-truce", "2020-armistice"])
@pytest.mark.parametrize("day", ["2024-03-06", "2024-03-10"])
def test_reading_only_the_agreements_window_finds_the_same_evidence(settings, agreement_id, day):
    agreements = load_agreements(Path(settings.agreements))
    agreement = find_agreement(agreements, agreement_id)
    as_of = dt.date.fromisoformat(day)
    with open_store(settings.db) as store:
        everything = [e for e in stored_evidence(store, agreements, as_of) if e.agreement == agreement_id]
        windowed = [e for e in stored_evidence(store, agreements, as_of, agreement) if e.agreement == agreement_id]
    assert windowed == everything
    assert everything or agreement_id == "2020-armistice"


def test_articles_are_read_from_a_day_on(settings):
    with open_store(settings.db) as store:
        assert [a.id for a in stored_articles(store, since=dt.date(2024, 3, 8))] == ["darfur-market", "juba-exchange"]
