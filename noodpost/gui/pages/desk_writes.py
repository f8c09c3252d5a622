"""The desk's writes: one after another, in the order the keys were pressed (issue 18).

A practised volunteer (or a macro keypad) presses F2 and F3 some 12 ms apart. The second key
used to come while the first hand-out was still being saved, and was dropped without a word.
Now a write that comes while another is under way waits its turn. Each write was made for the
household on screen when its key was pressed, so its turn can never serve another household.
A write the service wants confirmed (:class:`NeedsConfirmation`) asks first; the writes after
it wait for the answer, then go on.

Right after a write commits, on the runner's thread still, the desk is read again and comes
back with the write's result (issue 15): a hand-out shows its new allowance without a second
round trip, and the GUI thread runs no query.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.gui.dialogs.confirm import ask_to_confirm
from noodpost.gui.runner import Runner

T = TypeVar("T")
V = TypeVar("V")


class DeskWrites(QObject, Generic[V]):
    """Runs the desk's service calls through the runner, one at a time and none lost.

    Args:
        page: the desk (parent of the questions).
        reader: gives the read of the desk to run right after a write (for the household on
            screen when the write was asked for).
        finished: after each write, with what that read found (``None`` when the write was
            refused: read again), then the scan field's focus.
        refused: shows a refusal's message (``None``: the volunteer went back).
        track: remembers an open question, so the scan field gets the focus when it closes.
    """

    def __init__(
        self,
        page: QWidget,
        runner: Runner,
        *,
        reader: Callable[[], Callable[[], V]],
        finished: Callable[[V | None], None],
        refused: Callable[[UserError | None], None],
        track: Callable[[QDialog], None],
    ) -> None:
        super().__init__(page)
        self._page = page
        self._runner = runner
        self._reader = reader
        self._finished = finished
        self._refused = refused
        self._track = track
        self._busy = False
        self._waiting: deque[Callable[[], None]] = deque()

    @property
    def busy(self) -> bool:
        return self._busy

    def write(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], Any],
        *,
        retry: Callable[[str | None], Callable[[], T]] | None = None,
        confirm_text: str = "",
    ) -> None:
        """Run ``call`` (now, or after the writes before it); ``on_done`` with its result.

        A :class:`NeedsConfirmation` is asked about; when confirmed, ``retry(reason)`` is run.
        """
        if self._busy:
            self._waiting.append(
                lambda: self.write(call, on_done, retry=retry, confirm_text=confirm_text)
            )
            return
        self._busy = True

        read = self._reader()

        def write_then_read() -> tuple[T, V]:
            result = call()
            return result, read()

        def done(written: tuple[T, V]) -> None:
            result, view = written
            self._busy = False
            self._finished(view)
            on_done(result)
            self._next()

        def refused(error: UserError) -> None:
            if isinstance(error, NeedsConfirmation) and retry is not None:
                self._refused(error)  # the warning stays in view while the question is open
                self._track(
                    ask_to_confirm(
                        self._page,
                        error,
                        lambda reason: self._answered(lambda: self.write(retry(reason), on_done)),
                        confirm_text=confirm_text,
                        on_cancel=lambda: self._answered(lambda: self._refused(None)),
                    )
                )
                return
            self._busy = False
            self._refused(error)
            self._finished(None)
            self._next()

        self._runner.run(write_then_read, done, on_user_error=refused, parent=self._page)

    def _answered(self, then: Callable[[], None]) -> None:
        """The question was answered: ``then`` (the retry, or 'nothing saved'), then the rest."""
        self._busy = False
        then()
        self._next()

    def _next(self) -> None:
        if self._waiting and not self._busy:
            self._waiting.popleft()()
