"""The article store: articles, their extractions and near-duplicate marks in one database.

`add` writes one transaction per batch, so an interrupted `ingest` leaves whole batches or
nothing. A text already stored (same `content_hash`) is skipped, so ingesting the same files
twice adds nothing. A new text that repeats a stored story is stored too, marked with
`duplicate_of` and `similarity`, so it stays searchable but is not counted twice. An original
article's event reports join the merged events they tell (store/merged_events.py) in the same
transaction, and it waits in `unlinked_articles` until its evidence about the agreements is linked
(tracking/evidence_store.py), which needs the agreement files the store does not know. Names the catalog lacks are
stored in the spelling the corpus already uses for them (knowledge/corpus_names.py), read inside
the batch's transaction so that two concurrent ingests cannot pick two spellings.
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

import sqlalchemy as sa

from peacewatch.claims.disputes import disputes
from peacewatch.claims.measures import tolerance as default_tolerance
from peacewatch.errors import StoreUnavailable, UnknownArticle
from peacewatch.ingest.near_duplicates import (NearDuplicate, NearDuplicateIndex, signature,
                                               signature_bytes, signature_from_bytes)
from peacewatch.knowledge.corpus_names import CorpusNames, respelled
from peacewatch.records import Article, Extraction
from peacewatch.store.claim_rows import claims_with_sources
from peacewatch.store.engine import create_store_engine, writing
from peacewatch.store.full_text import search
from peacewatch.store.merged_events import EventFilter, PageKey, link_article_events, read_merged_events
from peacewatch.store.mention_rows import insert_mentions, load_analyzed
from peacewatch.store.migrations import migrate
from peacewatch.store.name_rows import load_names, record_names
from peacewatch.store.schema import articles as article_table
from peacewatch.store.schema import minhash_signatures, unlinked_articles
from peacewatch.store.summary import summarize

DEFAULT_URL = "sqlite:///peacewatch.db"
LISTED_COLUMNS = [c for c in article_table.c if c.name != "text"]


@dataclass
class AddResult:
    """What one `Store.add` did with each article of the batch (by article id)."""

    added: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)  # same text stored before: skipped
    id_conflicts: list[str] = field(default_factory=list)  # id taken by another text: skipped
    near_duplicates: dict[str, NearDuplicate] = field(default_factory=dict)  # added, but a copy


def open_store(url: str = DEFAULT_URL) -> Store:
    """Open (creating or upgrading as needed) the store at a SQLAlchemy URL."""
    engine = create_store_engine(url)
    store = Store(engine)
    try:
        with store.database_errors():
            migrate(engine)
    except BaseException:
        store.close()
        raise
    return store


class Store:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._index: NearDuplicateIndex | None = None

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextmanager
    def database_errors(self) -> Iterator[None]:
        """A failing database (locked, unwritable, corrupt) as a one-line error naming it."""
        try:
            yield
        except sa.exc.DBAPIError as error:
            raise StoreUnavailable(self.url, str(error.orig)) from error

    def add(self, batch: Sequence[tuple[Article, Extraction, str | None]]) -> AddResult:
        """Store a batch of (article, its extraction, source path) in one transaction."""
        result = AddResult()
        ingested_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            with self.database_errors(), writing(self.engine) as connection:
                index = self._near_duplicate_index(connection)
                spellings = load_names(connection)
                for article, extraction, source_path in batch:
                    self._add_one(connection, index, spellings, result, article, extraction,
                                  {"source_path": source_path, "ingested_at": ingested_at})
        except BaseException:
            self._index = None  # it holds articles of the rolled-back batch: reload when next needed
            raise
        return result

    def _near_duplicate_index(self, connection: sa.Connection) -> NearDuplicateIndex:
        """The LSH index of stored originals, built from their signatures once per Store."""
        if self._index is None:
            self._index = NearDuplicateIndex()
            query = (sa.select(minhash_signatures.c.article_id, minhash_signatures.c.hashvalues)
                     .join(article_table, article_table.c.id == minhash_signatures.c.article_id)
                     .where(article_table.c.duplicate_of.is_(None)))
            for article_id, blob in connection.execute(query):
                self._index.add(article_id, signature_from_bytes(blob))
        return self._index

    def _add_one(self, connection: sa.Connection, index: NearDuplicateIndex, spellings: CorpusNames,
                 result: AddResult, article: Article, extraction: Extraction,
                 provenance: dict[str, str | None]) -> None:
        if extraction.id != article.id:
            raise ValueError(f"extraction {extraction.id!r} is not of article {article.id!r}")
        known = _hashes_known(connection, article)
        if article.content_hash in known:
            result.already_stored.append(article.id)
        elif known:
            result.id_conflicts.append(article.id)
        else:
            minhash = signature(article.text)
            original = index.match(minhash)
            _insert_article(connection, article, extraction.language, original, provenance)
            connection.execute(minhash_signatures.insert().values(
                article_id=article.id, hashvalues=signature_bytes(minhash)))
            extraction = respelled(extraction, spellings)
            insert_mentions(connection, article.id, extraction)
            record_names(connection, spellings, article.id, extraction)
            result.added.append(article.id)
            if original:
                result.near_duplicates[article.id] = original
            else:
                index.add(article.id, minhash)
                link_article_events(connection, article.id, provenance["ingested_at"])
                connection.execute(unlinked_articles.insert().values(article_id=article.id))

    def articles(self, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """The stored articles without their text, most recently published first (`offset` pages on)."""
        newest_first = (article_table.c.published.desc().nulls_last(), article_table.c.id)
        query = sa.select(*LISTED_COLUMNS).order_by(*newest_first).limit(limit).offset(offset)
        with self.database_errors(), self.engine.connect() as connection:
            return [_plain(row._asdict()) for row in connection.execute(query)]

    def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        """Articles matching a full-text query (FTS5 syntax, search_query.py), best first, with a snippet."""
        with self.database_errors(), self.engine.connect() as connection:
            return [_plain(row) for row in search(connection, query, limit)]

    def events(self, wanted: EventFilter = EventFilter(), after: PageKey | None = None,
               limit: int | None = None) -> list[dict[str, Any]]:
        """Merged events, one per happening however many articles report it, earliest first
        (`after` a page key and at most `limit` of them, for one page)."""
        with self.database_errors(), self.engine.connect() as connection:
            return read_merged_events(connection, wanted, after, limit)

    def disputes(self, measure: str | None = None, tolerance: float | None = None) -> list[dict[str, Any]]:
        """Figures that sources give differently for one subject and measure (claims/disputes.py)."""
        with self.database_errors(), self.engine.connect() as connection:
            rows = [_plain(row) for row in claims_with_sources(connection, measure)]
        return disputes(rows, default_tolerance() if tolerance is None else tolerance)

    def summary(self) -> dict[str, Any]:
        with self.database_errors(), self.engine.connect() as connection:
            return summarize(connection)

    def extraction(self, article_id: str) -> Extraction:
        """The stored extraction of one article, as `analyze` returned it (without `text`)."""
        with self.database_errors(), self.engine.connect() as connection:
            found = load_analyzed(connection, [article_id])
        if not found:
            raise UnknownArticle(article_id, f"no such article in {self.url}")
        return found[0][1]


def _hashes_known(connection: sa.Connection, article: Article) -> list[str]:
    """Content hashes of stored rows with the article's text or its id (none, one or two)."""
    same = (article_table.c.content_hash == article.content_hash) | (article_table.c.id == article.id)
    return connection.scalars(sa.select(article_table.c.content_hash).where(same)).all()


def _insert_article(connection: sa.Connection, article: Article, detected_language: str | None,
                    original: NearDuplicate | None, provenance: dict[str, str | None]) -> None:
    connection.execute(article_table.insert().values(
        **article.model_dump(exclude={"language"}), language=article.language or detected_language,
        content_hash=article.content_hash, **provenance,
        duplicate_of=original.article_id if original else None,
        similarity=original.similarity if original else None))


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready values: dates as ISO strings."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
