"""The command line as scripts use it: the real ``python -m noodpost`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from noodpost import cli, logs

POST = ["--role", "post", "--name", "Dorpshuis Ten Boer", "--code", "GR-0014"]


@pytest.fixture
def noodpost(tmp_path: Path) -> Any:
    """Run ``noodpost ARGS`` with its logs in tmp_path; returns the CompletedProcess."""
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}
    env.pop("NOODPOST_DATA_DIR", None)

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "noodpost", *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    return run


def status(noodpost: Any, data_dir: Path) -> dict[str, Any]:
    done = noodpost("--data-dir", data_dir, "status", "--json")
    assert done.returncode == 0, done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def assert_one_dutch_line(stderr: str, phrase: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("noodpost: ")
    assert phrase in lines[0]


def test_init_then_status_reports_the_new_post(noodpost: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"  # does not exist yet: init creates it

    done = noodpost("--data-dir", data_dir, "init", *POST, "--capacity", "80")

    assert done.returncode == 0, done.stderr
    assert "Dorpshuis Ten Boer" in done.stdout
    document = status(noodpost, data_dir)
    assert document["role"] == "post"
    assert document["post_code"] == "GR-0014"
    assert document["name"] == "Dorpshuis Ten Boer"
    assert document["training"] is False
    assert document["households"] == 0
    assert document["persons"] == 0
    assert document["visits"] == 0
    assert document["posts"] == 1
    assert document["supply_items"] > 0
    assert document["events"] == 1 + document["supply_items"]  # the post and its catalogue
    assert document["quarantined"] == 0
    assert document["integrity"] == "ok"
    assert document["version_vector"] == [
        {
            "origin": document["node_id"],
            "incarnation": document["incarnation"],
            "seq": document["events"],
        }
    ]


def test_data_dir_is_accepted_after_the_command(noodpost: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    assert noodpost("init", "--data-dir", data_dir, *POST, "--training").returncode == 0

    done = noodpost("status", "--json", "--data-dir", data_dir)

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["training"] is True


def test_status_in_plain_dutch(noodpost: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    noodpost("--data-dir", data_dir, "init", *POST)

    done = noodpost("--data-dir", data_dir, "status")

    assert done.returncode == 0, done.stderr
    assert "Dorpshuis Ten Boer" in done.stdout
    assert "Huishoudens" in done.stdout
    assert "Databasecontrole" in done.stdout
    assert "in orde" in done.stdout


def test_init_twice_is_refused_and_changes_nothing(noodpost: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    noodpost("--data-dir", data_dir, "init", *POST)
    before = status(noodpost, data_dir)

    done = noodpost(
        "--data-dir", data_dir, "init", "--role", "hub", "--name", "Ander", "--code", "GR-9000"
    )

    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, "al een ingericht noodsteunpunt")
    after = status(noodpost, data_dir)
    assert after["events"] == before["events"]
    assert after["node_id"] == before["node_id"]
    assert after["name"] == "Dorpshuis Ten Boer"
    assert after["role"] == "post"


def test_status_of_a_folder_without_a_post(noodpost: Any, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    done = noodpost("--data-dir", empty, "status", "--json")

    assert done.returncode == 1
    assert done.stdout == ""
    assert_one_dutch_line(done.stderr, "nog geen noodsteunpunt")
    assert list(empty.iterdir()) == []  # status never creates a database


def test_status_of_a_missing_folder(noodpost: Any, tmp_path: Path) -> None:
    done = noodpost("--data-dir", tmp_path / "nergens", "status")

    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, "bestaat niet")
    assert not (tmp_path / "nergens").exists()


@pytest.mark.parametrize("code", ["12", "GR-14", "GRO-0014", ""])
def test_bad_post_code_is_refused(noodpost: Any, tmp_path: Path, code: str) -> None:
    data_dir = tmp_path / "post"

    done = noodpost(
        "--data-dir", data_dir, "init", "--role", "post", "--name", "Dorpshuis", "--code", code
    )

    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, "klopt niet" if code else "Vul de code van de post in")
    assert not data_dir.exists()  # nothing made: every value is checked first
    again = noodpost("--data-dir", data_dir, "status")
    assert_one_dutch_line(again.stderr, "richt een nieuw noodsteunpunt in met 'noodpost init'")


def test_empty_name_is_refused(noodpost: Any, tmp_path: Path) -> None:
    done = noodpost(
        "--data-dir", tmp_path, "init", "--role", "post", "--name", "  ", "--code", "GR-0014"
    )

    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, "naam")
    assert list(tmp_path.iterdir()) == [tmp_path / "logs"]


def test_wrong_usage_exits_2(noodpost: Any, tmp_path: Path) -> None:
    done = noodpost("--data-dir", tmp_path, "init", "--role", "bakery", *POST[2:])

    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "--role" in done.stderr


@pytest.fixture
def closes_log() -> Iterator[None]:
    """For in-process runs of ``cli.main``: detach its log file afterwards."""
    yield
    logs.close_logging()


@pytest.mark.usefixtures("closes_log")
def test_unexpected_error_points_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug is logged with its traceback; the user gets one line naming the log file."""
    log_dir = tmp_path / "logs"
    monkeypatch.setenv("NOODPOST_LOG_DIR", str(log_dir))

    def broken(_args: object) -> int:
        raise RuntimeError("programming error")

    monkeypatch.setattr(cli, "_run_status", broken)
    data_dir = tmp_path / "post"
    assert cli.main(["--data-dir", str(data_dir), "init", *POST]) == 0
    capsys.readouterr()

    code = cli.main(["--data-dir", str(data_dir), "status"])

    err = capsys.readouterr().err
    assert code == 3
    log_file = log_dir / "noodpost.log"
    assert err.strip() == f"noodpost: onverwachte fout — details in {log_file}"
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "RuntimeError: programming error" in logged


@pytest.mark.slow
def test_init_demo_status_as_the_foundation_promises(noodpost: Any, tmp_path: Path) -> None:
    """The issue's own acceptance line: init, demo --households 500, status --json."""
    data_dir = tmp_path / "X"
    assert noodpost("--data-dir", data_dir, "init", *POST).returncode == 0
    done = noodpost("--data-dir", data_dir, "demo", "--households", "500")
    assert done.returncode == 0, done.stderr
    assert "500 huishoudens" in done.stdout
    document = status(noodpost, data_dir)
    assert document["households"] == 500
    # Consistent: the version vector covers every event, with no gaps, from this one node.
    (stream,) = document["version_vector"]
    assert stream["seq"] == document["events"]
    assert document["distributions"] > 500
    assert document["integrity"] == "ok"


def test_demo_refuses_nonsense_numbers(noodpost: Any, tmp_path: Path) -> None:
    data_dir = tmp_path / "X"
    assert noodpost("--data-dir", data_dir, "init", *POST).returncode == 0
    before = status(noodpost, data_dir)["events"]
    done = noodpost("--data-dir", data_dir, "demo", "--days", "0")
    assert done.returncode == 1
    assert_one_dutch_line(done.stderr, "aantal dagen")
    assert status(noodpost, data_dir)["events"] == before
