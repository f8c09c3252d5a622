"""Regio (hub): every post on one screen, and a closer look at one post with its logbook.

One row per post: open or closed, last contact (USB or network), a suspect clock, present
against capacity, visitors today, open needs, stock below minimum with the hours left, open
alarms, volunteers on shift, and the generator's fuel with the hours of power left. Rows sort
by any column and can be narrowed to the posts that need attention. A row is red while the
post has an alarm the C-NSP has not acknowledged and amber for shortages, a full post or fuel
for less than 12 hours — always with the words in the row as well.

The table is :mod:`noodpost.gui.pages.regional_table`. The list and the selected post are read
off the GUI thread (issue 15), again every :data:`REFRESH_MS` while the page is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import NotFound
from noodpost.gui.context import AppContext
from noodpost.gui.labels import label
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.regional_table import FILTERS, PostFilter, PostTableModel, when_text
from noodpost.services.regional import PostDetail, PostRow, RegionalService

#: While shown, the page reads again this often (contact times age without events).
REFRESH_MS = 60_000
#: Column numbers: the shortages take the rest of the width; visitors today and the number
#: on shift give way first on a narrow screen, then the last contact (the details below the
#: table have all three).
SHORTAGES = 6
OPTIONAL_COLUMNS = (8, 4, 7)
MIN_SHORTAGES_WIDTH = 60
#: The post's details beside its logbook: at least this many characters wide.
DETAIL_CHARACTERS = 48


@dataclass(frozen=True)
class Regional:
    """Every post, and the selected one closer (None: none selected, or it is gone)."""

    rows: list[PostRow]
    detail: PostDetail | None


class RegionalPage(Page):
    """(hub) The regional overview: a row per post, and the selected post with its logbook."""

    watches = frozenset(
        {
            "post",
            "visit",
            "need",
            "stock_movement",
            "distribution",
            "supply_item",
            "supply_dispatch",  # a confirmed receipt is stock in
            "alarm",
            "shift",
            "volunteer",
            "log_entry",
            "generator_reading",
        }
    )

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("RegionalPage", "Regio"), parent)
        self.setObjectName("regional_page")
        self._regional = RegionalService(app.services.ctx)
        self._selected: str | None = None
        self._filling = False  # a row is being selected by the page: it shows the details
        self.model = PostTableModel(app.services.ctx.clock.now)
        self.proxy = PostFilter(self.model)

        self.summary = QLabel()
        self.summary.setObjectName("regional_summary")
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setObjectName("regional_filter")
        for key, text in self.filter_labels().items():
            self.filter.addItem(text, key)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        filter_label = QLabel(self.tr("&Toon"))
        filter_label.setBuddy(self.filter)
        refresh = QPushButton(self.tr("Vernieuwen (F5)"))
        refresh.setShortcut(Qt.Key.Key_F5)
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addSpacing(12)
        top.addWidget(filter_label)
        top.addSpacing(6)
        top.addWidget(self.filter)
        top.addWidget(refresh)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_table())
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.layout_.addLayout(top)
        self.layout_.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    # ---------------------------------------------------------------- building

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("regional_table")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(36)
        # Each column as wide as its words; the shortages take the rest (their whole text is
        # the tooltip). At 1280 pixels the fixed widths cut the post's name and the headings.
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SHORTAGES, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table = table
        return table

    def _build_detail(self) -> QWidget:
        self.detail = QLabel()
        self.detail.setObjectName("regional_detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        log_title = QLabel(self.tr("Logboek van deze post (nieuwste boven)"))
        bold = QFont(log_title.font())
        bold.setBold(True)
        log_title.setFont(bold)
        self.logbook = QListWidget()
        self.logbook.setObjectName("regional_logbook")
        self.logbook.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(log_title)
        right_layout.addWidget(self.logbook, 1)
        # The details scroll when long, and get half the width (they were ~115 pixels wide,
        # wrapping word by word, with "Tekort:" cut off below).
        scroll = QScrollArea()
        scroll.setObjectName("regional_detail_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)
        box = QSplitter(Qt.Orientation.Horizontal)
        box.addWidget(scroll)
        box.addWidget(right)
        box.setStretchFactor(0, 1)
        box.setStretchFactor(1, 1)
        box.setSizes([1000, 1000])  # half and half on any screen
        scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * DETAIL_CHARACTERS)
        box.setChildrenCollapsible(False)
        return box

    def _fit_columns(self) -> None:
        """Leave out the counts that are also in the details (on shift, then visitors today)
        while the other columns and a readable shortages column do not fit; show them again
        when there is room."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        shortages = header.sectionSizeFromContents(SHORTAGES).width() + MIN_SHORTAGES_WIDTH
        for column in OPTIONAL_COLUMNS:
            header.setSectionHidden(column, False)
        for column in OPTIONAL_COLUMNS:
            needed = shortages + sum(
                header.sectionSize(c)
                for c in range(header.count())
                if c != SHORTAGES and not header.isSectionHidden(c)
            )
            if needed <= room:
                break
            header.setSectionHidden(column, True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_columns)  # once the table has its new width

    # ---------------------------------------------------------------- page API

    def badge(self) -> str:
        return ""

    def focus_default(self) -> None:
        self.table.setFocus()

    @Slot()
    def refresh(self) -> None:
        read = partial(self._read, self._selected)
        self.runner.read(read, self.show_loaded, key=self, owner=self)

    def _read(self, keep: str | None) -> Regional:
        """Every post, and the selected one closer (on the reader thread: no widget)."""
        rows = self._regional.posts()
        known = any(row.post_code == keep for row in rows)
        return Regional(rows, self._read_detail(keep) if keep and known else None)

    def _read_detail(self, post_code: str) -> PostDetail | None:
        try:
            return self._regional.detail(post_code)
        except NotFound:  # gone meanwhile
            return None

    def show_loaded(self, regional: Regional) -> None:
        self.model.set_rows(regional.rows)
        self.summary.setText(self._summary(regional.rows))
        self._select(self._selected, regional.detail)
        self._fit_columns()

    def shown_codes(self) -> list[str]:
        """Post codes in the order the table shows them (after sort and filter)."""
        return [
            self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()].post_code
            for r in range(self.proxy.rowCount())
        ]

    def select_post(self, post_code: str) -> None:
        self._select(post_code)

    def filter_labels(self) -> dict[str, str]:
        return {
            "all": self.tr("Alle posten"),
            "alarms": self.tr("Met open noodmeldingen"),
            "shortages": self.tr("Met tekorten"),
            "urgent": self.tr("Met hulpvragen met spoed"),
            "full": self.tr("Vol of bijna vol"),
            "fuel": self.tr("Brandstof voor minder dan 12 uur"),
        }

    def choose_filter(self, key: str) -> None:
        self.filter.setCurrentIndex(max(0, self.filter.findData(key)))

    # ---------------------------------------------------------------- internals

    def _summary(self, rows: list[PostRow]) -> str:
        if not rows:
            return self.tr(
                "Nog geen posten bekend. Posten verschijnen hier zodra hun eerste bundel is "
                "ingelezen en goedgekeurd (Synchronisatie)."
            )
        waiting = sum(r.unacknowledged_alarms for r in rows)
        short = sum(1 for r in rows if r.shortages)
        present = sum(r.present for r in rows)
        text = (
            self.tr("%n post(en)", "", len(rows))
            + " · "
            + self.tr("%n persoon/personen aanwezig", "", present)
        )
        if waiting:
            text += " · " + self.tr("%n noodmelding(en) NIET BEVESTIGD", "", waiting)
        if short:
            text += " · " + self.tr("%n post(en) met tekorten", "", short)
        low_fuel = sum(1 for r in rows if r.low_fuel)
        if low_fuel:
            text += " · " + self.tr(
                "%n post(en) met brandstof voor minder dan 12 uur", "", low_fuel
            )
        return text

    @Slot(int)
    def _filter_changed(self, index: int) -> None:
        self.proxy.choose(FILTERS.get(str(self.filter.itemData(index)), FILTERS["all"]))
        self._select(self._selected)

    @Slot()
    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def _select(self, post_code: str | None, known: PostDetail | None = None) -> None:
        codes = self.shown_codes()
        row = codes.index(post_code) if post_code in codes else (0 if codes else -1)
        if row >= 0:
            self._filling = True
            try:
                self.table.selectionModel().setCurrentIndex(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            finally:
                self._filling = False
            self._show(codes[row], known)
        else:
            self._show(None)

    @Slot(QModelIndex, QModelIndex)
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filling:
            source = self.proxy.mapToSource(current)
            self._show(self.model.rows[source.row()].post_code)

    def _show(self, post_code: str | None, known: PostDetail | None = None) -> None:
        """Show this post closer: from ``known`` when it was read with the list, else read
        off the GUI thread."""
        self._selected = post_code
        if post_code is None:
            self.logbook.clear()
            self.detail.setText(self.tr("Kies een post in de lijst."))
        elif known is not None and known.row.post_code == post_code:
            self._show_detail(post_code, known)
        else:
            self.runner.read(
                partial(self._read_detail, post_code),
                partial(self._show_detail, post_code),
                key=(self, "detail"),
                owner=self,
            )

    def _show_detail(self, post_code: str, detail: PostDetail | None) -> None:
        if post_code != self._selected:
            return  # another post was chosen meanwhile
        self.logbook.clear()
        if detail is None:
            self.detail.setText(self.tr("Deze post is hier niet meer bekend."))
            return
        self.detail.setText(self._detail_html(detail))
        now = self.services.ctx.clock.now()
        for line in reversed(detail.logbook):
            text = f"{when_text(line.at, now)}  {line.text}"
            if line.author:
                text += f" · {line.author}"
            self.logbook.addItem(text)

    def _detail_html(self, detail: PostDetail) -> str:
        row = detail.row
        now = self.services.ctx.clock.now()
        lines = [f"<b>{_html(row.post_code)} {_html(row.name)}</b>"]
        if detail.address:
            lines.append(_html(detail.address))
        if detail.opening_hours:
            lines.append(self.tr("Open: {hours}").format(hours=_html(detail.opening_hours)))
        status = self.model.text(row, 2)
        contact = self.model.text(row, 7)
        lines.append(
            self.tr("Status: {status} · contact: {contact}").format(
                status=status, contact=_html(contact)
            )
        )
        capacity = f"/{row.capacity}" if row.capacity else ""
        lines.append(
            self.tr("Aanwezig {present}{capacity} · vandaag {today} bezoekers").format(
                present=row.present, capacity=capacity, today=row.visitors_today
            )
        )
        if row.needs:
            lines.append(self.tr("Hulpvragen: {needs}").format(needs=_html(row.needs_text)))
        for shortage in row.shortages:
            lines.append(self.tr("Tekort: {text}").format(text=_html(shortage.text)))
        for alarm in detail.alarms:
            state = (
                self.tr("<b>NIET BEVESTIGD</b>")
                if not alarm.acknowledged
                else self.tr("bevestigd door {name}").format(
                    name=_html(alarm.acknowledged_by or "")
                )
            )
            lines.append(
                self.tr("Noodmelding {time}: {type}, {urgency} — {state}").format(
                    time=when_text(alarm.since, now),
                    type=_html(label(alarm.type)),
                    urgency=_html(label(alarm.urgency)),
                    state=state,
                )
            )
        if row.fuel is not None:
            lines.append(self.tr("Aggregaat: {line}").format(line=_html(row.fuel.summary(now))))
        names = ", ".join(row.on_shift) if row.on_shift else self.tr("niemand")
        lines.append(self.tr("In dienst: {names}").format(names=_html(names)))
        return "<br>".join(lines)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
