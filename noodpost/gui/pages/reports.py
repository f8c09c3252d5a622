"""Rapporten: the situation report as PDF, and exports (CSV, Excel, CAP) for the C-NSP.

Exports leave personal data out. A coordinator may tick *met persoonsgegevens*: the page says
exactly what that adds and asks to confirm; the export is recorded in the audit log, and the
tick is cleared again afterwards so the next export is without personal data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.errors import show_user_error
from noodpost.gui.pages.base import Page
from noodpost.gui.printing.sitrep import save_sitrep_pdf, summary_line
from noodpost.reports.cap import CapService
from noodpost.reports.exports import ExportService, personal_contents
from noodpost.reports.sitrep import Sitrep, SitrepService

OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 8px; border: 1px solid #146c43;"
WARN_STYLE = "background: #fff3cd; color: #664d03; padding: 8px; border: 1px solid #997404;"


@dataclass(frozen=True)
class Choices:
    """What the page offers, read off the GUI thread: the posts a sitrep can be about, and
    whether the one signed in may export personal data."""

    post_codes: list[str]
    may_export_personal: bool


class ReportsPage(Page):
    """Buttons for the situation report and the exports; each asks where to save."""

    watches = frozenset({"post", "volunteer"})
    read_on_every_show = True  # who is signed in may have changed since the last visit

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("ReportsPage", "Rapporten"), parent)
        self.setObjectName("reports_page")
        ctx = app.services.ctx
        self.sitreps = SitrepService(ctx)
        self.exports = ExportService(ctx)
        self.cap = CapService(ctx)

        intro = QLabel(
            self.tr(
                "Maak een situatierapport voor de C-NSP of exporteer de gegevens voor de "
                "veiligheidsregio. Elke export wordt vastgelegd in het auditlogboek."
            )
        )
        intro.setWordWrap(True)

        sitrep_box = self._sitrep_box()
        export_box = self._export_box()
        self.result = QLabel()
        self.result.setObjectName("reports_result")
        self.result.setWordWrap(True)
        self.result.hide()

        for button in (self.sitrep_button, self.csv_button, self.xlsx_button, self.cap_button):
            button.setMinimumHeight(40)
        layout = self.layout_
        layout.addWidget(intro)
        layout.addWidget(sitrep_box)
        layout.addWidget(export_box)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def _sitrep_box(self) -> QGroupBox:
        sitrep_box = QGroupBox(self.tr("Situatierapport"))
        sitrep_layout = QVBoxLayout(sitrep_box)
        sitrep_text = QLabel(
            self.tr(
                "Eén of twee A4-pagina's: open of gesloten, aanwezig en capaciteit, bezoekers, "
                "open hulpvragen, voorraad met hoe lang die nog strekt, noodmeldingen, "
                "knelpunten en een grafiek van de bezoekers per uur."
            )
        )
        sitrep_text.setWordWrap(True)
        self.post_choice = QComboBox()
        self.post_choice.setObjectName("reports_post")
        self.post_label = QLabel(self.tr("Voor:"))
        self.post_label.setBuddy(self.post_choice)
        self.sitrep_button = QPushButton(self.tr("Situatierapport (PDF)…"))
        self.sitrep_button.setObjectName("reports_sitrep")
        self.sitrep_button.clicked.connect(self.make_sitrep)
        row = QHBoxLayout()
        row.addWidget(self.post_label)
        row.addWidget(self.post_choice, 1)
        row.addWidget(self.sitrep_button)
        sitrep_layout.addWidget(sitrep_text)
        sitrep_layout.addLayout(row)
        return sitrep_box

    def _export_box(self) -> QGroupBox:
        export_box = QGroupBox(self.tr("Exporteren"))
        export_layout = QVBoxLayout(export_box)
        export_text = QLabel(
            self.tr(
                "CSV en Excel: één tabel per soort gegevens, met HXL-labels onder de "
                "kolomnamen. CAP: de noodmeldingen en hun bevestigingen als CAP 1.2-berichten "
                "voor de meldkamer."
            )
        )
        export_text.setWordWrap(True)
        self.personal = QCheckBox(self.tr("met persoonsgegevens (alleen coördinator)"))
        self.personal.setObjectName("reports_personal")
        self.personal.toggled.connect(self._personal_toggled)
        self.personal_note = QLabel()
        self.personal_note.setObjectName("reports_personal_note")
        self.personal_note.setWordWrap(True)
        self.csv_button = QPushButton(self.tr("Exporteren CSV…"))
        self.csv_button.setObjectName("reports_csv")
        self.csv_button.clicked.connect(self.export_csv)
        self.xlsx_button = QPushButton(self.tr("Exporteren Excel…"))
        self.xlsx_button.setObjectName("reports_xlsx")
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.cap_button = QPushButton(self.tr("CAP-meldingen…"))
        self.cap_button.setObjectName("reports_cap")
        self.cap_button.clicked.connect(self.export_cap)
        buttons = QGridLayout()
        buttons.addWidget(self.csv_button, 0, 0)
        buttons.addWidget(self.xlsx_button, 0, 1)
        buttons.addWidget(self.cap_button, 0, 2)
        export_layout.addWidget(export_text)
        export_layout.addWidget(self.personal)
        export_layout.addWidget(self.personal_note)
        export_layout.addLayout(buttons)
        return export_box

    # ---------------------------------------------------------------- state

    @Slot()
    def refresh(self) -> None:
        super().refresh()

    def load(self) -> Choices:
        return Choices(list(self.sitreps.post_codes()), self.exports.may_export_personal())

    def show_loaded(self, loaded: Choices) -> None:
        current = self.post_choice.currentData()
        self.post_choice.clear()
        node = self.app.node
        if node.is_hub:
            self.post_choice.addItem(self.tr("De hele regio"), "")
        for code in loaded.post_codes:
            self.post_choice.addItem(code, code)
        index = self.post_choice.findData(current)
        self.post_choice.setCurrentIndex(max(index, 0))
        several = self.post_choice.count() > 1
        self.post_choice.setVisible(several)
        self.post_label.setVisible(several)
        self._update_permission(loaded.may_export_personal)

    def _update_permission(self, allowed: bool) -> None:
        """Personal data only for a signed-in coordinator (the service checks it again)."""
        if not allowed and self.personal.isChecked():
            self.personal.setChecked(False)
        self.personal.setEnabled(allowed)
        self._show_personal_note()

    def focus_default(self) -> None:
        self.sitrep_button.setFocus()

    def _show_personal_note(self) -> None:
        if self.personal.isChecked():
            self.personal_note.setText(
                self.tr(
                    "Let op: de volgende export bevat persoonsgegevens. Bewaar het bestand "
                    "veilig en deel het alleen met wie het nodig heeft."
                )
            )
            self.personal_note.setStyleSheet(WARN_STYLE)
        elif self.personal.isEnabled():
            self.personal_note.setText(self.tr("Standaard zonder persoonsgegevens."))
            self.personal_note.setStyleSheet("")
        else:
            self.personal_note.setText(
                self.tr(
                    "Zonder persoonsgegevens. Alleen een coördinator kan persoonsgegevens meenemen."
                )
            )
            self.personal_note.setStyleSheet("")

    def personal_confirmation(self) -> QMessageBox:
        """The question before an export may include personal data (tests accept it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Persoonsgegevens exporteren?"))
        box.setText(self.tr("De export bevat dan ook persoonsgegevens:"))
        box.setInformativeText(
            "\n".join(f"• {line}" for line in personal_contents())
            + "\n\n"
            + self.tr("De export wordt met uw naam vastgelegd in het auditlogboek. Doorgaan?")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    @Slot(bool)
    def _personal_toggled(self, checked: bool) -> None:
        if checked and self.personal_confirmation().exec() != QMessageBox.StandardButton.Yes:
            self.personal.blockSignals(True)
            self.personal.setChecked(False)
            self.personal.blockSignals(False)
        self._show_personal_note()

    # ---------------------------------------------------------------- asking where

    def choose_file(self, title: str, suggested: str, kinds: str, suffix: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / suggested), kinds
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(suffix)

    def choose_folder(self, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, title, str(Path.home()))
        return Path(chosen) if chosen else None

    def _stamp(self) -> str:
        return self.app.services.ctx.clock.now().strftime("%Y%m%d-%H%M")

    # ---------------------------------------------------------------- actions

    @Slot()
    def make_sitrep(self) -> None:
        code = self.post_choice.currentData() or None
        name = code or ("regio" if self.app.node.is_hub else self.app.node.post_code)
        path = self.choose_file(
            self.tr("Situatierapport opslaan"),
            f"sitrep-{name}-{self._stamp()}.pdf",
            self.tr("PDF (*.pdf)"),
            ".pdf",
        )
        if path is None:
            return
        self.runner.run(
            lambda: self.sitreps.report(code),
            lambda report: self._save_sitrep(report, path),
            parent=self,
        )

    def _save_sitrep(self, report: Sitrep, path: Path) -> None:
        try:
            save_sitrep_pdf(report, path)
        except UserError as err:
            show_user_error(self, err)
            return
        self._done(summary_line(report, path))

    @Slot()
    def export_csv(self) -> None:
        folder = self.choose_folder(self.tr("Kies een map voor de CSV-bestanden"))
        if folder is not None:
            target = folder / f"noodpost-{self._stamp()}"
            self._export(lambda personal: self.exports.export_csv(target, personal=personal))

    @Slot()
    def export_xlsx(self) -> None:
        path = self.choose_file(
            self.tr("Excel-bestand opslaan"),
            f"noodpost-{self._stamp()}.xlsx",
            self.tr("Excel (*.xlsx)"),
            ".xlsx",
        )
        if path is not None:
            self._export(lambda personal: self.exports.export_xlsx(path, personal=personal))

    @Slot()
    def export_cap(self) -> None:
        folder = self.choose_folder(self.tr("Kies een map voor de CAP-berichten"))
        if folder is not None:
            target = folder / f"cap-{self._stamp()}"
            self.runner.run(
                lambda: self.cap.export(target),
                lambda result: self._done(result.summary),
                parent=self,
            )

    def _export(self, call: Callable[[bool], Any]) -> None:
        personal = self.personal.isChecked()

        def done(result: Any) -> None:
            if personal:
                self.personal.setChecked(False)
            self._done(result.summary)

        self.runner.run(lambda: call(personal), done, parent=self)

    def _done(self, text: str) -> None:
        self.result.setText(self.tr("Klaar: %1").replace("%1", text))
        self.result.setStyleSheet(OK_STYLE)
        self.result.show()
