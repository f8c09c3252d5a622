"""*Instellingen*: language, idle lock time and text size of this laptop; at the C-NSP also
after how many minutes an unacknowledged alarm escalates.

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

from noodpost.core.errors import os_reason
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.backup_folder import BackupFolderField
from noodpost.gui.dialogs.fields import FieldMessage, larger_font
from noodpost.gui.translations import LANGUAGES

IDLE_MINUTES_RANGE = (1, 120)
FONT_SIZE_RANGE = (11, 24)  # DESIGN §5: never below 11 pt
ESCALATION_MINUTES_RANGE = (1, 120)


class SettingsDialog(QDialog):
    """Change and save this laptop's settings. Open with ``open()``; tests call :meth:`save`."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.app = app
        settings = app.settings
        self.setWindowTitle(self.tr("Noodpost — instellingen"))
        self.setMinimumWidth(600)  # the backup folder's placeholder whole

        heading = QLabel(self.tr("Instellingen van deze laptop"))
        larger_font(heading, 6, bold=True)

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        index = self.language.findData(settings.language)
        self.language.setCurrentIndex(max(0, index))

        self.idle_minutes = self._number(
            "idle_minutes", settings.idle_lock_minutes, IDLE_MINUTES_RANGE, self.tr(" min")
        )

        self.font_size = self._number(
            "font_size", settings.font_point_size, FONT_SIZE_RANGE, self.tr(" pt")
        )

        self.escalation_minutes = self._number(
            "escalation_minutes",
            settings.alarm_escalation_minutes,
            ESCALATION_MINUTES_RANGE,
            self.tr(" min"),
        )

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Taal"), self.language), self.language)
        form.addRow(self._buddy(self.tr("&Vergrendelen na"), self.idle_minutes), self.idle_minutes)
        form.addRow(self._buddy(self.tr("&Lettergrootte"), self.font_size), self.font_size)
        self.backup_folder = BackupFolderField(settings.backup_usb_folder)
        form.addRow(
            self._buddy(self.tr("&Back-up ook naar"), self.backup_folder), self.backup_folder
        )
        self.is_hub = app.node.is_hub
        if self.is_hub:
            form.addRow(
                self._buddy(self.tr("Noodmelding &escaleren na"), self.escalation_minutes),
                self.escalation_minutes,
            )
        else:
            self.escalation_minutes.hide()  # only the C-NSP acknowledges alarms

        idle_help = self._note(
            "idle_help",
            self.tr(
                "Na zoveel minuten zonder toetsaanslag of klik wordt het scherm vergrendeld; "
                "verder werken kan dan alleen met een pincode."
            ),
        )
        escalation_help = self._note(
            "escalation_help",
            self.tr(
                "Een noodmelding die na zoveel minuten nog niet is bevestigd, wordt rood met "
                "ESCALATIE getoond en de melding klinkt opnieuw."
            ),
        )
        restart_note = self._note(
            "restart_note",
            self.tr(
                "Een andere taal of lettergrootte ziet u nadat Noodpost opnieuw is gestart. "
                "De vergrendeltijd geldt meteen."
            ),
        )
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
        if self.is_hub:
            layout.addWidget(escalation_help)
        layout.addWidget(restart_note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.language.setFocus()

    @staticmethod
    def _note(name: str, text: str) -> QLabel:
        note = QLabel(text)
        note.setObjectName(name)
        note.setWordWrap(True)
        return note

    @staticmethod
    def _number(name: str, value: object, bounds: tuple[int, int], suffix: str) -> QSpinBox:
        """A spin box within ``bounds``, showing ``value`` (clamped; a bad value: the lowest)."""
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(*bounds)
        box.setSuffix(suffix)
        try:
            number = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            number = bounds[0]
        box.setValue(min(max(number, bounds[0]), bounds[1]))
        return box

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    @Slot()
    def save(self) -> bool:
        """Keep the choices in ``app.settings`` and write them; False (with a message) if not."""
        settings = self.app.settings
        before = (
            settings.language,
            settings.idle_lock_minutes,
            settings.font_point_size,
            settings.alarm_escalation_minutes,
        )
        settings.language = str(self.language.currentData())
        settings.idle_lock_minutes = self.idle_minutes.value()
        settings.font_point_size = self.font_size.value()
        usb_before = settings.backup_usb_folder
        settings.backup_usb_folder = self.backup_folder.value()
        if self.is_hub:
            settings.alarm_escalation_minutes = self.escalation_minutes.value()
        try:
            settings.save(self.app.data_dir)
        except OSError as failed:
            settings.backup_usb_folder = usb_before
            (
                settings.language,
                settings.idle_lock_minutes,
                settings.font_point_size,
                settings.alarm_escalation_minutes,
            ) = before
            self.message.show_message(
                self.tr(
                    "De instellingen konden niet worden opgeslagen (%1). Controleer of de map "
                    "%2 beschrijfbaar is en of de schijf niet vol is."
                )
                .replace("%1", os_reason(failed))
                .replace("%2", str(self.app.data_dir))
            )
            return False
        self.accept()
        return True
