"""Something a page does once it shows what it read after a write (issue 15).

A page's content arrives from the runner's reader thread (:meth:`Page.refresh`). After a
write, a page often wants to act on the new content — select the row just made, say whether
it is in the list — and must not act on an older read that was still under way when the
write committed. :class:`AfterRead` numbers the reads: :meth:`AfterRead.ask` when a read
starts, :meth:`AfterRead.then` for what to do, and :meth:`AfterRead.shown` when a read is
shown runs what was asked for before that read started (so after the write's commit).
"""

from __future__ import annotations

from collections.abc import Callable


class AfterRead:
    """Deeds waiting for a read that started after them (GUI thread only)."""

    def __init__(self) -> None:
        self._asked = 0
        self._waiting: list[tuple[int, Callable[[], object]]] = []

    def ask(self) -> int:
        """A read starts: its number, for :meth:`shown`."""
        self._asked += 1
        return self._asked

    def then(self, deed: Callable[[], object]) -> None:
        """Do ``deed`` once a read that starts after now is shown."""
        self._waiting.append((self._asked, deed))

    def shown(self, read: int) -> None:
        """Read number ``read`` is on the screen: do the deeds that were waiting for it."""
        due = [deed for asked, deed in self._waiting if asked < read]
        self._waiting = [(asked, deed) for asked, deed in self._waiting if asked >= read]
        for deed in due:
            deed()
