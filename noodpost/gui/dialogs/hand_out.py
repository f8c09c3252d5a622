"""*Uitgeven*: any catalogue item, in any amount, to the household at the desk (issue 18, 6).

The quick keys F2, F3 and F8 hand out one fixed amount of three items. Blankets, baby food,
nappies and the rest of the catalogue are handed out here (Shift+F2 at the Balie):

- typing in the search field narrows the list to the items whose name (or code) holds what was
  typed, accents and capitals aside; Up and Down choose in the list;
- Tab goes to the amount, which starts at the item's usual quantity (or 1), in its unit;
- Enter hands out, Escape closes without saving anything.

The dialog only chooses; the desk hands out through its own write path, so the ration check
and its question (*beyond the ration, give a reason*) are the same as for F2.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.dutch import format_amount, format_quantity
from noodpost.gui.dialogs.saving import ERROR_STYLE
from noodpost.gui.dialogs.supplies_forms import parse_quantity, quantity_field
from noodpost.gui.widgets.household_panel import panel_font, persons_text, remaining_text
from noodpost.services.desk import HouseholdPanel
from noodpost.services.supply_types import Item

#: Keys that the search field passes on to the list: choosing without leaving the field.
_LIST_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


def _plain(text: str) -> str:
    """``Hygiëneset`` → ``hygieneset``: what is compared when searching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def usual_amount(item: Item) -> float:
    """What one hand-out of ``item`` usually is: its quick quantity, else 1."""
    return item.quick_quantity or 1.0


class HandOutDialog(QDialog):
    """Choose an item and an amount for the household on ``panel``.

    Args:
        items: the catalogue items that can be handed out.
        panel: the household at the desk (its ration line is shown beside each item).
        selected_id: the item chosen at first (the quick item of the key pressed).
    """

    def __init__(
        self,
        items: Sequence[Item],
        panel: HouseholdPanel,
        selected_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hand_out_dialog")
        self.setWindowTitle(self.tr("Uitgeven"))
        self.setModal(True)
        self.setMinimumWidth(640)
        self._items = list(items)
        self._chosen: tuple[Item, float] | None = None

        header = QLabel(
            self.tr("Uitgeven aan huishouden %1 (%2)")
            .replace("%1", panel.pretty_code)
            .replace("%2", persons_text(panel.size))
        )
        header.setWordWrap(True)
        panel_font(header, bold=True)
        self.search = QLineEdit()
        self.search.setObjectName("hand_out_find")
        self.search.setPlaceholderText(self.tr("typ een deel van de naam, bijvoorbeeld deken"))
        self.search.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("hand_out_items")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # chosen from the search field
        self.list.setMinimumHeight(300)  # the whole catalogue (fourteen items) in view
        for item in self._items:
            row = QListWidgetItem(self._row_text(item, panel))
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
        self.quantity = quantity_field("hand_out_quantity")
        self.unit = QLabel()
        self.unit.setObjectName("hand_out_unit")
        self.message = self._build_message()
        buttons = self._build_buttons()

        search_label = QLabel(self.tr("&Zoek artikel"))
        search_label.setBuddy(self.search)
        quantity_label = QLabel(self.tr("&Hoeveelheid"))
        quantity_label.setBuddy(self.quantity)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.quantity)
        amount_row.addWidget(self.unit)
        amount_row.addStretch(1)
        form = QFormLayout()
        form.addRow(search_label, self.search)
        form.addRow("", self.list)
        form.addRow(quantity_label, amount_row)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.list.currentRowChanged.connect(self._item_changed)
        self.search.textChanged.connect(self._narrow)
        rows = [self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(len(items))]
        self.list.setCurrentRow(rows.index(selected_id) if selected_id in rows else 0)
        self._item_changed()
        self.setTabOrder(self.search, self.quantity)
        self.search.setFocus()

    def _build_message(self) -> QLabel:
        message = QLabel()
        message.setObjectName("dialog_message")
        message.setWordWrap(True)
        message.setStyleSheet(ERROR_STYLE)
        message.hide()
        return message

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Uitgeven"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("dialog_save")
        self.save_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Annuleren"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("dialog_cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _row_text(self, item: Item, panel: HouseholdPanel) -> str:
        """``Deken (stuk) — nog 2 stuk``: the item and what its ration still allows today."""
        text = f"{item.name} ({item.unit})"
        line = panel.allowance_for(item.id)
        if line is not None:
            words, reached = remaining_text(line, panel.read_at)
            text += " — " + (f"⚠ {words}" if reached else words)
        return text

    # ------------------------------------------------------------------ choosing

    def current_item(self) -> Item | None:
        """The item chosen in the list (``None`` when the search found nothing)."""
        row = self.list.currentRow()
        if row < 0 or self.list.item(row).isHidden():
            return None
        item_id = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        return next((item for item in self._items if item.id == item_id), None)

    @Slot()
    def _item_changed(self) -> None:
        item = self.current_item()
        self.unit.setText(item.unit if item is not None else "")
        if item is not None:
            self.quantity.setText(format_amount(usual_amount(item)))
            self.quantity.selectAll()

    @Slot(str)
    def _narrow(self, text: str) -> None:
        """Show only the items that hold ``text``; the first of them is chosen."""
        wanted = _plain(text.strip())
        first = -1
        for row in range(self.list.count()):
            entry = self.list.item(row)
            item = self._items[row]
            shown = wanted in _plain(item.name) or wanted in _plain(item.code)
            entry.setHidden(not shown)
            if shown and first < 0:
                first = row
        current = self.list.currentRow()
        if current < 0 or self.list.item(current).isHidden():
            self.list.setCurrentRow(first)
        self._item_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up, Down, Page Up and Page Down in the search field move through the list."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _LIST_KEYS
        ):
            QApplication.sendEvent(self.list, event)
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ the answer

    def choice(self) -> tuple[Item, float] | None:
        """The item and amount chosen, once Enter was pressed; ``None`` before or after Esc."""
        return self._chosen

    def accept(self) -> None:
        """Enter: close with the choice, or say in words what is missing and stay open."""
        item = self.current_item()
        if item is None:
            self._refuse(
                self.tr("Geen artikel gevonden bij '%1'. Typ een ander deel van de naam.").replace(
                    "%1", self.search.text().strip()
                )
            )
            self.search.setFocus()
            self.search.selectAll()
            return
        amount = parse_quantity(self.quantity.text())
        if math.isnan(amount) or amount <= 0:
            self._refuse(
                self.tr("Vul in hoeveel %1 u uitgeeft, als getal groter dan 0 (bijvoorbeeld %2).")
                .replace("%1", item.unit)
                .replace("%2", format_quantity(usual_amount(item), item.unit))
            )
            self.quantity.setFocus()
            self.quantity.selectAll()
            return
        self._chosen = (item, amount)
        super().accept()

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
