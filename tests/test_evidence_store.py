"""Evidence stored when articles are ingested (tracking/evidence_store.py) is the evidence that
linking every stored article at read time finds, and it follows the agreement files and the
disputes: a changed agreement relinks every article, a new dispute the articles it touches."""
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_api import build_store

from peacewatch.tracking.evidence import evidence_for
from peacewatch.analyze import analyze
from peacewatch.tracking.evidence_store import link_evidence, pending_links, stored_evidence
from peacewatch.agreements.files import find_agreement, load_agreements
from peacewatch.tracking.linking_store import stored_reports
from peacewatch.store import open_store
from peacewatch.store.evidence_rows import basis
from peacewatch.store.schema import provision_evidence, unlinked_articles
from peacewatch.testing import make_article


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("window"))


@pytest.mark.parametrize("day", ["2024-03-06", "2024-03-10"])
def test_stored_evidence_is_what_linking_every_article_finds(settings, day):
    agreements = load_agreements(Path(settings.agreements))
    as_of = dt.date.fromisoformat(day)
    with open_store(settings.db) as store:
        stored = stored_evidence(store, agreements, as_of)
        computed = [e for e in evidence_for(agreements, stored_reports(store, as_of)) if e.citation.published <= as_of]
    key = lambda e: (e.agreement, e.provision, e.stance, e.citation.source, e.citation.start)  # noqa: E731
    assert sorted(stored, key=key) == sorted(computed, key=key)
    assert any(e.agreement == "unity-truce" for e in stored)


def test_evidence_about_one_agreement_is_its_share_of_all(settings):
    agreements = load_agreements(Path(settings.agreements))
    truce = find_agreement(agreements, "unity-truce")
    with open_store(settings.db) as store:
        everything = stored_evidence(store, agreements, dt.date(2024, 3, 10))
        own = stored_evidence(store, agreements, dt.date(2024, 3, 10), truce)
    assert own == [e for e in everything if e.agreement == "unity-truce"]


def test_a_changed_agreement_file_relinks_every_article(settings):
    agreements = load_agreements(Path(settings.agreements))
    truce = find_agreement(agreements, "unity-truce")
    without_truce = [a for a in agreements if a.id != truce.id]
    with open_store(settings.db) as store:
        link_evidence(store, agreements)
        assert pending_links(store, agreements) == 0
        originals = len(original_article_ids(store))
        assert pending_links(store, without_truce) == originals
        link_evidence(store, without_truce)
        assert not [e for e in stored_evidence(store, without_truce, dt.date(2024, 3, 10)) if e.agreement == truce.id]
        assert stored_evidence(store, agreements, dt.date(2024, 3, 10), truce)  # back with the truce: linked again


def original_article_ids(store):
    with store.engine.connect() as connection:
        return connection.scalars(sa.text("SELECT id FROM articles WHERE duplicate_of IS NULL")).all()


def test_linked_articles_leave_the_waiting_list(settings):
    agreements = load_agreements(Path(settings.agreements))
    with open_store(settings.db) as store:
        link_evidence(store, agreements)
        with store.engine.connect() as connection:
            assert connection.scalar(sa.select(sa.func.count()).select_from(unlinked_articles)) == 0
            assert connection.scalar(sa.select(sa.func.count()).select_from(provision_evidence)) > 0


def test_an_article_whose_figure_becomes_disputed_is_linked_again(tmp_path):
    agreements = load_agreements(None)
    first = make_article("The town of Bentiu has 90,000 residents, the mayor told reporters.", id="mayor")
    second = make_article("Bentiu has only 40,000 residents, according to the United Nations.", id="un")
    with open_store(f"sqlite:///{tmp_path / 'disputes.db'}") as store:
        store.add([(first, analyze(first), None)])
        link_evidence(store, agreements)
        store.add([(second, analyze(second), None)])
        assert pending_links(store, agreements) == 2  # the new article, and the one it disputes
        link_evidence(store, agreements)
        with store.engine.connect() as connection:
            assert sorted(v.split("\t")[0] for v in basis(connection, "disputed")) == ["mayor", "un"]
