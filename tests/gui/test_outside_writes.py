"""What another process writes shows in the open window within seconds (issue 18, item 9).

A ``noodpost sync import`` on the command line, while the window is open, changes alarms and
pairings in the same database; the window kept the old state even after F5. Here a second
connection to the same file (as another process has) raises an alarm: the open Meldingen page
shows it within a few seconds, without a key pressed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.outside_writes import COALESCE_MS, OutsideWrites
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import EVERY_KIND, ServiceContext
from noodpost.storage.engine import Database, open_database

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def other_process(app_context: AppContext) -> Iterator[Database]:
    path = app_context.services.ctx.db.path
    assert path is not None
    other = open_database(path)
    yield other
    other.close()


def test_an_alarm_raised_by_another_process_shows_without_a_key(
    qtbot: QtBot,
    main_window: MainWindow,
    other_process: Database,
    clock: FixedClock,
) -> None:
    page = main_window.show_page("Meldingen")
    assert isinstance(page, AlarmsPage)
    assert page.model.rowCount() == 0

    AlarmsService(ServiceContext(other_process, clock)).raise_alarm(
        "fire", "immediate", "Keuken, achter de zaal"
    )
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=6_000)


def test_nothing_from_outside_nothing_refreshed(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext
) -> None:
    seen: list[frozenset[str]] = []
    main_window.entities_changed.connect(seen.append)
    qtbot.wait(4_500)  # two rounds of looking
    assert seen == []
    assert not app_context.services.ctx.outside_change()


def test_a_stream_of_pushed_commits_refreshes_the_screens_while_it_lasts(
    qtbot: QtBot, app_context: AppContext
) -> None:
    """A long import on a PostgreSQL hub commits again and again: the screens are refreshed
    every moment (a new alarm among the imports shows), not only once the stream stops."""
    heard: list[frozenset[str]] = []
    watcher = OutsideWrites(app_context.services.ctx, app_context.runner, heard.append)
    watcher.timer.stop()  # only what is pushed
    stream = QTimer()
    stream.setInterval(COALESCE_MS // 4)
    stream.timeout.connect(watcher.pushed.emit)  # as the feed's thread emits it
    stream.start()
    qtbot.wait(COALESCE_MS * 6)
    assert stream.isActive()
    assert len(heard) >= 3
    assert heard[0] == EVERY_KIND
    stream.stop()
    watcher.stop()
