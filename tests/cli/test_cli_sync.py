"""The sync command lines as DESIGN §3.7 gives them, exit codes included (real files). The
hub is set up on SQLite and, in a second run of each test, on PostgreSQL (``--database``)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

INIT_HUB = ("init", "--role", "hub", "--code", "GR-9000")


@pytest.fixture
def noodpost(tmp_path: Path) -> Any:
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}

    def run(folder: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "noodpost",
                "--data-dir",
                str(tmp_path / folder),
                *map(str, args),
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture
def on_hub_database(database_at: Callable[[], str | None]) -> list[str]:
    """What ``init`` of the hub adds: nothing (a SQLite file), or ``--database <url>``."""
    url = database_at()
    return [] if url is None else ["--database", url]


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def counts(noodpost: Any, folder: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(ok(noodpost(folder, "status", "--json")))
    return document


def test_pair_export_approve_and_converge_over_a_stick(
    noodpost: Any, tmp_path: Path, on_hub_database: list[str]
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    ok(noodpost("hub", *INIT_HUB, "--name", "C-NSP Groningen", *on_hub_database))
    out = ok(noodpost("post", "init", "--role", "post", "--name", "Ten Boer", "--code", "GR-0014"))
    post_fingerprint = out.split("Vingerafdruk van de sleutels: ")[1].split()[0]
    ok(noodpost("hub", "pairing", "export", tmp_path / "pair.json"))
    assert "Gekoppeld" in ok(noodpost("post", "pairing", "import", tmp_path / "pair.json"))
    ok(noodpost("post", "demo", "--households", "12", "--days", "1"))

    ok(noodpost("post", "sync", "export", stick))
    imported = ok(noodpost("hub", "sync", "import", stick))
    # The bundle waits, and the output says so in bundles (not "0 in quarantaine" alone) and
    # says what to do (issue 18, item 16).
    assert "wacht op goedkeuring: GR-0014 (1 bundel bewaard tot de goedkeuring)" in imported
    assert "typ dan 'noodpost posts approve GR-0014'" in imported
    listing = ok(noodpost("hub", "posts", "list"))
    assert post_fingerprint in listing
    assert "(1 bundel in quarantaine)" in listing
    assert "'noodpost posts approve GR-0014'" in listing
    # Last contact in Dutch local time, not a raw UTC timestamp.
    assert re.search(r"laatst contact \d{1,2}-\d{1,2}-20\d\d \d\d:\d\d \(usb\)", listing), listing
    assert "+00:00" not in listing
    assert counts(noodpost, "hub")["households"] == 0  # quarantined, not applied yet
    assert "goedgekeurd" in ok(noodpost("hub", "posts", "approve", "GR-0014"))
    assert counts(noodpost, "hub")["households"] == 12

    ok(noodpost("hub", "sync", "export", stick))
    ok(noodpost("post", "sync", "import", stick))
    again = ok(noodpost("hub", "sync", "import", stick))
    assert "al eerder ingelezen" in again
    hub, post = counts(noodpost, "hub"), counts(noodpost, "post")
    assert hub["households"] == post["households"] == 12
    # Each holds what it may, and both say they hold both streams to the end: what was left
    # out (the post's seeded catalogue, its PIN hashes) is covered, not missing.
    assert hub["version_vector"] == post["version_vector"]
    assert post["credentials"] > 0  # the demo's volunteers sign in at the post …
    assert hub["credentials"] == 0  # … and their PIN hashes never reach the hub
    assert (hub["refused"], post["refused"], hub["quarantined"]) == (0, 0, 0)


def test_a_damaged_bundle_is_refused_with_one_line_and_nothing_changes(
    noodpost: Any, tmp_path: Path, on_hub_database: list[str]
) -> None:
    ok(noodpost("hub", *INIT_HUB, "--name", "C-NSP", *on_hub_database))
    ok(noodpost("post", "init", "--role", "post", "--name", "Ten Boer", "--code", "GR-0014"))
    ok(noodpost("hub", "pairing", "export", tmp_path / "pair.json"))
    ok(noodpost("post", "pairing", "import", tmp_path / "pair.json"))
    stick = tmp_path / "stick"
    stick.mkdir()
    ok(noodpost("post", "sync", "export", stick))
    (bundle,) = stick.rglob("*.npb")
    damaged = tmp_path / "damaged.npb"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    before = counts(noodpost, "hub")

    done = noodpost("hub", "sync", "import", damaged)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("noodpost: ")
    assert "Er is niets ingelezen" in lines[0] or "beschadigd" in lines[0]
    assert counts(noodpost, "hub") == before


def test_posts_approve_of_an_unknown_code_is_a_user_error(
    noodpost: Any, on_hub_database: list[str]
) -> None:
    ok(noodpost("hub", *INIT_HUB, "--name", "C-NSP", *on_hub_database))
    done = noodpost("hub", "posts", "approve", "GR-0099")
    assert done.returncode == 1
    assert "GR-0099" in done.stderr
    assert "Traceback" not in done.stderr
