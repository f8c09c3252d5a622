"""``noodpost hub serve --workers N``: several processes serving one hub on one port.

A region's hub on PostgreSQL imports the bundles of different posts at once
(:mod:`noodpost.storage.concurrency`); one process imports one bundle at a time. This module
binds the listening socket once and forks ``N`` worker processes that all accept on it (the
kernel hands each connection to one of them), each with its own database connections, as
``gunicorn``'s pre-fork model does. A worker that dies — killed, out of memory — is replaced
at once; what it was importing was never committed, and its post sends it again at its next
sync (bundles are cumulative). Ctrl+C or SIGTERM stops every worker (each lets a running
exchange finish, as a single ``hub serve`` does).

Only on PostgreSQL (a SQLite file has one writer at a time: more processes only wait for each
other) and only where processes can fork (Linux, macOS). Several machines, or processes on
different ports behind a load balancer, work just as well: each is a plain ``hub serve``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from pathlib import Path
from types import FrameType

from noodpost.core.errors import UserError
from noodpost.core.private_files import protect_new_files
from noodpost.hub.endpoint import Reporter, make_app
from noodpost.hub.guard import DEFAULT_LIMITS, Limits
from noodpost.hub.server import (
    HubServer,
    bind,
    database_on_server,
    hub_sync,
    serving_where,
)
from noodpost.services.base import ServiceContext

#: At most this many workers: each holds database connections and its own memory.
MAX_WORKERS = 64


def serve_workers(
    data_dir: Path,
    host: str,
    port: int,
    workers: int,
    *,
    limits: Limits = DEFAULT_LIMITS,
    report: Reporter | None = None,
) -> None:
    """Serve the hub of ``data_dir`` with ``workers`` processes on one socket, until Ctrl+C.

    Raises:
        UserError: not a hub on PostgreSQL, no fork on this system, a bad number, the port
            in use (as :func:`~noodpost.hub.server.serve`).
    """
    if not 1 <= workers <= MAX_WORKERS:
        raise UserError(f"Kies voor --workers een aantal van 1 tot en met {MAX_WORKERS}.")
    if not hasattr(os, "fork"):
        raise UserError(
            "Meerdere werkers (--workers) kan alleen op Linux of macOS. Start hier één "
            "'noodpost hub serve', of meerdere op verschillende poorten achter een verdeler."
        )
    if data_dir.is_dir() and not database_on_server(data_dir):
        raise UserError(
            "Meerdere werkers (--workers) kan alleen met een database op PostgreSQL: een "
            "databasebestand heeft één schrijver tegelijk. Start 'noodpost hub serve' zonder "
            "--workers, of zet de C-NSP over naar PostgreSQL."
        )
    protect_new_files()
    with hub_sync(data_dir) as sync:  # checked once, before any worker starts
        node = ServiceContext(sync.db, sync.clock).node
    listening = bind(host, port)
    try:
        where = serving_where(host, listening.getsockname()[1])
        print(
            f"{node.name} ({node.post_code}) ontvangt bundels op {where}, met {workers} "
            "werkers. Stoppen met Ctrl+C.",
            flush=True,
        )
        _supervise(data_dir, host, listening, workers, limits, report)
    finally:
        listening.close()
    print("Gestopt: er worden geen bundels meer ontvangen.", flush=True)


def _supervise(
    data_dir: Path,
    host: str,
    listening: socket.socket,
    workers: int,
    limits: Limits,
    report: Reporter | None,
) -> None:
    """Fork the workers, replace any that dies, stop them all on SIGINT or SIGTERM."""
    stopping = False

    def stop(_signal: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for pid in running:
            _signal_quietly(pid, signal.SIGTERM)

    running: dict[int, int] = {}  # pid → worker number
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for number in range(1, workers + 1):
            running[_fork(data_dir, host, listening, limits, report)] = number
        print(f"Werkers gestart: processen {', '.join(map(str, running))}.", flush=True)
        while running:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:  # pragma: no cover — PEP 475 retries; kept for safety
                continue
            number = running.pop(pid, 0)
            if not number or stopping:
                continue
            new = _fork(data_dir, host, listening, limits, report)
            running[new] = number
            print(
                f"Werker {number} (proces {pid}) stopte onverwacht ({_ended(status)}); "
                f"vervangen door proces {new}. Wat hij aan het inlezen was, stuurt de post "
                "bij de volgende synchronisatie opnieuw.",
                flush=True,
            )
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _fork(
    data_dir: Path, host: str, listening: socket.socket, limits: Limits, report: Reporter | None
) -> int:
    pid = os.fork()
    if pid:
        return pid
    # The worker: its own database connections (never the parent's), the shared socket.
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor decides; SIGTERM stops
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _work(data_dir, host, listening, limits, report)
        code = 0
    except BaseException as failed:  # a worker never returns into the parent's code
        print(f"Werker gestopt: {failed}", file=sys.stderr, flush=True)
    finally:
        os._exit(code)


def _work(
    data_dir: Path, host: str, listening: socket.socket, limits: Limits, report: Reporter | None
) -> None:
    with hub_sync(data_dir) as sync:
        app = make_app(sync, limits=limits, report=report)
        HubServer(app, host, limits=limits, console=True, listening=listening).run()


def _signal_quietly(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)


def _ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signaal {os.WTERMSIG(status)}"
    return f"afsluitcode {os.waitstatus_to_exitcode(status)}"
