"""Keys as a volunteer presses them, in the offscreen tests.

A key goes to the window (``QTest.keyClick`` on its ``QWindow``), as the window system delivers
it, so shortcuts and mnemonics are looked up as for a real key press. The offscreen platform has
no window manager to activate a window or a new dialog; :func:`activate` does what it would.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

D = TypeVar("D", bound=QDialog)


def press(
    target: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """``key`` (with ``modifier``) pressed in ``target``'s window."""
    window = target.windowHandle()
    assert window is not None
    QTest.keyClick(window, key, modifier)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as a window manager does."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def opened(qtbot: QtBot, parent: QWidget, kind: type[D], name: str) -> D:
    """The dialog ``name`` that a key just opened over ``parent``, shown and active."""
    qtbot.waitUntil(lambda: parent.findChild(kind, name) is not None)
    dialog = parent.findChild(kind, name)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    activate(qtbot, dialog)
    return dialog
