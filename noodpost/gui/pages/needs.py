"""Hulpvragen: every need of this post, filtered, and moved on through its statuses.

The buttons offer only the changes that :data:`NEED_TRANSITIONS` allows from the selected
need's status; the service checks again, so a change that a colleague made in the meantime
is refused with its calm message and the list shows the real state afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.errors import UserError
from noodpost.core.lifecycle import NEED_TRANSITIONS
from noodpost.core.vocabulary import NeedCategory, NeedStatus, Urgency
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.needs_forms import (
    CancelNeedDialog,
    NeedDialog,
    NewNeedDialog,
    ReferDialog,
    need_summary,
)
from noodpost.gui.errors import show_user_error
from noodpost.gui.labels import label
from noodpost.gui.models.lazy import BLOCK, Column, LazyTableModel, Row, Rows
from noodpost.gui.pages.after_read import AfterRead
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.presence import OK_STYLE, card_text
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.needs import ACTIVE_STATUSES, NeedInfo

#: Status filter choices besides the single statuses.
ACTIVE = "active"
EVERY = "all"

#: What the list is filtered on: category, urgency, statuses (``None``: every status).
Filters = tuple[str | None, str | None, list[str] | None]

#: Where a row keeps its need (after the six columns shown).
NEED_ITEM = 6


class NeedsPage(Page):
    """*Hulpvragen*: filters, the list, and the actions allowed for the selected need."""

    watches = frozenset({"need", "household"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("NeedsPage", "Hulpvragen"), parent)
        self.setObjectName("needs_page")
        self._needs = app.services.needs
        self._selected: NeedInfo | None = None
        self._filters: Filters = (None, None, [s.value for s in ACTIVE_STATUSES])
        self._after_read = AfterRead()
        self.dialog: NeedDialog | None = None
        filters = self._build_filters()

        self.model = LazyTableModel(
            [
                Column(self.tr("Sinds"), 12),
                Column(self.tr("Categorie"), 30),
                Column(self.tr("Urgentie"), 9),
                Column(self.tr("Huishouden"), 13),
                Column(self.tr("Status"), 14),
                Column(self.tr("Notitie")),
            ],
            lambda: self._ids(self._filters),
            self._fetch,
            toned=True,
            runner=app.runner,
        )
        self.table = LazyTableView(self.model, "needs_table")
        self.table.current_changed.connect(self._selection_changed)
        self.count = QLabel()
        self.count.setObjectName("needs_count")
        self.detail = QLabel()
        self.detail.setObjectName("need_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.in_progress_button = self._action("need_in_progress", self.tr("&In behandeling"))
        self.in_progress_button.clicked.connect(lambda: self.set_status(NeedStatus.IN_PROGRESS))
        self.done_button = self._action("need_done", self.tr("&Afgehandeld"))
        self.done_button.clicked.connect(lambda: self.set_status(NeedStatus.DONE))
        self.refer_button = self._action("need_refer", self.tr("&Doorverwijzen…"))
        self.refer_button.clicked.connect(self.refer)
        self.cancel_button = self._action("need_cancel", self.tr("Annu&leren…"))
        self.cancel_button.clicked.connect(self.cancel)
        actions = QHBoxLayout()
        for button in self._buttons():
            actions.addWidget(button)
        actions.addStretch(1)

        self.message = QLabel()
        self.message.setObjectName("needs_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(OK_STYLE)
        self.message.hide()

        layout = self.layout_
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        for combo in (self.filter_category, self.filter_urgency, self.filter_status):
            combo.currentIndexChanged.connect(self.refresh)
        self._selection_changed(None)

    def _build_filters(self) -> QHBoxLayout:
        """The filter combos (category, urgency, status: *alle open* first) and *Nieuw*."""
        self.filter_category = self._combo("filter_category", self.tr("alle categorieën"))
        for category in NeedCategory:
            self.filter_category.addItem(label(category), category.value)
        self.filter_urgency = self._combo("filter_urgency", self.tr("alle"))
        for urgency in Urgency:
            self.filter_urgency.addItem(label(urgency), urgency.value)
        self.filter_status = self._combo("filter_status", self.tr("alle open"), ACTIVE)
        for status in NeedStatus:
            self.filter_status.addItem(label(status), status.value)
        self.filter_status.addItem(self.tr("alle, ook afgesloten"), EVERY)
        self.new_button = QPushButton(self.tr("&Nieuwe hulpvraag… (Ctrl+N)"))
        self.new_button.setObjectName("need_new")
        self.new_button.setAutoDefault(True)
        self.new_button.clicked.connect(self.new_need)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_need)
        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("&Categorie"), self.filter_category),
            (self.tr("&Urgentie"), self.filter_urgency),
            (self.tr("&Status"), self.filter_status),
        ):
            caption = QLabel(text)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        return filters

    def _combo(self, name: str, first: str, data: str | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(first, data)
        # Never wider than a short word needs: the page must fit a 1280-pixel screen beside
        # the navigation; the open list shows the whole text.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _action(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(int(self.fontMetrics().height() * 2.2))
        button.setAutoDefault(True)  # Enter on a focused button presses it
        return button

    def _buttons(self) -> list[QPushButton]:
        return [self.in_progress_button, self.done_button, self.refer_button, self.cancel_button]

    # ---------------------------------------------------------------- Page

    @Slot()
    def refresh(self) -> None:
        """Read the list off the GUI thread, with the filters chosen now."""
        self._filters = self._chosen_filters()
        read = partial(self.load, self._filters)
        shown = partial(self._show_read, self._after_read.ask())
        self.runner.read(read, shown, key=self, owner=self)

    def load(self, filters: Filters | None = None) -> Rows:
        """The ids of the needs that pass ``filters`` and the first block of their rows."""
        ids = self._ids(self._filters if filters is None else filters)
        return Rows(ids, self._fetch(ids[:BLOCK]))

    def show_loaded(self, rows: Rows) -> None:
        self.table.show_rows(rows)  # with the focus: the first row, for the buttons
        count = self.model.rowCount()
        self.count.setText(self.tr("Hulpvragen in deze lijst: %1").replace("%1", str(count)))
        self._selection_changed(self.table.selected_id())

    def _show_read(self, read: int, rows: Rows) -> None:
        self.show_loaded(rows)
        self._after_read.shown(read)

    def badge(self) -> str:
        active = self._needs.active_count()
        return str(active) if active else ""

    def focus_default(self) -> None:
        self.table.setFocus()
        if self.table.selected_id() is None and self.model.rowCount():
            self.table.select_row(0)

    # ---------------------------------------------------------------- the list

    def set_filters(
        self, category: str | None = None, urgency: str | None = None, status: str = ACTIVE
    ) -> None:
        """Choose the filters as a person would in the combos (``status``: a value, or
        ``"active"`` for every open one, ``"all"`` for everything)."""
        for combo, value in (
            (self.filter_category, category),
            (self.filter_urgency, urgency),
            (self.filter_status, status),
        ):
            combo.setCurrentIndex(0 if value is None else max(0, combo.findData(value)))

    def _chosen_filters(self) -> Filters:
        """The filters as the combos show them (GUI thread)."""
        status = self.filter_status.currentData()
        statuses: list[str] | None
        if status == ACTIVE:
            statuses = [s.value for s in ACTIVE_STATUSES]
        elif status == EVERY:
            statuses = None
        else:
            statuses = [str(status)]
        return self.filter_category.currentData(), self.filter_urgency.currentData(), statuses

    def _ids(self, filters: Filters) -> list[str]:
        category, urgency, statuses = filters
        return self._needs.need_ids(category, urgency, statuses)

    def _fetch(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        rows: dict[str, Row] = {}
        for need_id, found in self._needs.need_rows(ids).items():
            need = found.need
            notes = [need.note or ""]
            if need.referred_to:
                notes.append(self.tr("naar %1").replace("%1", need.referred_to))
            if need.status_note:
                notes.append(need.status_note)
            urgent = need.urgency == Urgency.IMMEDIATE and need.active
            rows[need_id] = (
                format_clock(parse_iso(need.opened_at), now) if need.opened_at else "?",
                label(need.category),
                label(need.urgency),
                card_text(found.card_code),
                label(need.status),
                " · ".join(n for n in notes if n),
                need,  # NEED_ITEM: the need itself, for the buttons when it is selected
                "warning" if urgent else None,
            )
        return rows

    def row_texts(self, row: int) -> list[str]:
        """What the list shows in one row, column by column."""
        return [str(self.model.data(self.model.index(row, c))) for c in range(6)]

    # ---------------------------------------------------------------- the selected need

    @Slot(object)
    def _selection_changed(self, need_id: object) -> None:
        self._selected = None
        if isinstance(need_id, str):
            try:
                item = self.model.values(self.model.row_of(need_id))[NEED_ITEM]
            except ValueError:  # no longer in the list
                item = None
            self._selected = item if isinstance(item, NeedInfo) else None
        need = self._selected
        allowed = NEED_TRANSITIONS.next_statuses(need.status) if need else ()
        for button, status in (
            (self.in_progress_button, NeedStatus.IN_PROGRESS),
            (self.done_button, NeedStatus.DONE),
            (self.refer_button, NeedStatus.REFERRED),
            (self.cancel_button, NeedStatus.CANCELLED),
        ):
            button.setEnabled(status in allowed)
        if need is None:
            self.detail.setText(self.tr("Kies een hulpvraag in de lijst om hem verder te zetten."))
            return
        lines = [need_summary(need, self._card_of(need.id))]
        if need.note:
            lines.append(self.tr("Notitie: %1").replace("%1", need.note))
        if need.referred_to:
            lines.append(self.tr("Doorverwezen naar: %1").replace("%1", need.referred_to))
        if need.status_note:
            lines.append(self.tr("Bij de laatste wijziging: %1").replace("%1", need.status_note))
        if not allowed:
            lines.append(self.tr("Deze hulpvraag is afgesloten."))
        self.detail.setText("\n".join(lines))

    def _card_of(self, need_id: str) -> str | None:
        """The card code the list shows for this need, ``None`` without a household."""
        try:
            card = str(self.model.values(self.model.row_of(need_id))[3])
        except ValueError:
            return None
        return None if card == "—" else card

    @Slot()
    def set_status(self, status: str) -> None:
        """Move the selected need to ``status`` (In behandeling, Afgehandeld)."""
        need = self._selected
        if need is None:
            return
        needs = self._needs
        for button in self._buttons():
            button.setEnabled(False)
        self.runner.run(
            lambda: needs.change_status(need.id, status),
            self._changed,
            on_user_error=self._refused,
            parent=self,
        )

    @Slot()
    def refer(self) -> None:
        if self._selected is not None:
            need = self._selected
            self._open(ReferDialog(self.app, need, self._card_of(need.id), self))

    @Slot()
    def cancel(self) -> None:
        if self._selected is not None:
            need = self._selected
            self._open(CancelNeedDialog(self.app, need, self._card_of(need.id), self))

    @Slot()
    def new_need(self) -> None:
        self._open(NewNeedDialog(self.app, self))

    def _open(self, dialog: NeedDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _changed(self, need: NeedInfo) -> None:
        """A need was saved: select it once the list is read again, and say so."""
        self._after_read.then(partial(self._show_changed, need))
        self.refresh()

    def _show_changed(self, need: NeedInfo) -> None:
        shown = self.table.select_id(need.id)
        if need.status == NeedStatus.OPEN:
            text = self.tr("✔ Nieuwe hulpvraag opgeslagen: %1 (%2).")
            text = text.replace("%1", label(need.category)).replace("%2", label(need.urgency))
        else:
            text = self.tr("✔ Hulpvraag %1 is nu %2.").replace("%1", label(need.category))
            text = text.replace("%2", label(need.status))
        if not shown:
            text += " " + self.tr("Met deze filters staat hij niet meer in de lijst.")
        self.message.setText(text)
        self.message.show()
        self.table.setFocus()

    def _refused(self, error: UserError) -> None:
        self.message.hide()
        show_user_error(self, error)
        self.refresh()
