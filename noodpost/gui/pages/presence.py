"""Aanwezig: who is in, how full the post is, check out, and whom nobody has seen for a while.

Checking in happens at the desk (a scan); this page is the coordinator's view of the room:
the capacity gauge, the list of present households (Enter or Del checks the selected one
out), and below it the households with a health flag that are not here and have not been
seen for some hours — the people to check on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from noodpost.core import cards
from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.errors import UserError
from noodpost.core.presence import capacity_warning
from noodpost.gui.context import AppContext
from noodpost.gui.errors import show_user_error
from noodpost.gui.labels import label
from noodpost.gui.models.lazy import BLOCK, Column, LazyTableModel, Row, Rows
from noodpost.gui.pages.base import Page
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.privacy import PersonalList, PrivacyService
from noodpost.services.visits import CheckedOut, UnseenHousehold

#: Hours without a visit after which a flagged household is listed (the coordinator may change it).
DEFAULT_UNSEEN_HOURS = 4

OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 6px; border: 1px solid #198754;"
WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #cc9a06;"
GAUGE_STYLE = (
    "QProgressBar {{ border: 1px solid #555; border-radius: 4px; background: #f2f2f2; "
    "color: black; font-weight: bold; }} QProgressBar::chunk {{ background: {chunk}; }}"
)
GAUGE_NORMAL = "#9ec5fe"
GAUGE_FULL = "#ffbf00"


@dataclass(frozen=True)
class PresenceView:
    """The page at one moment: who is present, the room's fill, and the unseen flagged ones."""

    present: Rows
    count: int
    capacity: int | None
    unseen: list[UnseenHousehold]
    unseen_rows: Rows


def section_heading(name: str, text: str = "") -> QLabel:
    """A bold heading above a list, a little larger than the page text."""
    heading = QLabel(text)
    heading.setObjectName(name)
    font = QFont(heading.font())
    font.setPointSize(font.pointSize() + 2)
    font.setBold(True)
    heading.setFont(font)
    return heading


def card_text(code: str | None) -> str:
    return cards.pretty(code) if code else "—"


def flags_text(flags: Sequence[str]) -> str:
    return ", ".join(label(f) for f in flags)


def clock_text(stored: str | None, now: datetime) -> str:
    return format_clock(parse_iso(stored), now) if stored else "?"


