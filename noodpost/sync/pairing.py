"""Pairing: the hub hands out a file (or QR code) that a post imports to trust it (DESIGN §3.3).

The pairing document is JSON::

    {"format": "noodpost-pairing", "version": 1,
     "hub": {"node_id", "post_code", "name", "role": "hub",
             "signing_public_key", "encryption_public_key"},
     "addresses": ["http://127.0.0.1:8765"], "training": false, "created_at": "...",
     "signature": "<Ed25519 by the hub over the canonical JSON of everything else>"}

The signature makes any damage visible (a changed key or address no longer verifies); trust
itself comes from how the file travels — by hand, from the hub's operator.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nacl.exceptions import BadSignatureError
from sqlalchemy import select

from noodpost.core.clock import Clock, iso
from noodpost.core.errors import Refused, UserError, os_reason
from noodpost.core.events import canonical_json
from noodpost.core.i18n import translate
from noodpost.storage.engine import Database
from noodpost.storage.models import Node, Peer
from noodpost.storage.node import require_node
from noodpost.sync.bundle import Party, parse_party
from noodpost.sync.files import write_atomically
from noodpost.sync.keys import NodeKeys, fingerprint, verify_key
from noodpost.sync.peers import new_peer

PAIRING_FORMAT = "noodpost-pairing"
PAIRING_VERSION = 1
DEFAULT_ADDRESSES = ("http://127.0.0.1:8765",)
MAX_PAIRING_BYTES = 64 * 1024


@dataclass(frozen=True)
class PairingExported:
    path: Path
    post_code: str
    fingerprint: str
    addresses: tuple[str, ...]

    @property
    def summary(self) -> str:
        return translate(
            "SyncPairing",
            "Koppelbestand van {code} geschreven naar {file} (vingerafdruk {fingerprint}).",
        ).format(code=self.post_code, file=self.path, fingerprint=self.fingerprint)


@dataclass(frozen=True)
class PairingImported:
    hub_code: str
    hub_name: str
    fingerprint: str
    addresses: tuple[str, ...]
    replaced: str | None = None  # the post code of a hub this post was paired with before

    @property
    def summary(self) -> str:
        text: str = translate(
            "SyncPairing", "Gekoppeld aan C-NSP {name} ({code}), vingerafdruk {fingerprint}."
        ).format(name=self.hub_name, code=self.hub_code, fingerprint=self.fingerprint)
        if self.replaced:
            text += translate("SyncPairing", " De koppeling met {code} is vervangen.").format(
                code=self.replaced
            )
        return text


class PairingDamaged(UserError):
    def __init__(self, detail: str) -> None:
        """``detail``: what is wrong, a few words from :func:`translate`."""
        super().__init__(
            translate(
                "SyncPairing",
                "Dit koppelbestand is beschadigd of geen Noodpost-koppelbestand ({detail}). Er "
                "is niets veranderd. Vraag de C-NSP om een nieuw koppelbestand.",
            ).format(detail=detail)
        )


def _document(node: Node, keys: NodeKeys, addresses: Sequence[str], now: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "format": PAIRING_FORMAT,
        "version": PAIRING_VERSION,
        "hub": {
            "node_id": node.node_id,
            "incarnation": node.incarnation,
            "post_code": node.post_code,
            "name": node.name,
            "role": node.role,
            "signing_public_key": keys.signing_public_hex,
            "encryption_public_key": keys.encryption_public_hex,
        },
        "addresses": list(addresses),
        "training": bool(node.training),
        "created_at": now,
    }
    body["signature"] = keys.signing.sign(canonical_json(body).encode("utf-8")).signature.hex()
    return body


def _hub_document(
    db: Database, keys: NodeKeys, clock: Clock, addresses: Sequence[str] | None
) -> dict[str, Any]:
    chosen = tuple(addresses) if addresses else DEFAULT_ADDRESSES
    for address in chosen:
        if not address.startswith(("http://", "https://")):
            raise UserError(
                translate(
                    "SyncPairing",
                    "Adres '{address}' klopt niet: gebruik een webadres zoals "
                    "http://10.0.0.5:8765.",
                ).format(address=address)
            )
    with db.read() as session:
        node = require_node(session)
        if node.role != "hub":
            raise Refused(
                translate(
                    "SyncPairing",
                    "Alleen een C-NSP maakt een koppelbestand; een noodsteunpunt leest er een in "
                    "met 'noodpost pairing import BESTAND'.",
                )
            )
        if node.signing_public_key != keys.signing_public_hex:
            raise UserError(
                translate("SyncPairing", "De sleutels van deze C-NSP horen niet bij deze database.")
            )
        return _document(node, keys, chosen, iso(clock.now()))


def export_pairing(
    db: Database,
    keys: NodeKeys,
    clock: Clock,
    path: Path,
    addresses: Sequence[str] | None = None,
) -> PairingExported:
    """(hub) Write the pairing file for posts, atomically.

    Raises:
        Refused: this node is not a hub.
        UserError: bad address, or the file cannot be written.
    """
    document = _hub_document(db, keys, clock, addresses)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def verify(raw: bytes) -> None:
        _parse(raw.decode("utf-8"))

    write_atomically(path, text.encode("utf-8"), verify=verify)
    return PairingExported(
        path=path,
        post_code=document["hub"]["post_code"],
        fingerprint=keys.fingerprint,
        addresses=tuple(document["addresses"]),
    )


def pairing_qr_text(
    db: Database, keys: NodeKeys, clock: Clock, addresses: Sequence[str] | None = None
) -> str:
    """(hub) The same document as compact JSON, for a QR code (about 600 characters)."""
    return json.dumps(
        _hub_document(db, keys, clock, addresses), separators=(",", ":"), ensure_ascii=False
    )


@dataclass(frozen=True)
class _Pairing:
    hub: Party
    addresses: tuple[str, ...]
    training: bool


def _parse(text: str) -> _Pairing:
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as bad:  # RecursionError: nested too deep
        raise PairingDamaged(translate("SyncPairing", "geen geldige JSON")) from bad
    if not isinstance(raw, dict) or raw.get("format") != PAIRING_FORMAT:
        raise PairingDamaged(translate("SyncPairing", "onbekende inhoud"))
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PairingDamaged(translate("SyncPairing", "geen versie"))
    if version > PAIRING_VERSION:
        raise UserError(
            translate(
                "SyncPairing",
                "Dit koppelbestand is gemaakt met een nieuwere versie van Noodpost (versie "
                "{version}; deze versie kent tot en met {known}). Er is niets veranderd. "
                "Installeer de nieuwste versie van Noodpost.",
            ).format(version=version, known=PAIRING_VERSION)
        )
    try:
        hub = parse_party(raw["hub"])
        addresses = raw["addresses"]
        training = raw["training"]
        signature = bytes.fromhex(raw["signature"])
        if not isinstance(addresses, list) or not all(
            isinstance(a, str) and 0 < len(a) <= 300 for a in addresses
        ):
            raise ValueError("bad addresses")
        if not isinstance(training, bool):
            raise ValueError("bad training")
    except (KeyError, TypeError, ValueError) as bad:
        raise PairingDamaged(translate("SyncPairing", "velden ontbreken of kloppen niet")) from bad
    body = {k: v for k, v in raw.items() if k != "signature"}
    try:
        verify_key(hub.signing_public_key).verify(canonical_json(body).encode("utf-8"), signature)
    except (BadSignatureError, ValueError) as bad:
        raise PairingDamaged(translate("SyncPairing", "handtekening klopt niet")) from bad
    return _Pairing(hub=hub, addresses=tuple(addresses), training=training)


def import_pairing_text(db: Database, clock: Clock, text: str) -> PairingImported:
    """(post) Trust the hub described by a pairing document (file contents or scanned QR).

    Raises:
        PairingDamaged: damaged or not a pairing document.
        Refused: this node is a hub; the file is from the other mode (training vs real); the
            file describes this node itself or is not a hub's.
    """
    pairing = _parse(text)
    hub = pairing.hub
    with db.write() as session:
        node = require_node(session)
        if node.role != "post":
            raise Refused(
                translate(
                    "SyncPairing",
                    "Dit is een C-NSP; een koppelbestand wordt op een noodsteunpunt ingelezen.",
                )
            )
        if hub.role != "hub":
            raise Refused(
                translate(
                    "SyncPairing",
                    "Dit koppelbestand is van {name} ({code}), dat geen C-NSP is. Er is niets "
                    "veranderd; vraag uw C-NSP om zijn koppelbestand.",
                ).format(name=hub.name, code=hub.post_code)
            )
        if pairing.training != bool(node.training):
            mode = (
                translate("SyncPairing", "een oefen-C-NSP (oefenmodus)")
                if pairing.training
                else translate("SyncPairing", "een echt C-NSP")
            )
            here = (
                translate("SyncPairing", "in oefenmodus")
                if node.training
                else translate("SyncPairing", "met echte gegevens")
            )
            raise Refused(
                translate(
                    "SyncPairing",
                    "Dit koppelbestand is van {mode}, maar dit noodsteunpunt werkt {here}. "
                    "Oefen- en echte gegevens worden nooit gemengd; er is niets veranderd.",
                ).format(mode=mode, here=here)
            )
        if hub.node_id == node.node_id:
            raise Refused(
                translate("SyncPairing", "Dit koppelbestand beschrijft dit noodsteunpunt zelf.")
            )
        if hub.post_code == node.post_code:
            raise Refused(
                translate(
                    "SyncPairing",
                    "Dit koppelbestand is van een C-NSP met dezelfde code als dit noodsteunpunt "
                    "({code}). Een C-NSP en een post hebben altijd elk een eigen code; er is "
                    "niets veranderd.",
                ).format(code=hub.post_code)
            )
        replaced = None
        for other in session.scalars(
            select(Peer).where(Peer.role == "hub", Peer.node_id != hub.node_id)
        ):
            if other.approved:
                other.approved = False
                replaced = other.post_code
        peer = session.get(Peer, hub.node_id)
        if peer is None:
            peer = new_peer(hub, training=pairing.training, approved=True, now=iso(clock.now()))
            session.add(peer)
        peer.post_code = hub.post_code
        peer.name = hub.name
        peer.signing_public_key = hub.signing_public_key
        peer.encryption_public_key = hub.encryption_public_key
        peer.approved = True
        peer.addresses = list(pairing.addresses)
    return PairingImported(
        hub_code=hub.post_code,
        hub_name=hub.name,
        fingerprint=fingerprint(hub.signing_public_key, hub.encryption_public_key),
        addresses=pairing.addresses,
        replaced=replaced,
    )


def import_pairing(db: Database, clock: Clock, path: Path) -> PairingImported:
    """(post) Import the hub's pairing file. See :func:`import_pairing_text`.

    Raises:
        UserError: the file cannot be read, or any refusal of :func:`import_pairing_text`.
    """
    try:
        if path.stat().st_size > MAX_PAIRING_BYTES:
            raise PairingDamaged(translate("SyncPairing", "veel te groot"))
        raw = path.read_bytes()
    except OSError as failed:
        raise UserError(
            translate(
                "SyncPairing", "Het koppelbestand {file} kan niet worden gelezen ({reason})."
            ).format(file=path, reason=os_reason(failed))
        ) from failed
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        raise PairingDamaged(translate("SyncPairing", "geen tekst")) from bad
    return import_pairing_text(db, clock, text)
