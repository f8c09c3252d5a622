"""Forms for supply notices (*Leveringen*): dispatch, receipt, request, and a short text.

All are :class:`~noodpost.gui.dialogs.saving.SavingDialog` forms: the supply notices service
checks what was typed, and a refusal keeps the dialog open with the message under the fields.
Tests fill the fields (``quantities.set_quantity(...)``) and call ``submit()``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.dutch import format_amount
from noodpost.core.localtime import LOCAL_ZONE, local_time
from noodpost.core.vocabulary import Urgency
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.dialogs.supplies_forms import parse_quantity, quantity_field
from noodpost.gui.labels import label
from noodpost.gui.units import quantity_text
from noodpost.services.supplies import Item
from noodpost.services.supply_notices import (
    MAX_NOTE,
    Dispatch,
    Request,
    SupplyNoticesService,
)

#: How far ahead a new dispatch is expected by default.
DEFAULT_ARRIVAL_HOURS = 3


def _note_field(object_name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setMaxLength(MAX_NOTE)
    field.setPlaceholderText(placeholder)
    return field


class QuantitiesBox(QScrollArea):
    """Every item with a quantity field; an empty field means "not this item"."""

    def __init__(
        self,
        items: Sequence[Item],
        preset: Mapping[str, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notice_quantities")
        self.setWidgetResizable(True)
        self._items = list(items)
        self.fields: dict[str, QLineEdit] = {}
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(12)
        for row, item in enumerate(self._items):
            field = quantity_field(f"notice_quantity_{item.code}")
            if preset and item.id in preset:
                field.setText(format_amount(preset[item.id]))
            name = QLabel(item.name)
            name.setBuddy(field)
            grid.addWidget(name, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(QLabel(item.unit), row, 2)
            self.fields[item.id] = field
        grid.setColumnStretch(0, 1)
        self.setWidget(inner)
        self._height = min(420, 44 * max(3, len(self._items)))

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:
        # Asked as a minimum height (not set as one), so that the dialog's layout counts it:
        # a set minimum left the rows below lying on top of the list (issue 18, item 13).
        return QSize(super().minimumSizeHint().width(), self._height)

    def set_quantity(self, item_code: str, text: str) -> None:
        for item in self._items:
            if item.code == item_code:
                self.fields[item.id].setText(text)
                return
        raise KeyError(item_code)

    def lines(self) -> list[tuple[str, float]]:
        """(item id, quantity) for every filled field; NaN where the text is not a number."""
        found = []
        for item_id, field in self.fields.items():
            if field.text().strip():
                found.append((item_id, parse_quantity(field.text())))
        return found


def _when_row(app: AppContext, checkbox_text: str) -> tuple[QCheckBox, QDateTimeEdit, QHBoxLayout]:
    check = QCheckBox(checkbox_text)
    check.setObjectName("notice_has_arrival")
    check.setChecked(True)
    field = QDateTimeEdit()
    field.setObjectName("notice_arrival")
    field.setCalendarPopup(True)
    field.setDisplayFormat("dd-MM-yyyy HH:mm")
    moment = local_time(app.services.ctx.clock.now() + timedelta(hours=DEFAULT_ARRIVAL_HOURS))
    field.setDateTime(QDateTime(moment.year, moment.month, moment.day, moment.hour, 0, 0))
    check.toggled.connect(field.setEnabled)
    row = QHBoxLayout()
    row.addWidget(check)
    row.addWidget(field)
    row.addStretch(1)
    return check, field, row


class DispatchDialog(SavingDialog):
    """(hub) *Nieuwe levering*: to which post, what, when it is expected, a note."""

    def __init__(
        self,
        app: AppContext,
        notices: SupplyNoticesService,
        posts: Sequence[tuple[str, str]],
        items: Sequence[Item],
        request: Request | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("DispatchDialog", "Aanvraag beantwoorden met een levering")
            if request
            else QCoreApplication.translate("DispatchDialog", "Nieuwe levering")
        )
        super().__init__(app, title, parent)
        self.setObjectName("dispatch_dialog")
        self.setMinimumWidth(640)
        self._notices = notices
        self.request = request
        self.save_button.setText(self.tr("Levering versturen"))
        self.post = QComboBox()
        self.post.setObjectName("dispatch_post")
        for code, name in posts:
            self.post.addItem(f"{code}  {name}", code)
        if request is not None:
            self.post.setCurrentIndex(max(0, self.post.findData(request.post_code)))
            self.post.setEnabled(False)
        preset = {line.item_id: line.quantity for line in request.lines} if request else None
        self.quantities = QuantitiesBox(items, preset)
        self.has_arrival, self.arrival, arrival_row = _when_row(app, self.tr("&Verwachte aankomst"))
        self.note = _note_field(
            "dispatch_note", self.tr("bijvoorbeeld: met de brandweer mee, 2 pallets")
        )
        intro = QLabel(
            self.tr(
                "Vul in wat er naar de post gaat. De post meldt de ontvangst; dan telt het "
                "mee in de voorraad daar."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        post_label = QLabel(self.tr("&Naar post"))
        post_label.setBuddy(self.post)
        note_label = QLabel(self.tr("&Opmerking"))
        note_label.setBuddy(self.note)
        form.addRow(post_label, self.post)
        form.addRow(self.tr("Goederen"), self.quantities)
        form.addRow("", arrival_row)
        form.addRow(note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if request is not None:
            asked = QLabel(
                self.tr("Gevraagd door {post}: {lines}").format(
                    post=request.post_name, lines=request.lines_text
                )
            )
            asked.setObjectName("dispatch_request")
            asked.setWordWrap(True)
            layout.addWidget(asked)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if not posts:
            self.message.setText(
                self.tr(
                    "Nog geen posten bekend. Een post verschijnt hier na zijn eerste bundel "
                    "en uw goedkeuring."
                )
            )
            self.message.show()
            self.save_button.setEnabled(False)

    def arrival_time(self) -> datetime | None:
        if not self.has_arrival.isChecked():
            return None
        chosen = self.arrival.dateTime()
        day, clock = chosen.date(), chosen.time()
        return datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=LOCAL_ZONE
        )

    def build_call(self) -> Callable[[], Dispatch]:
        notices = self._notices
        code = str(self.post.currentData() or "")
        lines = self.quantities.lines()
        arrival = self.arrival_time()
        note = self.note.text()
        request_id = self.request.id if self.request else None
        return lambda: notices.dispatch(code, lines, arrival, note, request_id)


class ReceiptDialog(SavingDialog):
    """(post) *Ontvangst melden*: what arrived, per item (as sent unless changed)."""

    def __init__(
        self,
        app: AppContext,
        notices: SupplyNoticesService,
        dispatch: Dispatch,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            app, QCoreApplication.translate("ReceiptDialog", "Ontvangst melden"), parent
        )
        self.setObjectName("receipt_dialog")
        self.setMinimumWidth(600)
        self._notices = notices
        self.dispatch = dispatch
        self.save_button.setText(self.tr("Ontvangst melden"))
        intro = QLabel(
            self.tr(
                "Tel wat er is aangekomen. Klopt het met wat de C-NSP stuurde? Dan hoeft u "
                "niets te veranderen. Na het melden staat het in de voorraad."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Artikel")), 0, 0)
        grid.addWidget(QLabel(self.tr("Gestuurd")), 0, 1)
        grid.addWidget(QLabel(self.tr("Aangekomen")), 0, 2)
        self.fields: dict[str, QLineEdit] = {}
        self._sent: dict[str, float] = {}
        for row, line in enumerate(dispatch.lines, start=1):
            field = quantity_field(f"receipt_quantity_{row}")
            field.setText(format_amount(line.quantity))
            name = QLabel(line.name)
            name.setBuddy(field)
            grid.addWidget(name, row, 0)
            grid.addWidget(QLabel(quantity_text(line.quantity, line.unit)), row, 1)
            amount = QHBoxLayout()
            amount.addWidget(field)
            amount.addWidget(QLabel(line.unit))
            grid.addLayout(amount, row, 2)
            self.fields[line.item_id] = field
            self._sent[line.item_id] = line.quantity
        grid.setColumnStretch(0, 1)
        self.note = _note_field(
            "receipt_note", self.tr("verplicht als er iets anders aankwam dan gestuurd")
        )
        note_label = QLabel(self.tr("&Opmerking"))
        note_label.setBuddy(self.note)
        note_row = QFormLayout()
        note_row.addRow(note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if dispatch.note:
            sent_note = QLabel(self.tr("Opmerking van de C-NSP: {note}").format(note=dispatch.note))
            sent_note.setWordWrap(True)
            layout.addWidget(sent_note)
        layout.addLayout(grid)
        layout.addLayout(note_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def counted(self) -> dict[str, float] | None:
        """What arrived per item, or ``None`` when it is exactly what was sent."""
        counts = {k: parse_quantity(f.text()) for k, f in self.fields.items()}
        if all(not math.isnan(v) and abs(v - self._sent[k]) < 1e-9 for k, v in counts.items()):
            return None
        return counts

    def build_call(self) -> Callable[[], Dispatch]:
        notices = self._notices
        dispatch_id = self.dispatch.id
        counted = self.counted()
        note = self.note.text()
        return lambda: notices.confirm_receipt(dispatch_id, counted, note)


class RequestDialog(SavingDialog):
    """(post) *Aanvraag sturen*: what the post is short of, how urgent, and why."""

    def __init__(
        self,
        app: AppContext,
        notices: SupplyNoticesService,
        items: Sequence[Item],
        preset: Mapping[str, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            app, QCoreApplication.translate("RequestDialog", "Aanvraag naar de C-NSP"), parent
        )
        self.setObjectName("request_dialog")
        self.setMinimumWidth(620)
        self._notices = notices
        self.save_button.setText(self.tr("Aanvraag sturen"))
        intro = QLabel(
            self.tr(
                "Wat komt deze post tekort? De aanvraag gaat mee met de volgende "
                "synchronisatie; de C-NSP antwoordt met een levering of een bericht."
            )
        )
        intro.setWordWrap(True)
        self.quantities = QuantitiesBox(items, preset)
        self.urgency = QButtonGroup(self)
        urgency_row = QHBoxLayout()
        self._levels = [Urgency.NORMAL, Urgency.HIGH, Urgency.IMMEDIATE]
        for number, level in enumerate(self._levels):
            button = QRadioButton(label(level))
            button.setObjectName(f"request_urgency_{level.value}")
            self.urgency.addButton(button, number)
            urgency_row.addWidget(button)
        urgency_row.addStretch(1)
        self.urgency.button(0).setChecked(True)
        self.note = _note_field(
            "request_note", self.tr("bijvoorbeeld: 40 mensen extra sinds vanmiddag")
        )
        note_label = QLabel(self.tr("&Toelichting"))
        note_label.setBuddy(self.note)
        form = QFormLayout()
        form.addRow(self.tr("Urgentie"), urgency_row)
        form.addRow(note_label, self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        # The list above the form, not in it: in the form it was given less than its height
        # and the urgency lay on top of it (issue 18, item 13).
        layout.addWidget(QLabel(self.tr("Nodig")))
        layout.addWidget(self.quantities, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def set_urgency(self, level: str) -> None:
        self.urgency.button(self._levels.index(Urgency(level))).setChecked(True)

    def build_call(self) -> Callable[[], Request]:
        notices = self._notices
        lines = self.quantities.lines()
        level = self._levels[max(0, self.urgency.checkedId())].value
        note = self.note.text()
        return lambda: notices.request(lines, level, note)


class NoteDialog(SavingDialog):
    """A short text and one action: answer a request, close it, or cancel a dispatch.

    ``call`` receives the text typed and returns the service call's result.
    """

    def __init__(
        self,
        app: AppContext,
        title: str,
        intro: str,
        button: str,
        call: Callable[[str], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(app, title, parent)
        self.setObjectName("notice_note_dialog")
        self.setMinimumWidth(560)
        self._call = call
        self.save_button.setText(button)
        text = QLabel(intro)
        text.setWordWrap(True)
        text.setObjectName("notice_note_intro")
        self.note = _note_field("notice_note_field", "")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.note.setFocus()

    def build_call(self) -> Callable[[], Any]:
        call, text = self._call, self.note.text()
        return lambda: call(text)
