"""Served at the Balie without *Aanmelden* (F1) counts as seen (issue 18, item 4).

A volunteer scans a card and hands out water with F2 straight away. The household was at the
desk, so the panel must no longer say *nog niet gezien* / *Vandaag: nog geen bezoek*, and the
number present must not change (nobody was checked in).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from keyboard import activate, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_f2_without_f1_shows_todays_visit(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    clock: FixedClock,
    wait_idle: Callable[[], None],
) -> None:
    services = app_context.services
    services.supplies.record_delivery("water", 100, "gemeente")
    household = services.intake.register(size=3)
    clock.advance(timedelta(hours=2))  # 12:00 here
    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    activate(qtbot, main_window)
    qtbot.waitUntil(desk.scan_field.hasFocus)

    QTest.keyClicks(desk.scan_field, household.qr_text)
    QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
    wait_idle()
    view = desk.panel_view
    assert "nog niet gezien" in view.presence.text()
    assert "nog geen bezoek" in view.visits.text()

    press(main_window, Qt.Key.Key_F2)
    wait_idle()
    qtbot.waitUntil(lambda: "nog niet gezien" not in view.presence.text())

    assert "Niet aangemeld" in view.presence.text()
    assert "laatst gezien" in view.presence.text()
    assert "nog geen bezoek" not in view.visits.text()
    assert "aan de balie om 12:00 (3 pers.)" in view.visits.text()
    assert services.visits.occupancy()[0] == 0
