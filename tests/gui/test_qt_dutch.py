"""Qt's own dialogs speak Dutch too (issue 18, item 12): the file dialog said 'Look in:' and
'Files of type:' between Dutch texts, because Qt's Dutch catalogue kept the texts Qt 6 renamed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyboard import activate, press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from test_translations import build_qm

from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.reports import ReportsPage
from noodpost.gui.translations import install_translators, remove_translators

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def dutch(tmp_path: Path) -> Iterator[None]:
    """Noodpost's and Qt's Dutch catalogues installed as the application does."""
    app = QApplication.instance()
    assert app is not None
    translators = install_translators(app, "nl", build_qm(tmp_path / "qm"))
    yield
    remove_translators(app, translators)


def test_the_file_dialog_is_dutch(qtbot: QtBot, dutch: None, main_window: MainWindow) -> None:
    """Rapporten → Situatierapport (PDF)… asks where to save in a dialog wholly in Dutch."""
    activate(qtbot, main_window)
    page = main_window.show_page(
        next(n for n, p in enumerate(main_window.pages) if isinstance(p, ReportsPage))
    )
    assert isinstance(page, ReportsPage)
    page.sitrep_button.setFocus()
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, read_and_close)
            return
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if label.text())
        dialog.reject()

    QTimer.singleShot(50, read_and_close)
    press(main_window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(seen))
    assert "&Zoeken in:" in seen
    assert "Bestanden van &type:" in seen
    assert "Bestands&naam:" in seen
    assert not {"&Look in:", "Files of &type:", "File &name:"} & set(seen)
