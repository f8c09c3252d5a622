"""*Bericht opnemen*: a safe-and-well message, and whether relatives may be told.

The consent box says in plain words what consent means; without it the message is kept at this
post but never found by a relative's search (the messages service holds to that rule).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.services.messages import MAX_CONTACT, MAX_NAME

NOTE_STYLE = "color: #333;"


def consent_words(consent: bool) -> str:
    """Consent as the lists show it."""
    if consent:
        return QCoreApplication.translate("MessagesForm", "mag gedeeld worden")
    return QCoreApplication.translate("MessagesForm", "geen toestemming — niet delen")


class MessagesFormDialog(SavingDialog):
    """Name (required), birth year, the message, a contact, and consent to share.

    Args:
        household_id: the household the person belongs to, when known (from the desk).
    """

    def __init__(
        self,
        app: AppContext,
        household_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            app, QCoreApplication.translate("MessagesForm", "Veilig-en-welbericht opnemen"), parent
        )
        self.setObjectName("messages_form")
        self.setMinimumWidth(820)  # the consent sentence fits on one line
        self.save_button.setText(self.tr("Bericht opslaan"))
        self._household_id = household_id

        self.name = QLineEdit()
        self.name.setObjectName("message_name_field")
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("voor- en achternaam van de persoon zelf"))
        self.birth_year = QLineEdit()
        self.birth_year.setObjectName("message_birth_year_field")
        self.birth_year.setMaximumWidth(120)
        self.birth_year.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.birth_year)
        )
        self.birth_year.setPlaceholderText(self.tr("bijv. 1956"))
        self.message_text = QPlainTextEdit()
        self.message_text.setObjectName("message_text_field")
        self.message_text.setTabChangesFocus(True)
        self.message_text.setMinimumHeight(110)
        self.message_text.setPlaceholderText(
            self.tr("bijvoorbeeld: Ik ben veilig en logeer bij mijn zus in Ten Boer.")
        )
        self.contact = QLineEdit()
        self.contact.setObjectName("message_contact_field")
        self.contact.setMaxLength(MAX_CONTACT)
        self.contact.setPlaceholderText(self.tr("telefoonnummer of adres (niet verplicht)"))
        self.consent = QCheckBox(
            self.tr("&Toestemming: mag gedeeld worden met verwanten die naar deze persoon vragen")
        )
        self.consent.setObjectName("message_consent")
        consent_note = QLabel(
            self.tr(
                "Vraag het de persoon zelf. Met toestemming kan de C-NSP dit bericht vinden als "
                "familie of naasten naar deze persoon vragen, en het aan hen doorgeven. Zonder "
                "toestemming blijft het bericht op deze post en wordt het aan niemand doorgegeven."
            )
        )
        consent_note.setObjectName("message_consent_note")
        consent_note.setWordWrap(True)
        consent_note.setStyleSheet(NOTE_STYLE)

        form = QFormLayout()
        for text, field in (
            (self.tr("&Naam"), self.name),
            (self.tr("&Geboortejaar"), self.birth_year),
            (self.tr("&Bericht"), self.message_text),
            (self.tr("&Contact"), self.contact),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.consent)
        layout.addWidget(consent_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def build_call(self) -> Callable[[], Any]:
        messages = self.app.services.messages
        year_text = self.birth_year.text().strip()
        birth_year = int(year_text) if year_text else None
        name = self.name.text()
        text = self.message_text.toPlainText()
        contact = self.contact.text()
        consent = self.consent.isChecked()
        household_id = self._household_id
        return lambda: messages.record(
            name,
            text,
            consent,
            birth_year=birth_year,
            contact=contact,
            household_id=household_id,
        )
