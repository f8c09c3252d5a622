"""The noodlijst for 500 present households: ``noodlijst_s_500`` (issue 17, goal < 10 s).

A fresh post gets 500 demo households over one day through the normal services (``noodpost
demo``), then every household not present yet is checked in, so all 500 are on the list with
their hand-outs, needs and alarms. The figure is the wall time of the real command a volunteer
runs, ``noodpost paper list FILE.pdf``, in a fresh process: start, read, draw, write, audit.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from noodpost.app import open_node_database
from noodpost.core.clock import SystemClock
from noodpost.services.base import ServiceContext
from noodpost.services.demo import generate
from noodpost.services.visits import VisitsService
from noodpost.setup_node import NodeRequest, initialise_node
from noodpost.storage.models import Household

HOUSEHOLDS = 500
ROOT = Path(__file__).parent.parent


def build_post(data_dir: Path, log: Callable[[str], None]) -> int:
    """A post with ``HOUSEHOLDS`` demo households, every one of them present; returns how many."""
    initialise_node(
        data_dir, NodeRequest(role="post", name="Dorpshuis Ten Boer", code="GR-0014", capacity=2000)
    )
    db = open_node_database(data_dir)
    assert db is not None
    try:
        started = time.perf_counter()
        generate(db, households=HOUSEHOLDS, days=1, seed=1, end=SystemClock().now())
        ctx = ServiceContext(db, SystemClock())
        visits = VisitsService(ctx)
        here = {v.household_id for v in visits.present()}
        with ctx.read() as session:
            everyone = session.scalars(select(Household.id).where(Household.deleted.is_(False)))
            waiting = [household for household in everyone if household not in here]
        for household_id in waiting:
            visits.check_in(household_id)
        present = len(visits.present())
        log(
            f"  {HOUSEHOLDS} demo households, {present} present (built in "
            f"{time.perf_counter() - started:.0f} s)"
        )
        return present
    finally:
        db.close()


def measure_noodlijst(runs: int, log: Callable[[str], None]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="noodlijst-bench-") as tmp:
        data_dir = Path(tmp) / "post"
        present = build_post(data_dir, log)
        env = {**os.environ, "NOODPOST_LOG_DIR": str(Path(tmp) / "logs")}
        env["PYTHONPATH"] = str(ROOT)
        seconds: list[float] = []
        for run in range(runs):
            pdf = Path(tmp) / f"noodlijst-{run}.pdf"
            started = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "noodpost",
                    "--data-dir",
                    str(data_dir),
                    "paper",
                    "list",
                    str(pdf),
                ],
                capture_output=True,
                text=True,
                env=env,
                check=False,
                timeout=600,
            )
            seconds.append(time.perf_counter() - started)
            if done.returncode != 0:
                raise SystemExit(f"noodpost paper list failed: {done.stderr}")
            pages = subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=False
            ).stdout
            count = next(
                (line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")), "?"
            )
            log(
                f"  run {run + 1}: {seconds[-1]:.2f} s, {count} pages, {pdf.stat().st_size:,} bytes"
            )
    return {"noodlijst_s_500": statistics.median(seconds), "present": present}
