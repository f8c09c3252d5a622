"""*Papier invoeren* by keys: forms from a day without power, typed in the next day (issue 17).

The post opened on 28 November; on the 29th the laptop was off and the desk worked on paper
forms with reserved cards; on the 30th a volunteer types them in, one after another.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from keyboard import activate, opened, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from noodpost.core import cards
from noodpost.core.clock import FixedClock, iso
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.storage.models import Distribution, Household, Visit

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
#: 29 November 14:00 and 17:30 in the Netherlands.
ARRIVED = datetime(2026, 11, 29, 13, 0, tzinfo=UTC)
LEFT = datetime(2026, 11, 29, 16, 30, tzinfo=UTC)


@pytest.fixture
def next_day(app_context: AppContext, clock: FixedClock) -> list[str]:
    """Stock booked on the 28th; two reserved form cards; now the 30th."""
    app_context.services.supplies.record_delivery("water", 500, "gemeente")
    codes = app_context.services.intake.reserve_blank_cards(2)
    clock.advance(timedelta(days=2))
    return codes


def type_in(text: str) -> None:
    """Type into the field with the focus, then Tab on."""
    field = QApplication.focusWidget()
    assert field is not None
    if text:
        QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def open_entry(qtbot: QtBot, main_window: MainWindow) -> QDialog:
    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_I, CTRL_SHIFT)
    return opened(qtbot, main_window, QDialog, "paper_entry_dialog")


def test_forms_from_yesterday_are_typed_in_with_yesterdays_time(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    next_day: list[str],
    wait_idle: Callable[[], None],
) -> None:
    dialog = open_entry(qtbot, main_window)
    day = dialog.findChild(QWidget, "paper_day")
    assert QApplication.focusWidget() is dialog.findChild(QWidget, "paper_card")

    type_in(next_day[0])  # the form's card
    day.selectAll()  # type: ignore[attr-defined]
    type_in("29-11")
    type_in("14:00")
    type_in("17:30")
    type_in("2")  # persons: the card was new
    type_in("Jansen")
    for _ in range(2):  # birth year, postcode: not on the form
        type_in("")
    water = dialog.findChild(QWidget, "paper_amount_water")
    while QApplication.focusWidget() is not water:  # the tally grid, to Drinkwater
        type_in("")
    QTest.keyClicks(water, "6")
    press(dialog, Qt.Key.Key_Return)
    wait_idle()

    done = dialog.findChild(QLabel, "paper_entry_done")
    qtbot.waitUntil(done.isVisible)
    assert "huishouden " + cards.pretty(next_day[0]) + " ingeschreven" in done.text()
    assert QApplication.focusWidget() is dialog.findChild(QWidget, "paper_card")  # next form
    with app_context.services.ctx.read() as session:
        visits = [
            (v.checked_in_at, v.checked_out_at, v.from_paper)
            for v in session.scalars(select(Visit))
        ]
        hand_outs = [
            (d.quantity, d.at, d.from_paper) for d in session.scalars(select(Distribution))
        ]
    assert visits == [(iso(ARRIVED), iso(LEFT), True)]
    assert hand_outs == [(6.0, iso(ARRIVED), True)]

    # The desk today: yesterday's water does not count against today's ration.
    press(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with app_context.services.ctx.read() as session:
        household = session.scalar(select(Household.id))
    assert household is not None
    water_today = next(
        a for a in app_context.services.supplies.allowance(household) if a.item.code == "water"
    )
    assert (water_today.received, water_today.remaining) == (0, 6)


def test_a_form_of_a_registered_household_asks_whose_it_is(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    next_day: list[str],
    wait_idle: Callable[[], None],
) -> None:
    known = app_context.services.intake.register(
        size=3, name="Bakker", birth_year=1950, postcode="9791AB"
    )
    dialog = open_entry(qtbot, main_window)
    type_in(next_day[1])
    day = dialog.findChild(QWidget, "paper_day")
    day.setFocus()  # type: ignore[union-attr]
    day.selectAll()  # type: ignore[attr-defined]
    for text in ("29-11", "14:00", "15:00", "3", "Bakker", "1950", "9791 AB"):
        type_in(text)
    press(dialog, Qt.Key.Key_Return)
    wait_idle()

    box = opened(qtbot, dialog, QMessageBox, "paper_duplicate")
    assert "Is het formulier van dat huishouden?" in box.text()
    press(box, Qt.Key.Key_J, ALT)  # Ja: kaart …
    wait_idle()

    done = dialog.findChild(QLabel, "paper_entry_done")
    qtbot.waitUntil(done.isVisible)
    with app_context.services.ctx.read() as session:
        households = list(session.scalars(select(Household.id)))
        visit_of = session.scalar(select(Visit.household_id))
    assert households == [known.household_id]  # not registered twice
    assert visit_of == known.household_id
