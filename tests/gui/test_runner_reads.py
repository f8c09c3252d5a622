"""The runner's reads (issue 15): on the reader thread, in order per key, never stuck.

A page refreshed faster than it can be read (a hub during a long import) must still show the
newest state and then stop; a read that fails with a bug must not leave its screen without
reads for the rest of the shift; a result for a page that was closed meanwhile is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from noodpost.gui.runner import Runner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[Runner]:
    made = Runner()
    yield made
    made.shutdown()


def slow(gate: threading.Event, value: str, threads: list[str]) -> Callable[[], str]:
    def read() -> str:
        threads.append(threading.current_thread().name)
        gate.wait(5)
        return value

    return read


def test_reads_of_one_key_come_in_order_and_the_newest_is_shown_last(
    qtbot: QtBot, runner: Runner
) -> None:
    shown: list[str] = []
    threads: list[str] = []
    gate = threading.Event()
    for value in ("first", "second", "third"):  # three refreshes while the first is read
        runner.read(slow(gate, value, threads), shown.append, key="page")
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0)

    assert shown == ["first", "third"]  # the one between was overtaken by the newest
    assert len(threads) == 2
    assert all(name.startswith("noodpost-read") for name in threads)


def test_a_read_that_fails_with_a_bug_leaves_its_key_readable(qtbot: QtBot, runner: Runner) -> None:
    bugs: list[BaseException] = []
    runner.bug.connect(bugs.append)

    def broken() -> str:
        raise RuntimeError("a bug in a page's load()")

    runner.read(broken, lambda _value: None, key="page")
    qtbot.waitUntil(lambda: runner.pending == 0)
    shown: list[str] = []
    runner.read(lambda: "read again", shown.append, key="page")
    qtbot.waitUntil(lambda: runner.pending == 0)

    assert [str(b) for b in bugs] == ["a bug in a page's load()"]  # the bug dialog is told
    assert shown == ["read again"]


def test_a_result_for_a_closed_page_is_dropped(qtbot: QtBot, runner: Runner) -> None:
    label = QLabel()
    gate = threading.Event()
    shown: list[str] = []
    runner.read(slow(gate, "late", []), shown.append, key=label, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label))
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0)

    assert shown == []
