"""Sealed backups (``.npbk``): a backup that leaves the data folder, readable only with a key.

libsodium through PyNaCl only, nothing home-made (issue 20):

- A random 32-byte **file key** per backup encrypts the SQLite copy with
  ``crypto_secretstream_xchacha20poly1305`` in chunks of :data:`CHUNK_SIZE` bytes, so a large
  database is never held whole in memory. The last chunk carries ``TAG_FINAL``; a file cut
  short, reordered or with bytes after the end is refused.
- The file key, with the post's code beside it (16 bytes, so the C-NSP can tell whose backup
  a request for help is about), is sealed (``crypto_box_seal``, :class:`nacl.public.SealedBox`)
  once per recipient: the post's **backup key** (an X25519 key derived from the recovery code with
  Argon2id, salt and limits in the header) and, when the post is paired, the C-NSP's
  encryption key (for the hub's help when the code is lost; see docs/backups.md).
- The header is authenticated: its SHA-256 is the additional data of every chunk, so a
  changed salt, limit, key block or chunk size makes the file refused as damaged.

Layout (big-endian)::

    "NPBK" | version u8 | chunk size u32 | salt 16 | opslimit u32 | memlimit u32
    | blocks u8 | blocks × (kind u8 | recipient public key 32 | sealed file key + code 96)
    | secretstream header 24
    then chunks: ciphertext of CHUNK_SIZE bytes (+17), the last one shorter and FINAL
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import nacl.bindings as sodium
import nacl.pwhash
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

from noodpost.core import recovery_code
from noodpost.core.durable import fsync_dir, fsync_file
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate

MAGIC = b"NPBK"
VERSION = 1
SUFFIX = ".npbk"
CHUNK_SIZE = 1 << 20
SALT_BYTES = 16
KEY_BYTES = 32
LABEL_BYTES = 16  # the post code, NUL-padded
SEALED_KEY_BYTES = KEY_BYTES + LABEL_BYTES + 48  # + crypto_box_SEALBYTES

#: Argon2id limits for the key derived from the code. The code has 120 random bits, so the
#: work factor is a second lock, not the only one: moderate, for an old laptop.
OPSLIMIT = 3
MEMLIMIT = 64 * 1024 * 1024

#: Who a file key is sealed to.
KIND_CODE = 1
KIND_HUB = 2

_FIXED = struct.Struct(">4sBI16sIIB")
_BLOCK = struct.Struct(f">B{KEY_BYTES}s{SEALED_KEY_BYTES}s")
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_STREAM_HEADER = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
# What a header may claim before it is authenticated: nothing that costs more than this.
_MAX_BLOCKS = 4
_MAX_CHUNK = 16 << 20
_MAX_OPSLIMIT = 10
_MAX_MEMLIMIT = 1 << 30


class SealedBackupDamaged(UserError):
    """The sealed file is damaged, cut short or was changed."""


class WrongRecoveryCode(UserError):
    """A well-formed recovery code that is not this backup's."""


@dataclass(frozen=True)
class KeyBlock:
    kind: int
    public_key: bytes
    sealed_key: bytes


@dataclass(frozen=True)
class SealedHeader:
    """The clear header: only what is needed to find and derive the key, nothing of the data."""

    version: int
    chunk_size: int
    salt: bytes
    opslimit: int
    memlimit: int
    blocks: tuple[KeyBlock, ...]
    stream_header: bytes
    raw: bytes

    def block(self, kind: int) -> KeyBlock | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    @property
    def additional_data(self) -> bytes:
        return hashlib.sha256(self.raw).digest()


@dataclass(frozen=True)
class Recipient:
    kind: int
    public_key: PublicKey


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def derive_backup_key(
    code: str, salt: bytes, *, opslimit: int = OPSLIMIT, memlimit: int = MEMLIMIT
) -> PrivateKey:
    """The X25519 backup key a recovery code stands for (Argon2id over the code's random part).

    Raises:
        UserError: the code has a typo or is not a code (see :mod:`noodpost.core.recovery_code`).
    """
    seed = nacl.pwhash.argon2id.kdf(
        KEY_BYTES, recovery_code.secret_of(code), salt, opslimit=opslimit, memlimit=memlimit
    )
    return PrivateKey(seed)


