"""Which stick or folder to exchange bundles with: a list, *Opnieuw zoeken*, *Andere map…*.

Signals:
    chosen(): a stick or folder was chosen (or the list was refreshed onto one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QWidget

from noodpost.gui.widgets.drives import Drive, writable_drives


class DrivePicker(QWidget):
    """The sticks found now, and the folders chosen by hand this session."""

    chosen = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        find_drives: Callable[[], list[Drive]] = writable_drives,
    ) -> None:
        super().__init__(parent)
        self._find_drives = find_drives
        self._other_folders: list[Path] = []
        self.drive = QComboBox()
        self.drive.setObjectName("sync_drive")
        self.drive.setMinimumContentsLength(40)
        self.drive.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.drive.currentIndexChanged.connect(self._index_changed)
        rescan = QPushButton(self.tr("Opnieuw zoeken"))
        rescan.setObjectName("sync_rescan")
        rescan.clicked.connect(self.refresh)
        other = QPushButton(self.tr("Andere map…"))
        other.setObjectName("sync_other_folder")
        other.clicked.connect(self.choose_folder)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.drive, 1)
        row.addWidget(rescan)
        row.addWidget(other)

    @Slot()
    def refresh(self) -> None:
        """Look for sticks again; what was chosen stays chosen when it is still there."""
        chosen = self.folder()
        self.drive.clear()
        for drive in self._find_drives():
            self.drive.addItem(drive.text, str(drive.root))
        for folder in self._other_folders:
            self.drive.addItem(self.tr("Map: {path}").format(path=folder), str(folder))
        if self.drive.count() == 0:
            self.drive.addItem(
                self.tr("Geen USB-stick gevonden: steek er een in, of kies ‘Andere map…’"), None
            )
        if chosen is not None:
            index = self.drive.findData(str(chosen))
            if index >= 0:
                self.drive.setCurrentIndex(index)

    def folder(self) -> Path | None:
        """The chosen stick or folder, or None."""
        data = self.drive.currentData() if self.drive.count() else None
        return Path(data) if isinstance(data, str) and data else None

    def set_folder(self, path: Path) -> None:
        """Choose a folder (what 'Andere map…' does after its dialog)."""
        if path not in self._other_folders:
            self._other_folders.append(path)
        self.refresh()
        self.drive.setCurrentIndex(self.drive.findData(str(path)))

    @Slot()
    def choose_folder(self) -> None:
        start = str(self.folder() or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Kies een map of stick"), start)
        if chosen:
            self.set_folder(Path(chosen))

    @Slot(int)
    def _index_changed(self, _index: int) -> None:
        if self.folder() is not None:
            self.chosen.emit()
