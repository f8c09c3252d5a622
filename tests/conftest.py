"""Shared fixtures: a real SQLite file in tmp_path, an initialised post, an injectable clock."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
