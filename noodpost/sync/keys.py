"""This node's keys: Ed25519 to sign bundles, X25519 to receive encrypted ones (PyNaCl).

The private keys live in ``<data_dir>/keys/`` (folder 0700, files 0600), one hex seed per file,
written atomically; the public keys (hex) are stored in the node row, so bundles and pairing
files can name them. A training node has its own data folder, so its own keys.

The fingerprint people compare when approving a post is the first 16 hex digits of
``sha256(signing public key + encryption public key)``, grouped as ``ABCD-EF01-2345-6789``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey
from nacl.signing import SigningKey, VerifyKey

from noodpost.core.errors import Refused, UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.storage.engine import Database
from noodpost.storage.node import require_node
from noodpost.sync.files import write_atomically

KEYS_DIR = "keys"
SIGNING_FILE = "signing.key"
ENCRYPTION_FILE = "encryption.key"
KEY_HEX_LENGTH = 64


@dataclass(frozen=True)
class NodeKeys:
    """The private keys of this node. Never logged, never printed, never in a bundle."""

    signing: SigningKey
    encryption: PrivateKey

    @property
    def signing_public_hex(self) -> str:
        return bytes(self.signing.verify_key).hex()

    @property
    def encryption_public_hex(self) -> str:
        return bytes(self.encryption.public_key).hex()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public_hex, self.encryption_public_hex)

    def __repr__(self) -> str:  # keep private keys out of logs and tracebacks
        return f"NodeKeys(fingerprint={self.fingerprint!r})"


def fingerprint(signing_public_hex: str, encryption_public_hex: str) -> str:
    """A short text people can read out and compare: ``ABCD-EF01-2345-6789``."""
    raw = bytes.fromhex(signing_public_hex) + bytes.fromhex(encryption_public_hex)
    head = hashlib.sha256(raw).hexdigest()[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))


def is_public_key_hex(text: object) -> bool:
    """True for 64 lowercase-or-uppercase hex digits (32 bytes)."""
    if not isinstance(text, str) or len(text) != KEY_HEX_LENGTH:
        return False
    try:
        bytes.fromhex(text)
    except ValueError:
        return False
    return True


def verify_key(signing_public_hex: str) -> VerifyKey:
    """The Ed25519 verify key for a hex public key.

    Raises:
        ValueError: not a valid key.
    """
    try:
        return VerifyKey(bytes.fromhex(signing_public_hex))
    except (ValueError, TypeError, CryptoError) as bad:
        raise ValueError("not an Ed25519 public key") from bad


def public_key(encryption_public_hex: str) -> PublicKey:
    """The X25519 public key for a hex public key.

    Raises:
        ValueError: not a valid key.
    """
    try:
        return PublicKey(bytes.fromhex(encryption_public_hex))
    except (ValueError, TypeError, CryptoError) as bad:
        raise ValueError("not an X25519 public key") from bad


def keys_dir(data_dir: Path) -> Path:
    return data_dir / KEYS_DIR


def _key_files(data_dir: Path) -> tuple[Path, Path]:
    folder = keys_dir(data_dir)
    return folder / SIGNING_FILE, folder / ENCRYPTION_FILE


def create_keys(db: Database, data_dir: Path) -> NodeKeys:
    """Create this node's key pairs and record the public keys in the node row.

    Called once, right after the node is created (``noodpost init``). Existing keys are never
    overwritten: a node with keys keeps them, because every peer knows it by them.

    Raises:
        UserError: the node already has keys, or the keys folder cannot be written.
    """
    signing_file, encryption_file = _key_files(data_dir)
    with db.write() as session:
        node = require_node(session)
        if node.signing_public_key or signing_file.exists() or encryption_file.exists():
            raise UserError(
                translate(
                    "SyncKeys",
                    "Dit noodsteunpunt heeft al sleutels; die worden nooit vervangen, omdat het "
                    "C-NSP en de andere punten het eraan herkennen.",
                )
            )
        keys = NodeKeys(SigningKey.generate(), PrivateKey.generate())
        folder = keys_dir(data_dir)
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        except OSError as failed:
            raise UserError(
                translate(
                    "SyncKeys", "De sleutelmap {folder} kan niet worden gemaakt ({reason})."
                ).format(folder=folder, reason=os_reason(failed))
            ) from failed
        write_atomically(signing_file, bytes(keys.signing).hex().encode() + b"\n", private=True)
        write_atomically(
            encryption_file, bytes(keys.encryption).hex().encode() + b"\n", private=True
        )
        node.signing_public_key = keys.signing_public_hex
        node.encryption_public_key = keys.encryption_public_hex
    return keys


def _read_seed(path: Path) -> bytes:
    text = path.read_text(encoding="ascii").strip()
    if len(text) != KEY_HEX_LENGTH:
        raise ValueError("wrong length")
    return bytes.fromhex(text)


def load_keys(data_dir: Path) -> NodeKeys:
    """Read this node's private keys.

    Raises:
        UserError: the keys are missing or damaged (with what to do).
    """
    signing_file, encryption_file = _key_files(data_dir)
    if not signing_file.exists() or not encryption_file.exists():
        raise UserError(
            translate(
                "SyncKeys",
                "De sleutels van dit noodsteunpunt ontbreken in {folder}. Zet de map 'keys' "
                "terug uit een reservekopie; zonder sleutels kan niet worden gesynchroniseerd.",
            ).format(folder=keys_dir(data_dir))
        )
    try:
        return NodeKeys(
            SigningKey(_read_seed(signing_file)), PrivateKey(_read_seed(encryption_file))
        )
    except (OSError, UnicodeDecodeError, ValueError, CryptoError) as bad:
        raise UserError(
            translate(
                "SyncKeys",
                "De sleutels in {folder} zijn beschadigd of onleesbaar. Zet de map 'keys' terug "
                "uit een reservekopie.",
            ).format(folder=keys_dir(data_dir))
        ) from bad


def ensure_keys(db: Database, data_dir: Path) -> NodeKeys:
    """This node's keys: loaded when present, created for a node that has none yet."""
    with db.read() as session:
        has_keys = bool(require_node(session).signing_public_key)
    if has_keys:
        return load_node_keys(db, data_dir)
    if any(path.exists() for path in _key_files(data_dir)):
        # Files written but the node row not updated (a crash inside create_keys): adopt them.
        keys = load_keys(data_dir)
        with db.write() as session:
            node = require_node(session)
            node.signing_public_key = keys.signing_public_hex
            node.encryption_public_key = keys.encryption_public_hex
        return keys
    return create_keys(db, data_dir)


