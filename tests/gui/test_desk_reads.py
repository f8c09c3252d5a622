"""A hand-out reads the household's panel once (issue 15).

The desk used to refresh twice per hand-out: once on the change signal of its own write, and
again when the runner delivered the result — two panel queries, two redraws. The change signal
of a write the desk itself has under way is now left to the refresh that follows the write.
A write by anyone else still refreshes the desk at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from keyboard import activate, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _counting(target: Any, name: str, calls: list[str]) -> None:
    original = getattr(target, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return original(*args, **kwargs)

    setattr(target, name, counted)


def test_a_hand_out_reads_the_panel_once_and_another_desks_write_still_shows(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    supplies = app_context.services.supplies
    supplies.record_delivery("water", 1000, "gemeente")
    household = app_context.services.intake.register(size=2)
    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    activate(qtbot, main_window)
    qtbot.waitUntil(desk.scan_field.hasFocus)
    QTest.keyClicks(desk.scan_field, household.qr_text)
    QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
    wait_idle()
    calls: list[str] = []
    _counting(desk.desk, "panel", calls)
    _counting(desk, "refresh", calls)

    press(main_window, Qt.Key.Key_F2)
    wait_idle()
    qtbot.wait(100)  # any change signal still queued is delivered

    assert calls == ["panel"]  # read once, with the write, on the runner's thread
    assert desk.panel is not None
    water = desk.panel.allowance_for(desk.quick_items[0].id)
    assert water is not None
    assert water.received == 3

    # A write by something else (another page, a sync): the desk shows it without a key.
    calls.clear()
    supplies.hand_out(household.household_id, desk.quick_items[0].id)
    qtbot.waitUntil(lambda: "panel" in calls, timeout=5_000)
    wait_idle()  # read on the reader thread, then shown
    water = desk.panel.allowance_for(desk.quick_items[0].id)
    assert water is not None
    assert water.received == 6
