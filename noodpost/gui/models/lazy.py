"""A lazy table model: holds row ids, fetches the visible rows in blocks (Anki's DataModel).

A page gives it two plain callables from a service: ``load_ids()`` returns the ids of every
row in display order (filtering and sorting are done by that query), and ``fetch(ids)``
returns the display values for some of them. The model asks for rows only when the view
paints them, in blocks, and keeps a bounded cache, so 100,000 rows scroll smoothly without
loading them all.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Row = Sequence[Any]
Index = QModelIndex | QPersistentModelIndex

BLOCK = 200
CACHE_ROWS = 5000

#: Row colours with a meaning (DESIGN §5): never colour alone — the row also says it in words.
TONES = {
    "alarm": QColor("#f8d7da"),
    "warning": QColor("#fff3cd"),
    "ok": QColor("#d1e7dd"),
}


@dataclass(frozen=True)
class Column:
    title: str
    width: int = 0  # characters, 0 = stretch
    align_right: bool = False


class LazyTableModel(QAbstractTableModel):
    """Rows by id; values fetched per block when painted.

    ``fetch`` returns, per id, a tuple of display values — one per column — optionally
    followed by a tone (``"alarm"``, ``"warning"``, ``"ok"`` or ``None``) as the last item
    when ``toned`` is true.
    """

    def __init__(
        self,
        columns: Sequence[Column],
        load_ids: Callable[[], Sequence[str]],
        fetch: Callable[[Sequence[str]], Mapping[str, Row]],
        *,
        toned: bool = False,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self._load_ids = load_ids
        self._fetch = fetch
        self._toned = toned
        self._ids: list[str] = []
        self._cache: OrderedDict[str, Row] = OrderedDict()

    # ---------------------------------------------------------------- reloading

    def reload(self) -> None:
        """Ask the service again for the ids (after a change or a new filter)."""
        self.beginResetModel()
        self._ids = list(self._load_ids())
        self._cache.clear()
        self.endResetModel()

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, row_id: str) -> int:
        return self._ids.index(row_id)

    def values(self, row: int) -> Row:
        return self._row(row)

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._row(index.row())[index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._toned:
            tone = self._row(index.row())[-1]
            return QBrush(TONES[tone]) if tone in TONES else None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    # ---------------------------------------------------------------- the cache

    def _row(self, row: int) -> Row:
        row_id = self._ids[row]
        cached = self._cache.get(row_id)
        if cached is not None:
            self._cache.move_to_end(row_id)
            return cached
        start = max(0, row - BLOCK // 4)
        block = [i for i in self._ids[start : start + BLOCK] if i not in self._cache]
        fetched = self._fetch(block)
        for fetched_id in block:
            self._cache[fetched_id] = fetched.get(fetched_id) or self._missing()
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache[row_id]

    def _missing(self) -> Row:
        blanks: list[Any] = ["—"] + [""] * (len(self.columns) - 1)
        return (*blanks, None) if self._toned else tuple(blanks)
