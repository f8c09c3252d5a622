"""A list page opened with its Ctrl+number key is ready for the next key once its list arrives.

The lists are read off the GUI thread (issue 15), so they arrive just after the page is shown;
the first row must still be selected as when they were read at once, or the volunteer's Del
(check out) or Alt+letter (move the need on) does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from keyboard import activate, press
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from noodpost.core import cards
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.needs import NeedsPage
from noodpost.gui.pages.presence import PresencePage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_ctrl_2_then_del_checks_out_the_first_present_household(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    visits = app_context.services.visits
    household = app_context.services.intake.register(size=3)
    visits.check_in(household.household_id)
    activate(qtbot, main_window)
    wait_idle()

    press(main_window, Qt.Key.Key_2, CTRL)
    page = main_window.page("Aanwezig")
    assert isinstance(page, PresencePage)
    qtbot.waitUntil(lambda: page.present_model.rowCount() == 1)
    wait_idle()
    press(main_window, Qt.Key.Key_Delete)
    wait_idle()

    assert visits.occupancy()[0] == 0
    card = cards.pretty(household.card_code)
    assert page.message.text() == f"✔ Afgemeld: kaart {card} (3 pers.)."
    assert page.gauge_text() == "0 / 80 aanwezig"


def test_ctrl_3_then_alt_i_puts_the_first_need_in_progress(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    needs = app_context.services.needs
    need = needs.open_need("medical", "high")
    activate(qtbot, main_window)
    wait_idle()

    press(main_window, Qt.Key.Key_3, CTRL)
    page = main_window.page("Hulpvragen")
    assert isinstance(page, NeedsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    wait_idle()
    press(main_window, Qt.Key.Key_I, ALT)  # Qt clicks the button a moment later
    said = "✔ Hulpvraag medische zorg is nu in behandeling."
    qtbot.waitUntil(lambda: page.message.text() == said)
    wait_idle()

    assert needs.need(need.id).status == "in_progress"
    assert page.row_texts(0)[4] == "in behandeling"
