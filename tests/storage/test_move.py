"""The mechanics of ``hub migrate`` (storage.move): a SQLite database copied into PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg import PgServer
from sqlalchemy import func, insert, null, select, update
from support import make_node

from noodpost.core.clock import FixedClock
from noodpost.storage import move
from noodpost.storage.engine import Database, open_database
from noodpost.storage.models import Peer, Quarantine


@pytest.fixture
def target(pg_server: PgServer) -> Iterator[Database]:
    url = pg_server.fresh()
    db = open_database(url)
    yield db
    db.close()
    pg_server.drop(url)


def peer(node_id: str) -> dict[str, object]:
    return {
        "node_id": node_id,
        "role": "post",
        "post_code": "GR-0014",
        "name": "Ten Boer",
        "signing_public_key": "a" * 64,
        "encryption_public_key": "b" * 64,
        "approved": True,
        "training": False,
        "first_seen": "2026-11-28T09:00:00Z",
        "acked_vector": [],
    }


def quarantined(seq: int) -> Quarantine:
    return Quarantine(
        origin="o", incarnation="i", seq=seq, raw="{}", reason="gat", received_at="2026"
    )


@pytest.fixture
def source(tmp_path: Path, clock: FixedClock) -> Iterator[Database]:
    db = make_node(tmp_path / "hub", clock)
    with db.write() as session:
        session.add_all([quarantined(1), quarantined(2), quarantined(3)])
        session.flush()
        session.execute(insert(Peer).values(**peer("sql-null"), addresses=null()))
        session.execute(insert(Peer).values(**peer("json-null"), addresses=None))
        session.execute(insert(Peer).values(**peer("list"), addresses=["http://hub:8765"]))
    yield db
    db.close()


def copy(source: Database, target: Database) -> move.MoveReport:
    with (
        source.engine.connect() as src,
        src.begin(),
        target.engine.connect().execution_options(write=True) as dst,
        dst.begin(),
    ):
        return move.copy_database(src, dst)


def test_every_row_arrives_json_nulls_as_they_were_and_the_sequences_move_on(
    source: Database, target: Database
) -> None:
    report = copy(source, target)
    assert report.rows["quarantine"] == 3
    assert report.rows["peer"] == 3
    assert "public.quarantine_id_seq" in report.sequences
    with source.engine.connect() as a, target.engine.connect() as b:
        assert move.database_digest(a) == move.database_digest(b) == report.digest
        for conn in (a, b):
            sql_nulls = select(Peer.node_id).where(Peer.addresses.is_(None))  # SQL NULL only
            assert list(conn.execute(sql_nulls).scalars()) == ["sql-null"]
    with target.write() as session:  # a new row is numbered after the copied ones
        session.add(quarantined(4))
        session.flush()
        assert session.scalar(select(func.max(Quarantine.id))) == 4


def test_a_target_with_rows_is_refused_and_keeps_them(source: Database, target: Database) -> None:
    copy(source, target)
    with pytest.raises(move.TargetInUse) as refused:
        copy(source, target)
    assert "node" in refused.value.tables
    with target.read() as session:
        assert session.scalar(select(func.count()).select_from(Quarantine)) == 3


def test_the_digest_sees_one_changed_value(source: Database, target: Database) -> None:
    copy(source, target)
    with target.write() as session:
        session.execute(update(Quarantine).where(Quarantine.id == 2).values(reason="anders"))
    with source.engine.connect() as a, target.engine.connect() as b:
        assert move.database_digest(a) != move.database_digest(b)
