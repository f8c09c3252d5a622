"""Meldingen: raise an alarm, follow it, and read it over the radio when nothing else works.

On a post the page lists this post's alarms; while the selected one is not confirmed by the
C-NSP, its compact radio line is shown in very large type (DESIGN §3.4). On the hub the same
page is the alarm inbox of every post, with *Ontvangen*, *Bevestigen…* and *Afsluiten…*.
Red is used for alarms the C-NSP has not confirmed, always with the status in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.vocabulary import AlarmStatus
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AcknowledgeDialog, AlarmFormDialog, AlarmNoteDialog
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import alarm_status_label, label
from noodpost.gui.models.lazy import Column, LazyTableModel, Row, Rows
from noodpost.gui.models.weak_calls import weak_rows
from noodpost.gui.pages.base import Page
from noodpost.services.alarms import OPEN_STATUSES, AlarmInfo, AlarmsService, StatusStep

RADIO_POINT_SIZE = 26
#: (hub) How often the inbox looks again at the time, for alarms that escalate while it waits.
ESCALATION_CHECK_MS = 30_000
RADIO_STYLE = (
    "QFrame#alarm_radio_panel { background: #fdecee; border: 3px solid #b00020; }"
    "QLabel { background: transparent; color: black; }"
)
ALARM_BUTTON_STYLE = (
    "QPushButton { background: #b00020; color: white; font-weight: bold; padding: 10px 24px; }"
    "QPushButton:focus { border: 3px solid black; }"
)


@dataclass(frozen=True)
class AlarmView:
    """One alarm with what the side of the page shows of it, read at one moment."""

    alarm: AlarmInfo
    history: list[StatusStep]
    radio_line: str  # a post's alarm the C-NSP has not confirmed; else ""
    paired: bool  # the post is paired with a C-NSP (else nothing leaves it)


@dataclass(frozen=True)
class AlarmsList:
    """The list, the row to select in it (-1: none) and that alarm; ``keep`` is the alarm
    that was selected when the read began."""

    rows: Rows
    row: int
    selected: AlarmView | None
    keep: str | None


class AlarmsPage(Page):
    """The alarms of this post (or, at the hub, of every post) and what happened to them."""

    watches = frozenset({"alarm", "peer"})  # pairing changes what the radio panel says

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("AlarmsPage", "Meldingen"), parent)
        self.setObjectName("alarms_page")
        self._alarms: AlarmsService = app.services.alarms
        self.is_hub = app.node.is_hub
        self._selected: str | None = None
        self._filling = False  # the list is being shown: its selection reads nothing
        self.form: AlarmFormDialog | None = None
        self.dialog: SavingDialog | None = None

        layout = self.layout_
        layout.addLayout(self._build_top())
        self.radio_panel = self._build_radio_panel()
        layout.addWidget(self.radio_panel)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_table())
        splitter.addWidget(self._build_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([880, 240] if self.is_hub else [860, 260])
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_actions())
        self.escalation_timer = QTimer(self)
        self.escalation_timer.setInterval(ESCALATION_CHECK_MS)
        self.escalation_timer.timeout.connect(self._recheck_escalation)
        if self.is_hub:
            self.escalation_timer.start()

    # ---------------------------------------------------------------- building

    def _build_top(self) -> QHBoxLayout:
        intro = QLabel(
            self.tr(
                "Noodmeldingen van alle posten. Bevestig een melding zodra de meldkamer of "
                "de hulpdienst is ingeschakeld; de post ziet uw bevestiging."
            )
            if self.is_hub
            else self.tr(
                "Noodmeldingen van deze post aan de C-NSP. Een melding blijft rood tot de "
                "C-NSP hem heeft bevestigd."
            )
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Noodmelding maken…"))
        self.new_button.setObjectName("alarm_new")
        self.new_button.setStyleSheet(ALARM_BUTTON_STYLE)
        self.new_button.setMinimumHeight(52)
        self.new_button.clicked.connect(self.open_form)
        if self.is_hub:
            self.new_button.hide()  # a hub has no desk; it receives alarms
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.new_button)
        return top

    def _build_table(self) -> QTableView:
        self.model = LazyTableModel(
            self._columns(),
            self._alarms.alarm_ids,
            weak_rows(self._fetch),
            toned=True,
            runner=self.runner,
        )
        self.table = QTableView()
        self.table.setObjectName("alarm_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        bold = QFont(header.font())
        bold.setBold(True)
        heading = QFontMetrics(bold)
        for number, column in enumerate(self.model.columns):
            if column.width:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                width = max(
                    metrics.horizontalAdvance("0" * column.width),
                    heading.horizontalAdvance(column.title),
                )
                self.table.setColumnWidth(number, width + 24)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        if self.is_hub:  # the hub confirms itself; who did is in the details beside the table
            self.table.setColumnHidden(len(self.model.columns) - 1, True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        return self.table

    def _build_side(self) -> QWidget:
        self.details = QLabel()
        self.details.setObjectName("alarm_details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        history_title = QLabel(self.tr("Verloop"))
        bold = QFont(history_title.font())
        bold.setBold(True)
        history_title.setFont(bold)
        self.history = QListWidget()
        self.history.setObjectName("alarm_history")
        self.history.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.details)
        side_layout.addWidget(history_title)
        side_layout.addWidget(self.history, 1)
        return side

    def _build_actions(self) -> QHBoxLayout:
        self.receive_button = QPushButton(self.tr("Ontvangen"))
        self.receive_button.setObjectName("alarm_receive")
        self.receive_button.clicked.connect(self.mark_received)
        self.acknowledge_button = QPushButton(self.tr("Bevestigen…"))
        self.acknowledge_button.setObjectName("alarm_acknowledge")
        self.acknowledge_button.clicked.connect(self.open_acknowledge)
        self.close_button = QPushButton(self.tr("Afsluiten…"))
        self.close_button.setObjectName("alarm_close")
        self.close_button.clicked.connect(lambda: self.open_note(cancel=False))
        self.cancel_button = QPushButton(self.tr("Intrekken…"))
        self.cancel_button.setObjectName("alarm_cancel")
        self.cancel_button.clicked.connect(lambda: self.open_note(cancel=True))
        actions = QHBoxLayout()
        for button in (
            self.receive_button,
            self.acknowledge_button,
            self.close_button,
            self.cancel_button,
        ):
            button.setMinimumHeight(40)
            if not self.is_hub and button is not self.cancel_button:
                button.hide()  # the C-NSP receives, confirms and closes
            actions.addWidget(button)
        actions.addStretch(1)
        return actions

    def _build_radio_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("alarm_radio_panel")
        panel.setStyleSheet(RADIO_STYLE)
        self.radio_intro = QLabel()
        self.radio_intro.setObjectName("alarm_radio_intro")
        self.radio_intro.setWordWrap(True)
        intro_font = QFont(self.radio_intro.font())
        intro_font.setPointSize(intro_font.pointSize() + 2)
        intro_font.setBold(True)
        self.radio_intro.setFont(intro_font)
        self.radio_line = QLabel()
        self.radio_line.setObjectName("alarm_radio_line")
        self.radio_line.setWordWrap(True)
        self.radio_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line_font = QFont(self.radio_line.font())
        line_font.setPointSize(RADIO_POINT_SIZE)
        line_font.setBold(True)
        self.radio_line.setFont(line_font)
        copy = QPushButton(self.tr("Kopiëren"))
        copy.setObjectName("alarm_radio_copy")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.radio_line.text()))
        row = QHBoxLayout()
        row.addWidget(self.radio_intro, 1)
        row.addWidget(copy)
        layout = QVBoxLayout(panel)
        layout.addLayout(row)
        layout.addWidget(self.radio_line)
        panel.hide()
        return panel

    def _columns(self) -> list[Column]:
        columns = [Column(self.tr("Tijd"), 11)]
        if self.is_hub:
            columns.append(Column(self.tr("Post"), 8))
        # Where comes before the status, with room for an address: at 1280 pixels the last
        # column was cut to "Sp…" (issue 18, item 13). The status takes the rest.
        columns += [
            Column(self.tr("Wie nodig"), 10),
            Column(self.tr("Urgentie"), 8),
            Column(self.tr("Plek"), 18),
            Column(self.tr("Status")),
            Column(self.tr("Bevestigd door"), 13),
        ]
        return columns

    def _fetch(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        rows: dict[str, Row] = {}
        for alarm_id, alarm in self._alarms.alarms_by_id(ids).items():
            values: list[object] = [self._when(alarm.raised_at, now)]
            if self.is_hub:
                values.append(alarm.post_code)
            values += [
                label(alarm.type),
                label(alarm.urgency),
                alarm.location or "",
                self.status_text(alarm),
                alarm.acknowledged_by or "",
                self._tone(alarm),
            ]
            rows[alarm_id] = tuple(values)
        return rows

    # ---------------------------------------------------------------- words

    def status_text(self, alarm: AlarmInfo) -> str:
        text = alarm_status_label(alarm.status)
        if alarm.status_conflict:
            text += self.tr(" (tegenstrijdig)")
        if self.is_escalated(alarm):
            minutes = alarm.waiting_minutes(self.services.ctx.clock.now())
            text = self.tr("ESCALATIE: %n min niet bevestigd", "", minutes) + f" · {text}"
        return text

    def is_escalated(self, alarm: AlarmInfo) -> bool:
        """(hub) Not acknowledged within the minutes set in *Instellingen*."""
        return self.is_hub and alarm.escalated(
            self.services.ctx.clock.now(), self.app.settings.alarm_escalation_minutes
        )

    @staticmethod
    def _tone(alarm: AlarmInfo) -> str | None:
        if not alarm.acknowledged:
            return "alarm"
        if alarm.status == AlarmStatus.ACKNOWLEDGED:
            return "ok"
        return None

    @staticmethod
    def _when(stored: str | None, now: datetime) -> str:
        if not stored:
            return "—"
        return format_clock(parse_iso(stored), now)

    # ---------------------------------------------------------------- page API

    def badge(self) -> str:
        count = self._alarms.unacknowledged_count()
        return str(count) if count else ""

    def focus_default(self) -> None:
        (self.table if self.is_hub else self.new_button).setFocus()

    @Slot()
    def refresh(self) -> None:
        self._reload(prefer_attention=True)

    @Slot()
    def _recheck_escalation(self) -> None:
        """Time passes without events: show alarms that have now waited too long."""
        if self.isVisible():
            self._reload(prefer_attention=False, only_waiting=True)

    def _reload(self, *, prefer_attention: bool, only_waiting: bool = False) -> None:
        """Read the list again (off the GUI thread) and keep the selected alarm; with
        ``prefer_attention``, an alarm that needs attention (at the top) is shown instead of a
        finished one; with ``only_waiting``, only while an alarm is not acknowledged."""
        self.runner.read(
            partial(self._read_list, self._selected, prefer_attention, only_waiting),
            self.show_loaded,
            key=self,
            owner=self,
        )

    def _read_list(
        self, keep: str | None, prefer_attention: bool, only_waiting: bool
    ) -> AlarmsList | None:
        """The list and the alarm to select in it (on the reader thread: no widget)."""
        if only_waiting and not self._alarms.unacknowledged_count():
            return None
        rows = self.model.read()
        ids = rows.ids
        row = ids.index(keep) if keep in ids else -1
        if row < 0 and ids:
            row = 0  # the most urgent alarm that still needs attention
        elif row > 0 and prefer_attention and keep is not None:
            found = self._alarms.alarms_by_id([keep, ids[0]])
            if keep in found and ids[0] in found:
                finished = found[keep].status not in OPEN_STATUSES
                if finished and found[ids[0]].status in OPEN_STATUSES:
                    row = 0  # a new alarm arrived: show it rather than an old one
        selected = self._read_alarm(ids[row]) if row >= 0 else None
        return AlarmsList(rows, row, selected, keep)

    def _read_alarm(self, alarm_id: str) -> AlarmView | None:
        """An alarm with its history and radio line (on the reader thread: no widget)."""
        alarm = self._alarms.alarms_by_id([alarm_id]).get(alarm_id)
        if alarm is None:
            return None
        radio, paired = "", True
        if not self.is_hub and not alarm.acknowledged:
            paired = self.services.sync.list_peers().hub is not None
            radio = self._alarms.radio_line(alarm_id)
        return AlarmView(alarm, self._alarms.history(alarm_id), radio, paired)

    def show_loaded(self, listing: AlarmsList | None) -> None:
        """Show the list :meth:`_read_list` read, with its selected alarm."""
        if listing is None:
            return  # nothing waits: nothing can have escalated
        row, chosen = listing.row, self._selected
        if chosen is not None and chosen != listing.keep and chosen in listing.rows.ids:
            row = listing.rows.ids.index(chosen)  # another alarm was chosen while reading
        self._filling = True
        try:
            self.model.show_rows(listing.rows)
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        finally:
            self._filling = False
        if row == listing.row or chosen is None:
            self._show_alarm(listing.selected)
        else:
            self._read_selected(chosen)

    def select_alarm(self, alarm_id: str) -> None:
        """Show this alarm (after it was raised or changed)."""
        self._selected = alarm_id
        self._reload(prefer_attention=False)

    def selected_alarm(self) -> AlarmInfo | None:
        return self._alarms.alarm(self._selected) if self._selected is not None else None

    @Slot()
    def open_form(self) -> AlarmFormDialog:
        """Open *Noodmelding maken* (the desk's F9 calls this too); returns the open form."""
        if self.form is not None and self.form.isVisible():
            self.form.raise_()
            self.form.activateWindow()
            return self.form
        self.form = AlarmFormDialog(self.app, self)
        self.form.saved.connect(self._alarm_saved)
        self.form.open()
        return self.form

    @Slot()
    def open_acknowledge(self) -> AcknowledgeDialog | None:
        alarm = self.selected_alarm()
        if alarm is None:
            return None
        dialog = AcknowledgeDialog(self.app, alarm, self)
        self._open_dialog(dialog)
        return dialog

    def open_note(self, *, cancel: bool) -> AlarmNoteDialog | None:
        alarm = self.selected_alarm()
        if alarm is None:
            return None
        dialog = AlarmNoteDialog(self.app, alarm, cancel=cancel, parent=self)
        self._open_dialog(dialog)
        return dialog

    @Slot()
    def mark_received(self) -> None:
        alarm = self.selected_alarm()
        if alarm is None:
            return
        alarms, alarm_id = self._alarms, alarm.id
        self.runner.run(lambda: alarms.mark_received(alarm_id), self._alarm_saved, parent=self)

    # ---------------------------------------------------------------- internals

    def _open_dialog(self, dialog: SavingDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._alarm_saved)
        dialog.open()

    def _alarm_saved(self, alarm: AlarmInfo) -> None:
        self.select_alarm(alarm.id)

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._filling:
            return
        self._read_selected(self.model.id_at(current.row()))

    def _read_selected(self, alarm_id: str) -> None:
        """Show this alarm beside the list, read off the GUI thread."""
        self._selected = alarm_id
        self.runner.read(
            partial(self._read_alarm, alarm_id), self._show_alarm, key=(self, "alarm"), owner=self
        )

    def _show_alarm(self, view: AlarmView | None) -> None:
        self._selected = view.alarm.id if view is not None else None
        self._show_details(view)
        self._show_radio(view)
        self._enable_actions(view.alarm if view is not None else None)

    def _show_details(self, view: AlarmView | None) -> None:
        self.history.clear()
        if view is None:
            self.details.setText(
                self.tr("Nog geen noodmeldingen.")
                if self.is_hub
                else self.tr(
                    "Nog geen noodmeldingen. Gebruik ‘Noodmelding maken…’ als er hulp nodig is."
                )
            )
            return
        alarm = view.alarm
        now = self.services.ctx.clock.now()
        if not alarm.persons:
            persons = self.tr("aantal personen onbekend")
        elif alarm.persons == 1:
            persons = self.tr("1 persoon")
        else:
            persons = self.tr("{n} personen").format(n=alarm.persons)
        lines = [
            f"<b>{_html(label(alarm.type).capitalize())} · {_html(label(alarm.urgency))}</b>"
            f" · {_html(persons)}",
            self.tr("Post: {post}").format(post=_html(alarm.post_code)),
            self.tr("Plek: {place}").format(place=_html(alarm.location or "—")),
        ]
        if alarm.description:
            lines.append(self.tr("Omschrijving: {text}").format(text=_html(alarm.description)))
        lines.append(
            self.tr("Status: <b>{status}</b>").format(status=_html(self.status_text(alarm)))
        )
        if alarm.acknowledged_by:
            lines.append(
                self.tr("Bevestigd door {name} om {time}").format(
                    name=_html(alarm.acknowledged_by), time=self._when(alarm.acknowledged_at, now)
                )
            )
        if alarm.status_note:
            lines.append(self.tr("Notitie: {note}").format(note=_html(alarm.status_note)))
        self.details.setText("<br>".join(lines))
        for step in view.history:
            text = f"{self._when(step.at, now)}  {alarm_status_label(step.status)}"
            if step.author_name:
                text += f" · {step.author_name}"
            if step.note:
                text += f" — {step.note}"
            self.history.addItem(text)

    def _show_radio(self, view: AlarmView | None) -> None:
        if self.is_hub or view is None or view.alarm.acknowledged:
            self.radio_panel.hide()
            return
        if not view.paired:  # nothing leaves an unpaired post
            self.radio_intro.setText(
                self.tr(
                    "NIET VERSTUURD: deze post is nog niet gekoppeld aan een C-NSP, dus deze "
                    "melding kan de post niet verlaten. Koppel de post zodra het kan op het "
                    "scherm Synchronisatie (‘Koppelbestand inlezen…’). Lees dit nu voor over de "
                    "radio aan de C-NSP:"
                )
            )
        else:
            self.radio_intro.setText(
                self.tr(
                    "NOG NIET BEVESTIGD door de C-NSP. Geen verbinding? Lees dit voor over de "
                    "radio:"
                )
            )
        self.radio_line.setText(view.radio_line)
        self.radio_panel.show()

    def _enable_actions(self, alarm: AlarmInfo | None) -> None:
        status = alarm.status if alarm is not None else None

        transitions = self._alarms.transitions

        def can(target: AlarmStatus) -> bool:
            return status is not None and transitions.can_change(status, target.value)

        self.receive_button.setEnabled(can(AlarmStatus.RECEIVED))
        self.acknowledge_button.setEnabled(can(AlarmStatus.ACKNOWLEDGED))
        self.close_button.setEnabled(can(AlarmStatus.CLOSED))
        self.cancel_button.setEnabled(can(AlarmStatus.CANCELLED))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
