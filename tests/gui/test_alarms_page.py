"""Meldingen: raise an alarm through the form, read its radio line, confirm it at the hub."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from nodekit import carry, introduce
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from noodpost.core.entities import Op
from noodpost.core.fold import BASE_KEY
from noodpost.core.ids import post_id
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AcknowledgeDialog
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import Post

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _events(context: AppContext) -> int:
    with context.services.ctx.read() as session:
        return count_events(session)


def _page(qtbot: QtBot, context: AppContext) -> AlarmsPage:
    page = AlarmsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: context.runner.pending == 0)  # the page reads off the GUI thread
    return page


def _column(page: AlarmsPage, title: str) -> int:
    return [c.title for c in page.model.columns].index(title)


def _cell(page: AlarmsPage, row: int, title: str) -> str:
    return str(page.model.data(page.model.index(row, _column(page, title))))


def test_raise_an_alarm_through_the_form(
    qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    with app_context.services.ctx.write() as uow:  # the coordinator filled in the address
        row = uow.session.get(Post, post_id("GR-0014"))
        assert row is not None
        uow.emit("post", row.id, Op.UPDATE, {"address": "Dorpsstraat 1", BASE_KEY: row.updated_hlc})
    page = _page(qtbot, app_context)
    assert page.model.rowCount() == 0
    assert not page.radio_panel.isVisible()
    assert page.badge() == ""

    form = page.open_form()
    assert form.isVisible()
    assert form.location.text() == "Dorpsstraat 1"  # prefilled with the post's address
    form.type_choice.button("ambulance").click()
    assert form.type_choice.button("ambulance").text().startswith("✔")
    form.urgency_choice.set_value("immediate")
    form.location.setText("Dorpsstraat 1, zaal 2")
    form.persons.setValue(2)
    form.description.setPlainText("Man onwel")
    form.save_button.click()
    wait_idle()

    assert not form.isVisible()
    assert page.model.rowCount() == 1
    assert _cell(page, 0, "Wie nodig") == "ambulance"
    assert _cell(page, 0, "Urgentie") == "spoed"
    assert _cell(page, 0, "Status") == "open"
    assert _cell(page, 0, "Tijd") == "10:00"
    [alarm_id] = app_context.services.alarms.alarm_ids()
    assert page.radio_panel.isVisible()
    assert "Lees dit nu voor over de radio aan de C-NSP:" in page.radio_intro.text()
    assert page.radio_line.text() == app_context.services.alarms.radio_line(alarm_id)
    assert page.radio_line.text() == (
        "NSP GR-0014 | AMBULANCE | SPOED | 2 pers | Dorpsstraat 1, zaal 2 | 10:00"
    )
    assert page.radio_line.font().pointSize() >= 24
    assert [page.history.item(i).text() for i in range(page.history.count())] == [
        "10:00  open · Anna Dijkstra"
    ]
    assert "Man onwel" in page.details.text()
    assert page.badge() == "1"


def test_a_refused_form_keeps_what_was_typed(
    qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    page = _page(qtbot, app_context)
    before = _events(app_context)
    form = page.open_form()
    form.location.setText("Kerkstraat 5")
    form.description.setPlainText("Rook in de keuken")
    form.submit()  # no type chosen
    wait_idle()

    assert form.isVisible()
    assert form.message.isVisible()
    assert "Kies wie er nodig is" in form.message.text()
    assert form.message.text().startswith("Niet opgeslagen")
    assert form.description.toPlainText() == "Rook in de keuken"
    assert _events(app_context) == before
    assert page.model.rowCount() == 0
    form.reject()


def test_cancel_an_alarm_raised_by_mistake(
    qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    alarm = app_context.services.alarms.raise_alarm("fire", "high", "Keuken")
    page = _page(qtbot, app_context)
    assert page.cancel_button.isEnabled()
    assert not page.acknowledge_button.isVisible()  # only the C-NSP confirms

    dialog = page.open_note(cancel=True)
    assert dialog is not None
    before = _events(app_context)
    dialog.submit()  # a reason is required
    wait_idle()
    assert "waarom" in dialog.message.text()
    assert _events(app_context) == before

    dialog.note.setText("Vergissing, het was de broodrooster")
    dialog.submit()
    wait_idle()
    assert _cell(page, 0, "Status") == "ingetrokken"
    assert app_context.services.alarms.alarm(alarm.id).status == "cancelled"
    assert not page.radio_panel.isVisible()
    assert not page.cancel_button.isEnabled()


def test_the_hub_receives_and_confirms_an_alarm(
    qtbot: QtBot,
    app_context: AppContext,
    hub: AppContext,
    tmp_path: Path,
    wait_idle: Callable[[], None],
) -> None:
    post_alarm = app_context.services.alarms.raise_alarm(
        "ambulance", "immediate", "Zaal 2", persons=2
    )
    stick = introduce(app_context, hub, tmp_path)  # the post's first bundle carries the alarm

    page = _page(qtbot, hub)
    assert not page.new_button.isVisible()
    assert page.model.rowCount() == 1
    assert _cell(page, 0, "Post") == "GR-0014"
    assert _cell(page, 0, "Status") == "open"
    assert not page.radio_panel.isVisible()
    assert page.badge() == "1"

    page.receive_button.click()
    qtbot.waitUntil(lambda: hub.runner.pending == 0)
    assert _cell(page, 0, "Status") == "ontvangen"
    assert not page.receive_button.isEnabled()

    dialog = page.open_acknowledge()
    assert isinstance(dialog, AcknowledgeDialog)
    assert dialog.name.text() == "Bert Hoekstra"  # the signed-in operator
    dialog.name.setText("Bakker (C-NSP)")
    dialog.note.setText("Ambulance is onderweg")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: hub.runner.pending == 0)

    assert _cell(page, 0, "Status") == "bevestigd"
    assert _cell(page, 0, "Bevestigd door") == "Bakker (C-NSP)"
    assert "Ambulance is onderweg" in page.details.text()
    assert page.badge() == ""
    steps = [page.history.item(i).text() for i in range(page.history.count())]
    assert steps[-1] == "10:00  bevestigd · Bert Hoekstra — Ambulance is onderweg"
    assert hub.services.alarms.alarm(post_alarm.id).acknowledged_by == "Bakker (C-NSP)"

    close = page.open_note(cancel=False)
    assert close is not None
    close.submit()
    qtbot.waitUntil(lambda: hub.runner.pending == 0)
    assert _cell(page, 0, "Status") == "afgesloten"
    selected = page.selected_alarm()
    assert selected is not None
    assert selected.id == post_alarm.id  # the closed alarm stays in view after closing

    fire = app_context.services.alarms.raise_alarm("fire", "high", "Keuken")
    carry(app_context, hub, stick)  # a new alarm arrives: it is shown, not the old one
    page.refresh()
    qtbot.waitUntil(lambda: hub.runner.pending == 0)
    assert page.model.rowCount() == 2
    selected = page.selected_alarm()
    assert selected is not None
    assert selected.id == fire.id
    assert _cell(page, 0, "Status") == "open"
    wait_idle()


def test_the_hub_confirms_an_alarm_it_did_not_mark_received_yet(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    app_context.services.alarms.raise_alarm("police", "high", "Ingang")
    introduce(app_context, hub, tmp_path)
    page = _page(qtbot, hub)
    assert page.title == "Meldingen"
    assert page.acknowledge_button.isEnabled()
    assert not page.close_button.isEnabled()

    dialog = page.open_acknowledge()
    assert dialog is not None
    before = _events(hub)
    dialog.name.setText("")
    dialog.submit()
    qtbot.waitUntil(lambda: hub.runner.pending == 0)
    assert "Vul in wie de noodmelding bevestigt" in dialog.message.text()
    assert _events(hub) == before  # nothing half-done: not even 'received'

    dialog.name.setText("Bakker")
    dialog.submit()
    qtbot.waitUntil(lambda: hub.runner.pending == 0)
    assert _cell(page, 0, "Status") == "bevestigd"
    # One write, one event: the hub confirms straight from 'open' (whoever confirms received it).
    assert [page.history.item(i).text().split("  ")[1] for i in range(page.history.count())] == [
        "open · Anna Dijkstra",
        "bevestigd · Bert Hoekstra",
    ]


def test_the_alarm_chosen_while_the_list_is_read_stays_chosen(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    alarms = app_context.services.alarms
    alarms.raise_alarm("ambulance", "immediate", "Zaal 2", persons=2)
    alarms.raise_alarm("fire", "high", "Keuken")
    introduce(app_context, hub, tmp_path)
    page = _page(qtbot, hub)
    assert [_cell(page, row, "Plek") for row in range(page.model.rowCount())] == [
        "Zaal 2",
        "Keuken",
    ]
    assert "Plek: Zaal 2" in page.details.text()

    page.refresh()  # an alarm arrives elsewhere: the list is read again, off the GUI thread …
    QTest.keyClick(page.table, Qt.Key.Key_Down)  # … while the operator goes to the next one
    qtbot.waitUntil(lambda: hub.runner.pending == 0)
    assert page.table.currentIndex().row() == 1
    assert "Plek: Keuken" in page.details.text()
    selected = page.selected_alarm()
    assert selected is not None
    assert selected.location == "Keuken"
