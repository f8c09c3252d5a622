"""The season's bundle imported into a hub on PostgreSQL, and the raw PostgreSQL baseline.

The hub is the dataset's fresh hub moved into PostgreSQL once (``noodpost hub migrate``, as an
operator does); every run imports into a copy of that database (``CREATE DATABASE … TEMPLATE``)
in this process, as the SQLite import step does. The baseline inserts exactly the rows the
import added (read back from the first run) into another copy, in one transaction, twice:
psycopg's ``executemany`` (first run only) and ``COPY … FROM STDIN``; the faster of the two
is "raw".
"""

from __future__ import annotations

import gc
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.dataset import NOW, Dataset
from noodpost.core.clock import FixedClock

#: Tables the import does not fill (or only the hub's own bookkeeping).
_TABLES_SKIPPED = {"node", "peer", "received_bundle", "audit_entry", "setting", "alembic_version"}
#: The server's database names: the moved hub (template), and the copies of one run.
TEMPLATE, IMPORTED, RAW = "bench_hub", "bench_hub_imported", "bench_hub_raw"


def hub_on_server(dataset: Dataset, server: Any, folder: Path) -> Path:
    """A copy of the dataset's fresh hub in ``folder``, moved into database ``TEMPLATE``."""
    hub_dir = folder / "hub-pg"
    shutil.copytree(dataset.hub_dir, hub_dir)
    server._create(TEMPLATE)  # an empty database, as 'hub migrate' wants it
    migrate = ["hub", "migrate", server.url(TEMPLATE)]
    done = subprocess.run(
        [sys.executable, "-m", "noodpost", "--data-dir", str(hub_dir), *migrate],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"hub migrate failed: {done.stderr[-2000:]}")
    return hub_dir


def copy_of_template(server: Any, name: str) -> str:
    server.drop(server.url(name))
    server._create(name, TEMPLATE)
    return str(server.url(name))


def measure_import_pg(
    dataset: Dataset, server: Any, hub_dir: Path, runs: int, log: Any = print
) -> dict[str, Any]:
    from noodpost.storage.engine import open_database  # noqa: PLC0415
    from noodpost.storage.node import save_database_url  # noqa: PLC0415
    from noodpost.sync.service import SyncService  # noqa: PLC0415

    data = (dataset.root / "season.npb").read_bytes()
    import_times: list[float] = []
    raw_many: list[float] = []
    raw_copy: list[float] = []
    applied = 0
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    for run in range(runs):
        url = copy_of_template(server, IMPORTED)
        with tempfile.TemporaryDirectory(dir=dataset.root) as folder:
            run_dir = Path(folder) / "hub"
            shutil.copytree(hub_dir, run_dir)
            save_database_url(run_dir, url)
            db = open_database(url, migrate_schema=False)
            sync = SyncService(db, FixedClock(NOW), run_dir)
            try:
                gc.collect()
                started = time.perf_counter()
                outcome = sync.import_bytes(data, channel="usb")
                import_times.append(time.perf_counter() - started)
            finally:
                db.close()
        applied = outcome.applied
        if outcome.quarantined or outcome.applied + outcome.present != outcome.events:
            raise SystemExit(f"import incomplete: {outcome.summary}")
        log(f"  PostgreSQL import run {run + 1}: {import_times[-1]:.2f} s ({applied} applied)")
        if run == 0:
            rows = _added_rows(server.url(IMPORTED), server.url(TEMPLATE))
        # COPY is the faster baseline (2.5× executemany on this machine): executemany only
        # once, for the record.
        for how, times in (("executemany", raw_many), ("COPY", raw_copy)):
            if how == "executemany" and run:
                continue
            raw_url = copy_of_template(server, RAW)
            times.append(_raw_insert(raw_url, rows, copy=how == "COPY"))
            log(f"  raw {how} run {run + 1}: {times[-1]:.2f} s")
    server.drop(server.url(IMPORTED))
    server.drop(server.url(RAW))
    del rows
    gc.collect()
    import_s = statistics.median(import_times)
    raw_s = min(statistics.median(raw_many), statistics.median(raw_copy))
    return {
        "import_s": import_s,
        "import_runs": import_times,
        "raw_executemany_runs": raw_many,
        "raw_copy_runs": raw_copy,
        "raw_s": raw_s,
        "applied": applied,
        "import_ratio_vs_raw_pg": import_s / raw_s,
    }


def _conninfo(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _added_rows(imported: str, template: str) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every row the import added to the event log and the state tables, as plain tuples
    (what ``psycopg`` reads back), minus the rows the template already had."""
    import psycopg  # noqa: PLC0415
    from psycopg.types.json import Json  # noqa: PLC0415
    from sqlalchemy import JSON  # noqa: PLC0415

    from noodpost.storage.models import Base  # noqa: PLC0415

    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    with psycopg.connect(_conninfo(imported)) as conn, psycopg.connect(_conninfo(template)) as old:
        for table in Base.metadata.sorted_tables:
            if table.name in _TABLES_SKIPPED:
                continue
            columns = [c.name for c in table.columns]
            keys = [c.name for c in table.primary_key.columns]
            known = set(old.execute(f"SELECT {', '.join(keys)} FROM {table.name}").fetchall())
            where = [columns.index(k) for k in keys]
            added = [
                row
                for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table.name}")
                if tuple(row[i] for i in where) not in known
            ]
            # JSON columns come back as Python objects; they go in again as JSON.
            json_at = [i for i, c in enumerate(table.columns) if isinstance(c.type, JSON)]
            if json_at and added:
                added = [
                    tuple(Json(v) if i in json_at and v is not None else v for i, v in enumerate(r))
                    for r in added
                ]
            if added:
                tables[table.name] = (columns, added)
    return tables


def _raw_insert(
    url: str, tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]], *, copy: bool
) -> float:
    """The same rows into the same tables of a fresh copy, one transaction, in the order of
    the foreign keys: ``executemany`` (psycopg 3 pipelines it) or ``COPY FROM STDIN``."""
    import psycopg  # noqa: PLC0415

    from noodpost.storage.models import Base  # noqa: PLC0415

    order = [t.name for t in Base.metadata.sorted_tables if t.name in tables]
    with psycopg.connect(_conninfo(url)) as conn:
        gc.collect()
        started = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur:
            for name in order:
                columns, rows = tables[name]
                names = ", ".join(columns)
                if copy:
                    with cur.copy(f"COPY {name} ({names}) FROM STDIN") as stream:
                        for row in rows:
                            stream.write_row(row)
                else:
                    marks = ", ".join("%s" for _ in columns)
                    cur.executemany(f"INSERT INTO {name} ({names}) VALUES ({marks})", rows)
        return time.perf_counter() - started
