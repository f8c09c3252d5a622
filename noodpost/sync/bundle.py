"""The ``.npb`` bundle format (docs/bundle-format.md): framing, sealed header, signature, payload.

A format 4 bundle is::

    magic "\\x89NPB" | format version (u16) | recipient's X25519 key (32) | sender's Ed25519
    key (32) | sealed header length (u32) | payload length (u32) | sealed header | payload
    | Ed25519 signature (64 bytes) over everything before it

Only what a receiver needs before it can decide anything is in clear: whom the bundle is for
(the recipient's encryption key) and who signed it (the sender's signing key). The header —
sender, names, codes, ranges, counts, the declared plain size — is JSON sealed to the
recipient (:mod:`noodpost.sync.header`); the payload is zlib-compressed JSON of
``{"events": [...], "vector": [[origin, incarnation, seq], ...], ...}`` sealed to the same key.
Formats 1–3 (a plain JSON header) are still read.

Everything here is pure encoding and checking; what to do with a bundle is in
:mod:`noodpost.sync.exchange`.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, SealedBox
from nacl.signing import SigningKey

from noodpost.core.errors import UserError
from noodpost.core.events import canonical_json
from noodpost.core.i18n import translate
from noodpost.sync.header import (
    COMPRESSION,
    MAX_NAME,
    SEALED_FORMAT,
    Answer,
    Header,
    Party,
    parse_header,
    parse_party,
    seq_ranges,
)
from noodpost.sync.keys import public_key, verify_key
from noodpost.sync.rows import Packer, unpack_events

__all__ = [  # with what noodpost.sync.header defines, so callers need one module
    "COMPRESSION",
    "FORMAT_VERSION",
    "MAGIC",
    "MAX_BUNDLE_BYTES",
    "MAX_HEADER",
    "MAX_NAME",
    "MAX_PLAINTEXT",
    "READABLE_FORMATS",
    "SUFFIX",
    "Answer",
    "BundleDamaged",
    "BundleTooNew",
    "Contents",
    "Cover",
    "Envelope",
    "Header",
    "NotAddressed",
    "Party",
    "SignedBundle",
    "Vector",
    "encode",
    "open_header",
    "open_payload",
    "parse_party",
    "read_envelope",
    "read_signed",
    "seal",
    "seq_ranges",
    "vector_from_json",
    "vector_to_json",
]

MAGIC = b"\x89NPB"
FORMAT_VERSION = 4
#: Formats this version reads: 1 (every event carries ``dh``), 2 (``dh`` optional), 3 (the
#: payload states the ranges it covers for its receiver, DESIGN §3.8) and 4 (the header is
#: sealed to the recipient; only keys and lengths are in clear, issue 20).
READABLE_FORMATS = (1, 2, 3, 4)
#: zlib level: 6 is the default trade-off; measured on a season's bundle (benchmarks/).
COMPRESSION_LEVEL = 6
#: Events serialised per ``json.dumps`` call while streaming into the compressor.
_ENCODE_CHUNK = 20_000
SUFFIX = ".npb"
SIGNATURE_LENGTH = 64
_START = struct.Struct(">4sH")  # magic, format version: what every format begins with
_PREFIX = struct.Struct(">4sHI")  # formats 1-3: magic, format version, header length
#: Format 4: magic, version, recipient's X25519 key, sender's Ed25519 key, sealed header
#: length, payload length.
_SEALED_PREFIX = struct.Struct(">4sH32s32sII")
MAX_HEADER = 1 << 20  # 1 MiB: a header is a few hundred bytes plus the seq ranges
MAX_PLAINTEXT = 1 << 30  # 1 GiB of events, far beyond a season at one post
MAX_BUNDLE_BYTES = 200 * 1024 * 1024  # a bundle file or request: ~3.5M events at 58 bytes

#: One stream's version: (origin, incarnation) → highest contiguous seq held.
Vector = dict[tuple[str, str], int]
#: A range of one stream the sender went through for this receiver: (origin, inc, low, high).
Cover = tuple[str, str, int, int]


class BundleDamaged(UserError):
    """The bytes are not a complete, intact bundle."""

    def __init__(self, detail: str) -> None:
        """``detail``: what is wrong, a few words from :func:`translate`."""
        super().__init__(
            translate(
                "SyncBundle",
                "Deze bundel is beschadigd of onvolledig ({detail}). Er is niets ingelezen. "
                "Maak bij de afzender een nieuwe bundel en lees die in; bundels zijn cumulatief, "
                "dus er gaat niets verloren.",
            ).format(detail=detail)
        )
        self.detail = detail


class BundleTooNew(UserError):
    """Made by a newer Noodpost: refused, never half-read."""

    def __init__(self, what: str, found: int, known: int) -> None:
        """``what``: the word for what is newer (format, event schema), from :func:`translate`."""
        super().__init__(
            translate(
                "SyncBundle",
                "Deze bundel is gemaakt met een nieuwere versie van Noodpost ({what} {found}; "
                "deze versie kent tot en met {known}). Er is niets ingelezen. Installeer de "
                "nieuwste versie van Noodpost en lees de bundel daarna opnieuw in.",
            ).format(what=what, found=found, known=known)
        )


class NotAddressed(UserError):
    """A format 4 bundle sealed to another key: its header cannot be opened here."""

    def __init__(self) -> None:
        super().__init__(
            translate(
                "SyncBundle",
                "Deze bundel is voor een ander noodsteunpunt of C-NSP en kan hier niet worden "
                "geopend. Er is niets ingelezen.",
            )
        )


@dataclass(frozen=True)
class Contents:
    """The decrypted payload: events in wire form (validated later, one by one) and a vector."""

    events: list[Any]
    vector: Vector
    covers: tuple[Cover, ...] = ()


@dataclass(frozen=True)
class Envelope:
    """A bundle whose framing and signature checked out, before the receiver's key is used.

    Attributes:
        sender_key: the Ed25519 public key (hex) the signature was checked with.
        recipient_key: the X25519 public key (hex) it is sealed to (format 4); None for
            formats 1–3, whose plain header names the recipient by node id.
        header: the plain header of formats 1–3; None for format 4 (see ``sealed_header``).
    """

    format: int
    sender_key: str
    recipient_key: str | None
    header: Header | None
    sealed_header: bytes
    payload: bytes
    raw: bytes

    def is_for(self, node_id: str, encryption_key: str) -> bool:
        """Whether this bundle is addressed to the node with this id and X25519 key (hex)."""
        if self.recipient_key is not None:
            return self.recipient_key == encryption_key
        return self.header is not None and self.header.recipient == node_id

    def made_by(self, signing_key: str) -> bool:
        """Whether this bundle was signed with this Ed25519 public key (hex)."""
        return self.sender_key == signing_key


@dataclass(frozen=True)
class SignedBundle:
    """A bundle whose framing, signature and header checked out (payload not yet opened)."""

    header: Header
    payload: bytes
    raw: bytes


# ---------------------------------------------------------------- writing


def vector_to_json(vector: Mapping[tuple[str, str], int]) -> list[list[Any]]:
    return [[origin, inc, seq] for (origin, inc), seq in sorted(vector.items())]


def vector_from_json(raw: Any) -> Vector:
    """Parse ``[[origin, incarnation, seq], ...]``.

    Raises:
        ValueError: not in that shape.
    """
    if not isinstance(raw, list):
        raise ValueError("vector is not a list")
    vector: Vector = {}
    for item in raw:
        if (
            not isinstance(item, list)
            or len(item) != 3
            or not isinstance(item[0], str)
            or not isinstance(item[1], str)
            or not isinstance(item[2], int)
            or isinstance(item[2], bool)
            or item[2] < 0
        ):
            raise ValueError("bad vector entry")
        vector[(item[0], item[1])] = item[2]
    return vector


def encode(
    *,
    bundle_id: str,
    created_at: str,
    training: bool,
    event_schema: int,
    sender: Party,
    recipient: str,
    recipient_code: str,
    recipient_encryption_key: str,
    events: Sequence[Mapping[str, Any]],
    vector: Mapping[tuple[str, str], int],
    signing_key: SigningKey,
    covers: Sequence[Cover] = (),
    answer: Answer | None = None,
) -> bytes:
    """Build the bytes of one bundle: compress, seal header and payload to the recipient, sign."""
    compressed, plain_length = _compress_payload(events, vector, covers)
    header = Header(
        format=FORMAT_VERSION,
        bundle_id=bundle_id,
        created_at=created_at,
        training=training,
        event_schema=event_schema,
        sender=sender,
        recipient=recipient,
        recipient_code=recipient_code,
        ranges=seq_ranges(events),
        event_count=len(events),
        compression=COMPRESSION,
        payload_length=0,  # in the clear framing, not in the sealed header
        plain_length=plain_length,
        answer=answer,
    )
    return seal(header, compressed, recipient_encryption_key, signing_key)


def seal(
    header: Header, compressed: bytes, recipient_encryption_key: str, signing_key: SigningKey
) -> bytes:
    """Frame a format 4 bundle: ``header`` (its ``to_json``) and the compressed payload sealed
    to the recipient's X25519 key (hex), the whole signed with ``signing_key``.

    ``header.payload_length`` is not used (the framing states the sealed payload's length).
    """
    box = SealedBox(public_key(recipient_encryption_key))
    payload = box.encrypt(compressed)
    sealed_header = box.encrypt(canonical_json(header.to_json()).encode("utf-8"))
    prefix = _SEALED_PREFIX.pack(
        MAGIC,
        SEALED_FORMAT,
        bytes.fromhex(recipient_encryption_key),
        signing_key.verify_key.encode(),
        len(sealed_header),
        len(payload),
    )
    signed = b"".join((prefix, sealed_header, payload))
    return signed + signing_key.sign(signed).signature


def _compress_payload(
    events: Sequence[Mapping[str, Any]],
    vector: Mapping[tuple[str, str], int],
    covers: Sequence[Cover],
) -> tuple[bytes, int]:
    """The payload as compact JSON, compressed while it is made, and its plain length::

        {"events": [row, ...], "streams": [[origin, incarnation], ...],
         "authors": [author, ...], "vector": [[origin, incarnation, seq], ...],
         "covers": [[origin, incarnation, low, high], ...]}

    Streamed in chunks so a million events never exist as one giant text.
    """
    packer = zlib.compressobj(COMPRESSION_LEVEL)
    rows = Packer()
    plain = 0

    def feed(text: bytes) -> bytes:
        nonlocal plain
        plain += len(text)
        return packer.compress(text)

    parts = [feed(b'{"events":[')]
    for start in range(0, len(events), _ENCODE_CHUNK):
        chunk = json.dumps(
            [rows.row(e) for e in events[start : start + _ENCODE_CHUNK]],
            separators=(",", ":"),
            ensure_ascii=False,
        )
        if start:
            parts.append(feed(b","))
        parts.append(feed(chunk[1:-1].encode("utf-8")))
    tail = json.dumps(
        {
            "streams": [list(key) for key in rows.streams],
            "authors": list(rows.authors),
            "vector": vector_to_json(vector),
            "covers": [list(cover) for cover in covers],
        },
        separators=(",", ":"),
        ensure_ascii=False,
    )
    parts.append(feed(("]," + tail[1:]).encode("utf-8")))
    parts.append(packer.flush())
    return b"".join(parts), plain


# ---------------------------------------------------------------- reading


def read_envelope(data: bytes) -> Envelope:
    """Check framing, format version and signature; no key of the receiver is used yet.

    The signature is checked with the key the bundle names: that proves the bytes are intact
    and were made by the holder of that key. Whether that key is *trusted* is for the caller.

    Raises:
        BundleDamaged: truncated, garbled, or not a bundle at all.
        BundleTooNew: a newer format version.
    """
    if len(data) < _START.size + SIGNATURE_LENGTH:
        raise BundleDamaged(translate("SyncBundle", "te kort"))
    magic, version = _START.unpack_from(data)
    if magic != MAGIC:
        raise BundleDamaged(translate("SyncBundle", "geen Noodpost-bundel"))
    if version > FORMAT_VERSION:
        raise BundleTooNew(translate("SyncBundle", "formaat"), version, FORMAT_VERSION)
    if version not in READABLE_FORMATS:
        raise BundleDamaged(translate("SyncBundle", "onbekend formaat"))
    if version >= SEALED_FORMAT:
        return _read_sealed_framing(data, version)
    return _read_plain_framing(data, version)


def _read_sealed_framing(data: bytes, version: int) -> Envelope:
    if len(data) < _SEALED_PREFIX.size + SIGNATURE_LENGTH:
        raise BundleDamaged(translate("SyncBundle", "te kort"))
    _, _, recipient, signer, header_length, payload_length = _SEALED_PREFIX.unpack_from(data)
    if not 0 < header_length <= MAX_HEADER:
        raise BundleDamaged(translate("SyncBundle", "kop onvolledig"))
    start = _SEALED_PREFIX.size
    end = start + header_length + payload_length
    if payload_length < 1 or len(data) != end + SIGNATURE_LENGTH:
        raise BundleDamaged(translate("SyncBundle", "lengte klopt niet"))
    try:
        verify_key(signer.hex()).verify(data[:end], data[end:])
    except (BadSignatureError, ValueError) as bad:
        raise BundleDamaged(translate("SyncBundle", "handtekening klopt niet")) from bad
    return Envelope(
        format=version,
        sender_key=signer.hex(),
        recipient_key=recipient.hex(),
        header=None,
        sealed_header=data[start : start + header_length],
        payload=data[start + header_length : end],
        raw=data,
    )


def _read_plain_framing(data: bytes, version: int) -> Envelope:
    """Formats 1–3: a plain JSON header, which names the key the signature is checked with."""
    if len(data) < _PREFIX.size + SIGNATURE_LENGTH:
        raise BundleDamaged(translate("SyncBundle", "te kort"))
    _, _, header_length = _PREFIX.unpack_from(data)
    if header_length > MAX_HEADER or _PREFIX.size + header_length > len(data):
        raise BundleDamaged(translate("SyncBundle", "kop onvolledig"))
    header_bytes = data[_PREFIX.size : _PREFIX.size + header_length]
    header = _parse_header_bytes(header_bytes, version)
    end = _PREFIX.size + header_length + header.payload_length
    if len(data) != end + SIGNATURE_LENGTH:
        raise BundleDamaged(translate("SyncBundle", "lengte klopt niet"))
    try:
        verify_key(header.sender.signing_public_key).verify(data[:end], data[end:])
    except (BadSignatureError, ValueError) as bad:
        raise BundleDamaged(translate("SyncBundle", "handtekening klopt niet")) from bad
    payload = data[_PREFIX.size + header_length : end]
    if hashlib.sha256(payload).hexdigest() != header.payload_sha256:
        raise BundleDamaged(translate("SyncBundle", "inhoud klopt niet met de kop"))
    return Envelope(
        format=version,
        sender_key=header.sender.signing_public_key,
        recipient_key=None,
        header=header,
        sealed_header=b"",
        payload=payload,
        raw=data,
    )


def _parse_header_bytes(
    header_bytes: bytes, version: int, payload_length: int | None = None
) -> Header:
    try:
        header = parse_header(
            json.loads(header_bytes.decode("utf-8")), payload_length=payload_length
        )
    except (UnicodeDecodeError, ValueError, TypeError, KeyError, RecursionError) as bad:
        raise BundleDamaged(translate("SyncBundle", "kop onleesbaar")) from bad
    if header.format != version:
        raise BundleDamaged(translate("SyncBundle", "kop en formaat verschillen"))
    return header


def open_header(envelope: Envelope, private_key: PrivateKey) -> SignedBundle:
    """The bundle with its header: for format 4, the sealed header opened with our key.

    Cheap and bounded whoever sent it: the sealed header is at most :data:`MAX_HEADER` bytes.

    Raises:
        NotAddressed: sealed to another key.
        BundleDamaged: the header cannot be opened or read, names another signing key than
            the one that signed, or declares a plain payload over :data:`MAX_PLAINTEXT`.
    """
    if envelope.header is not None:
        return SignedBundle(header=envelope.header, payload=envelope.payload, raw=envelope.raw)
    if envelope.recipient_key != bytes(private_key.public_key).hex():
        raise NotAddressed()
    try:
        header_bytes = SealedBox(private_key).decrypt(envelope.sealed_header)
    except CryptoError as bad:
        raise BundleDamaged(translate("SyncBundle", "kop niet te openen")) from bad
    header = _parse_header_bytes(header_bytes, envelope.format, len(envelope.payload))
    if header.sender.signing_public_key != envelope.sender_key:
        raise BundleDamaged(
            translate("SyncBundle", "afzender in de kop klopt niet met de handtekening")
        )
    if header.plain_length is None or header.plain_length > MAX_PLAINTEXT:
        raise BundleDamaged(
            translate("SyncBundle", "opgegeven inhoud groter dan {size} MB").format(
                size=MAX_PLAINTEXT >> 20
            )
        )
    return SignedBundle(header=header, payload=envelope.payload, raw=envelope.raw)


def read_signed(data: bytes, private_key: PrivateKey) -> SignedBundle:
    """:func:`read_envelope`, then :func:`open_header` with this node's X25519 key.

    Raises:
        BundleDamaged: truncated, garbled, or not a bundle at all.
        BundleTooNew: a newer format version.
        NotAddressed: a format 4 bundle sealed to another key.
    """
    return open_header(read_envelope(data), private_key)


def open_payload(bundle: SignedBundle, private_key: PrivateKey) -> Contents:
    """Decrypt, decompress (never beyond the declared plain size) and parse the payload.

    Raises:
        UserError: not sealed to this key, or the contents are not what the header promised.
    """
    declared = bundle.header.plain_length
    if declared is not None and declared > MAX_PLAINTEXT:
        raise BundleDamaged(
            translate("SyncBundle", "opgegeven inhoud groter dan {size} MB").format(
                size=MAX_PLAINTEXT >> 20
            )
        )
    try:
        compressed = SealedBox(private_key).decrypt(bundle.payload)
    except CryptoError as bad:
        raise UserError(
            translate(
                "SyncBundle",
                "Deze bundel kan met de sleutel van deze laptop niet worden geopend. Er is "
                "niets ingelezen. Mogelijk is hij gemaakt met een oud koppelbestand of voor een "
                "eerdere inrichting van deze post of C-NSP; maak bij de afzender een nieuwe "
                "bundel.",
            )
        ) from bad
    plain = _inflate(compressed, declared)
    del compressed
    try:
        body = json.loads(plain)
        del plain
        vector = vector_from_json(body["vector"])
        if not isinstance(body["events"], list):
            raise ValueError("events is not a list")
        events = body["events"] if bundle.header.format == 1 else unpack_events(body)
        covers = _parse_covers(body["covers"]) if bundle.header.format >= 3 else ()
    except (
        UnicodeDecodeError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        RecursionError,
    ) as bad:
        raise BundleDamaged(translate("SyncBundle", "inhoud onleesbaar")) from bad
    if len(events) != bundle.header.event_count:
        raise BundleDamaged(translate("SyncBundle", "aantal gebeurtenissen klopt niet"))
    return Contents(events=events, vector=vector, covers=covers)


def _inflate(compressed: bytes, declared: int | None) -> bytes:
    """The plain payload, never more than ``declared`` bytes (formats 1–3: the ceiling).

    One pass: zlib stops at the limit; then one more byte is asked for — if the stream
    holds more, the payload inflates beyond what the signed header declared.

    Raises:
        BundleDamaged: not a complete zlib stream, more plain text than declared, or less.
    """
    limit = MAX_PLAINTEXT if declared is None else declared
    unpack = zlib.decompressobj()
    try:
        plain = unpack.decompress(compressed, limit)
        if not unpack.eof and len(plain) == limit and unpack.decompress(unpack.unconsumed_tail, 1):
            raise BundleDamaged(
                translate("SyncBundle", "inhoud te groot")
                if declared is None
                else translate("SyncBundle", "inhoud groter dan opgegeven")
            )
    except zlib.error as bad:
        raise BundleDamaged(translate("SyncBundle", "inhoud niet uit te pakken")) from bad
    if not unpack.eof:
        raise BundleDamaged(translate("SyncBundle", "inhoud onvolledig"))
    if declared is not None and (len(plain) != declared or unpack.unused_data):
        raise BundleDamaged(translate("SyncBundle", "inhoud kleiner dan opgegeven"))
    return plain


def _parse_covers(raw: Any) -> tuple[Cover, ...]:
    """``[[origin, incarnation, low, high], ...]`` with 1 ≤ low ≤ high.

    Raises:
        ValueError: not in that shape.
    """
    if not isinstance(raw, list):
        raise ValueError("covers is not a list")
    covers: list[Cover] = []
    for item in raw:
        if not isinstance(item, list) or len(item) != 4:
            raise ValueError("bad cover")
        origin, inc, low, high = item
        if not (isinstance(origin, str) and isinstance(inc, str)) or len(origin + inc) > 100:
            raise ValueError("bad cover")
        if not all(type(n) is int for n in (low, high)) or not 1 <= low <= high < 2**63:
            raise ValueError("bad cover")
        covers.append((origin, inc, low, high))
    return tuple(covers)
