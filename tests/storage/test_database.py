"""The database on real SQLite files: safe opening, refusal of foreign, newer, damaged, locked or read-only files."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from peerreview_app.services import findings, panel, reviews as review_service
from peerreview_app.services.workbench import Workbench
from peerreview_app.storage import engine as storage_engine
from peerreview_app.storage.engine import backup_sqlite, head_revision, open_database
from peerreview_app.storage.errors import DatabaseBusy, DatabaseReadOnly, DatabaseRefused, StorageError
from peerreview_app.storage.models import Base

TABLES = {
    "alembic_version",
    "form_snapshot",
    "partnership",
    "review",
    "panel_member",
    "conversation",
    "note",
    "finding",
    "member_judgement",
    "standard_conclusion",
    "review_conclusion",
    "development_question",
    "document_blob",
    "document",
    "factcheck_comment",
    "report_file",
}


def migrated(path: Path, reviews: int = 0) -> Path:
    """A database file migrated to head, with `reviews` assessment reviews in it; closed again."""
    with Workbench.open(str(path), actor="tester") as bench:
        for number in range(reviews):
            review_service.create_review(bench, kind="assessment", partnership=f"Partnerschap {number}")
    return path


def tables_of(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        connection.close()


# -- opening --------------------------------------------------------------------------------------------


def test_a_new_database_is_created_migrated_in_wal_mode_with_foreign_keys(tmp_path):
    db = open_database(str(tmp_path / "new.sqlite3"))
    try:
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == storage_engine.BUSY_TIMEOUT_MS
            assert MigrationContext.configure(connection).get_current_revision() == head_revision()
            assert set(inspect(connection).get_table_names()) == TABLES
        assert db.backup is None
    finally:
        db.dispose()


def test_reopening_an_up_to_date_database_makes_no_backup(tmp_path):
    path = migrated(tmp_path / "wb.sqlite3", reviews=1)
    db = open_database(str(path))
    db.dispose()
    assert db.backup is None
    assert not (tmp_path / "backups").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"hello")
    with pytest.raises(DatabaseRefused, match="not an SQLite file"):
        open_database(str(path))
    assert path.read_bytes() == b"hello"


def test_an_sqlite_file_of_another_program_is_refused_and_left_byte_for_byte_unchanged(tmp_path):
    path = tmp_path / "contacts.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO contact (name) VALUES ('Anna')")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(str(path))
    assert path.read_bytes() == before, "the refused file was changed (e.g. switched to WAL mode)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_a_database_of_a_newer_version_is_refused_and_left_unchanged(tmp_path):
    path = migrated(tmp_path / "wb.sqlite3", reviews=1)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseRefused, match="newer") as refused:
        open_database(str(path))
    assert "9999" in str(refused.value)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_damaged_database_gives_a_clear_error_not_a_driver_error(tmp_path):
    path = migrated(tmp_path / "wb.sqlite3", reviews=2)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page : 2 * page] = b"\xa5" * page  # page 2 of the file: schema or table data
    path.write_bytes(bytes(data))
    # Opening or listing may be the first to notice.
    with pytest.raises(StorageError, match="damaged") as error, Workbench.open(str(path), actor="tester") as bench:
        review_service.list_reviews(bench)
    assert isinstance(error.value, DatabaseRefused)
    assert "backup" in str(error.value)


def test_a_read_only_url_can_list_but_not_write(tmp_path):
    path = migrated(tmp_path / "wb.sqlite3", reviews=1)
    before = path.read_bytes()
    with Workbench.open(f"sqlite:///file:{path}?mode=ro&uri=true", actor="tester") as bench:
        assert len(review_service.list_reviews(bench)) == 1
        with pytest.raises(DatabaseReadOnly, match="read-only"):
            review_service.create_review(bench, kind="assessment", partnership="Nieuw")
        assert len(review_service.list_reviews(bench)) == 1
    assert path.read_bytes() == before


def test_a_locked_database_gives_database_busy_after_the_busy_timeout(tmp_path, monkeypatch):
    path = migrated(tmp_path / "wb.sqlite3", reviews=1)
    monkeypatch.setattr(storage_engine, "BUSY_TIMEOUT_MS", 200)  # read when the engine is made, not at import
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with (
            pytest.raises(DatabaseBusy, match="in use by another program"),
            Workbench.open(str(path), actor="tester") as bench,
        ):
            review_service.create_review(bench, kind="assessment", partnership="Tweede")
        elapsed = time.monotonic() - started
    finally:
        other.rollback()
        other.close()
    assert 0.15 <= elapsed < 3, f"waited {elapsed:.2f}s; the busy timeout is 0.2s"
    with Workbench.open(str(path), actor="tester") as bench:
        assert len(review_service.list_reviews(bench)) == 1


def test_backup_sqlite_makes_a_readable_copy_with_the_same_tables(tmp_path):
    path = migrated(tmp_path / "wb.sqlite3", reviews=2)
    copy = backup_sqlite(path, reason="before-migration-0001")
    assert copy.parent == tmp_path / "backups"
    assert copy.name.startswith("wb-") and copy.name.endswith("-before-migration-0001.sqlite3")
    assert not list(copy.parent.glob("*.partial"))
    assert tables_of(copy) == tables_of(path) == TABLES
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM review").fetchone() == (2,)
        assert connection.execute("SELECT count(*) FROM finding").fetchone() == (48,)
    finally:
        connection.close()


def test_the_migration_matches_the_models(tmp_path):
    db = open_database(str(tmp_path / "wb.sqlite3"))
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()


# -- the repository -------------------------------------------------------------------------------------


class Clock:
    """A clock that moves one minute on every reading, so that every stamp is distinguishable."""

    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_save_stamps_only_the_records_that_changed(tmp_path):
    path = tmp_path / "wb.sqlite3"
    with Workbench.open(str(path), actor="creator") as bench:
        bench.clock = Clock()
        review = review_service.create_review(bench, kind="assessment", partnership="Partnerschap Oost")
        created = review_service.get_review(bench, review.id)
    assert {f.stamp.version for f in created.findings.values()} == {1}
    assert {f.stamp.updated_by for f in created.findings.values()} == {"creator"}

    with Workbench.open(str(path), actor="editor") as bench:
        bench.clock = Clock()
        bench.clock.now += timedelta(days=1)
        findings.set_finding_value(bench, review.id, "LO-3", "motivation", "Goed onderbouwd")
        edited = review_service.get_review(bench, review.id)

    changed = [f for f in edited.findings.values() if f.stamp != created.findings[f.criterion_id].stamp]
    assert [f.criterion_id for f in changed] == ["LO-3"]
    stamp = changed[0].stamp
    assert (stamp.version, stamp.updated_by) == (2, "editor")
    assert stamp.updated_at > created.findings["LO-3"].stamp.updated_at
    assert sorted(f.stamp.version for f in edited.findings.values()) == [1] * 23 + [2]
    assert [s.stamp for s in edited.standard_conclusions.values()] == [
        s.stamp for s in created.standard_conclusions.values()
    ]
    assert edited.conclusion.stamp == created.conclusion.stamp
    assert edited.stamp.version == 2  # the review row: its completeness changed


def test_saving_an_unchanged_value_changes_no_stamp(workbench):
    review = review_service.create_review(workbench, kind="assessment", partnership="Partnerschap West")
    findings.set_finding_value(workbench, review.id, "LL-1", "motivation", "Zo")
    before = review_service.get_review(workbench, review.id)
    findings.set_finding_value(workbench, review.id, "LL-1", "motivation", "Zo")
    after = review_service.get_review(workbench, review.id)
    assert [f.stamp for f in after.findings.values()] == [f.stamp for f in before.findings.values()]
    assert after.stamp == before.stamp


def test_the_listed_completeness_stays_in_step_with_the_domain(workbench):
    review = review_service.create_review(workbench, kind="assessment", partnership="Partnerschap Midden")

    def assert_in_step() -> None:
        [summary] = review_service.list_reviews(workbench)
        report = review_service.completeness(workbench, review.id)
        assert (summary.completeness_percent, summary.open_items) == (report.percent, len(report.items))

    assert_in_step()
    panel.add_member(workbench, review.id, name="Anna", role="chair")
    assert_in_step()
    for criterion in review.framework.criteria():
        findings.set_finding_value(workbench, review.id, criterion.id, "judgement", "meets")
        findings.set_finding_value(workbench, review.id, criterion.id, "motivation", "m")
    assert_in_step()
    findings.set_finding_value(workbench, review.id, "LL-1", "motivation", "")
    assert_in_step()
    [summary] = review_service.list_reviews(workbench)
    assert 0 < summary.completeness_percent < 100
