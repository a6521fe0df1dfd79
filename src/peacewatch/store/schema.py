"""The database tables: a public interface, since people open the file with Datasette or pandas.

One table per mention kind, one row per mention, with its span (`start_char`, `end_char`, `text`
into `articles.text`) so every fact can be traced to its words. List attributes (an event's
actors, a provision's parties) get child tables with a `position` that keeps their order.
Changing a table here means adding an Alembic revision (alembic_scripts/versions/, dialect-aware
DDL for SQLite and PostgreSQL) and updating the schema test.

`events` holds each article's own reports of events; `merged_events` holds the happenings they
tell, one row per event however many articles report it (events/merge.py decides), and
`event_sources` links each report of an original article to its merged event (near-duplicate
articles add no source). `first_day`/`last_day` are the days the event's date allows (a date known
to the week spans it); `event_id_cnty` is ACLED's style of id (ISO3 + number), kept once given;
`actors` is every actor its reports name, one per line, so that an actor filter reads one row.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()


def _article_id() -> sa.Column:
    return sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"),
                     nullable=False, index=True)


def _span_columns() -> list[sa.Column]:
    """The columns every mention table starts with."""
    return [sa.Column("id", sa.Integer, primary_key=True), _article_id(),
            sa.Column("start_char", sa.Integer, nullable=False),
            sa.Column("end_char", sa.Integer, nullable=False),
            sa.Column("text", sa.Text, nullable=False)]


articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("language", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source_path", sa.Text),
    sa.Column("ingested_at", sa.Text, nullable=False),
    sa.Column("duplicate_of", sa.Text, sa.ForeignKey("articles.id", ondelete="SET NULL"), index=True),
    sa.Column("similarity", sa.Float),
)

minhash_signatures = sa.Table(
    "minhash_signatures", metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("hashvalues", sa.LargeBinary, nullable=False),
)

entities = sa.Table(
    "entities", metadata, *_span_columns(),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("canonical", sa.Text, nullable=False, index=True),
)

times = sa.Table(
    "times", metadata, *_span_columns(),
    sa.Column("value", sa.Text, nullable=False, index=True),
    sa.Column("type", sa.Text, nullable=False),
)

places = sa.Table(
    "places", metadata, *_span_columns(),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.Column("latitude", sa.Float, nullable=False),
    sa.Column("longitude", sa.Float, nullable=False),
    sa.Column("country", sa.Text),
)

quantities = sa.Table(
    "quantities", metadata, *_span_columns(),
    sa.Column("value", sa.Float, nullable=False, index=True),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("approximate", sa.Boolean, nullable=False),
)

quotes = sa.Table(
    "quotes", metadata, *_span_columns(),
    sa.Column("speaker", sa.Text, index=True),
)

def _coded_event_columns() -> list[sa.Column]:
    """What an event is coded with, in ACLED's terms: a report's and a merged event's alike."""
    return [sa.Column("event_type", sa.Text, nullable=False, index=True),
            sa.Column("sub_event_type", sa.Text, nullable=False),
            sa.Column("event_date", sa.Text, index=True),
            sa.Column("time_precision", sa.Integer),
            sa.Column("actor1", sa.Text),
            sa.Column("actor2", sa.Text),
            sa.Column("location", sa.Text),
            sa.Column("latitude", sa.Float),
            sa.Column("longitude", sa.Float),
            sa.Column("fatalities", sa.Integer)]


events = sa.Table("events", metadata, *_span_columns(), *_coded_event_columns())

event_actors = sa.Table(
    "event_actors", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("actor", sa.Text, nullable=False, index=True),
)

provisions = sa.Table(
    "provisions", metadata, *_span_columns(),
    sa.Column("category", sa.Text, nullable=False, index=True),
    sa.Column("deadline", sa.Text),
    sa.Column("duration", sa.Text),
)

PARTY_ROLES = ("party", "beneficiary", "place")

