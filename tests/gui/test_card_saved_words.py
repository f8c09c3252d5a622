"""A card saved as PDF is not a printed card (issue 18, item 12): the Balie said 'De kaart is
afgedrukt' when there was no printer and the card went into a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from keyboard import activate, press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(
        "This plugin does not support propagateSizeHints",
        "This plugin does not support raise",  # the file dialog's name completer, offscreen
        "This plugin does not support grabbing the keyboard",
    ),
]


def test_a_card_saved_as_pdf_says_so(
    qtbot: QtBot,
    main_window: MainWindow,
    wait_idle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    activate(qtbot, main_window)
    target = tmp_path / "kaart"
    typed: list[str] = []

    def type_the_file_name(tries: int = 200) -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        ]
        if not dialogs:
            if tries:  # never wait for ever: the test then fails on 'typed'
                QTimer.singleShot(50, lambda: type_the_file_name(tries - 1))
            return
        dialog = dialogs[0]
        activate(qtbot, dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.selectAll()
        QTest.keyClicks(name, str(target))
        typed.append(dialog.windowTitle())
        QTest.keyClick(name, Qt.Key.Key_Return)

    press(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.dialog is not None and desk.dialog.isVisible())
    QTimer.singleShot(50, type_the_file_name)
    QTest.keyClicks(desk.dialog.persons, "3")  # type: ignore[attr-defined]
    QTest.keyClick(desk.dialog.persons, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    wait_idle()
    qtbot.waitUntil(lambda: bool(typed), timeout=10_000)
    qtbot.waitUntil(lambda: "kaart" in desk.feedback.text().lower(), timeout=10_000)

    assert typed == ["Geen printer gevonden — sla de kaart op als PDF"]
    assert target.with_suffix(".pdf").is_file()
    feedback = desk.feedback.text()
    assert "De kaart is opgeslagen als PDF: " in feedback
    assert str(target.with_suffix(".pdf")) in feedback
    assert "afgedrukt" not in feedback
