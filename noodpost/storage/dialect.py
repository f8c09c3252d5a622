"""The one seam between Noodpost and its two database engines: SQLite and PostgreSQL.

Posts and small hubs keep one SQLite file; a region's hub may run on PostgreSQL (psycopg 3).
Everything else in Noodpost speaks SQLAlchemy and portable SQL; what differs per engine is
here, and only here:

- how a connection is set up (SQLite's pragmas; PostgreSQL's lock wait),
- how a transaction starts: a writer takes *the* write lock before its first statement —
  SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's transaction-scoped advisory lock
  :data:`WRITE_LOCK` — so two writers never interleave (the node's ``next_seq`` and HLC, the
  audit chain, the import of a bundle are each read and advanced by one writer at a time); a
  reader sees one consistent snapshot (SQLite's deferred transaction in WAL mode,
  PostgreSQL's ``REPEATABLE READ``),
- on PostgreSQL, the narrower locks that let several hub processes import at once
  (:mod:`noodpost.storage.concurrency` says what they guard and why that is enough): a
  *shared* writer takes :data:`WRITE_LOCK` in shared mode, and then the lock of the post whose
  bundle it imports (:func:`lock_post`) or of the audit chain (:func:`lock_audit`),
- the checks of a database (``PRAGMA quick_check``/``integrity_check``; on PostgreSQL, which
  checks its own pages, a read of every table),
- the change counter the GUI polls (:func:`change_marker`), and on PostgreSQL the push that
  makes polling unneeded: every write transaction NOTIFYs :data:`CHANGE_CHANNEL`, delivered
  when (and only when) it commits, to every :class:`ChangeListener` (several operator
  workstations on one hub database).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Dialect,
    Engine,
    Integer,
    create_engine,
    event,
    inspect,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.functions import FunctionElement

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

BUSY_TIMEOUT_MS = 15_000

#: The key of PostgreSQL's transaction-scoped advisory lock every write transaction takes
#: first: the equivalent of SQLite's ``BEGIN IMMEDIATE`` (one writer at a time, the others
#: wait up to :data:`BUSY_TIMEOUT_MS`). Advisory locks are per database, so two Noodpost
#: databases in one PostgreSQL server do not wait for each other. ("NOOD" in ASCII.)
WRITE_LOCK = 0x4E4F4F44

#: The class of the per-post import locks (``pg_advisory_xact_lock(class, key)``: the two-key
#: form, whose keys never meet the one-key form's :data:`WRITE_LOCK`). ("NPOS" in ASCII.)
POST_LOCK_CLASS = 0x4E504F53
#: The audit chain's lock (one key), taken by every append: ("NAUD" in ASCII).
AUDIT_LOCK = 0x4E415544
#: The value of the ``write`` execution option of a shared writer (see :func:`_pg_on_begin`).
SHARED = "shared"

#: The channel on which every PostgreSQL write transaction announces its commit (LISTEN/NOTIFY).
CHANGE_CHANNEL = "noodpost"

#: The execution option that holds an engine's own NOTIFY payload, so a listener can tell its
#: own process's commits from those of others.
CHANGE_TOKEN = "noodpost_change_token"

#: How many problems a quick check lists at most.
QUICK_CHECK_ROWS = 10


def is_url(location: str | Path) -> bool:
    """Whether ``location`` names a database server (``postgresql://…``) rather than a file."""
    return isinstance(location, str) and location.startswith("postgresql")


def server_url(location: str) -> str:
    """The SQLAlchemy URL for a PostgreSQL location: ``postgresql://`` means psycopg 3."""
    url = make_url(location)
    if url.drivername == POSTGRESQL:
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername != "postgresql+psycopg":
        raise ValueError(f"unsupported PostgreSQL driver {url.drivername!r} (use psycopg)")
    return url.render_as_string(hide_password=False)


def make_engine(location: Path | str) -> Engine:
    """An engine for a SQLite file (a path) or a PostgreSQL database (a URL), set up for
    Noodpost: the connection settings and the way transactions begin (see the module text).

    ``hide_parameters``: a failed statement's message (in a log or a crash dialog) never
    carries the values it tried to save — names, birth years.
    """
    if is_url(location):
        engine = create_engine(
            server_url(str(location)),
            hide_parameters=True,
            pool_pre_ping=True,
            # A writer waits at most as long for the write lock as SQLite's busy timeout.
            connect_args={"options": f"-c lock_timeout={BUSY_TIMEOUT_MS}"},
        )
        event.listen(engine, "begin", _pg_on_begin)
        engine.update_execution_options(**{CHANGE_TOKEN: secrets.token_hex(8)})
        event.listen(engine, "begin", _pg_notify_on_begin)
        return engine
    engine = create_engine(f"sqlite:///{location}", hide_parameters=True)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy's "begin" hook decide how transactions start (see _sqlite_on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted and overwritten content is zeroed, not left in free space: once retention has
    # anonymised a name it is gone from the file, whatever SQLite build this is.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    # Writers take the write lock up front (BEGIN IMMEDIATE): two deferred transactions that
    # both upgrade to writing would otherwise fail at once instead of waiting their turn.
    mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _pg_on_begin(conn: Connection) -> None:
    # psycopg has opened the transaction; this is its first statement. A writer waits for the
    # write lock (released by COMMIT or ROLLBACK) and then, in READ COMMITTED, every statement
    # sees what the writers before it committed: like BEGIN IMMEDIATE. A reader reads one
    # snapshot, as a deferred SQLite transaction does.
    # A shared writer (an import, an audit line) takes it in shared mode: beside the others,
    # never beside an exclusive one; it then takes its narrower lock (lock_post, lock_audit).
    mode = conn.get_execution_options().get("write")
    if mode == SHARED:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({WRITE_LOCK})")
    elif mode:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
    else:
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


def lock_post(conn: Connection, post_code: str) -> None:
    """PostgreSQL: wait for (and hold until the transaction ends) the import lock of the post
    ``post_code``: the bundles of one post are applied one after the other. A hash clash of
    two codes only makes their imports wait for each other. SQLite: nothing (its one writer
    holds the whole file)."""
    if conn.dialect.name == POSTGRESQL:
        conn.exec_driver_sql(
            f"SELECT pg_advisory_xact_lock({POST_LOCK_CLASS}, hashtext(%s))", (post_code,)
        )


def lock_audit(conn: Connection) -> None:
    """PostgreSQL: wait for (and hold until the transaction ends) the audit chain's lock, so
    two shared writers never give two lines the same number. SQLite: nothing."""
    if conn.dialect.name == POSTGRESQL:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({AUDIT_LOCK})")


def _pg_notify_on_begin(conn: Connection) -> None:
    # A writer announces itself on CHANGE_CHANNEL. PostgreSQL holds a NOTIFY until the
    # transaction commits and drops it on a rollback, so listeners hear of every commit —
    # an imported bundle, an acknowledgement — the moment it is visible, and of nothing else.
    options = conn.get_execution_options()
    if options.get("write"):
        conn.exec_driver_sql(
            "SELECT pg_notify(%s, %s)", (CHANGE_CHANNEL, str(options.get(CHANGE_TOKEN, "")))
        )


def change_token(engine: Engine) -> str:
    """The payload this engine's write transactions NOTIFY (see :class:`ChangeListener`)."""
    return str(engine.get_execution_options().get(CHANGE_TOKEN, ""))


class ChangeListener:
    """A PostgreSQL connection of its own that LISTENs on :data:`CHANGE_CHANNEL`: told of
    every write that another engine (another process, another workstation) committed.

    Used from one thread at a time; :meth:`wait` connects on first use and after
    :meth:`close`. The connection is the engine's URL, outside its pool (a LISTEN belongs to
    one session, kept open for as long as it listens).
    """

    def __init__(self, engine: Engine) -> None:
        self._conninfo = engine.url.set(drivername=POSTGRESQL).render_as_string(hide_password=False)
        self._own = change_token(engine)
        self._conn: Any = None

    def connect(self) -> bool:
        """Connect and LISTEN unless already listening; whether it connected just now (what
        was committed before then was not heard).

        Raises:
            psycopg.Error: the server cannot be reached.
        """
        if self._conn is not None:
            return False
        import psycopg  # noqa: PLC0415 — only a hub on PostgreSQL needs the driver

        conn = psycopg.connect(self._conninfo, autocommit=True)
        try:
            conn.execute(f"LISTEN {CHANGE_CHANNEL}")
        except psycopg.Error:
            conn.close()
            raise
        self._conn = conn
        return True

    def wait(self, timeout_s: float) -> bool:
        """Wait at most ``timeout_s`` for commits; whether one of another engine arrived.

        Raises:
            psycopg.Error: the server cannot be reached or the connection was lost (the
                listener is closed; the next call connects again).
        """
        import psycopg  # noqa: PLC0415 — only a hub on PostgreSQL needs the driver

        self.connect()
        try:
            payloads = [n.payload for n in self._conn.notifies(timeout=timeout_s, stop_after=1)]
            if payloads:  # and whatever else came with it
                payloads += [n.payload for n in self._conn.notifies(timeout=0.01)]
        except psycopg.Error:
            self.close()
            raise
        return any(payload != self._own for payload in payloads)

    def close(self) -> None:
        """Stop listening (the connection closes)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


def table_exists(conn: Connection, name: str) -> bool:
    """Whether the database has a table ``name``."""
    return bool(inspect(conn).has_table(name))


def quick_check(conn: Connection) -> str:
    """``"ok"``, or the first problems found (one per line).

    SQLite: ``PRAGMA quick_check``. PostgreSQL checks its own pages (WAL, checksums where
    the cluster has them) and has no such pragma: the server answers and holds the schema.
    """
    if conn.dialect.name == SQLITE:
        rows = conn.exec_driver_sql(f"PRAGMA quick_check({QUICK_CHECK_ROWS})").all()
        return "\n".join(str(row[0]) for row in rows)
    try:
        conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError as failed:
        return str(failed.orig or failed)
    return "ok"


def integrity_check(conn: Connection) -> str:
    """``"ok"``, or what was found wrong.

    SQLite: ``PRAGMA integrity_check``. PostgreSQL: every table is read through once (a page
    it cannot read or whose checksum fails is an error then), per table, the problems listed.
    """
    if conn.dialect.name == SQLITE:
        return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
    problems: list[str] = []
    for table in sorted(inspect(conn).get_table_names()):
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
        except DBAPIError as failed:
            problems.append(f"{table}: {failed.orig or failed}")
    return "\n".join(problems[:QUICK_CHECK_ROWS]) or "ok"


def change_marker(conn: Connection) -> int:
    """PostgreSQL's stand-in for SQLite's ``PRAGMA data_version``: a number that changes
    whenever a writing transaction starts or ends anywhere in the server.

    It is the current snapshot (the oldest running transaction, the next transaction id and
    the ones in progress): another process's commit always changes it. It also changes for
    writes in the server's other databases and for the server's own housekeeping, so a
    change may be nobody's — the caller then refreshes once for nothing; a change is never
    missed.
    """
    snapshot = str(conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar())
    xmin, xmax, running = snapshot.split(":")
    return hash((int(xmin), int(xmax), tuple(int(x) for x in running.split(",") if x)))


def server_identity(engine: Engine) -> str:
    """Where a PostgreSQL database lives: the server's system identifier (made by ``initdb``,
    kept by replicas) and the database's name. The same from every machine that connects."""
    with engine.connect() as conn:
        system = conn.exec_driver_sql("SELECT system_identifier FROM pg_control_system()").scalar()
        name = conn.exec_driver_sql("SELECT current_database()").scalar()
    return f"postgresql:{system}/{name}"


