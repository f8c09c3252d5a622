"""One runner for database work from the GUI (STYLE.md: Anki's ``CollectionOp``/``QueryOp``).

A page hands a service call to :meth:`Runner.run`; it runs on a single worker thread, so the
window stays responsive on an old laptop and writes never overlap, and the result comes back
on the GUI thread. A :class:`UserError` becomes a calm Dutch message box by default; anything
else is a bug and goes to the bug dialog with the log location — never silence.

What a screen shows is read through :meth:`Runner.read`, on a second thread with its own
connection (SQLite in WAL mode and PostgreSQL both let it read beside a write): a page
refresh, the status line and badges, the desk's scan, the hub's watch for arrivals. Each read
runs in one transaction (what it returns was true at one moment). Reads of one *key* queue
behind each other, so results arrive in order. No SQL runs on the GUI thread once the window
is up (``tests/gui/test_gui_thread_sql.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from noodpost.core.errors import UserError
from noodpost.gui.errors import show_user_error

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class _Read:
    call: Callable[[], Any]
    on_done: Callable[[Any], Any]
    on_user_error: Callable[[UserError], Any] | None
    owner: QObject | None


class Runner(QObject):
    """Runs service calls off the GUI thread, one at a time.

    Signals:
        busy_changed(bool): work started (True) or the queue ran empty (False).
        bug(object): an unexpected exception reached the runner (after it was logged).
    """

    busy_changed = Signal(bool)
    bug = Signal(object)
    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        snapshot: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="noodpost-db")
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="noodpost-read")
        self._pending = 0
        self._stopped = False
        self._reading: dict[object, _Read | None] = {}  # key under way → the read after it
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], Any] | None = None,
        *,
        on_user_error: Callable[[UserError], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Run ``call()`` on the worker; then ``on_done(result)`` on the GUI thread.

        Args:
            call: a service call (use a lambda or functools.partial for arguments).
            on_done: gets the result on the GUI thread.
            on_user_error: handles a refusal; by default a message box over ``parent``.
            parent: the widget a default message box belongs to.
        """
        self._submit(self._pool, call, on_done, on_user_error, parent)

    def read(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], Any],
        *,
        key: object,
        on_user_error: Callable[[UserError], Any] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run the read ``call()`` on the reader thread; then ``on_done(result)`` on the GUI
        thread, unless ``owner`` was deleted meanwhile.

        One read per ``key`` at a time: a read asked for while one of its key is under way
        waits for it and then runs (the newest such request only, the ones between are
        dropped), so a screen refreshed faster than it can be read still shows every result
        in order and is never starved.

        Args:
            call: service reads only (never a write: writes go through :meth:`run`).
            on_done: shows the result, on the GUI thread.
            key: what the read is for (a page, the status line).
            on_user_error: handles a refusal (a card code that does not exist); by default
                a message box over ``owner``.
            owner: the widget the result is for; when it is gone the result is dropped.
        """
        if self._stopped:
            return  # the window is closing: nothing will show the result
        request = _Read(call, on_done, on_user_error, owner)
        if key in self._reading:
            self._reading[key] = request  # after the one under way
            return
        self._reading[key] = None
        self._start_read(key, request)

    def _start_read(self, key: object, request: _Read) -> None:
        owner = request.owner

        def next_read() -> None:  # however this one ended (a bug too): the one that waits
            queued = self._reading.pop(key, None)
            if queued is not None and not self._stopped:
                self._reading[key] = None
                self._start_read(key, queued)

        def then(handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
            def deliver(value: Any) -> Any:
                if owner is not None and not shiboken6.isValid(owner):
                    return None
                return handler(value)

            return deliver

        parent = owner if isinstance(owner, QWidget) else None
        refused = request.on_user_error or (lambda error: show_user_error(parent, error))
        call = request.call

        def at_one_moment() -> Any:
            with self._snapshot():
                return call()

        self._submit(
            self._reader, at_one_moment, then(request.on_done), then(refused), parent, next_read
        )

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        call: Callable[[], T],
        on_done: Callable[[T], Any] | None,
        on_user_error: Callable[[UserError], Any] | None,
        parent: QWidget | None,
        after: Callable[[], None] | None = None,
    ) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def report(future: Future[T]) -> None:
            error = future.exception()
            result = None if error is not None else future.result()
            self._finished.emit((on_done, on_user_error, parent, after), result, error)

        pool.submit(call).add_done_callback(report)

    @Slot(object, object, object)
    def _deliver(self, handler: Any, result: Any, error: BaseException | None) -> None:
        on_done, on_user_error, parent, after = handler
        self._pending -= 1
        try:
            if after is not None:
                after()
            if error is None:
                if on_done is not None:
                    on_done(result)
            elif isinstance(error, UserError):
                if on_user_error is not None:
                    on_user_error(error)
                else:
                    show_user_error(parent, error)
            else:
                log.error("Background operation failed", exc_info=error)
                self.bug.emit(error)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Finish queued work and stop the worker and the reader (at exit); a read asked
        for after this (a timer of a closing window) is not run."""
        self._stopped = True
        self._pool.shutdown(wait=True)
        self._reader.shutdown(wait=True)
