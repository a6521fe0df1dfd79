"""Merged events in page order: indexes on the page key (latest day, first day, id), alone and
after the country, so that a filtered page of events reads a page of rows however large the store."""
from alembic import op

from peacewatch.store.merged_events import create_page_indexes

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    create_page_indexes(op.get_bind())
