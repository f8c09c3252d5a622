"""PostgreSQL pushes every commit to the workstations (LISTEN/NOTIFY), against a real server.

A write transaction NOTIFYs in the same transaction, so a listener hears of it when — and only
when — it commits; an engine's own commits are told apart from others'. The feed that the GUI
runs on a thread listens again after a lost connection and then reports a change once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg import PgServer
from support import make_node

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.services.change_feed import ChangeFeed
from noodpost.storage.dialect import ChangeListener
from noodpost.storage.engine import Database, open_database
from noodpost.storage.models import Node

HUB = {"role": "hub", "code": "GR-9000", "name": "C-NSP Groningen"}


@pytest.fixture
def two(
    tmp_path: Path, clock: FixedClock, pg_server: PgServer
) -> Iterator[tuple[Database, Database]]:
    """One hub database, opened twice: two workstations (or a workstation and the server)."""
    url = pg_server.fresh()
    first = make_node(tmp_path / "hub", clock, database=url, **HUB)  # type: ignore[arg-type]
    second = open_database(url)
    try:
        yield first, second
    finally:
        first.close()
        second.close()
        pg_server.drop(url)


def _write(db: Database, _clock: FixedClock, name: str = "C-NSP Groningen-Noord") -> None:
    """A write transaction that commits."""
    with db.write() as session:
        node = session.get(Node, 1)
        assert node is not None
        node.name = name


def _half_done(db: Database) -> None:
    """A write transaction that changes a row and then fails: rolled back."""
    with db.write() as session:
        node = session.get(Node, 1)
        assert node is not None
        node.name = "Half"
        session.flush()
        raise RuntimeError("half done")


def test_a_commit_elsewhere_is_heard_and_ones_own_is_not(
    two: tuple[Database, Database], clock: FixedClock
) -> None:
    mine, other = two
    listener = ChangeListener(mine.engine)
    try:
        assert listener.wait(0.05) is False  # connects and listens: nothing yet
        started = time.monotonic()
        _write(other, clock)
        assert listener.wait(2.0) is True
        assert time.monotonic() - started < 1.0
        _write(mine, clock)  # this engine's own write: the window announced it already
        assert listener.wait(0.3) is False
        with mine.read() as session:  # a reader notifies nothing
            session.get(Node, 1)
        assert listener.wait(0.3) is False
    finally:
        listener.close()


def test_a_rolled_back_write_is_never_heard(
    two: tuple[Database, Database], clock: FixedClock
) -> None:
    mine, other = two
    listener = ChangeListener(mine.engine)
    try:
        listener.wait(0.05)
        with pytest.raises(RuntimeError):
            _half_done(other)
        assert listener.wait(0.5) is False
        _write(other, clock)
        assert listener.wait(2.0) is True
    finally:
        listener.close()


def test_the_feed_listens_again_after_a_lost_connection_and_reports_once(
    two: tuple[Database, Database], clock: FixedClock
) -> None:
    mine, other = two
    heard = threading.Event()
    feed = ChangeFeed(ServiceContext(mine, clock), heard.set, wait_s=0.1, retry_s=0.2)
    feed.start()
    try:
        assert feed.listening.wait(2.0)
        assert heard.wait(2.0)  # once at the start: nothing before LISTEN was heard
        heard.clear()
        _write(other, clock)
        assert heard.wait(2.0)
        heard.clear()
        with other.engine.begin() as conn:  # the server drops the feed's connection
            ended = conn.exec_driver_sql(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE query = 'LISTEN noodpost' AND pid <> pg_backend_pid()"
            ).scalar()
        assert ended == 1
        assert heard.wait(3.0)  # back: something may have been missed, so it says so
        assert feed.listening.is_set()
        heard.clear()
        _write(other, clock, "C-NSP Groningen-Zuid")
        assert heard.wait(2.0)
        assert feed.running
    finally:
        feed.stop()
    assert not feed.running


def test_only_postgresql_offers_a_feed(db: Database, clock: FixedClock, engine_name: str) -> None:
    """A SQLite file has no push: there the GUI keeps polling."""
    assert ChangeFeed.offered(ServiceContext(db, clock)) is (engine_name == "postgresql")
