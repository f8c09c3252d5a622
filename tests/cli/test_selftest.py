"""``noodpost --selftest DIR``: an end-to-end check of an installation, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from noodpost import cli, config, selftest

STEP_NAMES = [name for name, _ in selftest.STEPS]


def step_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line[:4] in ("ok  ", "FOUT", "--  ")]


@pytest.fixture(autouse=True)
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOODPOST_LOG_DIR", str(tmp_path / "logs"))


@pytest.mark.gui
def test_every_step_passes_in_process_and_the_folder_is_removed(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # qapp first: the card is drawn in the test process's own QApplication, as in the GUI.
    parent = tmp_path / "zelftest"  # made by the self-test

    assert cli.main(["--selftest", str(parent)]) == 0

    out = capsys.readouterr().out
    lines = step_lines(out)
    assert [line.split(":")[0][5:] for line in lines] == STEP_NAMES
    assert all(line.startswith("ok   ") for line in lines)
    assert "kaart.pdf" in out
    assert out.splitlines()[-1].startswith(f"Zelftest geslaagd: {len(STEP_NAMES)} stappen")
    assert list(parent.iterdir()) == []  # everything it made is gone again


@pytest.mark.slow
def test_the_command_passes_as_a_separate_program(tmp_path: Path) -> None:
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen by itself
    env.pop("DISPLAY", None)

    done = subprocess.run(
        [sys.executable, "-m", "noodpost", "--selftest", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert len(step_lines(done.stdout)) == len(STEP_NAMES)
    assert "FOUT" not in done.stdout
    assert done.stdout.splitlines()[-1].startswith("Zelftest geslaagd")


def test_a_failed_step_is_named_the_rest_skipped_and_the_folder_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "catalogue.json"
    monkeypatch.setattr(config, "catalogue_path", lambda: missing)

    assert cli.main(["--selftest", str(tmp_path / "x")]) == 1

    out = capsys.readouterr().out
    lines = step_lines(out)
    assert lines[0].startswith("FOUT programmabestanden: de standaard-voorraadlijst ontbreekt")
    assert str(missing) in lines[0]
    assert all(line.startswith("--   ") and "overgeslagen" in line for line in lines[1:])
    assert len(lines) == len(STEP_NAMES)
    assert "Zelftest MISLUKT bij 'programmabestanden'" in out.splitlines()[-1]
    (kept,) = (tmp_path / "x").iterdir()
    assert kept.name.startswith("noodpost-zelftest-")


def test_a_folder_that_cannot_be_made_is_one_dutch_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "bestand"
    a_file.write_text("geen map")

    assert cli.main(["--selftest", str(a_file / "sub")]) == 1

    captured = capsys.readouterr()
    assert captured.err.startswith("noodpost: De zelftest kan in")
    assert "Kies een map waarin geschreven mag worden" in captured.err
    assert "Traceback" not in captured.err
