"""*Vrijwilliger toevoegen* and *Dienst beëindigen*.

The PIN is typed twice into masked fields and never shown, repeated or logged; the fields are
emptied as soon as the dialog is done with them. Only the volunteers service decides who may
add volunteers (a signed-in coordinator): its refusal is shown under the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import UserError
from noodpost.core.vocabulary import Role
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import label
from noodpost.services.volunteers import ShiftSummary

NOTE_STYLE = "color: #333;"


def pin_field(object_name: str) -> QLineEdit:
    """A masked field for 4 to 8 digits: what is typed is never shown."""
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    field.setMaximumWidth(180)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), field))
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly
        | Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


def split_skills(text: str) -> list[str]:
    """``"EHBO, koken; Pools"`` → ``["EHBO", "koken", "Pools"]``."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _pins_differ() -> NoReturn:
    raise UserError(
        QCoreApplication.translate(
            "VolunteersAddDialog",
            "De twee pincodes zijn niet gelijk. Typ de pincode opnieuw, twee keer hetzelfde.",
        )
    )


class VolunteersAddDialog(SavingDialog):
    """Name, role, PIN (twice), skills and phone of a new volunteer of this post."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            app, QCoreApplication.translate("VolunteersAddDialog", "Vrijwilliger toevoegen"), parent
        )
        self.setObjectName("volunteers_add_dialog")
        self.setMinimumWidth(620)
        self.save_button.setText(self.tr("Vrijwilliger toevoegen"))

        self.name = QLineEdit()
        self.name.setObjectName("volunteer_name_field")
        self.name.setMaxLength(200)
        self.role = QComboBox()
        self.role.setObjectName("volunteer_role_field")
        for role in (Role.VOLUNTEER, Role.COORDINATOR):
            self.role.addItem(label(role), role.value)
        self.pin = pin_field("volunteer_pin_field")
        self.pin_again = pin_field("volunteer_pin_again_field")
        self.skills = QLineEdit()
        self.skills.setObjectName("volunteer_skills_field")
        self.skills.setPlaceholderText(self.tr("bijvoorbeeld: EHBO, koken, Pools (met komma's)"))
        self.phone = QLineEdit()
        self.phone.setObjectName("volunteer_phone_field")
        self.phone.setMaxLength(40)
        self.phone.setPlaceholderText(self.tr("niet verplicht"))
        pin_note = QLabel(
            self.tr(
                "Laat de vrijwilliger zelf een pincode van 4 tot 8 cijfers intypen. Noodpost "
                "toont de pincode nergens en bewaart alleen een versleutelde vorm ervan."
            )
        )
        pin_note.setWordWrap(True)
        pin_note.setStyleSheet(NOTE_STYLE)

        form = QFormLayout()
        for text, field in (
            (self.tr("&Naam"), self.name),
            (self.tr("&Rol"), self.role),
            (self.tr("&Pincode"), self.pin),
            (self.tr("Pincode &herhalen"), self.pin_again),
            (self.tr("&Vaardigheden"), self.skills),
            (self.tr("&Telefoon"), self.phone),
        ):
            field_label = QLabel(text)
            field_label.setBuddy(field)
            form.addRow(field_label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(pin_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.finished.connect(lambda _result: self.forget_pins())
        self.saved.connect(lambda _volunteer: self.forget_pins())
        self.name.setFocus()

    def build_call(self) -> Callable[[], Any]:
        pin = self.pin.text()
        if pin != self.pin_again.text():
            self.forget_pins()
            self.pin.setFocus()
            return _pins_differ
        volunteers = self.app.services.volunteers
        name = self.name.text()
        role = str(self.role.currentData())
        skills = split_skills(self.skills.text())
        phone = self.phone.text()
        return lambda: volunteers.add_volunteer(name, role, pin, skills=skills, phone=phone)

    def forget_pins(self) -> None:
        """Empty both PIN fields (after saving, closing, or a mismatch)."""
        self.pin.clear()
        self.pin_again.clear()


class VolunteersEndShiftDialog(SavingDialog):
    """End a shift, with a handover note for whoever comes next."""

    def __init__(self, app: AppContext, shift: ShiftSummary, parent: QWidget | None = None) -> None:
        super().__init__(
            app, QCoreApplication.translate("VolunteersEndShiftDialog", "Dienst beëindigen"), parent
        )
        self.setObjectName("volunteers_end_shift_dialog")
        self.setMinimumWidth(620)
        self.save_button.setText(self.tr("Dienst beëindigen"))
        self._shift_id = shift.id
        intro = QLabel(
            self.tr("De dienst van {name} eindigt nu.").format(name=shift.volunteer_name)
        )
        intro.setObjectName("end_shift_intro")
        intro.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("handover_note_field")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(120)
        self.note.setPlaceholderText(
            self.tr(
                "Wat moet wie na u komt weten? Wat loopt er nog, wat is toegezegd, wie heeft "
                "aandacht nodig?"
            )
        )
        note_label = QLabel(self.tr("&Overdracht (niet verplicht; komt in het logboek)"))
        note_label.setBuddy(self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.note.setFocus()

    def build_call(self) -> Callable[[], Any]:
        volunteers = self.app.services.volunteers
        shift_id = self._shift_id
        note = self.note.toPlainText()
        return lambda: volunteers.end_shift(shift_id, note)
