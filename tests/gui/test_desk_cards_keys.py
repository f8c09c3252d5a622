"""Find a household by name, reprint and reissue its card — at the Balie, by keyboard alone
(issue 18, item 5).

Typing 'Bakker' in the scan field said 'Deze code klopt niet'; there was no reprint and no
reissue of a lost card. Now a name (or Ctrl+F) finds this post's households, Ctrl+P prints
the card on screen again, Ctrl+K gives a lost card's household a new card, and the old
card then says it was replaced. No printer exists here: the desk's ``print_card`` records.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from keyboard import activate, opened, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.confirm import ConfirmDialog
from noodpost.gui.dialogs.household_search import HouseholdSearchDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.services.intake import Registered

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

CTRL = Qt.KeyboardModifier.ControlModifier


class Printer:
    """The desk's printer: records each card; ``works`` False is a cancelled print dialog."""

    def __init__(self) -> None:
        self.cards: list[Registered] = []
        self.works = True

    def __call__(self, registered: Registered) -> bool:
        if self.works:
            self.cards.append(registered)
        return self.works


def _desk(qtbot: QtBot, main_window: MainWindow) -> tuple[DeskPage, Printer]:
    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    printer = Printer()
    desk.print_card = printer
    activate(qtbot, main_window)
    qtbot.waitUntil(desk.scan_field.hasFocus)
    return desk, printer


def _type(widget_owner: DeskPage | HouseholdSearchDialog, text: str) -> None:
    """Type ``text`` where the focus is (in ``widget_owner``'s window), then Enter."""
    focus = QApplication.focusWidget()
    assert focus is not None
    assert focus.window() is widget_owner.window()
    QTest.keyClicks(focus, text)
    press(focus.window(), Qt.Key.Key_Return)
    desk = widget_owner if isinstance(widget_owner, DeskPage) else widget_owner.parentWidget()
    assert isinstance(desk, DeskPage)
    runner = desk.runner  # the search (audited) or the scan runs there: until it is shown
    deadline = time.monotonic() + 5
    while runner.pending and time.monotonic() < deadline:
        QApplication.processEvents()


def _back_at_the_desk(qtbot: QtBot, main_window: MainWindow, desk: DeskPage) -> None:
    """A dialog closed: the window manager activates the window; the scan field has focus
    and what the desk reads is on screen."""
    activate(qtbot, main_window)
    qtbot.waitUntil(desk.scan_field.hasFocus)
    qtbot.waitUntil(lambda: desk.runner.pending == 0)


