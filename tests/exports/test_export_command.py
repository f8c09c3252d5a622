"""``noodpost export csv|xlsx|cap``: personal data only with a coordinator's name and PIN."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from exportkit import COORDINATOR, COORDINATOR_PIN, VOLUNTEER, VOLUNTEER_PIN, Seeded

from noodpost import cli, logs


@pytest.fixture
def cli_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """``noodpost --data-dir tmp_path/post ARGS`` in this process, the PIN on stdin."""
    monkeypatch.setenv("NOODPOST_LOG_DIR", str(tmp_path / "logs"))

    def run(*args: str | Path, pin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(f"{pin}\n"))
        code = cli.main(["--data-dir", str(tmp_path / "post"), *map(str, args)])
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    logs.close_logging()


def test_the_cli_exports_personal_data_only_with_a_coordinators_pin(
    seeded: Seeded, tmp_path: Path, cli_run: Callable[..., tuple[int, str, str]]
) -> None:
    personal = ("--met-persoonsgegevens", "--coordinator")
    code, _, err = cli_run("export", "csv", tmp_path / "a", *personal, COORDINATOR, pin="0000")
    assert (code, "Pincode onjuist" in err) == (1, True)
    code, _, err = cli_run(
        "export", "xlsx", tmp_path / "b.xlsx", *personal, VOLUNTEER, pin=VOLUNTEER_PIN
    )
    assert (code, "alleen een coördinator" in err) == (1, True)
    code, _, err = cli_run("export", "csv", tmp_path / "c", "--met-persoonsgegevens")
    assert (code, "--coordinator" in err) == (1, True)
    code, _, err = cli_run("export", "csv", tmp_path / "c", *personal, "Onbekend", pin="1")
    assert (code, "geen actieve vrijwilliger 'Onbekend'" in err) == (1, True)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "logs") == ["hub", "post"]

    code, out, err = cli_run(
        "export", "xlsx", tmp_path / "d", *personal, COORDINATOR, pin=COORDINATOR_PIN
    )
    assert code == 0, err
    assert "met persoonsgegevens" in out
    assert (tmp_path / "d.xlsx").is_file()
    code, out, err = cli_run("export", "csv", tmp_path / "csv")
    assert code == 0, err
    assert "zonder persoonsgegevens" in out
    code, out, err = cli_run("export", "cap", tmp_path / "cap")
    assert code == 0, err
    assert "5 CAP-berichten" in out
