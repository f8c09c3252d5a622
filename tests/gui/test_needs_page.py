"""Hulpvragen: filter the list, move a need on through the buttons, refer, cancel, refuse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.needs_forms import CancelNeedDialog, NewNeedDialog, ReferDialog
from noodpost.gui.pages.needs import NeedsPage

pytestmark = pytest.mark.gui


def record_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown (a modal exec would block the test)."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


NEED = frozenset({"need"})


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext) -> NeedsPage:
    page = NeedsPage(app_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)  # the first read shown
    return page


def buttons(page: NeedsPage) -> dict[str, bool]:
    return {b.objectName(): b.isEnabled() for b in page._buttons()}


def test_open_to_in_progress_to_done_through_the_buttons(
    page: NeedsPage, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    needs = app_context.services.needs
    household = app_context.services.intake.register(size=3)
    need = needs.open_need("medical", "high", household_id=household.household_id, note="insuline")
    page.on_entities_changed(NEED)
    wait_idle()

    assert page.model.rowCount() == 1
    assert page.row_texts(0) == [
        "10:00",
        "medische zorg",
        "hoog",
        cards.pretty(household.card_code),
        "open",
        "insuline",
    ]
    page.table.select_row(0)
    assert buttons(page) == {
        "need_in_progress": True,
        "need_done": True,
        "need_refer": True,
        "need_cancel": True,
    }

    page.in_progress_button.click()
    wait_idle()

    assert page.row_texts(0)[4] == "in behandeling"
    assert needs.need(need.id).status == "in_progress"
    assert page.message.text() == "✔ Hulpvraag medische zorg is nu in behandeling."
    assert not page.in_progress_button.isEnabled()  # no way back to the same status

    page.done_button.click()
    wait_idle()

    assert needs.need(need.id).status == "done"
    assert page.model.rowCount() == 0  # "alle open" no longer holds it
    assert "staat hij niet meer in de lijst" in page.message.text()
    page.set_filters(status="all")
    wait_idle()
    assert page.row_texts(0)[4] == "afgehandeld"
    page.table.select_row(0)
    assert not any(buttons(page).values())
    assert "Deze hulpvraag is afgesloten." in page.detail.text()


def test_filters_narrow_the_list(
    page: NeedsPage, app_context: AppContext, clock: FixedClock, wait_idle: Callable[[], None]
) -> None:
    needs = app_context.services.needs
    needs.open_need("food_water")
    clock.advance(timedelta(minutes=1))
    needs.open_need("medical", "immediate")
    clock.advance(timedelta(minutes=1))
    needs.open_need("medical", "normal")
    finished = needs.open_need("shelter", "high")
    needs.change_status(finished.id, "done")
    page.refresh()
    wait_idle()

    assert page.count.text() == "Hulpvragen in deze lijst: 3"
    assert [page.row_texts(r)[2] for r in range(3)] == ["spoed", "normaal", "normaal"]

    page.set_filters(category="medical")

    wait_idle()
    assert page.model.rowCount() == 2
    assert {page.row_texts(r)[1] for r in range(2)} == {"medische zorg"}

    page.set_filters(category="medical", urgency="immediate")

    wait_idle()
    assert page.model.rowCount() == 1
    assert page.row_texts(0)[2] == "spoed"

    page.set_filters(status="done")

    wait_idle()
    assert page.model.rowCount() == 1
    assert page.row_texts(0)[1] == "onderdak"

    page.set_filters(status="all")

    wait_idle()
    assert page.count.text() == "Hulpvragen in deze lijst: 4"
    assert page.badge() == "3"


def test_refused_transition_shows_the_message_and_changes_nothing(
    page: NeedsPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    needs = app_context.services.needs
    need = needs.open_need("transport")
    page.refresh()
    wait_idle()
    page.table.select_row(0)
    needs.change_status(need.id, "done")  # a colleague finished it; this page still shows open
    before = event_count()
    shown = record_message_boxes(monkeypatch)

    page.in_progress_button.click()
    wait_idle()

    assert shown == [
        "Een hulpvraag die afgehandeld is kan niet terug naar in behandeling. "
        "Maak zo nodig een nieuwe hulpvraag aan."
    ]
    assert event_count() == before
    assert needs.need(need.id).status == "done"
    assert page.model.rowCount() == 0  # refreshed: the finished need left "alle open"


def test_refer_asks_where_to(
    page: NeedsPage,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
) -> None:
    needs = app_context.services.needs
    need = needs.open_need("medicine", "high")
    page.refresh()
    wait_idle()
    page.table.select_row(0)

    page.refer_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ReferDialog)
    assert dialog.isVisible()
    before = event_count()
    dialog.submit()  # nothing typed: refused, the dialog stays open
    wait_idle()
    assert dialog.isVisible()
    assert dialog.message.text() == (
        "Niet opgeslagen: Vul in naar wie of waar de hulpvraag is doorverwezen."
    )
    assert event_count() == before

    dialog.referred_to.setText("huisartsenpost Groningen")
    dialog.submit()
    wait_idle()

    assert needs.need(need.id).referred_to == "huisartsenpost Groningen"
    assert page.row_texts(0)[4] == "doorverwezen"
    assert page.row_texts(0)[5] == "naar huisartsenpost Groningen"
    assert buttons(page) == {
        "need_in_progress": False,
        "need_done": True,
        "need_refer": False,
        "need_cancel": True,
    }


def test_cancel_with_a_reason(
    page: NeedsPage, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    needs = app_context.services.needs
    need = needs.open_need("hygiene")
    page.refresh()
    wait_idle()
    page.table.select_row(0)

    page.cancel_button.click()
    dialog = page.dialog
    assert isinstance(dialog, CancelNeedDialog)
    dialog.reason.setText("dubbel ingevoerd")
    dialog.submit()
    wait_idle()

    cancelled = needs.need(need.id)
    assert (cancelled.status, cancelled.status_note) == ("cancelled", "dubbel ingevoerd")
    assert page.model.rowCount() == 0


def test_new_need_without_household(
    page: NeedsPage, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    page.new_button.click()
    dialog = page.dialog
    assert isinstance(dialog, NewNeedDialog)
    dialog.choose("power", "high", "aggregaat valt uit")
    dialog.submit()
    wait_idle()

    [need] = app_context.services.needs.list_needs()
    assert (need.category, need.urgency, need.household_id) == ("power", "high", None)
    assert page.row_texts(0) == [
        "10:00",
        "stroom/opladen",
        "hoog",
        "—",
        "open",
        "aggregaat valt uit",
    ]
    assert page.table.selected_row() == 0
    assert page.message.text() == "✔ Nieuwe hulpvraag opgeslagen: stroom/opladen (hoog)."
