"""Attacks on ``noodpost hub serve`` over real HTTP: the hub runs in its own process, on
SQLite and on PostgreSQL.

Memory is the hub's peak resident size (``VmHWM`` in ``/proc``); slow connections run against
a hub started with 1,024 file descriptors, while a paired post really syncs.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pg import PgServer

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc, uses 127.0.0.2")

HEADER_TIMEOUT = 2.0
BODY_TIMEOUT = 3.0
DECLARED = 199 * 1024 * 1024


@dataclass
class Hub:
    process: subprocess.Popen[bytes]
    port: int
    stderr: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise AssertionError("no VmHWM")

    def errors(self) -> str:
        return self.stderr.read_text()


def _cli(home: Path, *args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "noodpost", "--data-dir", str(home), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "NOODPOST_LOG_DIR": str(home.parent / "logs")},
        timeout=timeout,
        check=False,
    )


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sites(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """A hub and a post (GR-0014), paired by file; the hub has not approved it yet. The hub's
    database is a SQLite file, and in the second run of the module a PostgreSQL database."""
    root = tmp_path_factory.mktemp("sites")
    server: PgServer | None = None
    database: list[str] = []
    if request.param == "postgresql":
        server = request.getfixturevalue("pg_server")
        database = ["--database", server.fresh()]
    hub = ("init", "--role", "hub", "--name", "C-NSP Geheim", "--code", "GR-9000")
    _ok(_cli(root / "hub", *hub, *database))
    _ok(_cli(root / "post", "init", "--role", "post", "--name", "Ten Boer", "--code", "GR-0014"))
    _ok(_cli(root / "hub", "pairing", "export", root / "pair.json"))
    _ok(_cli(root / "post", "pairing", "import", root / "pair.json"))
    yield root
    if server is not None:
        server.drop(database[1])


def _limit_files() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))


@pytest.fixture
def hub(sites: Path, tmp_path: Path) -> Iterator[Hub]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stderr = tmp_path / "hub-stderr.txt"
    with stderr.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "noodpost",
                "--data-dir",
                str(sites / "hub"),
                "hub",
                "serve",
                "--port",
                str(port),
                "--max-connections",
                "999999",
                "--body-timeout",
                str(BODY_TIMEOUT),
            ],
            stdout=subprocess.DEVNULL,
            stderr=sink,
            env={**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")},
            preexec_fn=_limit_files,  # noqa: PLW1509 — only setrlimit, before exec
        )
    running = Hub(process, port, stderr)
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(running.url + "/v1/health", timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, running.errors()
            assert time.monotonic() < deadline, running.errors()
            time.sleep(0.1)
    yield running
    process.terminate()
    process.wait(timeout=20)


def _raise_own_file_limit() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))


def _head(length: int) -> bytes:
    return (
        f"POST /v1/bundles HTTP/1.1\r\nHost: hub\r\nContent-Type: application/octet-stream\r\n"
        f"Content-Length: {length}\r\n\r\n"
    ).encode()


def _still_open(sock: socket.socket) -> bool:
    """Whether the hub has not closed (or reset) this connection yet."""
    sock.settimeout(0.001)
    try:
        return sock.recv(1) != b""
    except TimeoutError:
        return True
    except OSError:
        return False  # reset by the hub


def _calm(errors: str, most: int) -> None:
    assert "Traceback" not in errors
    assert len(errors.splitlines()) <= most, errors[-2000:]


def test_twenty_large_uploads_do_not_fill_the_hubs_memory(hub: Hub) -> None:
    sent: list[int] = []

    def upload() -> None:
        chunk = os.urandom(1024 * 1024)
        total = 0
        with socket.create_connection(("127.0.0.1", hub.port), timeout=10) as sock:
            try:
                sock.sendall(_head(DECLARED))
                while total < 40 * 1024 * 1024:  # 40 MB each as fast as taken, then slowly
                    sock.sendall(chunk)
                    total += len(chunk)
                time.sleep(1.0)
            except OSError:
                pass  # refused: the hub closed the connection
        sent.append(total)

    threads = [threading.Thread(target=upload) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=40)
    peak = hub.peak_mb()
    print(f"hub peak {peak:.0f} MB; sent {sum(sent) // 2**20} MB in all")
    assert peak < 300
    with urllib.request.urlopen(hub.url + "/v1/health", timeout=5) as still:
        assert still.status == 200
    _calm(hub.errors(), 40)
    assert "al genoeg bundels tegelijk" in hub.errors()


def test_a_thousand_slow_connections_do_not_stop_a_real_sync(hub: Hub, sites: Path) -> None:
    _raise_own_file_limit()
    assert "goedkeuring" in _ok(_cli(sites / "post", "sync", "now", "--url", hub.url))
    _ok(_cli(sites / "hub", "posts", "approve", "GR-0014"))
    slow: list[socket.socket] = []
    try:
        for _ in range(1000):  # another laptop on the LAN, holding half a request head
            sock = socket.socket()
            sock.bind(("127.0.0.2", 0))
            sock.settimeout(5)
            try:
                sock.connect(("127.0.0.1", hub.port))
                sock.sendall(b"POST /v1/bundles HTTP/1.1\r\nHost: hub\r\n")
            except OSError:
                pass  # closed at once: that is the point
            slow.append(sock)
        started = time.monotonic()
        done = _cli(sites / "post", "sync", "now", "--url", hub.url, timeout=30)
        took = time.monotonic() - started
        print(f"sync now under 1,000 slow connections: {took:.1f} s")
        assert "Gesynchroniseerd met C-NSP Geheim" in _ok(done)
        assert took < 15
        # Each is closed HEADER_TIMEOUT after the hub accepted it, or at once when over a cap.
        # Under this flood the hub runs out of file descriptors for a moment and asyncio pauses
        # accepting, so the last are accepted (and timed) later: about 10 s here for all 1,000
        # (before: still open after 90 s). The bound leaves room for a slower machine.
        deadline = started + 30
        open_ = list(slow)
        while open_ and time.monotonic() < deadline:
            time.sleep(0.25)
            open_ = [sock for sock in open_ if _still_open(sock)]
        print(f"all slow connections closed after {time.monotonic() - started:.1f} s")
        assert not open_, f"{len(open_)} still open; {hub.errors()[-2000:]}"
    finally:
        for sock in slow:
            sock.close()
    _calm(hub.errors(), 60)
    assert "niet op tijd binnen" in hub.errors()


def test_a_body_that_stops_halfway_is_answered_408_and_closed(hub: Hub) -> None:
    with socket.create_connection(("127.0.0.1", hub.port), timeout=BODY_TIMEOUT + 5) as sock:
        sock.sendall(_head(1024 * 1024) + b"x" * 1000)
        started = time.monotonic()
        answer = b""
        while chunk := sock.recv(65536):  # head and body may come apart; the hub then closes
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 408")
        assert "niet op tijd binnen" in answer.decode()
        assert time.monotonic() - started < BODY_TIMEOUT + 2
    _calm(hub.errors(), 3)


def test_a_client_leaving_mid_body_is_one_calm_line(hub: Hub) -> None:
    with socket.create_connection(("127.0.0.1", hub.port), timeout=5) as sock:
        sock.sendall(_head(10 * 1024 * 1024) + os.urandom(1024 * 1024))
    deadline = time.monotonic() + 5
    while "viel weg" not in hub.errors() and time.monotonic() < deadline:
        time.sleep(0.05)
    errors = hub.errors()
    assert "Bundel van 127.0.0.1 afgebroken: de verbinding viel weg." in errors
    _calm(errors, 1)
