"""Background sync at a post: whenever the C-NSP answers, and at once for a new alarm.

Being offline is normal (DESIGN §3.3): a failed attempt shows nothing but the status line's
"last sync". The network work runs on its own thread, not on the database runner, so a slow
or absent network never makes the desk wait.

While this post has an alarm the C-NSP has not acknowledged, it asks every second instead of
every minute (every five seconds while the hub does not answer), so the acknowledgement shows
here within moments of being given.

At the hub the same object watches the database for events that arrived from elsewhere —
bundles applied by ``noodpost hub serve`` (often another process) or by a USB import — and
announces them on the services' context, so the alarm inbox and the regional picture refresh
by themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.services.regional import Arrivals, Marker, RegionalService
from noodpost.sync.http import push_if_reachable
from noodpost.sync.service import SyncService

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000
#: (post) While an alarm is not acknowledged: ask the hub this often …
ALARM_INTERVAL_MS = 1_000
#: … or, while the hub does not answer, try again this often (an old laptop on battery).
ALARM_OFFLINE_INTERVAL_MS = 5_000
#: (hub) How often to look for events that arrived from elsewhere.
WATCH_INTERVAL_MS = 500

Push = Callable[[SyncService], bool]


class BackgroundSync(QObject):
    """Tries a network sync every minute (every second while an alarm waits for its
    acknowledgement) and right after an alarm changed; at the hub, watches for arrivals.

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
        self._shut = False  # shutdown() ran: the window is closing
        self._finished.connect(self._done)
        #: The interval while no alarm waits (longer with *stroombesparing*).
        self.idle_interval_ms = INTERVAL_MS
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.sync_now)
        self._regional = RegionalService(app.services.ctx)
        self._marker: Marker | None = None
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self.look_for_arrivals)

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self) -> None:
        """Start syncing (a post) or watching for arrivals (a hub: it answers, it does not call)."""
        if self.app.node.is_hub:
            self.app.runner.read(self._regional.arrivals, self._arrived, key=self)
            self.watch_timer.start()
        else:
            self.timer.start()
            self.sync_now()

    @Slot()
    def look_for_arrivals(self) -> None:
        """(hub) Announce the entities that events from other nodes changed since last time
        (read off the GUI thread; a look asked for while one is under way follows it)."""
        if self._marker is None:
            return  # the first look, for the starting point, is still under way
        self.app.runner.read(partial(self._arrivals_since, self._marker), self._arrived, key=self)

    def _arrivals_since(self, marker: Marker) -> Arrivals | None:
        try:
            return self._regional.arrivals(marker)
        except Exception:  # a busy or failing database: try again at the next tick
            log.exception("Could not look for arrived events")
            return None

    def _arrived(self, arrivals: Arrivals | None) -> None:
        if arrivals is None:
            return
        first = self._marker is None
        self._marker = arrivals.marker
        if arrivals.entities and not first:
            self.app.services.ctx.announce(arrivals.entities)

    @Slot(object)
    def on_entities_changed(self, entities: frozenset[str]) -> None:
        if "alarm" in entities:
            self.sync_now()  # an alarm goes out at once whenever a route exists

    @Slot()
    def sync_now(self) -> None:
        if self.app.node.is_hub or self._shut:
            return  # a hub answers; a closing window's late change signal starts nothing
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
        self._pace(reached=bool(result))
        if self._again:
            self._again = False
            self.sync_now()

    def _pace(self, *, reached: bool) -> None:
        """Every second while an alarm waits for the C-NSP's acknowledgement (every few
        seconds while the hub does not answer), else every minute."""
        try:
            waiting = self.app.services.alarms.unacknowledged_count() > 0
        except Exception:
            log.exception("Could not count unacknowledged alarms")
            waiting = False
        if not waiting:
            interval = self.idle_interval_ms
        else:
            interval = ALARM_INTERVAL_MS if reached else ALARM_OFFLINE_INTERVAL_MS
        if self.timer.interval() != interval:
            self.timer.setInterval(interval)  # restarts a running timer with the new interval

    def set_idle_interval(self, interval_ms: int) -> None:
        """How often to try while no alarm waits; an alarm's pace is never slowed."""
        self.idle_interval_ms = interval_ms
        if self.timer.interval() > ALARM_OFFLINE_INTERVAL_MS:  # not at an alarm's pace now
            self.timer.setInterval(interval_ms)

    def shutdown(self) -> None:
        self._shut = True
        self.watch_timer.stop()
        self.timer.stop()
        self._pool.shutdown(wait=True)
