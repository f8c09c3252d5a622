"""*Instellingen*: language, idle lock time and text size, saved beside the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from noodpost.config import SETTINGS_FILE, Settings
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.settings import SettingsDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot: QtBot, app_context: AppContext) -> SettingsDialog:
    made = SettingsDialog(app_context)
    qtbot.addWidget(made)
    made.show()
    return made


def test_the_dialog_shows_the_current_settings(dialog: SettingsDialog) -> None:
    assert dialog.language.currentText() == "Nederlands"
    assert dialog.idle_minutes.value() == 5
    assert dialog.font_size.value() == 12


def test_choices_are_saved_and_used(
    qtbot: QtBot, dialog: SettingsDialog, app_context: AppContext
) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.idle_minutes.setValue(10)
    dialog.font_size.setValue(14)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = Settings.load(app_context.data_dir)
    assert (saved.language, saved.idle_lock_minutes, saved.font_point_size) == ("en", 10, 14)
    assert app_context.settings.idle_lock_minutes == 10  # the idle lock reads this at once


def test_the_ranges_keep_the_screen_usable(dialog: SettingsDialog) -> None:
    dialog.font_size.setValue(6)
    dialog.idle_minutes.setValue(0)

    assert dialog.font_size.value() == 11  # never below 11 pt
    assert dialog.idle_minutes.value() == 1  # the lock cannot be switched off


def test_a_folder_that_cannot_be_written_is_explained(
    dialog: SettingsDialog, app_context: AppContext
) -> None:
    blocked = app_context.data_dir / SETTINGS_FILE
    blocked.with_suffix(".partial").mkdir(parents=True)  # the temporary file cannot be made
    dialog.idle_minutes.setValue(20)

    assert dialog.save() is False

    assert dialog.isVisible()
    assert "konden niet worden opgeslagen" in dialog.message.text()
    assert app_context.settings.idle_lock_minutes == 5  # unchanged
    assert not blocked.exists()
