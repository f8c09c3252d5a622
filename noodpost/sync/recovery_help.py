"""The C-NSP's help when a post's recovery code is lost (issue 20, docs/backups.md).

A sealed backup made while the post was paired holds its file key sealed to the C-NSP's
encryption key too (:mod:`noodpost.storage.sealed_backup`). The C-NSP never receives backups:

1. On the replacement laptop, :func:`make_request` writes a *herstelverzoek*: the backup's
   C-NSP key block and a fresh one-time public key (its private half stays in the data
   folder's ``keys``), and a short fingerprint to read out over the phone.
2. At the C-NSP, :func:`answer_request` opens only that key block with the hub's key — the
   file key and the post code sealed beside it, never the data — and seals the file key to the
   one-time key: the *herstelantwoord*. It helps only a post it has approved, names it so the
   operator can call that post's known coordinator back, and records it in the audit log.
3. Back on the laptop, :func:`open_answer` gives the file key for the restore; the one-time
   key is then removed (:func:`forget_request`).

Both files hold public keys and sealed boxes only; they may travel on a stick or by mail.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from sqlalchemy import select

from noodpost.core.audit import AuditAction
from noodpost.core.clock import Clock, iso
from noodpost.core.errors import Refused, UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import NodeRole
from noodpost.storage import sealed_backup as sealed
from noodpost.storage.audit import append_audit
from noodpost.storage.engine import Database
from noodpost.storage.models import Peer
from noodpost.storage.node import require_node
from noodpost.sync.files import write_atomically
from noodpost.sync.keys import keys_dir, load_node_keys

REQUEST_KIND = "noodpost-herstelverzoek"
ANSWER_KIND = "noodpost-herstelantwoord"
VERSION = 1
ONE_TIME_FILE = "herstelverzoek.key"
MAX_FILE_BYTES = 16 * 1024
_SEALED_ANSWER_BYTES = sealed.KEY_BYTES + 48


@dataclass(frozen=True)
class HelpRequest:
    """What the laptop asks: one backup's C-NSP key block, and where to send its key."""

    backup_name: str
    hub_public: bytes
    sealed_key: bytes
    one_time_public: bytes

    @property
    def fingerprint(self) -> str:
        """``ABCD-EF01-2345-6789``, read out over the phone and compared at the C-NSP."""
        raw = self.hub_public + self.sealed_key + self.one_time_public
        head = hashlib.sha256(raw).hexdigest()[:16].upper()
        return "-".join(head[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class Answered:
    post_code: str
    post_name: str
    fingerprint: str

    @property
    def summary(self) -> str:
        return (
            f"Herstelantwoord gemaakt voor post {self.post_code} ({self.post_name}), verzoek "
            f"{self.fingerprint}. Geef het alleen aan de bekende coördinator van deze post, "
            "nadat u die zelf hebt teruggebeld en de vingerafdruk hebt vergeleken."
        )


def _one_time_file(data_dir: Path) -> Path:
    return keys_dir(data_dir) / ONE_TIME_FILE


def _hub_block(backup_file: Path) -> sealed.KeyBlock:
    block = sealed.inspect_sealed(backup_file).block(sealed.KIND_HUB)
    if block is None:
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "{file} is gemaakt toen deze post nog niet aan een C-NSP was gekoppeld: de C-NSP "
                "kan deze back-up niet openen. Alleen de herstelcode kan dat. Er is niets "
                "veranderd.",
            ).format(file=backup_file.name)
        )
    return block


def make_request(backup_file: Path, data_dir: Path, target: Path) -> HelpRequest:
    """Write a request for the C-NSP's help with ``backup_file`` to ``target``.

    Raises:
        UserError: not a sealed backup, made before pairing, or a file cannot be written.
    """
    block = _hub_block(backup_file)
    one_time = PrivateKey.generate()
    folder = keys_dir(data_dir)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as failed:
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "De map {folder} kan niet worden gemaakt ({reason}). Er is niets veranderd.",
            ).format(folder=folder, reason=os_reason(failed))
        ) from failed
    write_atomically(_one_time_file(data_dir), bytes(one_time).hex().encode() + b"\n", private=True)
    request = HelpRequest(
        backup_file.name, block.public_key, block.sealed_key, bytes(one_time.public_key)
    )
    document = {
        "soort": REQUEST_KIND,
        "versie": VERSION,
        "back-up": request.backup_name,
        "c-nsp-sleutel": request.hub_public.hex(),
        "sleutelblok": request.sealed_key.hex(),
        "eenmalige-sleutel": request.one_time_public.hex(),
        "vingerafdruk": request.fingerprint,
    }
    write_atomically(target, json.dumps(document, indent=2).encode() + b"\n")
    return request


def _load(path: Path, kind: str, what: str) -> dict[str, Any]:
    """``what``: the kind of file in words (from :func:`translate`), for a refusal."""
    refused = UserError(
        translate(
            "SyncRecoveryHelp", "{file} is geen {what} van Noodpost. Er is niets veranderd."
        ).format(file=path.name, what=what)
    )
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as failed:
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "{file} kan niet worden gelezen ({reason}). Er is niets veranderd.",
            ).format(file=path, reason=os_reason(failed))
        ) from failed
    if len(raw) > MAX_FILE_BYTES:
        raise refused
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise refused from None
    if not isinstance(document, dict) or document.get("soort") != kind:
        raise refused
    if document.get("versie") != VERSION:
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "{file} is gemaakt met een andere versie van Noodpost. Gebruik op beide laptops "
                "de nieuwste versie; er is niets veranderd.",
            ).format(file=path.name)
        )
    return document


