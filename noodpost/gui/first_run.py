"""What the GUI does when the data folder holds no node yet.

For now it explains how to set the post up from the command line; the setup wizard will take
this module's place and return True once it has set the node up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def init_command(data_dir: Path) -> str:
    return (
        f'noodpost --data-dir "{data_dir}" init --role post '
        '--name "Naam van de post" --code GR-0014'
    )


def setup_needed_box(data_dir: Path, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Noodpost — nog niet ingericht")
    box.setText("Noodpost is in deze map nog niet ingericht als noodsteunpunt.")
    box.setInformativeText(
        "Richt het noodsteunpunt eerst in met deze opdracht (vul de eigen naam en code in):\n\n"
        f"{init_command(data_dir)}\n\n"
        "Start Noodpost daarna opnieuw."
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy the command
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def run_first_run(data_dir: Path) -> bool:
    """Help the user set up a node in ``data_dir``. True when one was set up (not yet)."""
    setup_needed_box(data_dir).exec()
    return False
