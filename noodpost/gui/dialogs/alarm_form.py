"""The alarm form (*Noodmelding maken*) and the small dialogs that move an alarm on.

Each is a :class:`~noodpost.gui.dialogs.saving.SavingDialog`: it saves through the runner and
stays open, with what was typed, when the service refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.vocabulary import AlarmType, Urgency
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import label
from noodpost.services.alarms import MAX_PERSONS, AlarmInfo

CHECK_MARK = "✔ "
CHOICE_STYLE = (
    "QPushButton { padding: 8px 14px; }"
    "QPushButton:checked { background: #1f3a60; color: white; border: 2px solid black; }"
)


def alarm_types() -> list[tuple[str, str]]:
    """The alarm types with their button text (mnemonics: B, P, A, O)."""
    return [
        (AlarmType.FIRE.value, QCoreApplication.translate("AlarmForm", "&Brandweer")),
        (AlarmType.POLICE.value, QCoreApplication.translate("AlarmForm", "&Politie")),
        (AlarmType.AMBULANCE.value, QCoreApplication.translate("AlarmForm", "&Ambulance")),
        (AlarmType.OTHER.value, QCoreApplication.translate("AlarmForm", "&Overig")),
    ]


def urgencies() -> list[tuple[str, str]]:
    return [
        (Urgency.IMMEDIATE.value, QCoreApplication.translate("AlarmForm", "&Spoed")),
        (Urgency.HIGH.value, QCoreApplication.translate("AlarmForm", "&Hoog")),
        (Urgency.NORMAL.value, QCoreApplication.translate("AlarmForm", "&Normaal")),
    ]


class ChoiceButtons(QWidget):
    """A row of big toggle buttons of which one is chosen; the chosen one also shows a ✔.

    Signals:
        changed(str): the chosen value.
    """

    changed = Signal(str)

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        *,
        point_size: int = 16,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._texts: dict[str, str] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for value, text in options:
            button = QPushButton(text)
            button.setObjectName(f"choice_{value}")
            button.setCheckable(True)
            # Never a dialog's default: Enter in a field saves the form, and must not press
            # the choice that last had the focus (it sent the wrong service, issue 18).
            button.setAutoDefault(False)
            button.setMinimumHeight(56)
            button.setStyleSheet(CHOICE_STYLE)
            font = QFont(button.font())
            font.setPointSize(point_size)
            font.setBold(True)
            button.setFont(font)
            button.toggled.connect(self._update_marks)
            self._group.addButton(button)
            self._buttons[value] = button
            self._texts[value] = text
            row.addWidget(button)

    def value(self) -> str | None:
        return next((v for v, b in self._buttons.items() if b.isChecked()), None)

    def set_value(self, value: str) -> None:
        self._buttons[value].setChecked(True)

    def button(self, value: str) -> QPushButton:
        return self._buttons[value]

    @Slot()
    def _update_marks(self) -> None:
        for value, button in self._buttons.items():
            mark = CHECK_MARK if button.isChecked() else ""
            button.setText(mark + self._texts[value])
        chosen = self.value()
        if chosen is not None:
            self.changed.emit(chosen)


class AlarmFormDialog(SavingDialog):
    """*Noodmelding maken*: who is needed, how urgent, where, how many, what happened."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("AlarmForm", "Noodmelding maken"), parent)
        self.setObjectName("alarm_form")
        self.setMinimumWidth(760)
        self.save_button.setText(self.tr("Noodmelding opslaan"))

        heading = QLabel(self.tr("Noodmelding maken"))
        font = QFont(heading.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "Bel bij levensgevaar altijd eerst 112 als dat kan. Deze melding gaat naar de "
                "C-NSP bij de eerstvolgende verbinding."
            )
        )
        intro.setWordWrap(True)

        self.type_choice = ChoiceButtons(alarm_types())
        self.type_choice.setObjectName("alarm_type")
        self.urgency_choice = ChoiceButtons(urgencies(), point_size=14)
        self.urgency_choice.setObjectName("alarm_urgency")
        self.urgency_choice.set_value(Urgency.IMMEDIATE.value)

        self.location = QLineEdit(app.services.alarms.default_location() or "")
        self.location.setObjectName("alarm_location")
        self.location.setPlaceholderText(self.tr("Adres, zaal of ruimte"))
        self.persons = QSpinBox()
        self.persons.setObjectName("alarm_persons")
        self.persons.setRange(0, MAX_PERSONS)
        self.persons.setSpecialValueText(self.tr("onbekend"))
        self.persons.setMinimumWidth(140)
        self.description = QPlainTextEdit()
        self.description.setObjectName("alarm_description")
        self.description.setPlaceholderText(self.tr("Wat is er aan de hand? (kort)"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)

        form = QFormLayout()
        form.addRow(self._label(self.tr("Wie is er nodig?")), self.type_choice)
        form.addRow(self._label(self.tr("Urgentie")), self.urgency_choice)
        form.addRow(self._buddy(self.tr("&Waar?"), self.location), self.location)
        form.addRow(self._buddy(self.tr("Aan&tal personen"), self.persons), self.persons)
        form.addRow(self._buddy(self.tr("Omsch&rijving"), self.description), self.description)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.type_choice.button(AlarmType.FIRE.value).setFocus()
        self._untouched = self._typed()

    def _typed(self) -> tuple[object, ...]:
        return (
            self.type_choice.value(),
            self.urgency_choice.value(),
            self.location.text(),
            self.persons.value(),
            self.description.toPlainText(),
        )

    def reject(self) -> None:
        """Escape or *Annuleren*: a filled-in alarm is only thrown away when confirmed (the
        question opens without blocking; *Terug naar de melding* is its default)."""
        if self._typed() == self._untouched:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Noodmelding niet opslaan?"),
            self.tr(
                "Deze noodmelding is nog niet opgeslagen en gaat dan niet naar de C-NSP. "
                "Wat u invulde, gaat verloren."
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discard_alarm")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Niet opslaan"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Terug naar de melding"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._discard_answered)
        box.open()

    @Slot(int)
    def _discard_answered(self, answer: int) -> None:
        if answer == QMessageBox.StandardButton.Discard:
            super().reject()

    def _label(self, text: str) -> QLabel:
        return QLabel(text)

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label

    def fill(
        self,
        alarm_type: str,
        urgency: str,
        location: str | None = None,
        persons: int | None = None,
        description: str = "",
    ) -> None:
        """Fill the form as a volunteer would (for tests and the desk's quick actions)."""
        self.type_choice.set_value(alarm_type)
        self.urgency_choice.set_value(urgency)
        if location is not None:
            self.location.setText(location)
        self.persons.setValue(persons or 0)
        self.description.setPlainText(description)

    def build_call(self) -> Callable[[], AlarmInfo]:
        alarms = self.app.services.alarms
        alarm_type = self.type_choice.value() or ""
        urgency = self.urgency_choice.value() or ""
        location = self.location.text()
        persons = self.persons.value() or None
        description = self.description.toPlainText()
        return lambda: alarms.raise_alarm(alarm_type, urgency, location, persons, description)


class AcknowledgeDialog(SavingDialog):
    """(hub) *Bevestigen*: who confirms, and a note for the post."""

    def __init__(self, app: AppContext, alarm: AlarmInfo, parent: QWidget | None = None) -> None:
        super().__init__(
            app, QCoreApplication.translate("AlarmForm", "Noodmelding bevestigen"), parent
        )
        self.setObjectName("acknowledge_dialog")
        self.setMinimumWidth(560)
        self.alarm = alarm
        self.save_button.setText(self.tr("Bevestigen"))
        about = QLabel(
            self.tr(
                "Noodmelding van {post}: {type}, {urgency}. De post ziet uw bevestiging."
            ).format(post=alarm.post_code, type=label(alarm.type), urgency=label(alarm.urgency))
        )
        about.setWordWrap(True)
        signed_in = app.services.volunteers.signed_in()
        self.name = QLineEdit(signed_in.name if signed_in is not None else "")
        self.name.setObjectName("acknowledge_name")
        self.note = QLineEdit()
        self.note.setObjectName("acknowledge_note")
        self.note.setPlaceholderText(self.tr("bijvoorbeeld: ambulance is onderweg"))
        form = QFormLayout()
        name_label = QLabel(self.tr("&Naam"))
        name_label.setBuddy(self.name)
        note_label = QLabel(self.tr("N&otitie voor de post"))
        note_label.setBuddy(self.note)
        form.addRow(name_label, self.name)
        form.addRow(note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def build_call(self) -> Callable[[], AlarmInfo]:
        alarms = self.app.services.alarms
        alarm_id, name, note = self.alarm.id, self.name.text(), self.note.text()
        return lambda: alarms.acknowledge(alarm_id, name, note)


class AlarmNoteDialog(SavingDialog):
    """*Afsluiten* (an optional note) or *Intrekken* (a reason is required)."""

    def __init__(
        self,
        app: AppContext,
        alarm: AlarmInfo,
        *,
        cancel: bool,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("AlarmForm", "Noodmelding intrekken")
            if cancel
            else QCoreApplication.translate("AlarmForm", "Noodmelding afsluiten")
        )
        super().__init__(app, title, parent)
        self.setObjectName("alarm_note_dialog")
        self.setMinimumWidth(560)
        self.alarm = alarm
        self.cancelling = cancel
        self.save_button.setText(self.tr("Intrekken") if cancel else self.tr("Afsluiten"))
        about = QLabel(
            self.tr("Waarom wordt deze noodmelding ingetrokken? De reden wordt bewaard.")
            if cancel
            else self.tr("De noodmelding is afgehandeld. Een notitie is niet verplicht.")
        )
        about.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("alarm_note")
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def build_call(self) -> Callable[[], AlarmInfo]:
        alarms = self.app.services.alarms
        alarm_id, note = self.alarm.id, self.note.text()
        if self.cancelling:
            return lambda: alarms.cancel(alarm_id, note)
        return lambda: alarms.close(alarm_id, note)
