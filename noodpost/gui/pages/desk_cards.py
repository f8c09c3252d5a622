"""The desk's cards and households: intake, finding by name, reprinting and reissuing a card.

====================  ==============================================================
Ctrl+N                *Nieuw huishouden*: an intake; a fresh card is printed
Ctrl+F, or a name     *Zoeken op naam*: this post's households by (part of) the name,
typed + Enter         a birth year or postcode narrows it; Enter opens one, Esc goes back
Ctrl+P                *Kaart opnieuw afdrukken*: the same card of the household on screen
Ctrl+K                *Nieuwe kaart (kwijt)*: after a question, a new card; the old code then
                      says it was replaced (DESIGN §3.5)
====================  ==============================================================

Every card goes through the page's :attr:`~noodpost.gui.pages.desk.DeskPage.print_card`.
When a card was not printed (the print dialog cancelled), the desk says how to try again
(Ctrl+P) and, failing that, to write the code on a card.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from noodpost.core import cards
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.gui.dialogs.confirm import ask_to_confirm
from noodpost.gui.dialogs.household_search import HouseholdSearchDialog, no_match_text
from noodpost.gui.dialogs.intake import IntakeDialog
from noodpost.gui.widgets.household_panel import OK_STYLE, WARNING_STYLE
from noodpost.services.household_search import HouseholdSearch, SearchResult
from noodpost.services.intake import Registered

if TYPE_CHECKING:
    from noodpost.gui.pages.desk import DeskPage

#: The desk's card keys (shown on the buttons and in Hulp → Sneltoetsen).
FIND_KEY = "Ctrl+F"
REPRINT_KEY = "Ctrl+P"
REISSUE_KEY = "Ctrl+K"


class DeskCards(QObject):
    """The card actions of one desk page, with their buttons and keys.

    Attributes:
        card_row: under the panel, *Zoeken op naam*, *Kaart opnieuw afdrukken* and *Kaart
            kwijt: nieuwe kaart*, each with its key.
    """

    def __init__(self, page: DeskPage) -> None:
        super().__init__(page)
        self.page = page
        self.finder = HouseholdSearch(page.app.services.ctx)
        self.find_button = self._button(
            "desk_find",
            self.tr("Zoeken op naam (Ctrl+F)"),
            self.tr("Kaart vergeten of kwijt? Zoek het huishouden op naam en geboortejaar."),
            self.find,
        )
        self.reprint_button = self._button(
            "desk_reprint",
            self.tr("Opnieuw afdrukken (Ctrl+P)"),
            self.tr("De kaart van dit huishouden opnieuw afdrukken, met dezelfde code."),
            self.reprint,
        )
        self.reissue_button = self._button(
            "desk_reissue",
            self.tr("Kaart kwijt (Ctrl+K)"),
            self.tr("Een nieuwe kaart maken; de oude kaart werkt daarna niet meer."),
            self.reissue,
        )
        self.card_row = QWidget()
        row = QHBoxLayout(self.card_row)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.find_button, self.reprint_button, self.reissue_button):
            row.addWidget(button)
        for key, action in (
            (FIND_KEY, self.find),
            (REPRINT_KEY, self.reprint),
            (REISSUE_KEY, self.reissue),
            ("Ctrl+N", self.new_household),
        ):
            shortcut = QShortcut(QKeySequence(key), page, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setAutoRepeat(False)
        self.show_state(has_household=False)

    def _button(self, name: str, text: str, tip: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        # Never wider than its share of the panel: the window must fit 1366 pixels.
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        button.setMinimumWidth(120)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves focus in the scan field
        button.clicked.connect(lambda _checked=False: action())
        return button

    def show_state(self, *, has_household: bool) -> None:
        """The card buttons act on the household on screen: enabled only with one."""
        self.reprint_button.setEnabled(has_household)
        self.reissue_button.setEnabled(has_household)

    # ------------------------------------------------------------------ finding by name

    def is_search(self, text: str) -> bool:
        """Whether what was typed in the scan field is a name to search, not a code."""
        return self.finder.is_search(text)

    @Slot()
    def find(self, text: str = "") -> None:
        """Ctrl+F (empty), or a name typed in the scan field: search (on the runner's thread:
        a search is audited), then choose in a list."""
        page = self.page
        if not text:
            self._choose("", None)
            return
        page.runner.run(
            partial(self.finder.search, text),
            partial(self._found, text),
            on_user_error=self._search_refused,
            parent=page,
        )

    def _search_refused(self, error: UserError) -> None:
        self.page.show_feedback(WARNING_STYLE, "⚠ " + error.message)
        self.page.scan_field.selectAll()

    def _found(self, text: str, result: SearchResult) -> None:
        page = self.page
        page.scan_field.selectAll()  # no match: type over it; Esc in the list: back here
        if not result.matches:  # say so at the desk: type over it, or Ctrl+N
            page.show_feedback(WARNING_STYLE, "⚠ " + no_match_text(text, at_desk=True))
            return
        self._choose(text, result)

    def _choose(self, text: str, result: SearchResult | None) -> None:
        page = self.page
        dialog = HouseholdSearchDialog(self.finder.search, page.runner, text, result, page)
        dialog.chosen.connect(page.show_household)
        page._open(dialog)

    # ------------------------------------------------------------------ intake

    @Slot()
    def new_household(self) -> None:
        """Ctrl+N: register a household that has no card yet (a fresh card is printed)."""
        self.start_intake(None)

    def start_intake(self, card_code: str | None) -> IntakeDialog:
        """Open the intake (with a pre-printed card's code, or a fresh card)."""
        page = self.page
        dialog = IntakeDialog(page.app, card_code, page)
        fresh = card_code is None
        dialog.saved.connect(lambda registered: self._registered(registered, fresh=fresh))
        dialog.existing_chosen.connect(page.show_household)
        page._open(dialog)
        return dialog

    def _registered(self, registered: Registered, *, fresh: bool) -> None:
        page = self.page
        text = self.tr("✔ Ingeschreven: huishouden %1.").replace("%1", registered.pretty_code)
        page.refresh()
        if not fresh:
            said = text + " " + self.tr("De voorgedrukte kaart is nu van dit huishouden.")
            page.show_household(registered.household_id, told=(OK_STYLE, said))
            return
        # Print once the intake dialog has closed and the household is on screen (a print
        # dialog may open over the desk).
        page.show_household(
            registered.household_id,
            told=(OK_STYLE, text),
            then=lambda: QTimer.singleShot(0, lambda: self._print(registered, text)),
        )

    # ------------------------------------------------------------------ the card on screen

    @Slot()
    def reprint(self) -> None:
        """Ctrl+P: print the card of the household on screen again — the same code."""
        if (panel := self.page._scanned_panel()) is None:
            return
        registered = Registered(
            panel.household_id,
            panel.card_code,
            cards.qr_text(panel.post_code, panel.card_code),
            panel.pretty_code,
        )
        self._print(
            registered,
            "",
            self.tr("✔ Kaart %1 is opnieuw afgedrukt (dezelfde code).").replace(
                "%1", panel.pretty_code
            ),
        )

    @Slot()
    def reissue(self) -> None:
        """Ctrl+K: a lost card — after a question, a new card; the old one stops working."""
        page = self.page
        if (panel := page._scanned_panel()) is None:
            return
        old = panel.pretty_code
        question = NeedsConfirmation(
            self.tr("Nieuwe kaart maken voor huishouden %1?").replace("%1", old),
            [
                self.tr(
                    "De oude kaart %1 werkt daarna niet meer: wie hem scant, krijgt te horen "
                    "dat hij vervangen is."
                ).replace("%1", old),
                self.tr(
                    "Is de kaart er nog en alleen onleesbaar? Ga terug en druk op Ctrl+P: "
                    "dezelfde kaart opnieuw afdrukken."
                ),
            ],
        )
        intake, household_id = page.services.intake, panel.household_id
        page._track(
            ask_to_confirm(
                page,
                question,
                lambda _reason: page.writes.write(
                    lambda: intake.reissue(household_id),
                    lambda registered: self._reissued(registered, old),
                ),
                confirm_text=self.tr("&Nieuwe kaart maken"),
                title=self.tr("Kaart kwijt: nieuwe kaart"),
                on_cancel=page._not_done,
            )
        )

    def _reissued(self, registered: Registered, old: str) -> None:
        text = (
            self.tr("✔ Nieuwe kaart %1 gemaakt; de oude kaart %2 werkt niet meer.")
            .replace("%1", registered.pretty_code)
            .replace("%2", old)
        )
        self.page.show_feedback(OK_STYLE, text)
        QTimer.singleShot(0, lambda: self._print(registered, text))

    def _print(self, registered: Registered, text: str, printed: str = "") -> None:
        """Print a card; the feedback starts with ``text`` and says how it went (``printed``:
        the words when it was printed)."""
        page, code = self.page, registered.pretty_code
        done = page.print_card(registered) if page.print_card is not None else False
        if page.print_card is None:
            problem = self.tr(
                "⚠ Afdrukken is hier niet ingesteld: schrijf de code %1 op een kaart."
            )
        elif done is False:
            problem = self.tr(
                "⚠ De kaart is niet afgedrukt. Druk op Ctrl+P om opnieuw af te drukken, of "
                "schrijf de code %1 op een kaart."
            )
        else:  # printed, or saved as PDF: the hook says where
            if isinstance(done, str):
                printed = done
            printed = printed or self.tr("De kaart is afgedrukt.")
            page.show_feedback(OK_STYLE, f"{text} {printed}".strip())
            problem = ""
        if problem:
            page.show_feedback(WARNING_STYLE, f"{text} {problem.replace('%1', code)}".strip())
        page.scan_field.setFocus()
