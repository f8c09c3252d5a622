"""*Nieuwe oplaadbon*: what is left to charge and, when a card is at hand, whose it is.

The card field takes a scanner burst (ending in Enter) or a typed code; the household is
looked up at once and shown, so the volunteer sees whose device it is before saving. Enter
in the card field never saves the ticket by accident. Like every form dialog it saves
through the runner and stays open, with the message in words, when the service refuses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from noodpost.core import cards
from noodpost.core.errors import NotFound, UserError
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import ERROR_STYLE, SavingDialog
from noodpost.services.charging import MAX_DEVICE, Ticket
from noodpost.services.intake import CardState, IntakeService

OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 6px; border: 1px solid #198754;"


def household_for_card(intake: IntakeService, text: str) -> tuple[str, str] | None:
    """The household id and a line about it for a scanned or typed card; ``None`` if empty.

    Raises:
        UserError: the code is wrong, replaced, of another post, or not given to anyone yet.
    """
    if not text.strip():
        return None
    found = intake.lookup(text)
    if found.state is not CardState.KNOWN or found.household_id is None:
        raise NotFound(
            QCoreApplication.translate(
                "ChargingTicketDialog",
                "Deze kaart is nog niet aan een huishouden gegeven. Schrijf het huishouden eerst "
                "in aan de balie, of laat het kaartveld leeg.",
            )
        )
    household = intake.household(found.household_id)
    line = QCoreApplication.translate("ChargingTicketDialog", "Huishouden %1 · %2 pers.").replace(
        "%1", cards.pretty(household.card_code)
    )
    return household.id, line.replace("%2", str(household.size))


class ScanField(QLineEdit):
    """A line edit that keeps its Enter: a scanner's Enter ends the scan, it does not save."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class NewTicketDialog(SavingDialog):
    """*Nieuwe oplaadbon*: device (required) and card (optional).

    Signals:
        saved(Ticket): the new ticket, with its number (from :class:`SavingDialog`).
    """

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            app, QCoreApplication.translate("ChargingTicketDialog", "Nieuwe oplaadbon"), parent
        )
        self.setObjectName("new_ticket_dialog")
        self.setMinimumWidth(620)
        self.save_button.setText(self.tr("Bon maken"))
        back = self.buttons.findChild(QPushButton, "dialog_cancel")
        if back is not None:
            back.setText(self.tr("Terug"))
        heading = QLabel(self.tr("Nieuwe oplaadbon"))
        font = QFont(heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        heading.setFont(font)

        self.device = QLineEdit()
        self.device.setObjectName("ticket_device")
        self.device.setMaxLength(MAX_DEVICE)
        self.device.setPlaceholderText(self.tr("Bijvoorbeeld: telefoon, zwart hoesje"))
        self.card = ScanField()
        self.card.setObjectName("ticket_card")
        self.card.setPlaceholderText(self.tr("Scan of typ de kaartcode (mag leeg blijven)"))
        self.card.returnPressed.connect(self._card_entered)
        self.card.editingFinished.connect(self.check_card)
        self.household = QLabel(self.tr("Zonder kaart: de bon hoort bij niemand in het bijzonder."))
        self.household.setObjectName("ticket_household")
        self.household.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Apparaat"), self.device)
        form.addRow(self.tr("&Kaart"), self.card)
        form.addRow("", self.household)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.device.setFocus()

    @Slot()
    def _card_entered(self) -> None:
        if self.check_card():
            (self.save_button if self.device.text().strip() else self.device).setFocus()

    @Slot()
    def check_card(self) -> bool:
        """Show whose card it is (or why it cannot be used); False when it cannot."""
        try:
            found = household_for_card(self.app.services.intake, self.card.text())
        except UserError as error:
            self.household.setText(error.message)
            self.household.setStyleSheet(ERROR_STYLE)
            return False
        if found is None:
            self.household.setText(
                self.tr("Zonder kaart: de bon hoort bij niemand in het bijzonder.")
            )
            self.household.setStyleSheet("")
        else:
            self.household.setText("✔ " + found[1])
            self.household.setStyleSheet(OK_STYLE)
        return True

    def build_call(self) -> Callable[[], Ticket]:
        """The service calls for what was typed (values read now, on the GUI thread)."""
        charging, intake = self.app.services.charging, self.app.services.intake
        device, card = self.device.text(), self.card.text()

        def save() -> Ticket:
            found = household_for_card(intake, card)
            return charging.check_in(device, found[0] if found else None)

        return save
