"""The composition root: ``run_gui`` on a set-up folder and on an empty one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.app import run_gui
from noodpost.storage.engine import Database

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture(autouse=True)
def keep_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui installs the GUI's hook; put pytest's back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


def test_run_gui_opens_the_main_window(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    seen: list[str] = []

    def look_and_quit() -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        seen.extend(
            w.windowTitle()
            for w in app.topLevelWidgets()
            if isinstance(w, QMainWindow) and w.isVisible()
        )
        app.quit()

    QTimer.singleShot(0, look_and_quit)
    assert db.path is not None

    code = run_gui(db.path.parent, tmp_path / "noodpost.log")

    assert code == 0
    assert seen == ["Noodpost — Dorpshuis Ten Boer"]
    assert QApplication.font().pointSize() >= 12


def test_run_gui_on_an_empty_folder_explains_init(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)

    code = run_gui(tmp_path / "leeg", tmp_path / "noodpost.log")

    assert code == 0
    assert len(shown) == 1
    assert "init --role post" in shown[0]
    assert not (tmp_path / "leeg").exists()  # nothing created behind the user's back
