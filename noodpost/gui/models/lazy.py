"""A lazy table model: holds row ids, fetches the visible rows in blocks (Anki's DataModel).

A page gives it two plain callables from a service: ``load_ids()`` returns the ids of every
row in display order (filtering and sorting are done by that query), and ``fetch(ids)``
returns the display values for some of them. The model asks for rows only when the view
paints them, in blocks, and keeps a bounded cache, so 100,000 rows scroll smoothly without
loading them all.

Off the GUI thread (issue 15): a page reads :meth:`LazyTableModel.read` (the ids and the first
block) in its :meth:`~noodpost.gui.pages.base.Page.load` and shows it with
:meth:`LazyTableModel.show_rows`; a block scrolled into view is fetched on the runner's reader
thread and painted when it arrives (the rows show "…" meanwhile). Only :meth:`values` of a
row not yet fetched reads on the spot, for a button that acts on it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from noodpost.gui.runner import Runner

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
class Rows:
    """A model's row ids and its first block of rows, read at one moment."""

    ids: list[str]
    first: Mapping[str, Row]


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
        runner: Runner | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self._load_ids = load_ids
        self._fetch = fetch
        self._toned = toned
        self._runner = runner  # None: blocks are fetched on the spot (a dialog's short list)
        self._ids: list[str] = []
        self._cache: OrderedDict[str, Row] = OrderedDict()
        self._asked: set[str] = set()  # ids of blocks asked for and not yet arrived
        self._shown = 0  # how many times the rows were read and shown: a late block is dropped

    # ---------------------------------------------------------------- reloading

    def read(self) -> Rows:
        """The ids and the first block of rows, from the service (on the reader thread)."""
        ids = list(self._load_ids())
        return Rows(ids, self._fetch(ids[:BLOCK]))

    def show_rows(self, rows: Rows) -> None:
        """Show what :meth:`read` read (on the GUI thread)."""
        self.beginResetModel()
        self._ids = list(rows.ids)
        self._cache.clear()
        self._asked.clear()
        self._shown += 1
        for row_id in rows.ids[:BLOCK]:
            self._cache[row_id] = rows.first.get(row_id) or self._missing()
        self.endResetModel()

    def reload(self) -> None:
        """Ask the service again for the ids (after a change or a new filter): off the GUI
        thread when the model has a runner."""
        if self._runner is None:
            self.show_rows(self.read())
        else:
            self._runner.read(self.read, self.show_rows, key=self, owner=self)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, row_id: str) -> int:
        return self._ids.index(row_id)

    def values(self, row: int) -> Row:
        """A row's values, read on the spot when its block has not arrived (a button acts
        on the row: it needs the values now)."""
        row_id = self._ids[row]
        if row_id not in self._cache:
            _start, block = self._block(row)
            self._store(block, self._fetch(block))
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
        start, block = self._block(row)
        if self._runner is None:
            self._store(block, self._fetch(block))
            return self._cache[row_id]
        if row_id not in self._asked:
            self._asked.update(block)
            self._runner.read(
                partial(self._fetch, block),
                partial(self._arrived, self._shown, start, block),
                key=(self, start),
                owner=self,
            )
        return self._waiting()

    def _block(self, row: int) -> tuple[int, list[str]]:
        """Where the block around ``row`` starts, and its ids not yet fetched."""
        start = max(0, row - BLOCK // 4)
        return start, [i for i in self._ids[start : start + BLOCK] if i not in self._cache]

    def _store(self, block: Sequence[str], fetched: Mapping[str, Row]) -> None:
        for fetched_id in block:
            self._cache[fetched_id] = fetched.get(fetched_id) or self._missing()
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _arrived(
        self, shown: int, start: int, block: list[str], fetched: Mapping[str, Row]
    ) -> None:
        """A block scrolled into view arrived: paint it (unless the list was read again)."""
        if shown != self._shown:
            return  # read again meanwhile: the new list fetches its own rows
        self._asked.difference_update(block)
        self._store(block, fetched)
        last = min(start + BLOCK, len(self._ids)) - 1
        self.dataChanged.emit(self.index(start, 0), self.index(last, len(self.columns) - 1))

    def _waiting(self) -> Row:
        blanks: list[Any] = ["…"] + [""] * (len(self.columns) - 1)
        return (*blanks, None) if self._toned else tuple(blanks)

    def _missing(self) -> Row:
        blanks: list[Any] = ["—"] + [""] * (len(self.columns) - 1)
        return (*blanks, None) if self._toned else tuple(blanks)
