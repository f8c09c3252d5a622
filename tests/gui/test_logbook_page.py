"""Logboek: write a line with Enter, see automatic lines, show only what was typed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.pages.logbook import LogbookPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def page(qtbot: QtBot, app_context: AppContext) -> LogbookPage:
    widget = LogbookPage(app_context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)  # the first read shown
    return widget


def test_a_manual_entry_and_an_automatic_delivery_line(
    app_context: AppContext, page: LogbookPage, wait_idle: Callable[[], None]
) -> None:
    assert page.title == "Logboek"
    app_context.services.supplies.record_delivery("water", 200, "Waterbedrijf")
    page.refresh()
    wait_idle()

    page.focus_default()
    QTest.keyClicks(page.entry, "Aggregaat bijgevuld met brandstof.")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    wait_idle()

    assert page.entry.text() == ""
    assert page.row_texts() == [
        ("10:00", "Levering: 200 l Drinkwater — Waterbedrijf", "Anna Dijkstra", "automatisch"),
        ("10:00", "Aggregaat bijgevuld met brandstof.", "Anna Dijkstra", "handmatig"),
    ]
    assert page.table.selected_row() == 1  # the new line is shown
    assert page.summary.text() == "Regels: 2"

    page.manual_only.setChecked(True)
    wait_idle()
    assert page.row_texts() == [
        ("10:00", "Aggregaat bijgevuld met brandstof.", "Anna Dijkstra", "handmatig")
    ]


def test_the_add_button_writes_too(page: LogbookPage, wait_idle: Callable[[], None]) -> None:
    page.entry.setText("Rondgang Kerkstraat gedaan.")
    page.add_button.click()
    wait_idle()
    assert [r[1] for r in page.row_texts()] == ["Rondgang Kerkstraat gedaan."]


def test_an_empty_line_is_refused_and_nothing_written(
    monkeypatch: pytest.MonkeyPatch,
    page: LogbookPage,
    wait_idle: Callable[[], None],
    event_count: Callable[[], int],
) -> None:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    before = event_count()

    QTest.keyClicks(page.entry, "   ")
    QTest.keyClick(page.entry, Qt.Key.Key_Return)
    wait_idle()

    assert shown == ["Vul de tekst voor het logboek in."]
    assert event_count() == before
    assert page.model.rowCount() == 0
    assert page.entry.isEnabled()
