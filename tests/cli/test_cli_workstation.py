"""``noodpost --workstation postgresql://…``: an operator's folder for a hub on PostgreSQL.

The folder keeps this machine's settings and the database's URL — never the hub's private
keys. A folder that belongs to a node of its own, or to another database, is refused in
Dutch before any window opens, and left as it was.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from clikit import folder_digest, ok, refused

from noodpost.core.errors import DatabaseError
from noodpost.storage.node import DATABASE_URL_FILE, database_location, prepare_workstation

URL = "postgresql://noodpost@dbserver/regio"


def test_a_workstation_folder_holds_the_url_only(tmp_path: Path) -> None:
    folder = tmp_path / "werkplek"
    prepare_workstation(folder, URL)
    assert [p.name for p in folder.iterdir()] == [DATABASE_URL_FILE]
    assert database_location(folder) == URL
    mode = stat.S_IMODE((folder / DATABASE_URL_FILE).stat().st_mode)
    assert mode == 0o600  # a URL may hold a password
    prepare_workstation(folder, URL)  # started again the same way: nothing changes
    assert database_location(folder) == URL


def test_another_database_or_no_url_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "werkplek"
    prepare_workstation(folder, URL)
    with pytest.raises(DatabaseError, match="hoort al bij een andere database"):
        prepare_workstation(folder, "postgresql://noodpost@elders/regio")
    with pytest.raises(DatabaseError, match="Geef de postgresql://-URL"):
        prepare_workstation(tmp_path / "ander", "regio.db")
    assert not (tmp_path / "ander").exists()
    assert database_location(folder) == URL


def test_a_posts_folder_is_never_made_a_workstation(tmp_path: Path) -> None:
    post = tmp_path / "post"
    ok(post, "init", "--role", "post", "--name", "Dorpshuis Ten Boer", "--code", "GR-0014")
    before = folder_digest(post)
    line = refused(post, "--workstation", URL)
    assert "hoort al bij een eigen noodsteunpunt" in line
    assert folder_digest(post) == before
