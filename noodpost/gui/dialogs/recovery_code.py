"""The recovery code (*herstelcode*) as a coordinator sees it: large, with what it is for.

:class:`RecoveryCodeView` shows the code in large, spaced characters with the instruction to
write it down, and a button to print it (the print dialog also offers a PDF). The setup
wizard's last page uses it (:class:`RecoveryCodePage`: finishing needs the box "Ik heb de
herstelcode opgeschreven"), so the code is shown once when the post is made;
:class:`RecoveryCodeDialog` shows it again to a coordinator (menu *Herstelcode…*).
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import larger_font
from noodpost.services.recovery import show_recovery_code


def instruction() -> str:
    return QCoreApplication.translate(
        "RecoveryCode",
        "Met deze herstelcode zet u een versleutelde back-up (van de USB-stick) terug op een "
        "andere laptop, als deze laptop kapot of kwijt is. Schrijf hem nu op papier, of druk "
        "hem af, en bewaar dat op een veilige plek: niet bij de laptop en niet bij de "
        "USB-stick. Een coördinator kan de code later opnieuw bekijken: Noodpost → "
        "Herstelcode….",
    )


def printable_html(code: str, post: str) -> str:
    """The page that is printed: the post, the code, and what it is for."""
    title = QCoreApplication.translate("RecoveryCode", "Herstelcode van %1").replace(
        "%1", html.escape(post)
    )
    return (
        f"<h2>{title}</h2>"
        f"<p style='font-family:monospace; font-size:22pt'><b>{html.escape(code)}</b></p>"
        f"<p>{html.escape(instruction())}</p>"
    )


class RecoveryCodeView(QWidget):
    """The code, large and selectable, the instruction, and *Afdrukken…*."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.post = ""
        self.code = QLabel()
        self.code.setObjectName("recovery_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFont(font)
        larger_font(self.code, 10, bold=True)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explain = QLabel(instruction())
        explain.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Afdrukken…"))
        self.print_button.setObjectName("print_recovery_code")
        self.print_button.clicked.connect(self.print_code)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code)
        layout.addWidget(explain)
        layout.addLayout(buttons)

    def show_code(self, code: str, post: str) -> None:
        self.post = post
        self.code.setText(code)

    def print_code(self) -> bool:
        """The print dialog (a printer, or a PDF file); True when it was printed."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Noodpost herstelcode"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Herstelcode afdrukken"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        document = QTextDocument()
        document.setHtml(printable_html(self.code.text(), self.post))
        document.print_(printer)
        return True


class RecoveryCodePage(QWizardPage):
    """The wizard's last page: the new post's code, once; finishing needs "opgeschreven"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Schrijf de herstelcode op"))
        self.setSubTitle(
            self.tr(
                "De post is ingericht. Back-ups op een USB-stick zijn versleuteld: zonder deze "
                "code kan niemand ze lezen, ook u niet."
            )
        )
        self.view = RecoveryCodeView()
        self.written_down = QCheckBox(self.tr("Ik heb de herstelcode &opgeschreven"))
        self.written_down.setObjectName("recovery_code_written_down")
        larger_font(self.written_down, 1)
        self.written_down.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addSpacing(12)
        layout.addWidget(self.written_down)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return self.written_down.isChecked()


class RecoveryCodeDialog(QDialog):
    """*Herstelcode…* for a coordinator: the code again, with *Afdrukken…* and *Sluiten*."""

    def __init__(self, code: str, post: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_code_dialog")
        self.setWindowTitle(self.tr("Noodpost — herstelcode"))
        self.setMinimumWidth(640)
        self.view = RecoveryCodeView()
        self.view.show_code(code, post)
        close = QPushButton(self.tr("&Sluiten"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)


def open_recovery_code(app: AppContext, parent: QWidget) -> None:
    """Ask the service for the code (coordinators only; a volunteer sees the refusal), then
    show it. Off the GUI thread: it reads the keys folder and, for an older post, makes the
    code."""

    def shown(code: str) -> None:
        RecoveryCodeDialog(code, app.node.name, parent).open()

    app.runner.run(
        partial(show_recovery_code, app.services.ctx, app.data_dir), shown, parent=parent
    )