def damaged(path: Path, why: str) -> SealedBackupDamaged:
    """The refusal of ``path``; ``why`` is already in the interface's language."""
    return SealedBackupDamaged(
        translate(
            "SealedBackup",
            "{name} is beschadigd of veranderd ({why}); deze versleutelde back-up kan niet "
            "worden geopend. Er is niets veranderd. Kies een andere back-up.",
        ).format(name=path.name, why=why)
    )


def is_sealed(path: Path) -> bool:
    """True when ``path`` starts with the sealed backup's magic (whatever its name)."""
    try:
        with path.open("rb") as file:
            return file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _header_bytes(
    chunk_size: int, salt: bytes, blocks: Sequence[KeyBlock], stream_header: bytes
) -> bytes:
    fixed = _FIXED.pack(MAGIC, VERSION, chunk_size, salt, OPSLIMIT, MEMLIMIT, len(blocks))
    body = b"".join(_BLOCK.pack(b.kind, b.public_key, b.sealed_key) for b in blocks)
    return fixed + body + stream_header


def read_header(file: BinaryIO, path: Path) -> SealedHeader:
    """Parse the header at the start of ``file``.

    Raises:
        SealedBackupDamaged: not a sealed backup, cut short, or implausible values.
        UserError: made by a newer Noodpost (refused, not half-read).
    """
    fixed = file.read(_FIXED.size)
    if len(fixed) < _FIXED.size or not fixed.startswith(MAGIC):
        raise damaged(path, translate("SealedBackup", "geen versleutelde back-up van Noodpost"))
    _magic, version, chunk_size, salt, opslimit, memlimit, count = _FIXED.unpack(fixed)
    if version > VERSION:
        raise UserError(
            translate(
                "SealedBackup",
                "{name} is gemaakt met een nieuwere versie van Noodpost. Installeer de "
                "nieuwste versie van Noodpost; er is niets veranderd.",
            ).format(name=path.name)
        )
    if (
        version < 1
        or not 0 < count <= _MAX_BLOCKS
        or not 0 < chunk_size <= _MAX_CHUNK
        or not 0 < opslimit <= _MAX_OPSLIMIT
        or not 0 < memlimit <= _MAX_MEMLIMIT
    ):
        raise damaged(path, translate("SealedBackup", "de kop klopt niet"))
    body = file.read(count * _BLOCK.size + _STREAM_HEADER)
    if len(body) != count * _BLOCK.size + _STREAM_HEADER:
        raise damaged(path, translate("SealedBackup", "te kort"))
    blocks = tuple(KeyBlock(*_BLOCK.unpack_from(body, i * _BLOCK.size)) for i in range(count))
    return SealedHeader(
        version,
        chunk_size,
        salt,
        opslimit,
        memlimit,
        blocks,
        body[count * _BLOCK.size :],
        fixed + body,
    )


def inspect_sealed(path: Path) -> SealedHeader:
    """The header of the sealed backup at ``path`` (nothing decrypted).

    Raises:
        UserError: missing; see :func:`read_header`.
    """
    if not path.is_file():
        raise UserError(
            translate(
                "SealedBackup", "Het bestand {path} bestaat niet. Er is niets veranderd."
            ).format(path=path)
        )
    with path.open("rb") as file:
        return read_header(file, path)


