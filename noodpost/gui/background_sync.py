"""Background sync at a post: whenever the C-NSP answers, and at once for a new alarm.

Being offline is normal (DESIGN §3.3): a failed attempt shows nothing but the status line's
"last sync". The network work runs on its own thread, not on the database runner, so a slow
or absent network never makes the desk wait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.sync.http import push_if_reachable
from noodpost.sync.service import SyncService

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000

Push = Callable[[SyncService], bool]


class BackgroundSync(QObject):
    """Tries a network sync every minute and right after an alarm changed.

    Signals:
        synced(bool): an attempt ended; True when the hub took the bundle and answered.
        problem(str): the hub answered with a refusal a person has to act on (Dutch text).
    """

    synced = Signal(bool)
    problem = Signal(str)
    _finished = Signal(object, object)  # result, error

    def __init__(self, app: AppContext, push: Push = push_if_reachable) -> None:
        super().__init__()
        self.app = app
        self._push = push
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="noodpost-sync")
        self._busy = False
        self._again = False
        self._finished.connect(self._done)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self) -> None:
        """Start the minute timer (posts only: a hub answers, it does not call)."""
        if not self.app.node.is_hub:
            self.timer.start()
            self.sync_now()

    @Slot(object)
    def on_entities_changed(self, entities: frozenset[str]) -> None:
        if "alarm" in entities:
            self.sync_now()  # an alarm goes out at once whenever a route exists

    @Slot()
    def sync_now(self) -> None:
        if self.app.node.is_hub:
            return
        if self._busy:
            self._again = True  # one more round once this one is done
            return
        self._busy = True
        service = self.app.services.sync

        def report(future: Future[bool]) -> None:
            error = future.exception()
            self._finished.emit(None if error else future.result(), error)

        self._pool.submit(self._push, service).add_done_callback(report)

    @Slot(object, object)
    def _done(self, result: bool | None, error: BaseException | None) -> None:
        self._busy = False
        if isinstance(error, UserError):
            log.info("Background sync refused by the hub: %s", type(error).__name__)
            self.problem.emit(error.message)
        elif error is not None:
            log.error("Background sync failed", exc_info=error)
        self.synced.emit(bool(result))
        if self._again:
            self._again = False
            self.sync_now()

    def shutdown(self) -> None:
        self.timer.stop()
        self._pool.shutdown(wait=True)
