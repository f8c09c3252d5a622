"""PostgreSQL as the database of a hub: what differs from SQLite, against a real server.

The rest of the storage suite runs on both engines (``engine_name``); these tests are about
what only PostgreSQL has to get right: the schema from the same migrations, one writer at a
time across processes, and a copied database recognised as a copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from pg import PgServer
from sqlalchemy import func, select
from support import make_node

from noodpost.core.clock import FixedClock
from noodpost.core.errors import DatabaseError
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import SCHEMA_HEAD, current_revision, open_database
from noodpost.storage.models import Base, Event, Household
from noodpost.storage.node import check_home, load_node

WRITER = Path(__file__).with_name("pg_writer.py")


def test_the_migrations_give_the_models_schema_on_postgresql(pg_server: PgServer) -> None:
    """The same migrations as SQLite's: every table, the head stamped, no diff with the
    models (types included: 64-bit clocks, booleans, JSON)."""
    url = pg_server.fresh()
    db = open_database(url)
    try:
        assert current_revision(db.engine) == SCHEMA_HEAD
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            hlc_type = conn.exec_driver_sql(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_name = 'event' AND column_name = 'hlc'"
            ).scalar()
        assert diff == []
        assert hlc_type == "bigint"
        assert db.quick_check() == "ok"
        assert db.integrity_check() == "ok"
    finally:
        db.close()
        pg_server.drop(url)


def test_a_database_from_a_newer_version_is_refused_on_postgresql(pg_server: PgServer) -> None:
    url = pg_server.fresh()
    db = open_database(url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    db.close()
    try:
        with pytest.raises(DatabaseError, match="nieuwere versie van Noodpost"):
            open_database(url)
    finally:
        pg_server.drop(url)


def test_an_unreachable_server_is_said_in_dutch(pg_server: PgServer) -> None:
    missing = pg_server.url("bestaat_niet")
    with pytest.raises(DatabaseError, match=r"kan de PostgreSQL-database .* niet bereiken"):
        open_database(missing)


def test_two_writer_processes_never_share_or_skip_a_sequence_number(
    pg_server: PgServer, tmp_path: Path, clock: FixedClock
) -> None:
    """Real processes writing at once: each write takes the node's next ``seq`` and clock
    under the write lock, so no event is lost, none is numbered twice, none is skipped."""
    url = pg_server.fresh()
    db = make_node(tmp_path / "hub", clock, role="hub", code="GR-9000", database=url)
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(Event)) or 0
    writers, each = 3, 40
    start_at = time.time() + 3.0
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), url, str(each), str(start_at)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(writers)
    ]
    outcomes = [proc.communicate(timeout=300) for proc in procs]
    try:
        for proc, (out, err) in zip(procs, outcomes, strict=True):
            assert proc.returncode == 0, err.decode(errors="replace")[-2000:]
            assert out.decode().strip() == str(each)
        with db.read() as session:
            node = load_node(session)
            assert node is not None
            seqs = list(
                session.scalars(
                    select(Event.seq)
                    .where(Event.origin == node.node_id, Event.incarnation == node.incarnation)
                    .order_by(Event.seq)
                )
            )
            households = session.scalar(select(func.count()).select_from(Household))
            hlcs = list(session.scalars(select(Event.hlc).order_by(Event.seq)))
        assert len(seqs) == before + writers * each
        assert seqs == list(range(1, len(seqs) + 1))  # none twice, none skipped
        assert node.next_seq == len(seqs) + 1
        assert households == writers * each
        assert hlcs == sorted(set(hlcs))  # the clock only went forward, never repeated
    finally:
        db.close()
        pg_server.drop(url)


def test_a_copied_database_gets_a_new_incarnation_on_postgresql(
    pg_server: PgServer, tmp_path: Path, clock: FixedClock
) -> None:
    """A copy on the server (``CREATE DATABASE … TEMPLATE``, or a restore elsewhere) starts a
    new incarnation, so no ``seq`` is used twice; the original stays itself — from whatever
    machine it is opened."""
    url = pg_server.fresh()
    db = make_node(tmp_path / "hub", clock, role="hub", code="GR-9000", database=url)
    IntakeService(ServiceContext(db, clock)).register(size=2)
    with db.read() as session:
        node = load_node(session)
        assert node is not None
        old = node.incarnation
    db.close()
    copy_url = pg_server.copy(url)
    original, copy = open_database(url), open_database(copy_url)
    try:
        assert not check_home(original)
        assert check_home(copy)
        with copy.read() as session:
            moved = load_node(session)
            assert moved is not None
            assert (moved.incarnation != old, moved.next_seq) == (True, 1)
    finally:
        original.close()
        copy.close()
        pg_server.drop(url)
        pg_server.drop(copy_url)
