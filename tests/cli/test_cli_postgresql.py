"""A hub set up on PostgreSQL from the command line (a post syncing with it: test_cli_sync.py)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pg import PgServer

from noodpost.storage.node import DATABASE_URL_FILE

HUB = ["init", "--role", "hub", "--name", "C-NSP Groningen", "--code", "GR-9000"]


@pytest.fixture
def noodpost(tmp_path: Path) -> Any:
    env = {**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "logs")}
    env.pop("NOODPOST_DATA_DIR", None)

    def run(folder: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "noodpost", "--data-dir", str(tmp_path / folder)]
            + [str(a) for a in args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture
def hub_url(pg_server: PgServer) -> Any:
    url = pg_server.fresh()
    yield url
    pg_server.drop(url)


def ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


def counts(noodpost: Any, folder: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(ok(noodpost(folder, "status", "--json")))
    return document


def test_a_hub_on_postgresql_is_set_up_with_its_url_and_keys_in_the_folder(
    noodpost: Any, hub_url: str, tmp_path: Path
) -> None:
    """A post syncing with such a hub over a stick: test_cli_sync.py, whose tests run with the
    hub set up on PostgreSQL too."""
    out = ok(noodpost("hub", *HUB, "--database", hub_url))
    assert "ingericht" in out
    assert "(database: postgresql://" in out
    folder = tmp_path / "hub"
    url_file = folder / DATABASE_URL_FILE
    assert url_file.read_text(encoding="utf-8").strip() == hub_url
    assert stat.S_IMODE(url_file.stat().st_mode) == 0o600  # a URL may hold a password
    assert not (folder / "noodpost.db").exists()  # the data is on the server …
    assert (folder / "keys").is_dir()  # … the keys stay in the folder
    hub = counts(noodpost, "hub")
    assert (hub["role"], hub["integrity"], hub["households"]) == ("hub", "ok", 0)


def test_a_post_is_never_set_up_on_a_server(noodpost: Any, hub_url: str, tmp_path: Path) -> None:
    done = noodpost(
        "post", "init", "--role", "post", "--name", "Ten Boer", "--code", "GR-0014",
        "--database", hub_url,
    )  # fmt: skip
    assert done.returncode == 1
    assert "alleen voor een C-NSP" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "post" / DATABASE_URL_FILE).exists()


def test_a_second_init_on_the_same_server_database_is_refused(noodpost: Any, hub_url: str) -> None:
    ok(noodpost("hub", *HUB, "--database", hub_url))
    before = counts(noodpost, "hub")
    done = noodpost("hub2", *HUB, "--database", hub_url)
    assert done.returncode == 1
    assert "al een ingericht noodsteunpunt" in done.stderr
    assert counts(noodpost, "hub")["node_id"] == before["node_id"]
