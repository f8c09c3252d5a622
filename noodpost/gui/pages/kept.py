"""Which row a :class:`~noodpost.gui.widgets.lazy_table_view.LazyTableView` will select once
it shows a list read again, worked out on the reader thread: a page reads that row's details
together with the list, so showing them needs no read on the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence


def kept_id(ids: Sequence[str], selected_id: str | None, selected_row: int) -> str | None:
    """The id selected after the list shows ``ids``: the same row, else the row in the same
    place (as the view keeps its selection), else none."""
    if selected_id is not None and selected_id in ids:
        return selected_id
    if selected_row >= 0 and ids:
        return ids[min(selected_row, len(ids) - 1)]
    return None
