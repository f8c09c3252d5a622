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
⇧F2   Uitgeven: any item, any amount (⇧F3, ⇧F8: the list starts at their item)
F4    Hulpvraag            F5  Opladen       F6  Veilig en wel
F7    Terugdraaien: undo the last hand-out (within a few minutes)
F9    NOODMELDING (emits :attr:`DeskPage.alarm_requested`)
====  =======================================================

A returning household is served with the scan plus at most two key presses (F1, F2). A
hand-out beyond the ration asks for a reason first. An unused pre-printed code, or *Nieuw
huishouden* (Ctrl+N), starts an intake; a fresh card is printed through :attr:`print_card`.
A name typed in the scan field (or Ctrl+F) finds the household; Ctrl+P prints its card again,
Ctrl+K replaces a lost card (:mod:`noodpost.gui.pages.desk_cards`).
Feedback is green for done, amber for a warning, red for a refusal — always with words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
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
from noodpost.core.cards import InvalidCode
from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.core.presence import over_capacity
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.confirm import ask_to_confirm
from noodpost.gui.dialogs.intake import IntakeDialog
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.desk_cards import DeskCards
from noodpost.gui.pages.desk_forms import DeskForms
from noodpost.gui.pages.desk_reads import DeskView, Scanned, read_desk, read_household, read_scan
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
from noodpost.services.intake import CardReplaced, CardState, Registered
from noodpost.services.supplies import UNDO_MINUTES
from noodpost.services.supply_types import HandOut, Item
from noodpost.services.visits import CheckedIn, CheckedOut

#: Shown for a refusal: red, and always the words.
REFUSED_STYLE = "background: #f8d7da; color: #58151c; padding: 8px; border: 1px solid #b00020;"
INFO_STYLE = "background: #e7f1ff; color: #052c65; padding: 8px; border: 1px solid #9ec5fe;"
#: What the panel shows, and what else the desk's buttons and lists depend on.
_PANEL_ENTITIES = ("household", "visit", "distribution", "need", "charging_ticket")
_OTHER_ENTITIES = ("safe_message", "supply_item", "post", "card_batch", "stock_movement")


