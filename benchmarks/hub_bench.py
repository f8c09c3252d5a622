"""50 posts syncing at once with one hub over HTTP on 127.0.0.1.

The hub runs as its own process (``noodpost hub serve``), as at a C-NSP; the 50 posts are
threads of this process, each with its own database, keys and pairing. Every post first syncs
once and is approved (setup), then records new events; then all 50 call ``sync now`` at the
same moment. Measured: the seconds of each sync (send, apply at the hub, answer applied), p95;
checked: every event of every post arrived at the hub.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

POSTS = 50
HOUSEHOLDS_PER_POST = 40  # a household and a visit each: 80 new events per post per round


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("the hub process stopped")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the hub did not start listening")


def measure_hub(rounds: int, log: Any = print) -> dict[str, Any]:  # noqa: PLR0915
    from sqlalchemy import func, select  # noqa: PLC0415

    from noodpost.config import catalogue_path  # noqa: PLC0415
    from noodpost.core import cards  # noqa: PLC0415
    from noodpost.core.authority import EVERY_POST  # noqa: PLC0415
    from noodpost.core.catalogue import parse_catalogue  # noqa: PLC0415
    from noodpost.core.clock import SystemClock  # noqa: PLC0415
    from noodpost.core.entities import Op  # noqa: PLC0415
    from noodpost.core.ids import new_id  # noqa: PLC0415
    from noodpost.services.base import ServiceContext  # noqa: PLC0415
    from noodpost.services.setup import initialise  # noqa: PLC0415
    from noodpost.storage.engine import open_database  # noqa: PLC0415
    from noodpost.storage.eventlog import count_events  # noqa: PLC0415
    from noodpost.storage.models import Event  # noqa: PLC0415
    from noodpost.storage.node import database_path  # noqa: PLC0415
    from noodpost.sync.http import sync_now  # noqa: PLC0415
    from noodpost.sync.keys import create_keys  # noqa: PLC0415
    from noodpost.sync.service import SyncService  # noqa: PLC0415

    clock = SystemClock()  # the hub process runs on the real clock; so do the posts
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    base = Path(tempfile.mkdtemp(prefix="noodpost-hub-bench-"))
    hub_process: subprocess.Popen[bytes] | None = None
    posts: list[tuple[Any, Any, Any]] = []
    try:
        started = time.perf_counter()

        def node(folder: str, role: str, code: str) -> tuple[Any, Any, Any]:
            data_dir = base / folder
            data_dir.mkdir()
            db = open_database(database_path(data_dir))
            initialise(
                db,
                clock,
                role=role,
                name=f"Punt {code}",
                code=code,
                catalogue=items,
                catalogue_version=version,
            )
            create_keys(db, data_dir)
            return db, SyncService(db, clock, data_dir), ServiceContext(db, clock)

        hub_db, hub_sync, _ = node("hub", "hub", "GR-9000")
        pairing = base / "koppeling.json"
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        hub_sync.export_pairing(pairing, [url])
        for n in range(POSTS):
            post = node(f"post{n:02d}", "post", f"GR-{n + 100:04d}")
            post[1].import_pairing(pairing)
            posts.append(post)
        hub_db.close()  # the hub process owns it from here on
        hub_process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "noodpost",
                "--data-dir",
                str(base / "hub"),
                "hub",
                "serve",
                "--port",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(port, hub_process)
        for n, (_db, sync, _ctx) in enumerate(posts):
            sync_now(sync, url)  # waits in quarantine at the hub
            approve = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "noodpost",
                    "--data-dir",
                    str(base / "hub"),
                    "posts",
                    "approve",
                    f"GR-{n + 100:04d}",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if approve.returncode != 0:
                raise SystemExit(f"approving post {n}: {approve.stderr.strip()}")
            sync_now(sync, url)
        log(f"  hub and {POSTS} posts set up in {time.perf_counter() - started:.1f} s")

        per_sync: list[float] = []
        for run in range(rounds):
            for _db, _sync, ctx in posts:
                with ctx.write() as uow:
                    for n in range(HOUSEHOLDS_PER_POST):
                        household = new_id()
                        uow.emit(
                            "household",
                            household,
                            Op.CREATE,
                            {
                                "post_code": ctx.node.post_code,
                                "card_code": cards.new_card_code(),
                                "size": 1 + n % 5,
                            },
                        )
                        uow.emit(
                            "visit",
                            new_id(),
                            Op.CREATE,
                            {
                                "post_code": ctx.node.post_code,
                                "household_id": household,
                                "persons": 1 + n % 5,
                                "checked_in_at": ctx.now_iso(),
                            },
                        )
            results: list[Any] = [None] * POSTS
            gate = threading.Barrier(POSTS)

            def one(index: int, sync: Any, gate: threading.Barrier, results: list[Any]) -> None:
                gate.wait()
                try:
                    results[index] = sync_now(sync, url)
                except Exception as error:  # reported below, with the others
                    results[index] = error

            threads = [
                threading.Thread(target=one, args=(i, p[1], gate, results))
                for i, p in enumerate(posts)
            ]
            wall = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - wall
            failed = [r for r in results if isinstance(r, Exception)]
            if failed:
                raise SystemExit(f"{len(failed)} syncs failed, e.g. {failed[0]}")
            applied = sum(r.hub_applied for r in results)
            expected = POSTS * HOUSEHOLDS_PER_POST * 2
            if applied != expected:
                raise SystemExit(f"the hub applied {applied} events, not {expected}")
            seconds = [r.seconds for r in results]
            per_sync += seconds
            log(
                f"  round {run + 1}: {POSTS} syncs at once in {wall:.2f} s, "
                f"slowest {max(seconds):.2f} s, {applied} events applied"
            )
        hub_process.terminate()
        hub_process.wait(30)
        hub_process = None
        check = open_database(database_path(base / "hub"))
        with check.read() as session:
            held = count_events(session)
            at_hub = dict(
                session.execute(select(Event.origin, func.count()).group_by(Event.origin)).all()
            )
        check.close()
        for db, _sync, ctx in posts:
            with db.read() as session:
                own = session.scalar(  # what a post sends its hub (DESIGN §3.8)
                    select(func.count())
                    .select_from(Event)
                    .where(
                        Event.origin == ctx.node.node_id,
                        Event.audience != EVERY_POST,  # not the catalogue it was set up with
                        Event.secret.is_(False),  # never its PINs
                    )
                )
            if at_hub.get(ctx.node.node_id) != own:
                raise SystemExit(f"{ctx.node.post_code}: {own} events, the hub holds fewer")
        log(f"  the hub holds every post's events it may ({held} in all)")
    finally:
        if hub_process is not None:
            hub_process.terminate()
            hub_process.wait(30)
        for db, _sync, _ctx in posts:
            db.close()
        shutil.rmtree(base, ignore_errors=True)
    ordered = sorted(per_sync)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"hub_50_posts_p95_s": p95, "syncs": len(per_sync), "hub_events": held}
