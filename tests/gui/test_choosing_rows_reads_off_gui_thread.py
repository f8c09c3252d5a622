"""Choosing a row reads its details off the GUI thread (issue 15).

On *Uitgifte & voorraad* an item chosen with the arrow keys shows its ledger, and at the hub
on *Leveringen* a dispatch chosen shows its details and the button that acts on it; what they
show is read on the runner's reader thread, so a slow disk never freezes the window while a
coordinator walks down a list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from keyboard import activate, press
from nodekit import introduce
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_thread_sql import GuiThreadSql, settle

from noodpost.app import build_main_window
from noodpost.core.catalogue import item_id
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.supplies import SuppliesPage
from noodpost.gui.pages.supply_notices import SupplyNoticesPage
from noodpost.services.supply_notices import SupplyNoticesService

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _page_key(window: MainWindow, kind: type) -> Qt.Key:
    """Ctrl+<this key> opens the page of this kind."""
    [number] = [n for n, page in enumerate(window.pages) if isinstance(page, kind)]
    return Qt.Key(Qt.Key.Key_1 + number)


def test_an_item_chosen_by_arrow_keys_shows_its_ledger_read_off_the_gui_thread(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext
) -> None:
    app_context.services.supplies.record_delivery("blanket", 30, "Rode Kruis")
    page = next(p for p in main_window.pages if isinstance(p, SuppliesPage))
    activate(qtbot, main_window)
    press(main_window, _page_key(main_window, SuppliesPage), Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, app_context)
    page.stock_table.setFocus()
    assert page.stock_table.selected_row() == 0  # the first item, and its ledger
    guard = GuiThreadSql()

    with guard.listening(app_context.services.ctx.db):
        guard.doing = "arrow keys down the stock list"
        for _row in range(page.stock_model.row_of(item_id("blanket"))):
            press(main_window, Qt.Key.Key_Down)
        settle(qtbot, app_context)

    assert page.ledger_title.text() == "Verloop van Deken, nieuwste eerst"
    assert page.ledger_model.rowCount() == 1
    assert page.ledger_model.values(0)[1:4] == ("levering", "+30 stuks", "30 stuks")
    assert page.ledger_model.values(0)[5] == "Rode Kruis"
    assert sorted(guard.seen.items()) == []


def test_a_dispatch_chosen_at_the_hub_shows_its_details_read_off_the_gui_thread(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    introduce(app_context, hub, tmp_path)
    notices = SupplyNoticesService(hub.services.ctx)
    sent = [
        notices.dispatch("GR-0014", {"water": 100}, note="Met de bus"),
        notices.dispatch("GR-0014", {"blanket": 20}, note="Met de brandweer"),
    ]
    window = build_main_window(hub)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = next(p for p in window.pages if isinstance(p, SupplyNoticesPage))
    activate(qtbot, window)
    press(window, _page_key(window, SupplyNoticesPage), Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, hub)
    first, second = (page.dispatch_model.id_at(row) for row in (0, 1))
    note = {d.id: d.note for d in sent}
    assert page.dispatch_table.hasFocus()
    assert page.dispatch_table.selected_id() == first  # the list has the focus: its first row
    assert f"Opmerking C-NSP: {note[first]}" in page.details.text()
    guard = GuiThreadSql()

    with guard.listening(hub.services.ctx.db):
        guard.doing = "the next dispatch chosen"
        press(window, Qt.Key.Key_Down)
        settle(qtbot, hub)

    assert page.dispatch_table.selected_id() == second
    assert page.details.text().startswith("Levering naar Dorpshuis Ten Boer (GR-0014)")
    assert f"Opmerking C-NSP: {note[second]}" in page.details.text()
    assert page.cancel_button.isEnabled()  # on its way: the hub may still cancel it
    assert sorted(guard.seen.items()) == []
