"""The engine: SQLite pragmas on every connection, migrations at start, refusal of the future.

``open_database`` is the one way into a database file. It sets WAL, ``synchronous=FULL`` and
``foreign_keys=ON`` on every new connection, checks them, and brings the schema to this
version's head with Alembic — or refuses, in Dutch, a database written by a newer Noodpost.
A hub may instead name a PostgreSQL database by its URL: the same :class:`Database`, the same
migrations; what differs per engine is in :mod:`.dialect`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from noodpost.core.errors import DatabaseError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.private_files import create_private_file, tighten_data_folder
from noodpost.storage import dialect
from noodpost.storage.dialect import BUSY_TIMEOUT_MS, QUICK_CHECK_ROWS, is_url, shown_url

DB_FILENAME = "noodpost.db"
MIGRATIONS = Path(__file__).with_name("migrations")

#: The pragmas Noodpost will not run without (DESIGN §3.1).
REQUIRED_PRAGMAS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}


def make_engine(location: Path | str) -> Engine:
    """An engine for a SQLite file or a PostgreSQL URL (:func:`.dialect.make_engine`)."""
    return dialect.make_engine(location)


def check_pragmas(engine: Engine) -> None:
    """Refuse to run on a connection without the required pragmas (SQLite only)."""
    if engine.dialect.name != dialect.SQLITE:
        return
    with engine.connect() as conn:
        for name, wanted in REQUIRED_PRAGMAS.items():
            value = conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            if str(value).lower() != str(wanted):
                raise DatabaseError(
                    translate(
                        "Database",
                        "De database kan niet veilig worden gebruikt (PRAGMA {name} = {value}, "
                        "nodig: {wanted}). Staat de map op een netwerk- of USB-schijf? "
                        "Kies een map op de eigen schijf van deze laptop.",
                    ).format(name=name, value=value, wanted=wanted)
                )


#: The newest migration. Start-up compares the database with it and loads Alembic only when
#: they differ; a test keeps it equal to the head of ``migrations/versions``.
SCHEMA_HEAD = "0010"


def _alembic_config(engine: Engine) -> Any:
    from alembic.config import Config  # noqa: PLC0415 — Alembic loads only to migrate

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database (``None`` for a new, empty file)."""
    with engine.connect() as conn:
        if not dialect.table_exists(conn, "alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def migrate(engine: Engine) -> None:
    """Bring the schema to this version's head, or refuse a database from a newer version."""
    if current_revision(engine) == SCHEMA_HEAD:
        return  # the common case: nothing to do, and no need to load Alembic
    from alembic import command  # noqa: PLC0415
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    cfg = _alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    known = {rev.revision for rev in script.walk_revisions()}
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_heads()
    unknown = [rev for rev in current if rev not in known]
    if unknown:
        raise DatabaseError(
            translate(
                "Database",
                "Deze database is gemaakt met een nieuwere versie van Noodpost en kan met deze "
                "versie niet worden geopend. Installeer de nieuwste versie van Noodpost; de "
                "gegevens blijven onaangeroerd.",
            )
        )
    if current != (script.get_current_head(),):
        command.upgrade(cfg, "head")


@dataclass
class Database:
    """An opened, migrated database: sessions for reading, write transactions for services.

    ``path`` is the SQLite file; ``None`` for a database on a PostgreSQL server (or in memory).
    """

    engine: Engine
    path: Path | None

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        self._watch: sqlite3.Connection | None = None
        self._watch_lock = threading.Lock()

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` on a connection kept for it: it changes whenever
        another connection (another process's, or another of ours) commits. Microseconds, no
        file read when nothing changed; 0 for a database in memory. On PostgreSQL a marker of
        the server's transactions that changes whenever another connection commits (and
        sometimes when nothing here changed: :func:`.dialect.change_marker`)."""
        if self.is_server:
            with self.engine.connect() as conn:
                return dialect.change_marker(conn)
        if self.path is None:
            return 0
        with self._watch_lock:
            if self._watch is None:
                self._watch = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
                )
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    @property
    def is_server(self) -> bool:
        """Whether this database is on a PostgreSQL server (not a SQLite file)."""
        return self.engine.dialect.name == dialect.POSTGRESQL

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session over one consistent snapshot."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self, *, shared: bool = False) -> Iterator[Session]:
        """A write transaction: commits when the block ends, rolls back on any exception.

        ``shared``: on PostgreSQL, a writer that runs beside other shared ones (an import, an
        audit line) and takes its own narrower lock (:mod:`.concurrency`); on SQLite the same
        as any writer.
        """
        mode: str | bool = dialect.SHARED if shared else True
        with (
            self.engine.connect() as raw,
            Session(
                bind=raw.execution_options(write=mode), expire_on_commit=False, autoflush=True
            ) as session,
            session.begin(),
        ):
            yield session

    def integrity_check(self) -> str:
        """``"ok"`` or what is wrong (:func:`.dialect.integrity_check`)."""
        with self.engine.connect() as conn:
            return dialect.integrity_check(conn)

    def quick_check(self) -> str:
        """``"ok"``, or the first problems found, one per line (:func:`.dialect.quick_check`)."""
        with self.engine.connect() as conn:
            return dialect.quick_check(conn)

    def truncate_wal(self, wait_ms: int = 1_000) -> bool:
        """Checkpoint the write-ahead log into the database and empty it.

        The WAL keeps earlier versions of the pages it holds until it is reset; after this
        they are gone. Waits at most ``wait_ms`` for readers (another process's included);
        False when one still kept part of it — the caller tries again later.

        On PostgreSQL (:func:`.dialect.vacuum`) the tables are vacuumed: the row versions a
        change replaced are removed from them. The server's own write-ahead log, and its
        backups, keep them until the server recycles them — that is the server's keeping.
        """
        if self.is_server:
            dialect.vacuum(self.engine)
            return True
        raw: Any = self.engine.raw_connection()
        conn = raw.driver_connection
        try:
            conn.execute(f"PRAGMA busy_timeout={int(wait_ms)}")
            try:
                busy, _pages, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            raw.close()
        return bool(busy == 0)

    def backup_to(self, target: Path) -> None:
        """Copy the live database with SQLite's online backup API (includes the WAL).

        Raises:
            DatabaseError: on PostgreSQL, which is backed up with its own tools.
        """
        if self.is_server:
            raise DatabaseError(
                translate(
                    "Database",
                    "Deze database staat op een PostgreSQL-server. Maak de back-up daar met "
                    "pg_dump of pg_basebackup; Noodpost kopieert alleen een SQLite-bestand.",
                )
            )
        raw: Any = self.engine.raw_connection()
        try:
            dest = sqlite3.connect(str(target))
            try:
                raw.driver_connection.backup(dest)
            finally:
                dest.close()
        finally:
            raw.close()

    def close(self) -> None:
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self.engine.dispose()


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot change the file at ``path``.

    Without a ``-wal`` file nobody has the database open, and it is read as immutable: no
    lock and no side file is made. With one, the WAL is read too (``mode=ro``).
    """
    wal = path.with_name(path.name + "-wal")
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    return sqlite3.connect(uri, uri=True)


def quick_check_file(path: Path) -> str:
    """``PRAGMA quick_check`` on a database file, opened read-only: the file is not changed.

    Returns ``"ok"`` or the problems found (one per line). A file SQLite cannot read as a
    database at all gives its error text.
    """
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as failed:
        return str(failed)
    try:
        rows = conn.execute(f"PRAGMA quick_check({QUICK_CHECK_ROWS})").fetchall()
    except sqlite3.Error as failed:
        return str(failed)
    finally:
        conn.close()
    return "\n".join(str(row[0]) for row in rows) or "geen antwoord"


@dataclass(frozen=True)
class StartupCheck:
    """The result of :func:`startup_check`.

    Attributes:
        ok: the database is sound (or there is none yet).
        problem: what ``quick_check`` reported when not ok (for the log and the details).
        elapsed_ms: how long the check took.
    """

    ok: bool
    problem: str
    elapsed_ms: float


def startup_check(path: Path) -> StartupCheck:
    """Check the database file before it is opened for work, without changing it.

    Meant to run before :func:`open_database` (which may migrate, that is: write). A missing
    file is fine: there is nothing to check yet.
    """
    started = time.perf_counter()
    if not path.exists():
        return StartupCheck(True, "", 0.0)
    result = quick_check_file(path)
    elapsed = (time.perf_counter() - started) * 1000
    return StartupCheck(result == "ok", "" if result == "ok" else result, elapsed)


def _unwritable(folder: Path) -> OSError | None:
    """Why nothing can be created in ``folder`` (read-only, no permission), or ``None``."""
    probe = folder / f".noodpost-schrijftest-{os.getpid()}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as refused:
        return refused
    with contextlib.suppress(OSError):
        probe.unlink()
    return None


def open_database(path: Path | str, *, migrate_schema: bool = True) -> Database:
    """Open (and create, if absent) the database file at ``path`` and migrate it.

    ``path`` may also be a PostgreSQL URL (``postgresql://user@host/name``; psycopg 3): the
    database must exist on the server (empty, or Noodpost's); it is migrated the same way.

    The node's database (``noodpost.db``) first makes its data folder owner-only on POSIX
    (:func:`~noodpost.core.private_files.tighten_data_folder`): what an older version left
    readable to other users is closed, and SQLite, which gives its ``-wal`` and ``-shm`` files
    the database file's mode, makes them private too. A new database file is created 0600.
    """
    if is_url(path):
        return _open_server(str(path), migrate_schema=migrate_schema)
    path = Path(path)
    if path.exists() and path.is_dir():
        raise DatabaseError(
            translate("Database", "{path} is een map, geen databasebestand.").format(path=path)
        )
    if path.name == DB_FILENAME:
        tighten_data_folder(path.parent)
    create_private_file(path)
    engine = make_engine(path)
    try:
        try:
            check_pragmas(engine)
        except OperationalError as failed:
            refused = _unwritable(path.parent)
            if refused is None:
                raise
            raise DatabaseError(
                translate(
                    "Database",
                    "In de map {folder} kan Noodpost niet schrijven ({reason}). "
                    "Dat is ook nodig om alleen te kijken: naast de database houdt Noodpost een "
                    "logbestand bij. Zet de map op een schrijfbare plek of geef schrijfrechten, "
                    "en probeer het opnieuw.",
                ).format(folder=path.parent, reason=os_reason(refused))
            ) from failed
        if migrate_schema:
            migrate(engine)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        engine.dispose()
        raise
    return Database(engine=engine, path=path)


def _open_server(url: str, *, migrate_schema: bool) -> Database:
    engine = make_engine(url)
    try:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as failed:
            where = shown_url(url)
            raise DatabaseError(
                translate(
                    "Database",
                    "Noodpost kan de PostgreSQL-database {where} niet bereiken. Draait de "
                    "server, bestaat de database en klopt de gebruiker? Probeer het daarna "
                    "opnieuw.",
                ).format(where=where)
            ) from failed
        if migrate_schema:
            migrate(engine)
    except Exception:
        engine.dispose()
        raise
    return Database(engine=engine, path=None)
