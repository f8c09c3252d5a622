"""The locks of a PostgreSQL hub's writers (noodpost/storage/concurrency.py), on a real server:
shared writers beside each other, one post's imports one after the other, an exclusive writer
alone; a transaction the server gave up on is run again, other failures are not."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg import PgServer
from sqlalchemy.exc import DBAPIError
from support import make_node

from noodpost.core.clock import FixedClock
from noodpost.storage.concurrency import retrying
from noodpost.storage.dialect import lock_post
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import merge_clock
from noodpost.storage.node import require_node

HELD_S = 0.6


@pytest.fixture
def pg_db(pg_server: PgServer) -> Iterator[Database]:
    url = pg_server.fresh()
    db = open_database(url, migrate_schema=False)
    yield db
    db.close()
    pg_server.drop(url)


def _hold(db: Database, started: threading.Event, *, shared: bool, post: str | None) -> None:
    with db.write(shared=shared) as session:
        connection = session.connection()  # the transaction begins: the write lock is taken
        if post is not None:
            lock_post(connection, post)
        started.set()
        time.sleep(HELD_S)


def _waited(db: Database, *, shared: bool, post: str | None, first: dict[str, object]) -> float:
    """How long a second writer waits while a first one (``first``) holds its locks."""
    started = threading.Event()
    holder = threading.Thread(target=_hold, args=(db, started), kwargs=first)
    holder.start()
    started.wait(10)
    begun = time.perf_counter()
    with db.write(shared=shared) as session:
        connection = session.connection()
        if post is not None:
            lock_post(connection, post)
    waited = time.perf_counter() - begun
    holder.join()
    return waited


def test_imports_of_two_posts_run_side_by_side(pg_db: Database) -> None:
    first = {"shared": True, "post": "GR-0100"}
    assert _waited(pg_db, shared=True, post="GR-0101", first=first) < HELD_S / 2


def test_two_imports_of_one_post_wait_for_each_other(pg_db: Database) -> None:
    first = {"shared": True, "post": "GR-0100"}
    assert _waited(pg_db, shared=True, post="GR-0100", first=first) > HELD_S / 2


def test_an_operators_write_waits_for_a_running_import(pg_db: Database) -> None:
    first = {"shared": True, "post": "GR-0100"}
    assert _waited(pg_db, shared=False, post=None, first=first) > HELD_S / 2


def test_an_import_waits_for_an_operators_write(pg_db: Database) -> None:
    first = {"shared": False, "post": None}
    assert _waited(pg_db, shared=True, post="GR-0100", first=first) > HELD_S / 2


def _fail_with(db: Database, state: str) -> None:
    with db.write() as session:
        session.connection().exec_driver_sql(
            f"DO $$ BEGIN RAISE EXCEPTION 'test' USING ERRCODE = '{state}'; END $$"
        )


@pytest.mark.parametrize("state", ["40001", "40P01"])
def test_a_transaction_the_server_gave_up_on_is_run_again(pg_db: Database, state: str) -> None:
    tries: list[int] = []

    def work() -> str:
        tries.append(1)
        if len(tries) == 1:
            _fail_with(pg_db, state)  # serialization failure, deadlock
        return "done"

    assert retrying(work) == "done"
    assert len(tries) == 2


def test_other_failures_are_not_run_again(pg_db: Database) -> None:
    tries: list[int] = []

    def work() -> None:
        tries.append(1)
        _fail_with(pg_db, "22012")  # division by zero: the same next time

    with pytest.raises(DBAPIError):
        retrying(work)
    assert len(tries) == 1


def test_it_gives_up_after_a_few_tries(pg_db: Database) -> None:
    tries: list[int] = []

    def work() -> None:
        tries.append(1)
        _fail_with(pg_db, "40P01")

    with pytest.raises(DBAPIError):
        retrying(work, attempts=3)
    assert len(tries) == 3


def test_an_import_never_turns_the_hubs_clock_back(
    pg_server: PgServer, tmp_path: Path, clock: FixedClock
) -> None:
    """An import that read the clock before another raised it further, and commits after it,
    leaves the higher clock (merge_clock: one UPDATE on the current value, not the one read)."""
    url = pg_server.fresh()
    db = make_node(tmp_path / "hub", clock, role="hub", code="GR-9000", database=url)
    try:
        with db.write(shared=True) as session:
            node = require_node(session)  # read now: the other import has not committed yet
            start = node.hlc
            with db.write(shared=True) as other:
                merge_clock(other, require_node(other), start + 100)
            merge_clock(session, node, start + 50)
        with db.read() as session:
            assert require_node(session).hlc == start + 100
    finally:
        db.close()
        pg_server.drop(url)
