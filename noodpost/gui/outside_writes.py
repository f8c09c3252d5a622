"""Changes written by another process show within seconds (issue 18, item 9; issue 19).

A ``noodpost sync import`` or a pairing on the command line while the window is open wrote to
the same database, and the window kept showing the old state — "NOG NIET BEVESTIGD" after the
C-NSP had confirmed — even after F5. Every two seconds this asks SQLite whether another
connection committed (``PRAGMA data_version``: no file read when nothing changed); when one
did, every page and the status line hear "everything may have changed", as after a write of
the window's own.

A hub on PostgreSQL pushes instead (:class:`~noodpost.services.change_feed.ChangeFeed`,
LISTEN/NOTIFY): another workstation's acknowledgement or an alarm that ``hub serve``
imported is heard the moment it commits, and the poll only runs every
:data:`FALLBACK_INTERVAL_MS` in case the push was lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from noodpost.gui.runner import Runner
from noodpost.services.base import EVERY_KIND, ServiceContext
from noodpost.services.change_feed import ChangeFeed

#: How often to look, in milliseconds.
INTERVAL_MS = 2_000

#: How often to look when the database pushes its changes: only a safety net.
FALLBACK_INTERVAL_MS = 30_000

#: Pushes that arrive within this many milliseconds of the first refresh the screens once.
COALESCE_MS = 100


class OutsideWrites(QObject):
    """Polls (or, on PostgreSQL, is told) of commits by others and passes them on as a change
    of every kind.

    Signals:
        pushed(): the database told of another's commit (emitted on the feed's thread).
    """

    pushed = Signal()

    def __init__(
        self,
        ctx: ServiceContext,
        runner: Runner,
        changed: Callable[[frozenset[str]], None],
        parent: QObject | None = None,
        *,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._changed = changed
        ctx.outside_change()  # the measure to compare with
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(COALESCE_MS)
        self._soon.timeout.connect(self._tell)
        self.pushed.connect(self._pushed)  # queued: from the feed's thread to this one
        self.feed: ChangeFeed | None = None
        if ChangeFeed.offered(ctx):
            self.feed = ChangeFeed(ctx, self.pushed.emit)
            feed = self.feed
            self.destroyed.connect(lambda *_: feed.stop(timeout_s=1.0))
            self.feed.start()
            self.timer.setInterval(max(interval_ms, FALLBACK_INTERVAL_MS))
        self.timer.start()

    @Slot()
    def check(self) -> None:
        """Ask (off the GUI thread: on PostgreSQL it is a query) whether another wrote."""
        self._runner.read(self._ctx.outside_change, self._looked, key=self)

    def _looked(self, changed: bool) -> None:
        if changed:
            self._changed(EVERY_KIND)

    @Slot()
    def _pushed(self) -> None:
        # Not restarted while it runs: a stream of commits (a long import) refreshes the
        # screens every COALESCE_MS, never postpones them.
        if not self._soon.isActive():
            self._soon.start()

    @Slot()
    def _tell(self) -> None:
        # Told already: the next poll need not say it again (the measure is taken off the
        # GUI thread; the screens' reads queue behind it on the reader and see the commit).
        self._runner.read(self._ctx.outside_change, lambda _seen: None, key=self)
        self._changed(EVERY_KIND)

    def stop(self) -> None:
        """Stop polling and listening (the window closes)."""
        self.timer.stop()
        if self.feed is not None:
            self.feed.stop()
