"""Started without a screen (over SSH, on a text console): one Dutch line, not Qt's abort.

Qt aborts the process when it finds no display ("could not connect to display … xcb-cursor0
or libxcb-cursor0 is needed", core dump) — misleading when that library is installed. A
volunteer gets told that no screen was found and how to use the commands instead (issue 18,
item 16).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from noodpost.cli import no_screen

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland")


def _start(data_dir: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "NOODPOST_DATA_DIR")
    }
    env.update(NOODPOST_LOG_DIR=str(data_dir.parent / "logs"), **env_extra)
    return subprocess.run(
        [sys.executable, "-m", "noodpost", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_without_a_screen_the_program_says_so_in_dutch(tmp_path: Path) -> None:
    done = _start(tmp_path / "data")
    assert done.returncode == 1, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("noodpost: Er is geen scherm gevonden"), line
    assert "noodpost --help" in line
    assert "xcb" not in done.stderr
    assert not (tmp_path / "data").exists()  # nothing made


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, True),
        ({"DISPLAY": ""}, True),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),  # the tests and the self-test
    ],
)
def test_what_counts_as_a_screen(env: dict[str, str], missing: bool) -> None:
    assert no_screen(env, "linux") is missing
    assert no_screen({}, "win32") is False  # Windows always has one
