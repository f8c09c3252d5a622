"""*Auditlogboek*: the audit log for the coordinator, newest first, and a check of its chain.

Opening the dialog is itself recorded (:meth:`PrivacyService.record_view`); a volunteer who
is not a coordinator gets the refusal in words instead of the list. "Keten controleren" checks
the hash chain (:meth:`AuditService.verify`) off the GUI thread and says *intact*, or names
the first broken entry.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.audit import action_labels
from noodpost.core.clock import parse_iso
from noodpost.core.errors import UserError
from noodpost.core.localtime import local_time
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import larger_font
from noodpost.services.audit import AuditLine, AuditReport
from noodpost.services.privacy import PersonalList, PrivacyService

#: How many of the newest entries the list shows.
SHOWN = 500
OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 8px; border: 1px solid #146c43;"
ERROR_STYLE = "background: #f8d7da; color: #58151c; padding: 8px; border: 1px solid #b00020;"
NOTE_STYLE = "color: #333;"


def result_words() -> dict[str, str]:
    """The stored results of an audit entry, as the list shows them."""
    return {
        "ok": QCoreApplication.translate("AuditViewDialog", "gelukt"),
        "geweigerd": QCoreApplication.translate("AuditViewDialog", "GEWEIGERD"),
        "mislukt": QCoreApplication.translate("AuditViewDialog", "MISLUKT"),
    }


class AuditViewDialog(QDialog):
    """The audit log. Open with ``open()``; tests read :attr:`table` and call :meth:`verify`."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_view")
        self.app = app
        self.setWindowTitle(self.tr("Noodpost — auditlogboek"))
        self.resize(1100, 640)

        heading = QLabel(self.tr("Auditlogboek"))
        larger_font(heading, 6, bold=True)
        self.note = QLabel(
            self.tr(
                "Wie deed wat, wanneer: inlogpogingen, bekeken persoonslijsten, exports, "
                "bundels, koppelingen, goedkeuringen en anonimiseringen. Nieuwste eerst. "
                "Regels kunnen niet worden gewijzigd of verwijderd zonder dat de controle "
                "het ziet."
            )
        )
        self.note.setObjectName("audit_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Tijd"),
                self.tr("Wie"),
                self.tr("Handeling"),
                self.tr("Waarop"),
                self.tr("Resultaat"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 1.8))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.outcome = QLabel()
        self.outcome.setObjectName("audit_result")
        self.outcome.setWordWrap(True)
        self.outcome.hide()

        self.verify_button = QPushButton(self.tr("&Keten controleren"))
        self.verify_button.setObjectName("audit_verify")
        self.verify_button.clicked.connect(self.verify)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Sluiten"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.outcome)
        layout.addLayout(row)
        self.allowed = self.load()

    def load(self) -> bool:
        """Record the viewing and fill the list; on a refusal show it instead (False)."""
        services = self.app.services
        try:
            PrivacyService(services.ctx).record_view(PersonalList.AUDIT)
            lines = services.audit.recent(SHOWN)
        except UserError as refused:
            self.table.hide()
            self.verify_button.hide()
            self._show_result(refused.message, ok=False)
            return False
        actors = {line.actor for line in lines if line.actor}
        actors |= {line.object.partition(" ")[2] for line in lines if line.action == "sign_in"}
        names = {
            actor_id: line.volunteer.name
            for actor_id, line in services.volunteers.volunteers_by_id(sorted(actors)).items()
        }
        self.table.setRowCount(len(lines))
        for number, line in enumerate(lines):
            self._fill(number, line, names)
        return True

    def _fill(self, number: int, line: AuditLine, names: dict[str, str]) -> None:
        try:
            when = local_time(parse_iso(line.at)).strftime("%d-%m-%Y %H:%M:%S")
        except ValueError:
            when = line.at
        if line.actor is None:
            who = self.tr("(systeem of opdrachtregel)")
        else:
            who = names.get(line.actor, line.actor[:8])
        result = result_words().get(line.result, line.result)
        what = line.object
        prefix, _, volunteer_id = what.partition(" ")
        if prefix == "vrijwilliger" and volunteer_id in names:  # stored as an id, shown by name
            what = f"vrijwilliger {names[volunteer_id]}"
        action = action_labels().get(line.action, line.action_label)
        for column, text in enumerate((when, who, action, what, result)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, line.entry_id)
            self.table.setItem(number, column, item)

    def row_texts(self, number: int) -> list[str]:
        """What one row shows, column by column (for tests)."""
        items = (self.table.item(number, c) for c in range(self.table.columnCount()))
        return [item.text() if item is not None else "" for item in items]

    @Slot()
    def verify(self) -> None:
        """Check the chain off the GUI thread, then say what was found."""
        self.verify_button.setEnabled(False)
        self.app.runner.run(self.app.services.audit.verify, self._verified, parent=self)

    def _verified(self, report: AuditReport) -> None:
        self.verify_button.setEnabled(True)
        if report.broken is None:
            self._show_result(
                self.tr(
                    "Intact: %n regel(s) gecontroleerd, niets gewijzigd of verwijderd.",
                    "",
                    report.checked,
                ),
                ok=True,
            )
        else:
            self._show_result(
                self.tr(
                    "NIET INTACT: regel %1 %2. Meld dit aan de coördinator van de regio; laat "
                    "de laptop verder ongemoeid."
                )
                .replace("%1", str(report.broken.entry_id))
                .replace("%2", report.broken.reason),
                ok=False,
            )

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.outcome.show()