def placeholder(conn: Connection | Any) -> str:
    """The DB-API parameter mark for ``exec_driver_sql`` with tuples: ``?`` or ``%s``."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


@contextmanager
def roomy_cache(conn: Connection, kib: int) -> Iterator[None]:
    """SQLite: a page cache of ``kib`` KiB on this connection for one bulk operation, then
    its own again. PostgreSQL: nothing (its buffers are the server's)."""
    if conn.dialect.name != SQLITE:
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


def bind_processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """How a value of ``column`` is turned into a driver parameter for ``exec_driver_sql``.

    SQLAlchemy's own processor where it has one (SQLite's JSON text, for one). psycopg binds
    JSON itself inside the ORM, and has none: a raw statement gets the JSON text here and
    casts it (:func:`value_mark`).
    """
    process: Callable[[Any], Any] | None = column.type.bind_processor(dialect)
    if process is None and dialect.name == POSTGRESQL and isinstance(column.type, JSON):
        return json.dumps
    return process


def value_mark(column: Column[Any], dialect: Dialect) -> str:
    """The parameter mark for one value of ``column`` in a raw statement (with its cast)."""
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    if dialect.name == POSTGRESQL and isinstance(column.type, JSON):
        return f"CAST({mark} AS JSON)"
    return mark


def shown_url(url: str) -> str:
    """A database URL as it may be printed or logged: its password, if any, as ``***``."""
    return make_url(url).render_as_string(hide_password=True)


class json_list_length(FunctionElement[int]):  # noqa: N801 — used like a SQL function
    """How many items a JSON list column holds; 0 for SQL NULL, JSON ``null`` or a non-list.

    SQLite's ``json_array_length`` gives 0 for a non-list; PostgreSQL's refuses one (an error
    for the whole query), so there it only counts what is a list.
    """

    type = Integer()
    inherit_cache = True
    name = "json_list_length"


@compiles(json_list_length)
def _json_list_length_sqlite(element: json_list_length, compiler: Any, **kw: Any) -> str:
    return f"coalesce(json_array_length({compiler.process(element.clauses, **kw)}), 0)"


@compiles(json_list_length, POSTGRESQL)
def _json_list_length_pg(element: json_list_length, compiler: Any, **kw: Any) -> str:
    value = compiler.process(element.clauses, **kw)
    return f"CASE WHEN json_typeof({value}) = 'array' THEN json_array_length({value}) ELSE 0 END"


def vacuum(engine: Engine) -> None:
    """PostgreSQL: ``VACUUM`` this database, outside a transaction (as it must run), so the
    row versions that updates and deletes left behind are removed from its tables."""
    raw: Any = engine.raw_connection()
    try:
        driver = raw.driver_connection
        driver.rollback()
        driver.autocommit = True
        try:
            driver.execute("VACUUM")
        finally:
            driver.autocommit = False
    finally:
        raw.close()
