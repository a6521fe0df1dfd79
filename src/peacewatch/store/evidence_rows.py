"""Provision evidence as table rows and back (the `provision_evidence` table), the articles
waiting to be linked, and the basis the stored links were computed from."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Sequence

import sqlalchemy as sa

from peacewatch.records import Citation, Evidence
from peacewatch.store.schema import articles, evidence_basis, provision_evidence, unlinked_articles


def unlinked(connection: sa.Connection, limit: int) -> list[str]:
    """Up to `limit` articles waiting to be linked, in id order."""
    query = sa.select(unlinked_articles.c.article_id).order_by(unlinked_articles.c.article_id).limit(limit)
    return list(connection.scalars(query))


def unlinked_count(connection: sa.Connection) -> int:
    return connection.scalar(sa.select(sa.func.count()).select_from(unlinked_articles)) or 0


def claim(connection: sa.Connection, article_ids: Sequence[str]) -> list[str]:
    """Take the articles off the waiting list; those another linker took first are not returned.
    On PostgreSQL the delete locks the rows, so a concurrent linker waits and then finds them gone."""
    taken = connection.execute(unlinked_articles.delete().where(unlinked_articles.c.article_id.in_(article_ids))
                               .returning(unlinked_articles.c.article_id))
    return list(taken.scalars())


def wait_for_linking(connection: sa.Connection, article_ids: Iterable[str] | None = None) -> None:
    """Put articles (all original articles when None) back on the waiting list."""
    waiting = sa.select(unlinked_articles.c.article_id)
    originals = sa.select(articles.c.id).where(articles.c.duplicate_of.is_(None), articles.c.id.not_in(waiting))
    if article_ids is not None:
        originals = originals.where(articles.c.id.in_(list(article_ids)))
    connection.execute(unlinked_articles.insert().from_select(["article_id"], originals))


def replace_evidence(connection: sa.Connection, article_ids: Sequence[str], evidence: Sequence[Evidence]) -> None:
    """The articles' evidence rows, replaced by `evidence`."""
    connection.execute(provision_evidence.delete().where(provision_evidence.c.article_id.in_(article_ids)))
    rows = [{"article_id": e.citation.source, "start_char": e.citation.start, "end_char": e.citation.end,
             "text": e.citation.text, "agreement_id": e.agreement, "provision": e.provision, "stance": e.stance,
             "day": e.day, "first_day": e.first_day, "kind": e.kind, "reason": e.reason, "score": e.score} for e in evidence]
    if rows:
        connection.execute(provision_evidence.insert(), rows)


def clear_evidence(connection: sa.Connection) -> None:
    connection.execute(provision_evidence.delete())


def read_evidence(connection: sa.Connection, agreement_ids: Sequence[str], published_by: dt.date) -> list[Evidence]:
    """The stored evidence about the agreements from articles published by the day."""
    query = (sa.select(provision_evidence, articles.c.outlet, articles.c.published)
             .join(articles, articles.c.id == provision_evidence.c.article_id)
             .where(provision_evidence.c.agreement_id.in_(agreement_ids), articles.c.published <= published_by)
             .order_by(provision_evidence.c.day, provision_evidence.c.article_id, provision_evidence.c.start_char))
    return [Evidence(agreement=row.agreement_id, provision=row.provision, stance=row.stance, day=row.day,
                     first_day=row.first_day, kind=row.kind, reason=row.reason, score=row.score,
                     citation=Citation(source=row.article_id, outlet=row.outlet, published=row.published,
                                       start=row.start_char, end=row.end_char, text=row.text))
            for row in connection.execute(query)]


def basis(connection: sa.Connection, kind: str) -> set[str]:
    return set(connection.scalars(sa.select(evidence_basis.c.value).where(evidence_basis.c.kind == kind)))


def set_basis(connection: sa.Connection, kind: str, values: Iterable[str]) -> None:
    connection.execute(evidence_basis.delete().where(evidence_basis.c.kind == kind))
    rows = [{"kind": kind, "value": v} for v in sorted(set(values))]
    if rows:
        connection.execute(evidence_basis.insert(), rows)
