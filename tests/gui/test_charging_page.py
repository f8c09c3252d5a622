"""Opladen: a ticket in and out, by card or without, found by its number, cancel, refusal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.charging_ticket import NewTicketDialog
from noodpost.gui.pages.charging import ChargingPage

pytestmark = pytest.mark.gui


def record_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown (a modal exec would block the test)."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext) -> ChargingPage:
    page = ChargingPage(app_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)  # the first read shown
    return page


def new_dialog(page: ChargingPage) -> NewTicketDialog:
    page.new_button.click()
    dialog = page.dialog
    assert isinstance(dialog, NewTicketDialog)
    assert dialog.isVisible()
    return dialog


def test_ticket_in_and_out(
    page: ChargingPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    clock: FixedClock,
) -> None:
    charging = app_context.services.charging
    household = app_context.services.intake.register(size=4)

    dialog = new_dialog(page)
    dialog.device.setText("telefoon, zwart hoesje")
    QTest.keyClicks(dialog.card, cards.qr_text("GR-0014", household.card_code))
    QTest.keyClick(dialog.card, Qt.Key.Key_Return)  # the scanner's Enter: shows whose, saves not
    assert dialog.isVisible()
    assert dialog.household.text() == f"✔ Huishouden {cards.pretty(household.card_code)} · 4 pers."
    assert charging.open_ticket_ids() == []
    dialog.submit()
    wait_idle()

    [ticket] = charging.open_tickets()
    assert (ticket.number, ticket.household_id) == (1, household.household_id)
    assert page.open_model.rowCount() == 1
    assert page.open_texts(0) == [
        "1",
        "telefoon, zwart hoesje",
        cards.pretty(household.card_code),
        "10:00",
    ]
    assert page.message.text().startswith("✔ Bon 1 gemaakt voor: telefoon, zwart hoesje.")
    assert page.badge() == "1"

    clock.advance(timedelta(minutes=75))
    page.number.setText("1")
    QTest.keyClick(page.number, Qt.Key.Key_Return)  # finds the ticket...
    wait_idle()
    assert page.open_table.selected_id() == ticket.id
    assert page.focusWidget() is page.return_button
    QTest.keyClick(page.return_button, Qt.Key.Key_Return)  # ...and Enter hands it back
    wait_idle()

    assert charging.ticket(ticket.id).status == "returned"
    assert page.open_model.rowCount() == 0
    assert page.returned_model.rowCount() == 1
    assert page.returned_texts(0) == [
        "1",
        "telefoon, zwart hoesje",
        cards.pretty(household.card_code),
        "11:15",
    ]
    assert page.returned_count.text() == "Vandaag teruggegeven: 1"
    assert page.message.text() == "✔ Bon 1 teruggegeven: telefoon, zwart hoesje."
    assert page.badge() == ""


def test_ticket_without_card_and_a_wrong_card(
    page: ChargingPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
) -> None:
    dialog = new_dialog(page)
    dialog.device.setText("powerbank")
    dialog.card.setText(cards.new_card_code())  # a valid code that nobody has been given
    assert not dialog.check_card()
    assert dialog.household.text().startswith("Deze kaart is nog niet aan een huishouden")
    before = event_count()
    dialog.submit()
    wait_idle()
    assert dialog.isVisible()
    assert dialog.message.text().startswith("Niet opgeslagen: Deze kaart is nog niet")
    assert event_count() == before

    dialog.card.clear()
    dialog.submit()
    wait_idle()

    assert page.open_texts(0) == ["1", "powerbank", "—", "10:00"]


def test_cancel_asks_first(
    page: ChargingPage, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    charging = app_context.services.charging
    keep = charging.check_in("tablet")
    mistake = charging.check_in("telefoon")
    page.refresh()
    wait_idle()
    page.open_table.select_id(mistake.id)

    page.cancel_button.click()
    box = page.cancel_box
    assert box is not None
    assert box.text() == "Bon 2 (telefoon) annuleren?"
    confirm = box.findChild(QPushButton, "ticket_cancel_confirm")
    assert confirm is not None
    confirm.click()
    wait_idle()

    assert charging.ticket(mistake.id).status == "cancelled"
    assert charging.open_ticket_ids() == [keep.id]
    assert page.open_model.rowCount() == 1
    assert page.returned_model.rowCount() == 0  # cancelled is not returned
    assert page.message.text() == "✔ Bon 2 geannuleerd."


def test_returning_a_ticket_twice_is_refused_calmly(
    page: ChargingPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    charging = app_context.services.charging
    ticket = charging.check_in("hoortoestel")
    page.refresh()
    wait_idle()
    page.open_table.select_row(0)
    charging.return_device(ticket.id)  # at the other laptop; this page has not refreshed yet
    before = event_count()
    shown = record_message_boxes(monkeypatch)

    page.return_button.click()
    wait_idle()

    assert shown == ["Oplaadbon 1 is al teruggegeven om 10:00. Controleer het nummer op de bon."]
    assert event_count() == before
    assert page.open_model.rowCount() == 0
    assert page.returned_model.rowCount() == 1


def test_unknown_or_finished_number_is_explained(
    page: ChargingPage, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    charging = app_context.services.charging
    ticket = charging.check_in("laptop")
    charging.return_device(ticket.id)
    page.refresh()
    wait_idle()

    page.number.setText("7")
    page.find_number()
    wait_idle()
    assert page.message.text() == (
        "Let op: Er is geen oplaadbon met nummer 7. Controleer het nummer."
    )

    page.number.setText("1")
    page.find_number()
    wait_idle()
    assert page.message.text() == (
        "Let op: bon 1 (laptop) is teruggegeven, niet meer aan het opladen."
    )
    assert page.open_table.selected_id() is None
