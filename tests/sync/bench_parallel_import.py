"""Benchmark (not a test): bundles of many posts imported into a PostgreSQL hub by 1 and by N
worker processes at once (each on its own connection, as ``hub serve`` workers).

Run: ``.venv/bin/python tests/sync/bench_parallel_import.py [POSTS] [HOUSEHOLDS] [WORKERS]``
(defaults 50, 40, 8) from the repository, with ``tests`` and ``tests/sync`` on PYTHONPATH.
Starts its own PostgreSQL (tests/pg.py); each post sends one bundle of its households
(about 2 events each); every run starts from a copy of the same database. Prints the wall
time from the common start to the last worker done; asserts only that every event arrived.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from parallel_kit import build_region, held, send, sendable, start_worker
from pg import pg_server_session

from noodpost.core.clock import FixedClock
from noodpost.storage.engine import open_database
from noodpost.storage.node import save_database_url

#: NOODPOST_BENCH_VERBOSE=1: each worker's lines (per bundle: its status and seconds).
VERBOSE = os.environ.get("NOODPOST_BENCH_VERBOSE") == "1"


def main(posts: int, households: int, workers: int) -> None:
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    with pg_server_session() as server, tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        url = server.fresh()
        begun = time.perf_counter()
        region = build_region(base, clock, url, posts)
        for index in range(posts):
            send(region, index, households)
        region.hub.db.close()
        files = [f for per_post in region.files for f in per_post]
        events = sum(len(sendable(post)) for post in region.posts)
        print(f"{posts} posts, {events} events, set up in {time.perf_counter() - begun:.1f} s")
        for count in (1, workers):
            copy = server.copy(url)
            hub_dir = base / f"hub-{count}"
            shutil.copytree(region.hub.data_dir, hub_dir)
            save_database_url(hub_dir, copy)
            start_at = time.time() + 3.0 + 1.0 * count  # every process started and ready
            procs = [
                start_worker(hub_dir, f"bench-{w}", start_at, files[w::count]) for w in range(count)
            ]
            done = []
            for proc in procs:
                out, err = proc.communicate(timeout=600)
                if proc.returncode != 0:
                    raise SystemExit(err)
                done.append(float(out.split()[-1]))
                if VERBOSE:
                    print(out)
            seconds = max(done) - start_at
            check = open_database(copy, migrate_schema=False)
            missing = sum(len(sendable(p) - set(held(check, p.node_id))) for p in region.posts)
            check.close()
            server.drop(copy)
            print(f"{count} worker(s): {len(files)} bundles in {seconds:.2f} s, {missing} missing")
        region.close()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [50, 40, 8][len(args) :]))