def has_key_files(data_dir: Path) -> bool:
    """Whether ``data_dir`` holds private key files (complete or not)."""
    return any(path.exists() for path in _key_files(data_dir))


def is_workstation(db: Database, data_dir: Path) -> bool:
    """Whether ``data_dir`` is an operator's workstation of a hub on PostgreSQL: it names the
    hub's database but holds none of its private keys. Only the process that signs and opens
    bundles (``noodpost hub serve``, on the hub's server) has them."""
    return db.is_server and not has_key_files(data_dir)


def workstation_refusal() -> str:
    """Why a workstation cannot do what needs the hub's private keys — writing or reading a
    bundle, a pairing file, approving a post (in the interface's language)."""
    return translate(
        "SyncKeys",
        "Dit gebeurt op de server van het C-NSP (noodpost hub serve): deze werkplek heeft "
        "de sleutels van het C-NSP niet.",
    )


def load_node_keys(db: Database, data_dir: Path) -> NodeKeys:
    """Load the keys and check they belong to this database's node.

    Raises:
        Refused: a workstation (:func:`is_workstation`): the hub's server does this.
        UserError: missing, damaged, or belonging to another node.
    """
    if is_workstation(db, data_dir):
        raise Refused(workstation_refusal())
    keys = load_keys(data_dir)
    with db.read() as session:
        node = require_node(session)
        matches = (
            node.signing_public_key == keys.signing_public_hex
            and node.encryption_public_key == keys.encryption_public_hex
        )
    if not matches:
        raise UserError(
            translate(
                "SyncKeys",
                "De sleutels in {folder} horen niet bij deze database. Zet de database en de "
                "map 'keys' altijd samen terug.",
            ).format(folder=keys_dir(data_dir))
        )
    return keys
