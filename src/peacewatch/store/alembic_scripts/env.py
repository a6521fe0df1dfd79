"""Alembic's entry point for peacewatch: migrations run on the connection `migrations.migrate` hands
over, inside its transaction, so a failing revision leaves the database at its old revision."""
from alembic import context

context.configure(connection=context.config.attributes["connection"], transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