def test_a_volunteer_finds_a_household_by_name_reprints_and_reissues_its_card(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    intake = app_context.services.intake
    older = intake.register(size=2, name="Bakker", birth_year=1950, postcode="9791 AB")
    younger = intake.register(size=4, name="Bakker", birth_year=1982)
    intake.register(size=1, name="Jansen", birth_year=1950)
    app_context.services.visits.check_in(younger.household_id)
    desk, printer = _desk(qtbot, main_window)

    # A name in the scan field, Enter: the two Bakkers, not Jansen; no 'code klopt niet'.
    _type(desk, "bakk")
    dialog = opened(qtbot, main_window, HouseholdSearchDialog, "household_search_dialog")
    rows = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert rows == [
        f"Bakker · 2 personen · geb. 1950 · 9791AB · kaart {older.pretty_code} · niet aanwezig",
        f"Bakker · 4 personen · geb. 1982 · kaart {younger.pretty_code} · aanwezig",
    ]
    assert "klopt niet" not in desk.feedback.text()

    # The birth year narrows it to one; Enter opens that household at the desk.
    _type(dialog, " 1950")
    qtbot.waitUntil(lambda: dialog.results.count() == 1)
    press(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _back_at_the_desk(qtbot, main_window, desk)
    assert desk.panel is not None
    assert desk.panel.household_id == older.household_id
    assert desk.scan_field.text() == ""

    # Ctrl+P: the same card again.
    press(main_window, Qt.Key.Key_P, CTRL)
    assert [card.card_code for card in printer.cards] == [older.card_code]
    assert f"Kaart {older.pretty_code} is opnieuw afgedrukt" in desk.feedback.text()

    # Ctrl+K: a lost card. It asks first, and says the old card will stop working.
    press(main_window, Qt.Key.Key_K, CTRL)
    question = opened(qtbot, main_window, ConfirmDialog, "confirm_dialog")
    assert older.pretty_code in question.text.text()
    assert "werkt daarna niet meer" in question.warnings.text()
    press(question, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Nieuwe kaart maken
    wait_idle()
    qtbot.waitUntil(lambda: len(printer.cards) == 2)
    new = printer.cards[1]
    assert (new.household_id, new.qr_text.startswith("NP1:")) == (older.household_id, True)
    assert new.card_code != older.card_code
    assert desk.panel is not None
    assert desk.panel.pretty_code == new.pretty_code
    assert desk.feedback.text() == (
        f"✔ Nieuwe kaart {new.pretty_code} gemaakt; de oude kaart {older.pretty_code} werkt "
        "niet meer. De kaart is afgedrukt."
    )
    _back_at_the_desk(qtbot, main_window, desk)

    # The old card says it was replaced, and what to do; the new card opens the household.
    _type(desk, older.qr_text)
    wait_idle()
    assert desk.panel is None
    assert "vervangen" in desk.feedback.text()
    assert "Ctrl+F" in desk.feedback.text()
    desk.scan_field.clear()
    _type(desk, new.qr_text)
    wait_idle()
    assert desk.panel is not None
    assert desk.panel.household_id == older.household_id


def test_no_match_says_what_to_try_and_esc_goes_back_to_the_scan_field(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    household = app_context.services.intake.register(size=3, name="de Vries", birth_year=1961)
    desk, _printer = _desk(qtbot, main_window)

    _type(desk, "Smit")  # nobody of that name: said at the desk, the text ready to type over
    assert "Geen huishouden gevonden met 'Smit'" in desk.feedback.text()
    assert desk.scan_field.selectedText() == "Smit"
    assert "Kies Nieuw huishouden (Ctrl+N)" in desk.feedback.text()
    assert main_window.findChild(HouseholdSearchDialog) is None

    wrong = household.pretty_code[:-1] + ("3" if household.pretty_code[-1] != "3" else "4")
    _type(desk, wrong)  # a code with a typo is still a wrong code, not a name
    wait_idle()
    assert "Deze code klopt niet" in desk.feedback.text()

    press(main_window, Qt.Key.Key_F, CTRL)  # Ctrl+F: the search, empty
    dialog = opened(qtbot, main_window, HouseholdSearchDialog, "household_search_dialog")
    assert dialog.query.text() == ""
    _type(dialog, "jansen")  # in the list too: no match says so, and what to try
    assert dialog.results.count() == 0
    assert "Geen huishouden gevonden met 'jansen'" in dialog.status.text()
    QTest.keyClick(dialog.query, Qt.Key.Key_A, CTRL)  # select it, and type over it
    _type(dialog, "VRIES")
    assert dialog.results.count() == 1
    assert f"kaart {household.pretty_code}" in dialog.results.item(0).text()
    press(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _back_at_the_desk(qtbot, main_window, desk)
    assert desk.panel is None


def test_a_cancelled_print_says_ctrl_p_and_a_cancelled_reissue_changes_nothing(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    household = app_context.services.intake.register(size=2, name="Bakker")
    desk, printer = _desk(qtbot, main_window)
    press(main_window, Qt.Key.Key_P, CTRL)  # nobody at the desk yet
    assert desk.feedback.text() == "⚠ Scan eerst een kaart."
    _type(desk, household.qr_text)
    wait_idle()

    printer.works = False  # the print dialog was cancelled
    press(main_window, Qt.Key.Key_P, CTRL)
    assert "Druk op Ctrl+P om opnieuw af te drukken" in desk.feedback.text()
    printer.works = True
    press(main_window, Qt.Key.Key_P, CTRL)
    assert [card.card_code for card in printer.cards] == [household.card_code]

    press(main_window, Qt.Key.Key_K, CTRL)
    question = opened(qtbot, main_window, ConfirmDialog, "confirm_dialog")
    press(question, Qt.Key.Key_Return)  # Enter is 'Terug': nothing happens by accident
    qtbot.waitUntil(lambda: desk.dialog is None)  # closed (and deleted)
    wait_idle()
    assert desk.feedback.text() == "Niets opgeslagen."
    assert len(printer.cards) == 1
    found = app_context.services.intake.lookup(household.qr_text)
    assert found.household_id == household.household_id
