"""Card code → everything the household panel shows: through the service, and in the real
Balie widget (offscreen) from a scanner's key burst to a filled panel."""

from __future__ import annotations

import gc
import statistics
import time
from typing import Any

from benchmarks.dataset import NOW, Dataset
from noodpost.core.clock import FixedClock


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure_service(dataset: Dataset, rounds: int, log: Any = print) -> dict[str, Any]:
    from noodpost.services.base import ServiceContext  # noqa: PLC0415
    from noodpost.services.desk import DeskService  # noqa: PLC0415
    from noodpost.storage.engine import open_database  # noqa: PLC0415
    from noodpost.storage.node import database_path  # noqa: PLC0415

    db = open_database(database_path(dataset.post_dir))
    try:
        desk = DeskService(ServiceContext(db, FixedClock(NOW)))
        codes = dataset.card_codes
        for code in codes[:50]:  # warm the caches, as a desk that has been open a while
            desk.lookup_and_panel(code)
        per_round: list[float] = []
        samples: list[float] = []
        for run in range(rounds):
            times = []
            gc.collect()
            for code in codes:
                started = time.perf_counter()
                found, panel = desk.lookup_and_panel(code)
                times.append((time.perf_counter() - started) * 1000)
                if panel is None:
                    raise SystemExit(f"scan of {code} opened no panel ({found.state})")
            samples += times
            per_round.append(p95(times))
            log(
                f"  service scan round {run + 1}: p95 {per_round[-1]:.1f} ms, "
                f"median {statistics.median(times):.1f} ms"
            )
    finally:
        db.close()
    return {"scan_p95_ms_service": p95(samples), "rounds": per_round}
