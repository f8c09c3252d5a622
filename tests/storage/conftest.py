"""The storage suite runs on both engines: SQLite files and PostgreSQL databases."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import make_node

from noodpost.core.clock import FixedClock
from noodpost.storage.engine import Database


@pytest.fixture
def db(
    tmp_path: Path, clock: FixedClock, database_at: Callable[[], str | None]
) -> Iterator[Database]:
    database = make_node(tmp_path / "post", clock, database=database_at())
    yield database
    database.close()


@pytest.fixture
def another_node(
    tmp_path: Path, clock: FixedClock, database_at: Callable[[], str | None]
) -> Iterator[Callable[..., Database]]:
    made: list[Database] = []

    def make(folder: str, **kwargs: object) -> Database:
        database = make_node(tmp_path / folder, clock, database=database_at(), **kwargs)  # type: ignore[arg-type]
        made.append(database)
        return database

    yield make
    for database in made:
        database.close()
