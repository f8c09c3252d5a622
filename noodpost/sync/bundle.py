"""The ``.npb`` bundle format (docs/bundle-format.md): framing, header, signature, sealed payload.

A bundle is::

    magic "\\x89NPB" | format version (u16, big-endian) | header length (u32) | header (JSON)
    | payload (sealed box) | Ed25519 signature (64 bytes) over everything before it

The header is plain JSON without personal data; the payload is zlib-compressed JSON of
``{"events": [...], "vector": [[origin, incarnation, seq], ...]}`` sealed to the recipient's
X25519 key. Since format 2 a wire event may leave out its data hash (``dh``): the receiver
computes it from the data text, which the signed payload hash already protects.

Everything here is pure encoding and checking; what to do with a bundle is in
:mod:`noodpost.sync.exchange`.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import uuid
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nacl.exceptions import BadSignatureError, CryptoError
from nacl.public import PrivateKey, SealedBox
from nacl.signing import SigningKey

from noodpost.core.cards import POST_CODE_RE
from noodpost.core.errors import UserError
from noodpost.core.events import canonical_json
from noodpost.sync.keys import is_public_key_hex, public_key, verify_key
from noodpost.sync.rows import Packer, unpack_events

MAGIC = b"\x89NPB"
FORMAT_VERSION = 3
#: Formats this version reads: 1 (every event carries ``dh``), 2 (``dh`` optional) and 3 (the
#: payload states the ranges it covers for its receiver, DESIGN §3.8).
READABLE_FORMATS = (1, 2, 3)
#: zlib level: 6 is the default trade-off; measured on a season's bundle (benchmarks/).
COMPRESSION_LEVEL = 6
#: Events serialised per ``json.dumps`` call while streaming into the compressor.
_ENCODE_CHUNK = 20_000
SUFFIX = ".npb"
COMPRESSION = "zlib"
SIGNATURE_LENGTH = 64
_PREFIX = struct.Struct(">4sHI")  # magic, format version, header length
MAX_HEADER = 1 << 20  # 1 MiB: a header is a few hundred bytes plus the seq ranges
MAX_PLAINTEXT = 1 << 30  # 1 GiB of events, far beyond a season at one post
MAX_BUNDLE_BYTES = 200 * 1024 * 1024  # a bundle file or request: ~3.5M events at 58 bytes
MAX_NAME = 200  # characters of a node's name, as the set-up allows
_INCARNATION = re.compile(r"[0-9a-f]{16}", re.ASCII)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
ROLES = ("post", "hub")

#: One stream's version: (origin, incarnation) → highest contiguous seq held.
Vector = dict[tuple[str, str], int]
#: A range of one stream the sender went through for this receiver: (origin, inc, low, high).
Cover = tuple[str, str, int, int]


class BundleDamaged(UserError):
    """The bytes are not a complete, intact bundle."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"Deze bundel is beschadigd of onvolledig ({detail}). Er is niets ingelezen. "
            "Maak bij de afzender een nieuwe bundel en lees die in; bundels zijn cumulatief, "
            "dus er gaat niets verloren."
        )
        self.detail = detail


class BundleTooNew(UserError):
    """Made by a newer Noodpost: refused, never half-read."""

    def __init__(self, what: str, found: int, known: int) -> None:
        super().__init__(
            f"Deze bundel is gemaakt met een nieuwere versie van Noodpost ({what} {found}; deze "
            f"versie kent tot en met {known}). Er is niets ingelezen. Installeer de nieuwste "
            "versie van Noodpost en lees de bundel daarna opnieuw in."
        )


@dataclass(frozen=True)
class Party:
    """The sender of a bundle, as its header names it (so a hub can learn a new post)."""

    node_id: str
    incarnation: str
    post_code: str
    name: str
    role: str
    signing_public_key: str
    encryption_public_key: str

    def to_json(self) -> dict[str, str]:
        return {
            "node_id": self.node_id,
            "incarnation": self.incarnation,
            "post_code": self.post_code,
            "name": self.name,
            "role": self.role,
            "signing_public_key": self.signing_public_key,
            "encryption_public_key": self.encryption_public_key,
        }


@dataclass(frozen=True)
class Header:
    """The plain, signed part of a bundle."""

    format: int
    bundle_id: str
    created_at: str
    training: bool
    event_schema: int
    sender: Party
    recipient: str
    recipient_code: str
    ranges: tuple[tuple[str, str, int, int], ...]  # origin, incarnation, first seq, last seq
    event_count: int
    compression: str
    payload_length: int
    payload_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "bundle_id": self.bundle_id,
            "created_at": self.created_at,
            "training": self.training,
            "event_schema": self.event_schema,
            "sender": self.sender.to_json(),
            "recipient": self.recipient,
            "recipient_code": self.recipient_code,
            "ranges": [list(r) for r in self.ranges],
            "event_count": self.event_count,
            "compression": self.compression,
            "payload_length": self.payload_length,
            "payload_sha256": self.payload_sha256,
        }


