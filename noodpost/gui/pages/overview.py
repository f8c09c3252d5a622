"""Overzicht: what this node holds, with the same numbers as ``noodpost status``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from noodpost.gui.context import AppContext
from noodpost.gui.count_labels import count_text
from noodpost.gui.pages.base import Page
from noodpost.services.status import NodeStatus, StatusService


class OverviewPage(Page):
    """The node's identity and its counts per kind of record; refreshes after every change."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("OverviewPage", "Overzicht"), parent)
        self.setObjectName("overview_page")
        self._status: StatusService = app.services.status
        self._values: dict[str, QLabel] = {}

        self.identity = QLabel()
        self.identity.setObjectName("overview_identity")
        self.identity.setWordWrap(True)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.counts = QFormLayout()
        self.counts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.counts.setHorizontalSpacing(24)
        counts_box = QWidget()
        counts_box.setLayout(self.counts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(counts_box)

        self.health = QLabel()
        self.health.setObjectName("overview_health")
        self.health.setWordWrap(True)
        refresh = QPushButton(self.tr("Vernieuwen (F5)"))
        refresh.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        footer = QHBoxLayout()
        footer.addWidget(self.health, 1)
        footer.addWidget(refresh)

        layout = self.layout_
        layout.addWidget(self.identity)
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)

    def value_text(self, key: str) -> str:
        """What the page shows for one count (``"households"``, ``"events"`` …)."""
        return self._values[key].text()

    @Slot()
    def refresh(self) -> None:
        self.show_status(self._status.current())

    def show_status(self, status: NodeStatus) -> None:
        role = self.tr("C-NSP") if status.role == "hub" else self.tr("post")
        mode = " · " + self.tr("OEFENING") if status.training else ""
        self.identity.setText(
            f"{status.name} ({status.post_code}) · {role}{mode}\n"
            + self.tr("Laptopnummer {id}").format(id=status.node_id)
        )
        rows = [*status.ordered_counts(), ("events", status.events)]
        for key, value in rows:
            self._value_label(key).setText(str(value))
        if status.sound and not status.quarantined:
            self.health.setText(self.tr("Database in orde · niets in quarantaine"))
        elif status.sound:
            self.health.setText(
                self.tr(
                    "Database in orde · %n wijziging(en) in quarantaine: laat de coördinator "
                    "ze bekijken op Synchronisatie",
                    "",
                    status.quarantined,
                )
            )
        else:
            self.health.setText(
                self.tr(
                    "Databasecontrole meldt een probleem ({problem}). Maak een back-up en "
                    "waarschuw de coördinator."
                ).format(problem=status.integrity)
            )

    def _value_label(self, key: str) -> QLabel:
        if key not in self._values:
            value = QLabel()
            value.setObjectName(f"count_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            name = count_text(key)
            self.counts.addRow(name, value)
            self._values[key] = value
        return self._values[key]
