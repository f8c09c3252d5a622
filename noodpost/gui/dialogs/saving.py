"""The base of every form dialog: save through the runner, stay open (and keep the text) on a
refusal, with the message in red words under the fields.

Dialogs are opened with ``open()`` (window-modal, not blocking); tests fill the fields and call
:meth:`SavingDialog.submit`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext

ERROR_STYLE = "background: #f8d7da; color: #58151c; padding: 6px; border: 1px solid #b00020;"


class SavingDialog(QDialog):
    """A dialog whose default button saves through the runner and closes on success.

    Signals:
        saved(object): the service's answer (a small result), after it was stored.
    """

    saved = Signal(object)

    def __init__(self, app: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(title)
        self.setModal(True)
        self.message = QLabel()
        self.message.setObjectName("dialog_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Opslaan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("dialog_save")
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(
            self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel.setObjectName("dialog_cancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def build_call(self) -> Callable[[], Any]:
        """The service call for what was typed (values read now, on the GUI thread)."""
        raise NotImplementedError

    @Slot()
    def submit(self) -> None:
        call = self.build_call()
        self.save_button.setEnabled(False)
        self.message.hide()
        self.app.runner.run(call, self._saved, on_user_error=self._refused, parent=self)

    def _saved(self, info: object) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(info)
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(self.tr("Niet opgeslagen: {message}").format(message=error.message))
        self.message.show()
