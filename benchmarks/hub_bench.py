"""Many posts syncing at once with one hub over HTTP on 127.0.0.1 — on SQLite or PostgreSQL.

The hub runs as its own process (``noodpost hub serve``; on PostgreSQL with ``--workers N``),
as at a C-NSP. Each post has its own database, keys and pairing. Every post first syncs once
and is approved (setup), then records new events (80: 40 households and a visit each); then
all posts call ``sync now`` at the same moment. The requests are sent by a pool of client
processes (``hub_client.py``; each runs the syncs of its share of the posts at once), never by
threads of this measuring interpreter. Measured: the seconds of each sync (bundle built and
sent, applied at the hub, its answer applied at the post), p95 over all syncs of all rounds;
checked: every event every post may send is at the hub, once.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

POSTS = 50
HOUSEHOLDS_PER_POST = 40  # a household and a visit each: 80 new events per post per round
#: Client processes sending the posts' syncs (each runs its share of the posts at once).
CLIENTS = 10
#: ``hub serve --workers`` on PostgreSQL (a SQLite hub has one writer: one process): one per
#: core. The work is CPU-bound here (the posts run on the same machine); on this 2-core machine
#: 50 posts gave p95 7.7 s with 1 worker, 7.2 s with 2, 12.6 s with 4.
PG_WORKERS = max(2, os.cpu_count() or 2)
CLIENT = Path(__file__).with_name("hub_client.py")


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


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _round(url: str, folders: list[Path], clients: int) -> list[dict[str, Any]]:
    """One round: the client processes start, open their posts, then all sync at once."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(CLIENT), url, *map(str, folders[c::clients])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for c in range(min(clients, len(folders)))
    ]
    for proc in procs:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise SystemExit(f"a hub client did not start: {proc.communicate()[1][-2000:]}")
    for proc in procs:  # the signal: every client sends its posts' syncs now
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    lines: list[dict[str, Any]] = []
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        if proc.returncode != 0:
            raise SystemExit(f"a hub client failed: {err[-2000:]}")
        lines += [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    return lines


def measure_hub(  # noqa: PLR0915 — setup, rounds, check, in order
    rounds: int,
    log: Any = print,
    *,
    posts: int = POSTS,
    database: str | None = None,
    workers: int = 1,
    clients: int = CLIENTS,
    households: int = HOUSEHOLDS_PER_POST,
    keep_log: Path | None = None,
) -> dict[str, Any]:
    """``rounds`` rounds of ``posts`` posts syncing at once; the hub on SQLite, or on the
    empty PostgreSQL database ``database`` served by ``workers`` processes."""
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
    from noodpost.storage.node import database_path, save_database_url  # noqa: PLC0415
    from noodpost.sync.http import sync_now  # noqa: PLC0415
    from noodpost.sync.keys import create_keys  # noqa: PLC0415
    from noodpost.sync.service import SyncService  # noqa: PLC0415

    clock = SystemClock()  # the hub process runs on the real clock; so do the posts
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    base = Path(tempfile.mkdtemp(prefix="noodpost-hub-bench-"))
    hub_process: subprocess.Popen[bytes] | None = None
    made: list[tuple[Any, Any, Any]] = []
    hub_db: Any = None
    hub_log: Any = None
    per_sync: list[float] = []
    try:
        started = time.perf_counter()

        def node(folder: str, role: str, code: str, where: str | None = None) -> Any:
            data_dir = base / folder
            data_dir.mkdir()
            db = open_database(where or database_path(data_dir))
            if where is not None:
                save_database_url(data_dir, where)
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

        hub_db, hub_sync, _ = node("hub", "hub", "GR-9000", database)
        pairing = base / "koppeling.json"
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        hub_sync.export_pairing(pairing, [url])
        for n in range(posts):
            post = node(f"post{n:03d}", "post", f"GR-{n + 100:04d}")
            post[1].import_pairing(pairing)
            made.append(post)
        command = [sys.executable, "-m", "noodpost", "--data-dir", str(base / "hub")]
        command += ["hub", "serve", "--port", str(port)]
        if workers != 1:
            command += ["--workers", str(workers)]
        hub_log = (base / "hub-serve.log").open("wb")  # never a pipe nobody reads: it fills
        hub_process = subprocess.Popen(command, stdout=hub_log, stderr=subprocess.STDOUT)
        _wait_for(port, hub_process)
        for n, (_db, sync, _ctx) in enumerate(made):
            sync_now(sync, url)  # waits in quarantine at the hub
            hub_sync.approve_post(f"GR-{n + 100:04d}")  # as 'noodpost posts approve' does
            sync_now(sync, url)
        hub_db.close()
        hub_db = None
        for db, _sync, _ctx in made:  # the client processes open them from here on
            db.close()
        made.clear()
        where = "PostgreSQL" if database else "SQLite"
        log(
            f"  hub ({where}, {workers} process(es)) and {posts} posts set up in "
            f"{time.perf_counter() - started:.1f} s"
        )
        folders = [base / f"post{n:03d}" for n in range(posts)]
        for run in range(rounds):
            for folder in folders:
                db = open_database(database_path(folder), migrate_schema=False)
                ctx = ServiceContext(db, clock)
                with ctx.write() as uow:
                    for n in range(households):
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
                db.close()
            wall = time.perf_counter()
            results = _round(url, folders, clients)
            wall = time.perf_counter() - wall
            failed = [r for r in results if "error" in r]
            if failed:
                raise SystemExit(f"{len(failed)} syncs failed, e.g. {failed[0]['error']}")
            applied = sum(r["applied"] for r in results)
            expected = posts * households * 2
            if len(results) != posts or applied != expected:
                raise SystemExit(f"the hub applied {applied} events, not {expected}")
            seconds = [r["seconds"] for r in results]
            per_sync += seconds
            log(
                f"  round {run + 1}: {posts} syncs at once from {min(clients, posts)} client "
                f"processes ({wall:.2f} s with their start), p95 {p95(seconds):.2f} s, "
                f"slowest {max(seconds):.2f} s, {applied} events applied"
            )
        hub_process.terminate()
        hub_process.wait(30)
        hub_process = None
        check = open_database(database or database_path(base / "hub"), migrate_schema=False)
        with check.read() as session:
            held = count_events(session)
            at_hub = dict(
                session.execute(select(Event.origin, func.count()).group_by(Event.origin)).all()
            )
        check.close()
        for folder in folders:
            db = open_database(database_path(folder), migrate_schema=False)
            ctx = ServiceContext(db, clock)
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
                code = ctx.node.post_code
                origin = ctx.node.node_id
            db.close()
            if at_hub.get(origin) != own:
                raise SystemExit(f"{code}: {own} events, the hub holds {at_hub.get(origin)}")
        log(f"  the hub holds every post's events it may, once ({held} in all)")
    finally:
        if hub_process is not None:
            hub_process.terminate()
            hub_process.wait(30)
        if hub_log is not None:
            hub_log.close()
            if keep_log is not None:
                shutil.copyfile(base / "hub-serve.log", keep_log)
        if hub_db is not None:
            hub_db.close()
        for db, _sync, _ctx in made:
            db.close()
        shutil.rmtree(base, ignore_errors=True)
    return {"p95_s": p95(per_sync), "syncs": len(per_sync), "hub_events": held}
