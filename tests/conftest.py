"""Shared fixtures: a real SQLite file in tmp_path, an initialised post, an injectable clock."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pg import PgServer, pg_server_session
from support import POST_CODE, make_node

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import count_events

__all__ = ["POST_CODE"]


@pytest.fixture(autouse=True)
def keep_umask() -> Iterator[None]:
    """The GUI and the hub server set the process's umask to 077; put pytest's back."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real PostgreSQL server, started the first time a test asks for it (tests/pg.py)."""
    with pg_server_session() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_name(request: pytest.FixtureRequest) -> str:
    """Each test that uses it runs twice: on a SQLite file and on a PostgreSQL database. A
    test marked ``sqlite_only`` (it is about the file) runs on SQLite only."""
    if request.param == "postgresql" and request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about the SQLite file itself")
    return str(request.param)


@pytest.fixture
def database_at(
    engine_name: str, request: pytest.FixtureRequest
) -> Iterator[Callable[[], str | None]]:
    """Where a node's database goes: ``None`` (the file in its data folder) on SQLite, a fresh
    database's URL on PostgreSQL (dropped after the test)."""
    if engine_name == "sqlite":
        yield lambda: None
        return
    server: PgServer = request.getfixturevalue("pg_server")
    made: list[str] = []

    def fresh() -> str:
        made.append(server.fresh())
        return made[-1]

    yield fresh
    for url in made:
        server.drop(url)


@pytest.fixture
def clock() -> FixedClock:
    """Saturday 28 November 2026, 10:00 in the Netherlands (09:00 UTC)."""
    return FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))


@pytest.fixture
def db(tmp_path: Path, clock: FixedClock) -> Iterator[Database]:
    database = make_node(tmp_path / "post", clock)
    yield database
    database.close()


@pytest.fixture
def ctx(db: Database, clock: FixedClock) -> ServiceContext:
    return ServiceContext(db, clock)


@pytest.fixture
def event_count(ctx: ServiceContext) -> Callable[[], int]:
    """How many events the node holds — to check that a refusal wrote nothing."""

    def count() -> int:
        with ctx.read() as session:
            return count_events(session)

    return count


@pytest.fixture
def another_node(tmp_path: Path, clock: FixedClock) -> Iterator[Callable[..., Database]]:
    """Make more nodes in this test: ``another_node("hub", role="hub", code="GR-9000")``."""
    made: list[Database] = []

    def make(folder: str, **kwargs: object) -> Database:
        database = make_node(tmp_path / folder, clock, **kwargs)  # type: ignore[arg-type]
        made.append(database)
        return database

    yield make
    for database in made:
        database.close()
