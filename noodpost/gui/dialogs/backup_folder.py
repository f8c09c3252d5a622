"""The settings field for the second backup place: a folder on a USB stick (or empty: none).

Automatic backups go to the data folder's ``backups`` and, when this folder is set and the
stick is in, there too (see :mod:`noodpost.services.backup`). An absent stick only gives a
warning in the status line.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class BackupFolderField(QWidget):
    """A folder path with "Kiezen…" and "Geen". :meth:`value` is the text to store."""

    def __init__(self, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_usb_folder")
        self.path = QLineEdit(folder)
        self.path.setObjectName("backup_usb_path")
        self.path.setPlaceholderText(self.tr("geen (alleen op deze laptop)"))
        self.path.setClearButtonEnabled(True)
        self.path.setToolTip(
            self.tr(
                "Back-ups gaan elk kwartier naar deze laptop. Kies een map op een USB-stick "
                "voor een tweede kopie; zit de stick er niet in, dan ziet u dat onderin."
            )
        )
        choose = QPushButton(self.tr("Kiezen…"))
        choose.setObjectName("choose_backup_folder")
        choose.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.setFocusProxy(self.path)

    @Slot()
    def choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Map voor back-ups op de USB-stick"), self.path.text()
        )
        if chosen:
            self.path.setText(chosen)

    def value(self) -> str:
        return self.path.text().strip()
