"""Uitgifte & voorraad: the stock of every item against its minimum, and each item's ledger.

Hand-outs happen at the desk (any item, any amount: Shift+F2 there); this page is where the
opening stock of a new post is booked (every item in one form), deliveries are booked and stock
is corrected after a count. The stock list says in words whether an item is fine, under its
minimum (amber) or negative (red: more went out than came in — count and correct). Selecting
an item shows its ledger underneath, newest first, with the stock after every line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from noodpost.core import cards
from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.generator_form import GeneratorDialog
from noodpost.gui.dialogs.opening_stock import OpeningStockDialog
from noodpost.gui.dialogs.supplies_forms import SuppliesCorrectionDialog, SuppliesDeliveryDialog
from noodpost.gui.models.lazy import BLOCK, Column, LazyTableModel, Row, Rows
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.kept import kept_id
from noodpost.gui.units import quantity_text
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.supplies import (
    LedgerKind,
    LedgerRow,
    Movement,
    StockLine,
    SuppliesService,
)

OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 6px; border: 1px solid #198754;"
WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #cc9a06;"
ALARM_STYLE = "background: #f8d7da; color: #58151c; padding: 6px; border: 1px solid #b00020;"


def state_text(line: StockLine) -> str:
    """The stock state in words, as the list shows it."""
    if line.negative:
        return QCoreApplication.translate("SuppliesPage", "negatief — tel na")
    if line.below_minimum:
        return QCoreApplication.translate("SuppliesPage", "onder minimum")
    if line.quantity == 0:
        return QCoreApplication.translate(
            "SuppliesPage", "geen voorraad"
        )  # an item without a minimum, none in stock
    return QCoreApplication.translate("SuppliesPage", "voldoende")


def state_tone(line: StockLine) -> str | None:
    if line.negative:
        return "alarm"
    if line.below_minimum:
        return "warning"
    return None


def change_text(change: float, unit: str) -> str:
    """``+200 l``, ``−3 l`` (a real minus sign: easier to see)."""
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return f"{sign}{quantity_text(abs(change), unit)}".strip()


def ledger_kind_text(row: LedgerRow) -> str:
    texts = {
        LedgerKind.DELIVERY: QCoreApplication.translate("SuppliesPage", "levering"),
        LedgerKind.CORRECTION: QCoreApplication.translate("SuppliesPage", "correctie"),
        LedgerKind.HAND_OUT: QCoreApplication.translate("SuppliesPage", "uitgifte"),
        LedgerKind.UNDO: QCoreApplication.translate("SuppliesPage", "uitgifte teruggedraaid"),
    }
    return texts[row.kind]


def when_text(stored: str | None, now: datetime) -> str:
    return format_clock(parse_iso(stored), now) if stored else "?"


@dataclass(frozen=True)
class Ledger:
    """One item's ledger, read off the GUI thread: the item (``None``: none chosen), its
    name and the lines' ids with the first block of rows."""

    item_id: str | None
    item_name: str
    rows: Rows


@dataclass(frozen=True)
class Supplies:
    """What the page shows, read at one moment: the stock list, the stock lines the summary
    words, and the ledger of the item that will be selected."""

    stock: Rows
    lines: list[StockLine]
    ledger: Ledger


_Dialog = OpeningStockDialog | SuppliesDeliveryDialog | SuppliesCorrectionDialog | GeneratorDialog


