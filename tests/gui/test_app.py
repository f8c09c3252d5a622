"""The composition root: ``run_gui`` on a set-up folder and on an empty one."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from support import FAST_HASHER

from noodpost import app as app_module
from noodpost import logs
from noodpost.app import run_gui
from noodpost.core.clock import FixedClock
from noodpost.gui.dialogs.setup_wizard import SetupWizard
from noodpost.gui.dialogs.sign_in import SignInDialog
from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

PIN = "2468"


@pytest.fixture(autouse=True)
def keep_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui installs the GUI's hook; put pytest's back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


@pytest.fixture(autouse=True)
def languages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The language run_gui installs, without leaving translators on the shared application."""
    chosen: list[str] = []
    monkeypatch.setattr(
        app_module, "install_translators", lambda _app, language: chosen.append(language) or []
    )
    return chosen


def drive(steps: Callable[[QWidget], bool], limit: int = 400) -> None:
    """Look at the visible windows every 25 ms and let ``steps`` act on them, as a person would.

    ``steps`` returns True when it is done; after ``limit`` looks the application quits anyway.
    """
    looks = [0]

    def look() -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        looks[0] += 1
        if looks[0] > limit:
            for widget in app.topLevelWidgets():
                if isinstance(widget, QDialog) and widget.isVisible():
                    widget.reject()
            app.exit(0)
            return
        for widget in app.topLevelWidgets():
            if widget.isVisible() and steps(widget):
                return
        QTimer.singleShot(25, look)

    QTimer.singleShot(0, look)


def close_main_window(window: QWidget) -> None:
    """Leave ``app.exec()``; the window goes too, so no later test sees it."""
    window.hide()
    window.deleteLater()
    QApplication.exit(0)


def sign_in_as_anna(widget: QWidget) -> None:
    assert isinstance(widget, SignInDialog)
    assert widget.panel.select_name("Anna Dijkstra")
    widget.panel.pin.setText(PIN)
    widget.panel.submit()


def test_run_gui_signs_in_then_opens_the_main_window(
    qtbot: QtBot, db: Database, tmp_path: Path, clock: FixedClock, languages: list[str]
) -> None:
    VolunteersService(ServiceContext(db, clock), hasher=FAST_HASHER).add_volunteer(
        "Anna Dijkstra", "coordinator", PIN
    )
    seen: list[str] = []

    def steps(widget: QWidget) -> bool:
        if isinstance(widget, SignInDialog):
            sign_in_as_anna(widget)
        elif isinstance(widget, QMainWindow):
            volunteer = widget.findChild(QLabel, "status_volunteer")
            seen.extend([widget.windowTitle(), volunteer.text()])
            close_main_window(widget)
            return True
        return False

    drive(steps)
    assert db.path is not None

    code = run_gui(db.path.parent, tmp_path / "noodpost.log")

    assert code == 0
    assert seen == ["Noodpost — Dorpshuis Ten Boer", "Anna Dijkstra (coördinator)"]
    assert languages == ["nl"]
    assert QApplication.font().pointSize() >= 12