def seal_file(
    source: Path, target: Path, recipients: Sequence[Recipient], salt: bytes, label: str
) -> None:
    """Encrypt the file at ``source`` into ``target`` (a new file, owner-only on POSIX).

    ``label`` (the post code) is sealed beside the file key, for the C-NSP's help.

    Written through ``target.partial``, fsynced, renamed, the folder fsynced: nothing is ever
    under ``target`` unless it is whole.

    Raises:
        OSError: the target cannot be written (full, pulled, read-only); nothing is left.
    """
    file_key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
    payload = file_key + label.encode("ascii").ljust(LABEL_BYTES, b"\0")
    if len(payload) != KEY_BYTES + LABEL_BYTES:
        raise ValueError("label too long")
    blocks = [
        KeyBlock(r.kind, bytes(r.public_key), SealedBox(r.public_key).encrypt(payload))
        for r in recipients
    ]
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    stream_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, file_key)
    header = _header_bytes(CHUNK_SIZE, salt, blocks, stream_header)
    additional = hashlib.sha256(header).digest()
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, source.open("rb") as plain:
            out.write(header)
            chunk = plain.read(CHUNK_SIZE)
            while True:
                following = plain.read(CHUNK_SIZE) if len(chunk) == CHUNK_SIZE else b""
                tag = _TAG_FINAL if not following else _TAG_MESSAGE
                out.write(
                    sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, additional, tag)
                )
                if tag == _TAG_FINAL:
                    break
                chunk = following
        fsync_file(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def open_file_key(header: SealedHeader, kind: int, key: PrivateKey, path: Path) -> bytes:
    """The file key from the block sealed to ``key``.

    Raises:
        WrongRecoveryCode: the file has no block for this key (another code).
        SealedBackupDamaged: the block is there but does not open.
    """
    block = header.block(kind)
    if block is None or block.public_key != bytes(key.public_key):
        raise WrongRecoveryCode(
            translate(
                "SealedBackup",
                "Deze herstelcode past niet bij deze back-up (verkeerde code). Er is niets "
                "veranderd. Gebruik de herstelcode die bij het inrichten van deze post is "
                "opgeschreven, of vraag de C-NSP om hulp.",
            )
        )
    try:
        return open_sealed_key(block.sealed_key, key)[0]
    except ValueError:
        raise damaged(path, translate("SealedBackup", "het sleutelblok is veranderd")) from None


def open_sealed_key(sealed_key: bytes, key: PrivateKey) -> tuple[bytes, str]:
    """``(file key, post code)`` from a key block sealed to ``key``.

    Raises:
        ValueError: it does not open with ``key``, or what it holds is not a key and a code.
    """
    try:
        payload = SealedBox(key).decrypt(bytes(sealed_key))
    except CryptoError:
        raise ValueError("the key block does not open") from None
    if len(payload) != KEY_BYTES + LABEL_BYTES:
        raise ValueError("the key block holds something else")
    label = payload[KEY_BYTES:].rstrip(b"\0")
    if not all(0x21 <= c < 0x7F for c in label):
        raise ValueError("the key block holds something else")
    return payload[:KEY_BYTES], label.decode("ascii")


def unseal_file(source: Path, target: Path, file_key: bytes) -> None:
    """Decrypt ``source`` into ``target`` (created owner-only; removed again on any failure).

    Raises:
        SealedBackupDamaged: any chunk does not authenticate, the file is cut short or has
            bytes after its end.
        OSError: ``target`` cannot be written.
    """
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, source.open("rb") as sealed:
            header = read_header(sealed, source)
            additional = header.additional_data
            state = sodium.crypto_secretstream_xchacha20poly1305_state()
            try:
                sodium.crypto_secretstream_xchacha20poly1305_init_pull(
                    state, header.stream_header, file_key
                )
                while True:
                    chunk = sealed.read(header.chunk_size + _ABYTES)
                    if len(chunk) < _ABYTES:
                        raise damaged(source, translate("SealedBackup", "te kort"))
                    plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(
                        state, chunk, additional
                    )
                    out.write(plain)
                    if tag == _TAG_FINAL:
                        break
                    if len(chunk) != header.chunk_size + _ABYTES:
                        raise damaged(source, translate("SealedBackup", "te kort"))
            except CryptoError:
                raise damaged(source, translate("SealedBackup", "de inhoud klopt niet")) from None
            if sealed.read(1):
                raise damaged(source, translate("SealedBackup", "er staat iets achter het einde"))
        fsync_file(target)
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
