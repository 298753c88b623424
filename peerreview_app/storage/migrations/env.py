"""Alembic environment: run migrations on the connection the app hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from peerreview_app.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        raise RuntimeError("run migrations through peerreview_app.storage.engine")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
