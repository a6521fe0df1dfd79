"""Full-text search over articles: an FTS5 table on SQLite, a GIN expression index on PostgreSQL."""
from alembic import op

from peacewatch.store.full_text import create_full_text_index

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    create_full_text_index(op.get_bind())
