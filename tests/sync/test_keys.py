"""Node keys: created once, private files 0600 in a 0700 folder, public keys in the node row."""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path

import pytest
from sitekit import Site, SiteFactory

from noodpost.core.errors import UserError
from noodpost.storage.engine import Database
from noodpost.storage.node import require_node
from noodpost.sync.keys import (
    ENCRYPTION_FILE,
    SIGNING_FILE,
    create_keys,
    ensure_keys,
    fingerprint,
    keys_dir,
    load_keys,
    load_node_keys,
)


def test_keys_are_created_private_and_recorded_in_the_node_row(hub: Site) -> None:
    folder = keys_dir(hub.data_dir)
    keys = load_keys(hub.data_dir)
    with hub.db.read() as session:
        node = require_node(session)
        assert node.signing_public_key == keys.signing_public_hex
        assert node.encryption_public_key == keys.encryption_public_hex
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", keys.fingerprint)
    assert keys.fingerprint == fingerprint(keys.signing_public_hex, keys.encryption_public_hex)
    assert not list(folder.glob("*.partial"))
    if sys.platform != "win32":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for name in (SIGNING_FILE, ENCRYPTION_FILE):
            assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    secret = bytes(keys.signing).hex()
    assert secret not in repr(keys)


def test_existing_keys_are_never_overwritten(hub: Site) -> None:
    folder = keys_dir(hub.data_dir)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    snapshot = hub.snapshot()
    with pytest.raises(UserError, match="al sleutels"):
        create_keys(hub.db, hub.data_dir)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert hub.snapshot() == snapshot
    assert ensure_keys(hub.db, hub.data_dir).fingerprint == hub.sync.fingerprint


def test_missing_or_damaged_keys_say_what_to_do(hub: Site) -> None:
    signing = keys_dir(hub.data_dir) / SIGNING_FILE
    signing.write_text("not a key\n", encoding="ascii")
    with pytest.raises(UserError, match="beschadigd"):
        load_keys(hub.data_dir)
    signing.unlink()
    with pytest.raises(UserError, match="ontbreken"):
        load_keys(hub.data_dir)


def test_keys_of_another_node_are_refused(make_site: SiteFactory, tmp_path: Path) -> None:
    first = make_site("one")
    second = make_site("two", code="GR-0015")
    for name in (SIGNING_FILE, ENCRYPTION_FILE):
        (keys_dir(first.data_dir) / name).write_bytes(
            (keys_dir(second.data_dir) / name).read_bytes()
        )
    with pytest.raises(UserError, match="horen niet bij deze database"):
        load_node_keys(first.db, first.data_dir)


def test_a_node_without_keys_gets_them_once(db: Database, tmp_path: Path) -> None:
    data_dir = tmp_path / "post"  # the shared fixture's node, made without keys
    made = ensure_keys(db, data_dir)
    assert ensure_keys(db, data_dir).fingerprint == made.fingerprint
    assert load_node_keys(db, data_dir).fingerprint == made.fingerprint
