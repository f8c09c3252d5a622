"""The idle lock: after the idle time the window is covered; a PIN unlocks it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import FAST_HASHER

from noodpost.gui.context import AppContext
from noodpost.gui.idle_lock import IdleLock
from noodpost.gui.main_window import MainWindow
from noodpost.services.volunteers import VolunteersService

pytestmark = pytest.mark.gui

ANNA_PIN = "2468"  # from the app_context fixture
BERT_PIN = "13579"


class IdleClock:
    """Seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def idle_clock() -> IdleClock:
    return IdleClock()


@pytest.fixture
def lock(
    main_window: MainWindow, app_context: AppContext, idle_clock: IdleClock
) -> Iterator[IdleLock]:
    made = IdleLock(
        app_context,
        main_window,
        idle_clock=idle_clock,
        check_interval_ms=10,
        on_change=main_window.status_line.refresh,
    )
    made.install()
    yield made
    made.uninstall()


def volunteer_text(window: MainWindow) -> str:
    """The status line's volunteer, once what it read has arrived."""
    runner = window.app.runner
    deadline = time.monotonic() + 5
    while runner.pending and time.monotonic() < deadline:
        QApplication.processEvents()
    return window.status_line.volunteer.text()


def test_the_screen_locks_after_the_idle_time_and_signs_out(
    qtbot: QtBot, lock: IdleLock, idle_clock: IdleClock, main_window: MainWindow
) -> None:
    assert app_minutes(lock) == 5  # the default
    idle_clock.now += 4 * 60 + 59
    qtbot.wait(50)
    assert not lock.is_locked

    idle_clock.now += 1
    qtbot.waitUntil(lambda: lock.is_locked, timeout=2_000)

    screen = lock.lock_screen
    assert screen is not None
    assert screen.isVisible()
    assert screen.geometry().contains(main_window.geometry().center())
    assert "vergrendeld" in screen.findChild(type(screen.panel.countdown), "lock_heading").text()
    assert lock.app.services.ctx.actor is None
    assert volunteer_text(main_window) == "niet ingelogd"
    assert screen.panel.chosen_id() is not None  # the one who was signed in is chosen


def test_input_restarts_the_idle_time(
    qtbot: QtBot, lock: IdleLock, idle_clock: IdleClock, main_window: MainWindow
) -> None:
    idle_clock.now += 4 * 60
    qtbot.keyClick(main_window.nav, Qt.Key.Key_Down)
    assert lock.idle_seconds() == 0
    idle_clock.now += 4 * 60
    qtbot.wait(50)
    assert not lock.is_locked


def test_the_same_volunteer_unlocks_with_the_pin(
    qtbot: QtBot, lock: IdleLock, main_window: MainWindow, app_context: AppContext
) -> None:
    lock.lock()
    screen = lock.lock_screen
    assert screen is not None
    panel = screen.panel

    qtbot.keyClicks(panel.pin, "1111")
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)
    assert lock.is_locked
    assert "Pincode onjuist" in panel.message.text()

    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert lock.is_locked  # Escape does not unlock
    screen.close()
    assert screen.isVisible()  # nor does closing

    qtbot.keyClicks(panel.pin, ANNA_PIN)
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)

    assert not lock.is_locked
    assert not screen.isVisible()
    assert volunteer_text(main_window) == "Anna Dijkstra (coördinator)"
    assert app_context.services.logbook.add("Weer aan het werk").author == "Anna Dijkstra"


def test_another_volunteer_unlocks_and_becomes_the_author(
    qtbot: QtBot, lock: IdleLock, main_window: MainWindow, app_context: AppContext
) -> None:
    volunteers = VolunteersService(app_context.services.ctx, hasher=FAST_HASHER)
    volunteers.add_volunteer("Bert de Vries", "volunteer", BERT_PIN)
    lock.lock()
    screen = lock.lock_screen
    assert screen is not None
    screen.panel.reload()

    assert screen.panel.select_name("Bert de Vries")
    qtbot.keyClicks(screen.panel.pin, BERT_PIN)
    qtbot.mouseClick(screen.panel.button, Qt.MouseButton.LeftButton)

    assert not lock.is_locked
    assert volunteer_text(main_window) == "Bert de Vries (vrijwilliger)"
    assert app_context.services.logbook.add("Dienst overgenomen").author == "Bert de Vries"


def test_a_changed_idle_time_counts_at_once(
    qtbot: QtBot, lock: IdleLock, idle_clock: IdleClock, app_context: AppContext
) -> None:
    app_context.settings.idle_lock_minutes = 1
    idle_clock.now += 60
    qtbot.waitUntil(lambda: lock.is_locked, timeout=2_000)


def app_minutes(lock: IdleLock) -> int:
    return int(lock.app.settings.idle_lock_minutes)
