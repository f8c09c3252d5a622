"""The desk's scan field: a USB barcode scanner types like a keyboard, only much faster.

A scanner sends the whole code as key presses a few milliseconds apart and ends with Enter.
:class:`ScanField` times every key press: characters that follow each other within
:data:`BURST_GAP_MS` form a *run*; an Enter that comes within that gap after a run of at least
:data:`MIN_BURST_CHARS` characters is a scan, and the run alone is the code — whatever a
volunteer had half-typed in the field before is left out. Any other Enter submits what was
typed. Both are emitted; the desk validates the code's check character either way.

The time source is injectable (``clock``, seconds as a float, monotonic), so tests can feed a
burst with exact timing instead of relying on how fast the test machine delivers events.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

#: Key presses closer together than this (milliseconds) belong to one scanner burst.
BURST_GAP_MS = 50.0
#: A burst shorter than this is fast typing, not a scan (a card code has 8 characters).
MIN_BURST_CHARS = 6

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanField(QLineEdit):
    """A line edit that tells a scanner's burst from typing.

    Signals:
        scanned(str, bool): on Enter, the code and whether it came as a scanner burst. The
            field keeps its text; the receiver decides whether to clear it.

    Args:
        clock: seconds since any fixed moment (default :func:`time.monotonic`).
    """

    scanned = Signal(str, bool)

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock or time.monotonic
        self._run: list[str] = []
        self._last_ms: float | None = None

    def set_clock(self, clock: Callable[[], float]) -> None:
        """Use another time source (tests)."""
        self._clock = clock

    def keyPressEvent(self, event: QKeyEvent) -> None:
        now_ms = self._clock() * 1000.0
        fast = self._last_ms is not None and now_ms - self._last_ms <= BURST_GAP_MS
        self._last_ms = now_ms
        if event.key() in _ENTER_KEYS:
            burst = fast and len(self._run) >= MIN_BURST_CHARS
            code = "".join(self._run) if burst else self.text()
            self._run = []
            self._last_ms = None
            event.accept()
            if burst:
                self.setText(code)
            self.scanned.emit(code.strip(), burst)
            return
        text = event.text()
        if text and text.isprintable():
            self._run = [*self._run, text] if fast else [text]
        else:
            self._run = []
        super().keyPressEvent(event)

    def clear_for_next(self) -> None:
        """Empty the field for the next card and forget any half-seen burst."""
        self._run = []
        self._last_ms = None
        self.clear()
