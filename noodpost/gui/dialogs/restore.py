"""*Back-up terugzetten*: pick a backup (this laptop or the USB folder), confirm, restore, close.

The list shows every backup in ``<data dir>/backups`` and in the USB folder of the settings,
newest first, with its time and size; another file can be chosen too. After a confirmation the
restore runs on the runner. The current data is kept aside (``noodpost-voor-herstel-…``), the
backup gets a new incarnation, and Noodpost then closes: the simplest honest behaviour, as every
open screen still shows the old data. The volunteer starts Noodpost again.

Signals:
    about_to_restore(): the restore starts now; stop background work that opens the database
        (the background sync), so nothing writes to the old file while it moves aside.
    restored(str): the restore is done (the Dutch summary); the caller closes Noodpost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import FieldMessage, larger_font
from noodpost.services.backup import BackupService, OtherNodeBackup, RestoreReport

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Choose and restore a backup. Tests call :meth:`select`, :meth:`confirm_box` and
    :meth:`restore_selected` instead of clicking through modal boxes."""

    about_to_restore = Signal()
    restored = Signal(str)

    def __init__(
        self, app: AppContext, service: BackupService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.app = app
        self.service = service
        self.setWindowTitle(self.tr("Noodpost — back-up terugzetten"))
        self.setMinimumSize(640, 440)

        heading = QLabel(self.tr("Back-up terugzetten"))
        larger_font(heading, 6, bold=True)
        explain = QLabel(
            self.tr(
                "Kies de back-up die u wilt terugzetten. De huidige gegevens worden opzij gezet "
                "(nooit verwijderd) en vervangen door die van de back-up. Daarna sluit Noodpost "
                "af; start het dan opnieuw."
            )
        )
        explain.setWordWrap(True)

        self.backups = QListWidget()
        self.backups.setObjectName("backup_list")
        larger_font(self.backups, 1)
        self.backups.itemSelectionChanged.connect(self._selection_changed)
        self.backups.itemDoubleClicked.connect(lambda _item: self.ask_and_restore())
        self.empty = QLabel(
            self.tr(
                "Er zijn geen back-ups gevonden: niet op deze laptop en niet in de USB-map. Kies "
                "een bestand met 'Ander bestand…'."
            )
        )
        self.empty.setObjectName("no_backups")
        self.empty.setWordWrap(True)
        self.message = FieldMessage("restore_message")
        self.progress = QLabel()
        self.progress.setObjectName("restore_progress")
        self.progress.hide()

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Terugzetten…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        other = QPushButton(self.tr("&Ander bestand…"))
        other.setObjectName("choose_file")
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(self.tr("&Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_restore")
        self.restore_button.clicked.connect(self.ask_and_restore)
        other.clicked.connect(self.choose_file)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.reload()

    # ------------------------------------------------------------ the list

    def reload(self) -> None:
        self.backups.clear()
        for choice in self.service.available():
            item = QListWidgetItem(choice.text)
            item.setData(PATH_ROLE, str(choice.path))
            item.setToolTip(str(choice.path))
            self.backups.addItem(item)
        self.empty.setVisible(self.backups.count() == 0)
        if self.backups.count():
            self.backups.setCurrentRow(0)
            self.backups.setFocus()

    def select(self, row: int) -> None:
        self.backups.setCurrentRow(row)

    def selected_path(self) -> Path | None:
        row = self.backups.currentRow()
        if row < 0:
            return None
        return Path(str(self.backups.item(row).data(PATH_ROLE)))

    @Slot()
    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    @Slot()
    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Back-upbestand kiezen"),
            str(self.app.data_dir / "backups"),
            self.tr("Noodpost-back-ups (*.db *.npbk)"),
        )
        if chosen:
            item = QListWidgetItem(self.tr("Gekozen bestand: %1").replace("%1", chosen))
            item.setData(PATH_ROLE, chosen)
            self.backups.insertItem(0, item)
            self.backups.setCurrentRow(0)
            self.empty.hide()

    # ------------------------------------------------------------ restoring

    def _selected_text(self) -> str:
        row = self.backups.currentRow()
        return self.backups.item(row).text() if row >= 0 else ""

    def confirm_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("confirm_restore")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Back-up terugzetten"))
        box.setText(
            self.tr(
                "Huidige gegevens worden vervangen door die van deze back-up:\n%1\n\n"
                "Wat na deze back-up is ingevoerd en al naar de C-NSP was gestuurd, komt bij de "
                "volgende synchronisatie terug; de huidige database wordt bewaard. Noodpost "
                "sluit daarna af. Doorgaan?"
            ).replace("%1", self._selected_text())
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Ja, terugzetten"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Nee"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    @Slot()
    def ask_and_restore(self) -> None:
        if self.selected_path() is None:
            return
        if self.confirm_box().exec() == QMessageBox.StandardButton.Yes:
            self.restore_selected()

    def restore_selected(self, *, allow_other_node: bool = False) -> None:
        """Restore the selected backup on the runner (the question was asked already)."""
        path = self.selected_path()
        if path is None:
            return
        self.restore_button.setEnabled(False)
        self.message.clear_message()
        self.progress.setText(self.tr("Bezig met terugzetten…"))
        self.progress.show()
        service = self.service
        self.about_to_restore.emit()
        self.app.runner.run(
            lambda: service.restore(path, allow_other_node=allow_other_node),
            on_done=self._done,
            on_user_error=self._refused,
            parent=self,
        )

    def other_node_box(self, asked: OtherNodeBackup) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("confirm_other_node")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Back-up van een andere installatie"))
        box.setText(asked.message)
        box.setInformativeText("\n".join(asked.warnings))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Toch terugzetten"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Nee"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def _refused(self, error: UserError) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)
        self.progress.hide()
        if isinstance(error, OtherNodeBackup):
            if self.other_node_box(error).exec() == QMessageBox.StandardButton.Yes:
                self.restore_selected(allow_other_node=True)
            return
        self.message.show_message(error.message)

    def done_box(self, report: RestoreReport) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("restore_done")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Back-up teruggezet"))
        box.setText(
            self.tr("%1\n\nNoodpost sluit nu af. Start Noodpost daarna opnieuw.").replace(
                "%1", report.summary
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    def _done(self, report: RestoreReport) -> None:
        self.progress.hide()
        self.done_box(report).exec()
        self.accept()
        self.restored.emit(report.summary)
