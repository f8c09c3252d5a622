"""The keys are shown (issue 18, item 8): Hulp → Sneltoetsen (Ctrl+H), and the Balie's
F-keys on screen in the order of the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import pytest
from keyboard import activate, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_ctrl_h_lists_every_key(qtbot: QtBot, main_window: MainWindow) -> None:
    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main_window.findChild(QDialog, "shortcuts_dialog") is not None)
    dialog = main_window.findChild(QDialog, "shortcuts_dialog")
    assert dialog is not None
    text = dialog.findChild(QLabel, "shortcuts_text")
    assert text is not None
    shown = text.text()
    for number, page in enumerate(main_window.pages[:9], start=1):
        assert f"<b>Ctrl+{number}</b></td><td>{escape(page.title)}</td>" in shown
    desk_keys = ("Shift+F2", "Ctrl+N", "Ctrl+F", "Ctrl+P", "Ctrl+K", "Esc")
    everywhere = ("Ctrl+L", "Ctrl+Shift+P", "Ctrl+Shift+I")
    for key in ("F1", "F4", "F5", "F6", "F7", "F8", "F9", *desk_keys, *everywhere):
        assert f"<b>{key}</b>" in shown, key
    assert main_window.nav.item(0).toolTip() == "Ctrl+1"
    dialog.reject()


def test_the_desk_shows_its_f_keys_in_keyboard_order(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    household = app_context.services.intake.register(size=2)
    QTest.keyClicks(desk.scan_field, household.qr_text)
    QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
    wait_idle()
    bar = desk.buttons
    buttons = [bar.checkin, *bar.quick, bar.need, bar.charging, bar.safe, bar.undo]
    on_screen = sorted(buttons, key=lambda b: (b.mapTo(bar, b.rect().topLeft()).y(), b.x()))
    assert [b.text().split()[0] for b in on_screen] == [f"F{n}" for n in range(1, 9)]
