"""*Beginvoorraad boeken*: every catalogue item with an amount field, booked at once (issue 18, 7).

On day one the coordinator counts the shelves and types the numbers: Tab from item to item,
Enter books them all in one unit of work (:class:`~noodpost.services.opening_stock.
OpeningStockService`). Empty fields are skipped; a wrong number keeps the form open with the
item named in the message, and nothing is booked.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.dialogs.supplies_forms import parse_quantity, quantity_field
from noodpost.gui.units import quantity_text
from noodpost.services.opening_stock import OpeningStockService
from noodpost.services.supply_types import StockLine

#: Up to this many items the list needs no scroll bar (the catalogue has fourteen).
ROWS_WITHOUT_SCROLLING = 16


class OpeningStockDialog(SavingDialog):
    """One amount field per item that can be handed out; Enter books every filled-in one.

    Args:
        lines: the stock now of each item (retired items are left out).
    """

    def __init__(
        self, app: AppContext, lines: Sequence[StockLine], parent: QWidget | None = None
    ) -> None:
        super().__init__(app, self.tr("Beginvoorraad boeken"), parent)
        self.setObjectName("opening_stock_dialog")
        self.setMinimumWidth(560)
        self.save_button.setText(self.tr("Alles boeken"))
        self._lines = [line for line in lines if not line.item.retired]
        intro = QLabel(
            self.tr(
                "Vul per artikel in hoeveel er nu op voorraad is; met Tab gaat u naar het "
                "volgende artikel. Lege velden worden overgeslagen. Enter boekt alles in één "
                "keer, als levering 'Beginvoorraad'."
            )
        )
        intro.setWordWrap(True)
        self.fields: dict[str, QLineEdit] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setColumnStretch(0, 1)
        for header, column in ((self.tr("Artikel"), 0), (self.tr("Nu in de lijst"), 3)):
            grid.addWidget(QLabel(f"<b>{header}</b>"), 0, column)
        for row, line in enumerate(self._lines, start=1):
            item = line.item
            field = quantity_field(f"opening_{item.code}")
            field.setAccessibleName(item.name)
            name = QLabel(item.name)
            name.setBuddy(field)
            grid.addWidget(name, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(QLabel(item.unit), row, 2)
            grid.addWidget(QLabel(quantity_text(line.quantity, item.unit)), row, 3)
            self.fields[item.id] = field
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if len(self._lines) > ROWS_WITHOUT_SCROLLING:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(grid_box)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(grid_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fields = list(self.fields.values())
        for before, after in itertools.pairwise(fields):
            self.setTabOrder(before, after)
        if fields:
            self.setTabOrder(fields[-1], self.save_button)
            fields[0].setFocus()

    def amounts(self) -> dict[str, float | None]:
        """What was typed per item id: ``None`` for an empty field, NaN for no number."""
        return {
            item_id: (parse_quantity(field.text()) if field.text().strip() else None)
            for item_id, field in self.fields.items()
        }

    def build_call(self) -> Callable[[], Any]:
        service = OpeningStockService(self.app.services.ctx)
        amounts = self.amounts()
        return lambda: service.book(amounts)