class PresencePage(Page):
    """*Aanwezig*: the capacity gauge, the present households, and the unseen flagged ones."""

    watches = frozenset({"visit", "household", "post"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("PresencePage", "Aanwezig"), parent)
        self.setObjectName("presence_page")
        self._visits = app.services.visits
        self._unseen: dict[str, UnseenHousehold] = {}
        self._build_gauge()
        present_box = self._build_present()
        self.unseen_box = self._build_unseen()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(present_box)
        splitter.addWidget(self.unseen_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = self.layout_
        layout.addWidget(self.gauge)
        layout.addWidget(self.capacity_note)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.present_table, self.check_out_button)
        self.setTabOrder(self.check_out_button, self.unseen_hours)
        self.setTabOrder(self.unseen_hours, self.unseen_table)
        self._selection_changed(None)

    def _build_gauge(self) -> None:
        self.gauge = QProgressBar()
        self.gauge.setObjectName("capacity_gauge")
        self.gauge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.gauge.setMinimumHeight(int(self.fontMetrics().height() * 2.4))
        gauge_font = QFont(self.gauge.font())
        gauge_font.setPointSize(max(16, gauge_font.pointSize() + 4))
        gauge_font.setBold(True)
        self.gauge.setFont(gauge_font)
        self.capacity_note = QLabel()
        self.capacity_note.setObjectName("capacity_note")
        self.capacity_note.setWordWrap(True)
        self.capacity_note.setStyleSheet(WARNING_STYLE)
        self.capacity_note.hide()

        self.message = QLabel()
        self.message.setObjectName("presence_message")
        self.message.setWordWrap(True)
        self.message.hide()

    def _build_present(self) -> QWidget:
        """The list of who is present, with the check-out button."""
        self.present_model = LazyTableModel(
            [
                Column(self.tr("Kaart"), 12),
                Column(self.tr("Personen"), 9, align_right=True),
                Column(self.tr("Sinds"), 14),
                Column(self.tr("Kenmerken")),
            ],
            self._visits.present_ids,
            self._present_rows,
            runner=self.runner,
        )
        self.present_table = LazyTableView(self.present_model, "present_table")
        self.present_table.current_changed.connect(self._selection_changed)
        self.present_summary = section_heading("present_summary")
        self.check_out_button = QPushButton(self.tr("Afmelden (Enter / Del)"))
        self.check_out_button.setObjectName("check_out_button")
        self.check_out_button.setAutoDefault(True)  # Enter on the focused button presses it
        self.check_out_button.clicked.connect(self.check_out_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete):
            shortcut = QShortcut(QKeySequence(key), self.present_table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.check_out_selected)
        hint = QLabel(self.tr("Aanmelden gaat aan de balie: scan daar de kaart."))
        hint.setObjectName("present_hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_out_button)
        buttons.addWidget(hint, 1)
        present_box = QWidget()
        present_layout = QVBoxLayout(present_box)
        present_layout.setContentsMargins(0, 0, 0, 0)
        present_layout.addWidget(self.present_summary)
        present_layout.addWidget(self.present_table, 1)
        present_layout.addLayout(buttons)
        return present_box

    def _build_unseen(self) -> QWidget:
        """*Niet meer gezien*: flagged households that are away, with the hours to look back."""
        self.unseen_hours = QSpinBox()
        self.unseen_hours.setObjectName("unseen_hours")
        self.unseen_hours.setRange(0, 168)
        self.unseen_hours.setValue(DEFAULT_UNSEEN_HOURS)
        self.unseen_hours.setSuffix(self.tr(" uur"))
        self.unseen_hours.setAccelerated(True)
        self.unseen_hours.valueChanged.connect(self.refresh)
        self.unseen_model = LazyTableModel(
            [
                Column(self.tr("Kaart"), 12),
                Column(self.tr("Personen"), 9, align_right=True),
                Column(self.tr("Laatst gezien"), 32),
                Column(self.tr("Kenmerken")),
            ],
            lambda: list(self._unseen),
            self._unseen_rows,
            runner=self.runner,
        )
        self.unseen_table = LazyTableView(self.unseen_model, "unseen_table")
        self.unseen_summary = QLabel()
        self.unseen_summary.setObjectName("unseen_summary")
        self.unseen_summary.setWordWrap(True)
        hours_label = QLabel(
            self.tr(
                "Huishoudens met een gezondheidskenmerk, niet aanwezig, niet gezien in de laatste"
            )
        )
        hours_label.setBuddy(self.unseen_hours)
        hours_row = QHBoxLayout()
        hours_row.addWidget(hours_label)
        hours_row.addWidget(self.unseen_hours)
        hours_row.addStretch(1)
        box = QWidget()
        box.setObjectName("unseen_box")
        unseen_layout = QVBoxLayout(box)
        unseen_layout.setContentsMargins(0, 8, 0, 0)
        unseen_layout.addWidget(section_heading("unseen_heading", self.tr("Niet meer gezien")))
        unseen_layout.addLayout(hours_row)
        unseen_layout.addWidget(self.unseen_summary)
        unseen_layout.addWidget(self.unseen_table, 1)
        return box

    # ---------------------------------------------------------------- Page

    @Slot()
    def refresh(self) -> None:
        """Read the lists off the GUI thread, for the hours typed now."""
        hours = self.unseen_hours.value()
        self.runner.read(partial(self.load, hours), self.show_loaded, key=self, owner=self)

    def load(self, hours: int = DEFAULT_UNSEEN_HOURS) -> PresenceView:
        """Who is present, the occupancy and the flagged households not seen for ``hours``."""
        present, capacity = self._visits.occupancy()
        unseen = self._visits.not_seen_since(hours)
        by_id = {u.household_id: u for u in unseen}
        ids = list(by_id)
        return PresenceView(
            present=self.present_model.read(),
            count=present,
            capacity=capacity,
            unseen=unseen,
            unseen_rows=Rows(ids, self._unseen_lines(by_id, ids[:BLOCK])),
        )

    def show_loaded(self, view: PresenceView) -> None:
        self.present_table.show_rows(view.present)  # with the focus: the first row, for Del
        self._show_occupancy(view.count, view.capacity)
        self._unseen = {u.household_id: u for u in view.unseen}
        self.unseen_table.show_rows(view.unseen_rows)
        self._show_unseen_summary()

    def badge(self) -> str:
        present, _capacity = self._visits.occupancy()
        return str(present) if present else ""

    def showEvent(self, event: QShowEvent) -> None:
        privacy = PrivacyService(self.services.ctx)  # audit: list viewed (a write: the runner)
        self.runner.run(lambda: privacy.note_view(PersonalList.PRESENCE), parent=self)
        super().showEvent(event)

    def focus_default(self) -> None:
        self.present_table.setFocus()
        if self.present_table.selected_id() is None and self.present_model.rowCount():
            self.present_table.select_row(0)

    # ---------------------------------------------------------------- what a person sees

    def gauge_text(self) -> str:
        return self.gauge.format()

    def _show_occupancy(self, present: int, capacity: int | None) -> None:
        full = capacity is not None and present >= capacity
        if capacity is None:
            self.gauge.setRange(0, 1)
            self.gauge.setValue(0)
            text = self.tr("%1 aanwezig · geen capaciteit ingesteld").replace("%1", str(present))
        else:
            self.gauge.setRange(0, max(capacity, 1))
            self.gauge.setValue(min(present, capacity))
            text = (
                self.tr("%1 / %2 aanwezig").replace("%1", str(present)).replace("%2", str(capacity))
            )
            if full:
                text = self.tr("Vol · %1").replace("%1", text)
        self.gauge.setFormat(text)
        self.gauge.setStyleSheet(GAUGE_STYLE.format(chunk=GAUGE_FULL if full else GAUGE_NORMAL))
        warning = capacity_warning(present, capacity)
        self.capacity_note.setText(
            self.tr("%1. Er mogen wel mensen binnen blijven; overleg met de coördinator.").replace(
                "%1", warning
            )
            if warning
            else ""
        )
        self.capacity_note.setVisible(warning is not None)
        households = self.present_model.rowCount()
        self.present_summary.setText(
            self.tr("Huishoudens aanwezig: %1").replace("%1", str(households))
            if households
            else self.tr("Er is nu niemand aangemeld als aanwezig.")
        )

    def _present_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        return {
            visit_id: (
                card_text(row.card_code),
                row.persons,
                clock_text(row.checked_in_at, now),
                flags_text(row.flags),
            )
            for visit_id, row in self._visits.present_rows(ids).items()
        }

    def _unseen_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        return self._unseen_lines(self._unseen, ids)

    def _unseen_lines(
        self, unseen: Mapping[str, UnseenHousehold], ids: Sequence[str]
    ) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        return {
            i: (
                card_text(u.card_code),
                u.size,
                self._last_seen_text(u.last_seen, now),
                flags_text(u.flags),
            )
            for i in ids
            if (u := unseen.get(i)) is not None
        }

    def _last_seen_text(self, stored: str | None, now: datetime) -> str:
        if stored is None:
            return self.tr("nog nooit geweest")
        moment = parse_iso(stored)
        minutes = int((now - moment).total_seconds() // 60)
        if minutes < 60:
            ago = self.tr("minder dan een uur geleden")
        elif minutes < 48 * 60:
            ago = self.tr("%n uur geleden", "", minutes // 60)
        else:
            ago = self.tr("%n dagen geleden", "", minutes // (24 * 60))
        return f"{format_clock(moment, now)} ({ago})"

    def _show_unseen_summary(self) -> None:
        count = self.unseen_model.rowCount()
        hours = self.unseen_hours.value()
        if count:
            self.unseen_summary.setText(
                self.tr(
                    "Let op: niet gezien (%1). Ga na of het goed gaat met de huishoudens hieronder."
                ).replace("%1", str(count))
            )
            self.unseen_summary.setStyleSheet(WARNING_STYLE)
        else:
            self.unseen_summary.setText(
                self.tr(
                    "Iedereen met een kenmerk is aanwezig of in de laatste %n uur gezien.",
                    "",
                    hours,
                )
                if hours
                else self.tr("Iedereen met een kenmerk is aanwezig.")
            )
            self.unseen_summary.setStyleSheet("")

    # ---------------------------------------------------------------- checking out

    @Slot(object)
    def _selection_changed(self, visit_id: object) -> None:
        self.check_out_button.setEnabled(visit_id is not None)

    @Slot()
    def check_out_selected(self) -> None:
        """Check out the household of the selected row (Enter / Del)."""
        visit_id = self.present_table.selected_id()
        if visit_id is None:
            return
        self.check_out_button.setEnabled(False)
        visits = self._visits

        def check_out() -> tuple[CheckedOut, str]:
            result = visits.check_out(visit_id=visit_id)
            row = visits.present_rows([result.visit.id]).get(result.visit.id)
            return result, card_text(row.card_code if row else None)

        self.runner.run(
            check_out,
            self._checked_out,
            on_user_error=self._refused,
            parent=self,
        )

    def _checked_out(self, done: tuple[CheckedOut, str]) -> None:
        result, card = done
        self.refresh()
        self._say(
            self.tr("✔ Afgemeld: kaart %1 (%2 pers.).")
            .replace("%1", card)
            .replace("%2", str(result.visit.persons))
        )
        self.present_table.setFocus()

    def _refused(self, error: UserError) -> None:
        show_user_error(self, error)
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(OK_STYLE)
        self.message.show()
