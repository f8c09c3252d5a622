"""The generator log by keyboard (issue 17): a reading typed in, the hours left on Overzicht.

Ctrl+4 (Uitgifte & voorraad), Alt+A opens *Aggregaat: stand noteren* with the litres left in
focus; Enter saves. Two hours later, Ctrl+N on Overzicht: Alt+O for the litres left, Alt+B for
the litres added, Enter. Overzicht then shows the use per hour and the hours of power left,
amber with the words because it is under 12 hours. At the hub the Regio page shows the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from keyboard import activate, opened, press
from nodekit import carry, close_context, hub_context, introduce, node_context
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.generator_form import GeneratorDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.models.lazy import TONES
from noodpost.gui.pages.overview import OverviewPage
from noodpost.gui.pages.regional import RegionalPage
from noodpost.services.generator import GeneratorService

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _overview(main_window: MainWindow) -> tuple[int, OverviewPage]:
    [(index, page)] = [
        (i, p) for i, p in enumerate(main_window.pages) if isinstance(p, OverviewPage)
    ]
    return index, page


def test_readings_typed_in_give_the_hours_left_on_overzicht(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    clock: FixedClock,
    wait_idle: Callable[[], None],
) -> None:
    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Uitgifte & voorraad
    press(main_window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    form = opened(qtbot, main_window, GeneratorDialog, "generator_dialog")
    assert "Nog geen stand genoteerd" in form.current.text()
    assert form.running.isChecked()
    assert QApplication.focusWidget() is form.left
    QTest.keyClicks(form.left, "60")
    press(form, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: main_window.findChild(GeneratorDialog) is None)  # saved, closed
    [first] = GeneratorService(app_context.services.ctx).readings()
    assert (first.running, first.litres_left, first.litres_added) == (True, 60, None)

    clock.advance(timedelta(hours=2))
    index, overview = _overview(main_window)
    main_window.show_page(index)
    activate(qtbot, main_window)
    wait_idle()
    assert "verbruik nog onbekend" in overview.fuel.text()
    press(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = opened(qtbot, overview, GeneratorDialog, "generator_dialog")
    assert "60 l (om 10:00)" in form.current.text()
    press(form, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(form.left, "50")
    press(form, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.added
    QTest.keyClicks(form.added, "10")
    press(form, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(form.note, "jerrycan uit de voorraad")
    press(form, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: overview.findChild(GeneratorDialog) is None)

    # 60 + 10 − 50 = 20 l in 2 h: 10 l per hour; 50 l lasts 5 hours, dry at 16:00 UTC (17:00).
    qtbot.waitUntil(lambda: "nog ± 5 uur" in overview.fuel.text())
    assert overview.fuel.text() == (
        "Aggregaat: draait · 50 l (om 12:00) · 10 l per uur · nog ± 5 uur stroom, "
        "leeg rond 17:00 — BRANDSTOF VOOR MINDER DAN 12 UUR: laat bijvullen"
    )
    assert "#fff3cd" in overview.fuel.styleSheet()  # amber: a warning, not an alarm


def test_a_reading_without_litres_left_stays_open_and_says_why(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    activate(qtbot, main_window)
    press(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    press(main_window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    form = opened(qtbot, main_window, GeneratorDialog, "generator_dialog")
    press(form, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # staat stil
    qtbot.waitUntil(form.stopped.isChecked)
    press(form, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(form.message.isVisible)
    assert form.isVisible()
    assert "Vul in hoeveel liter er nu in de tank zit." in form.message.text()
    assert GeneratorService(app_context.services.ctx).readings() == []


def test_regio_shows_a_posts_hours_left_amber_under_twelve_hours(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    hub = hub_context(tmp_path, clock)
    a = node_context(tmp_path, clock, "a", code="GR-0014", name="Dorpshuis Ten Boer")
    b = node_context(tmp_path, clock, "b", code="GR-0015", name="Sporthal Noord")
    try:
        stick = introduce(a, hub, tmp_path)
        introduce(b, hub, tmp_path)
        for post, litres in ((a, (60, 50)), (b, (400, 380))):
            generator = GeneratorService(post.services.ctx)
            generator.record(running=True, litres_left=litres[0])
        clock.advance(timedelta(hours=2))
        GeneratorService(a.services.ctx).record(running=True, litres_left=50, litres_added=10)
        GeneratorService(b.services.ctx).record(running=True, litres_left=380)
        carry(a, hub, stick)
        carry(b, hub, stick)

        page = RegionalPage(hub)
        qtbot.addWidget(page)
        page.resize(1300, 700)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: hub.runner.pending == 0)  # the page reads off the GUI thread
        column = page.model.titles.index("Aggregaat")
        cells = {code: page.proxy.index(row, column) for row, code in enumerate(page.shown_codes())}
        # A: 10 l/h, 50 l → 5 h. B: 20 l in 2 h → 10 l/h, 380 l → 38 h.
        assert cells["GR-0014"].data() == "nog ± 5 uur · TEKORT"
        assert cells["GR-0015"].data() == "nog ± 38 uur"
        background = cells["GR-0014"].data(Qt.ItemDataRole.BackgroundRole)
        assert background.color() == TONES["warning"]
        assert cells["GR-0015"].data(Qt.ItemDataRole.BackgroundRole) is None
        assert "1 post met brandstof voor minder dan 12 uur" in page.summary.text()
        page.choose_filter("fuel")
        assert page.shown_codes() == ["GR-0014"]
        assert "Aggregaat: draait · 50 l" in page.detail.text()
    finally:
        for context in (hub, a, b):
            close_context(context)
