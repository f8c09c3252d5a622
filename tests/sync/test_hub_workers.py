"""``noodpost hub serve --workers N``: several processes on one port, one PostgreSQL hub.

The real command in its own process; posts sync over HTTP; one worker is killed with SIGKILL
and replaced, the posts keep syncing; Ctrl+C stops them all. A SQLite hub is refused calmly.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from parallel_kit import build_region, held, sendable
from pg import PgServer
from sitekit import HUB_CODE, build_site

from noodpost.core.clock import FixedClock
from noodpost.storage.engine import open_database
from noodpost.sync.http import sync_now


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(hub_dir: Path, port: int, workers: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "noodpost", "--data-dir", str(hub_dir), "hub", "serve"]
    return subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )


def _line(process: subprocess.Popen[str], pattern: str) -> re.Match[str]:
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(pattern, line)
        if found:
            return found
    raise AssertionError(f"no line like {pattern!r}; stderr: {process.stderr.read()}")  # type: ignore[union-attr]


def _accepts(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the hub did not start listening")


def test_workers_share_a_port_and_a_killed_one_is_replaced(
    tmp_path: Path, clock: FixedClock, pg_server: PgServer
) -> None:
    url = pg_server.fresh()
    region = build_region(tmp_path, clock, url, 4)
    region.hub.db.close()
    port = _free_port()
    hub_url = f"http://127.0.0.1:{port}"
    server = _serve(region.hub.data_dir, port, 3)
    try:
        pids = [int(p) for p in _line(server, r"processen ([\d, ]+)\.").group(1).split(", ")]
        assert len(pids) == 3
        _accepts(port)
        for post in region.posts:
            post.intake.register(size=2)
            assert sync_now(post.sync, hub_url).hub_applied > 0

        os.kill(pids[0], signal.SIGKILL)
        replaced = _line(server, rf"\(proces {pids[0]}\) stopte onverwacht \(signaal 9\)")
        assert replaced
        for post in region.posts:
            post.intake.register(size=3)
            assert sync_now(post.sync, hub_url).hub_applied > 0

        server.send_signal(signal.SIGINT)  # Ctrl+C
        out, _err = server.communicate(timeout=60)
        assert server.returncode == 0
        assert "Gestopt: er worden geen bundels meer ontvangen." in out
        hub = open_database(url, migrate_schema=False)
        try:
            for post in region.posts:
                assert sorted(held(hub, post.node_id)) == sorted(sendable(post))
        finally:
            hub.close()
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()
        region.close()
        pg_server.drop(url)


def test_workers_on_a_sqlite_hub_are_refused(tmp_path: Path, clock: FixedClock) -> None:
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    hub.db.close()
    server = _serve(hub.data_dir, _free_port(), 2)
    _out, err = server.communicate(timeout=60)
    assert server.returncode != 0
    assert "Meerdere werkers (--workers) kan alleen met een database op PostgreSQL" in err
