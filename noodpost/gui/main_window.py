"""The main window: a thin shell that shows which post this is and assembles the pages."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from noodpost.gui.pages.overview import OverviewPage
from noodpost.services.base import NodeInfo
from noodpost.services.status import StatusService

TRAINING_MARK = "OEFENING"


def window_title(node: NodeInfo) -> str:
    """``Noodpost — <post name>``, with `` — OEFENING`` on a training node."""
    title = f"Noodpost — {node.name}"
    return f"{title} — {TRAINING_MARK}" if node.training else title


class MainWindow(QMainWindow):
    """The window around the pages, with the post's name and code in the status bar.

    Signals:
        entities_changed(frozenset[str]): entity names a committed write changed; delivered
            on the GUI thread whichever thread the write ran on.
    """

    entities_changed = Signal(object)

    def __init__(
        self, node: NodeInfo, status: StatusService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.node = node
        self.setWindowTitle(window_title(node))
        self.resize(1280, 720)

        self.overview = OverviewPage(status)
        self.setCentralWidget(self.overview)
        self.entities_changed.connect(self.overview.on_entities_changed)

        self.post_label = QLabel(f"{node.name} · {node.post_code}")
        self.post_label.setObjectName("status_post")
        self.statusBar().addPermanentWidget(self.post_label)
        if node.training:
            mark = QLabel(f" {TRAINING_MARK} ")
            mark.setObjectName("status_training")
            mark.setStyleSheet("background: #ffbf00; color: black; font-weight: bold;")
            self.statusBar().addPermanentWidget(mark)

    def notify_changed(self, entities: frozenset[str]) -> None:
        """Listener for :meth:`ServiceContext.subscribe`; safe to call from any thread."""
        self.entities_changed.emit(entities)
