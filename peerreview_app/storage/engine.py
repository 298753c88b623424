"""Open a database safely: check what the file is, back it up, migrate it, and configure SQLite.

A database from a newer version of the app, a file that is not SQLite, or an SQLite file that is not ours is
refused before anything is written to it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from peerreview_app.storage.errors import DatabaseBusy, DatabaseReadOnly, DatabaseRefused, StorageError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
SCHEMA_REVISIONS = ("0001", "0002", "0003")
"""Every migration in migrations/versions, oldest first (a test keeps this in step with the folder).

Knowing them here lets an up-to-date database open without importing Alembic, which costs a fifth of a
second at every start.
"""


@dataclass
class Database:
    """An open, migrated database and the factory for its sessions."""

    engine: Engine
    sessions: sessionmaker[Session]
    label: str  # what messages call it: the file path, or the URL without password
    path: Path | None  # the SQLite file, if it is one
    backup: Path | None = None  # the copy made before migrating, if one was made

    def dispose(self) -> None:
        self.engine.dispose()


def resolve_url(target: str) -> tuple[URL, Path | None]:
    """Turn ``--db`` (a file path or a SQLAlchemy URL) into a URL and, for SQLite files, the path."""
    if "://" in target:
        try:
            url = make_url(target)
        except ArgumentError as exc:
            raise DatabaseRefused(f"{target!r} is not a valid database URL: {exc}") from None
        if url.get_backend_name() == "sqlite":
            database = url.database or ""
            if database and database != ":memory:" and not database.startswith("file:"):
                return url, Path(database).expanduser().resolve()
        return url, None
    path = Path(target).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path)), path


def open_database(target: str, *, create: bool = True, migrate: bool = True) -> Database:
    """Open (and if needed create and migrate) the database at `target`.

    Raises `DatabaseRefused` when the file is not ours or is too new, `DatabaseBusy` when it is locked.
    """
    url, path = resolve_url(target)
    label = str(path) if path else url.render_as_string(hide_password=True)
    if path is not None:
        _check_file(path, create=create)
    engine = _engine(url)
    database = Database(engine, sessionmaker(engine, expire_on_commit=False), label, path)
    try:
        if migrate:
            database.backup = _migrate(database)
    except BaseException:
        engine.dispose()
        raise
    return database


def _check_file(path: Path, *, create: bool) -> None:
    if path.exists():
        if not path.is_file():
            raise DatabaseRefused(f"{path} is not a file")
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise DatabaseRefused(f"{path} cannot be read: {exc.strerror}") from None
        if header and header != SQLITE_HEADER:
            raise DatabaseRefused(f"{path} is not a Peer Review Workbench database (it is not an SQLite file)")
        return
    if not create:
        raise DatabaseRefused(f"{path} does not exist")
    if not path.parent.is_dir():
        raise DatabaseRefused(f"cannot create {path}: the folder {path.parent} does not exist")


def _engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    # check_same_thread off: the interface runs long work (imports, exports) in a worker thread; the pool
    # still hands each connection to one thread at a time.
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Transactions are ours (BEGIN IMMEDIATE on writes would be nicer, but the driver's default is
        # deferred; WAL makes readers never block the single writer).
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            # journal_mode=WAL is set once, after the file was found to be ours (see _migrate): it rewrites
            # the header, and a refused file must stay byte for byte as it was.
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    return engine


def alembic_config(engine: Engine | None = None) -> Any:
    """The Alembic configuration for our migrations folder (Alembic is imported only when needed)."""
    from alembic.config import Config  # noqa: PLC0415 - see SCHEMA_REVISIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return SCHEMA_REVISIONS[-1]


def _migrate(database: Database) -> Path | None:
    head = SCHEMA_REVISIONS[-1]
    with translate_errors(database.label), database.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        current = None
        if "alembic_version" in tables:
            current = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if current is None and tables - {"alembic_version"}:
        raise DatabaseRefused(
            f"{database.label} is an SQLite database of another program (it has tables but no workbench schema); "
            "it was not changed"
        )
    if current is not None and current not in SCHEMA_REVISIONS:
        raise DatabaseRefused(
            f"{database.label} was written by a newer version of the Peer Review Workbench (schema {current}); "
            "install that version or newer to open it. The file was not changed."
        )
    if current == head:
        _use_wal(database)
        return None
    backup = None
    if current is not None and database.path is not None:
        backup = backup_sqlite(database.path, reason=f"before-migration-{current}")
        log.info("backed up %s to %s before migrating", database.path, backup)
    from alembic import command  # noqa: PLC0415 - only to migrate; see SCHEMA_REVISIONS

    with translate_errors(database.label), database.engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    _use_wal(database)
    return backup


def _use_wal(database: Database) -> None:
    """Write-ahead logging: readers never block the writer, and a crash mid-commit loses nothing committed."""
    if database.engine.dialect.name != "sqlite" or database.path is None:
        return
    with translate_errors(database.label), database.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        if mode != "wal":
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")


def backup_sqlite(path: Path, *, reason: str, folder: Path | None = None) -> Path:
    """Copy a live SQLite database consistently (SQLite's backup API) into ``backups/`` beside it."""
    folder = folder or path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{path.stem}-{stamp}-{reason}{path.suffix or '.sqlite3'}"
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    partial.replace(target)
    return target


@contextmanager
def translate_errors(label: str) -> Iterator[None]:
    """Turn driver errors about the database file into messages a user can act on."""
    try:
        yield
    except OperationalError as exc:
        raise database_error(label, exc) from None
    except DBAPIError as exc:
        if _is_corrupt(str(exc.orig)):
            raise DatabaseRefused(f"{label} is damaged ({exc.orig}); restore it from a backup") from None
        raise


def database_error(label: str, exc: DBAPIError) -> StorageError:
    """The user-facing error for a driver error."""
    text = str(exc.orig)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return DatabaseBusy(f"{label} is in use by another program (it is locked); close it and try again")
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseReadOnly(f"{label} is read-only; nothing could be saved (copy it to a writable place)")
    if _is_corrupt(lowered):
        return DatabaseRefused(f"{label} is damaged or not a database ({text}); restore it from a backup")
    if "unable to open" in lowered:
        return StorageError(f"{label} cannot be opened ({text}); is the drive still connected?")
    if "disk" in lowered and "full" in lowered:
        return StorageError(f"the disk holding {label} is full; nothing was saved")
    return StorageError(f"{label}: {text}")


def _is_corrupt(text: str) -> bool:
    text = text.lower()
    return "malformed" in text or "not a database" in text or "file is encrypted" in text
