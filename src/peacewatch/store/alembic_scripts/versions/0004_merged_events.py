"""Merged events: one row per happening across articles, linked to its reports."""
from alembic import op

from peacewatch.store.merged_events import create_merged_layer

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    create_merged_layer(op.get_bind())
