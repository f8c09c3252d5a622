"""Limits for the hub's HTTP server: connection caps, timeouts and calm logging.

uvicorn's h11 server has a keep-alive timeout only: a socket that sends half a request head,
or half a body, is kept for ever, and every accepted socket holds a file descriptor. The
:class:`GuardedH11Protocol` closes

- a connection beyond :attr:`Limits.max_connections`, or beyond
  :attr:`Limits.per_client` from one address, right after it is accepted;
- a connection whose request head has not fully arrived :attr:`Limits.header_seconds` after
  it was opened (or after the previous answer);
- a connection whose request body has not fully arrived :attr:`Limits.body_seconds` after its
  head (the endpoint answers ``408`` just before; this is the backstop for every path).

Everything the server or asyncio says about a connection (``Errno 24`` when descriptors run
out, a reset, a protocol error) becomes one line without a traceback, at most
:attr:`CalmLog.burst` at once and :attr:`CalmLog.per_second` after that
(:func:`calm_server_logging`); a flood becomes a count of skipped lines.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "CONNECTION_LOG",
    "DEFAULT_LIMITS",
    "CalmLog",
    "GuardedH11Protocol",
    "Limits",
    "calm_server_logging",
]

#: The hub's own lines about refused and aborted requests.
CONNECTION_LOG = "noodpost.hub.http"
_SERVER_LOGS = ("uvicorn.error", "asyncio")


@dataclass(frozen=True)
class Limits:
    """What one client may hold of the hub's server.

    The defaults suit a hub serving tens of posts over a LAN or wifi: a post holds one
    connection per sync, and its head is a few hundred bytes. A 200 MB bundle (the largest
    the network takes) must arrive at about 3.5 MB/s; larger or slower goes by USB stick.

    Attributes:
        max_connections: open connections in all; more are closed right after accept.
        per_client: open connections from one address.
        header_seconds: to send a request head, from connecting or from the last answer.
        body_seconds: to send the whole body after the head.
        keep_alive_seconds: an idle connection between requests is closed after this.
        max_body_in_memory: request bodies held at once, in bytes (the endpoint's budget).
    """

    max_connections: int = 200
    per_client: int = 32
    header_seconds: float = 10.0
    body_seconds: float = 60.0
    keep_alive_seconds: int = 5
    max_body_in_memory: int = 200 * 1024 * 1024


DEFAULT_LIMITS = Limits()

#: Seconds the protocol waits beyond ``body_seconds`` for the endpoint's own ``408``.
_BODY_GRACE = 2.0


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with connection caps and head/body deadlines.

    A server uses a subclass that sets :attr:`limits` (see :func:`protocol_for`).
    """

    limits: Limits = DEFAULT_LIMITS
    _per_client: Counter[str] = Counter()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._peer = self.client[0] if self.client else ""
        self._counted = False
        if len(self.connections) > self.limits.max_connections:
            self._drop("te veel verbindingen tegelijk")
            return
        if self._per_client[self._peer] >= self.limits.per_client:
            self._drop("te veel verbindingen vanaf één adres")
            return
        self._per_client[self._peer] += 1
        self._counted = True
        self._arm(self.limits.header_seconds, self._head_late)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        if self._counted:
            self._counted = False
            self._per_client[self._peer] -= 1
            if self._per_client[self._peer] <= 0:
                del self._per_client[self._peer]
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        waiting_for_head = self.conn.their_state is h11.IDLE
        super().data_received(data)
        if waiting_for_head and self.conn.their_state is h11.SEND_BODY:
            self._arm(self.limits.body_seconds + _BODY_GRACE, self._body_late)
        elif waiting_for_head and self.conn.their_state is not h11.IDLE:
            self._disarm()  # a request without a body: the answer is the app's to give

    def on_response_complete(self) -> None:
        self._disarm()
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm(self.limits.header_seconds, self._head_late)

    # ---------------------------------------------------------------- deadlines

    def _arm(self, seconds: float, then: Callable[[], None]) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, then)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _head_late(self) -> None:
        if self.conn.their_state is h11.IDLE:
            self._drop("verzoek kwam niet op tijd binnen")

    def _body_late(self) -> None:
        if self.conn.their_state is h11.SEND_BODY:
            self._drop("bundel kwam niet op tijd binnen")

    def _drop(self, why: str) -> None:
        if not self.transport.is_closing():
            logging.getLogger(CONNECTION_LOG).warning(
                "Verbinding van %s gesloten: %s.", self._peer or "onbekend", why
            )
            self.transport.abort()


def protocol_for(limits: Limits) -> type[GuardedH11Protocol]:
    """A protocol class with these limits and its own per-address counts (one per server)."""
    return type(
        "HubH11Protocol",
        (GuardedH11Protocol,),
        {"limits": limits, "_per_client": Counter()},
    )


class CalmLog(logging.Filter):
    """One line per record, no traceback, at most ``burst`` at once then ``per_second``.

    Records beyond the rate are dropped and counted; the next line that passes says how many
    were skipped. The exception of a record is kept as its type and text only.
    """

    def __init__(self, burst: int = 20, per_second: float = 1.0) -> None:
        super().__init__()
        self.burst = burst
        self.per_second = per_second
        self._tokens = float(burst)
        self._last = time.monotonic()
        self._skipped = 0
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            now = time.monotonic()
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.per_second)
            self._last = now
            if self._tokens < 1:
                self._skipped += 1
                return False
            self._tokens -= 1
            skipped, self._skipped = self._skipped, 0
        text = " ".join(record.getMessage().split())
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text += f" ({type(error).__name__}: {' '.join(str(error).split())})"
        if skipped:
            text += f" ({skipped} eerdere meldingen overgeslagen)"
        record.msg, record.args = text, None
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def calm_server_logging(*, console: bool) -> None:
    """Make uvicorn's, asyncio's and the hub's connection lines calm (idempotent).

    All three pass a :class:`CalmLog` each and end in the ``noodpost`` log file, never in
    Python's last-resort handler (which prints tracebacks).

    Args:
        console: also print warnings on stderr (``noodpost hub serve``), one line each.
    """
    hub = logging.getLogger(CONNECTION_LOG)
    for logger in (hub, *map(logging.getLogger, _SERVER_LOGS)):
        if not any(isinstance(f, CalmLog) for f in logger.filters):
            logger.addFilter(CalmLog())
    for name in _SERVER_LOGS:
        logger = logging.getLogger(name)
        logger.propagate = False
        if not any(isinstance(h, _Forward) for h in logger.handlers):
            logger.addHandler(_Forward(hub))
    if console and not any(isinstance(h, _Console) for h in hub.handlers):
        hub.addHandler(_Console())


class _Forward(logging.Handler):
    """Hands a server record, already calmed, to the hub logger's handlers."""

    def __init__(self, target: logging.Logger) -> None:
        super().__init__()
        self.target = target

    def emit(self, record: logging.LogRecord) -> None:
        self.target.callHandlers(record)


class _Console(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings on stderr as ``12:00:01  line`` (the console of ``hub serve``)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setLevel(logging.WARNING)
        self.setFormatter(logging.Formatter("%(asctime)s  %(message)s", "%H:%M:%S"))
