"""The Synchronisatie page in the whole main window: choosing a stick after being asked to.

'Bundel schrijven' without a stick says to choose one first; once a folder is chosen that
request must not stay on screen as if it still stood (issue 18, item 14).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.sync import SyncPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_the_request_to_choose_a_stick_goes_once_one_is_chosen(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    page = main_window.show_page("Synchronisatie")
    assert isinstance(page, SyncPage)
    page.drive.clear()  # no stick, whatever this machine has mounted
    QTest.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert page.result.isVisible()
    assert page.result.text().startswith("Kies eerst een USB-stick")

    stick = tmp_path / "stick"
    stick.mkdir()
    page.set_folder(stick)  # what 'Andere map…' does once its dialog closes
    assert page.folder() == stick
    assert not page.result.isVisible()


def test_another_result_is_not_hidden_by_choosing(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    page = main_window.show_page("Synchronisatie")
    assert isinstance(page, SyncPage)
    page.report("Bundel geschreven.")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    page.set_folder(first)
    page.set_folder(second)
    assert page.result.isVisible()
    assert page.result.text() == "Bundel geschreven."
