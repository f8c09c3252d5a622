"""*Papier invoeren*: one paper form after another, typed in as it was written.

The form's card code, the date and the times on the paper, the household (only for a card not
yet in use), and what was ticked in the tally grid. Enter saves the form and clears the fields
for the next one; Escape closes. A likely duplicate asks whose form it is — never merged by
itself — and a hand-out beyond that day's ration asks for the reason, as at the desk
(:mod:`noodpost.services.paper_entry` holds every rule).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from noodpost.core import cards
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.core.localtime import local_day, local_time
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.confirm import ask_to_confirm
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.dialogs.supplies_forms import parse_quantity, quantity_field
from noodpost.services.intake import MAX_HOUSEHOLD
from noodpost.services.paper_entry import (
    DuplicateHousehold,
    Entered,
    PaperEntryService,
    PaperForm,
    form_moment,
)

OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 6px; border: 1px solid #75b798;"
#: Items shown at least; the rest scroll (the catalogue has fifteen).
ROWS_SHOWN = 5


class PaperEntryDialog(SavingDialog):
    """Type in paper forms, one after another.

    Attributes:
        entered: how many forms were saved since the dialog opened.
    """

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, self.tr("Papier invoeren"), parent)
        self.setObjectName("paper_entry_dialog")
        self.setMinimumWidth(700)
        self.save_button.setText(self.tr("Formulier opslaan"))
        self.service = PaperEntryService(app.services.ctx)
        self.entered = 0
        self._choice: dict[str, Any] = {}  # a reviewed duplicate or a reason, for the retry
        intro = QLabel(
            self.tr(
                "Typ een papieren formulier over zoals het is ingevuld: de tijd van het papier "
                "telt, niet de tijd van nu. Enter slaat het op; daarna is het volgende "
                "formulier aan de beurt. Huishouden: alleen invullen als de kaart nog niet was "
                "uitgegeven."
            )
        )
        intro.setWordWrap(True)
        self.done_line = QLabel()
        self.done_line.setObjectName("paper_entry_done")
        self.done_line.setWordWrap(True)
        self.done_line.setStyleSheet(OK_STYLE)
        self.done_line.hide()

        self.card = self._line("paper_card", "7K3Q-9XW2")
        today = local_time(app.services.ctx.clock.now())
        self.day = self._line("paper_day", "29-11")
        self.day.setText(f"{today.day}-{today.month}-{today.year}")
        self.arrived = self._line("paper_arrived", "14:00")
        self.left = self._line("paper_left", self.tr("nog binnen"))
        self.persons = QSpinBox()
        self.persons.setObjectName("paper_size")
        self.persons.setRange(0, MAX_HOUSEHOLD)
        self.persons.setSpecialValueText(self.tr("—"))
        self.name = self._line("paper_name", "")
        self.birth_year = self._line("paper_birth_year", "")
        self.postcode = self._line("paper_postcode", "")

        form = self._build_form()
        scroll = self._build_amounts(app)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.done_line)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("<b>Uitgegeven (volgens het turfschema)</b>")))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        chain = [
            self.card,
            self.day,
            self.arrived,
            self.left,
            self.persons,
            self.name,
            self.birth_year,
            self.postcode,
            *self.amounts.values(),
            self.save_button,
        ]
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)
        self.card.setFocus()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("&Kaartcode:"), self.card)
        times = QHBoxLayout()
        for field in (self.day, self.arrived, self.left):
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("30-11-2026") + 24)
        times.addWidget(self.day)
        arrived_label = QLabel(self.tr("&Aankomst:"))
        arrived_label.setBuddy(self.arrived)
        left_label = QLabel(self.tr("&Vertrek:"))
        left_label.setBuddy(self.left)
        for widget in (arrived_label, self.arrived, left_label, self.left):
            times.addWidget(widget)
        day_label = QLabel(self.tr("&Datum:"))
        day_label.setBuddy(self.day)
        form.addRow(day_label, times)
        form.addRow(self.tr("&Personen:"), self.persons)
        form.addRow(self.tr("&Naam:"), self.name)
        form.addRow(self.tr("&Geboortejaar:"), self.birth_year)
        form.addRow(self.tr("P&ostcode:"), self.postcode)
        return form

    def _build_amounts(self, app: AppContext) -> QScrollArea:
        """One amount field per item, as the form's tally grid lists them."""
        self.amounts: dict[str, QLineEdit] = {}
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setColumnStretch(0, 1)
        for row, item in enumerate(app.services.supplies.items()):
            field = quantity_field(f"paper_amount_{item.code}")
            field.setAccessibleName(item.name)
            grid.addWidget(QLabel(item.name), row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(QLabel(item.unit), row, 2)
            self.amounts[item.id] = field
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_box)
        scroll.setMinimumHeight(ROWS_SHOWN * (self.card.sizeHint().height() + 6))
        return scroll

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setPlaceholderText(placeholder)
        return field

    # ---------------------------------------------------------------- saving

    def form(self) -> PaperForm:
        """What was typed, as a form (raises a Dutch :class:`UserError` for a wrong date)."""
        today = local_day(self.app.services.ctx.clock.now())
        at = form_moment(self.day.text(), self.arrived.text(), today)
        left_text = self.left.text().strip()
        left_at = form_moment(self.day.text(), left_text, today) if left_text else None
        year_text = self.birth_year.text().strip()
        if year_text and not year_text.isdigit():
            raise UserError(
                self.tr("Geboortejaar '{year}' klopt niet: schrijf vier cijfers.").format(
                    year=year_text
                )
            )
        hand_outs = []
        for item_id, field in self.amounts.items():
            if field.text().strip():
                amount = parse_quantity(field.text())
                if math.isnan(amount):
                    raise UserError(
                        self.tr("{field}: vul een getal in, bijvoorbeeld 3 of 1,5.").format(
                            field=field.accessibleName()
                        )
                    )
                hand_outs.append((item_id, amount))
        return PaperForm(
            self.card.text(),
            at,
            size=self.persons.value() or None,
            name=self.name.text() or None,
            birth_year=int(year_text) if year_text else None,
            postcode=self.postcode.text() or None,
            left_at=left_at,
            hand_outs=tuple(hand_outs),
            **self._choice,
        )

    def build_call(self) -> Callable[[], Any]:
        try:
            form = self.form()
        except UserError as wrong:
            error = wrong

            def refuse() -> Entered:
                raise error

            return refuse
        service = self.service
        return lambda: service.enter(form)

    def _saved(self, info: object) -> None:
        """Keep the dialog open for the next form; say what this one became."""
        self.save_button.setEnabled(True)
        self.saved.emit(info)
        assert isinstance(info, Entered)
        self.entered += 1
        text = (
            self.tr("✔ Formulier %1 opgeslagen: huishouden %2 ingeschreven")
            if info.registered
            else self.tr("✔ Formulier %1 opgeslagen: huishouden %2")
        )
        count = self.tr("%n uitgifte(n)", "", info.hand_outs)
        self.done_line.setText(
            text.replace("%1", str(self.entered)).replace("%2", info.pretty_code)
            + f", {count}. "
            + self.tr("Nu het volgende formulier.")
        )
        self.done_line.show()
        self._choice = {}
        for field in (self.card, self.arrived, self.left, self.name, self.birth_year):
            field.clear()
        self.postcode.clear()
        self.persons.setValue(0)
        for field in self.amounts.values():
            field.clear()
        self.card.setFocus()

    def _refused(self, error: UserError) -> None:
        if isinstance(error, DuplicateHousehold):
            self.save_button.setEnabled(True)
            self._ask_whose(error)
        elif isinstance(error, NeedsConfirmation):
            self.save_button.setEnabled(True)
            ask_to_confirm(
                self,
                error,
                lambda reason: self._retry(reason=reason),
                confirm_text=self.tr("Toch uitgeven"),
            )
        else:
            super()._refused(error)

    def _ask_whose(self, question: DuplicateHousehold) -> None:
        box = QMessageBox(self)
        box.setObjectName("paper_duplicate")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Bestaand huishouden?"))
        box.setText(question.message)
        for household in question.households:
            button = box.addButton(
                self.tr("&Ja: kaart %1").replace("%1", cards.pretty(household.card_code)),
                QMessageBox.ButtonRole.AcceptRole,
            )
            button.clicked.connect(
                lambda _c=False, chosen=household.id: self._retry(household_id=chosen)
            )
        new = box.addButton(self.tr("&Nee, nieuw huishouden"), QMessageBox.ButtonRole.ActionRole)
        new.clicked.connect(lambda: self._retry(new_household=True))
        back = box.addButton(self.tr("&Terug"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.open()

    def _retry(self, **choice: Any) -> None:
        self._choice |= choice
        self.submit()
