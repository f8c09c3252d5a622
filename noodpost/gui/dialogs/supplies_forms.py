"""*Levering boeken* and *Correctie*: the two ways stock changes other than a hand-out.

Both are :class:`~noodpost.gui.dialogs.saving.SavingDialog` forms: the supplies service checks
what was typed (a plausible quantity, a reason for a correction) and a refusal keeps the
dialog open with the message in words under the fields.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.units import quantity_text
from noodpost.services.supplies import MAX_REASON, Item, StockLine

#: What a quantity field accepts while typing: digits with at most one decimal comma or point.
QUANTITY_PATTERN = r"\d{0,6}([.,]\d{0,3})?"
_NUMBER = re.compile(r"\d+([.,]\d+)?|\d+[.,]|[.,]\d+")


def parse_quantity(text: str) -> float:
    """``"1,5"`` → 1.5; not a number (also empty) → NaN, which the service refuses in words."""
    value = text.strip()
    if not _NUMBER.fullmatch(value):
        return math.nan
    return float(value.replace(",", "."))


def quantity_field(object_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(QUANTITY_PATTERN), field))
    field.setMaximumWidth(160)
    return field


class _ItemDialog(SavingDialog):
    """A form about one item: the item chooser, the quantity with its unit."""

    def __init__(
        self,
        app: AppContext,
        title: str,
        items: Sequence[Item],
        selected_id: str | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(app, title, parent)
        self.setMinimumWidth(620)
        self._items = list(items)
        self.item = QComboBox()
        self.item.setObjectName("supplies_item_field")
        for item in self._items:
            self.item.addItem(item.name, item.id)
        index = self.item.findData(selected_id) if selected_id else -1
        self.item.setCurrentIndex(max(index, 0))
        self.quantity = quantity_field("supplies_quantity_field")
        self.unit = QLabel()
        self.unit.setObjectName("supplies_unit")
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity)
        quantity_row.addWidget(self.unit)
        quantity_row.addStretch(1)
        self.quantity_row = quantity_row
        self.item.currentIndexChanged.connect(self._item_changed)

    def current_item(self) -> Item:
        return self._items[max(self.item.currentIndex(), 0)]

    def select_item(self, item_id: str) -> None:
        self.item.setCurrentIndex(self.item.findData(item_id))

    @Slot()
    def _item_changed(self) -> None:
        self.unit.setText(self.current_item().unit if self._items else "")


class SuppliesDeliveryDialog(_ItemDialog):
    """*Levering boeken*: what came in, how much, and from whom."""

    def __init__(
        self,
        app: AppContext,
        items: Sequence[Item],
        selected_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            app,
            QCoreApplication.translate("SuppliesDeliveryDialog", "Levering boeken"),
            items,
            selected_id,
            parent,
        )
        self.setObjectName("supplies_delivery_dialog")
        self.save_button.setText(self.tr("Levering boeken"))
        self.source = QLineEdit()
        self.source.setObjectName("supplies_source_field")
        self.source.setMaxLength(MAX_REASON)
        self.source.setPlaceholderText(self.tr("bijvoorbeeld: C-NSP, waterbedrijf, supermarkt"))

        intro = QLabel(
            self.tr("Wat is er binnengekomen? De voorraad gaat met deze hoeveelheid omhoog.")
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        item_label = QLabel(self.tr("&Artikel"))
        item_label.setBuddy(self.item)
        quantity_label = QLabel(self.tr("&Hoeveelheid"))
        quantity_label.setBuddy(self.quantity)
        source_label = QLabel(self.tr("&Van wie (niet verplicht)"))
        source_label.setBuddy(self.source)
        form.addRow(item_label, self.item)
        form.addRow(quantity_label, self.quantity_row)
        form.addRow(source_label, self.source)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._item_changed()
        self.quantity.setFocus()

    def build_call(self) -> Callable[[], Any]:
        supplies = self.app.services.supplies
        item_id = self.current_item().id
        quantity = parse_quantity(self.quantity.text())
        source = self.source.text()
        return lambda: supplies.record_delivery(item_id, quantity, source)


class SuppliesCorrectionDialog(_ItemDialog):
    """*Correctie*: the stock differs from the list — less, more, or counted — with a reason."""

    LESS, MORE, COUNTED = 0, 1, 2

    def __init__(
        self,
        app: AppContext,
        lines: Sequence[StockLine],
        selected_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            app,
            QCoreApplication.translate("SuppliesCorrectionDialog", "Correctie"),
            [line.item for line in lines],
            selected_id,
            parent,
        )
        self.setObjectName("supplies_correction_dialog")
        self.save_button.setText(self.tr("Correctie opslaan"))
        self._stock = {line.item.id: line.quantity for line in lines}

        self.current = QLabel()
        self.current.setObjectName("supplies_current_stock")
        self.direction = QButtonGroup(self)
        self.less = QRadioButton(self.tr("&Minder dan de lijst zegt (eraf)"))
        self.less.setObjectName("supplies_less")
        self.more = QRadioButton(self.tr("M&eer dan de lijst zegt (erbij)"))
        self.more.setObjectName("supplies_more")
        self.counted = QRadioButton(self.tr("&Nageteld: zoveel is er nu"))
        self.counted.setObjectName("supplies_counted")
        for number, button in (
            (self.LESS, self.less),
            (self.MORE, self.more),
            (self.COUNTED, self.counted),
        ):
            self.direction.addButton(button, number)
        self.less.setChecked(True)
        directions = QVBoxLayout()
        for button in (self.less, self.more, self.counted):
            directions.addWidget(button)

        self.reason = QLineEdit()
        self.reason.setObjectName("supplies_reason_field")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("bijvoorbeeld: nageteld, kapot, over de datum"))
        self.preview = QLabel()
        self.preview.setObjectName("supplies_preview")
        self.preview.setWordWrap(True)

        form = QFormLayout()
        item_label = QLabel(self.tr("&Artikel"))
        item_label.setBuddy(self.item)
        quantity_label = QLabel(self.tr("&Hoeveelheid"))
        quantity_label.setBuddy(self.quantity)
        reason_label = QLabel(self.tr("&Reden (verplicht)"))
        reason_label.setBuddy(self.reason)
        form.addRow(item_label, self.item)
        form.addRow(self.tr("In de lijst"), self.current)
        form.addRow(self.tr("De voorraad is"), directions)
        form.addRow(quantity_label, self.quantity_row)
        form.addRow(reason_label, self.reason)
        form.addRow("", self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.quantity.textChanged.connect(self._update_preview)
        self.direction.idToggled.connect(self._update_preview)
        self._item_changed()
        self.quantity.setFocus()

    def set_direction(self, which: int) -> None:
        """Choose :attr:`LESS`, :attr:`MORE` or :attr:`COUNTED`."""
        button = self.direction.button(which)
        button.setChecked(True)

    def change(self, stock: float) -> float:
        """The signed correction for what was typed, given the stock ``stock`` (NaN: no number)."""
        amount = parse_quantity(self.quantity.text())
        which = self.direction.checkedId()
        if which == self.COUNTED:
            return amount - stock
        return -amount if which == self.LESS else amount

    @Slot()
    def _item_changed(self) -> None:
        super()._item_changed()
        if not self._items:
            return
        item = self.current_item()
        self.current.setText(quantity_text(self._stock.get(item.id, 0.0), item.unit))
        self._update_preview()

    @Slot()
    def _update_preview(self) -> None:
        if not self._items:
            return
        item = self.current_item()
        stock = self._stock.get(item.id, 0.0)
        change = self.change(stock)
        if math.isnan(change) or change == 0:
            self.preview.setText("")
            return
        sign = "+" if change > 0 else "−"
        self.preview.setText(
            self.tr("Na deze correctie: {after} ({sign}{amount})").format(
                after=quantity_text(stock + change, item.unit),
                sign=sign,
                amount=quantity_text(abs(change), item.unit),
            )
        )

    def build_call(self) -> Callable[[], Any]:
        supplies = self.app.services.supplies
        item_id = self.current_item().id
        # A count is compared with the stock as it is now, not when the dialog opened.
        stock = supplies.stock_of(item_id).quantity
        quantity = self.change(stock)
        reason = self.reason.text()
        return lambda: supplies.record_correction(item_id, quantity, reason)
