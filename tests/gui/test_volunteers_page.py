"""Vrijwilligers: add a volunteer as coordinator, start and end a shift, refusals said calmly."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from support import FAST_HASHER

from noodpost.gui.context import AppContext
from noodpost.gui.pages.volunteers import VolunteersPage
from noodpost.services.volunteers import VolunteersService, VolunteerSummary

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext) -> VolunteersPage:
    widget = VolunteersPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)  # the first read shown
    return widget


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of message boxes that would have been shown."""
    texts: list[str] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts


def add_bram(app_context: AppContext) -> VolunteerSummary:
    fast = VolunteersService(app_context.services.ctx, hasher=FAST_HASHER)
    return fast.add_volunteer("Bram Visser", "volunteer", "1357", ["EHBO"])


def rows(page: VolunteersPage) -> list[tuple[str, ...]]:
    """What the list shows, row by row, column by column."""
    columns = page.model.columnCount()
    return [
        tuple(str(v) for v in page.model.values(r)[:columns]) for r in range(page.model.rowCount())
    ]


def test_the_coordinator_adds_a_volunteer(
    page: VolunteersPage, wait_idle: Callable[[], None], event_count: Callable[[], int]
) -> None:
    assert page.title == "Vrijwilligers"
    assert page.signed_in.text() == "Ingelogd: Anna Dijkstra (coördinator)"
    assert page.add_note.text() == ""
    before = event_count()

    dialog = page.open_add()
    assert dialog is not None
    assert dialog.pin.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.pin_again.echoMode() == QLineEdit.EchoMode.Password
    dialog.name.setText("Bram Visser")
    dialog.pin.setText("1357")
    dialog.pin_again.setText("1357")
    dialog.skills.setText("EHBO, koken; Pools")
    dialog.phone.setText("06-11112222")
    left: list[str] = []
    dialog.saved.connect(lambda _v: left.extend((dialog.pin.text(), dialog.pin_again.text())))
    dialog.save_button.click()
    wait_idle()

    assert page.dialog is None  # saved and closed
    assert left == ["", ""]  # the PIN is not kept around
    assert event_count() == before + 2  # the volunteer, and the PIN's own record
    assert rows(page) == [
        ("Anna Dijkstra", "coördinator", "—", "—"),
        ("Bram Visser", "vrijwilliger", "EHBO, koken, Pools", "—"),
    ]
    assert page.table.selected_row() == 1


def test_different_pins_are_refused_without_showing_them(
    page: VolunteersPage, wait_idle: Callable[[], None], event_count: Callable[[], int]
) -> None:
    before = event_count()
    dialog = page.open_add()
    assert dialog is not None
    dialog.name.setText("Bram Visser")
    dialog.pin.setText("1357")
    dialog.pin_again.setText("1358")
    dialog.submit()
    wait_idle()

    assert dialog.isVisible()
    assert "De twee pincodes zijn niet gelijk" in dialog.message.text()
    assert "1357" not in dialog.message.text()
    assert "1358" not in dialog.message.text()
    assert dialog.pin.text() == dialog.pin_again.text() == ""
    assert dialog.name.text() == "Bram Visser"
    assert event_count() == before


def test_start_and_end_a_shift_with_a_handover(
    app_context: AppContext, page: VolunteersPage, wait_idle: Callable[[], None]
) -> None:
    bram = add_bram(app_context)
    page.refresh()
    wait_idle()
    assert page.table.select_id(bram.id)
    assert page.start_button.isEnabled()
    assert not page.end_button.isEnabled()

    page.task.setText("balie")
    page.start_button.click()
    wait_idle()

    assert rows(page)[1] == ("Bram Visser", "vrijwilliger", "EHBO", "sinds 10:00 · balie")
    assert page.summary.text() == "In dienst: 1 · vrijwilligers van deze post: 2"
    assert page.end_button.isEnabled()
    assert not page.start_button.isEnabled()

    dialog = page.open_end_shift()
    assert dialog is not None
    dialog.note.setPlainText("Sleutel van de opslag ligt bij Anna.")
    dialog.save_button.click()
    wait_idle()

    assert page.dialog is None
    assert rows(page)[1][3] == "—"
    assert page.start_button.isEnabled()
    texts = [line.text for line in app_context.services.logbook.entries()]
    assert texts == [
        "Dienst begonnen: Bram Visser (balie)",
        "Dienst beëindigd: Bram Visser — overdracht: Sleutel van de opslag ligt bij Anna.",
    ]


def test_a_volunteer_cannot_add_volunteers_and_is_told_calmly(
    app_context: AppContext,
    page: VolunteersPage,
    shown: list[str],
    event_count: Callable[[], int],
    wait_idle: Callable[[], None],
) -> None:
    bram = add_bram(app_context)
    app_context.services.volunteers.sign_in(bram.id, "1357")
    page.refresh()
    wait_idle()
    assert page.signed_in.text() == "Ingelogd: Bram Visser (vrijwilliger)"
    assert page.add_note.text() == "Vrijwilligers toevoegen doet de coördinator van dienst."
    before = event_count()

    assert page.open_add() is None
    assert shown == ["Alleen een coördinator kan dit doen. Vraag de coördinator van dienst."]
    assert page.dialog is None
    assert event_count() == before


def test_starting_a_shift_twice_is_refused(
    app_context: AppContext,
    page: VolunteersPage,
    shown: list[str],
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
) -> None:
    bram = add_bram(app_context)
    page.refresh()
    wait_idle()
    page.table.select_id(bram.id)
    app_context.services.volunteers.start_shift(bram.id)  # on another screen, just now
    before = event_count()

    page.start_shift()
    wait_idle()

    assert shown == [
        "Bram Visser is al in dienst. Beëindig eerst die dienst voordat een nieuwe begint."
    ]
    assert event_count() == before
    assert page.end_button.isEnabled()  # the page shows the shift that is running
