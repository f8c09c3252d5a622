"""The suite's own safety net: a test that hangs fails with its stack, and the run goes on.

CI has 90 minutes for a fresh clone. Without a per-test limit one hung test (a child process
that never answers a pipe, say) used all of them and CI printed no summary at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HANGS = """
import time

def test_hangs():
    time.sleep(60)

def test_after_it():
    assert True
"""


def test_a_hung_test_fails_with_its_stack_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "test_hangs.py").write_text(HANGS, encoding="utf-8")
    # The project's configuration (pytest-timeout, its method), only the limit lowered.
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-o",
            "timeout=2",
            str(tmp_path / "test_hangs.py"),
        ],
        capture_output=True,
        text=True,
        timeout=50,
        check=False,
    )
    output = finished.stdout + finished.stderr
    assert finished.returncode == 1, output
    assert "Timeout" in output, output
    assert "time.sleep(60)" in output, output  # where it hung
    assert output.strip().splitlines()[-1].startswith("1 failed, 1 passed"), output
