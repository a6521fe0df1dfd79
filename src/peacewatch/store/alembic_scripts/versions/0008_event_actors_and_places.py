"""Merged events found by actor and by map box without reading their reports or the whole date
window: every actor a merged event's reports name in one column (`actors`, filled here from the
stored reports), and an index on the coordinates. A store that passed through revision 0004 with
this code's schema already has the column."""
import sqlalchemy as sa
from alembic import op

from peacewatch.store.merged_events import fill_actor_lists
from peacewatch.store.schema import merged_actors_column

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    connection = op.get_bind()
    if "actors" not in {column["name"] for column in sa.inspect(connection).get_columns("merged_events")}:
        op.add_column("merged_events", merged_actors_column())
    fill_actor_lists(connection)
