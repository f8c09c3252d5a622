"""GUI fixtures: a real post (SQLite file) with a signed-in coordinator, and its AppContext."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from nodekit import close_context, hub_context
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import FAST_HASHER
from test_translations import build_qm

from noodpost.app import build_context, build_main_window
from noodpost.config import resources_dir
from noodpost.core.clock import FixedClock
from noodpost.gui.application import create_application
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.translations import install_translators, remove_translators
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database
from noodpost.sync.keys import create_keys

COORDINATOR_PIN = "2468"


@pytest.fixture(scope="session", autouse=True)
def dutch_plurals(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The Dutch plural forms compiled and installed, as ``noodpost`` does at start: a test sees
    '1 bericht' and '2 berichten', not the source text's '%n bericht(en)'."""
    folder = tmp_path_factory.mktemp("qm")
    ts = resources_dir() / "translations" / "noodpost_nl.ts"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    qm = folder / "noodpost_nl.qm"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator(qapp)
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture(scope="session")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both catalogues compiled once for the run (what ``make qm`` does)."""
    return build_qm(tmp_path_factory.mktemp("qm"))


@pytest.fixture
def language(request: pytest.FixtureRequest, compiled: Path) -> Iterator[str]:
    """The language a test names (``parametrize("language", […], indirect=True)``), installed
    as ``noodpost`` installs it, and removed after."""
    app = QApplication.instance()
    assert app is not None
    chosen: str = request.param
    translators: list[QTranslator] = install_translators(app, chosen, compiled)
    yield chosen
    remove_translators(app, translators)


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