def test_closing_at_sign_in_does_not_open_the_main_window(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    windows: list[str] = []

    def steps(widget: QWidget) -> bool:
        if isinstance(widget, SignInDialog):
            assert widget.showing_first_coordinator  # made by init: no volunteers yet
            widget.reject()
            return True
        if isinstance(widget, QMainWindow):
            windows.append(widget.windowTitle())
        return False

    drive(steps)
    assert db.path is not None

    assert run_gui(db.path.parent, tmp_path / "noodpost.log") == 0
    assert windows == []


def test_an_empty_folder_is_set_up_with_the_wizard(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "nieuw"
    seen: list[str] = []

    def steps(widget: QWidget) -> bool:
        if isinstance(widget, SetupWizard):
            widget.next()
            widget.post_page.name.setText("Sporthal De Kring")
            widget.post_page.code.setText("GR-0021")
            widget.next()
            widget.next()
            widget.coordinator_page.fields.fill("Anna Dijkstra", PIN)
            widget.next()
            widget.button(QWizard.WizardButton.CommitButton).click()  # Inrichten
            widget.recovery_page.written_down.setChecked(True)  # the code, written down
            widget.button(QWizard.WizardButton.FinishButton).click()
        elif isinstance(widget, SignInDialog):
            sign_in_as_anna(widget)
        elif isinstance(widget, QMainWindow):
            seen.append(widget.windowTitle())
            close_main_window(widget)
            return True
        return False

    drive(steps)

    code = run_gui(folder, tmp_path / "noodpost.log")

    assert code == 0
    assert seen == ["Noodpost — Sporthal De Kring"]
    assert (folder / "keys").is_dir()


def test_leaving_the_wizard_makes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def leave(wizard: SetupWizard) -> int:
        shown.append(wizard.page(wizard.startId()).title())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(SetupWizard, "exec", leave)

    code = run_gui(tmp_path / "leeg", tmp_path / "noodpost.log")

    assert code == 0
    assert shown == ["Wat wordt deze laptop?"]
    assert not (tmp_path / "leeg").exists()  # nothing created behind the user's back


def open_to_others(folder: Path) -> list[str]:
    """``find folder -perm /077``: what another user of the laptop has any permission on."""
    paths = [folder]
    for top, dirs, files in os.walk(folder):
        paths += [Path(top) / name for name in (*dirs, *files)]
    modes = {path: stat.S_IMODE(path.lstat().st_mode) for path in paths}
    return sorted(f"{oct(mode)} {path.name}" for path, mode in modes.items() if mode & 0o077)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_gui_run_leaves_the_data_folder_and_logs_to_their_owner(
    qtbot: QtBot, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    VolunteersService(ServiceContext(db, clock), hasher=FAST_HASHER).add_volunteer(
        "Anna Dijkstra", "coordinator", PIN
    )
    assert db.path is not None
    data_dir = db.path.parent
    logs.setup_logging(tmp_path / "logs")
    logging.getLogger("noodpost").info("A line of an older version")
    logs.close_logging()
    for folder in (data_dir, tmp_path / "logs"):  # as an older version left them
        for top, _dirs, files in os.walk(folder):
            os.chmod(top, 0o755)
            for name in files:
                os.chmod(Path(top) / name, 0o644)
    assert "0o644 noodpost.db-wal" in open_to_others(data_dir)
    assert "0o644 noodpost.log" in open_to_others(tmp_path / "logs")
    log_file = logs.setup_logging(tmp_path / "logs")  # as ``noodpost`` starts the GUI
    while_open: list[list[str]] = []
    written: list[int] = []

    def steps(widget: QWidget) -> bool:
        if isinstance(widget, SignInDialog):
            sign_in_as_anna(widget)
        elif isinstance(widget, QMainWindow):
            while_open.append(open_to_others(data_dir) + open_to_others(tmp_path / "logs"))
            probe = tmp_path / "geschreven-door-de-gui.txt"  # any file the GUI process writes
            probe.write_text("Jansen, 1950", encoding="utf-8")
            written.append(stat.S_IMODE(probe.stat().st_mode))
            close_main_window(widget)
            return True
        return False

    drive(steps)
    try:
        code = run_gui(data_dir, log_file)
    finally:
        logs.close_logging()

    assert code == 0
    assert while_open == [[]]  # the database, its WAL and SHM, backups, keys, the log
    assert written == [0o600]
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert open_to_others(data_dir) == []
    assert open_to_others(tmp_path / "logs") == []


HOLD_LOCK = """
import sys, time
from pathlib import Path
from noodpost.gui.single_instance import claim_data_folder
lock = claim_data_folder(Path(sys.argv[1]), wait_ms=0)
print("held", flush=True)
time.sleep(120)
"""


def hold_lock(data_dir: Path) -> subprocess.Popen[str]:
    """Another Noodpost process that holds ``data_dir``, as an open window does."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "held\n"
    return child


def test_a_second_window_on_the_same_data_is_refused_and_a_crashed_one_is_not(
    qtbot: QtBot, db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    VolunteersService(ServiceContext(db, clock), hasher=FAST_HASHER).add_volunteer(
        "Anna Dijkstra", "coordinator", PIN
    )
    assert db.path is not None
    data_dir = db.path.parent
    first = hold_lock(data_dir)
    told: list[str] = []
    signed_in: list[str] = []

    def steps(widget: QWidget) -> bool:
        if isinstance(widget, QMessageBox):
            told.append(widget.text())
            widget.accept()
            return True
        if isinstance(widget, SignInDialog):
            signed_in.append("sign-in")
            sign_in_as_anna(widget)
        elif isinstance(widget, QMainWindow):
            close_main_window(widget)
            return True
        return False

    try:
        drive(steps)
        refused = run_gui(data_dir, tmp_path / "noodpost.log")
    finally:
        first.kill()  # the first window crashes: its lock file stays behind
        first.communicate()

    assert refused == 1
    assert signed_in == []  # stopped before anything opened
    assert len(told) == 1
    assert "al geopend met deze gegevens" in told[0]

    drive(steps)
    assert run_gui(data_dir, tmp_path / "noodpost.log") == 0  # the crashed window's lock
    assert signed_in == ["sign-in"]
    assert len(told) == 1
