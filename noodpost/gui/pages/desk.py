"""*Balie*: the desk — scan a card, see the household, act in one key press (DESIGN §5).

The scan field has focus whenever the desk is shown and gets it back after every action.
A scan (a scanner burst or a typed code; the check character is validated) opens the household
panel: size, flags with consent, presence, what was received today against the ration, open
needs, when last seen. Function keys act on that household:

====  =======================================================
F1    Aanmelden / Afmelden (whichever applies)
F2    first quick item (e.g. Drinkwater 3 l)
F3    second quick item (e.g. Voedselpakket)
F8    third quick item (e.g. Warme maaltijd)
F4    Hulpvraag            F5  Opladen       F6  Veilig en wel
F7    Terugdraaien: undo the last hand-out (within a few minutes)
F9    NOODMELDING (emits :attr:`DeskPage.alarm_requested`)
====  =======================================================

A returning household is served with the scan plus at most two key presses (F1, F2). A
hand-out beyond the ration asks for a reason first. An unused pre-printed code, or *Nieuw
huishouden* (Ctrl+N), starts an intake; a fresh card is printed through :attr:`print_card`.
Feedback is green for done, amber for a warning, red for a refusal — always with words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core import cards
from noodpost.core.clock import parse_iso
from noodpost.core.errors import NeedsConfirmation, NotFound, UserError
from noodpost.core.rations import format_clock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.charging_ticket import NewTicketDialog
from noodpost.gui.dialogs.confirm import ask_to_confirm
from noodpost.gui.dialogs.intake import IntakeDialog
from noodpost.gui.dialogs.messages_form import MessagesFormDialog
from noodpost.gui.dialogs.quick_need import QuickNeedDialog
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import label
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.desk_writes import DeskWrites
from noodpost.gui.widgets.desk_buttons import QUICK_KEYS, DeskButtons, hand_out_words
from noodpost.gui.widgets.household_panel import (
    OK_STYLE,
    WARNING_STYLE,
    HouseholdPanelView,
    panel_font,
    persons_text,
)
from noodpost.gui.widgets.scan_field import ScanField
from noodpost.services.desk import DeskService, HouseholdPanel
from noodpost.services.intake import CardState, Registered
from noodpost.services.supplies import UNDO_MINUTES
from noodpost.services.supply_types import HandOut, Item
from noodpost.services.visits import CheckedIn, CheckedOut

#: Shown for a refusal: red, and always the words.
REFUSED_STYLE = "background: #f8d7da; color: #58151c; padding: 8px; border: 1px solid #b00020;"
INFO_STYLE = "background: #e7f1ff; color: #052c65; padding: 8px; border: 1px solid #9ec5fe;"
RECENT_LINES = 8
#: What the panel shows, and what else the desk's buttons and lists depend on.
_PANEL_ENTITIES = ("household", "visit", "distribution", "need", "charging_ticket")
_OTHER_ENTITIES = ("safe_message", "supply_item", "post", "card_batch", "stock_movement")


class DeskPage(Page):
    """The desk.

    Signals:
        alarm_requested(): the volunteer pressed NOODMELDING (F9); the window opens the form.

    Args:
        print_card: prints or saves the card of a newly registered household (a fresh code);
            returns ``False`` when the card was not printed, a text when it was saved as PDF
            (where), else ``True``/``None``. ``None``: printing is not set up here.
        quick_codes: catalogue codes of the quick hand-out buttons; by default the first
            three items with a quick quantity, in catalogue order.
        scan_clock: time source of the scan field (tests feed bursts with exact timing).
    """

    alarm_requested = Signal()
    watches = frozenset(_PANEL_ENTITIES + _OTHER_ENTITIES)

    def __init__(
        self,
        app: AppContext,
        parent: QWidget | None = None,
        *,
        print_card: Callable[[Registered], bool | str | None] | None = None,
        quick_codes: Sequence[str] | None = None,
        scan_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(app, QCoreApplication.translate("DeskPage", "Balie"), parent)
        self.setObjectName("desk_page")
        self.print_card = print_card
        self.quick_codes = list(quick_codes) if quick_codes is not None else None
        self.desk = DeskService(app.services.ctx)
        self.panel: HouseholdPanel | None = None
        self.quick_items: list[Item] = []
        self.dialog: QDialog | None = None
        self.writes = DeskWrites(
            self,
            app.runner,
            finished=self._write_finished,
            refused=self._write_refused,
            track=self._track,
        )

        layout = self.layout_
        layout.addLayout(self._build_scan_row(scan_clock))
        layout.addWidget(self._build_stock_hint())
        layout.addWidget(self._build_feedback())
        layout.addLayout(self._build_middle(), 1)
        layout.addWidget(self._build_buttons())
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self, self.new_household)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_household)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setTabOrder(self.scan_field, self.checkin_button)

    def _build_scan_row(self, scan_clock: Callable[[], float] | None) -> QHBoxLayout:
        self.scan_field = ScanField(clock=scan_clock)
        self.scan_field.setObjectName("scan_field")
        self.scan_field.setPlaceholderText(self.tr("NP1:GR-0014:7K3Q-9XW2 of 7K3Q-9XW2"))
        panel_font(self.scan_field, extra=2)
        self.scan_field.setMinimumHeight(44)
        self.scan_field.scanned.connect(self.on_scanned)
        scan_label = QLabel(self.tr("&Scan of typ kaartcode:"))
        scan_label.setBuddy(self.scan_field)
        panel_font(scan_label)
        self.new_button = QPushButton(self.tr("Nieuw huishouden (Ctrl+N)"))
        self.new_button.setObjectName("desk_new_household")
        self.new_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.new_button.clicked.connect(self.new_household)
        self.occupancy = QLabel()
        self.occupancy.setObjectName("desk_occupancy")
        panel_font(self.occupancy, bold=True)
        row = QHBoxLayout()
        row.addWidget(scan_label)
        row.addWidget(self.scan_field, 1)
        row.addWidget(self.new_button)
        row.addSpacing(12)
        row.addWidget(self.occupancy)
        return row

    def _build_feedback(self) -> QLabel:
        self.feedback = QLabel()
        self.feedback.setObjectName("desk_feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        panel_font(self.feedback)
        self.feedback.hide()
        return self.feedback

    def _build_stock_hint(self) -> QLabel:  # while no stock was ever booked (issue 18, 7)
        self.stock_hint = QLabel(
            self.tr(
                "⚠ Nog geen voorraad geboekt: elke uitgifte telt nu als tekort. Boek eerst de "
                "beginvoorraad: Ctrl+4 (Uitgifte & voorraad), dan Alt+L (Levering boeken)."
            )
        )
        self.stock_hint.setObjectName("desk_stock_hint")
        self.stock_hint.setWordWrap(True)
        self.stock_hint.setStyleSheet(WARNING_STYLE)
        self.stock_hint.hide()
        return self.stock_hint

    def _build_middle(self) -> QHBoxLayout:
        self.panel_view = HouseholdPanelView()
        self.recent = QListWidget()
        self.recent.setObjectName("recent_actions")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.recent.setWordWrap(True)
        heading = QLabel(self.tr("Laatste handelingen"))
        panel_font(heading, bold=True)
        box = QWidget()
        box.setFixedWidth(300)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(self.recent, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.panel_view, 1)
        middle.addWidget(box)
        return middle

    def _build_buttons(self) -> DeskButtons:
        bar = DeskButtons()
        self.checkin_button, self.quick_buttons = bar.checkin, bar.quick
        self.undo_button, self.alarm_button = bar.undo, bar.alarm
        quick = [
            (button, key, self._quick_slot(index))
            for index, (button, key) in enumerate(zip(bar.quick, QUICK_KEYS, strict=True))
        ]
        bar.connect_keys(
            self,
            [
                (bar.checkin, Qt.Key.Key_F1, self.toggle_presence),
                *quick,
                (bar.need, Qt.Key.Key_F4, self.new_need),
                (bar.charging, Qt.Key.Key_F5, self.new_ticket),
                (bar.safe, Qt.Key.Key_F6, self.safe_and_well),
                (bar.undo, Qt.Key.Key_F7, self.undo_last),
                (bar.alarm, Qt.Key.Key_F9, self.request_alarm),
            ],
        )
        self.buttons = bar
        return bar

    def _quick_slot(self, index: int) -> Callable[[], None]:
        return lambda: self.hand_out(index)

    # ------------------------------------------------------------------ page

    def focus_default(self) -> None:
        self.scan_field.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.scan_field.setFocus()

    @Slot()
    def refresh(self) -> None:
        self.quick_items = self.desk.quick_items(self.quick_codes)[: len(QUICK_KEYS)]
        if self.panel is not None:
            try:
                self._show(self.desk.panel(self.panel.household_id))
            except NotFound:  # removed meanwhile (a purge): keep what is being typed
                self._close_panel()
        else:
            self._update_buttons()
        self.stock_hint.setVisible(not self.services.supplies.stock_booked())
        present, capacity = self.services.visits.occupancy()
        if capacity is not None and present > capacity:
            self.occupancy.setText(
                self.tr("⚠ Vol: %1 / %2").replace("%1", str(present)).replace("%2", str(capacity))
            )
            self.occupancy.setStyleSheet(WARNING_STYLE)
        else:
            of = f" / {capacity}" if capacity is not None else ""
            self.occupancy.setText(self.tr("Aanwezig: %1").replace("%1", f"{present}{of}"))
            self.occupancy.setStyleSheet("")
        self.recent.clear()
        for action in self.desk.recent_actions(RECENT_LINES):
            who = f"→ {action.card}" if action.card else "→ —"
            if action.volunteer:
                who += f" ({action.volunteer})"
            self.recent.addItem(f"{action.clock} · {action.what}\n    {who}")

    # ------------------------------------------------------------------ scanning

    @Slot(str, bool)
    def on_scanned(self, text: str, burst: bool) -> None:
        """A code arrived from the scan field (``burst``: from a scanner)."""
        if not text.strip():
            self.scan_field.setFocus()
            return
        try:
            found, panel = self.desk.lookup_and_panel(text)
        except UserError as error:
            self._close_panel()
            self.show_feedback(REFUSED_STYLE, "✖ " + error.message)
            if burst:
                self.scan_field.clear_for_next()
            else:
                self.scan_field.selectAll()  # a typo: correct it, or type over it
            return
        self.scan_field.clear_for_next()
        if panel is None:
            if found.state is CardState.UNUSED:
                self._close_panel()
                self.show_feedback(
                    INFO_STYLE,
                    self.tr("Kaart %1 is nog niet uitgegeven: schrijf het huishouden in.").replace(
                        "%1", cards.pretty(found.code)
                    ),
                )
                self.start_intake(found.code)
            return
        self._show(panel)
        self.show_feedback(
            INFO_STYLE,
            (self.tr("Kaart %1 gescand.") if burst else self.tr("Kaart %1 gevonden.")).replace(
                "%1", panel.pretty_code
            ),
        )

    def show_household(self, household_id: str) -> None:
        """Open a household's panel (after an intake, or a duplicate chosen there): what was
        typed or refused before belongs to no household on screen, so it goes."""
        try:
            panel = self.desk.panel(household_id)
        except UserError as error:
            self.show_feedback(REFUSED_STYLE, "✖ " + error.message)
        else:
            self._show(panel)
            self.scan_field.clear_for_next()
            self.show_feedback(
                INFO_STYLE, self.tr("Huishouden %1 geopend.").replace("%1", panel.pretty_code)
            )
        self.scan_field.setFocus()

    @Slot()
    def clear_household(self) -> None:
        """Close the panel (Esc): nothing of the previous household stays on screen."""
        self._close_panel()
        self.scan_field.clear_for_next()
        self.scan_field.setFocus()

    def _close_panel(self) -> None:
        self.panel = None
        self.panel_view.show_empty()
        self._update_buttons()

    def _show(self, panel: HouseholdPanel) -> None:
        self.panel = panel
        self.panel_view.show_panel(panel, [item.id for item in self.quick_items])
        self._update_buttons()

    def _update_buttons(self) -> None:
        # F7 undoes the household's own last hand-out, never another household's.
        panel, supplies = self.panel, self.services.supplies
        last = supplies.last_hand_out(panel.household_id) if panel is not None else None
        undoable = last if last is not None and last.undoable else None
        self.buttons.show_state(self.panel, self.quick_items, undoable)

    # ------------------------------------------------------------------ feedback and writes

    def show_feedback(self, style: str, text: str) -> None:
        self.feedback.setStyleSheet(style)
        self.feedback.setText(text)
        self.feedback.show()

    def _write_refused(self, error: UserError | None) -> None:
        """A write refused (or needing a confirmation), or ``None``: the volunteer went back."""
        if error is None:
            self._not_done()
        elif isinstance(error, NeedsConfirmation):
            self.show_feedback(WARNING_STYLE, "⚠ " + self.tr("Let op: ") + error.message)
        else:
            self.show_feedback(REFUSED_STYLE, "✖ " + self.tr("Niet gelukt: ") + error.message)

    def _write_finished(self) -> None:
        self.refresh()
        self.scan_field.setFocus()

    def _not_done(self) -> None:
        self.show_feedback(INFO_STYLE, self.tr("Niets opgeslagen."))
        self.scan_field.setFocus()

    def _open(self, dialog: QDialog) -> None:
        self._track(dialog)
        dialog.open()

    def _track(self, dialog: QDialog) -> None:
        """Remember the open dialog; when it closes, the scan field has focus again."""
        self.dialog = dialog

        def closed(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            self.window().activateWindow()
            self.scan_field.setFocus()

        dialog.finished.connect(closed)

    # ------------------------------------------------------------------ actions

    @Slot()
    def toggle_presence(self) -> None:
        """F1: check in, or out when the household is present."""
        if (panel := self._scanned_panel()) is None:
            return
        visits, household_id = self.services.visits, panel.household_id
        if panel.present:
            self.writes.write(lambda: visits.check_out(household_id), self._checked_out)
        else:
            self.writes.write(lambda: visits.check_in(household_id), self._checked_in)

    def _occupancy_words(self, present: int, capacity: int | None) -> str:
        if capacity is None:
            return self.tr("Aanwezig nu: %1.").replace("%1", str(present))
        return (
            self.tr("Aanwezig nu: %1 van %2.")
            .replace("%1", str(present))
            .replace("%2", str(capacity))
        )

    def _checked_in(self, result: CheckedIn) -> None:
        text = self.tr("✔ Aangemeld: %1.").replace("%1", persons_text(result.visit.persons))
        text += " " + self._occupancy_words(result.present, result.capacity)
        if result.warning:
            self.show_feedback(WARNING_STYLE, f"{text} ⚠ {result.warning}")
        else:
            self.show_feedback(OK_STYLE, text)

    def _checked_out(self, result: CheckedOut) -> None:
        text = self.tr("✔ Afgemeld: %1.").replace("%1", persons_text(result.visit.persons))
        self.show_feedback(
            OK_STYLE, text + " " + self._occupancy_words(result.present, result.capacity)
        )

    def hand_out(self, index: int) -> None:
        """F2, F3, F8: hand out the quick quantity of a quick item."""
        if (panel := self._scanned_panel()) is None or index >= len(self.quick_items):
            return
        supplies, item_id = self.services.supplies, self.quick_items[index].id
        household_id = panel.household_id
        self.writes.write(
            lambda: supplies.hand_out(household_id, item_id),
            self._handed_out,
            retry=lambda reason: lambda: supplies.hand_out(household_id, item_id, None, reason),
            confirm_text=self.tr("Toch uitgeven"),
        )

    def _handed_out(self, result: HandOut) -> None:
        card = cards.pretty(result.card_code) if result.card_code else "?"
        text = self.tr("✔ Uitgegeven: %1 aan %2.").replace("%1", result.text).replace("%2", card)
        if result.override_reason:
            text += " " + self.tr("Boven het rantsoen; de reden is genoteerd.")
        line = self.panel.allowance_for(result.item.id) if self.panel is not None else None
        if line is not None:
            text += " " + self.tr("Vandaag nu %1.").replace("%1", line.text)
        stock = result.stock
        name = result.item.name.lower()
        if stock is None:
            self.show_feedback(OK_STYLE, text)
            return
        if stock.negative:
            warning = self.tr(
                "⚠ Let op: volgens de voorraad is er geen %1 meer (%2). Laat de coördinator "
                "natellen."
            )
        elif stock.below_minimum:
            warning = self.tr("⚠ Let op: voorraad %1 is laag (%2).")
        else:
            self.show_feedback(OK_STYLE, text)
            return
        warning = warning.replace("%1", name).replace("%2", stock.text)
        self.show_feedback(WARNING_STYLE, f"{text} {warning}")

    @Slot()
    def undo_last(self) -> None:
        """F7: undo this household's last hand-out, within the undo time, after a question."""
        if (panel := self._scanned_panel()) is None:
            return
        last = self.services.supplies.last_hand_out(panel.household_id)
        if last is None or not last.undoable:
            self.show_feedback(
                WARNING_STYLE,
                self.tr(
                    "⚠ Dit huishouden kreeg de laatste %1 minuten niets dat terug te draaien is."
                ).replace("%1", str(UNDO_MINUTES)),
            )
            self.scan_field.setFocus()
            return
        when = format_clock(parse_iso(last.at), self.services.ctx.clock.now()) if last.at else "?"
        question = NeedsConfirmation(
            self.tr("Uitgifte van %1 terugdraaien?").replace("%1", when),
            [hand_out_words(last)],
        )
        supplies, hand_out_id = self.services.supplies, last.id
        self._track(
            ask_to_confirm(
                self,
                question,
                lambda _reason: self.writes.write(
                    lambda: supplies.undo_hand_out(hand_out_id), self._undone
                ),
                confirm_text=self.tr("Terugdraaien"),
                on_cancel=self._not_done,
            )
        )

    def _undone(self, result: HandOut) -> None:
        self.show_feedback(
            OK_STYLE,
            self.tr("✔ Teruggedraaid: %1. De voorraad is weer bijgeteld.").replace(
                "%1", hand_out_words(result)
            ),
        )

    @Slot()
    def new_need(self) -> None:
        """F4: note a need of this household."""
        if (panel := self._scanned_panel()) is not None:
            self._open_saving(
                QuickNeedDialog(self.app, panel.household_id, panel.pretty_code, self),
                lambda need: (
                    self.tr("✔ Hulpvraag genoteerd: %1 (%2).")
                    .replace("%1", label(need.category))
                    .replace("%2", label(need.urgency))
                ),
            )

    @Slot()
    def new_ticket(self) -> None:
        """F5: a charging ticket for a device of this household."""
        if (panel := self._scanned_panel()) is not None:
            dialog = NewTicketDialog(self.app, self)
            dialog.card.setText(cards.qr_text(panel.post_code, panel.card_code))
            dialog.check_card()
            dialog.device.setFocus()
            self._open_saving(
                dialog,
                lambda ticket: (
                    self.tr("✔ Oplaadbon %1 gemaakt: %2. Schrijf nummer %1 op de bon.")
                    .replace("%1", str(ticket.number))
                    .replace("%2", ticket.device)
                ),
            )

    @Slot()
    def safe_and_well(self) -> None:
        """F6: a safe-and-well message of someone of this household."""
        if (panel := self._scanned_panel()) is not None:
            dialog = MessagesFormDialog(self.app, household_id=panel.household_id, parent=self)
            dialog.name.setText(panel.name or "")
            self._open_saving(
                dialog, lambda _message: self.tr("✔ Veilig-en-welbericht opgeslagen.")
            )

    def _open_saving(self, dialog: SavingDialog, words: Callable[[Any], str]) -> None:
        """Open a form about this household; when saved, show the words and the new state."""

        def saved(result: object) -> None:
            self.refresh()
            self.show_feedback(OK_STYLE, words(result))

        dialog.saved.connect(saved)
        self._open(dialog)

    @Slot()
    def request_alarm(self) -> None:
        """F9: ask the window to open the alarm form (the Meldingen page)."""
        self.alarm_requested.emit()

    def _scanned_panel(self) -> HouseholdPanel | None:
        """The household at the desk; without one, says to scan a card first."""
        if self.panel is None:
            self.show_feedback(WARNING_STYLE, self.tr("⚠ Scan eerst een kaart."))
            self.scan_field.setFocus()
        return self.panel

    # ------------------------------------------------------------------ intake

    @Slot()
    def new_household(self) -> None:
        """Ctrl+N: register a household that has no card yet (a fresh card is printed)."""
        self.start_intake(None)

    def start_intake(self, card_code: str | None) -> IntakeDialog:
        """Open the intake (with a pre-printed card's code, or a fresh card)."""
        dialog = IntakeDialog(self.app, card_code, self)
        fresh = card_code is None
        dialog.saved.connect(lambda registered: self._registered(registered, fresh=fresh))
        dialog.existing_chosen.connect(self.show_household)
        self._open(dialog)
        return dialog

    def _registered(self, registered: Registered, *, fresh: bool) -> None:
        self.show_household(registered.household_id)
        self.refresh()
        text = self.tr("✔ Ingeschreven: huishouden %1.").replace("%1", registered.pretty_code)
        if not fresh:
            self.show_feedback(
                OK_STYLE, text + " " + self.tr("De voorgedrukte kaart is nu van dit huishouden.")
            )
            return
        self.show_feedback(OK_STYLE, text)
        # Print once the intake dialog has closed (a print dialog may open over the desk).
        QTimer.singleShot(0, lambda: self._print(registered, text))

    def _print(self, registered: Registered, text: str) -> None:
        done = self.print_card(registered) if self.print_card is not None else False
        problem = f"{text} " + (
            self.tr("⚠ Afdrukken is hier niet ingesteld: schrijf de code %1 op een kaart.")
            if self.print_card is None
            else self.tr("⚠ De kaart is niet afgedrukt: schrijf de code %1 op een kaart.")
        )
        if done is False:
            self.show_feedback(WARNING_STYLE, problem.replace("%1", registered.pretty_code))
        else:  # printed, or saved as PDF: the hook says where
            shown = done if isinstance(done, str) else self.tr("De kaart is afgedrukt.")
            self.show_feedback(OK_STYLE, f"{text} {shown}")
        self.scan_field.setFocus()
