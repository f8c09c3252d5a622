"""Opladen: the charging station — new tickets, devices charging now, today's returned ones.

A resident comes back with the paper slip: type its number and press Enter, and the ticket
is selected with *Teruggegeven* ready for a second Enter. Cancelling a ticket (made by
mistake) asks first, because it cannot be undone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont, QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.charging_ticket import NewTicketDialog
from noodpost.gui.errors import show_user_error
from noodpost.gui.labels import label
from noodpost.gui.models.lazy import Column, Index, LazyTableModel, Row, Rows
from noodpost.gui.pages.after_read import AfterRead
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.presence import (
    OK_STYLE,
    WARNING_STYLE,
    card_text,
    clock_text,
    section_heading,
)
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.charging import Ticket


class TicketModel(LazyTableModel):
    """Tickets by id; the number (first column) is shown large and bold, as on the slip."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.number_font = QFont()
        self.number_font.setPointSize(max(16, self.number_font.pointSize() + 6))
        self.number_font.setBold(True)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.column() == 0:
            return self.number_font
        return super().data(index, role)


@dataclass(frozen=True)
class ChargingView:
    """Both lists at one moment: the devices charging now and today's returned ones."""

    open: Rows
    returned: Rows


class ChargingPage(Page):
    """*Opladen*: make a ticket, find it by number, hand the device back or cancel."""

    watches = frozenset({"charging_ticket", "household"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("ChargingPage", "Opladen"), parent)
        self.setObjectName("charging_page")
        self._charging = app.services.charging
        self.dialog: NewTicketDialog | None = None
        self.cancel_box: QMessageBox | None = None
        self._after_read = AfterRead()
        top = self._build_top()
        self.message = QLabel()
        self.message.setObjectName("charging_message")
        self.message.setWordWrap(True)
        self.message.hide()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_open())
        splitter.addWidget(self._build_returned())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = self.layout_
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.new_button, self.number)
        self.setTabOrder(self.number, self.find_button)
        self.setTabOrder(self.find_button, self.open_table)
        self.setTabOrder(self.open_table, self.return_button)
        self.setTabOrder(self.return_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.returned_table)
        self._selection_changed(None)

    def _build_top(self) -> QHBoxLayout:
        """*Nieuwe oplaadbon* and the number field for a slip that comes back."""
        self.new_button = QPushButton(self.tr("&Nieuwe oplaadbon… (Ctrl+N)"))
        self.new_button.setObjectName("ticket_new")
        self.new_button.setMinimumHeight(int(self.fontMetrics().height() * 2.2))
        self.new_button.clicked.connect(self.new_ticket)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_ticket)
        self.number = QLineEdit()
        self.number.setObjectName("ticket_number")
        self.number.setValidator(QIntValidator(1, 999_999, self.number))
        self.number.setMaximumWidth(self.fontMetrics().averageCharWidth() * 12)
        self.number.setPlaceholderText(self.tr("nummer"))
        self.number.returnPressed.connect(self.find_number)
        number_label = QLabel(self.tr("Bon terug? &Bonnummer:"))
        number_label.setBuddy(self.number)
        self.find_button = QPushButton(self.tr("Zoeken"))
        self.find_button.setObjectName("ticket_find")
        self.find_button.clicked.connect(self.find_number)
        for button in (self.new_button, self.find_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(number_label)
        top.addWidget(self.number)
        top.addWidget(self.find_button)
        return top

    def _build_open(self) -> QWidget:
        """The devices charging now, with *Teruggegeven* and *Bon annuleren*."""
        self.open_model = TicketModel(
            [
                Column(self.tr("Bon"), 6, align_right=True),
                Column(self.tr("Apparaat")),
                Column(self.tr("Huishouden"), 13),
                Column(self.tr("Sinds"), 12),
            ],
            self._charging.open_ticket_ids,
            self._fetch_open,
            runner=self.runner,
        )
        self.open_table = LazyTableView(self.open_model, "open_tickets_table")
        self.open_table.verticalHeader().setDefaultSectionSize(
            int(self.fontMetrics().height() * 2.6)
        )
        self.open_table.current_changed.connect(self._selection_changed)
        self.open_count = section_heading("open_count")
        self.return_button = QPushButton(self.tr("&Teruggegeven (Enter)"))
        self.return_button.setObjectName("ticket_return")
        self.return_button.setMinimumHeight(int(self.fontMetrics().height() * 2.2))
        self.return_button.clicked.connect(self.return_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.open_table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.return_selected)
        self.cancel_button = QPushButton(self.tr("Bon &annuleren…"))
        self.cancel_button.setObjectName("ticket_cancel")
        self.cancel_button.clicked.connect(self.cancel_selected)
        for button in (self.return_button, self.cancel_button):
            button.setAutoDefault(True)
        actions = QHBoxLayout()
        actions.addWidget(self.return_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        open_box = QWidget()
        open_layout = QVBoxLayout(open_box)
        open_layout.setContentsMargins(0, 0, 0, 0)
        open_layout.addWidget(self.open_count)
        open_layout.addWidget(self.open_table, 1)
        open_layout.addLayout(actions)
        return open_box

    def _build_returned(self) -> QWidget:
        """Today's returned tickets, latest first."""
        self.returned_model = TicketModel(
            [
                Column(self.tr("Bon"), 6, align_right=True),
                Column(self.tr("Apparaat")),
                Column(self.tr("Huishouden"), 13),
                Column(self.tr("Teruggegeven"), 13),
            ],
            self._charging.returned_today_ids,
            self._fetch_returned,
            runner=self.runner,
        )
        self.returned_table = LazyTableView(self.returned_model, "returned_table")
        self.returned_count = section_heading("returned_count")
        returned_box = QWidget()
        returned_layout = QVBoxLayout(returned_box)
        returned_layout.setContentsMargins(0, 0, 0, 0)
        returned_layout.addWidget(self.returned_count)
        returned_layout.addWidget(self.returned_table, 1)
        return returned_box

    # ---------------------------------------------------------------- Page

    @Slot()
    def refresh(self) -> None:
        """Read both lists off the GUI thread."""
        shown = partial(self._show_read, self._after_read.ask())
        self.runner.read(self.load, shown, key=self, owner=self)

    def load(self) -> ChargingView:
        return ChargingView(open=self.open_model.read(), returned=self.returned_model.read())

    def show_loaded(self, view: ChargingView) -> None:
        self.open_table.show_rows(view.open)
        self.returned_table.show_rows(view.returned)
        self.open_count.setText(
            self.tr("Aan het opladen: %1").replace("%1", str(self.open_model.rowCount()))
        )
        self.returned_count.setText(
            self.tr("Vandaag teruggegeven: %1").replace("%1", str(self.returned_model.rowCount()))
        )
        self._selection_changed(self.open_table.selected_id())

    def _show_read(self, read: int, view: ChargingView) -> None:
        self.show_loaded(view)
        self._after_read.shown(read)

    def badge(self) -> str:
        charging = len(self._charging.open_ticket_ids())
        return str(charging) if charging else ""

    def focus_default(self) -> None:
        self.number.setFocus()

    # ---------------------------------------------------------------- the lists

    def _fetch_open(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        return {
            ticket_id: (
                row.ticket.number,
                row.ticket.device,
                card_text(row.card_code),
                clock_text(row.ticket.checked_in_at, now),
            )
            for ticket_id, row in self._charging.ticket_rows(ids).items()
        }

    def _fetch_returned(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        return {
            ticket_id: (
                row.ticket.number,
                row.ticket.device,
                card_text(row.card_code),
                clock_text(row.ticket.returned_at, now),
            )
            for ticket_id, row in self._charging.ticket_rows(ids).items()
        }

    def open_texts(self, row: int) -> list[str]:
        """What the list of devices charging shows in one row, column by column."""
        return [str(self.open_model.data(self.open_model.index(row, c))) for c in range(4)]

    def returned_texts(self, row: int) -> list[str]:
        model = self.returned_model
        return [str(model.data(model.index(row, c))) for c in range(4)]

    @Slot(object)
    def _selection_changed(self, ticket_id: object) -> None:
        chosen = ticket_id is not None
        self.return_button.setEnabled(chosen)
        self.cancel_button.setEnabled(chosen)

    # ---------------------------------------------------------------- actions

    @Slot()
    def new_ticket(self) -> None:
        dialog = NewTicketDialog(self.app, self)
        self.dialog = dialog
        dialog.saved.connect(self._made)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _made(self, ticket: Ticket) -> None:
        self._after_read.then(partial(self.open_table.select_id, ticket.id))
        self.refresh()
        self._say(
            self.tr("✔ Bon %1 gemaakt voor: %2. Schrijf %1 op de bon en geef die mee.")
            .replace("%1", str(ticket.number))
            .replace("%2", ticket.device),
            OK_STYLE,
        )

    @Slot()
    def find_number(self) -> None:
        """Select the ticket with the typed number; Enter then hands the device back."""
        text = self.number.text().strip()
        if not text:
            return
        self.runner.read(
            partial(self._charging.by_number, int(text)),
            self._found,
            key=(self, "number"),
            on_user_error=self._number_unknown,
            owner=self,
        )

    def _number_unknown(self, error: UserError) -> None:
        self._say(self.tr("Let op: %1").replace("%1", error.message), WARNING_STYLE)

    def _found(self, ticket: Ticket) -> None:
        """The ticket with the typed number: selected when it is charging, else why not."""
        if ticket.is_open and self.open_table.select_id(ticket.id):
            self._say(
                self.tr("Bon %1: %2. Druk op Enter om het terug te geven.")
                .replace("%1", str(ticket.number))
                .replace("%2", ticket.device),
                OK_STYLE,
            )
            self.number.clear()
            self.return_button.setFocus()
            return
        status = label(ticket.status)
        self._say(
            self.tr("Let op: bon %1 (%2) is %3, niet meer aan het opladen.")
            .replace("%1", str(ticket.number))
            .replace("%2", ticket.device)
            .replace("%3", status),
            WARNING_STYLE,
        )

    @Slot()
    def return_selected(self) -> None:
        ticket_id = self.open_table.selected_id()
        if ticket_id is None:
            return
        charging = self._charging
        self._selection_changed(None)
        self.runner.run(
            lambda: charging.return_device(ticket_id),
            self._returned,
            on_user_error=self._refused,
            parent=self,
        )

    def _returned(self, ticket: Ticket) -> None:
        self.refresh()
        self._say(
            self.tr("✔ Bon %1 teruggegeven: %2.")
            .replace("%1", str(ticket.number))
            .replace("%2", ticket.device),
            OK_STYLE,
        )
        self.number.setFocus()

    @Slot()
    def cancel_selected(self) -> None:
        """Ask first; cancelling says the device was never left here."""
        ticket_id = self.open_table.selected_id()
        if ticket_id is None:
            return
        number, device = self.open_model.values(self.open_table.selected_row())[:2]
        box = QMessageBox(self)
        box.setObjectName("ticket_cancel_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Oplaadbon annuleren"))
        box.setText(
            self.tr("Bon %1 (%2) annuleren?").replace("%1", str(number)).replace("%2", str(device))
        )
        box.setInformativeText(
            self.tr(
                "Doe dit alleen als de bon per vergissing is gemaakt en het apparaat hier "
                "niet ligt."
            )
        )
        confirm = box.addButton(self.tr("Bon annuleren"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("ticket_cancel_confirm")
        keep = box.addButton(self.tr("Niet annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        charging = self._charging

        def answered(button: object) -> None:
            if button is confirm:
                self.runner.run(
                    lambda: charging.cancel(ticket_id),
                    self._cancelled,
                    on_user_error=self._refused,
                    parent=self,
                )

        box.buttonClicked.connect(answered)
        box.finished.connect(box.deleteLater)
        self.cancel_box = box
        box.open()

    def _cancelled(self, ticket: Ticket) -> None:
        self.refresh()
        self._say(self.tr("✔ Bon %1 geannuleerd.").replace("%1", str(ticket.number)), OK_STYLE)

    def _refused(self, error: UserError) -> None:
        show_user_error(self, error)
        self.refresh()

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()
