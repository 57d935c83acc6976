"""Open a database from a path or an SQLAlchemy URL, and bring its schema to the head
revision (Alembic, run programmatically from the migrations shipped in this package).

SQLite gets WAL, a busy timeout and ``BEGIN IMMEDIATE`` transactions, so that several
processes can load into one file: writers wait for each other instead of failing.
"""
from __future__ import annotations

import json
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from pydantic import BaseModel
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 60_000
LOCK_RETRY_SECONDS = 0.05  # between tries of a statement SQLite refuses at once while another process holds its lock
READ_ONLY = "claims_read_only"
MIGRATING = "claims_migrating"
WAL_CHECKPOINT_PAGES = 16384  # checkpoint (and fsync) every 64 MiB of log, not every 4 (SQLite's default)
# a new file's pages: a claims row is about 2.5 kB, which 4 KiB pages (SQLite's default) hold
# one at a time with much space left; with 8 KiB pages files are smaller and loads were about 10% faster in interleaved runs of bench/load.py
PAGE_SIZE = 8192
MIGRATION_LOCK = 0x636C61696D73  # advisory lock id for PostgreSQL migrations ('claims')


class StoreError(Exception):
    """The database cannot be opened or used: a message for the user."""


def database_url(spec: str) -> URL:
    """A bare path means an SQLite file; ``postgresql://`` and ``postgres://`` mean psycopg 3."""
    if "://" not in spec:
        return URL.create("sqlite", database=str(Path(spec).expanduser()))
    try:
        url = make_url(spec)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {spec!r} ({exc})") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def require_existing(spec: str) -> None:
    """StoreError if ``spec`` names an SQLite file that does not exist or holds no claims
    schema, looked at read-only: opening it as a store would make it, or switch it to WAL.
    Servers are checked once connected."""
    url = database_url(spec)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:") or url.database.startswith("file:"):
        return
    path = Path(url.database)
    if not path.is_file():
        raise StoreError(f"no such database: {path} (claims load or claims extract --db makes one)")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a claims database ({exc}); claims load or claims extract --db makes one") from exc


def to_json(value: Any) -> str:
    """JSON columns: records (pydantic models) serialise themselves, fast."""
    return value.model_dump_json() if isinstance(value, BaseModel) else json.dumps(value, ensure_ascii=False)


def open_engine(spec: str, autocheckpoint: bool = True) -> Engine:
    """An engine for ``spec``; SQLite files are put in WAL mode with a busy timeout. Without
    ``autocheckpoint`` a commit never copies the log into the database file: the owner
    checkpoints when it suits it (outside its write turn)."""
    url = database_url(spec)
    try:
        engine = create_engine(url, json_serializer=to_json)
    except NoSuchModuleError as exc:
        raise StoreError(f"unknown database kind {url.drivername!r}: use sqlite:/// or postgresql+psycopg://") from exc
    except ModuleNotFoundError as exc:
        raise StoreError(f"the driver for {url.drivername} is not installed ({exc.name}); "
                         "for PostgreSQL: pip install 'claims[postgres]'") from exc
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine, WAL_CHECKPOINT_PAGES if autocheckpoint else 0)
    return engine


def _null(value: None) -> None:
    return value


# sqlite3 binds None only after failing to find an adapter for it, which costs more than the
# rest of a row (claims rows have a dozen empty columns): an adapter that returns None as it
# is makes NULLs as cheap as numbers. It is the identity, so it changes no value anywhere.
sqlite3.register_adapter(type(None), _null)


def _sqlite_setup(engine: Engine, checkpoint_pages: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
        cursor = dbapi_connection.cursor()
        for pragma in (f"busy_timeout={BUSY_TIMEOUT_MS}",  # first: switching to WAL waits for another writer's lock
                       f"page_size={PAGE_SIZE}",  # takes effect in a new file only, so it comes before WAL
                       "journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                       "cache_size=-65536",  # 64 MiB of page cache
                       f"wal_autocheckpoint={checkpoint_pages}"):
            _patiently(cursor, f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        if options.get(MIGRATING):  # rebuilding a table drops it: that must not cascade to its children
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        # a writer takes the write lock at once (waiting while busy) rather than failing on upgrade
        connection.exec_driver_sql("BEGIN" if options.get(READ_ONLY) else "BEGIN IMMEDIATE")


def _patiently(cursor: sqlite3.Cursor, statement: str) -> None:
    """Run ``statement``, waiting while another process holds the lock it needs: switching a new
    file to WAL fails at once with 'database is locked' when another opener is switching it too
    (SQLite calls no busy handler there), so it is tried again, up to the busy timeout."""
    waited = 0.0
    while True:
        try:
            cursor.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or waited * 1000 >= BUSY_TIMEOUT_MS:
                raise
            time.sleep(LOCK_RETRY_SECONDS)
            waited += LOCK_RETRY_SECONDS


def reading(engine: Engine) -> Connection:
    """A connection for reads only: on SQLite it does not take the write lock."""
    return engine.connect().execution_options(**{READ_ONLY: True})


def migration_config(connection: Connection) -> Config:
    """An Alembic configuration bound to ``connection``; no alembic.ini needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction; concurrent openers wait. On
    SQLite, foreign keys are off while migrating (tables are rebuilt) and checked after."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        connection.execution_options(**{MIGRATING: True})
        with connection.begin():
            if not sqlite:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            command.upgrade(migration_config(connection), revision)
            if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").first()):
                raise StoreError(f"migration to {revision} broke a foreign key: {tuple(broken)}")
        if sqlite:
            connection.invalidate()  # its foreign keys are off: not for reuse


def revision_of(engine: Engine) -> str | None:
    """The schema revision a database is at (None: not a claims database yet)."""
    with reading(engine) as connection:
        return MigrationContext.configure(connection).get_current_revision()
