"""The lazy list: 100,000 rows, and only what is painted is fetched."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest
from pytestqt.qtbot import QtBot

from noodpost.gui.models.lazy import BLOCK, Column, LazyTableModel, Row
from noodpost.gui.widgets.lazy_table_view import LazyTableView

pytestmark = pytest.mark.gui

ROWS = 100_000


class FakeFetch:
    """Stands in for a service's ``rows(ids)``: counts how many rows were asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.calls = 0

    def __call__(self, ids: Sequence[str]) -> Mapping[str, Row]:
        self.calls += 1
        self.asked.extend(ids)
        return {i: (i, f"apparaat {i}", int(i[1:]) % 7) for i in ids}


@pytest.fixture
def fetch() -> FakeFetch:
    return FakeFetch()


@pytest.fixture
def view(qtbot: QtBot, fetch: FakeFetch) -> LazyTableView:
    ids = [f"r{n}" for n in range(ROWS)]
    model = LazyTableModel(
        [Column("Id", 10), Column("Apparaat"), Column("Personen", 8, align_right=True)],
        lambda: ids,
        fetch,
    )
    view = LazyTableView(model, "big_table")
    qtbot.addWidget(view)
    view.resize(900, 600)
    model.reload()
    view.show()
    qtbot.waitExposed(view)
    return view


def test_scrolling_to_the_bottom_fetches_only_what_is_shown(
    view: LazyTableView, fetch: FakeFetch
) -> None:
    view.grab()  # paint the first screen
    assert view.model().rowCount() == ROWS
    assert 0 < len(fetch.asked) <= BLOCK

    view.scrollToBottom()
    view.grab()  # paint the last screen

    assert f"r{ROWS - 1}" in fetch.asked
    assert len(fetch.asked) < 1_000  # far fewer than 100,000
    assert len(set(fetch.asked)) == len(fetch.asked)  # nothing asked twice
    model = view.lazy_model
    assert model.data(model.index(ROWS - 1, 1)) == f"apparaat r{ROWS - 1}"
    assert f"r{ROWS // 2}" not in fetch.asked  # the middle was never painted


def test_page_by_page_scrolling_stays_lazy(view: LazyTableView, fetch: FakeFetch) -> None:
    bar = view.verticalScrollBar()
    for step in range(40):
        bar.setValue(bar.maximum() * step // 40)
        view.grab()
    # 40 screens of about 15 rows, in blocks of BLOCK: a small fraction of the rows
    assert len(fetch.asked) <= 40 * BLOCK
    assert fetch.calls <= 40


def test_selection_survives_a_reload_by_id(view: LazyTableView) -> None:
    view.select_row(ROWS - 3)
    assert view.selected_id() == f"r{ROWS - 3}"
    view.reload()
    assert view.selected_id() == f"r{ROWS - 3}"
