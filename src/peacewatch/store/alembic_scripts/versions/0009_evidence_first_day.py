"""Evidence keeps the earliest day its report allows (`provision_evidence.first_day`), so a
deadline is called met or missed from what the report says, and every stored article waits to be
linked again under the rules that fill it. A store created by this code's schema already has the
column."""
import sqlalchemy as sa
from alembic import op

from peacewatch.store.evidence_rows import clear_evidence, wait_for_linking
from peacewatch.store.schema import evidence_first_day_column

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    connection = op.get_bind()
    if "first_day" not in {column["name"] for column in sa.inspect(connection).get_columns("provision_evidence")}:
        op.add_column("provision_evidence", evidence_first_day_column())
        clear_evidence(connection)
        wait_for_linking(connection)
