"""A table view for a :class:`LazyTableModel`: large rows, whole-row selection, by id.

Row heights are fixed and columns are sized from the model's :class:`Column` widths, so the
view never measures every row: with 100,000 rows it asks the model only for what it paints.
Selection is kept by row id across a reload (a refresh after a change elsewhere).

Signals:
    current_changed(object): the id of the selected row, or ``None`` when nothing is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from noodpost.gui.models.lazy import LazyTableModel, Rows

#: Row height as a multiple of the font's line height: large enough to hit and to read.
ROW_LINES = 1.8


class LazyTableView(QTableView):
    """A read-only list of rows from a :class:`LazyTableModel`.

    Signals:
        current_changed(object): the selected row's id, or ``None``.
    """

    current_changed = Signal(object)

    def __init__(
        self, model: LazyTableModel, object_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lazy_model = model
        self.setObjectName(object_name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the list: the page stays keyboard-reachable
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * ROW_LINES))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # One column without a width takes the rest; else the last column does.
        header.setStretchLastSection(all(c.width for c in model.columns))
        self._size_columns()
        selection = self.selectionModel()
        selection.currentRowChanged.connect(self._current_row_changed)
        model.modelReset.connect(self._after_reset)
        self._keep_id: str | None = None
        self._keep_row = -1

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        for number, column in enumerate(self.lazy_model.columns):
            if column.width:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                # Never narrower than its heading ("Teruggegeven" was cut off at 1280 pixels).
                heading = header.sectionSizeFromContents(number).width()
                header.resizeSection(number, max(column.width * char + 24, heading))
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)

    # ---------------------------------------------------------------- selection by id

    def selected_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return self.lazy_model.id_at(index.row())

    def selected_row(self) -> int:
        """The selected row number, or -1."""
        return -1 if self.selected_id() is None else self.currentIndex().row()

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.lazy_model.rowCount():
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
            self.current_changed.emit(None)
            return
        index = self.lazy_model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def select_id(self, row_id: str) -> bool:
        """Select the row with this id; False when the list does not hold it."""
        try:
            row = self.lazy_model.row_of(row_id)
        except ValueError:
            return False
        self.select_row(row)
        return True

    def reload(self) -> None:
        """Load the ids again; the same id stays selected, else the row in the same place."""
        self._keep_selection()
        self.lazy_model.reload()

    def show_rows(self, rows: Rows) -> None:
        """Show rows a page read off the GUI thread (:meth:`LazyTableModel.read`); the same
        id stays selected, else the row in the same place. A list that has the focus and no
        selection selects its first row, as focus arriving in a filled list does: the rows
        come a moment after the page was opened by its key, and Del or Alt+I act on one."""
        self._keep_selection()
        self.lazy_model.show_rows(rows)
        if self.hasFocus() and self.selected_id() is None and rows.ids:
            self.select_row(0)

    def _keep_selection(self) -> None:
        self._keep_id = self.selected_id()
        self._keep_row = self.selected_row()

    @Slot()
    def _after_reset(self) -> None:
        keep_id, keep_row = self._keep_id, self._keep_row
        self._keep_id, self._keep_row = None, -1
        if keep_id is not None and self.select_id(keep_id):
            return
        if keep_row >= 0 and self.lazy_model.rowCount():
            self.select_row(min(keep_row, self.lazy_model.rowCount() - 1))
            return
        self.current_changed.emit(None)

    @Slot(QModelIndex, QModelIndex)
    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.current_changed.emit(None)
            return
        selection = self.selectionModel()
        if not selection.isRowSelected(current.row()):
            # Focus arriving by Tab makes a row current without selecting it; the row with the
            # focus is the one the buttons act on, so select it too.
            selection.select(
                current,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.current_changed.emit(self.lazy_model.id_at(current.row()))