@dataclass(frozen=True)
class Contents:
    """The decrypted payload: events in wire form (validated later, one by one) and a vector."""

    events: list[Any]
    vector: Vector
    covers: tuple[Cover, ...] = ()


@dataclass(frozen=True)
class SignedBundle:
    """A bundle whose framing, header and signature checked out (not yet decrypted)."""

    header: Header
    payload: bytes
    raw: bytes


# ---------------------------------------------------------------- writing


def seq_ranges(events: Sequence[Mapping[str, Any]]) -> tuple[tuple[str, str, int, int], ...]:
    """Per ``(origin, incarnation)`` the lowest and highest seq carried, sorted."""
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for event in events:
        key = (str(event["o"]), str(event["i"]))
        seq = int(event["s"])
        low, high = spans.get(key, (seq, seq))
        spans[key] = (min(low, seq), max(high, seq))
    return tuple((o, i, low, high) for (o, i), (low, high) in sorted(spans.items()))


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
) -> bytes:
    """Build the bytes of one bundle: compress, seal to the recipient, sign."""
    compressed = _compress_payload(events, vector, covers)
    payload = SealedBox(public_key(recipient_encryption_key)).encrypt(compressed)
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
        payload_length=len(payload),
        payload_sha256=hashlib.sha256(payload).hexdigest(),
    )
    header_bytes = canonical_json(header.to_json()).encode("utf-8")
    signed = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_bytes)) + header_bytes + payload
    return signed + signing_key.sign(signed).signature


def _compress_payload(
    events: Sequence[Mapping[str, Any]],
    vector: Mapping[tuple[str, str], int],
    covers: Sequence[Cover],
) -> bytes:
    """The format 3 payload as compact JSON, compressed while it is made::

        {"events": [row, ...], "streams": [[origin, incarnation], ...],
         "authors": [author, ...], "vector": [[origin, incarnation, seq], ...],
         "covers": [[origin, incarnation, low, high], ...]}

    Streamed in chunks so a million events never exist as one giant text.
    """
    packer = zlib.compressobj(COMPRESSION_LEVEL)
    rows = Packer()
    parts = [packer.compress(b'{"events":[')]
    for start in range(0, len(events), _ENCODE_CHUNK):
        chunk = json.dumps(
            [rows.row(e) for e in events[start : start + _ENCODE_CHUNK]],
            separators=(",", ":"),
            ensure_ascii=False,
        )
        if start:
            parts.append(packer.compress(b","))
        parts.append(packer.compress(chunk[1:-1].encode("utf-8")))
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
    parts.append(packer.compress(("]," + tail[1:]).encode("utf-8")))
    parts.append(packer.flush())
    return b"".join(parts)


# ---------------------------------------------------------------- reading


def read_signed(data: bytes) -> SignedBundle:
    """Check framing, format version, header and signature; nothing is decrypted yet.

    The signature is checked with the key the header names: that proves the bytes are intact
    and were made by the holder of that key. Whether that key is *trusted* is for the caller.

    Raises:
        BundleDamaged: truncated, garbled, or not a bundle at all.
        BundleTooNew: a newer format version.
    """
    if len(data) < _PREFIX.size + SIGNATURE_LENGTH:
        raise BundleDamaged("te kort")
    magic, version, header_length = _PREFIX.unpack_from(data)
    if magic != MAGIC:
        raise BundleDamaged("geen Noodpost-bundel")
    if version > FORMAT_VERSION:
        raise BundleTooNew("formaat", version, FORMAT_VERSION)
    if version not in READABLE_FORMATS:
        raise BundleDamaged("onbekend formaat")
    if header_length > MAX_HEADER or _PREFIX.size + header_length > len(data):
        raise BundleDamaged("kop onvolledig")
    header_bytes = data[_PREFIX.size : _PREFIX.size + header_length]
    try:
        header = _parse_header(json.loads(header_bytes.decode("utf-8")))
    except (UnicodeDecodeError, ValueError, TypeError, KeyError, RecursionError) as bad:
        raise BundleDamaged("kop onleesbaar") from bad
    if header.format != version:
        raise BundleDamaged("kop en formaat verschillen")
    end = _PREFIX.size + header_length + header.payload_length
    if len(data) != end + SIGNATURE_LENGTH:
        raise BundleDamaged("lengte klopt niet")
    try:
        verify_key(header.sender.signing_public_key).verify(data[:end], data[end:])
    except (BadSignatureError, ValueError) as bad:
        raise BundleDamaged("handtekening klopt niet") from bad
    payload = data[_PREFIX.size + header_length : end]
    if hashlib.sha256(payload).hexdigest() != header.payload_sha256:
        raise BundleDamaged("inhoud klopt niet met de kop")
    return SignedBundle(header=header, payload=payload, raw=data)


