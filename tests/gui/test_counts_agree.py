"""One word, one number (issue 18, item 10), seen in the whole main window.

Overzicht said *Personen 0* for households of 4 and 2 persons (it counted the rare household
members recorded by name) and *Logboekregels 1* while the Logboek showed 2 rows (it counted
only the typed lines). The status line called alarms *onbevestigd* while they were open or sent,
and the navigation badge counted received ones too: the same word, two numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from nodekit import carry, introduce
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.logbook import LogbookPage
from noodpost.gui.pages.overview import OverviewPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _open(qtbot: QtBot, window: MainWindow, title: str) -> Page:
    """Click the page's name in the navigation, as a volunteer does."""
    row = window.pages.index(window.page(title))
    item = window.nav.item(row)
    window.nav.scrollToItem(item)
    QTest.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )
    page = window.pages[row]
    qtbot.waitUntil(page.isVisible)
    return page


def _shown(page: OverviewPage, name: str) -> str:
    """The number Overzicht shows next to ``name``."""
    form = page.counts
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is None or field is None:
            continue
        caption, value = label.widget(), field.widget()
        if isinstance(caption, QLabel) and isinstance(value, QLabel) and caption.text() == name:
            return value.text()
    raise AssertionError(f"Overzicht shows no {name!r}")


def test_overview_counts_people_and_logbook_lines_as_the_other_screens_do(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    services = app_context.services
    services.intake.register(size=4)
    services.intake.register(size=2)
    services.supplies.record_delivery("water", 500, "gemeente")  # an automatic logbook line
    main_window.activateWindow()

    logbook = _open(qtbot, main_window, "Logboek")
    assert isinstance(logbook, LogbookPage)
    logbook.entry.setFocus()
    QTest.keyClicks(logbook.entry, "Aggregaat bijgevuld")
    QTest.keyClick(logbook.entry, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: logbook.model.rowCount() == 2)

    overview = _open(qtbot, main_window, "Overzicht")
    assert isinstance(overview, OverviewPage)
    wait_idle()
    assert _shown(overview, "Huishoudens") == "2"
    assert _shown(overview, "Personen") == "6"
    assert _shown(overview, "Logboekregels") == str(logbook.model.rowCount())
    status = services.status.current().as_dict()  # `noodpost status --json`: the same numbers
    assert (status["people"], status["logbook_lines"]) == (6, 2)


def _alarms_in_status_line(window: MainWindow) -> tuple[int, str]:
    text = window.status_line.alarms.text()
    found = re.match(r"(\d+) ", text)
    return (int(found.group(1)) if found else 0), text


def test_status_line_and_badge_count_unconfirmed_alarms_alike(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    hub: AppContext,
    tmp_path: Path,
) -> None:
    alarms = app_context.services.alarms
    alarm = alarms.raise_alarm("ambulance", "immediate", "Kerkstraat 5 zaal 2", persons=2)
    stick = introduce(app_context, hub, tmp_path)  # pair, first bundle, approve
    hub.services.alarms.mark_received(alarm.id)
    carry(hub, app_context, stick)  # the post learns that the C-NSP holds it: not confirmed yet
    assert alarms.alarm(alarm.id).status == "received"

    row = main_window.pages.index(main_window.page("Meldingen"))
    qtbot.waitUntil(lambda: main_window.nav.item(row).text() == "Meldingen  1")
    count, text = _alarms_in_status_line(main_window)
    assert (count, "niet bevestigd" in text) == (1, True), text
    assert "#b00020" in main_window.status_line.alarms.styleSheet()  # red, as the badge's page

    hub.services.alarms.acknowledge(alarm.id, "Meldkamer Noord")
    carry(hub, app_context, stick)
    qtbot.waitUntil(lambda: main_window.nav.item(row).text() == "Meldingen")
    count, text = _alarms_in_status_line(main_window)
    assert count == 1, text  # still open, and now confirmed
    assert "bevestigd" in text, text
    assert "niet" not in text, text
    assert main_window.status_line.alarms.styleSheet() == ""