class DeskPage(Page):
    """The desk.

    Signals:
        alarm_requested(): the volunteer pressed NOODMELDING (F9); the window opens the form.

    Args:
        print_card: prints or saves a household's card: a newly registered one's (a fresh
            code; a pre-printed card is already in the resident's hand), the same card again
            (Ctrl+P) or a lost card's replacement (Ctrl+K); returns ``False`` when the card
            was not printed, a text when it was saved as PDF (where), else ``True``/``None``.
            ``None``: printing is not set up here.
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
        scan_clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(app, QCoreApplication.translate("DeskPage", "Balie"), parent)
        self.setObjectName("desk_page")
        self.print_card = print_card
        self.desk = DeskService(app.services.ctx)
        self.panel: HouseholdPanel | None = None
        self.undoable: HandOut | None = None  # the household's hand-out F7 may undo
        self.quick_items: list[Item] = []
        self.dialog: QDialog | None = None
        self.writes: DeskWrites[DeskView] = DeskWrites(
            self,
            app.runner,
            reader=self._reader,
            finished=self._write_finished,
            refused=self._write_refused,
            track=self._track,
        )
        self.forms = DeskForms(self)
        self.cards = DeskCards(self)

        layout = self.layout_
        layout.addLayout(self._build_scan_row(scan_clock))
        layout.addWidget(self._build_stock_hint())
        layout.addWidget(self._build_feedback())
        layout.addLayout(self._build_middle(), 1)
        layout.addWidget(self._build_buttons())
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_household)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setTabOrder(self.scan_field, self.checkin_button)

    def _build_scan_row(self, scan_clock: Callable[[], float] | None) -> QHBoxLayout:
        self.scan_field = ScanField(clock=scan_clock)
        self.scan_field.setObjectName("scan_field")
        self.scan_field.setPlaceholderText(self.tr("7K3Q-9XW2, of een naam: Bakker 1950"))
        panel_font(self.scan_field, extra=2)
        self.scan_field.setMinimumHeight(44)
        self.scan_field.scanned.connect(self.on_scanned)
        scan_label = QLabel(self.tr("&Scan of typ kaartcode:"))
        scan_label.setBuddy(self.scan_field)
        panel_font(scan_label)
        self.new_button = QPushButton(self.tr("Nieuw huishouden (Ctrl+N)"))
        self.new_button.setObjectName("desk_new_household")
        self.new_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.new_button.clicked.connect(self.cards.new_household)
        self.occupancy = QLabel()
        self.occupancy.setObjectName("desk_occupancy")
        panel_font(self.occupancy, bold=True)
        row = QHBoxLayout()
        row.addWidget(scan_label)
        row.addWidget(self.scan_field, 1)
        row.addWidget(self.new_button)
        self.heading_row.addWidget(self.occupancy)  # beside "Balie": the scan field's room
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
                "beginvoorraad: Ctrl+4 (Uitgifte & voorraad), dan Alt+B (Beginvoorraad boeken)."
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
        left = QVBoxLayout()
        left.addWidget(self.panel_view, 1)
        left.addWidget(self.cards.card_row)
        middle = QHBoxLayout()
        middle.addLayout(left, 1)
        middle.addWidget(box)
        return middle

    def _build_buttons(self) -> DeskButtons:
        bar = DeskButtons()
        self.checkin_button, self.quick_buttons = bar.checkin, bar.quick
        self.undo_button = bar.undo
        quick = [
            (button, key, self._quick_slot(index))
            for index, (button, key) in enumerate(zip(bar.quick, QUICK_KEYS, strict=True))
        ]
        bar.connect_keys(
            self,
            [
                (bar.checkin, Qt.Key.Key_F1, self.toggle_presence),
                *quick,
                (bar.need, Qt.Key.Key_F4, self.forms.new_need),
                (bar.charging, Qt.Key.Key_F5, self.forms.new_ticket),
                (bar.safe, Qt.Key.Key_F6, self.forms.safe_and_well),
                (bar.undo, Qt.Key.Key_F7, self.undo_last),
                (bar.alarm, Qt.Key.Key_F9, self.request_alarm),
            ],
        )
        bar.connect_hand_out(self, self.forms.hand_out_any)
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

    @Slot(object)
    def on_entities_changed(self, entities: frozenset[str]) -> None:
        """While a write of the desk's own is under way, the refresh that follows it (and sees
        this change too) is the only one: one panel query per hand-out (issue 15)."""
        if self.writes.busy:
            return
        super().on_entities_changed(entities)

    @Slot()
    def refresh(self) -> None:
        """Read the desk (for the household on screen) off the GUI thread, then show it."""
        self.runner.read(self._reader(), self.show_loaded, key=self, owner=self)

    def _reader(self) -> Callable[[], DeskView]:
        household_id = self.panel.household_id if self.panel is not None else None
        return partial(read_desk, self.services, self.desk, household_id)

    def show_loaded(self, view: DeskView) -> None:
        self.quick_items = view.quick_items
        if self.panel is not None and self.panel.household_id == view.household_id:
            if view.panel is None:  # removed meanwhile (a purge): keep what is being typed
                self._close_panel()
            else:
                self._show(view.panel, view.undoable)
        elif self.panel is None:
            self._update_buttons(None)
        self.stock_hint.setVisible(not view.stock_booked)
        present, capacity = view.present, view.capacity
        if over_capacity(present, capacity):  # core.presence: the one rule
            self.occupancy.setText(
                self.tr("⚠ Vol: %1 / %2").replace("%1", str(present)).replace("%2", str(capacity))
            )
            self.occupancy.setStyleSheet(WARNING_STYLE)
        else:
            of = f" / {capacity}" if capacity is not None else ""
            self.occupancy.setText(self.tr("Aanwezig: %1").replace("%1", f"{present}{of}"))
            self.occupancy.setStyleSheet("")
        self.recent.clear()
        for action in view.recent:
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
        if self.cards.is_search(text):  # a name (no code): find the household
            self.cards.find(text)
            return
        self.runner.read(
            partial(read_scan, self.services, self.desk, text),
            partial(self._scanned, burst),
            key=(self, "scan"),
            on_user_error=partial(self._scan_refused, burst),
            owner=self,
        )

    def _scan_refused(self, burst: bool, error: UserError) -> None:
        self._close_panel()
        words = "✖ " + error.message
        if isinstance(error, CardReplaced):
            words += " " + self.tr("Typ daarvoor de naam en Enter, of druk op Ctrl+F.")
        elif isinstance(error, InvalidCode):
            words += " " + self.tr("Zoeken op naam: typ de naam en Enter, of Ctrl+F.")
        self.show_feedback(REFUSED_STYLE, words)
        if burst:
            self.scan_field.clear_for_next()
        else:
            self.scan_field.selectAll()  # a typo: correct it, or type over it

    def _scanned(self, burst: bool, scanned: Scanned) -> None:
        found, panel = scanned.found, scanned.panel
        self.scan_field.clear_for_next()
        if panel is None:
            if found is not None and found.state is CardState.UNUSED:
                self._close_panel()
                self.show_feedback(
                    INFO_STYLE,
                    self.tr("Kaart %1 is nog niet uitgegeven: schrijf het huishouden in.").replace(
                        "%1", cards.pretty(found.code)
                    ),
                )
                self.start_intake(found.code)
            return
        self._show(panel, scanned.undoable)
        self.show_feedback(
            INFO_STYLE,
            (self.tr("Kaart %1 gescand.") if burst else self.tr("Kaart %1 gevonden.")).replace(
                "%1", panel.pretty_code
            ),
        )

    def show_household(
        self,
        household_id: str,
        told: tuple[str, str] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Open a household's panel (after an intake, or a duplicate chosen there): what was
        typed or refused before belongs to no household on screen, so it goes. ``told``:
        the style and words to show once it is open (else "Huishouden … geopend."); ``then``:
        what to do next, once it is open (print its card)."""
        self.runner.read(
            partial(read_household, self.services, self.desk, household_id),
            partial(self._household_opened, told, then),
            key=(self, "scan"),
            on_user_error=self._household_refused,
            owner=self,
        )

    def _household_opened(
        self,
        told: tuple[str, str] | None,
        then: Callable[[], None] | None,
        opened: Scanned,
    ) -> None:
        assert opened.panel is not None
        self._show(opened.panel, opened.undoable)
        self.scan_field.clear_for_next()
        self.show_feedback(
            *(
                told
                or (
                    INFO_STYLE,
                    self.tr("Huishouden %1 geopend.").replace("%1", opened.panel.pretty_code),
                )
            )
        )
        self.scan_field.setFocus()
        if then is not None:
            then()

    def _household_refused(self, error: UserError) -> None:
        self.show_feedback(REFUSED_STYLE, "✖ " + error.message)
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
        self._update_buttons(None)

    def _show(self, panel: HouseholdPanel, undoable: HandOut | None) -> None:
        self.panel = panel
        self.panel_view.show_panel(panel, [item.id for item in self.quick_items])
        self._update_buttons(undoable)

    def _update_buttons(self, undoable: HandOut | None) -> None:
        # F7 undoes the household's own last hand-out (read with its panel), never another's.
        self.undoable = undoable
        self.buttons.show_state(self.panel, self.quick_items, undoable)
        self.cards.show_state(has_household=self.panel is not None)

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

    def _write_finished(self, view: DeskView | None) -> None:
        """A write ended: show the desk it read right after (or, refused, read it again)."""
        if view is None:
            self.refresh()
        else:
            self.show_loaded(view)
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
        last = self.undoable  # read with the panel; the undo time may have run out since
        if (
            last is None
            or last.household_id != panel.household_id
            or not last.undoable_at(self.services.ctx.clock.now())
        ):
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
    def request_alarm(self) -> None:
        """F9: ask the window to open the alarm form (the Meldingen page)."""
        self.alarm_requested.emit()

    def _scanned_panel(self) -> HouseholdPanel | None:
        """The household at the desk; without one, says to scan a card first."""
        if self.panel is None:
            self.show_feedback(WARNING_STYLE, self.tr("⚠ Scan eerst een kaart."))
            self.scan_field.setFocus()
        return self.panel

    # ------------------------------------------------------------------ intake and cards

    def start_intake(self, card_code: str | None) -> IntakeDialog:
        """Open the intake (with a pre-printed card's code, or a fresh card)."""
        return self.cards.start_intake(card_code)
