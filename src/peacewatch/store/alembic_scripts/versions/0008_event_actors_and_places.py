"""Merged events found by actor and by map box without reading their reports or the whole date
window: every actor a merged event's reports name in one column (`actors`, filled here from the
stored reports), and an index on the coordinates."""
from alembic import op

from peacewatch.store.merged_events import add_actor_lists

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    add_actor_lists(op.get_bind())
