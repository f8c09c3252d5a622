"""Veilig en wel: record a message with or without consent, and the relatives' search."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.pages.messages import MessagesPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]) -> MessagesPage:
    widget = MessagesPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    wait_idle()  # the page reads off the GUI thread
    return widget


def rows(page: MessagesPage) -> list[tuple[str, ...]]:
    return [
        tuple(str(v) for v in page.model.values(row)[:-1]) for row in range(page.model.rowCount())
    ]


def test_a_message_without_consent_is_kept_but_marked(
    page: MessagesPage, wait_idle: Callable[[], None], event_count: Callable[[], int]
) -> None:
    assert page.title == "Veilig en wel"
    assert page.model.rowCount() == 0
    before = event_count()

    form = page.open_form()
    assert "mag gedeeld worden met verwanten die naar deze persoon vragen" in form.consent.text()
    assert not form.consent.isChecked()  # consent is asked for, never assumed
    form.name.setText("Egbert Kowalski")
    form.birth_year.setText("1954")
    form.message_text.setPlainText("Ik ben veilig en slaap in het dorpshuis.")
    form.contact.setText("06-12345678")
    form.save_button.click()
    wait_idle()

    assert page.dialog is None  # saved and closed
    assert event_count() == before + 1
    assert rows(page) == [
        (
            "10:00",
            "Egbert Kowalski",
            "1954",
            "geen toestemming — niet delen",
            "GR-0014",
            "Ik ben veilig en slaap in het dorpshuis.",
        )
    ]
    assert page.model.values(0)[-1] == "warning"  # amber, with the words
    assert "geen toestemming" in page.details.text()
    assert "Contact: 06-12345678" in page.details.text()

    # A relative's search does not find it: there is no consent to share it.
    page.search_field.setText("Kowalski")
    page.search()
    wait_idle()
    assert page.model.rowCount() == 0
    assert "Niets gevonden voor ‘Kowalski’" in page.mode.text()


def test_a_message_with_consent_is_found_by_a_search(
    app_context: AppContext,
    clock: FixedClock,
    page: MessagesPage,
    wait_idle: Callable[[], None],
) -> None:
    messages = app_context.services.messages
    messages.record("Janna Bakker", "Niet doorgeven", consent=False)
    clock.advance(timedelta(minutes=2))
    form = page.open_form()
    form.name.setText("Jan Bakker")
    form.consent.setChecked(True)
    form.submit()
    wait_idle()

    assert [r[1] for r in rows(page)] == ["Jan Bakker", "Janna Bakker"]
    assert rows(page)[0][3] == "mag gedeeld worden"
    assert page.table.selected_id() is not None  # the new message is selected

    page.search_field.setText("bakker")
    page.search()
    wait_idle()
    assert [r[1] for r in rows(page)] == ["Jan Bakker"]
    assert "Gevonden voor ‘bakker’: 1" in page.mode.text()
    assert "Jan Bakker" in page.details.text()

    page.clear_search()
    wait_idle()
    assert page.model.rowCount() == 2
    assert page.search_field.text() == ""


def test_a_message_needs_a_name(
    page: MessagesPage, wait_idle: Callable[[], None], event_count: Callable[[], int]
) -> None:
    before = event_count()
    form = page.open_form()
    form.message_text.setPlainText("Alles goed")
    form.consent.setChecked(True)
    form.submit()
    wait_idle()

    assert form.isVisible()
    assert "Vul de naam in" in form.message.text()
    assert form.message_text.toPlainText() == "Alles goed"
    assert event_count() == before


def test_a_search_needs_two_letters(
    app_context: AppContext, page: MessagesPage, wait_idle: Callable[[], None]
) -> None:
    app_context.services.messages.record("Jan Bakker", None, consent=True)
    page.refresh()
    wait_idle()
    page.search_field.setText("b")
    page.search()
    wait_idle()

    assert "Typ minstens 2 letters" in page.mode.text()
    assert page.model.rowCount() == 1  # the list of this post stays
