"""Commits by others, pushed by the database server: several operator workstations on one hub.

A hub on PostgreSQL may be worked from two or three machines at once (issue 19), and the
process that imports the posts' bundles (``noodpost hub serve``) is yet another. Every write
transaction there announces its commit (:mod:`noodpost.storage.dialect`, LISTEN/NOTIFY);
:class:`ChangeFeed` listens on a thread of its own and calls ``on_change`` — on that thread —
as soon as one of another process or workstation arrives: a new alarm shows on every
workstation within a second, without asking the database every few seconds.

A SQLite file has no such push: there :meth:`ChangeFeed.offered` is False and the GUI keeps
polling (:mod:`noodpost.gui.outside_writes`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from noodpost.services.base import ServiceContext
from noodpost.storage.dialect import ChangeListener

log = logging.getLogger(__name__)

#: How long one wait for a notification lasts: how soon :meth:`ChangeFeed.stop` is noticed.
WAIT_S = 0.5

#: After a lost connection, how long before listening again.
RETRY_S = 3.0


class ChangeFeed:
    """Listens for other processes' commits; ``on_change()`` is called on the feed's thread.

    Each time it starts listening — at first, and again after a lost connection — it calls
    ``on_change`` once: a commit before then was not heard.

    Attributes:
        listening: set while the feed's connection LISTENs.
    """

    def __init__(
        self,
        ctx: ServiceContext,
        on_change: Callable[[], None],
        *,
        wait_s: float = WAIT_S,
        retry_s: float = RETRY_S,
    ) -> None:
        self._listener = ChangeListener(ctx.db.engine)
        self._on_change = on_change
        self._wait_s = wait_s
        self._retry_s = retry_s
        self._stopping = threading.Event()
        self.listening = threading.Event()
        self._thread: threading.Thread | None = None

    @staticmethod
    def offered(ctx: ServiceContext) -> bool:
        """Whether the database pushes changes (PostgreSQL), so polling is only a fallback."""
        return ctx.db.is_server

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start listening (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="noodpost-change-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop listening and wait for the thread (at most ``timeout_s``)."""
        self._stopping.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)

    def _run(self) -> None:
        lost = False
        try:
            while not self._stopping.is_set():
                try:
                    if self._listener.connect():  # what came before LISTEN was not heard
                        self.listening.set()
                        self._tell()
                        if lost:
                            lost = False
                            log.info("The database's change feed is back")
                    changed = self._listener.wait(self._wait_s)
                except Exception:  # the server is gone for now: poll continues, try again
                    self.listening.clear()
                    if not lost:
                        log.warning("Lost the database's change feed; retrying", exc_info=True)
                    lost = True
                    self._stopping.wait(self._retry_s)
                    continue
                if changed and not self._stopping.is_set():
                    self._tell()
        finally:
            self.listening.clear()
            self._listener.close()

    def _tell(self) -> None:
        try:
            self._on_change()
        except Exception:  # a listener's bug does not end the feed
            log.exception("A change listener failed")
