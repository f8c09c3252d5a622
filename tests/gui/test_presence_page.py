"""Aanwezig: the list of who is present, the capacity gauge, check-out, and who is not seen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.pages.presence import PresencePage
from noodpost.services.intake import Registered

pytestmark = pytest.mark.gui


def record_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes are recorded instead of shown (a modal exec would block the test)."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


VISIT = frozenset({"visit"})


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext) -> PresencePage:
    page = PresencePage(app_context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)  # the first read shown
    return page


@pytest.fixture
def register(app_context: AppContext) -> Callable[..., Registered]:
    def make(size: int, *flags: str) -> Registered:
        return app_context.services.intake.register(size=size, flags=flags, consent=bool(flags))

    return make


def cell(page: PresencePage, table: str, row: int, column: int) -> str:
    model = page.present_model if table == "present" else page.unseen_model
    return str(model.data(model.index(row, column)))


def test_check_in_and_out_change_the_list_and_the_gauge(
    page: PresencePage,
    app_context: AppContext,
    register: Callable[..., Registered],
    wait_idle: Callable[[], None],
    clock: FixedClock,
) -> None:
    visits = app_context.services.visits
    assert page.present_model.rowCount() == 0
    assert page.gauge_text() == "0 / 80 aanwezig"

    family = register(4, "needs_medication")
    single = register(1)
    visits.check_in(family.household_id)
    clock.advance(timedelta(minutes=10))
    visits.check_in(single.household_id)
    page.on_entities_changed(VISIT)  # what the main window does after every write
    wait_idle()

    assert page.present_model.rowCount() == 2
    assert page.gauge_text() == "5 / 80 aanwezig"
    assert page.badge() == "5"
    assert cell(page, "present", 0, 0) == cards.pretty(family.card_code)
    assert cell(page, "present", 0, 1) == "4"
    assert cell(page, "present", 0, 2) == "10:00"
    assert cell(page, "present", 0, 3) == "medicatie nodig"

    page.present_table.select_row(0)
    QTest.keyClick(page.present_table, Qt.Key.Key_Delete)
    wait_idle()

    assert page.present_model.rowCount() == 1
    assert cell(page, "present", 0, 0) == cards.pretty(single.card_code)
    assert page.gauge_text() == "1 / 80 aanwezig"
    assert page.message.text() == f"✔ Afgemeld: kaart {cards.pretty(family.card_code)} (4 pers.)."
    assert visits.occupancy() == (1, 80)

    # The next row is selected: Enter checks that one out too.
    QTest.keyClick(page.present_table, Qt.Key.Key_Return)
    wait_idle()
    assert page.present_model.rowCount() == 0
    assert page.gauge_text() == "0 / 80 aanwezig"
    assert not page.check_out_button.isEnabled()


def test_over_capacity_says_vol(
    page: PresencePage,
    app_context: AppContext,
    register: Callable[..., Registered],
    wait_idle: Callable[[], None],
) -> None:
    visits = app_context.services.visits
    for _ in range(3):
        visits.check_in(register(25).household_id)
    page.on_entities_changed(VISIT)
    wait_idle()
    assert page.gauge_text() == "75 / 80 aanwezig"
    assert page.capacity_note.isHidden()

    visits.check_in(register(7).household_id)
    page.on_entities_changed(VISIT)
    wait_idle()

    assert page.gauge_text() == "Vol · 82 / 80 aanwezig"
    assert "#ffbf00" in page.gauge.styleSheet()
    assert page.capacity_note.isVisible()
    assert page.capacity_note.text().startswith("Let op: 82 aanwezig, capaciteit 80.")


def test_check_out_refused_shows_the_message_and_changes_nothing(
    page: PresencePage,
    app_context: AppContext,
    register: Callable[..., Registered],
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    visits = app_context.services.visits
    household = register(2).household_id
    visits.check_in(household)
    page.on_entities_changed(VISIT)
    wait_idle()
    page.present_table.select_row(0)
    visits.check_out(household)  # another laptop was quicker; this page has not refreshed yet
    before = event_count()
    shown = record_message_boxes(monkeypatch)

    page.check_out_button.click()
    wait_idle()

    assert len(shown) == 1
    assert shown[0].startswith("Dit bezoek is al afgemeld")
    assert event_count() == before
    assert page.present_model.rowCount() == 0  # the page shows the real state again


def test_flagged_households_not_seen(
    page: PresencePage,
    app_context: AppContext,
    register: Callable[..., Registered],
    clock: FixedClock,
    wait_idle: Callable[[], None],
) -> None:
    visits = app_context.services.visits
    away = register(2, "power_dependent", "needs_medication")
    here = register(1, "less_self_reliant")
    register(3)  # no flag: never listed
    visits.check_in(away.household_id)
    clock.advance(timedelta(hours=1))
    visits.check_out(away.household_id)
    visits.check_in(here.household_id)
    page.on_entities_changed(VISIT)
    wait_idle()

    assert page.unseen_model.rowCount() == 0  # left an hour ago: within 4 hours
    assert page.unseen_summary.text().startswith("Iedereen met een kenmerk is aanwezig")

    clock.advance(timedelta(hours=5))
    page.refresh()
    wait_idle()

    assert page.unseen_model.rowCount() == 1
    assert cell(page, "unseen", 0, 0) == cards.pretty(away.card_code)
    assert cell(page, "unseen", 0, 2) == "11:00 (5 uur geleden)"
    assert cell(page, "unseen", 0, 3) == "medicatie nodig, afhankelijk van stroom (medisch)"
    assert page.unseen_summary.text().startswith("Let op: niet gezien (1).")

    page.unseen_hours.setValue(8)
    wait_idle()
    assert page.unseen_model.rowCount() == 0
