"""The shared confirmation dialog: warnings in words, a reason when one is needed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from noodpost.core.errors import NeedsConfirmation
from noodpost.gui.dialogs.confirm import ask_to_confirm

pytestmark = pytest.mark.gui


def test_a_reason_is_required_before_confirming(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[str | None] = []
    question = NeedsConfirmation("Over het rantsoen.", ["Vandaag al 3 l."], needs_reason=True)
    dialog = ask_to_confirm(parent, question, answers.append, confirm_text="Toch uitgeven")

    assert dialog.warnings.text() == "Let op:\n• Vandaag al 3 l."
    assert dialog.confirm_button.text() == "Toch uitgeven"
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter without a reason does nothing
    assert dialog.isVisible()
    assert answers == []
    QTest.keyClicks(dialog.reason, "  baby in het gezin ")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert answers == ["baby in het gezin"]  # answered once, trimmed


def test_without_a_reason_enter_means_no(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[str | None] = []
    cancelled: list[bool] = []
    question = NeedsConfirmation("Uitgifte terugdraaien?", [])
    dialog = ask_to_confirm(
        parent, question, answers.append, on_cancel=lambda: cancelled.append(True)
    )
    assert not dialog.warnings.isVisible()
    assert not dialog.reason.isVisible()
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    assert (answers, cancelled) == ([], [True])
