"""Uitgifte & voorraad: book a delivery, correct after a count, read an item's ledger."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from noodpost.core import cards
from noodpost.core.catalogue import item_id
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.supplies_forms import SuppliesCorrectionDialog, parse_quantity
from noodpost.gui.pages.supplies import SuppliesPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]) -> SuppliesPage:
    widget = SuppliesPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    wait_idle()
    return widget


def ledger(page: SuppliesPage) -> list[tuple[str, ...]]:
    model = page.ledger_model
    return [tuple(str(v) for v in model.values(row)) for row in range(model.rowCount())]


def test_a_delivery_raises_the_stock_shown(
    page: SuppliesPage, wait_idle: Callable[[], None]
) -> None:
    assert page.title == "Uitgifte & voorraad"
    assert page.stock_text("Drinkwater") == ("0 l", "onder minimum")
    assert page.select_item(item_id("water"))

    dialog = page.open_delivery()
    assert dialog.isVisible()
    assert dialog.current_item().code == "water"  # the selected item is chosen already
    assert dialog.unit.text() == "l"
    dialog.quantity.setText("250")
    dialog.source.setText("Waterbedrijf")
    dialog.save_button.click()
    wait_idle()

    assert page.dialog is None  # saved and closed
    assert page.stock_text("Drinkwater") == ("250 l", "voldoende")
    assert ledger(page) == [("10:00", "levering", "+250 l", "250 l", "", "Waterbedrijf")]
    assert page.ledger_title.text() == "Verloop van Drinkwater, nieuwste eerst"


def test_a_delivery_of_nothing_is_refused_in_the_dialog(
    page: SuppliesPage, wait_idle: Callable[[], None], event_count: Callable[[], int]
) -> None:
    before = event_count()
    dialog = page.open_delivery()
    dialog.submit()  # the quantity is empty
    wait_idle()

    assert dialog.isVisible()
    assert "Vul de hoeveelheid in als getal" in dialog.message.text()
    assert event_count() == before


def test_a_correction_without_reason_is_refused_and_nothing_written(
    app_context: AppContext,
    page: SuppliesPage,
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
) -> None:
    app_context.services.supplies.record_delivery("water", 50)
    page.refresh()
    page.select_item(item_id("water"))
    wait_idle()
    before = event_count()

    dialog = page.open_correction()
    assert dialog.current.text() == "50 l"
    dialog.quantity.setText("5")
    assert dialog.preview.text() == "Na deze correctie: 45 l (−5 l)"
    dialog.save_button.click()
    wait_idle()

    assert dialog.isVisible()  # what was typed stays
    assert dialog.message.isVisible()
    assert "Vul een reden in" in dialog.message.text()
    assert dialog.quantity.text() == "5"
    assert event_count() == before
    assert page.stock_text("Drinkwater") == ("50 l", "onder minimum")

    dialog.reason.setText("Lekkende jerrycan")
    dialog.save_button.click()
    wait_idle()
    assert page.dialog is None  # saved and closed
    assert event_count() == before + 1
    assert page.stock_text("Drinkwater") == ("45 l", "onder minimum")
    assert ledger(page)[0] == ("10:00", "correctie", "−5 l", "45 l", "", "Lekkende jerrycan")


def test_a_count_corrects_to_what_is_there(
    app_context: AppContext, page: SuppliesPage, wait_idle: Callable[[], None]
) -> None:
    app_context.services.supplies.record_delivery("blanket", 30)
    page.refresh()
    page.select_item(item_id("blanket"))
    wait_idle()

    dialog = page.open_correction()
    dialog.set_direction(SuppliesCorrectionDialog.COUNTED)
    dialog.quantity.setText("34")
    assert dialog.preview.text() == "Na deze correctie: 34 stuks (+4 stuks)"
    dialog.reason.setText("Nageteld")
    dialog.submit()
    wait_idle()

    assert page.stock_text("Deken") == ("34 stuks", "voldoende")
    assert ledger(page)[0][1:4] == ("correctie", "+4 stuks", "34 stuks")


def test_the_ledger_shows_a_hand_out_and_negative_stock_in_words(
    app_context: AppContext, page: SuppliesPage, wait_idle: Callable[[], None]
) -> None:
    services = app_context.services
    household = services.intake.register(size=2)
    services.supplies.record_delivery("torch", 1, "C-NSP")
    services.supplies.hand_out(household.household_id, "torch", 2, override_reason="Twee kamers")
    page.refresh()
    page.select_item(item_id("torch"))
    wait_idle()

    assert page.stock_text("Zaklamp") == ("-1 stuk", "negatief — tel na")
    assert "Negatief, tel na en corrigeer: Zaklamp." in page.summary.text()
    assert ledger(page) == [
        (
            "10:00",
            "uitgifte",
            "−2 stuks",
            "-1 stuk",
            cards.pretty(household.card_code),
            "Twee kamers",
        ),
        ("10:00", "levering", "+1 stuk", "1 stuk", "", "C-NSP"),
    ]


@pytest.mark.parametrize(
    ("text", "value"), [("3", 3.0), ("1,5", 1.5), ("2.25", 2.25), ("7,", 7.0), (",5", 0.5)]
)
def test_parse_quantity(text: str, value: float) -> None:
    assert parse_quantity(text) == value


@pytest.mark.parametrize("text", ["", " ", ",", "1,2,3", "abc"])
def test_parse_quantity_not_a_number(text: str) -> None:
    assert parse_quantity(text) != parse_quantity(text)  # NaN: the service says what to type
