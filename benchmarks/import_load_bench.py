"""The season's bundle imported by its own process, as an operator runs it at the hub
(``noodpost sync import FILE``): that process's peak memory, and an alarm acknowledged by
another process while it runs.

The import process is ``tests/sync/peak_run.py`` (Noodpost's command line, then this
process's ``VmHWM`` from ``/proc/self/status`` written to a file). Before it starts, an alarm
is raised at the hub; :data:`ACK_AFTER_S` seconds after the import process started, this
process acknowledges it (``AlarmsService.acknowledge``, as the hub's window does) and times
it until the acknowledgement is committed — or until it fails, which is recorded as such.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.dataset import Dataset

PEAK_RUN = Path(__file__).parent.parent / "tests" / "sync" / "peak_run.py"
#: The acknowledgement starts this long after the import process was started.
ACK_AFTER_S = 5.0


def measure_import_load(
    dataset: Dataset, log: Any = print, *, hub_dir: Path | None = None, url: str | None = None
) -> dict[str, Any]:
    """One import of the season's bundle into a copy of the fresh hub (SQLite), or into the
    hub of ``hub_dir`` whose database is ``url`` (PostgreSQL, a fresh copy)."""
    from noodpost.core.clock import SystemClock  # noqa: PLC0415
    from noodpost.services.alarms import AlarmsService  # noqa: PLC0415
    from noodpost.services.base import ServiceContext  # noqa: PLC0415
    from noodpost.storage.engine import open_database  # noqa: PLC0415
    from noodpost.storage.node import database_location, save_database_url  # noqa: PLC0415

    bundle = dataset.root / "season.npb"
    with tempfile.TemporaryDirectory(dir=dataset.root) as folder:
        run_dir = Path(folder) / "hub"
        shutil.copytree(hub_dir or dataset.hub_dir, run_dir)
        if url is not None:
            save_database_url(run_dir, url)
        db = open_database(database_location(run_dir), migrate_schema=url is None)
        try:
            alarms = AlarmsService(ServiceContext(db, SystemClock()))
            alarm = alarms.raise_alarm("ambulance", "immediate", "Zaal 2", persons=1)
            peak_file = Path(folder) / "peak.txt"
            command = [sys.executable, str(PEAK_RUN), str(peak_file), "--data-dir", str(run_dir)]
            begun = time.perf_counter()
            importer = subprocess.Popen(
                [*command, "sync", "import", str(bundle)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            time.sleep(max(0.0, begun + ACK_AFTER_S - time.perf_counter()))
            running = importer.poll() is None
            asked = time.perf_counter()
            failure = None
            try:
                alarms.acknowledge(alarm.id, "Operator Bench")
            except Exception as error:
                failure = f"{type(error).__name__}: {str(error).splitlines()[0]}"
            ack_s = time.perf_counter() - asked
            out, err = importer.communicate(timeout=1800)
            import_s = time.perf_counter() - begun
        finally:
            db.close()
        if importer.returncode != 0:
            raise SystemExit(f"the import process failed: {err[-2000:]}")
        peak_mb = int(peak_file.read_text()) / 1024
    where = "PostgreSQL" if url else "SQLite"
    state = "committed" if failure is None else f"FAILED ({failure})"
    log(
        f"  {where} hub, import process: {import_s:.1f} s from its start, peak RSS "
        f"{peak_mb:.0f} MB; acknowledgement {ACK_AFTER_S:.0f} s in "
        f"({'import running' if running else 'import already done'}): {ack_s:.2f} s, {state}"
    )
    log(f"    {out.strip().splitlines()[0] if out.strip() else ''}")
    return {
        "peak_rss_mb": peak_mb,
        "ack_s": ack_s,
        "ack_failed": failure,
        "import_running_at_ack": running,
        "import_process_s": import_s,
    }
