"""GUI fixtures: a real post (SQLite file) with a signed-in coordinator, and its AppContext."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type
from nodekit import close_context, hub_context
from pytestqt.qtbot import QtBot

from noodpost.app import build_context, build_main_window
from noodpost.core.clock import FixedClock
from noodpost.gui.application import create_application
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database
from noodpost.sync.keys import create_keys

#: Argon2id with cheap parameters: the same code path, fast enough for tests.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
COORDINATOR_PIN = "2468"


@pytest.fixture
def app_context(db: Database, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """The real services on a post, with the injected clock, keys, and a coordinator signed in."""
    create_application([])  # the app's own font (12 pt), as a volunteer sees it
    data_dir = tmp_path / "post"
    create_keys(db, data_dir)
    context = build_context(db, data_dir, tmp_path / "noodpost.log")
    context.services.ctx.clock = clock
    context.services.sync.clock = clock
    volunteers = VolunteersService(context.services.ctx, hasher=FAST_HASHER)
    anna = volunteers.add_volunteer("Anna Dijkstra", "coordinator", COORDINATOR_PIN)
    volunteers.sign_in(anna.id, COORDINATOR_PIN)
    yield context
    context.runner.shutdown()


@pytest.fixture
def main_window(qtbot: QtBot, app_context: AppContext) -> MainWindow:
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def wait_idle(qtbot: QtBot, app_context: AppContext) -> Callable[[], None]:
    """Wait until the background runner has delivered every result."""

    def wait() -> None:
        qtbot.waitUntil(lambda: app_context.runner.pending == 0, timeout=10_000)

    return wait


@pytest.fixture
def hub(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A C-NSP beside the post (its own data folder and keys), for pairing and sync."""
    context = hub_context(tmp_path, clock)
    yield context
    close_context(context)
