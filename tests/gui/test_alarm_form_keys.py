"""The alarm form by keyboard, as a volunteer under stress uses it (issue 18, item 1).

F9 from the desk, a service chosen with its Alt-key, the place typed, Enter: exactly that
alarm is saved. Escape on a filled-in form asks before anything typed is thrown away.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from keyboard import activate, opened, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AlarmFormDialog
from noodpost.gui.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _open_form(qtbot: QtBot, main_window: MainWindow) -> AlarmFormDialog:
    main_window.show_page(0)
    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_F9)
    return opened(qtbot, main_window, AlarmFormDialog, "alarm_form")


def _choose(qtbot: QtBot, form: AlarmFormDialog, key: Qt.Key, service: str) -> None:
    """Alt+letter on a service: the button's mnemonic (an animated click, so wait for it)."""
    press(form, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: form.type_choice.value() == service)


@pytest.mark.parametrize(
    ("key", "service"),
    [
        (Qt.Key.Key_A, "ambulance"),
        (Qt.Key.Key_P, "police"),
        (Qt.Key.Key_B, "fire"),
        (Qt.Key.Key_O, "other"),
    ],
)
def test_a_service_chosen_then_place_and_enter_saves_that_service(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    key: Qt.Key,
    service: str,
) -> None:
    form = _open_form(qtbot, main_window)
    _choose(qtbot, form, key, service)
    press(form, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.location
    form.location.clear()
    QTest.keyClicks(form.location, "Zaal 2, bij de nooduitgang")
    press(form, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: not form.isVisible())
    [alarm] = app_context.services.alarms.open_alarms()
    assert (alarm.type, alarm.location) == (service, "Zaal 2, bij de nooduitgang")


def test_enter_before_a_service_is_chosen_saves_nothing_and_says_why(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    form = _open_form(qtbot, main_window)
    press(form, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(form.location, "Keuken")
    press(form, Qt.Key.Key_Return)
    wait_idle()
    assert form.isVisible()
    assert form.type_choice.value() is None  # no service picked for the volunteer
    assert not form.message.isHidden()
    assert app_context.services.alarms.open_alarms() == []
    form.done(QDialog.DialogCode.Rejected)


def _question(qtbot: QtBot, form: AlarmFormDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: form.findChild(QMessageBox, "discard_alarm") is not None)
    box = form.findChild(QMessageBox, "discard_alarm")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    return box


def test_escape_on_a_filled_in_form_asks_first(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext
) -> None:
    form = _open_form(qtbot, main_window)
    _choose(qtbot, form, Qt.Key.Key_A, "ambulance")
    press(form, Qt.Key.Key_Escape)
    box = _question(qtbot, form)
    assert "gaat verloren" in box.text()
    # Escape (or Enter: the safe button is the default) goes back to the alarm, as it was.
    QTest.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: form.findChild(QMessageBox, "discard_alarm") is None)
    assert form.isVisible()
    assert form.type_choice.value() == "ambulance"

    press(form, Qt.Key.Key_Escape)
    box = _question(qtbot, form)
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert form.result() == QDialog.DialogCode.Rejected
    assert app_context.services.alarms.open_alarms() == []


def test_escape_on_an_untouched_form_just_closes(qtbot: QtBot, main_window: MainWindow) -> None:
    form = _open_form(qtbot, main_window)
    press(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
