"""Regio (hub): the table of posts — a row per post, its words and colours, sorting and the
filters. Few posts: the whole list is read at once, and a :class:`QSortFilterProxyModel`
sorts and filters it (:mod:`noodpost.gui.pages.regional`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.gui.models.lazy import TONES
from noodpost.services.regional import PostRow, hours_text

_Index = QModelIndex | QPersistentModelIndex

#: Filters: key → which rows pass (the Dutch labels are in :meth:`RegionalPage.filter_labels`).
FILTERS: dict[str, Callable[[PostRow], bool]] = {
    "all": lambda _row: True,
    "alarms": lambda row: row.open_alarms > 0,
    "shortages": lambda row: bool(row.shortages),
    "urgent": lambda row: row.urgent_needs > 0,
    "full": lambda row: row.nearly_full,
    "fuel": lambda row: row.low_fuel,
}
#: The column with the generator's hours of power left (the last).
FUEL_COLUMN = 9


def _fuel_key(row: PostRow) -> float:
    """Sorts the shortest fuel first; posts without a log or a known use last."""
    if row.fuel is None or (row.fuel.hours_left is None and not row.fuel.empty):
        return 1e12
    return 0.0 if row.fuel.empty else float(row.fuel.hours_left or 0.0)


def when_text(stored: str | None, now: datetime) -> str:
    """A stored time as the table shows it (``—`` when there is none)."""
    return format_clock(parse_iso(stored), now) if stored else "—"


class PostTableModel(QAbstractTableModel):
    """The posts as rows; ``Qt.UserRole`` holds the sort key of each cell."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__()
        self._now = now
        self.rows: list[PostRow] = []
        self.titles = [
            self.tr("Post"),
            self.tr("Meldingen"),
            self.tr("Status"),
            self.tr("Aanwezig"),
            self.tr("Vandaag"),
            self.tr("Hulpvragen"),
            self.tr("Tekorten"),
            self.tr("Contact"),
            self.tr("Dienst"),
            self.tr("Aggregaat"),
        ]

    def set_rows(self, rows: list[PostRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self.sort_key(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            tone = self.tone(row)
            return QBrush(TONES[tone]) if tone is not None else None
        return None

    def text(self, row: PostRow, column: int) -> str:
        now = self._now()
        if column == 0:
            return f"{row.post_code} {row.name}"
        if column == 2:
            if row.is_open is None:
                return self.tr("nog geen gegevens")
            return self.tr("open") if row.is_open else self.tr("gesloten")
        if column == 7:
            if row.last_contact is None:
                return self.tr("nog geen contact")
            text = f"{when_text(row.last_contact, now)} {row.channel_label}".strip()
            return text + (self.tr(" · KLOK VERDACHT") if row.clock_suspect else "")
        if column == 3:
            text = f"{row.present}/{row.capacity}" if row.capacity else str(row.present)
            return text + (self.tr(" VOL") if row.full else "")
        if column == 4:
            return str(row.visitors_today)
        if column == 5:
            if row.urgent_needs:
                return self.tr("{n} ({u} spoed)").format(n=row.open_needs, u=row.urgent_needs)
            return str(row.open_needs)
        if column == 6:
            if not row.shortages:
                return ""
            first = row.shortages[0]
            text = f"{first.item_name}"
            if first.hours_left is not None:
                text += f" {hours_text(first.hours_left)}"
            more = len(row.shortages) - 1
            return text + (self.tr(" +{n}").format(n=more) if more else "")
        if column == 1:
            if row.unacknowledged_alarms:
                return self.tr("{n} NIET BEVESTIGD").format(n=row.unacknowledged_alarms) + (
                    self.tr(" (van {n})").format(n=row.open_alarms)
                    if row.open_alarms > row.unacknowledged_alarms
                    else ""
                )
            return str(row.open_alarms) if row.open_alarms else ""
        if column == FUEL_COLUMN:
            return self.fuel_text(row)
        return str(len(row.on_shift))

    def fuel_text(self, row: PostRow) -> str:
        """``nog ± 38 uur``, ``staat stil · nog ± 16 uur``; under 12 hours ``… · TEKORT``."""
        fuel = row.fuel
        if fuel is None:
            return ""
        text = fuel.hours_text if fuel.running else f"{fuel.state_text} · {fuel.hours_text}"
        return text + (self.tr(" · TEKORT") if fuel.low else "")

    @staticmethod
    def sort_key(row: PostRow, column: int) -> object:
        shortest = min(
            (s.hours_left for s in row.shortages if s.hours_left is not None), default=1e9
        )
        keys: list[object] = [
            row.post_code,
            row.unacknowledged_alarms * 10_000 + row.open_alarms,
            (row.is_open is not True, row.post_code),
            row.present,
            row.visitors_today,
            row.urgent_needs * 10_000 + row.open_needs,
            (len(row.shortages) > 0) * 1e12 - shortest,
            row.last_contact or "",
            len(row.on_shift),
            _fuel_key(row),
        ]
        return keys[column]

    @staticmethod
    def tone(row: PostRow) -> str | None:
        if row.unacknowledged_alarms:
            return "alarm"
        if row.shortages or row.nearly_full or row.clock_suspect or row.low_fuel:
            return "warning"
        return None


class PostFilter(QSortFilterProxyModel):
    def __init__(self, source: PostTableModel) -> None:
        super().__init__()
        self.source = source
        self.passes: Callable[[PostRow], bool] = FILTERS["all"]
        self.setSourceModel(source)
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def choose(self, passes: Callable[[PostRow], bool]) -> None:
        self.beginFilterChange()
        self.passes = passes
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, _parent: _Index) -> bool:
        return self.passes(self.source.rows[source_row])

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a = left.data(Qt.ItemDataRole.UserRole)
        b = right.data(Qt.ItemDataRole.UserRole)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
