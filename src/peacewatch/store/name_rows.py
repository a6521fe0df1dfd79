"""The `names` table as `CorpusNames` and back: the spellings every later article is held to."""
from __future__ import annotations

import sqlalchemy as sa

from peacewatch.knowledge.corpus_names import CorpusName, CorpusNames, names_of
from peacewatch.knowledge.names import skeleton
from peacewatch.records import Extraction
from peacewatch.store.schema import names


def load_names(connection: sa.Connection) -> CorpusNames:
    """The stored spellings in the order they were stored, so the first one wins."""
    rows = connection.execute(sa.select(names.c.canonical, names.c.kind).order_by(names.c.id))
    return CorpusNames(CorpusName(canonical, kind) for canonical, kind in rows)


def record_names(connection: sa.Connection, known: CorpusNames, article_id: str,
                 extraction: Extraction) -> None:
    """Store the spellings of a (respelled) extraction that the corpus did not hold yet."""
    rows = [{"canonical": n.canonical, "skeleton": skeleton(n.canonical), "kind": n.kind,
             "first_article_id": article_id} for n in names_of(extraction) if known.add(n)]
    if rows:
        connection.execute(names.insert(), rows)
