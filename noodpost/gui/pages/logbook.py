"""Logboek: everything the post did, in order, and a line to write what happened.

Lines volunteers type are *handmatig*; alarms, deliveries and shifts appear by themselves
(*automatisch*), derived by the logbook service from what the post recorded anyway. The list
reads oldest to newest, like a paper logbook, and opens at the newest line, right above the
entry line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.errors import show_user_error
from noodpost.gui.models.lazy import BLOCK, Column, LazyTableModel, Row, Rows
from noodpost.gui.pages.after_read import AfterRead
from noodpost.gui.pages.base import Page
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.logbook import MAX_TEXT, LogbookLine, LogbookService


def kind_text(line: LogbookLine) -> str:
    return (
        QCoreApplication.translate("LogbookPage", "automatisch")
        if line.automatic
        else QCoreApplication.translate("LogbookPage", "handmatig")
    )


def when_text(stored: str, now: datetime) -> str:
    return format_clock(parse_iso(stored), now) if stored else "?"


class LogbookPage(Page):
    """*Logboek*: the chronological list, a filter for typed lines, and the entry line."""

    watches = frozenset({"log_entry", "stock_movement", "alarm", "shift", "volunteer"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("LogbookPage", "Logboek"), parent)
        self.setObjectName("logbook_page")
        self._logbook: LogbookService = app.services.logbook
        self._manual_only = False  # as the box was ticked when the list was last asked for
        self._after_read = AfterRead()

        self.manual_only = QCheckBox(self.tr("Alleen &handmatig geschreven regels"))
        self.manual_only.setObjectName("logbook_manual_only")
        self.manual_only.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("logbook_summary")
        top = QHBoxLayout()
        top.addWidget(self.manual_only)
        top.addStretch(1)
        top.addWidget(self.summary)

        self.model = LazyTableModel(
            [
                Column(self.tr("Tijd"), 11),
                Column(self.tr("Wat")),
                Column(self.tr("Door"), 18),
                Column(self.tr("Soort"), 12),
            ],
            lambda: self._logbook.line_keys(manual_only=self._manual_only),
            self._rows,
            runner=app.runner,
        )
        self.table = LazyTableView(self.model, "logbook_table")
        self.table.horizontalHeader().setStretchLastSection(False)

        self.entry = QLineEdit()
        self.entry.setObjectName("logbook_entry")
        self.entry.setMaxLength(MAX_TEXT)
        self.entry.setPlaceholderText(self.tr("Wat is er gebeurd? Typ het hier en druk op Enter."))
        self.entry.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.add_button.setObjectName("logbook_add")
        self.add_button.setMinimumHeight(40)
        self.add_button.clicked.connect(self.add)
        entry_label = QLabel(self.tr("&Nieuwe regel:"))
        entry_label.setBuddy(self.entry)
        entry_row = QHBoxLayout()
        entry_row.addWidget(entry_label)
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(self.add_button)

        layout = self.layout_
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry_row)
        self.setTabOrder(self.entry, self.add_button)
        self.setTabOrder(self.add_button, self.manual_only)
        self.setTabOrder(self.manual_only, self.table)

    # ---------------------------------------------------------------- rows

    def _rows(self, keys: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        return {
            key: (
                when_text(line.at, now),
                " ".join(line.text.split()),
                line.author or "—",
                kind_text(line),
            )
            for key, line in self._logbook.lines_by_key(keys).items()
        }

    def row_texts(self) -> list[tuple[str, ...]]:
        """What the list shows, row by row (for tests and a quick look)."""
        return [
            tuple(str(v) for v in self.model.values(row)) for row in range(self.model.rowCount())
        ]

    # ---------------------------------------------------------------- Page

    @Slot()
    def refresh(self) -> None:
        """Read the lines off the GUI thread (only typed ones when the box is ticked now)."""
        self._manual_only = self.manual_only.isChecked()
        read = partial(self.load, self._manual_only)
        shown = partial(self._show_read, self._after_read.ask())
        self.runner.read(read, shown, key=self, owner=self)

    def load(self, manual_only: bool = False) -> Rows:
        """The keys of the lines, oldest first, and the first block of them."""
        keys = list(self._logbook.line_keys(manual_only=manual_only))
        return Rows(keys, self._rows(keys[:BLOCK]))

    def show_loaded(self, rows: Rows) -> None:
        self.table.show_rows(rows)
        count = self.model.rowCount()
        self.summary.setText(self.tr("Regels: {count}").format(count=count))
        self.table.scrollToBottom()

    def _show_read(self, read: int, rows: Rows) -> None:
        self.show_loaded(rows)
        self._after_read.shown(read)

    def focus_default(self) -> None:
        self.entry.setFocus()

    # ---------------------------------------------------------------- writing

    @Slot()
    def add(self) -> None:
        text = self.entry.text()
        self.entry.setEnabled(False)
        self.add_button.setEnabled(False)
        self.runner.run(
            lambda: self._logbook.add(text),
            self._added,
            on_user_error=self._refused,
            parent=self,
        )

    def _added(self, line: LogbookLine) -> None:
        self._ready()
        self.entry.clear()
        self._after_read.then(partial(self._select, line.key))
        self.refresh()

    def _select(self, key: str) -> None:
        """The line just written, selected in the list read after it."""
        if not self.table.select_id(key):
            self.table.scrollToBottom()

    def _refused(self, error: UserError) -> None:
        self._ready()  # what was typed stays in the field
        show_user_error(self, error)

    def _ready(self) -> None:
        self.entry.setEnabled(True)
        self.add_button.setEnabled(True)
        self.entry.setFocus()
