"""*Instellingen*: language, idle lock time and text size of this laptop.

Saved with :meth:`Settings.save` beside the database. The idle lock reads its time at every
check, so that change counts at once; the language and the text size are used when Noodpost
starts, and the dialog says so.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import FieldMessage, larger_font
from noodpost.gui.translations import LANGUAGES

IDLE_MINUTES_RANGE = (1, 120)
FONT_SIZE_RANGE = (11, 24)  # DESIGN §5: never below 11 pt


class SettingsDialog(QDialog):
    """Change and save this laptop's settings. Open with ``open()``; tests call :meth:`save`."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.app = app
        settings = app.settings
        self.setWindowTitle(self.tr("Noodpost — instellingen"))
        self.setMinimumWidth(560)

        heading = QLabel(self.tr("Instellingen van deze laptop"))
        larger_font(heading, 6, bold=True)

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(0, index))

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_minutes")
        self.idle_minutes.setRange(*IDLE_MINUTES_RANGE)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setValue(
            min(max(int(settings.idle_lock_minutes), IDLE_MINUTES_RANGE[0]), IDLE_MINUTES_RANGE[1])
        )

        self.font_size = QSpinBox()
        self.font_size.setObjectName("font_size")
        self.font_size.setRange(*FONT_SIZE_RANGE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(
            min(max(int(settings.font_point_size), FONT_SIZE_RANGE[0]), FONT_SIZE_RANGE[1])
        )

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Taal"), self.language), self.language)
        form.addRow(self._buddy(self.tr("&Vergrendelen na"), self.idle_minutes), self.idle_minutes)
        form.addRow(self._buddy(self.tr("&Lettergrootte"), self.font_size), self.font_size)

        idle_help = QLabel(
            self.tr(
                "Na zoveel minuten zonder toetsaanslag of klik wordt het scherm vergrendeld; "
                "verder werken kan dan alleen met een pincode."
            )
        )
        idle_help.setWordWrap(True)
        restart_note = QLabel(
            self.tr(
                "Een andere taal of lettergrootte ziet u nadat Noodpost opnieuw is gestart. "
                "De vergrendeltijd geldt meteen."
            )
        )
        restart_note.setObjectName("restart_note")
        restart_note.setWordWrap(True)
        self.message = FieldMessage("settings_message")

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save_settings")
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_settings")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(idle_help)
        layout.addWidget(restart_note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.language.setFocus()

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    @Slot()
    def save(self) -> bool:
        """Keep the choices in ``app.settings`` and write them; False (with a message) if not."""
        settings = self.app.settings
        before = (settings.language, settings.idle_lock_minutes, settings.font_point_size)
        settings.language = str(self.language.currentData())
        settings.idle_lock_minutes = self.idle_minutes.value()
        settings.font_point_size = self.font_size.value()
        try:
            settings.save(self.app.data_dir)
        except OSError as failed:
            settings.language, settings.idle_lock_minutes, settings.font_point_size = before
            self.message.show_message(
                self.tr(
                    "De instellingen konden niet worden opgeslagen (%1). Controleer of de map "
                    "%2 beschrijfbaar is en of de schijf niet vol is."
                )
                .replace("%1", failed.strerror or type(failed).__name__)
                .replace("%2", str(self.app.data_dir))
            )
            return False
        self.accept()
        return True
