"""The main window as a volunteer sees it: which post, which mode, and what it holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.app import build_context, build_main_window
from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.errors import ExceptionHandler, bug_dialog, user_error_box
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.overview import OverviewPage
from noodpost.services.setup import initialise
from noodpost.storage.engine import Database, open_database
from noodpost.storage.node import database_path
from noodpost.sync.keys import create_keys

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform cannot pass size hints to a window manager; nothing to see here.
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_title_names_the_post(main_window: MainWindow) -> None:
    assert main_window.windowTitle() == "Noodpost — Dorpshuis Ten Boer"
    post = main_window.findChild(QLabel, "status_post")
    assert post is not None
    assert post.text() == "Dorpshuis Ten Boer · GR-0014"
    assert main_window.findChild(QLabel, "status_training") is None
    assert main_window.status_line.volunteer.text() == "Anna Dijkstra (coördinator)"


@pytest.fixture
def training_db(tmp_path: Path, clock: FixedClock) -> Iterator[Database]:
    folder = tmp_path / "training"
    folder.mkdir()
    db = open_database(database_path(folder))
    initialise(
        db,
        clock,
        role="post",
        name="Dorpshuis Ten Boer",
        code="GR-0014",
        catalogue=[],
        training=True,
    )
    create_keys(db, folder)
    yield db
    db.close()


def test_training_node_says_oefening(qtbot: QtBot, training_db: Database, tmp_path: Path) -> None:
    context = build_context(training_db, tmp_path / "training", tmp_path / "log")
    window = build_main_window(context)
    qtbot.addWidget(window)

    assert window.windowTitle() == "Noodpost — Dorpshuis Ten Boer — OEFENING"
    mark = window.findChild(QLabel, "status_training")
    assert mark is not None
    assert mark.text().strip() == "OEFENING"
    context.runner.shutdown()


def test_overview_shows_the_counts_and_follows_changes(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext
) -> None:
    page = main_window.show_page("Overzicht")
    assert isinstance(page, OverviewPage)
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)
    events = int(page.value_text("events"))
    assert page.value_text("households") == "0"
    assert int(page.value_text("supply_items")) > 0
    assert "Database in orde" in page.health.text()
    assert "GR-0014" in page.identity.text()

    app_context.services.intake.register(size=3)

    qtbot.waitUntil(lambda: page.value_text("households") == "1")
    assert int(page.value_text("events")) == events + 1


def test_user_error_is_shown_calmly(qtbot: QtBot) -> None:
    box = user_error_box(None, UserError("Deze kaart is onbekend. Scan opnieuw."))
    qtbot.addWidget(box)

    assert box.text() == "Deze kaart is onbekend. Scan opnieuw."


def test_bug_dialog_names_the_log_file_and_shows_its_tail(qtbot: QtBot, tmp_path: Path) -> None:
    log_file = tmp_path / "noodpost.log"
    log_file.write_text("regel 1\nTraceback (most recent call last):\nRuntimeError: x\n")

    box = bug_dialog(None, log_file)
    qtbot.addWidget(box)

    assert "Er ging iets mis" in box.text()
    assert str(log_file) in box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText()
    assert box.detailedText().endswith("RuntimeError: x")


def test_exception_handler_logs_a_bug(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    handler = ExceptionHandler(tmp_path / "noodpost.log", parent=lambda: None)

    try:
        raise RuntimeError("programming error")
    except RuntimeError as bug:
        handler(RuntimeError, bug, bug.__traceback__)
    handler(UserError, UserError("Kies een artikel."), None)

    assert shown == ["Er ging iets mis in Noodpost.", "Kies een artikel."]
    assert "programming error" in caplog.text


def test_a_clock_set_back_is_pointed_out(
    main_window: MainWindow,
    app_context: AppContext,
    clock: FixedClock,
    wait_idle: Callable[[], None],
) -> None:
    from datetime import timedelta

    assert main_window.status_line.clock_warning.text() == ""
    app_context.services.logbook.add("Aggregaat bijgevuld.")
    clock.advance(timedelta(hours=-3))  # someone set the laptop's clock back
    main_window.status_line.refresh()
    wait_idle()
    assert "Klok verdacht" in main_window.status_line.clock_warning.text()


def test_settings_open_from_the_menu(main_window: MainWindow) -> None:
    dialog = main_window.open_settings()
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Noodpost — instellingen"
    dialog.reject()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1280, 800)])
def test_every_page_fits_the_screen(
    qtbot: QtBot, main_window: MainWindow, width: int, height: int
) -> None:
    """DESIGN §5: it works at 1366×768 — and on the 1280-pixel-wide screens of the older
    laptops posts get, where F9 NOODMELDING was cut off (issue 18, item 13): no page may force
    the window wider or taller, nor a long status line (a long post or volunteer name, an
    alarm and the clock warning at once, as on the demo data)."""
    line = main_window.status_line
    line.post.setText("Dorpshuis De Lange Naam van het Oude Raadhuis · GR-0014")
    line.alarms.setText("6 meldingen niet bevestigd")
    line.volunteer.setText("Anna Dijkstra-van der Veen (coördinator)")
    line.clock_warning.setText("Klok verdacht")
    line.clock_warning.show()
    for page in main_window.pages:
        main_window.show_page(page.title)
        main_window.resize(width, height)
        qtbot.wait(10)
        assert main_window.width() <= width, page.title
        assert main_window.height() <= height, page.title


def test_f9_at_the_desk_brings_the_alarm_form_in_view(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    from noodpost.gui.pages.alarms import AlarmsPage
    from noodpost.gui.pages.desk import DeskPage

    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    desk.alarm_requested.emit()
    assert isinstance(main_window.pages[main_window.nav.currentRow()], AlarmsPage)
    for dialog in main_window.findChildren(QDialog):
        dialog.reject()


def test_the_menu_offers_backups_the_audit_log_and_the_info_screen(
    main_window: MainWindow,
) -> None:
    texts = [a.text() for a in main_window.menu.actions() if not a.isSeparator()]
    assert texts == [
        "Scherm vergrendelen",
        "Instellingen…",
        "Back-up maken",
        "Back-up terugzetten…",
        "Auditlogboek…",
        "Post en bewaartermijn…",
        "Herstelcode…",
        "&Publieksscherm tonen",
        "Noodlijst afdrukken…",
        "Papieren formulieren afdrukken…",
        "Papier invoeren…",
        "Afsluiten",
    ]


def test_the_audit_log_opens_from_the_menu_for_the_coordinator(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    main_window.findChild(QAction, "audit_action").trigger()
    dialog = main_window.findChild(QDialog, "audit_view")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()


def test_the_recovery_code_opens_from_the_menu_for_the_coordinator(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext
) -> None:
    main_window.findChild(QAction, "recovery_code_action").trigger()
    qtbot.waitUntil(lambda: main_window.findChild(QDialog, "recovery_code_dialog") is not None)
    dialog = main_window.findChild(QDialog, "recovery_code_dialog")
    qtbot.waitUntil(dialog.isVisible)
    shown = dialog.findChild(QLabel, "recovery_code").text()
    # An older post had no code: the first look makes it, and it is the one kept.
    kept = (app_context.data_dir / "keys" / "herstelcode.txt").read_text().strip()
    assert shown == kept
    assert len(shown) == 34
    dialog.close()


def test_the_navigation_counts_from_the_moment_the_window_opens(
    qtbot: QtBot, app_context: AppContext
) -> None:
    """A coordinator who starts Noodpost after a night away sees at once, in the navigation,
    how many are present — not only after the first change."""
    household = app_context.services.intake.register(size=3)
    app_context.services.visits.check_in(household.household_id)
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)
    row = window.pages.index(window.page("Aanwezig"))
    assert window.nav.item(row).text() == "Aanwezig  3"
