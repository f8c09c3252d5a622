"""The sealed backup format: chunks, the final tag, the authenticated header, two recipients."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from nacl.public import PrivateKey

from noodpost.core.errors import UserError
from noodpost.core.recovery_code import new_code
from noodpost.storage import sealed_backup as sealed

CHUNK = 4096


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealed, "CHUNK_SIZE", CHUNK)


@pytest.fixture(scope="module")
def code_key() -> tuple[str, bytes, PrivateKey]:
    code, salt = new_code(), sealed.new_salt()
    return code, salt, sealed.derive_backup_key(code, salt)


def _seal(
    tmp_path: Path, data: bytes, keys: tuple[str, bytes, PrivateKey], hub: PrivateKey
) -> Path:
    _code, salt, key = keys
    source = tmp_path / "plain.db"
    source.write_bytes(data)
    target = tmp_path / "noodpost-GR-0014-20261128-091500.npbk"
    recipients = [
        sealed.Recipient(sealed.KIND_CODE, key.public_key),
        sealed.Recipient(sealed.KIND_HUB, hub.public_key),
    ]
    sealed.seal_file(source, target, recipients, salt, "GR-0014")
    assert not target.with_name(target.name + ".partial").exists()
    return target


def _open(path: Path, kind: int, key: PrivateKey, out: Path) -> bytes:
    header = sealed.inspect_sealed(path)
    sealed.unseal_file(path, out, sealed.open_file_key(header, kind, key, path))
    return out.read_bytes()


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7])
def test_any_size_round_trips_for_the_code_and_for_the_hub(
    tmp_path: Path, code_key: tuple[str, bytes, PrivateKey], size: int
) -> None:
    data = os.urandom(size)
    hub = PrivateKey.generate()
    path = _seal(tmp_path, data, code_key, hub)
    assert _open(path, sealed.KIND_CODE, code_key[2], tmp_path / "a.db") == data
    assert _open(path, sealed.KIND_HUB, hub, tmp_path / "b.db") == data
    hub_block = sealed.inspect_sealed(path).block(sealed.KIND_HUB)
    assert hub_block is not None
    assert sealed.open_sealed_key(hub_block.sealed_key, hub)[1] == "GR-0014"
    again = sealed.derive_backup_key(code_key[0].lower(), sealed.inspect_sealed(path).salt)
    assert bytes(again) == bytes(code_key[2])


def test_a_missing_final_chunk_a_dropped_chunk_and_a_swap_are_damage(
    tmp_path: Path, code_key: tuple[str, bytes, PrivateKey]
) -> None:
    data = os.urandom(3 * CHUNK + 100)
    path = _seal(tmp_path, data, code_key, PrivateKey.generate())
    raw = path.read_bytes()
    header = len(sealed.inspect_sealed(path).raw)
    size = CHUNK + 17
    chunks = [raw[header + i * size : header + (i + 1) * size] for i in range(4)]
    variants = {
        "no final chunk": raw[: header + 3 * size],
        "a chunk dropped": raw[:header] + chunks[0] + chunks[2] + chunks[3],
        "two swapped": raw[:header] + chunks[1] + chunks[0] + chunks[2] + chunks[3],
        "bytes after the end": raw + b"x",
    }
    for why, changed in variants.items():
        path.write_bytes(changed)
        out = tmp_path / "out.db"
        with pytest.raises(sealed.SealedBackupDamaged):
            _open(path, sealed.KIND_CODE, code_key[2], out)
        assert not out.exists(), why


def test_a_changed_header_field_is_refused(
    tmp_path: Path, code_key: tuple[str, bytes, PrivateKey]
) -> None:
    """The hub's key block changed: the code's block still opens, but no chunk authenticates."""
    path = _seal(tmp_path, b"data" * 3000, code_key, PrivateKey.generate())
    raw = bytearray(path.read_bytes())
    hub_block = 35 + (1 + 32 + sealed.SEALED_KEY_BYTES) + 1  # the second block's public key
    raw[hub_block] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises(sealed.SealedBackupDamaged):
        _open(path, sealed.KIND_CODE, code_key[2], tmp_path / "out.db")


def test_another_code_and_a_newer_version_are_refused(
    tmp_path: Path, code_key: tuple[str, bytes, PrivateKey]
) -> None:
    path = _seal(tmp_path, b"data", code_key, PrivateKey.generate())
    header = sealed.inspect_sealed(path)
    other = sealed.derive_backup_key(new_code(), header.salt)
    with pytest.raises(sealed.WrongRecoveryCode):
        sealed.open_file_key(header, sealed.KIND_CODE, other, path)
    raw = bytearray(path.read_bytes())
    raw[4] = sealed.VERSION + 1
    path.write_bytes(bytes(raw))
    with pytest.raises(UserError) as refused:
        sealed.inspect_sealed(path)
    assert "nieuwere versie" in refused.value.message
    path.write_bytes(b"SQLite format 3\0")
    assert not sealed.is_sealed(path)
    with pytest.raises(sealed.SealedBackupDamaged):
        sealed.inspect_sealed(path)
