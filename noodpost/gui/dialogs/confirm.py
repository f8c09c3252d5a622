"""Ask a volunteer to confirm what a service asked about (:class:`NeedsConfirmation`).

A service refuses a write that needs a second look — a hand-out beyond today's ration, a
likely double intake — with a :class:`NeedsConfirmation`: a question, the warnings that explain
it, and sometimes ``needs_reason``. :class:`ConfirmDialog` shows the question and the warnings
(amber, with the word *Let op*) and, when a reason is needed, a reason field: the confirm button
stays disabled until a reason is typed. The caller then repeats the call with the confirmation
or the reason.

Use :func:`ask_to_confirm`: it opens the dialog window-modal without blocking and calls back on
confirmation. Tests take the returned dialog, fill :attr:`ConfirmDialog.reason` and accept it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import NeedsConfirmation

WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 8px; border: 1px solid #cc9a06;"
#: The longest reason a service accepts (the supplies service keeps 500 characters).
MAX_REASON = 500


class ConfirmDialog(QDialog):
    """The question, its warnings and (when needed) a reason; *confirm* or *back*.

    Args:
        question: what the service asked.
        confirm_text: the text of the confirm button (say what it does: ``Toch uitgeven``).
        title: the window title.
    """

    def __init__(
        self,
        question: NeedsConfirmation,
        parent: QWidget | None = None,
        *,
        confirm_text: str = "",
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirm_dialog")
        self.setWindowTitle(title or QCoreApplication.translate("ConfirmDialog", "Bevestigen"))
        self.setModal(True)
        self.setMinimumWidth(640)
        self.question = question

        self.text = QLabel(question.message)
        self.text.setObjectName("confirm_text")
        self.text.setWordWrap(True)
        font = QFont(self.text.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.text.setFont(font)

        lines = [f"• {line}" for line in question.warnings]
        self.warnings = QLabel(
            "\n".join([QCoreApplication.translate("ConfirmDialog", "Let op:"), *lines])
            if lines
            else ""
        )
        self.warnings.setObjectName("confirm_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setVisible(bool(question.warnings))

        self.reason = QLineEdit()
        self.reason.setObjectName("confirm_reason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(
            QCoreApplication.translate(
                "ConfirmDialog", "Waarom toch? Bijvoorbeeld: baby in het gezin"
            )
        )
        reason_label = QLabel(QCoreApplication.translate("ConfirmDialog", "&Reden (verplicht)"))
        reason_label.setBuddy(self.reason)
        reason_label.setVisible(question.needs_reason)
        self.reason.setVisible(question.needs_reason)

        self.buttons = QDialogButtonBox()
        self.confirm_button: QPushButton = self.buttons.addButton(
            confirm_text or QCoreApplication.translate("ConfirmDialog", "Toch doorgaan"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.confirm_button.setObjectName("confirm_ok")
        self.back_button: QPushButton = self.buttons.addButton(
            QCoreApplication.translate("ConfirmDialog", "Terug (niets opslaan)"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.back_button.setObjectName("confirm_back")
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.warnings)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

        if question.needs_reason:
            # Enter confirms only once a reason is typed (a disabled default does nothing).
            self.reason.textChanged.connect(self._update)
            self.confirm_button.setDefault(True)
            self.reason.setFocus()
        else:
            # Enter must not confirm by accident: the safe answer is the default.
            self.back_button.setDefault(True)
            self.back_button.setFocus()
        self._update()

    def reason_text(self) -> str | None:
        """The typed reason, trimmed; ``None`` when none was asked or typed."""
        text = self.reason.text().strip()
        return (text or None) if self.question.needs_reason else None

    def can_confirm(self) -> bool:
        return not self.question.needs_reason or bool(self.reason.text().strip())

    @Slot()
    def _update(self) -> None:
        self.confirm_button.setEnabled(self.can_confirm())

    @Slot()
    def _confirm(self) -> None:
        if self.can_confirm():
            self.accept()
        else:
            self.reason.setFocus()


def ask_to_confirm(
    parent: QWidget | None,
    question: NeedsConfirmation,
    on_confirm: Callable[[str | None], object],
    *,
    confirm_text: str = "",
    title: str = "",
    on_cancel: Callable[[], object] | None = None,
) -> ConfirmDialog:
    """Open a :class:`ConfirmDialog` (window-modal, not blocking) and return it.

    ``on_confirm(reason)`` runs when the volunteer confirms (``reason`` is ``None`` when the
    question asked for none); ``on_cancel()`` when they go back.
    """
    dialog = ConfirmDialog(question, parent, confirm_text=confirm_text, title=title)
    answered: list[bool] = []

    def finished(result: int) -> None:
        if answered:  # a dialog may finish more than once; answer once
            return
        answered.append(True)
        if result == QDialog.DialogCode.Accepted:
            on_confirm(dialog.reason_text())
        elif on_cancel is not None:
            on_cancel()
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
