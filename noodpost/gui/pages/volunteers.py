"""Vrijwilligers: who works at the post, who is on duty, and shift changes with a handover.

Anyone signed in can start or end a shift; adding a volunteer is for a coordinator — the
volunteers service decides that, and the page says so calmly before anything is typed. A PIN
is only ever typed into masked fields of the add dialog.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.dialogs.volunteers_forms import VolunteersAddDialog, VolunteersEndShiftDialog
from noodpost.gui.labels import label
from noodpost.gui.models.lazy import Column, LazyTableModel, Row, Rows
from noodpost.gui.pages.after_read import AfterRead
from noodpost.gui.pages.base import Page
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.privacy import PersonalList, PrivacyService
from noodpost.services.roles import SignedIn
from noodpost.services.volunteers import (
    ShiftSummary,
    VolunteerLine,
    VolunteersService,
    VolunteerSummary,
)

NOTE_STYLE = "color: #333;"

#: Where a row keeps its volunteer line (after the four columns shown).
LINE_ITEM = 4


@dataclass(frozen=True)
class VolunteersView:
    """The page at one moment: the list, how many are on duty, and who is signed in."""

    rows: Rows
    on_duty: int
    signed_in: SignedIn | None


def on_duty_text(shift: ShiftSummary | None, now: datetime) -> str:
    """``sinds 09:12 · balie``, or ``—`` when off duty."""
    if shift is None:
        return "—"
    since = format_clock(parse_iso(shift.started_at), now) if shift.started_at else "?"
    text = QCoreApplication.translate("VolunteersPage", "sinds {time}").format(time=since)
    return f"{text} · {shift.task}" if shift.task else text


class VolunteersPage(Page):
    """*Vrijwilligers*: the list with who is on duty, starting and ending shifts, adding people.

    Attributes:
        dialog: the add or end-shift dialog while it is open (for tests), else ``None``.
    """

    watches = frozenset({"volunteer", "shift"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("VolunteersPage", "Vrijwilligers"), parent)
        self.setObjectName("volunteers_page")
        self._volunteers: VolunteersService = app.services.volunteers
        self._after_read = AfterRead()
        self.dialog: SavingDialog | None = None

        self.summary = QLabel()
        self.summary.setObjectName("volunteers_summary")
        self.signed_in = QLabel()
        self.signed_in.setObjectName("volunteers_signed_in")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.signed_in)

        self.model = LazyTableModel(
            [
                Column(self.tr("Naam"), 26),
                Column(self.tr("Rol"), 13),
                Column(self.tr("Vaardigheden")),
                Column(self.tr("In dienst"), 24),
            ],
            self._volunteers.volunteer_ids,
            self._rows,
            runner=app.runner,
        )
        self.table = LazyTableView(self.model, "volunteers_table")
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.current_changed.connect(self._selection_changed)

        layout = self.layout_
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_shift_row())
        layout.addLayout(self._build_add_row())
        self.setTabOrder(self.table, self.task)
        self.setTabOrder(self.task, self.start_button)
        self.setTabOrder(self.start_button, self.end_button)
        self.setTabOrder(self.end_button, self.add_button)

    def _build_shift_row(self) -> QHBoxLayout:
        self.task = QLineEdit()
        self.task.setObjectName("shift_task_field")
        self.task.setMaxLength(200)
        self.task.setPlaceholderText(self.tr("bijvoorbeeld balie, uitgifte, rondgang"))
        self.task.returnPressed.connect(self.start_shift)
        task_label = QLabel(self.tr("T&aak (niet verplicht):"))
        task_label.setBuddy(self.task)
        self.start_button = QPushButton(self.tr("Dienst &beginnen"))
        self.start_button.setObjectName("shift_start")
        self.start_button.clicked.connect(self.start_shift)
        self.end_button = QPushButton(self.tr("Dienst b&eëindigen…"))
        self.end_button.setObjectName("shift_end")
        self.end_button.clicked.connect(self.open_end_shift)
        for button in (self.start_button, self.end_button):
            button.setMinimumHeight(44)
        row = QHBoxLayout()
        row.addWidget(task_label)
        row.addWidget(self.task, 1)
        row.addWidget(self.start_button)
        row.addWidget(self.end_button)
        return row

    def _build_add_row(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("&Vrijwilliger toevoegen…"))
        self.add_button.setObjectName("volunteer_add")
        self.add_button.setMinimumHeight(40)
        self.add_button.clicked.connect(self.open_add)
        self.add_note = QLabel()
        self.add_note.setObjectName("volunteer_add_note")
        self.add_note.setWordWrap(True)
        self.add_note.setStyleSheet(NOTE_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.add_note, 1)
        return row

    # ---------------------------------------------------------------- rows

    def _rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        return {
            volunteer_id: (
                line.volunteer.name,
                label(line.volunteer.role),
                ", ".join(line.volunteer.skills) or "—",
                on_duty_text(line.shift, now),
                line,  # LINE_ITEM: for the buttons when the volunteer is selected
            )
            for volunteer_id, line in self._volunteers.volunteers_by_id(ids).items()
        }

    def selected(self) -> VolunteerLine | None:
        """The selected volunteer with their running shift, read now."""
        volunteer_id = self.table.selected_id()
        if volunteer_id is None:
            return None
        return self._volunteers.volunteers_by_id([volunteer_id]).get(volunteer_id)

    # ---------------------------------------------------------------- Page

    @Slot()
    def refresh(self) -> None:
        """Read the list off the GUI thread."""
        shown = partial(self._show_read, self._after_read.ask())
        self.runner.read(self.load, shown, key=self, owner=self)

    def load(self) -> VolunteersView:
        return VolunteersView(
            rows=self.model.read(),
            on_duty=len(self._volunteers.on_duty()),
            signed_in=self._volunteers.signed_in(),
        )

    def _show_read(self, read: int, view: VolunteersView) -> None:
        self.show_loaded(view)
        self._after_read.shown(read)

    def show_loaded(self, view: VolunteersView) -> None:
        self.table.show_rows(view.rows)
        if self.table.selected_id() is None and self.model.rowCount():
            self.table.select_row(0)
        self.summary.setText(
            self.tr("In dienst: {on_duty} · vrijwilligers van deze post: {total}").format(
                on_duty=view.on_duty, total=self.model.rowCount()
            )
        )
        current = view.signed_in
        if current is None:
            self.signed_in.setText(self.tr("Niemand ingelogd"))
        else:
            self.signed_in.setText(
                self.tr("Ingelogd: {name} ({role})").format(
                    name=current.name, role=label(current.role)
                )
            )
        if current is not None and current.is_coordinator:
            self.add_note.setText("")
        else:
            self.add_note.setText(
                self.tr("Vrijwilligers toevoegen doet de coördinator van dienst.")
            )
        self._selection_changed(self.table.selected_id())

    def showEvent(self, event: QShowEvent) -> None:
        privacy = PrivacyService(self.services.ctx)  # audit: list viewed (a write: the runner)
        self.runner.run(lambda: privacy.note_view(PersonalList.VOLUNTEERS), parent=self)
        super().showEvent(event)

    def focus_default(self) -> None:
        self.table.setFocus()

    @Slot(object)
    def _selection_changed(self, volunteer_id: str | None) -> None:
        line: VolunteerLine | None = None
        if volunteer_id is not None:
            try:
                item = self.model.values(self.model.row_of(volunteer_id))[LINE_ITEM]
            except ValueError:  # no longer in the list
                item = None
            line = item if isinstance(item, VolunteerLine) else None
        on_duty = line is not None and line.shift is not None
        self.start_button.setEnabled(line is not None and not on_duty)
        self.task.setEnabled(line is not None and not on_duty)
        self.end_button.setEnabled(on_duty)

    # ---------------------------------------------------------------- shifts

    @Slot()
    def start_shift(self) -> None:
        line = self.selected()
        if line is None:
            return
        volunteer_id = line.volunteer.id
        task = self.task.text()
        self.start_button.setEnabled(False)
        self.runner.run(
            lambda: self._volunteers.start_shift(volunteer_id, task),
            self._shift_changed,
            on_user_error=self._refused,
            parent=self,
        )

    def _shift_changed(self, _shift: ShiftSummary) -> None:
        self.task.clear()
        self.refresh()
        self.table.setFocus()

    def _refused(self, error: UserError) -> None:
        self.refresh()
        self.calm_message(error.message)

    @Slot()
    def open_end_shift(self) -> VolunteersEndShiftDialog | None:
        line = self.selected()
        if line is None or line.shift is None:
            return None
        dialog = VolunteersEndShiftDialog(self.app, line.shift, self)
        dialog.saved.connect(self._shift_changed)
        self._open(dialog)
        return dialog

    # ---------------------------------------------------------------- adding

    @Slot()
    def open_add(self) -> VolunteersAddDialog | None:
        """The add dialog, or — for anyone but a coordinator — a calm word why not."""
        try:
            self._volunteers.require_coordinator()
        except UserError as refused:
            self.calm_message(refused.message)
            return None
        dialog = VolunteersAddDialog(self.app, self)
        dialog.saved.connect(self._added)
        self._open(dialog)
        return dialog

    def _added(self, volunteer: VolunteerSummary) -> None:
        self._after_read.then(partial(self.table.select_id, volunteer.id))
        self.refresh()

    def calm_message(self, text: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("volunteers_message")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Vrijwilligers"))
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def _open(self, dialog: SavingDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(self._closed)
        dialog.open()

    @Slot()
    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.table.setFocus()
