"""Provision evidence linked at ingest: the evidence table, the articles waiting to be linked and
the basis of the links. Every original article already stored waits to be linked, which the next
read of a status does (`peacewatch status`, the API)."""
from alembic import op

from peacewatch.store.evidence_rows import wait_for_linking
from peacewatch.store.schema import evidence_basis, provision_evidence, unlinked_articles

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    connection = op.get_bind()
    for table in (provision_evidence, unlinked_articles, evidence_basis):
        table.create(connection, checkfirst=True)
    wait_for_linking(connection)