def open_payload(bundle: SignedBundle, private_key: PrivateKey) -> Contents:
    """Decrypt, decompress and parse the payload.

    Raises:
        UserError: not sealed to this key, or the contents are not what the header promised.
    """
    try:
        compressed = SealedBox(private_key).decrypt(bundle.payload)
    except CryptoError as bad:
        raise UserError(
            "Deze bundel kan met de sleutel van dit noodsteunpunt niet worden geopend. Er is "
            "niets ingelezen. Mogelijk is hij gemaakt met een oud koppelbestand of voor een "
            "eerdere inrichting van dit punt; maak bij de afzender een nieuwe bundel."
        ) from bad
    unpack = zlib.decompressobj()
    try:
        plain = unpack.decompress(compressed, MAX_PLAINTEXT)
    except zlib.error as bad:
        raise BundleDamaged("inhoud niet uit te pakken") from bad
    if unpack.unconsumed_tail or not unpack.eof:
        raise BundleDamaged("inhoud te groot of onvolledig")
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
        raise BundleDamaged("inhoud onleesbaar") from bad
    if len(events) != bundle.header.event_count:
        raise BundleDamaged("aantal gebeurtenissen klopt niet")
    return Contents(events=events, vector=vector, covers=covers)


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


def _text(raw: Mapping[str, Any], key: str, limit: int) -> str:
    value = raw[key]
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError(f"bad {key}")
    return value


def _count(raw: Mapping[str, Any], key: str, low: int = 0) -> int:
    value = raw[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise ValueError(f"bad {key}")
    return value


def _node_id(raw: Mapping[str, Any], key: str) -> str:
    """A UUID in its canonical text form (node ids and bundle ids)."""
    value = _text(raw, key, 36)
    if str(uuid.UUID(value)) != value:  # uuid.UUID raises ValueError for non-UUIDs
        raise ValueError(f"bad {key}")
    return value


def _key_hex(raw: Mapping[str, Any], key: str) -> str:
    value = raw[key]
    if not is_public_key_hex(value) or not _HEX64.match(value):
        raise ValueError(f"bad {key}")
    return str(value)


def _post_code(raw: Mapping[str, Any], key: str) -> str:
    """A post code as every node makes them (``GR-0014``): nothing else reaches a screen."""
    value = _text(raw, key, 16)
    if not POST_CODE_RE.fullmatch(value):
        raise ValueError(f"bad {key}")
    return value


def _name(raw: Mapping[str, Any], key: str) -> str:
    """A name for screens, logs and consoles: printable text only (no escape sequences, line
    breaks or direction overrides), at most :data:`MAX_NAME` characters."""
    value = _text(raw, key, MAX_NAME)
    if not value.isprintable() or value != value.strip():
        raise ValueError(f"bad {key}")
    return value


def parse_party(raw: Any) -> Party:
    if not isinstance(raw, dict):
        raise ValueError("bad sender")
    role = _text(raw, "role", 8)
    if role not in ROLES:
        raise ValueError("bad role")
    incarnation = _text(raw, "incarnation", 16)
    if not _INCARNATION.fullmatch(incarnation):
        raise ValueError("bad incarnation")
    return Party(
        node_id=_node_id(raw, "node_id"),
        incarnation=incarnation,
        post_code=_post_code(raw, "post_code"),
        name=_name(raw, "name"),
        role=role,
        signing_public_key=_key_hex(raw, "signing_public_key"),
        encryption_public_key=_key_hex(raw, "encryption_public_key"),
    )


def _parse_ranges(raw: Any) -> tuple[tuple[str, str, int, int], ...]:
    if not isinstance(raw, list):
        raise ValueError("bad ranges")
    ranges = []
    for item in raw:
        if not isinstance(item, list) or len(item) != 4:
            raise ValueError("bad range")
        origin, inc, low, high = item
        if not (isinstance(origin, str) and isinstance(inc, str)):
            raise ValueError("bad range")
        for number in (low, high):
            if not isinstance(number, int) or isinstance(number, bool) or number < 1:
                raise ValueError("bad range")
        ranges.append((origin, inc, low, high))
    return tuple(ranges)


def _parse_header(raw: Any) -> Header:
    if not isinstance(raw, dict):
        raise ValueError("header is not an object")
    training = raw["training"]
    if not isinstance(training, bool):
        raise ValueError("bad training")
    sha = _text(raw, "payload_sha256", 64)
    if not _HEX64.match(sha):
        raise ValueError("bad payload_sha256")
    compression = _text(raw, "compression", 16)
    if compression != COMPRESSION:
        raise ValueError("unknown compression")
    return Header(
        format=_count(raw, "format", 1),
        bundle_id=_node_id(raw, "bundle_id"),
        created_at=_text(raw, "created_at", 32),
        training=training,
        event_schema=_count(raw, "event_schema", 1),
        sender=parse_party(raw["sender"]),
        recipient=_node_id(raw, "recipient"),
        recipient_code=_post_code(raw, "recipient_code"),
        ranges=_parse_ranges(raw["ranges"]),
        event_count=_count(raw, "event_count"),
        compression=compression,
        payload_length=_count(raw, "payload_length", 1),
        payload_sha256=sha,
    )
