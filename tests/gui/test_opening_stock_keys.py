"""Day one at a new post: the opening stock of every item, booked by keyboard in one form
(issue 18, item 7). Before, the Balie's hint led to *Levering boeken*: one item per form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from keyboard import activate, opened, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from noodpost.core.catalogue import item_id
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.storage.models import StockMovement

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _type(text: str) -> None:
    """Type into the field that has the focus, then Tab to the next item."""
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    if text:
        QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def _stock(app_context: AppContext) -> dict[str, str]:
    return {
        line.item.code: line.text for line in app_context.services.supplies.stock() if line.quantity
    }


def _movements(app_context: AppContext) -> int:
    with app_context.services.ctx.read() as session:
        return session.scalar(select(func.count()).select_from(StockMovement)) or 0


def _closed(main_window: MainWindow) -> bool:
    """No opening stock form is shown (a closed one is deleted)."""
    return not any(d.isVisible() for d in main_window.findChildren(QDialog, "opening_stock_dialog"))


def _open_form(qtbot: QtBot, main_window: MainWindow) -> QDialog:
    """From the Balie, as its hint says: Ctrl+4, then Alt+B."""
    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    activate(qtbot, main_window)
    qtbot.waitUntil(desk.scan_field.hasFocus)
    qtbot.waitUntil(lambda: desk.runner.pending == 0)
    assert desk.stock_hint.isVisible()
    assert "Alt+B" in desk.stock_hint.text()
    press(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    press(main_window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    return opened(qtbot, main_window, QDialog, "opening_stock_dialog")


def test_the_opening_stock_of_several_items_is_booked_in_one_form(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    dialog = _open_form(qtbot, main_window)
    names = [app_context.services.supplies.item(i).name for i in dialog.fields]  # type: ignore[attr-defined]
    assert names[:4] == ["Babyvoeding", "Batterijen voor zaklamp", "Brandstof (diesel)", "Deken"]

    # The shelves, counted: Tab from item to item, an empty field is skipped.
    for text in ("24", "", "", "40"):  # Babyvoeding, Batterijen and diesel (none), Deken
        _type(text)
    water = dialog.fields[item_id("water")]  # type: ignore[attr-defined]
    while QApplication.focusWidget() is not water:  # on to Drinkwater
        _type("")
    QTest.keyClicks(water, "1500,5")
    press(dialog, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: _closed(main_window))

    assert _stock(app_context) == {
        "baby_food": "24 potten",
        "blanket": "40 stuks",
        "water": "1500,5 l",
    }
    with app_context.services.ctx.read() as session:
        reasons = list(session.scalars(select(StockMovement.reason)))
    assert reasons == ["Beginvoorraad"] * 3

    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    desk = main_window.pages[0]
    assert isinstance(desk, DeskPage)
    qtbot.waitUntil(desk.isVisible)
    qtbot.waitUntil(lambda: desk.runner.pending == 0)
    assert not desk.stock_hint.isVisible()


def test_a_wrong_amount_books_nothing_and_names_the_item(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    dialog = _open_form(qtbot, main_window)
    _type("24")  # Babyvoeding
    _type(",")  # Batterijen: no number
    press(dialog, Qt.Key.Key_Return)
    wait_idle()
    message = dialog.message  # type: ignore[attr-defined]
    qtbot.waitUntil(message.isVisible)
    assert "Batterijen voor zaklamp" in message.text()
    assert dialog.isVisible()
    assert _movements(app_context) == 0

    press(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _closed(main_window))
    assert _movements(app_context) == 0
    assert not app_context.services.supplies.stock_booked()