class SuppliesPage(Page):
    """*Uitgifte & voorraad*: the stock list, the selected item's ledger, delivery and correction.

    Attributes:
        dialog: the opening stock, delivery or correction dialog that is open, else ``None``.
    """

    watches = frozenset({"stock_movement", "distribution", "supply_item", "supply_dispatch"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            app, QCoreApplication.translate("SuppliesPage", "Uitgifte & voorraad"), parent
        )
        self.setObjectName("supplies_page")
        self._supplies: SuppliesService = app.services.supplies
        self._item_id: str | None = None  # the item whose ledger is shown
        self._showing = False  # the stock list is being shown: a selection there is no choice
        self.dialog: _Dialog | None = None

        layout = self.layout_
        layout.addLayout(self._build_actions())
        self.summary = QLabel()
        self.summary.setObjectName("stock_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_stock())
        splitter.addWidget(self._build_ledger())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 230])
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.opening_button, self.delivery_button)
        self.setTabOrder(self.delivery_button, self.correction_button)
        self.setTabOrder(self.correction_button, self.stock_table)
        self.setTabOrder(self.stock_table, self.ledger_table)

    # ---------------------------------------------------------------- building

    def _build_actions(self) -> QHBoxLayout:
        intro = QLabel(
            self.tr(
                "Uitgeven gaat aan de balie: F2, F3 en F8, of Shift+F2 voor elk artikel en elke "
                "hoeveelheid. Hier boekt u de beginvoorraad en leveringen, en corrigeert u de "
                "voorraad na het natellen. Kies een artikel om het verloop te zien."
            )
        )
        intro.setWordWrap(True)
        self.opening_button = QPushButton(self.tr("&Beginvoorraad boeken…"))
        self.opening_button.setObjectName("opening_stock_button")
        self.opening_button.clicked.connect(self.open_opening_stock)
        self.delivery_button = QPushButton(self.tr("&Levering boeken…"))
        self.delivery_button.setObjectName("delivery_button")
        self.delivery_button.clicked.connect(self.open_delivery)
        self.correction_button = QPushButton(self.tr("&Correctie…"))
        self.correction_button.setObjectName("correction_button")
        self.correction_button.clicked.connect(self.open_correction)
        self.generator_button = QPushButton(self.tr("&Aggregaat…"))
        self.generator_button.setObjectName("supplies_generator_button")
        self.generator_button.clicked.connect(self.open_generator)
        buttons = (
            self.opening_button,
            self.delivery_button,
            self.correction_button,
            self.generator_button,
        )
        for button in buttons:
            button.setMinimumHeight(44)
        actions = QHBoxLayout()
        actions.addWidget(intro, 1)
        actions.addWidget(self.opening_button)
        actions.addWidget(self.delivery_button)
        actions.addWidget(self.correction_button)
        actions.addWidget(self.generator_button)
        return actions

    def _build_stock(self) -> QWidget:
        self.stock_model = LazyTableModel(
            [
                Column(self.tr("Artikel")),
                Column(self.tr("Voorraad"), 14, align_right=True),
                Column(self.tr("Minimum"), 12, align_right=True),
                Column(self.tr("Toestand"), 20),
            ],
            self._supplies.stock_ids,
            self._stock_rows,
            toned=True,
            runner=self.runner,
        )
        self.stock_table = LazyTableView(self.stock_model, "stock_table")
        self.stock_table.horizontalHeader().setStretchLastSection(False)
        self.stock_table.current_changed.connect(self._item_selected)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        return self.stock_table

    def _build_ledger(self) -> QWidget:
        self.ledger_title = QLabel()
        self.ledger_title.setObjectName("ledger_title")
        bold = QFont(self.ledger_title.font())
        bold.setBold(True)
        self.ledger_title.setFont(bold)
        self.ledger_model = LazyTableModel(
            [
                Column(self.tr("Tijd"), 11),
                Column(self.tr("Soort"), 22),
                Column(self.tr("Wijziging"), 11, align_right=True),
                Column(self.tr("Saldo"), 11, align_right=True),
                Column(self.tr("Kaart"), 11),
                Column(self.tr("Reden / van wie")),
            ],
            self._ledger_ids,
            self._ledger_rows,
            runner=self.runner,
        )
        self.ledger_table = LazyTableView(self.ledger_model, "ledger_table")
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 6, 0, 0)
        box_layout.addWidget(self.ledger_title)
        box_layout.addWidget(self.ledger_table, 1)
        return box

    # ---------------------------------------------------------------- rows

    # These run on the runner's reader thread: services only, no widget.

    def _stock_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        rows: dict[str, Row] = {}
        retired = QCoreApplication.translate("SuppliesPage", " (niet meer in de lijst)")
        for item_id, line in self._supplies.stock_by_id(ids).items():
            item = line.item
            minimum = quantity_text(line.min_stock, item.unit) if line.min_stock else "—"
            name = item.name + (retired if item.retired else "")
            rows[item_id] = (name, line.text, minimum, state_text(line), state_tone(line))
        return rows

    def _ledger_ids(self) -> Sequence[str]:
        item_id = self._item_id
        return self._supplies.ledger_ids(item_id) if item_id else []

    def _ledger_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        return self._ledger_rows_of(self._item_id, ids)

    def _ledger_rows_of(self, item_id: str | None, ids: Sequence[str]) -> Mapping[str, Row]:
        if item_id is None:
            return {}
        unit = self._supplies.item(item_id).unit
        now = self.services.ctx.clock.now()
        rows: dict[str, Row] = {}
        for line_id, line in self._supplies.ledger_by_id(item_id, ids).items():
            rows[line_id] = (
                when_text(line.at, now),
                ledger_kind_text(line),
                change_text(line.change, unit),
                quantity_text(line.balance, unit),
                cards.pretty(line.card_code) if line.card_code else "",
                line.reason or "",
            )
        return rows

    # ---------------------------------------------------------------- Page

    def _load_ledger(self, item_id: str | None) -> Ledger:
        """The item's ledger, the first block of it (on the reader thread)."""
        if item_id is None:
            return Ledger(None, "", Rows([], {}))
        ids = list(self._supplies.ledger_ids(item_id))
        rows = Rows(ids, self._ledger_rows_of(item_id, ids[:BLOCK]))
        return Ledger(item_id, self._supplies.item(item_id).name, rows)

    # ---------------------------------------------------------------- Page

    @Slot()
    def refresh(self) -> None:
        """Read the stock, and the ledger of the item that stays selected, together."""
        read = partial(self.load, self.stock_table.selected_id(), self.stock_table.selected_row())
        self.runner.read(read, self.show_loaded, key=self, owner=self)

    def load(self, selected_id: str | None = None, selected_row: int = -1) -> Supplies:
        stock = self.stock_model.read()
        # the same item, else the one in its place, else the first (see show_loaded)
        item_id = kept_id(stock.ids, selected_id, selected_row) or next(iter(stock.ids), None)
        return Supplies(stock, self._supplies.stock(), self._load_ledger(item_id))

    def show_loaded(self, loaded: Supplies) -> None:
        self._show_summary(loaded.lines)
        self._showing = True
        try:
            self.stock_table.show_rows(loaded.stock)
            if self.stock_table.selected_id() is None and self.stock_model.rowCount():
                self.stock_table.select_row(0)
        finally:
            self._showing = False
        selected = self.stock_table.selected_id()
        if selected == loaded.ledger.item_id:
            self._show_ledger(loaded.ledger)
        else:  # chosen meanwhile: read that item's ledger
            self._item_selected(selected)

    def focus_default(self) -> None:
        self.stock_table.setFocus()

    def _show_summary(self, lines: Sequence[StockLine]) -> None:
        negative = [line.item.name for line in lines if line.negative]
        low = [line.item.name for line in lines if line.below_minimum and not line.negative]
        parts = []
        if negative:
            parts.append(
                self.tr("Negatief, tel na en corrigeer: {items}.").format(items=", ".join(negative))
            )
        if low:
            parts.append(
                self.tr("Onder minimum, vraag de C-NSP om aanvulling: {items}.").format(
                    items=", ".join(low)
                )
            )
        if not parts:
            self.summary.setText(self.tr("Alle artikelen voldoende op voorraad."))
            self.summary.setStyleSheet(OK_STYLE)
        else:
            self.summary.setText(" ".join(parts))
            self.summary.setStyleSheet(ALARM_STYLE if negative else WARNING_STYLE)

    def stock_text(self, name: str) -> tuple[str, str]:
        """What the stock list shows for an item (by name): the stock and its state."""
        for row in range(self.stock_model.rowCount()):
            values = self.stock_model.values(row)
            if values[0] == name:
                return str(values[1]), str(values[3])
        raise KeyError(name)

    # ---------------------------------------------------------------- the ledger

    def select_item(self, item_id: str) -> bool:
        return self.stock_table.select_id(item_id)

    @Slot(object)
    def _item_selected(self, item_id: str | None) -> None:
        if self._showing or (item_id == self._item_id and item_id is not None):
            return  # a refresh shows the stock and its selected item's ledger together
        self._item_id = item_id
        self.runner.read(
            partial(self._load_ledger, item_id),
            self._ledger_loaded,
            key=(self, "ledger"),
            owner=self,
        )

    def _ledger_loaded(self, ledger: Ledger) -> None:
        if ledger.item_id == self._item_id:  # else another item was chosen meanwhile
            self._show_ledger(ledger)

    def _show_ledger(self, ledger: Ledger) -> None:
        self._item_id = ledger.item_id
        self.ledger_table.show_rows(ledger.rows)
        if ledger.item_id is None:
            self.ledger_title.setText(self.tr("Kies een artikel om het verloop te zien."))
            return
        self.ledger_title.setText(
            self.tr("Verloop van {item}, nieuwste eerst").format(item=ledger.item_name)
        )

    # ---------------------------------------------------------------- dialogs

    @Slot()
    def open_opening_stock(self) -> OpeningStockDialog:
        dialog = OpeningStockDialog(self.app, self._supplies.stock(), self)
        self._open(dialog)
        return dialog

    @Slot()
    def open_delivery(self) -> SuppliesDeliveryDialog:
        dialog = SuppliesDeliveryDialog(
            self.app, self._supplies.items(), self.stock_table.selected_id(), self
        )
        self._open(dialog)
        return dialog

    @Slot()
    def open_correction(self) -> SuppliesCorrectionDialog:
        dialog = SuppliesCorrectionDialog(
            self.app, self._supplies.stock(), self.stock_table.selected_id(), self
        )
        self._open(dialog)
        return dialog

    @Slot()
    def open_generator(self) -> GeneratorDialog:
        """Alt+A: write down a reading of the generator's tank (fuel in cans is stock)."""
        dialog = GeneratorDialog(self.app, self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: _Dialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.finished.connect(self._closed)
        dialog.open()

    @Slot(object)
    def _saved(self, movement: object) -> None:
        if isinstance(movement, Movement):
            self.select_item(movement.item.id)
        self.refresh()

    @Slot()
    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.stock_table.setFocus()
