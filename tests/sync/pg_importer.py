"""One hub worker process for the parallel-import test: imports bundle files as the hub's
endpoint does (import, then the answer bundle for the post), on its own database connection.

Run as ``python pg_importer.py HUB_DIR NAME START_AT FILE…``: opens the hub of ``HUB_DIR``
(its ``database-url.txt``) as PostgreSQL client ``NAME`` (``application_name``, so the test
can see which locks it holds), waits until the wall clock reaches ``START_AT`` (so all
workers begin together), imports each file in turn (a file named ``warm…`` before the
start: a running hub's caches are warm) and prints: ``ready`` and how late for
the start it was, ``FILE STATUS APPLIED SECONDS CPU`` per file, ``done`` and the wall-clock time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from noodpost.core.clock import SystemClock
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_location
from noodpost.sync import bundle as fmt
from noodpost.sync.exchange import ImportStatus
from noodpost.sync.service import SyncService


def main(hub_dir: Path, name: str, start_at: float, files: list[Path]) -> None:
    warm = [f for f in files if f.name.startswith("warm")]
    files = [f for f in files if f not in warm]
    url = str(database_location(hub_dir))
    db = open_database(f"{url}&application_name={name}", migrate_schema=False)
    sync = SyncService(db, SystemClock(), hub_dir)
    sync.keys  # noqa: B018 — read before the start, as a running hub has them
    for path in warm:  # a running hub has imported before: its caches are warm
        sync.import_bytes(path.read_bytes(), channel="network")
    print("ready", time.time() - start_at, flush=True)
    time.sleep(max(0.0, start_at - time.time()))
    for path in files:
        begun = time.perf_counter()
        cpu = time.process_time()
        outcome = sync.import_bytes(path.read_bytes(), channel="network")
        if outcome.status is not ImportStatus.QUARANTINED:  # the endpoint's answer
            answer = fmt.Answer(
                bundle_id=outcome.bundle_id,
                status=outcome.status.value,
                applied=outcome.applied,
                present=outcome.present,
                quarantined=outcome.quarantined,
            )
            sync.build_bundle(outcome.sender, answer=answer)
        seconds = time.perf_counter() - begun
        used = time.process_time() - cpu
        print(
            path.name,
            outcome.status.value,
            outcome.applied,
            f"{seconds:.3f}",
            f"{used:.3f}",
            flush=True,
        )
    print("done", time.time(), flush=True)
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), [Path(a) for a in sys.argv[4:]])
