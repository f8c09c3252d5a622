"""The desk's forms about the household on screen (issue 18): F4 a need, F5 a charging ticket,
F6 a safe-and-well message, and Shift+F2 (Shift+F3, Shift+F8) any item in any amount.

Each form opens over the desk; when it closes, the scan field has the focus again. A need, a
ticket or a message is saved by its own form; a hand-out chosen in *Uitgeven* goes through the
desk's writes (:class:`~noodpost.gui.pages.desk_writes.DeskWrites`), like F2: the ration check
and its question are the same, and Escape leaves *Niets opgeslagen.*
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QDialog

from noodpost.core import cards
from noodpost.gui.dialogs.charging_ticket import NewTicketDialog
from noodpost.gui.dialogs.hand_out import HandOutDialog
from noodpost.gui.dialogs.messages_form import MessagesFormDialog
from noodpost.gui.dialogs.quick_need import QuickNeedDialog
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import label
from noodpost.gui.widgets.household_panel import OK_STYLE

if TYPE_CHECKING:
    from noodpost.gui.pages.desk import DeskPage


class DeskForms(QObject):
    """Opens the desk's forms for the household the page shows (its texts keep the context
    ``DeskPage``, where they were translated before they moved here).

    Args:
        page: the desk; its household, feedback line, writes and open dialog.
    """

    def __init__(self, page: DeskPage) -> None:
        super().__init__(page)
        self._page = page

    @Slot()
    def new_need(self) -> None:
        """F4: note a need of this household."""
        page = self._page
        if (panel := page._scanned_panel()) is not None:
            self._open_saving(
                QuickNeedDialog(page.app, panel.household_id, panel.pretty_code, page),
                lambda need: (
                    QCoreApplication.translate("DeskPage", "✔ Hulpvraag genoteerd: %1 (%2).")
                    .replace("%1", label(need.category))
                    .replace("%2", label(need.urgency))
                ),
            )

    @Slot()
    def new_ticket(self) -> None:
        """F5: a charging ticket for a device of this household."""
        page = self._page
        if (panel := page._scanned_panel()) is not None:
            dialog = NewTicketDialog(page.app, page)
            dialog.card.setText(cards.qr_text(panel.post_code, panel.card_code))
            dialog.check_card()
            dialog.device.setFocus()
            self._open_saving(
                dialog,
                lambda ticket: (
                    QCoreApplication.translate(
                        "DeskPage", "✔ Oplaadbon %1 gemaakt: %2. Schrijf nummer %1 op de bon."
                    )
                    .replace("%1", str(ticket.number))
                    .replace("%2", ticket.device)
                ),
            )

    @Slot()
    def safe_and_well(self) -> None:
        """F6: a safe-and-well message of someone of this household."""
        page = self._page
        if (panel := page._scanned_panel()) is not None:
            dialog = MessagesFormDialog(page.app, household_id=panel.household_id, parent=page)
            dialog.name.setText(panel.name or "")
            self._open_saving(
                dialog,
                lambda _message: QCoreApplication.translate(
                    "DeskPage", "✔ Veilig-en-welbericht opgeslagen."
                ),
            )

    def _open_saving(self, dialog: SavingDialog, words: Callable[[Any], str]) -> None:
        """Open a form about this household; when saved, show the words and the new state."""
        page = self._page

        def saved(result: object) -> None:
            page.refresh()
            page.show_feedback(OK_STYLE, words(result))

        dialog.saved.connect(saved)
        page._open(dialog)

    def hand_out_any(self, index: int) -> None:
        """Shift+F2, Shift+F3, Shift+F8: *Uitgeven* — any item, any amount; the list starts
        at the quick item of that key."""
        page = self._page
        if (panel := page._scanned_panel()) is None:
            return
        quick = page.quick_items
        preset = quick[index].id if index < len(quick) else None
        supplies, household_id = page.services.supplies, panel.household_id
        dialog = HandOutDialog(supplies.items(), panel, preset, page)

        def finished(result: int) -> None:
            chosen = dialog.choice() if result == QDialog.DialogCode.Accepted else None
            dialog.deleteLater()
            if chosen is None:
                page._not_done()
                return
            item_id, quantity = chosen[0].id, chosen[1]
            page.writes.write(
                lambda: supplies.hand_out(household_id, item_id, quantity),
                page._handed_out,
                retry=lambda reason: (
                    lambda: supplies.hand_out(household_id, item_id, quantity, reason)
                ),
                confirm_text=QCoreApplication.translate("DeskPage", "Toch uitgeven"),
            )

        page._open(dialog)  # first: the scan field has the focus again, then the write
        dialog.finished.connect(finished)
