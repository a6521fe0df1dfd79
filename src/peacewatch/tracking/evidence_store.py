"""Evidence linked when articles are stored, so that reading a provision's timeline is one
indexed query however large the store (the I/O edge of evidence.py).

An article's evidence depends on the article, the agreement files and which of its figures
other sources dispute. So the store keeps what the links were computed from (`evidence_basis`):
when the agreement files differ (an analyst corrected one, or PEACEWATCH_AGREEMENTS points
elsewhere) every article is linked again; when a new article disputes an old one's figure, the
old article is. Linking the articles waiting in `unlinked_articles` runs after each ingested
batch and before any read of evidence, so a read never sees stale links.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Callable, Sequence

from peacewatch.tracking.evidence import evidence_for
from peacewatch.tracking.linking import reports_of
from peacewatch.knowledge.lexicons import lexicon
from peacewatch.records import Agreement, Evidence
from peacewatch.store.database import Store
from peacewatch.store.engine import writing
from peacewatch.store.evidence_rows import (basis, claim, clear_evidence, read_evidence, replace_evidence,
                                            set_basis, unlinked, unlinked_count, wait_for_linking)
from peacewatch.store.mention_rows import load_analyzed

BATCH = 100  # articles linked per transaction
# Raise when a change to linking.py, evidence.py or told_time.py changes which reports are evidence:
# stores linked by the older code are then linked again on their next read.
LINKING_REVISION = 2
SEPARATOR = "\t"  # between an article id and a disputed sentence in the basis


def agreements_digest(agreements: Sequence[Agreement]) -> str:
    """One value that changes when any coded agreement does, or the rules links are made by
    (evidence.yaml, and LINKING_REVISION for the code that reads them)."""
    coded = sorted((a.model_dump(mode="json") for a in agreements), key=lambda a: a["id"])
    basis = {"agreements": coded, "rules": lexicon("evidence"), "revision": LINKING_REVISION}
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode("utf-8")).hexdigest()


def disputed_claims(store: Store) -> set[str]:
    """Each disputed figure's article and sentence, as the basis stores them."""
    return {row["article_id"] + SEPARATOR + " ".join(row["sentence"].split()) for row in store.disputes()}


def disputed_sentences(claims: set[str]) -> frozenset[str]:
    """The sentences of disputed figures, as linking marks them (linking.py `reports_of`)."""
    return frozenset(c.split(SEPARATOR, 1)[1] for c in claims)


def pending_links(store: Store, agreements: Sequence[Agreement]) -> int:
    """Put back on the waiting list the articles whose links are stale, and count those waiting.
    The usual case, nothing stale, is two reads without a write lock."""
    digest = agreements_digest(agreements)
    with store.database_errors(), store.engine.connect() as connection:
        if basis(connection, "agreements") == {digest} and not unlinked_count(connection):
            return 0
    with store.database_errors(), writing(store.engine) as connection:
        if basis(connection, "agreements") != {digest}:
            clear_evidence(connection)
            wait_for_linking(connection)
            set_basis(connection, "agreements", [digest])
    return _redo_disputed(store)


def _redo_disputed(store: Store) -> int:
    """Disputes change only when articles come in: then the articles whose figures became (or
    stopped being) disputed are linked again with the rest."""
    now = disputed_claims(store)
    with store.database_errors(), writing(store.engine) as connection:
        changed = now ^ basis(connection, "disputed")
        if changed:
            wait_for_linking(connection, {c.split(SEPARATOR, 1)[0] for c in changed})
            set_basis(connection, "disputed", now)
        return unlinked_count(connection)


def link_waiting(store: Store, agreements: Sequence[Agreement],
                 on_linked: Callable[[int], None] = lambda n: None) -> int:
    """Link every waiting article, BATCH per transaction; returns how many were linked."""
    disputed = disputed_sentences(disputed_claims(store))
    linked = 0
    while True:
        with store.database_errors(), writing(store.engine) as connection:
            taken = claim(connection, unlinked(connection, BATCH))
            if not taken:
                return linked
            reports = [r for article, extraction in load_analyzed(connection, taken)
                       for r in reports_of(article, extraction, disputed)]
            replace_evidence(connection, taken, evidence_for(agreements, reports))
        linked += len(taken)
        on_linked(len(taken))


def link_evidence(store: Store, agreements: Sequence[Agreement],
                  on_linked: Callable[[int], None] = lambda n: None) -> int:
    """Bring the stored evidence up to date with the articles, the agreements and the disputes."""
    return link_waiting(store, agreements, on_linked) if pending_links(store, agreements) else 0


def stored_evidence(store: Store, agreements: Sequence[Agreement], as_of: dt.date,
                    about: Agreement | None = None) -> list[Evidence]:
    """Evidence about the agreements' provisions (only `about`'s when given) from the articles
    published by `as_of`, linked first if anything is waiting."""
    link_evidence(store, agreements)
    wanted = [about.id] if about else [a.id for a in agreements]
    with store.database_errors(), store.engine.connect() as connection:
        return read_evidence(connection, wanted, as_of)
