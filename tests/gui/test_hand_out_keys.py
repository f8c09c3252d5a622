"""Uitgeven at the Balie: any catalogue item, in any amount, by keyboard alone (issue 18, 6).

Only water, the food pack and the hot meal had keys (F2, F3, F8), each with its one fixed
amount; blankets, baby food, nappies and the rest of the catalogue could not be handed out at
the desk at all. Shift+F2 opens *Uitgeven* for the household on screen: type part of the name,
Tab, the amount, Enter — through the same ration check and question as F2.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from keyboard import activate, opened, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.services.intake import Registered
from noodpost.storage.models import Distribution, SupplyItem

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def household(app_context: AppContext) -> Registered:
    """Two persons (6 l of water and 2 blankets a day), at a post with stock."""
    supplies = app_context.services.supplies
    for code, quantity in (("water", 1000), ("blanket", 50), ("hygiene_kit", 30)):
        supplies.record_delivery(code, quantity, "gemeente")
    return app_context.services.intake.register(size=2)


@pytest.fixture
def desk(
    qtbot: QtBot,
    main_window: MainWindow,
    household: Registered,
    wait_idle: Callable[[], None],
) -> DeskPage:
    """The Balie with the household's card scanned."""
    page = main_window.show_page(0)
    assert isinstance(page, DeskPage)
    activate(qtbot, main_window)
    qtbot.waitUntil(page.scan_field.hasFocus)
    QTest.keyClicks(page.scan_field, household.qr_text)
    QTest.keyClick(page.scan_field, Qt.Key.Key_Return)
    wait_idle()
    assert page.panel is not None
    return page


def _handed(app_context: AppContext) -> list[tuple[str, float, str | None]]:
    with app_context.services.ctx.read() as session:
        rows = session.execute(
            select(SupplyItem.code, Distribution.quantity, Distribution.override_reason)
            .join(SupplyItem, SupplyItem.id == Distribution.item_id)
            .order_by(Distribution.created_hlc)
        )
        return [(code, quantity, reason) for code, quantity, reason in rows]


def _type(text: str) -> None:
    """Type into the field that has the focus (the dialog is the active window)."""
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit), field
    QTest.keyClicks(field, text)


def _open(qtbot: QtBot, main_window: MainWindow, key: Qt.Key = Qt.Key.Key_F2) -> QDialog:
    press(main_window, key, SHIFT)
    return opened(qtbot, main_window, QDialog, "hand_out_dialog")


def _back_at_the_desk(qtbot: QtBot, main_window: MainWindow, desk: DeskPage) -> None:
    activate(qtbot, main_window)  # as the window manager does when the dialog closes
    qtbot.waitUntil(desk.scan_field.hasFocus)


def test_blankets_by_typing_part_of_the_name_tab_amount_enter(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    desk: DeskPage,
    household: Registered,
    wait_idle: Callable[[], None],
) -> None:
    dialog = _open(qtbot, main_window)
    _type("dek")
    press(dialog, Qt.Key.Key_Tab)
    _type("2")  # Tab selected the usual amount (1 stuk): typing replaces it
    press(dialog, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: _handed(app_context) != [])

    assert _handed(app_context) == [("blanket", 2.0, None)]
    assert desk.feedback.text().startswith(
        f"✔ Uitgegeven: Deken 2 stuks aan {household.pretty_code}."
    )
    # The household panel shows every item received today, not only the quick three.
    assert desk.panel_view.allowance_text("blanket") == "2 stuks van 2 stuks"
    assert desk.panel_view.allowance_state("blanket").startswith("⚠ weer vanaf")
    _back_at_the_desk(qtbot, main_window, desk)


def test_water_in_any_amount_and_beyond_the_ration_with_a_reason(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    desk: DeskPage,
    wait_idle: Callable[[], None],
) -> None:
    """Shift+F2 starts at F2's item: Tab, the amount, Enter. Beyond the ration it asks for a
    reason, as F2 does."""
    dialog = _open(qtbot, main_window)
    press(dialog, Qt.Key.Key_Tab)
    _type("6")
    press(dialog, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: len(_handed(app_context)) == 1)
    assert _handed(app_context) == [("water", 6.0, None)]
    assert desk.panel_view.allowance_text("water") == "6 l van 6 l"
    _back_at_the_desk(qtbot, main_window, desk)

    dialog = _open(qtbot, main_window)
    press(dialog, Qt.Key.Key_Tab)
    _type("1,5")
    press(dialog, Qt.Key.Key_Return)
    wait_idle()
    confirm = opened(qtbot, main_window, QDialog, "confirm_dialog")
    assert "Met 1,5 l drinkwater gaat dit huishouden over het rantsoen" in confirm.text.text()  # type: ignore[attr-defined]
    _type("hittegolf, bewoner met koorts")
    press(confirm, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: len(_handed(app_context)) == 2)
    assert _handed(app_context)[-1] == ("water", 1.5, "hittegolf, bewoner met koorts")
    assert "Boven het rantsoen; de reden is genoteerd." in desk.feedback.text()
    assert desk.panel_view.allowance_text("water") == "7,5 l van 6 l"


def test_escape_saves_nothing_and_a_search_without_a_match_says_so(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    desk: DeskPage,
    wait_idle: Callable[[], None],
) -> None:
    dialog = _open(qtbot, main_window)
    _type("xyz")
    press(dialog, Qt.Key.Key_Return)
    message = dialog.message  # type: ignore[attr-defined]
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "Geen artikel gevonden bij 'xyz'. Typ een ander deel van de naam."
    assert dialog.isVisible()

    press(dialog, Qt.Key.Key_Escape)
    wait_idle()
    qtbot.waitUntil(lambda: desk.feedback.text() == "Niets opgeslagen.")
    assert _handed(app_context) == []
    _back_at_the_desk(qtbot, main_window, desk)


def test_accents_aside_and_up_down_choose_in_the_list(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    desk: DeskPage,
    wait_idle: Callable[[], None],
) -> None:
    dialog = _open(qtbot, main_window, Qt.Key.Key_F3)  # starts at F3's item
    assert dialog.current_item().code == "food_package"  # type: ignore[attr-defined]
    _type("hygiene")  # Hygiëneset
    assert dialog.current_item().code == "hygiene_kit"  # type: ignore[attr-defined]
    QApplication.focusWidget().selectAll()  # type: ignore[union-attr]
    _type("d")  # Babyvoeding, Brandstof (diesel), Deken, Drinkwater … all with a d
    first = dialog.current_item().code  # type: ignore[attr-defined]
    press(dialog, Qt.Key.Key_Down)
    second = dialog.current_item().code  # type: ignore[attr-defined]
    press(dialog, Qt.Key.Key_Down)
    third = dialog.current_item().code  # type: ignore[attr-defined]
    assert (first, second, third) == ("baby_food", "diesel", "blanket")
    press(dialog, Qt.Key.Key_Return)  # the usual amount: 1 blanket
    wait_idle()
    qtbot.waitUntil(lambda: _handed(app_context) != [])
    assert _handed(app_context) == [("blanket", 1.0, None)]
    _back_at_the_desk(qtbot, main_window, desk)


def test_without_a_card_shift_f2_asks_for_one(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext
) -> None:
    page = main_window.show_page(0)
    assert isinstance(page, DeskPage)
    activate(qtbot, main_window)
    qtbot.waitUntil(page.scan_field.hasFocus)
    press(main_window, Qt.Key.Key_F2, SHIFT)
    assert page.feedback.text() == "⚠ Scan eerst een kaart."
    assert main_window.findChild(QDialog, "hand_out_dialog") is None
