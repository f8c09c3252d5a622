"""Export of the season's bundle, its import into an empty hub, and the raw SQLite baseline."""

from __future__ import annotations

import gc
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.dataset import NOW, Dataset
from noodpost.core.clock import FixedClock
from noodpost.storage.projection import BULK_CACHE_KIB

#: Connection pragmas of the app (storage/engine.py), used for the raw baseline too.
_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA cache_size=-{BULK_CACHE_KIB}",  # as the import has (storage/projection.py)
)


def _sync_service(data_dir: Path) -> Any:
    from noodpost.storage.engine import open_database  # noqa: PLC0415
    from noodpost.storage.node import database_path  # noqa: PLC0415
    from noodpost.sync.service import SyncService  # noqa: PLC0415

    db = open_database(database_path(data_dir))
    return db, SyncService(db, FixedClock(NOW), data_dir)


def measure_export(dataset: Dataset, runs: int, log: Any = print) -> dict[str, Any]:
    """``export_usb`` of the post (build, encrypt, sign, write atomically, read back)."""
    db, sync = _sync_service(dataset.post_dir)
    times: list[float] = []
    size = events = 0
    bundle = dataset.root / "season.npb"
    try:
        for run in range(runs):
            with tempfile.TemporaryDirectory(dir=dataset.root) as folder:
                gc.collect()
                started = time.perf_counter()
                exported = sync.export_usb(Path(folder))
                times.append(time.perf_counter() - started)
                written = exported.written[0]
                size, events = written.path.stat().st_size, written.events
                if run == 0:
                    shutil.copyfile(written.path, bundle)
            log(f"  export run {run + 1}: {times[-1]:.2f} s, {events} events, {size} bytes")
    finally:
        db.close()
    return {
        "export_s": statistics.median(times),
        "export_runs": times,
        "bundle_bytes": size,
        "bundle_events": events,
        "bundle_path": str(bundle),
    }


def measure_import(dataset: Dataset, runs: int, log: Any = print) -> dict[str, Any]:
    """Import the season's bundle into a copy of the fresh hub; then the raw baseline."""
    data = (dataset.root / "season.npb").read_bytes()
    import_times: list[float] = []
    raw_times: list[float] = []
    applied = 0
    for run in range(runs):
        with tempfile.TemporaryDirectory(dir=dataset.root) as folder:
            hub_dir = Path(folder) / "hub"
            shutil.copytree(dataset.hub_dir, hub_dir)
            db, sync = _sync_service(hub_dir)
            try:
                gc.collect()
                started = time.perf_counter()
                outcome = sync.import_bytes(data, channel="usb")
                import_times.append(time.perf_counter() - started)
                applied = outcome.applied
                if outcome.quarantined or outcome.applied + outcome.present != outcome.events:
                    raise SystemExit(f"import incomplete: {outcome.summary}")
                if run == 0:
                    rows = _projected_rows(db, dataset.hub_dir / "noodpost.db")
            finally:
                db.close()
            log(
                f"  import run {run + 1}: {import_times[-1]:.2f} s "
                f"({applied} applied, {outcome.present} present)"
            )
        with tempfile.TemporaryDirectory(dir=dataset.root) as folder:
            hub_dir = Path(folder) / "hub"
            shutil.copytree(dataset.hub_dir, hub_dir)
            # Migrated as the import's copy was on opening (a dataset cached under an older
            # schema lacks the columns a later migration adds).
            db, _sync = _sync_service(hub_dir)
            db.close()
            raw_times.append(_raw_insert(hub_dir / "noodpost.db", rows))
            log(f"  raw executemany run {run + 1}: {raw_times[-1]:.2f} s")
    del rows
    gc.collect()
    import_s = statistics.median(import_times)
    raw_s = statistics.median(raw_times)
    return {
        "import_s": import_s,
        "import_runs": import_times,
        "raw_s": raw_s,
        "raw_runs": raw_times,
        "applied": applied,
        "import_events_per_s": applied / import_s,
        "import_ratio_vs_raw": import_s / raw_s,
    }


_TABLES_SKIPPED = {"node", "peer", "received_bundle", "audit_entry", "setting", "alembic_version"}


def _projected_rows(
    db: Any, template_path: Path
) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every row the import added to the event log and the state tables, as plain tuples.

    Read back from the imported hub, minus the rows the fresh hub template already had: the
    raw baseline inserts exactly these rows into the same tables of another fresh copy.
    """
    template = sqlite3.connect(str(template_path))
    conn = sqlite3.connect(str(db.path))
    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    # A template cached under an older schema lacks the tables a migration adds on opening.
    in_template = {n for (n,) in template.execute("SELECT name FROM sqlite_master")}
    names = [
        n
        for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if n not in _TABLES_SKIPPED and not n.startswith("sqlite_")
    ]
    for name in names:
        info = conn.execute(f"PRAGMA table_info({name})").fetchall()
        columns = [c[1] for c in info]
        keys = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]]
        known = (
            set(template.execute(f"SELECT {', '.join(keys)} FROM {name}").fetchall())
            if name in in_template
            else set()
        )
        rows = [
            row
            for row in conn.execute(f"SELECT {', '.join(columns)} FROM {name}")
            if tuple(row[columns.index(k)] for k in keys) not in known
        ]
        if rows:
            tables[name] = (columns, rows)
    conn.close()
    template.close()
    return tables


def _raw_insert(path: Path, tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    """``sqlite3.executemany`` of the same rows into the same tables, one transaction."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in _PRAGMAS:
        conn.execute(pragma)
    order = ["event", *sorted(t for t in tables if t != "event")]
    gc.collect()
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for name in order:
        if name not in tables:
            continue
        columns, rows = tables[name]
        marks = ", ".join("?" for _ in columns)
        conn.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed
