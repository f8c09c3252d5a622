"""Leveringen: the hub sends, a stick carries it, the post confirms; a request goes up."""

from __future__ import annotations

from pathlib import Path

import pytest
from nodekit import carry, introduce
from pytestqt.qtbot import QtBot

from noodpost.core.catalogue import item_id
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.supply_notice_forms import DispatchDialog, ReceiptDialog, RequestDialog
from noodpost.gui.pages.supply_notices import SupplyNoticesPage
from noodpost.storage.eventlog import count_events

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _idle(qtbot: QtBot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: context.runner.pending == 0, timeout=10_000)


def _events(context: AppContext) -> int:
    with context.services.ctx.read() as session:
        return count_events(session)


def _page(qtbot: QtBot, context: AppContext) -> SupplyNoticesPage:
    page = SupplyNoticesPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    _idle(qtbot, context)
    return page


def _cell(page: SupplyNoticesPage, table: str, row: int, column: int) -> str:
    model = page.dispatch_model if table == "dispatch" else page.request_model
    return str(model.index(row, column).data())


def test_a_dispatch_from_the_hub_is_confirmed_at_the_post_and_books_stock(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    stick = introduce(app_context, hub, tmp_path)
    hub_page = _page(qtbot, hub)
    assert hub_page.title == "Leveringen"
    form = hub_page.open_dispatch()
    assert isinstance(form, DispatchDialog)
    assert form.post.currentText() == "GR-0014  Dorpshuis Ten Boer"
    form.quantities.set_quantity("water", "200")
    form.quantities.set_quantity("blanket", "20")
    form.note.setText("Met de brandweer mee")
    form.submit()
    _idle(qtbot, hub)
    assert hub_page.dispatch_model.rowCount() == 1
    assert _cell(hub_page, "dispatch", 0, 2) == "Deken 20 stuks, Drinkwater 200 l"
    assert _cell(hub_page, "dispatch", 0, 4) == "onderweg"
    assert hub_page.summary.text() == "1 levering onderweg. Nog te beantwoorden: 0 aanvragen."

    carry(hub, app_context, stick)
    post_page = _page(qtbot, app_context)
    before = app_context.services.supplies.stock_of("water").quantity
    assert post_page.badge() == "1"
    assert _cell(post_page, "dispatch", 0, 4) == "onderweg — ontvangst nog melden"
    post_page.dispatch_table.select_row(0)
    receipt = post_page.open_receipt()
    assert isinstance(receipt, ReceiptDialog)

    events = _events(app_context)
    receipt.fields[item_id("water")].setText("180")  # water: less than sent
    receipt.submit()
    _idle(qtbot, app_context)
    assert receipt.isVisible()
    assert "wijkt af" in receipt.message.text()
    assert _events(app_context) == events

    receipt.note.setText("Twee jerrycans lek")
    receipt.submit()
    _idle(qtbot, app_context)
    assert post_page.dialog is None  # saved and closed
    assert _events(app_context) == events + 1
    assert app_context.services.supplies.stock_of("water").quantity == before + 180
    assert _cell(post_page, "dispatch", 0, 4) == "ontvangen 10:00, met afwijking"
    assert post_page.badge() == ""
    post_page.dispatch_table.select_row(0)
    _idle(qtbot, app_context)
    assert "Aangekomen: Deken 20 stuks, Drinkwater 180 l" in post_page.details.text()

    carry(app_context, hub, stick)
    hub_page.refresh()
    _idle(qtbot, hub)
    assert _cell(hub_page, "dispatch", 0, 4) == "ontvangen 10:00, met afwijking"


def test_a_request_from_the_post_is_answered_with_a_dispatch(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    stick = introduce(app_context, hub, tmp_path)
    post_page = _page(qtbot, app_context)
    assert not post_page.close_button.isEnabled()
    form = post_page.open_request()
    assert isinstance(form, RequestDialog)
    filled = {k: f.text() for k, f in form.quantities.fields.items() if f.text()}
    assert filled  # nothing in stock yet: everything below its minimum is suggested
    for field in form.quantities.fields.values():
        field.clear()
    events = _events(app_context)
    form.submit()
    _idle(qtbot, app_context)
    assert "minstens één artikel" in form.message.text()
    assert _events(app_context) == events
    form.quantities.set_quantity("nappies", "150")
    form.set_urgency("immediate")
    form.note.setText("Veel baby's")
    form.submit()
    _idle(qtbot, app_context)
    assert post_page.request_model.rowCount() == 1
    assert _cell(post_page, "request", 0, 3) == "spoed"
    assert _cell(post_page, "request", 0, 4) == "open"

    carry(app_context, hub, stick)
    hub_page = _page(qtbot, hub)
    assert hub_page.badge() == "1"
    assert _cell(hub_page, "request", 0, 1) == "GR-0014  Dorpshuis Ten Boer"
    hub_page.request_table.select_row(0)
    _idle(qtbot, hub)
    assert hub_page.answer_dispatch_button.isEnabled()
    answer = hub_page.open_answer_dispatch()
    assert isinstance(answer, DispatchDialog)
    assert not answer.post.isEnabled()
    assert answer.quantities.lines()[0][1] == 150
    answer.submit()
    _idle(qtbot, hub)
    assert _cell(hub_page, "request", 0, 4) == "beantwoord"
    assert hub_page.badge() == ""

    carry(hub, app_context, stick)
    post_page.refresh()
    _idle(qtbot, app_context)
    assert _cell(post_page, "request", 0, 4) == "beantwoord"
    assert post_page.dispatch_model.rowCount() == 1
