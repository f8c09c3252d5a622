"""The main window's paper: *Noodlijst afdrukken…* and *Papieren formulieren afdrukken…*.

Both ask where to save the PDF (as the situation report does) and say in the status line what
was written. The noodlijst is read on the worker, drawn and saved on the GUI thread, and its
print recorded in the audit log; the forms first create the file, then reserve the card codes
(so an unwritable place reserves nothing), as ``noodpost paper forms`` does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.paper_entry import PaperEntryDialog
from noodpost.gui.errors import show_user_error
from noodpost.gui.printing.forms import MAX_FORMS, PaperForms, forms_summary, render_forms_pdf
from noodpost.gui.printing.noodlijst import save_noodlijst_pdf, summary_line
from noodpost.gui.printing.pdf import pdf_target
from noodpost.reports.noodlijst import Noodlijst, NoodlijstService, form_items, record_printed
from noodpost.services.intake import IntakeService

#: The number of forms the question suggests.
SUGGESTED_FORMS = 20


class PaperActions(QObject):
    """Two menu actions of a post's main window.

    Attributes:
        list_action: *Noodlijst afdrukken…* (``noodlijst_action``).
        forms_action: *Papieren formulieren afdrukken…* (``paper_forms_action``).
        entry_action: *Papier invoeren…* (``paper_entry_action``, Ctrl+Shift+I).
    """

    def __init__(self, app: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.list_action = QAction(
            QCoreApplication.translate("PaperActions", "Noodlijst afdrukken…"), window
        )
        self.list_action.setObjectName("noodlijst_action")
        self.list_action.triggered.connect(self.print_list)
        self.forms_action = QAction(
            QCoreApplication.translate("PaperActions", "Papieren formulieren afdrukken…"), window
        )
        self.forms_action.setObjectName("paper_forms_action")
        self.forms_action.triggered.connect(self.print_forms)
        self.entry_action = QAction(
            QCoreApplication.translate("PaperActions", "Papier invoeren…"), window
        )
        self.entry_action.setObjectName("paper_entry_action")
        self.entry_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.entry_action.triggered.connect(self.enter_forms)
        window.addAction(self.entry_action)  # the key works on every page

    @Slot()
    def enter_forms(self) -> PaperEntryDialog:
        """Ctrl+Shift+I: type in the paper forms of a time without the laptop."""
        dialog = PaperEntryDialog(self.app, self.window)
        dialog.finished.connect(lambda _result: self._entered(dialog.entered))
        dialog.open()
        return dialog

    def _entered(self, count: int) -> None:
        if count:
            text = self.tr("%n papieren formulier(en) ingevoerd.", "", count)
            self._done(text)

    def _choose(self, title: str, name: str) -> Path | None:
        stamp = self.app.services.ctx.clock.now().strftime("%Y%m%d-%H%M")
        chosen, _filter = QFileDialog.getSaveFileName(
            self.window,
            title,
            str(Path.home() / f"{name}-{stamp}.pdf"),
            QCoreApplication.translate("PaperActions", "PDF (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(".pdf")

    def _done(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 60_000)

    @Slot()
    def print_list(self) -> None:
        """Ask where, read the list on the worker, save it, record it in the audit log."""
        path = self._choose(
            QCoreApplication.translate("PaperActions", "Noodlijst opslaan"), "noodlijst"
        )
        if path is None:
            return
        ctx = self.app.services.ctx
        self.app.runner.run(
            NoodlijstService(ctx).read,
            lambda lijst: self._save_list(lijst, path),
            parent=self.window,
        )

    def _save_list(self, lijst: Noodlijst, path: Path) -> None:
        try:
            save_noodlijst_pdf(lijst, path)
        except UserError as err:
            show_user_error(self.window, err)
            return
        ctx = self.app.services.ctx
        self.app.runner.run(
            lambda: record_printed(ctx, path.name),
            lambda _none: self._done(summary_line(lijst, path)),
            parent=self.window,
        )

    @Slot()
    def print_forms(self) -> None:
        """Ask how many and where; reserve the codes and save the forms."""
        count, ok = QInputDialog.getInt(
            self.window,
            QCoreApplication.translate("PaperActions", "Papieren formulieren"),
            QCoreApplication.translate(
                "PaperActions",
                "Hoeveel inschrijfformulieren? Elk formulier krijgt een kaart met een eigen "
                "kaartcode, die nu wordt gereserveerd.",
            ),
            SUGGESTED_FORMS,
            1,
            MAX_FORMS,
        )
        if not ok:
            return
        path = self._choose(
            QCoreApplication.translate("PaperActions", "Formulieren opslaan"), "formulieren"
        )
        if path is None:
            return
        ctx = self.app.services.ctx
        node = ctx.node
        try:
            with pdf_target(path) as target:  # an unwritable place reserves nothing
                items = tuple(form_items(ctx))
                codes = tuple(IntakeService(ctx).reserve_blank_cards(count))
                forms = PaperForms(node.post_code, node.name, codes, items, node.training)
                target.write(render_forms_pdf(forms))
        except UserError as err:
            show_user_error(self.window, err)
            return
        self._done(forms_summary(forms, path))
