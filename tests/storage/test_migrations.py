"""The list of schema revisions the app opens without Alembic is the migrations folder's own chain."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from peerreview_app.storage.engine import SCHEMA_REVISIONS, alembic_config


def test_schema_revisions_match_the_migrations_folder() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    chain = [revision.revision for revision in script.walk_revisions()]  # newest first
    assert tuple(reversed(chain)) == SCHEMA_REVISIONS
    assert script.get_current_head() == SCHEMA_REVISIONS[-1]
