"""Moving a hub's SQLite database into PostgreSQL (``noodpost hub migrate``): the mechanics.

Every table of the schema is copied, parents before children (the order of the foreign
keys), in chunks of Core ``INSERT … VALUES`` — not through the ORM, which is twenty times
slower for the same rows — into one PostgreSQL transaction: all of it arrives or nothing.
JSON columns travel as their stored text, so SQL ``NULL`` stays ``NULL`` and JSON ``null``
stays ``null``. PostgreSQL's sequences (the integer keys it numbers itself) are set past the
copied rows, and before the commit the copy is compared with its source by
:func:`database_digest` and its audit chain is checked.

The source is read inside a SQLite write transaction (``BEGIN IMMEDIATE``): one consistent
snapshot, write-ahead log included, and no other writer between the first table and the last.

The words for the operator are the command's (:mod:`noodpost.commands.migrate`); what goes
wrong here is said by the exceptions below.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    Table,
    Text,
    bindparam,
    cast,
    func,
    insert,
    select,
    type_coerce,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from noodpost.storage.audit import verify_chain
from noodpost.storage.dialect import POSTGRESQL
from noodpost.storage.models import Base

#: Rows per ``INSERT``: large enough that a round trip carries many rows, small enough that
#: a chunk of pending bundles (whole bundles as bytes) stays a few megabytes.
CHUNK_ROWS = 2_000

#: Rows are read in chunks (a server-side cursor on PostgreSQL), never all held at once.
STREAMED: dict[str, Any] = {"stream_results": True, "max_row_buffer": CHUNK_ROWS}

#: Tables that may be in an empty target besides Noodpost's own: Alembic's version stamp.
ALEMBIC_TABLE = "alembic_version"


class MoveProblem(Exception):
    """The move did not happen; the target database was left as it was."""


class TargetInUse(MoveProblem):
    """The target database holds rows, or tables that are not Noodpost's."""

    def __init__(self, tables: list[str]) -> None:
        super().__init__(", ".join(tables))
        self.tables = tables


class CopyDiffers(MoveProblem):
    """The copy's digest is not the source's: nothing was committed."""


class AuditChainBroken(MoveProblem):
    """The copied audit chain does not verify: nothing was committed."""


@dataclass
class MoveReport:
    """What :func:`copy_database` did: rows per table, the digest on both sides, seconds."""

    rows: dict[str, int] = field(default_factory=dict)
    digest: str = ""
    sequences: list[str] = field(default_factory=list)
    audit_entries: int = 0
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """Every table of the schema, parents before the tables that refer to them."""
    return list(Base.metadata.sorted_tables)


def held_open_elsewhere(path: Path) -> bool:
    """Whether another process has the SQLite database at ``path`` open (a running window
    or ``hub serve``): SQLite's connections in WAL mode each hold a shared lock on one byte
    of the ``-shm`` file for as long as they are open (its "dead man switch").

    Call this before this process opens the database itself: POSIX locks belong to the
    process, and closing the probe's descriptor would drop this process's own locks on the
    file. Where the locks cannot be probed (not POSIX) this answers False.
    """
    shm = path.with_name(path.name + "-shm")
    if os.name != "posix" or not shm.exists():
        return False
    import fcntl  # noqa: PLC0415 — POSIX only

    dead_man_switch = 128  # WALINDEX_LOCK_OFFSET + SQLITE_SHM_NLOCK: see SQLite's os_unix.c
    fd = os.open(shm, os.O_RDWR)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, dead_man_switch)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, dead_man_switch)
        return False
    finally:
        os.close(fd)


def occupied_tables(conn: Connection) -> list[str]:
    """What makes a target database not empty: its tables that hold rows, and tables that are
    not Noodpost's. An empty list: nothing there, or only Noodpost's empty schema."""
    ours = {table.name for table in tables()} | {ALEMBIC_TABLE}
    present = set(sa_inspect(conn).get_table_names())
    found = sorted(present - ours)
    for table in tables():
        if table.name in present and conn.execute(select(table).limit(1)).first() is not None:
            found.append(table.name)
    return found


def _canonical(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return value


def database_digest(conn: Connection) -> str:
    """SHA-256 over every row of every table, in key order: the same on SQLite and on
    PostgreSQL for the same rows (JSON compared as values, bytes as hex). Streamed."""
    digest = hashlib.sha256()
    for table in tables():
        digest.update(table.name.encode())
        order = list(table.primary_key.columns)
        rows = select(table).order_by(*order).execution_options(**STREAMED)
        for row in conn.execute(rows).mappings():
            values = {key: _canonical(value) for key, value in row.items()}
            digest.update(json.dumps(values, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _json_columns(table: Table) -> list[str]:
    return [column.name for column in table.columns if isinstance(column.type, JSON)]


def copy_table(source: Connection, target: Connection, table: Table) -> int:
    """Copy every row of ``table``, in chunks of :data:`CHUNK_ROWS`; the number of rows."""
    as_text = set(_json_columns(table))
    columns = [
        type_coerce(column, Text).label(column.name) if column.name in as_text else column
        for column in table.columns
    ]
    statement = insert(table)
    if as_text:
        statement = statement.values(
            {name: cast(bindparam(name, type_=Text), JSON) for name in sorted(as_text)}
        )
    order = list(table.primary_key.columns)
    result = source.execute(select(*columns).order_by(*order).execution_options(**STREAMED))
    copied = 0
    for chunk in result.mappings().partitions(CHUNK_ROWS):
        target.execute(statement, [dict(row) for row in chunk])
        copied += len(chunk)
    return copied


def reset_sequences(conn: Connection) -> list[str]:
    """PostgreSQL: set the sequence behind each self-numbered key past its table's highest
    value (rows copied with their numbers leave it at 1). The sequences set."""
    if conn.dialect.name != POSTGRESQL:
        return []
    done: list[str] = []
    for table in tables():
        for column in table.primary_key.columns:
            sequence = conn.execute(
                select(func.pg_get_serial_sequence(table.name, column.name))
            ).scalar()
            if sequence is None:
                continue
            highest = conn.execute(select(func.max(column))).scalar()
            conn.execute(
                select(func.setval(sequence, (highest or 0) + 1, False))  # next value
            )
            done.append(str(sequence))
    return done


def copy_database(source: Connection, target: Connection) -> MoveReport:
    """Copy every table from ``source`` to ``target`` inside the callers' transactions, then
    set the sequences, compare the digests and verify the audit chain on the copy.

    The caller commits ``target`` only when this returns.

    Raises:
        TargetInUse: the target is not empty.
        CopyDiffers: the copy's digest differs from the source's.
        AuditChainBroken: the copied audit chain does not verify.
    """
    started = time.perf_counter()
    occupied = occupied_tables(target)
    if occupied:
        raise TargetInUse(occupied)
    report = MoveReport()
    for table in tables():
        report.rows[table.name] = copy_table(source, target, table)
    report.sequences = reset_sequences(target)
    before, after = database_digest(source), database_digest(target)
    if before != after:
        raise CopyDiffers(f"{before} != {after}")
    report.digest = after
    with Session(bind=target) as session:
        checked, broken = verify_chain(session)
    if broken is not None:
        raise AuditChainBroken(f"{broken.entry_id}: {broken.reason}")
    report.audit_entries = checked
    report.seconds = time.perf_counter() - started
    return report
