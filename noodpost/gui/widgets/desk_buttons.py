"""The desk's action buttons: large, each with its function key and, where it helps, a second
line that says what will happen (what the ration still allows, which hand-out F7 undoes).

The buttons only show; the desk page connects them (and the function keys) to its actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from noodpost.core import cards
from noodpost.gui.units import quantity_text
from noodpost.gui.widgets.household_panel import panel_font, remaining_text
from noodpost.services.desk import HouseholdPanel
from noodpost.services.supplies import UNDO_MINUTES
from noodpost.services.supply_types import HandOut, Item

ALARM_STYLE = (
    "QPushButton { background: #b00020; color: white; font-weight: bold; }"
    "QPushButton:focus { border: 3px solid black; }"
)
BUTTON_WARNING_STYLE = "QPushButton { background: #fff3cd; color: #664d03; }"
#: Function keys of the quick hand-out buttons, in order.
QUICK_KEYS = (Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F8)
#: With Shift, a quick key opens *Uitgeven* (any item, any amount) at its item: F10 would be
#: the menu bar's key (Windows, GNOME), Shift+F10 the context menu's.
HAND_OUT_KEYS = tuple(QKeyCombination(Qt.KeyboardModifier.ShiftModifier, key) for key in QUICK_KEYS)


def hand_out_words(hand_out: HandOut) -> str:
    """``Drinkwater 3 l · 7K3Q-9XW2``."""
    card = cards.pretty(hand_out.card_code) if hand_out.card_code else "?"
    return f"{hand_out.text} · {card}"


class DeskButtons(QWidget):
    """F1 check in/out, F2/F3/F8 quick items, F4 need, F5 charging, F6 safe and well,
    F7 undo, F9 alarm — in key order in two rows, the alarm red and tall at the end — and
    under them, Shift+F2: any item, any amount."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkin = self._button("desk_checkin")
        self.quick = [self._button(f"desk_quick_{i}") for i in range(len(QUICK_KEYS))]
        self.need = self._button("desk_need", self.tr("F4  Hulpvraag"))
        self.charging = self._button("desk_charging", self.tr("F5  Opladen"))
        self.safe = self._button("desk_safe", self.tr("F6  Veilig en wel"))
        self.undo = self._button("desk_undo")
        # Two lines in the tall button, so that F1–F8 get the width (1280-pixel screens).
        self.alarm = self._button("desk_alarm", self.tr("F9\nNOODMELDING"))
        self.hand_out = self._button(
            "desk_hand_out", self.tr("Shift+F2 Uitgeven: ander artikel of andere hoeveelheid…")
        )
        self.hand_out.setMinimumHeight(40)
        self.alarm.setStyleSheet(ALARM_STYLE)
        self.alarm.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.alarm.setMinimumWidth(self.alarm.sizeHint().width())
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        # In key order, as the keyboard has them: F1–F4 above, F5–F8 below, F9 at the end.
        quick = dict(zip(QUICK_KEYS, self.quick, strict=True))
        in_order = [
            self.checkin,
            quick[Qt.Key.Key_F2],
            quick[Qt.Key.Key_F3],
            self.need,
            self.charging,
            self.safe,
            self.undo,
            quick[Qt.Key.Key_F8],
        ]
        for index, button in enumerate(in_order):
            grid.addWidget(button, index // 4, index % 4)
        grid.addWidget(self.hand_out, 2, 0, 1, 4)
        grid.addWidget(self.alarm, 0, 4, 3, 1)
        self.show_state(None, [], None)

    def _button(self, name: str, text: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves focus in the scan field
        button.setMinimumHeight(64)
        # Never wider than its column: the window must fit 1280 pixels.
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setMinimumWidth(150)
        panel_font(button, bold=True)
        return button

    def connect_keys(
        self, owner: QWidget, actions: Sequence[tuple[QPushButton, Qt.Key, Callable[[], Any]]]
    ) -> None:
        """Connect each button and its function key (active anywhere in ``owner``) to an action."""
        for button, key, action in actions:
            button.clicked.connect(lambda _checked=False, action=action: action())
            shortcut = QShortcut(QKeySequence(key), owner, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setAutoRepeat(False)  # a key held down is one hand-out, not a row of them

    def connect_hand_out(self, owner: QWidget, action: Callable[[int], Any]) -> None:
        """The *Uitgeven* button and Shift+F2, Shift+F3, Shift+F8 (``action(index)``: the list
        starts at that quick item)."""
        self.hand_out.clicked.connect(lambda _checked=False: action(0))
        for index, keys in enumerate(HAND_OUT_KEYS):
            shortcut = QShortcut(QKeySequence(keys), owner, lambda index=index: action(index))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setAutoRepeat(False)

    def show_state(
        self,
        panel: HouseholdPanel | None,
        quick_items: Sequence[Item],
        undoable: HandOut | None,
    ) -> None:
        """Texts and enabled states for this household (``None``: no card scanned)."""
        has = panel is not None
        present = panel is not None and panel.present
        self.checkin.setText(self.tr("F1  Afmelden") if present else self.tr("F1  Aanmelden"))
        for button in (self.checkin, self.need, self.charging, self.safe, self.hand_out):
            button.setEnabled(has)
        for index, button in enumerate(self.quick):
            key = QKeySequence(QUICK_KEYS[index]).toString()
            if index >= len(quick_items):
                button.setText(key)
                button.setEnabled(False)
                button.setStyleSheet("")
                continue
            self._show_quick(button, key, quick_items[index], panel)
        undo = self.tr("F7  Terugdraaien")
        if undoable is not None:
            card = undoable.card_code
            undo += "\n→ " + (cards.pretty(card) if card else "?")
            self.undo.setToolTip(hand_out_words(undoable))
        else:
            self.undo.setToolTip(
                self.tr("Geen uitgifte van de laatste %1 minuten").replace("%1", str(UNDO_MINUTES))
            )
        self.undo.setText(undo)
        self.undo.setEnabled(undoable is not None)

    def _show_quick(
        self, button: QPushButton, key: str, item: Item, panel: HouseholdPanel | None
    ) -> None:
        amount = quantity_text(item.quick_quantity or 0, item.unit)
        # One of something needs no number on the button: "F3 Voedselpakket".
        text = f"{key} {item.name}" if item.quick_quantity == 1 else f"{key} {item.name} {amount}"
        line = panel.allowance_for(item.id) if panel is not None else None
        reached = False
        if panel is not None and line is not None:
            words, reached = remaining_text(line, panel.read_at)
            words = words.replace(self.tr("weer vanaf"), self.tr("vanaf"))  # narrow buttons
            text += "\n" + (f"⚠ {words}" if reached else words)
        button.setText(text)
        button.setToolTip(
            self.tr("%1 uitgeven aan dit huishouden").replace("%1", f"{item.name} {amount}")
        )
        button.setStyleSheet(BUTTON_WARNING_STYLE if reached else "")
        button.setEnabled(panel is not None)
