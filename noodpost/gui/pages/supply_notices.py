"""Leveringen: supply dispatches from the C-NSP and the posts' requests for supplies.

At the hub: record a dispatch to a post, answer a post's request in words or with a
dispatch, close it, cancel a dispatch that has not arrived. At a post: confirm that a
dispatch arrived (that books it into stock), send a request when something runs short,
withdraw it. Both see the two lists: dispatches on top, requests below.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.vocabulary import DispatchStatus, RequestStatus, Urgency
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.dialogs.supply_notice_forms import (
    DispatchDialog,
    NoteDialog,
    ReceiptDialog,
    RequestDialog,
)
from noodpost.gui.labels import label
from noodpost.gui.models.lazy import Column, LazyTableModel, Row, Rows
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.kept import kept_id
from noodpost.gui.pages.supply_notices_text import (
    dispatch_details,
    dispatch_state,
    dispatch_tone,
    request_details,
    when,
)
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.supply_notices import Dispatch, Request, SupplyNoticesService

DETAILS_STYLE = "QLabel { background: white; padding: 8px; border: 1px solid #bbb; }"


@dataclass(frozen=True)
class Chosen:
    """The selected dispatch and request, read off the GUI thread (``None``: none)."""

    dispatch: Dispatch | None
    request: Request | None


@dataclass(frozen=True)
class Notices:
    """What the page shows, read at one moment: both lists, the counts for the summary, and
    the rows that stay selected."""

    dispatches: Rows
    requests: Rows
    underway: int
    waiting: int
    chosen: Chosen


class SupplyNoticesPage(Page):
    """*Leveringen*: dispatches and requests, with the actions of this node's role.

    Attributes:
        dialog: the form that is open (for tests), else ``None``.
    """

    watches = frozenset({"supply_dispatch", "supply_request", "supply_item"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("SupplyNoticesPage", "Leveringen"), parent)
        self.setObjectName("supply_notices_page")
        self.notices = SupplyNoticesService(app.services.ctx)
        self.is_hub = app.node.is_hub
        self.dialog: SavingDialog | None = None
        self._last: str | None = None  # the list chosen in last: "dispatch" or "request"
        self._chosen = Chosen(None, None)  # the selected rows as last read
        self._showing = False  # the lists are being shown: their selection needs no read

        layout = self.layout_
        layout.addLayout(self._build_actions())
        self.summary = QLabel()
        self.summary.setObjectName("notices_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.dispatch_model = LazyTableModel(
            [
                Column(QCoreApplication.translate("SupplyNoticesPage", "Verstuurd"), 11),
                Column(
                    QCoreApplication.translate("SupplyNoticesPage", "Post"),
                    28 if self.is_hub else 1,
                ),
                Column(QCoreApplication.translate("SupplyNoticesPage", "Goederen")),
                Column(QCoreApplication.translate("SupplyNoticesPage", "Verwacht"), 11),
                Column(QCoreApplication.translate("SupplyNoticesPage", "Toestand"), 30),
            ],
            self.notices.dispatch_ids,
            self._dispatch_rows,
            toned=True,
            runner=app.runner,
        )
        self.dispatch_table = LazyTableView(self.dispatch_model, "dispatch_table")
        if not self.is_hub:
            self.dispatch_table.setColumnHidden(1, True)
        self.dispatch_table.current_changed.connect(self._dispatch_selected)
        self.dispatch_table.activated.connect(lambda _index: self._default_dispatch_action())

        self.request_model = LazyTableModel(
            [
                Column(QCoreApplication.translate("SupplyNoticesPage", "Gevraagd"), 11),
                Column(
                    QCoreApplication.translate("SupplyNoticesPage", "Post"),
                    28 if self.is_hub else 1,
                ),
                Column(QCoreApplication.translate("SupplyNoticesPage", "Goederen")),
                Column(QCoreApplication.translate("SupplyNoticesPage", "Urgentie"), 9),
                Column(QCoreApplication.translate("SupplyNoticesPage", "Toestand"), 30),
            ],
            self.notices.request_ids,
            self._request_rows,
            toned=True,
            runner=app.runner,
        )
        self.request_table = LazyTableView(self.request_model, "request_table")
        if not self.is_hub:
            self.request_table.setColumnHidden(1, True)
        self.request_table.current_changed.connect(self._request_selected)

        self.details = QLabel()
        self.details.setObjectName("notice_details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet(DETAILS_STYLE)
        self.details.setMinimumHeight(self.fontMetrics().height() * 6)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(
            self._titled(
                QCoreApplication.translate("SupplyNoticesPage", "Leveringen van de C-NSP"),
                self.dispatch_table,
            )
        )
        splitter.addWidget(
            self._titled(
                QCoreApplication.translate("SupplyNoticesPage", "Aanvragen van de posten")
                if self.is_hub
                else QCoreApplication.translate("SupplyNoticesPage", "Aanvragen van deze post"),
                self.request_table,
            )
        )
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([230, 200, 150])
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+N"), self, self._new)

    # ---------------------------------------------------------------- building

    def _titled(self, title: str, table: QWidget) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 4, 0, 0)
        heading = QLabel(title)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)
        inner.addWidget(heading)
        inner.addWidget(table, 1)
        return box

    def _button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(44)
        button.clicked.connect(slot)
        return button

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        if self.is_hub:
            self.new_button = self._button(
                self.tr("&Nieuwe levering…"), "dispatch_new", self.open_dispatch
            )
            self.answer_dispatch_button = self._button(
                self.tr("&Levering voor aanvraag…"), "request_dispatch", self.open_answer_dispatch
            )
            self.answer_button = self._button(
                self.tr("&Antwoord sturen…"), "request_answer", self.open_answer
            )
            self.cancel_button = self._button(
                self.tr("Levering ann&uleren…"), "dispatch_cancel", self.open_cancel
            )
            buttons = [
                self.new_button,
                self.answer_dispatch_button,
                self.answer_button,
                self.cancel_button,
            ]
        else:
            self.receipt_button = self._button(
                self.tr("&Ontvangst melden…"), "dispatch_receipt", self.open_receipt
            )
            self.new_button = self._button(
                self.tr("&Aanvraag sturen…"), "request_new", self.open_request
            )
            buttons = [self.receipt_button, self.new_button]
        self.close_button = self._button(
            self.tr("Aanvraag af&sluiten…"), "request_close", self.open_close
        )
        buttons.append(self.close_button)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    # ---------------------------------------------------------------- rows
    # These run on the runner's reader thread: services only, no widget.

    def _dispatch_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        rows: dict[str, Row] = {}
        for dispatch_id, d in self.notices.dispatches_by_id(ids).items():
            rows[dispatch_id] = (
                when(d.sent_at, now),
                f"{d.post_code}  {d.post_name}",
                d.lines_text,
                when(d.expected_at, now) if d.in_transit else "",
                dispatch_state(d, self.is_hub, now),
                dispatch_tone(d),
            )
        return rows

    def _request_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        rows: dict[str, Row] = {}
        for request_id, r in self.notices.requests_by_id(ids).items():
            tone: str | None = None
            if r.shown_status == RequestStatus.OPEN:
                tone = "alarm" if r.urgency == Urgency.IMMEDIATE else "warning"
            rows[request_id] = (
                when(r.requested_at, now),
                f"{r.post_code}  {r.post_name}",
                r.lines_text,
                label(r.urgency or Urgency.NORMAL),
                label(r.shown_status),
                tone,
            )
        return rows

    # ---------------------------------------------------------------- Page

    def _read_chosen(self, dispatch_id: str | None, request_id: str | None) -> Chosen:
        dispatch = self.notices.dispatches_by_id([dispatch_id]) if dispatch_id else {}
        request = self.notices.requests_by_id([request_id]) if request_id else {}
        return Chosen(dispatch.get(dispatch_id or ""), request.get(request_id or ""))

    @Slot()
    def refresh(self) -> None:
        """Read both lists, and the rows that stay selected in them, together."""
        dispatches, requests = self.dispatch_table, self.request_table
        read = partial(
            self.load,
            (dispatches.selected_id(), dispatches.selected_row()),
            (requests.selected_id(), requests.selected_row()),
        )
        self.runner.read(read, self.show_loaded, key=self, owner=self)

    def load(
        self,
        dispatch: tuple[str | None, int] = (None, -1),
        request: tuple[str | None, int] = (None, -1),
    ) -> Notices:
        dispatches, requests = self.dispatch_model.read(), self.request_model.read()
        waiting = self.notices.waiting_requests()
        chosen = self._read_chosen(
            kept_id(dispatches.ids, *dispatch), kept_id(requests.ids, *request)
        )
        return Notices(
            dispatches,
            requests,
            len(self.notices.dispatch_ids(in_transit_only=True)),
            len(waiting),
            chosen,
        )

    def show_loaded(self, loaded: Notices) -> None:
        self._showing = True
        try:
            for table, rows in (
                (self.dispatch_table, loaded.dispatches),
                (self.request_table, loaded.requests),
            ):
                table.show_rows(rows)  # with the focus: the first row
        finally:
            self._showing = False
        self._show_summary(loaded.underway, loaded.waiting)
        self._chosen = loaded.chosen
        unread = (self._shown_dispatch() is None and self.dispatch_table.selected_id()) or (
            self._shown_request() is None and self.request_table.selected_id()
        )
        if unread:  # another row was chosen meanwhile: read it
            self._read_selection()
        else:
            self._show_chosen()

    def _show_summary(self, underway: int, waiting: int) -> None:
        deliveries = (
            self.tr("1 levering onderweg")
            if underway == 1
            else self.tr("{n} leveringen onderweg").format(n=underway)
        )
        if self.is_hub:
            requests = (
                self.tr("1 aanvraag")
                if waiting == 1
                else self.tr("{n} aanvragen").format(n=waiting)
            )
            text = self.tr("{deliveries}. Nog te beantwoorden: {requests}.").format(
                deliveries=deliveries, requests=requests
            )
        else:
            text = self.tr(
                "{deliveries} naar deze post. Meld de ontvangst als de goederen er zijn: "
                "dan staan ze in de voorraad."
            ).format(deliveries=deliveries)
        self.summary.setText(text)

    def badge(self) -> str:
        if self.is_hub:
            count = len(self.notices.waiting_requests())
        else:
            count = len(self.notices.dispatch_ids(in_transit_only=True))
        return str(count) if count else ""

    def focus_default(self) -> None:
        self.dispatch_table.setFocus()

    # ---------------------------------------------------------------- selection

    def selected_dispatch(self) -> Dispatch | None:
        """The selected dispatch, for a button acting on it (read now if not read yet)."""
        dispatch_id = self.dispatch_table.selected_id()
        if dispatch_id is None:
            return None
        if self._chosen.dispatch is not None and self._chosen.dispatch.id == dispatch_id:
            return self._chosen.dispatch
        return self.notices.dispatches_by_id([dispatch_id]).get(dispatch_id)

    def selected_request(self) -> Request | None:
        """The selected request, for a button acting on it (read now if not read yet)."""
        request_id = self.request_table.selected_id()
        if request_id is None:
            return None
        if self._chosen.request is not None and self._chosen.request.id == request_id:
            return self._chosen.request
        return self.notices.requests_by_id([request_id]).get(request_id)

    def _shown_dispatch(self) -> Dispatch | None:
        """The selected dispatch as read, else ``None`` (not selected, or still being read)."""
        d = self._chosen.dispatch
        return d if d is not None and d.id == self.dispatch_table.selected_id() else None

    def _shown_request(self) -> Request | None:
        r = self._chosen.request
        return r if r is not None and r.id == self.request_table.selected_id() else None

    @Slot(object)
    def _dispatch_selected(self, dispatch_id: str | None) -> None:
        if dispatch_id:
            self._last = "dispatch"
        self._read_selection()

    @Slot(object)
    def _request_selected(self, request_id: str | None) -> None:
        if request_id:
            self._last = "request"
        self._read_selection()

    def _read_selection(self) -> None:
        """Show the rows just selected: read off the GUI thread (a refresh read them already)."""
        if self._showing:
            return
        self._show_chosen()
        read = partial(
            self._read_chosen, self.dispatch_table.selected_id(), self.request_table.selected_id()
        )
        self.runner.read(read, self._chosen_read, key=(self, "chosen"), owner=self)

    def _chosen_read(self, chosen: Chosen) -> None:
        self._chosen = chosen
        self._show_chosen()

    def _show_chosen(self) -> None:
        self._update_buttons()
        self._show_details()

    def _update_buttons(self) -> None:
        d = self._shown_dispatch()
        r = self._shown_request()
        open_request = r is not None and not r.is_closed
        if self.is_hub:
            self.answer_dispatch_button.setEnabled(open_request)
            self.answer_button.setEnabled(open_request)
            self.cancel_button.setEnabled(d is not None and d.in_transit)
        else:
            self.receipt_button.setEnabled(d is not None and d.status != DispatchStatus.RECEIVED)
        self.close_button.setEnabled(open_request)

    def _show_details(self) -> None:
        d = self._shown_dispatch() if self._last == "dispatch" else None
        r = self._shown_request() if self._last == "request" else None
        if d is not None:
            self.details.setText(dispatch_details(d, self.is_hub, self.services.ctx.clock.now()))
        elif r is not None:
            self.details.setText(request_details(r, self.services.ctx.clock.now()))
        else:
            self.details.setText(self.tr("Kies een levering of aanvraag om alles te lezen."))

    # ---------------------------------------------------------------- forms

    def _open(self, dialog: SavingDialog) -> SavingDialog:
        self.dialog = dialog
        dialog.saved.connect(lambda _result: self.refresh())
        dialog.finished.connect(self._closed)
        dialog.open()
        return dialog

    @Slot()
    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    @Slot()
    def _new(self) -> None:
        if self.is_hub:
            self.open_dispatch()
        else:
            self.open_request()

    def _default_dispatch_action(self) -> None:
        if not self.is_hub:
            self.open_receipt()

    @Slot()
    def open_dispatch(self, request: Request | None = None) -> SavingDialog:
        """(hub) *Nieuwe levering*, or one that answers ``request``."""
        dialog = DispatchDialog(
            self.app,
            self.notices,
            self.notices.posts(),
            self.services.supplies.items(),
            request,
            self,
        )
        return self._open(dialog)

    @Slot()
    def open_answer_dispatch(self) -> SavingDialog | None:
        request = self.selected_request()
        if request is None or request.is_closed:
            return None
        return self.open_dispatch(request)

    @Slot()
    def open_answer(self) -> SavingDialog | None:
        request = self.selected_request()
        if request is None or request.is_closed:
            return None
        notices, request_id = self.notices, request.id
        return self._open(
            NoteDialog(
                self.app,
                self.tr("Antwoord aan {post}").format(post=request.post_name),
                self.tr(
                    "Wat laat u de post weten? Bijvoorbeeld wanneer het komt, of waarom "
                    "het niet kan. Gevraagd: {lines}"
                ).format(lines=request.lines_text),
                self.tr("Antwoord sturen"),
                lambda text: notices.answer_request(request_id, text),
                self,
            )
        )

    @Slot()
    def open_cancel(self) -> SavingDialog | None:
        dispatch = self.selected_dispatch()
        if dispatch is None or not dispatch.in_transit:
            return None
        notices, dispatch_id = self.notices, dispatch.id
        return self._open(
            NoteDialog(
                self.app,
                self.tr("Levering annuleren"),
                self.tr("Waarom gaat deze levering naar {post} niet door? ({lines})").format(
                    post=dispatch.post_name, lines=dispatch.lines_text
                ),
                self.tr("Levering annuleren"),
                lambda text: notices.cancel_dispatch(dispatch_id, text),
                self,
            )
        )

    @Slot()
    def open_close(self) -> SavingDialog | None:
        request = self.selected_request()
        if request is None or request.is_closed:
            return None
        notices, request_id = self.notices, request.id
        intro = (
            self.tr("De aanvraag van {post} afsluiten. Waarom? (niet verplicht)").format(
                post=request.post_name
            )
            if self.is_hub
            else self.tr("Is de aanvraag niet meer nodig of opgelost? Waarom? (niet verplicht)")
        )
        return self._open(
            NoteDialog(
                self.app,
                self.tr("Aanvraag afsluiten"),
                intro,
                self.tr("Aanvraag afsluiten"),
                lambda text: notices.close_request(request_id, text),
                self,
            )
        )

    @Slot()
    def open_receipt(self) -> SavingDialog | None:
        """(post) *Ontvangst melden* for the selected dispatch."""
        dispatch = self.selected_dispatch()
        if dispatch is None or dispatch.status == DispatchStatus.RECEIVED:
            return None
        return self._open(ReceiptDialog(self.app, self.notices, dispatch, self))

    @Slot()
    def open_request(self) -> SavingDialog:
        """(post) *Aanvraag sturen*, with the items below their minimum filled in."""
        preset: dict[str, float] = {}
        for line in self.services.supplies.stock():
            if line.below_minimum and line.min_stock and not line.item.retired:
                # enough to reach twice the minimum: a suggestion, changed at will
                preset[line.item.id] = float(math.ceil(line.min_stock * 2 - line.quantity))
        dialog = RequestDialog(self.app, self.notices, self.services.supplies.items(), preset, self)
        return self._open(dialog)