provision_parties = sa.Table(
    "provision_parties", metadata,
    sa.Column("provision_id", sa.Integer, sa.ForeignKey("provisions.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("role", sa.Text, primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False, index=True),
    sa.CheckConstraint(f"role IN {PARTY_ROLES}", name="provision_party_role"),
)

# The spelling the corpus uses for each name (knowledge/corpus_names.py): the first article's,
# unless the catalog or the gazetteer has one; `skeleton` is the transliteration-blind key.
names = sa.Table(
    "names", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("canonical", sa.Text, nullable=False),
    sa.Column("skeleton", sa.Text, nullable=False, index=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("first_article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.UniqueConstraint("canonical", "kind", name="one_row_per_spelling"),
)

def merged_actors_column() -> sa.Column:
    """A new `merged_events.actors` column: the table's, and the one revision 0008 adds to an older store."""
    return sa.Column("actors", sa.Text, nullable=False, server_default="")


merged_events = sa.Table(
    "merged_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("event_id_cnty", sa.Text, nullable=False, unique=True),
    *_coded_event_columns(),
    sa.Column("first_day", sa.Date, index=True),
    sa.Column("last_day", sa.Date),
    sa.Column("country", sa.Text, index=True),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    merged_actors_column(),  # last, where revision 0008 adds it
)

event_sources = sa.Table(
    "event_sources", metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("merged_id", sa.Integer, sa.ForeignKey("merged_events.id", ondelete="CASCADE"),
              nullable=False, index=True),
)

# A figure as a source states it (claims/): the quantity's span, what it measures and of what,
# who it is attributed to (NULL: the article's own word) and its sentence (`sentence_start`,
# `sentence_end` into `articles.text`); `bound` is 'lower' ("at least") or 'upper' ("up to").
claims = sa.Table(
    "claims", metadata, *_span_columns(),
    sa.Column("measure", sa.Text, nullable=False, index=True),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("approximate", sa.Boolean, nullable=False),
    sa.Column("bound", sa.Text),
    sa.Column("subject", sa.Text, index=True),
    sa.Column("attribution", sa.Text),
    sa.Column("year", sa.Text),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.CheckConstraint("bound IN ('lower', 'upper')", name="claim_bound"),
)


def evidence_first_day_column() -> sa.Column:
    """The earliest day a piece of evidence's report allows (`day` is the latest): whether a
    deadline was met depends on it. Its own function, so revision 0009 adds the same column."""
    return sa.Column("first_day", sa.Date)


# Evidence about agreements' provisions (tracking/evidence.py), linked when an article is stored
# so that a provision's timeline is one indexed read: each row a sentence or event report of an
# original article (`start_char`, `end_char`, `text`) and what it says of one provision. Articles
# stored but not yet linked wait in `unlinked_articles`. `evidence_basis` holds what the links
# were computed from: the digest of the agreement files (kind 'agreements') and the sentences
# whose figures were disputed then (kind 'disputed'); when either changes, the affected articles
# are linked again. A stance is implemented, progress, violated, delayed, disputed, unfulfilled
# or ended (tracking/evidence.py); `first_day` .. `day` are the days its report allows.
provision_evidence = sa.Table(
    "provision_evidence", metadata, *_span_columns(),
    sa.Column("agreement_id", sa.Text, nullable=False),
    sa.Column("provision", sa.Text, nullable=False),
    sa.Column("stance", sa.Text, nullable=False),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    evidence_first_day_column(),  # last, where revision 0009 adds it
    sa.Index("provision_evidence_by_day", "agreement_id", "day"),
)

unlinked_articles = sa.Table(
    "unlinked_articles", metadata,
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

evidence_basis = sa.Table(
    "evidence_basis", metadata,
    sa.Column("kind", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, primary_key=True),
)

MENTION_TABLES: dict[str, sa.Table] = {
    "entities": entities, "times": times, "places": places, "quantities": quantities,
    "quotes": quotes, "events": events, "provisions": provisions, "claims": claims,
}
