"""An alarm on a post that is not paired with a C-NSP (issue 18, item 11).

The red panel said "NOG NIET BEVESTIGD … Geen verbinding?" as if the alarm were on its way. On
a post without a pairing nothing can leave: the panel says so, and what to do — read the line
over the radio, then pair the post on Synchronisatie. Once paired, it speaks of confirmation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from keyboard import activate, opened, press
from nodekit import pair
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AlarmFormDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.alarms import AlarmsPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _raise_by_keys(qtbot: QtBot, main_window: MainWindow, wait_idle: Callable[[], None]) -> None:
    """F9 at the desk, Alt+A for an ambulance, Alt+W and the place, Enter."""
    none = Qt.KeyboardModifier.NoModifier
    main_window.show_page(0)
    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_F9, none)
    form = opened(qtbot, main_window, AlarmFormDialog, "alarm_form")
    press(form, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: form.type_choice.value() == "ambulance")
    press(form, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    form.location.clear()
    QTest.keyClicks(form.location, "Zaal 2")
    press(form, Qt.Key.Key_Return, none)
    wait_idle()
    qtbot.waitUntil(lambda: not form.isVisible())


def test_an_unpaired_post_says_the_alarm_cannot_leave_and_what_to_do(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    hub: AppContext,
    tmp_path: Path,
    wait_idle: Callable[[], None],
) -> None:
    _raise_by_keys(qtbot, main_window, wait_idle)
    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # Meldingen
    page = main_window.pages[main_window.nav.currentRow()]
    assert isinstance(page, AlarmsPage)
    qtbot.waitUntil(page.radio_panel.isVisible)

    intro = page.radio_intro.text()
    assert "nog niet gekoppeld" in intro, intro
    assert "kan de post niet verlaten" in intro, intro
    assert intro.endswith("Lees dit nu voor over de radio aan de C-NSP:"), intro
    assert "scherm Synchronisatie (‘Koppelbestand inlezen…’)" in intro, intro
    assert "Geen verbinding?" not in intro, intro
    assert page.radio_line.text().startswith("NSP GR-0014 | AMBULANCE")

    pair(app_context, hub, tmp_path)  # 'Koppelbestand inlezen…': now it can travel
    qtbot.waitUntil(lambda: "NOG NIET BEVESTIGD" in page.radio_intro.text())
    assert "nog niet gekoppeld" not in page.radio_intro.text()
    assert page.radio_panel.isVisible()
