"""Benchmark (not a test): bundles of many posts imported into a PostgreSQL hub by 1 and by N
worker processes at once (each on its own connection, as ``hub serve`` workers).

Run: ``.venv/bin/python tests/sync/bench_parallel_import.py [POSTS] [HOUSEHOLDS] [WORKERS]``
(defaults 50, 40, 8) from the repository, with ``tests`` and ``tests/sync`` on PYTHONPATH.
Starts its own PostgreSQL (tests/pg.py); each post sends one bundle of its households
(a household and its persons each); every run starts from a copy of the same database, and
each worker first reads one bundle of a post of its own before the clock starts (a running
hub's caches are warm). Prints the wall
time from the common start to the last worker done; asserts only that every event arrived.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
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


def _sample(url: str, samples: dict[str, int], stop: threading.Event) -> None:
    """What the workers' connections wait on, sampled every 10 ms (NOODPOST_BENCH_VERBOSE)."""
    if not VERBOSE:
        return
    import psycopg

    from noodpost.storage.dialect import server_url

    conninfo = server_url(url).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        while not stop.is_set():
            for state, kind, event, count in conn.execute(
                "SELECT state, wait_event_type, wait_event, count(*) FROM pg_stat_activity "
                "WHERE application_name LIKE 'bench-%' GROUP BY 1, 2, 3"
            ):
                key = f"{state}/{kind}/{event}"
                samples[key] = samples.get(key, 0) + count
            time.sleep(0.01)


def main(posts: int, households: int, workers: int) -> None:
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    with pg_server_session() as server, tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        url = server.fresh()
        begun = time.perf_counter()
        region = build_region(base, clock, url, posts + workers)
        for index in range(posts + workers):
            send(region, index, households)
        region.hub.db.close()
        files = [f for per_post in region.files[:posts] for f in per_post]
        # One more post per worker, whose bundle it reads before the start (warm caches).
        warm = []
        for per_post in region.files[posts:]:
            warm.append(per_post[0].rename(per_post[0].with_name("warm-" + per_post[0].name)))
        events = sum(len(sendable(post)) for post in region.posts[:posts])
        print(f"{posts} posts, {events} events, set up in {time.perf_counter() - begun:.1f} s")
        for count in (1, workers):
            copy = server.copy(url)
            hub_dir = base / f"hub-{count}"
            shutil.copytree(region.hub.data_dir, hub_dir)
            save_database_url(hub_dir, copy)
            start_at = time.time() + 3.0 + 1.0 * count  # every process started and ready
            procs = [
                start_worker(hub_dir, f"bench-{w}", start_at, [warm[w], *files[w::count]])
                for w in range(count)
            ]
            samples: dict[str, int] = {}
            stop = threading.Event()
            sampler = threading.Thread(target=_sample, args=(copy, samples, stop))
            sampler.start()
            done = []
            for proc in procs:
                out, err = proc.communicate(timeout=600)
                if proc.returncode != 0:
                    raise SystemExit(err)
                done.append(float(out.split()[-1]))
                if VERBOSE:
                    print(out)
            stop.set()
            sampler.join()
            seconds = max(done) - start_at
            if VERBOSE:
                print(sorted(samples.items(), key=lambda item: -item[1]))
            check = open_database(copy, migrate_schema=False)
            missing = sum(
                len(sendable(p) - set(held(check, p.node_id))) for p in region.posts[:posts]
            )
            check.close()
            server.drop(copy)
            print(f"{count} worker(s): {len(files)} bundles in {seconds:.2f} s, {missing} missing")
        region.close()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*(args + [50, 40, 8][len(args) :]))
