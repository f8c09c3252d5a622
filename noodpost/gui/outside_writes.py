"""Changes written by another process show within seconds (issue 18, item 9).

A ``noodpost sync import`` or a pairing on the command line while the window is open wrote to
the same database, and the window kept showing the old state — "NOG NIET BEVESTIGD" after the
C-NSP had confirmed — even after F5. Every two seconds this asks SQLite whether another
connection committed (``PRAGMA data_version``: no file read when nothing changed); when one
did, every page and the status line hear "everything may have changed", as after a write of
the window's own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

from noodpost.services.base import EVERY_KIND, ServiceContext

#: How often to look, in milliseconds.
INTERVAL_MS = 2_000


class OutsideWrites(QObject):
    """Polls for commits by others and passes them on as a change of every kind."""

    def __init__(
        self,
        ctx: ServiceContext,
        changed: Callable[[frozenset[str]], None],
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._changed = changed
        ctx.outside_change()  # the measure to compare with
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    @Slot()
    def check(self) -> None:
        if self._ctx.outside_change():
            self._changed(EVERY_KIND)
