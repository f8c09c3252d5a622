"""Guard against the PySide6 release that kills Noodpost on Python 3.11.

PySide6 6.12.0 returns ``None`` from Qt methods declared ``void`` without taking a reference to
it. On Python 3.11 ``None`` is an ordinary reference-counted object (it became immortal only in
3.12), so every such call lowers ``None``'s count by one; after some 2,000 calls (a few minutes
at the desk) the count reaches zero and the interpreter aborts with "Fatal Python error:
none_dealloc: deallocating None" — no exception, no log line, the window simply vanishes.
requirements.lock therefore pins 6.11.2, and these tests fail the moment another version slips
in, or the pinned one shows the leak.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import PySide6
import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui

LOCK_FILE = Path(__file__).resolve().parents[2] / "requirements.lock"
CALLS = 5_000
BATCH = 100
#: Unrelated code may hold or drop a handful of references to None meanwhile; a leak of one
#: per call would exceed this within the first batch, long before None could reach zero.
TOLERANCE = 50


def pinned(package: str) -> str:
    match = re.search(
        rf"^{re.escape(package)}==(\S+)", LOCK_FILE.read_text(encoding="utf-8"), re.MULTILINE
    )
    assert match, f"{package} is not pinned in {LOCK_FILE.name}"
    return match.group(1)


def test_installed_pyside6_is_the_pinned_one() -> None:
    assert PySide6.__version__ == pinned("PySide6-Essentials")
    assert shiboken6.__version__ == pinned("shiboken6")


def test_void_qt_methods_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel(widget)
    plain = QObject()
    texts = ("Water 3 l", "Voedselpakket")
    calls = [
        lambda i: label.setText(texts[i % 2]),
        lambda i: label.setToolTip(texts[i % 2]),
        lambda i: widget.setObjectName(texts[i % 2]),
        lambda i: widget.setEnabled(i % 2 == 0),
        lambda i: plain.setObjectName(texts[i % 2]),
        lambda i: label.clear(),
    ]
    start = sys.getrefcount(None)

    for batch in range(CALLS // BATCH):
        for i in range(BATCH):
            calls[i % len(calls)](i)
        # Checked after every batch, so a leak fails here instead of aborting the test run.
        lost = start - sys.getrefcount(None)
        assert lost <= TOLERANCE, (
            f"None lost {lost} references after {(batch + 1) * BATCH} Qt calls: this PySide6 "
            f"({PySide6.__version__}) leaks None and will abort Python 3.11 (none_dealloc)"
        )