def _hex_field(document: dict[str, Any], name: str, size: int, path: Path) -> bytes:
    value = document.get(name)
    try:
        raw = bytes.fromhex(value) if isinstance(value, str) else b""
    except ValueError:
        raw = b""
    if len(raw) != size:
        raise UserError(
            translate(
                "SyncRecoveryHelp", "{file} is beschadigd ({field}). Er is niets veranderd."
            ).format(file=path.name, field=name)
        )
    return raw


def read_request(path: Path) -> HelpRequest:
    """Raises: UserError (Dutch) for anything that is not a whole, well-formed request."""
    document = _load(path, REQUEST_KIND, translate("SyncRecoveryHelp", "herstelverzoek"))
    name = document.get("back-up")
    if not isinstance(name, str) or len(name) > 120 or not name.isprintable():
        raise UserError(
            translate(
                "SyncRecoveryHelp", "{file} is beschadigd ({field}). Er is niets veranderd."
            ).format(file=path.name, field="back-up")
        )
    return HelpRequest(
        name,
        _hex_field(document, "c-nsp-sleutel", sealed.KEY_BYTES, path),
        _hex_field(document, "sleutelblok", sealed.SEALED_KEY_BYTES, path),
        _hex_field(document, "eenmalige-sleutel", sealed.KEY_BYTES, path),
    )


def answer_request(
    db: Database, data_dir: Path, request_path: Path, answer_path: Path, clock: Clock
) -> Answered:
    """(C-NSP) Open the request's key block and seal the file key to its one-time key.

    Raises:
        Refused: this node is not a C-NSP, or the post is not one it approved.
        UserError: the request is damaged, or for another C-NSP's key.
    """
    with db.read() as session:
        if require_node(session).role != NodeRole.HUB:
            raise Refused(
                translate(
                    "SyncRecoveryHelp",
                    "Alleen een C-NSP helpt een post bij terugzetten zonder herstelcode.",
                )
            )
    request = read_request(request_path)
    keys = load_node_keys(db, data_dir)
    if request.hub_public != bytes(keys.encryption.public_key):
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "Dit herstelverzoek is niet voor deze C-NSP: de back-up is voor de sleutel van "
                "een ander C-NSP versleuteld. Er is niets gemaakt.",
            )
        )
    try:
        file_key, post_code = sealed.open_sealed_key(request.sealed_key, keys.encryption)
    except ValueError:
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "{file} is beschadigd: het sleutelblok gaat niet open. Er is niets gemaakt.",
            ).format(file=request_path.name)
        ) from None
    with db.read() as session:
        post = session.scalars(
            select(Peer).where(
                Peer.post_code == post_code,
                Peer.role == NodeRole.POST.value,
                Peer.approved.is_(True),
            )
        ).first()
        post_name = post.name if post is not None else None
    if post_name is None:
        raise Refused(
            translate(
                "SyncRecoveryHelp",
                "Post {code} is bij deze C-NSP niet goedgekeurd; voor een onbekende post wordt "
                "geen herstelantwoord gemaakt.",
            ).format(code=post_code)
        )
    answer = SealedBox(PublicKey(request.one_time_public)).encrypt(file_key)
    document = {
        "soort": ANSWER_KIND,
        "versie": VERSION,
        "post": post_code,
        "vingerafdruk": request.fingerprint,
        "sleutel": bytes(answer).hex(),
    }
    write_atomically(answer_path, json.dumps(document, indent=2).encode() + b"\n")
    with db.write() as session:
        append_audit(
            session,
            at=iso(clock.now()),
            actor=None,
            action=AuditAction.RECOVERY_HELP,
            obj=f"post {post_code}: herstelantwoord voor verzoek {request.fingerprint}",
        )
    return Answered(post_code, post_name, request.fingerprint)


def open_answer(backup_file: Path, data_dir: Path, answer_path: Path) -> bytes:
    """The file key of ``backup_file`` from the C-NSP's answer to this laptop's request.

    Raises:
        UserError: no request was made here, or the answer is for another request or backup,
            or damaged.
    """
    try:
        text = _one_time_file(data_dir).read_text(encoding="ascii").strip()
        one_time = PrivateKey(bytes.fromhex(text))
    except (OSError, UnicodeDecodeError, ValueError, CryptoError):
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "Op deze laptop staat geen open herstelverzoek (het is al gebruikt, of gemaakt "
                "in een andere map). Maak eerst een verzoek met --verzoek. Er is niets "
                "veranderd.",
            )
        ) from None
    document = _load(answer_path, ANSWER_KIND, translate("SyncRecoveryHelp", "herstelantwoord"))
    block = _hub_block(backup_file)
    request = HelpRequest(
        backup_file.name, block.public_key, block.sealed_key, bytes(one_time.public_key)
    )
    if document.get("vingerafdruk") != request.fingerprint:
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "Dit herstelantwoord hoort niet bij het verzoek van deze laptop voor deze "
                "back-up. Er is niets veranderd.",
            )
        )
    sealed_key = _hex_field(document, "sleutel", _SEALED_ANSWER_BYTES, answer_path)
    try:
        return bytes(SealedBox(one_time).decrypt(sealed_key))
    except CryptoError:
        raise UserError(
            translate(
                "SyncRecoveryHelp",
                "{file} is beschadigd: de sleutel gaat niet open. Er is niets veranderd.",
            ).format(file=answer_path.name)
        ) from None


def forget_request(data_dir: Path) -> None:
    """Remove the one-time key once the restore is done (an answer opens one backup once)."""
    with contextlib.suppress(OSError):
        _one_time_file(data_dir).unlink()
