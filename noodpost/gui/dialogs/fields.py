"""Small pieces the setup wizard and the sign-in dialog share.

- :class:`FieldMessage`: a refusal in words, right under the field it is about (red, with a
  word, never colour alone);
- :class:`CoordinatorFields`: name, PIN and the PIN again for the first coordinator, checked
  by the same rule as ``noodpost init`` and the volunteers service
  (:func:`noodpost.setup_node.check_coordinator`).
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from noodpost.setup_node import FirstCoordinator, SetupProblem, check_coordinator

ERROR_STYLE = "background: #f8d7da; color: #58151c; padding: 6px; border: 1px solid #b00020;"
PIN_MAX_DIGITS = 8


def larger_font(widget: QWidget, extra: int, *, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(font.pointSize() + extra)
    font.setBold(bold)
    widget.setFont(font)


def grow_to_wrapped_text(dialog: QWidget) -> None:
    """Make a just-shown window tall enough for its wrapped text at the width it got: a window
    sizes itself without asking its wrapping labels how tall they become, and their last
    lines were cut off (issue 18, item 13). Never taller than the screen."""
    layout = dialog.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(dialog.width())
    screen = dialog.screen().availableGeometry().height()
    if needed > dialog.height():
        dialog.resize(dialog.width(), min(needed, screen))


def pin_field(name: str, placeholder: str) -> QLineEdit:
    """A masked field that takes digits only (up to eight) and shows them as dots."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), field))
    field.setMaxLength(PIN_MAX_DIGITS)
    field.setPlaceholderText(placeholder)
    field.setMinimumWidth(220)
    return field  # in the font of the fields around it (issue 18, item 13)


class FieldMessage(QLabel):
    """A refusal shown at its field; hidden while there is nothing to say."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_message("")


class CoordinatorFields(QWidget):
    """Name, PIN and PIN again of the first coordinator, each with its own message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("coordinator_name")
        self.name.setPlaceholderText(self.tr("bijvoorbeeld Anna Dijkstra"))
        self.name.setMaxLength(200)
        self.pin = pin_field("coordinator_pin", self.tr("4 tot 8 cijfers"))
        self.pin_again = pin_field("coordinator_pin_again", self.tr("dezelfde pincode nog eens"))
        self.name_message = FieldMessage("coordinator_name_message")
        self.pin_message = FieldMessage("coordinator_pin_message")
        self.pin_again_message = FieldMessage("coordinator_pin_again_message")

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Naam"), self.name), self._with(self.name, "name"))
        form.addRow(self._buddy(self.tr("&Pincode"), self.pin), self._with(self.pin, "pin"))
        form.addRow(
            self._buddy(self.tr("Pincode n&og eens"), self.pin_again),
            self._with(self.pin_again, "pin_again"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        for field in (self.name, self.pin, self.pin_again):
            field.textEdited.connect(self.clear_messages)

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def _with(self, field: QWidget, which: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(field)
        column.addWidget(self._message(which))
        return box

    def _message(self, which: str) -> FieldMessage:
        return {
            "name": self.name_message,
            "pin": self.pin_message,
            "pin_again": self.pin_again_message,
        }[which]

    def fill(self, name: str, pin: str, pin_again: str | None = None) -> None:
        self.name.setText(name)
        self.pin.setText(pin)
        self.pin_again.setText(pin if pin_again is None else pin_again)

    def clear_messages(self) -> None:
        for message in (self.name_message, self.pin_message, self.pin_again_message):
            message.clear_message()

    def value(self) -> FirstCoordinator | None:
        """The coordinator when every field is right; else shows why at the field, and None."""
        self.clear_messages()
        try:
            coordinator = check_coordinator(self.name.text(), self.pin.text())
        except SetupProblem as problem:
            if problem.field == "pin":
                self.show_problem("pin", problem.message)
            else:
                self.show_problem("name", problem.message)
            return None
        if self.pin_again.text() != self.pin.text():
            self.show_problem(
                "pin_again",
                self.tr("De twee pincodes zijn niet gelijk. Typ de pincode nog eens."),
            )
            return None
        return coordinator

    def show_problem(self, which: str, text: str) -> None:
        """Show ``text`` at ``name``, ``pin`` or ``pin_again`` and put the cursor there."""
        self._message(which).show_message(text)
        field = {"name": self.name, "pin": self.pin, "pin_again": self.pin_again}[which]
        if which != "name":
            field.clear()
            if which == "pin":
                self.pin_again.clear()
        field.setFocus()
