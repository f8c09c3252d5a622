"""The private-files seam: what it closes, what it leaves alone, and that it never crashes."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from noodpost.core import private_files
from noodpost.core.private_files import protect_new_files, tighten_data_folder
from noodpost.storage.engine import open_database
from noodpost.sync.files import write_atomically

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_the_wal_and_shm_of_an_old_readable_database_are_private_while_it_is_open(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "post"
    data_dir.mkdir()
    open_database(data_dir / "noodpost.db").close()
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "noodpost.db", 0o644)  # as an older version left it

    db = open_database(data_dir / "noodpost.db")
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
            conn.commit()
        sides = sorted(data_dir.glob("noodpost.db-*"))
        assert [p.name for p in sides] == ["noodpost.db-shm", "noodpost.db-wal"]
        assert {p.name: mode_of(p) for p in sides} == {p.name: 0o600 for p in sides}
        assert mode_of(data_dir / "noodpost.db") == 0o600
        assert mode_of(data_dir) == 0o700
    finally:
        db.close()


def test_tightening_never_follows_a_link_out_of_the_data_folder(tmp_path: Path) -> None:
    data_dir, elsewhere = tmp_path / "post", tmp_path / "elders"
    data_dir.mkdir()
    elsewhere.mkdir()
    (elsewhere / "gedeeld.txt").write_text("voor iedereen", encoding="utf-8")
    os.chmod(elsewhere, 0o755)
    os.chmod(elsewhere / "gedeeld.txt", 0o644)
    (data_dir / "link-naar-map").symlink_to(elsewhere)
    (data_dir / "link-naar-bestand").symlink_to(elsewhere / "gedeeld.txt")
    (data_dir / "noodpost.db").write_bytes(b"")
    os.chmod(data_dir / "noodpost.db", 0o644)

    tighten_data_folder(data_dir)

    assert mode_of(data_dir / "noodpost.db") == 0o600
    assert mode_of(elsewhere) == 0o755
    assert mode_of(elsewhere / "gedeeld.txt") == 0o644


def test_a_file_system_that_refuses_is_one_calm_log_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "stick"
    (data_dir / "backups").mkdir(parents=True)
    for name in ("noodpost.db", "settings.json", "backups/a.db"):
        (data_dir / name).write_bytes(b"")
        os.chmod(data_dir / name, 0o644)

    def refuse(path: object, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(private_files.os, "chmod", refuse)  # a FAT stick without 'quiet'
    with caplog.at_level(logging.WARNING, logger="noodpost"):
        assert tighten_data_folder(data_dir) == 0
        assert private_files.make_private(data_dir / "noodpost.db") is False

    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2  # one for the folder, one for the single file
    assert "other users of this computer may read it" in warnings[0]


def test_bundles_and_pairing_files_for_another_laptop_keep_the_users_ordinary_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(private_files, "_ordinary_umask", None)  # as a new process starts
    os.umask(0o022)  # the user's ordinary umask (the test fixture restores pytest's)
    protect_new_files()
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = stick / "NOODPOST" / "GR-0014" / "uit" / "bundel.npb"
    key = tmp_path / "keys" / "signing.key"

    write_atomically(bundle, b"sealed")
    write_atomically(key, b"secret\n", private=True)
    (tmp_path / "export.csv").write_text("Jansen;1950\n", encoding="utf-8")

    assert mode_of(bundle) == 0o644
    assert [mode_of(p) for p in bundle.parents if p != stick and stick in p.parents] == [
        0o755,
        0o755,
        0o755,
    ]
    assert mode_of(key) == 0o600
    assert mode_of(tmp_path / "export.csv") == 0o600  # anything else the process writes
