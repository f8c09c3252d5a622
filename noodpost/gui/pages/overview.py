"""Overzicht: what this node holds, with the same numbers as ``noodpost status``.

Above the counts: the generator (*aggregaat*) with its fuel and the hours of power left, and
*Aggregaat: stand noteren* (Ctrl+N) to write down a reading
(:class:`~noodpost.gui.dialogs.generator_form.GeneratorDialog`). Fuel for less than 12 hours
shows amber, with the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
from noodpost.gui.dialogs.generator_form import GeneratorDialog, fuel_line
from noodpost.gui.pages.base import Page
from noodpost.services.generator import LOW_FUEL_HOURS, FuelState, GeneratorService
from noodpost.services.status import NodeStatus, StatusService

WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #cc9a06;"


@dataclass(frozen=True)
class Overview:
    """The node's status and its generator, read at one moment (off the GUI thread)."""

    status: NodeStatus
    generator: FuelState | None
    now: datetime


class OverviewPage(Page):
    """The node's identity and its counts per kind of record; refreshes after every change."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("OverviewPage", "Overzicht"), parent)
        self.setObjectName("overview_page")
        self._status: StatusService = app.services.status
        self._values: dict[str, QLabel] = {}
        self._generator = GeneratorService(app.services.ctx)

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
        layout.addLayout(self._build_fuel())
        layout.addWidget(scroll, 1)
        layout.addLayout(footer)

    def _build_fuel(self) -> QHBoxLayout:
        self.fuel = QLabel()
        self.fuel.setObjectName("overview_fuel")
        self.fuel.setWordWrap(True)
        self.fuel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(self.tr("Aggregaat: stand &noteren… (Ctrl+N)"))
        button.setObjectName("generator_button")
        button.clicked.connect(self.open_generator)
        QShortcut(QKeySequence("Ctrl+N"), self, self.open_generator)
        row = QHBoxLayout()
        row.addWidget(self.fuel, 1)
        row.addWidget(button)
        return row

    @Slot()
    def open_generator(self) -> GeneratorDialog:
        """Ctrl+N: write down a reading of the generator."""
        dialog = GeneratorDialog(self.app, self)
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_fuel(self, state: FuelState | None, now: datetime) -> None:
        text = self.tr("Aggregaat: {line}").format(line=fuel_line(state, lambda s: s.summary(now)))
        low = state is not None and state.low
        if low:
            text += self.tr(" — BRANDSTOF VOOR MINDER DAN {hours} UUR: laat bijvullen").format(
                hours=f"{LOW_FUEL_HOURS:.0f}"
            )
        self.fuel.setText(text)
        self.fuel.setStyleSheet(WARNING_STYLE if low else "padding: 6px;")

    def value_text(self, key: str) -> str:
        """What the page shows for one count (``"households"``, ``"events"`` …)."""
        return self._values[key].text()

    @Slot()
    def refresh(self) -> None:
        super().refresh()

    def load(self) -> Overview:
        return Overview(
            self._status.current(), self._generator.state(), self.services.ctx.clock.now()
        )

    def show_loaded(self, loaded: Overview) -> None:
        self.show_status(loaded.status)
        self.show_fuel(loaded.generator, loaded.now)

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
