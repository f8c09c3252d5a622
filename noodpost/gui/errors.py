"""How failures reach a volunteer: a calm message for a UserError, the bug dialog for a bug.

A :class:`~noodpost.core.errors.UserError` says what happened and what to do; it is shown as a
message box and nothing else happens. Any other exception is a programming error: it is logged
with its traceback and the bug dialog says where the log file is, with the log's last lines
under "details". A traceback is never shown as the message itself, and never swallowed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from noodpost.core.errors import UserError

log = logging.getLogger(__name__)

TAIL_LINES = 40


def log_tail(path: Path, lines: int = TAIL_LINES) -> str:
    """The last ``lines`` lines of the log file, or an empty string when it cannot be read."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 64_000))
            text = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def user_error_box(parent: QWidget | None, error: UserError) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Noodpost")
    box.setText(error.message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """Explain an expected problem; the volunteer reads it and carries on."""
    user_error_box(parent, error).exec()


def bug_dialog(parent: QWidget | None, log_file: Path) -> QMessageBox:
    """The dialog for an unexpected error: what to do, where the log is, its last lines."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("BugDialog", "Noodpost — onverwachte fout"))
    box.setText(QCoreApplication.translate("BugDialog", "Er ging iets mis in Noodpost."))
    box.setInformativeText(
        QCoreApplication.translate(
            "BugDialog",
            "Wat al was opgeslagen, blijft bewaard. Probeer het nog eens; lukt het niet, meld "
            "het dan aan de coördinator of de beheerder en noem dit logbestand:",
        )
        + f"\n{log_file}"
    )
    tail = log_tail(log_file)
    if tail:
        box.setDetailedText(tail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_bug(parent: QWidget | None, log_file: Path) -> None:
    bug_dialog(parent or QApplication.activeWindow(), log_file).exec()


class ExceptionHandler:
    """``sys.excepthook`` for the GUI: exceptions escaping slots and event handlers end here.

    Args:
        log_file: the file the traceback is written to, named in the bug dialog.
        parent: gives the window to show dialogs over (the active window by default).
    """

    def __init__(
        self, log_file: Path, parent: Callable[[], QWidget | None] = QApplication.activeWindow
    ) -> None:
        self.log_file = log_file
        self.parent = parent
        self._showing = False

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, UserError):
            log.info("Refused: %s", exc_type.__name__)
            show_user_error(self.parent(), exc)
            return
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        if self._showing:  # an error while the dialog is open: logged, not stacked
            return
        self._showing = True
        try:
            bug_dialog(self.parent(), self.log_file).exec()
        finally:
            self._showing = False


def install_excepthook(log_file: Path) -> ExceptionHandler:
    handler = ExceptionHandler(log_file)
    sys.excepthook = handler
    return handler
