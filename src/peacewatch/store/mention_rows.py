"""An Extraction as table rows and back, so what the store holds is exactly what `analyze` found.

Record fields map to columns by name, except where a name would be awkward in SQL or unclear in
a table (`start`/`end` → `start_char`/`end_char`, a place's `lat`/`lon` → `latitude`/`longitude`).
List fields become child rows with a position, so reading back gives the same lists in the same
order (the round trip the store test checks).
"""
from __future__ import annotations

from typing import Any, NamedTuple, Sequence

import sqlalchemy as sa

from peacewatch.records import Article, Extraction
from peacewatch.store.engine import id_chunks
from peacewatch.store.schema import MENTION_TABLES, articles, event_actors, provision_parties

SPAN_COLUMNS = {"start": "start_char", "end": "end_char"}
FIELD_COLUMNS: dict[str, dict[str, str]] = {
    kind: {**SPAN_COLUMNS, **({"lat": "latitude", "lon": "longitude"} if kind == "places" else {})}
    for kind in MENTION_TABLES
}
COLUMN_FIELDS = {kind: {column: field for field, column in renames.items()}
                 for kind, renames in FIELD_COLUMNS.items()}


class ListField(NamedTuple):
    """A list attribute of a mention stored as child rows (`fixed` tells the lists apart)."""

    field: str
    table: sa.Table
    parent: sa.Column
    value: sa.Column
    fixed: dict[str, str]


LIST_FIELDS: dict[str, tuple[ListField, ...]] = {
    "events": (ListField("actors", event_actors, event_actors.c.event_id, event_actors.c.actor, {}),),
    "provisions": tuple(
        ListField(field, provision_parties, provision_parties.c.provision_id, provision_parties.c.name,
                  {"role": role})
        for field, role in (("parties", "party"), ("beneficiaries", "beneficiary"), ("places", "place"))
    ),
}


def insert_mentions(connection: sa.Connection, article_id: str, extraction: Extraction) -> None:
    for kind, table in MENTION_TABLES.items():
        mentions = getattr(extraction, kind)
        if not mentions:
            continue
        list_fields = LIST_FIELDS.get(kind, ())
        rows = [_row(m.model_dump(exclude={f.field for f in list_fields}), kind, article_id)
                for m in mentions]
        statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        ids = connection.scalars(statement, rows).all()
        for list_field in list_fields:
            _insert_list(connection, list_field, ids, [getattr(m, list_field.field) for m in mentions])


def _row(fields: dict[str, Any], kind: str, article_id: str) -> dict[str, Any]:
    renames = FIELD_COLUMNS[kind]
    return {"article_id": article_id, **{renames.get(k, k): v for k, v in fields.items()}}


def _insert_list(connection: sa.Connection, list_field: ListField, ids: list[int],
                 values: list[list[str]]) -> None:
    rows = [{list_field.parent.name: parent, "position": position, list_field.value.name: value,
             **list_field.fixed}
            for parent, items in zip(ids, values) for position, value in enumerate(items)]
    if rows:
        connection.execute(list_field.table.insert(), rows)


STORED_ARTICLE = [articles.c[name] for name in ("id", "text", "title", "url", "outlet", "published", "language")]


def load_analyzed(connection: sa.Connection, article_ids: Sequence[str]) -> list[tuple[Article, Extraction]]:
    """The stored articles among the ids (in id order within each chunk of them, store/engine.py
    `id_chunks`), each with its extraction as `analyze` returned it (without `text`)."""
    found = []
    for chunk in id_chunks(article_ids):
        query = sa.select(*STORED_ARTICLE).where(articles.c.id.in_(chunk)).order_by(articles.c.id)
        rows = connection.execute(query).all()
        mentions = load_mentions(connection, [row.id for row in rows])
        found += [(Article(**row._asdict()),
                   Extraction(id=row.id, published=row.published, language=row.language, **mentions[row.id]))
                  for row in rows]
    return found


def load_mentions(connection: sa.Connection, article_ids: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The mentions of each article by kind, as record fields (in the order they were stored).
    Articles are read together, a few queries per kind for all of them, because linking evidence
    reads thousands at a time."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = {a: {kind: [] for kind in MENTION_TABLES} for a in article_ids}
    for kind, table in MENTION_TABLES.items():
        for article_id, mention in _load_kind(connection, kind, table, article_ids):
            found[article_id][kind].append(mention)
    return found


def _load_kind(connection: sa.Connection, kind: str, table: sa.Table,
               article_ids: Sequence[str]) -> list[tuple[str, dict]]:
    query = sa.select(table).where(table.c.article_id.in_(article_ids)).order_by(table.c.id)
    rows = {row.id: row._asdict() for row in connection.execute(query)}
    renames = COLUMN_FIELDS[kind]
    mentions = {key: {renames.get(c, c): v for c, v in row.items() if c not in ("id", "article_id")}
                for key, row in rows.items()}
    for list_field in LIST_FIELDS.get(kind, ()):
        for mention in mentions.values():
            mention[list_field.field] = []
        for parent, value in _load_list(connection, list_field, table, article_ids):
            mentions[parent][list_field.field].append(value)
    return [(rows[key]["article_id"], mention) for key, mention in mentions.items()]


def _load_list(connection: sa.Connection, list_field: ListField, table: sa.Table,
               article_ids: Sequence[str]) -> sa.Result:
    conditions = [table.c.article_id.in_(article_ids),
                  *(list_field.table.c[column] == value for column, value in list_field.fixed.items())]
    query = (sa.select(list_field.parent, list_field.value)
             .join(table, table.c.id == list_field.parent).where(*conditions)
             .order_by(list_field.parent, list_field.table.c.position))
    return connection.execute(query)
