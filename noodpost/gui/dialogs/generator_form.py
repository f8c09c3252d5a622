"""*Aggregaat: stand noteren*: whether the generator runs, litres added, litres left.

Opened from Overzicht (Ctrl+N there) and from Uitgifte & voorraad (Alt+A). The litres left
come first and take the focus; Enter saves. The generator's state is a pair of radio buttons
(Alt+D *draait*, Alt+S *staat stil*) that starts at what the latest reading said. Above the
fields the dialog says what the log says now, so the volunteer sees the previous reading.
Like every form dialog it saves through the runner and stays open, with the message in words,
when the service refuses.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import larger_font
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.dialogs.supplies_forms import parse_quantity, quantity_field
from noodpost.services.generator import MAX_NOTE, FuelState, GeneratorService, Reading


def fuel_line(state: FuelState | None, now_text: Callable[[FuelState], str]) -> str:
    """What the log says now, for a label; ``now_text`` gives the service's summary."""
    if state is None:
        return QCoreApplication.translate(
            "GeneratorDialog",
            "Nog geen stand genoteerd. Noteer een stand als het aggregaat start, stopt of "
            "wordt bijgevuld, en verder elke paar uur.",
        )
    if state.litres_per_hour is None and not state.empty:
        return (
            now_text(state)
            + " · "
            + QCoreApplication.translate(
                "GeneratorDialog",
                "noteer over een tijdje weer een stand, dan berekent Noodpost het verbruik",
            )
        )
    return now_text(state)


class GeneratorDialog(SavingDialog):
    """Record one reading of the generator.

    Signals:
        saved(Reading): the reading as stored (from :class:`SavingDialog`).
    """

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            app, QCoreApplication.translate("GeneratorDialog", "Aggregaat: stand noteren"), parent
        )
        self.setObjectName("generator_dialog")
        self.setMinimumWidth(640)
        self.save_button.setText(self.tr("Stand opslaan"))
        self._generator = GeneratorService(app.services.ctx)
        state = self._generator.state()
        clock = app.services.ctx.clock

        heading = QLabel(self.tr("Aggregaat: stand noteren"))
        larger_font(heading, 4, bold=True)
        self.current = QLabel(
            self.tr("Vorige stand: {line}").format(
                line=fuel_line(state, lambda s: s.summary(clock.now()))
            )
            if state is not None
            else fuel_line(None, str)
        )
        self.current.setObjectName("generator_current")
        self.current.setWordWrap(True)

        self.running = QRadioButton(self.tr("&Draait"))
        self.running.setObjectName("generator_running")
        self.stopped = QRadioButton(self.tr("&Staat stil"))
        self.stopped.setObjectName("generator_stopped")
        self.state = QButtonGroup(self)
        self.state.addButton(self.running)
        self.state.addButton(self.stopped)
        (self.running if state is None or state.running else self.stopped).setChecked(True)
        states = QHBoxLayout()
        states.addWidget(self.running)
        states.addWidget(self.stopped)
        states.addStretch(1)

        self.left = quantity_field("generator_left")
        self.left.setPlaceholderText(self.tr("liter"))
        self.added = quantity_field("generator_added")
        self.added.setPlaceholderText(self.tr("0"))
        self.note = QLineEdit()
        self.note.setObjectName("generator_note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("bijv. olie bijgevuld, start slecht"))

        form = QFormLayout()
        form.addRow(self.tr("Aggregaat"), states)
        form.addRow(self._buddy(self.tr("Liter &over (nu in de tank)"), self.left), self.left)
        form.addRow(
            self._buddy(self.tr("Liter &bijgevuld (sinds de vorige stand)"), self.added),
            self.added,
        )
        form.addRow(self._buddy(self.tr("Op&merking"), self.note), self.note)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.left.setFocus()

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def build_call(self) -> Callable[[], Reading]:
        """The service call for what was typed (values read now, on the GUI thread)."""
        generator = self._generator
        running = self.running.isChecked()
        left_text, added_text, note = self.left.text(), self.added.text(), self.note.text()
        left = parse_quantity(left_text) if left_text.strip() else None
        added = parse_quantity(added_text) if added_text.strip() else None

        def save() -> Reading:
            return generator.record(
                running=running, litres_left=left, litres_added=added, note=note
            )

        return save
