"""Names: one spelling per name across the corpus."""
from alembic import op

from peacewatch.store.schema import names

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    names.create(op.get_bind(), checkfirst=True)
