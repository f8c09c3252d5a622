"""Several hub processes importing into one PostgreSQL database at once (issue 19).

Eight real worker processes, each on its own connection, import the bundles of fifty posts
as the hub's endpoint does; each post sent two bundles (the second cumulative), taken by two
different workers at once. One worker is killed with SIGKILL while it holds a post's import
lock, in the middle of a transaction; its bundles are then sent again, as posts do. At the
end every event is at the hub exactly once, the audit chain written by all workers at once
holds, and the hub's state equals that of a SQLite hub that read the same bundles one by one.

The timings of 1 against 8 workers: ``tests/sync/bench_parallel_import.py``.
"""

from __future__ import annotations

import os
import signal
import time
from datetime import timedelta
from pathlib import Path

from parallel_kit import (
    build_region,
    held,
    holds_post_lock,
    send,
    send_follow_up,
    sendable,
    sqlite_copy,
    start_worker,
)
from pg import PgServer
from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.clock import FixedClock
from noodpost.storage.audit import verify_chain
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import open_database
from noodpost.storage.models import Node, Peer, Quarantine

WORKERS = 8
POSTS = 50
BIG = 60  # households in the first post's first bundle: the import the victim is killed in
VICTIM = "importer-0"
AHEAD = 17  # the post whose clock runs ahead


def _acknowledged(session: Session) -> dict[str, object]:
    return {peer.post_code: peer.acked_vector for peer in session.scalars(select(Peer))}


def test_eight_workers_import_fifty_posts_once_each_though_one_is_killed(
    tmp_path: Path, clock: FixedClock, pg_server: PgServer
) -> None:
    url = pg_server.fresh()
    region = build_region(tmp_path, clock, url, POSTS)
    try:
        serial, serial_sync = sqlite_copy(region.hub.db, tmp_path / "serial", region.hub.data_dir)
        # Each post: a bundle of new households; then, its first bundle acknowledged (as over
        # the network while the hub still reads a stick), a bundle of only visits to those
        # households. The two go to two workers, at about the same moment.
        # One post's clock runs a minute ahead: its events carry the newest time, which the
        # hub's clock must keep whichever import commits last.
        files: list[list[Path]] = [[] for _ in range(WORKERS)]
        for n in range(POSTS):
            files[n % WORKERS].append(send(region, n, BIG if n == 0 else 2))
            clock.advance(timedelta(minutes=1 if n == AHEAD else 0))
            files[(n + 3) % WORKERS].append(send_follow_up(region, n))
            clock.advance(timedelta(minutes=-1 if n == AHEAD else 0))
        region.hub.db.close()  # the workers own the hub's database from here on

        start_at = time.time() + 4.0
        hub_dir = region.hub.data_dir
        workers = [start_worker(hub_dir, f"importer-{w}", start_at, files[w]) for w in range(8)]
        watch = open_database(url, migrate_schema=False)
        try:
            deadline = time.monotonic() + 60
            while not holds_post_lock(watch, VICTIM):
                assert workers[0].poll() is None, "the victim finished before it was caught"
                assert time.monotonic() < deadline, "the victim never held a post's lock"
                time.sleep(0.005)
            os.kill(workers[0].pid, signal.SIGKILL)  # in the middle of a post's import
            for worker in workers[1:]:
                _out, err = worker.communicate(timeout=240)
                assert worker.returncode == 0, err
            workers[0].communicate(timeout=10)
            assert workers[0].returncode == -signal.SIGKILL
            # The posts whose bundles died with it send them again (cumulative: all of it).
            again = start_worker(hub_dir, "importer-again", 0.0, files[0])
            _out, err = again.communicate(timeout=240)
            assert again.returncode == 0, err
        finally:
            watch.close()
            for worker in workers:  # a failed check above leaves none running into later tests
                if worker.poll() is None:
                    worker.kill()
                worker.communicate()

        # The same bundles, one at a time, into the SQLite copy of the hub as it was before.
        for path in sorted(region.bundles.iterdir()):
            serial_sync.import_bytes(path.read_bytes())

        parallel = open_database(url, migrate_schema=False)
        try:
            for post in region.posts:
                events = held(parallel, post.node_id)
                assert len(events) == len(set(events))  # none twice
                assert set(events) == sendable(post)  # every one, no gap, nothing else
            with parallel.read() as pg_session, serial.read() as sqlite_session:
                assert state_digest(pg_session) == state_digest(sqlite_session)
                # Nothing waits for a household the post's other bundle brought, and what
                # each post holds is acknowledged as far as one after another would have.
                assert pg_session.scalars(select(Quarantine.reason)).all() == []
                assert _acknowledged(pg_session) == _acknowledged(sqlite_session)
                checked, broken = verify_chain(pg_session)
                assert broken is None
                assert checked >= 2 * 2 * POSTS  # an import line and an answer line per bundle
                assert pg_session.scalar(select(Node.hlc)) == sqlite_session.scalar(
                    select(Node.hlc)
                )
        finally:
            parallel.close()
            serial.close()
    finally:
        region.close()
        pg_server.drop(url)
