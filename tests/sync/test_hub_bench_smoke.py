"""The hub bench (``benchmarks/hub_bench.py``) in miniature, so it keeps working between runs of
``make bench``: 3 posts from 2 client processes, one round, on SQLite and on PostgreSQL.

Speed is never asserted here (``make bench`` measures it); only that every sync ends with its
events applied at the hub, which the bench itself checks and stops on otherwise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent.parent

SCRIPT = """
import json, sys
from benchmarks import hub_bench
from benchmarks.pgserver import pg_server
quiet = lambda line: None
if sys.argv[1] == "sqlite":
    print(json.dumps(hub_bench.measure_hub(1, quiet, posts=3, clients=2, households=2)))
else:
    with pg_server() as server:
        server._create("smoke")
        print(json.dumps(hub_bench.measure_hub(
            1, quiet, posts=3, clients=2, households=2, database=server.url("smoke"), workers=2
        )))
"""


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_hub_bench_in_miniature(engine: str, request: pytest.FixtureRequest) -> None:
    if engine == "postgresql":  # skipped (or failed, in CI) as the other PostgreSQL tests
        request.getfixturevalue("pg_server")  # when it is missing; the bench starts its own
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, engine],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["syncs"] == 3
    assert result["p95_s"] > 0
