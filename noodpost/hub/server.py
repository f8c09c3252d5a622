"""Running the hub endpoint: ``noodpost hub serve`` and a background server (uvicorn, h11).

:func:`serve` opens the hub's data folder, checks it is a hub with its keys, and serves
:func:`~noodpost.hub.endpoint.make_app` until Ctrl+C. :class:`HubServer` binds the socket
first (so a busy port is a clear Dutch message, not a log line) and runs uvicorn either in
the calling thread or in a background thread (tests, and a hub screen later).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType

import uvicorn
from starlette.types import ASGIApp

from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError, os_reason
from noodpost.core.private_files import protect_new_files
from noodpost.hub.endpoint import Reporter, make_app
from noodpost.hub.guard import DEFAULT_LIMITS, Limits, calm_server_logging, protocol_for
from noodpost.services.base import ServiceContext
from noodpost.setup_node import database_on_server, open_node
from noodpost.sync.service import SyncService

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "HubServer",
    "Limits",
    "console",
    "database_on_server",
    "hub_sync",
    "make_app",
    "serve",
    "serving_where",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
STARTUP_SECONDS = 10.0
GRACEFUL_SECONDS = 10  # Ctrl+C lets a running exchange finish for at most this long
_ALL_INTERFACES = ("", "0.0.0.0", "::")
#: Connections the kernel holds for the hub before it accepts them. Larger than the connection
#: caps, so a flood is seen (and closed) by the hub at once rather than kept waiting in the
#: kernel, where no timeout of ours can reach it.
BACKLOG = 2048


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port).

    Raises:
        UserError: the address is unknown or the port is in use or not allowed.
    """
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError) as unknown:
        raise UserError(
            f"Het adres '{host}' is op deze laptop onbekend. Gebruik bijvoorbeld --host "
            "127.0.0.1 (alleen deze laptop) of --host 0.0.0.0 (het hele netwerk)."
        ) from unknown
    sock = socket.socket(family, kind, proto)
    try:
        if os.name != "nt":  # on Windows this option would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError as busy:
        sock.close()
        raise UserError(
            f"Poort {port} op {host} is al in gebruik of niet toegestaan "
            f"({os_reason(busy)}). Stop het andere programma, of kies een andere poort "
            "met --port."
        ) from busy
    sock.set_inheritable(True)
    return sock


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


class HubServer:
    """uvicorn serving ``app`` on an already bound socket.

    Use :meth:`run` to block (``noodpost hub serve``; Ctrl+C stops it cleanly), or
    ``with HubServer(app, port=0) as server:`` to serve from a background thread while the
    block runs (``server.url`` is the address). ``limits`` caps connections and times out
    slow heads and bodies (:mod:`noodpost.hub.guard`); give the app the same ones.
    """

    def __init__(
        self,
        app: ASGIApp,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        *,
        limits: Limits = DEFAULT_LIMITS,
        console: bool = False,
        listening: socket.socket | None = None,
    ) -> None:
        self.host = host
        calm_server_logging(console=console)
        # ``listening``: a socket bound already (the workers of 'hub serve --workers' share one).
        self._socket = listening if listening is not None else bind(host, port)
        self.port: int = self._socket.getsockname()[1]
        config = uvicorn.Config(
            app,
            http=protocol_for(limits),
            timeout_keep_alive=limits.keep_alive_seconds,
            ws="none",
            loop="asyncio",
            lifespan="off",
            interface="asgi3",
            log_config=None,  # our logging setup stays in charge
            access_log=False,
            server_header=False,
            timeout_graceful_shutdown=GRACEFUL_SECONDS,
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The address to reach it from this laptop."""
        host = "127.0.0.1" if self.host in _ALL_INTERFACES else self.host
        return _url(host, self.port)

    def run(self) -> None:
        """Serve in this thread until Ctrl+C (or SIGTERM); then return."""
        try:
            self._server.run(sockets=[self._socket])
        except KeyboardInterrupt:
            pass  # uvicorn shut down gracefully and re-raised the signal: a normal stop
        finally:
            self._socket.close()

    def start(self) -> None:
        """Serve from a background thread; returns once the server accepts connections."""
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name="noodpost-hub",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the hub endpoint did not start")
            time.sleep(0.005)

    def stop(self) -> None:
        """Stop the background server (waits for it)."""
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=GRACEFUL_SECONDS + 5)
            self._thread = None
        self._socket.close()

    def __enter__(self) -> HubServer:
        self.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.stop()


@contextmanager
def hub_sync(data_dir: Path) -> Iterator[SyncService]:
    """The sync service on the database of the node in ``data_dir``, opened as every other
    road in opens it (:func:`~noodpost.setup_node.open_node`); never created here."""
    db = open_node(data_dir)
    if db is None:
        raise UserError(
            f"In {data_dir} is geen C-NSP ingericht. Kies de map met --data-dir, of richt "
            "een C-NSP in met 'noodpost init --role hub --name NAAM --code CODE'."
        )
    try:
        yield SyncService(db, SystemClock(), data_dir)
    finally:
        db.close()


def serving_where(host: str, port: int) -> str:
    """Where the hub listens, in words for its console."""
    if host in _ALL_INTERFACES:
        return (
            f"alle netwerkaansluitingen, poort {port} (posten gebruiken het netwerkadres van "
            "deze laptop, zoals in het koppelbestand)"
        )
    return _url(host, port)


def console(line: str) -> None:
    print(f"{datetime.now():%H:%M:%S}  {line}", flush=True)


def serve(
    data_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    *,
    limits: Limits = DEFAULT_LIMITS,
    report: Reporter | None = console,
) -> None:
    """(hub) ``noodpost hub serve``: the endpoint for posts, until Ctrl+C.

    Prints where it listens and one line per bundle (``report``); refused and aborted
    requests are one calm line each on stderr, rate-limited.

    Raises:
        UserError: no hub in ``data_dir``, keys missing, the port in use, an unknown host.
    """
    protect_new_files()  # the hub's database, quarantine and logs: its owner's only
    with hub_sync(data_dir) as sync:
        app = make_app(sync, limits=limits, report=report)
        node = ServiceContext(sync.db, sync.clock).node
        server = HubServer(app, host, port, limits=limits, console=True)
        where = serving_where(host, server.port)
        print(
            f"{node.name} ({node.post_code}) ontvangt bundels op {where}. Stoppen met Ctrl+C.",
            flush=True,
        )
        server.run()
        print("Gestopt: er worden geen bundels meer ontvangen.", flush=True)
