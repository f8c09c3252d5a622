"""One runner for database work from the GUI (STYLE.md: Anki's ``CollectionOp``).

A page hands a service call to :meth:`Runner.run`; it runs on a single worker thread, so the
window stays responsive on an old laptop and writes never overlap, and the result comes back
on the GUI thread. A :class:`UserError` becomes a calm Dutch message box by default; anything
else is a bug and goes to the bug dialog with the log location — never silence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from noodpost.core.errors import UserError
from noodpost.gui.errors import show_user_error

log = logging.getLogger(__name__)

T = TypeVar("T")


class Runner(QObject):
    """Runs service calls off the GUI thread, one at a time.

    Signals:
        busy_changed(bool): work started (True) or the queue ran empty (False).
        bug(object): an unexpected exception reached the runner (after it was logged).
    """

    busy_changed = Signal(bool)
    bug = Signal(object)
    _finished = Signal(object, object, object)  # callback, result, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="noodpost-db")
        self._pending = 0
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
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def report(future: Future[T]) -> None:
            error = future.exception()
            result = None if error is not None else future.result()
            handler = (on_done, on_user_error, parent)
            self._finished.emit(handler, result, error)

        self._pool.submit(call).add_done_callback(report)

    @Slot(object, object, object)
    def _deliver(self, handler: Any, result: Any, error: BaseException | None) -> None:
        on_done, on_user_error, parent = handler
        self._pending -= 1
        try:
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
        """Finish queued work and stop the worker (at exit)."""
        self._pool.shutdown(wait=True)
