"""Claims: figures with their subject, measure and source, for disputes.

Articles stored before this revision have no claims (their parse is gone).
"""
from alembic import op

from peacewatch.store.schema import claims

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    claims.create(op.get_bind(), checkfirst=True)
