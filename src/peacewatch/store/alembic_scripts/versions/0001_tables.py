"""Articles, mention tables and near-duplicate signatures, as schema.py defines them.

Tables that exist are skipped, so the later revisions that add a table hold both for a database
created before them and for one this revision created from the current schema.py.
"""
from alembic import op

from peacewatch.store.schema import metadata

revision = "0001"
down_revision = None


def upgrade() -> None:
    metadata.create_all(op.get_bind())
