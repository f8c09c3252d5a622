"""A bundle's header: who sent it, to whom, what it covers — its fields and their checks.

In formats 1–3 the header travels as plain, signed JSON; since format 4 the same fields (minus
the payload's length and hash, plus the declared size of the plain payload) travel sealed to
the recipient (:mod:`noodpost.sync.bundle`). Everything here is pure data: parsing raises
:class:`ValueError`, which the reader turns into a damaged bundle.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from noodpost.core.cards import POST_CODE_RE
from noodpost.sync.keys import is_public_key_hex

COMPRESSION = "zlib"
MAX_NAME = 200  # characters of a node's name, as the set-up allows
ROLES = ("post", "hub")
#: The first format whose header is sealed to the recipient (docs/bundle-format.md).
SEALED_FORMAT = 4
ANSWER_STATUSES = ("applied", "duplicate")
_INCARNATION = re.compile(r"[0-9a-f]{16}", re.ASCII)
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

#: A range of seqs of one stream: (origin, incarnation, first seq, last seq).
Range = tuple[str, str, int, int]


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
class Answer:
    """What the bundle a hub answers over the network did there (sealed, since format 4).

    Carried in the sealed header of the hub's reply (optional field ``answer``), so that no
    count travels readable on the wire.
    """

    bundle_id: str  # the post's bundle this answers
    status: str  # "applied" or "duplicate"
    applied: int
    present: int
    quarantined: int

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "status": self.status,
            "applied": self.applied,
            "present": self.present,
            "quarantined": self.quarantined,
        }


@dataclass(frozen=True)
class Header:
    """What a bundle says about itself once its signature checked out (and, since format 4,
    its sealed header was opened).

    ``payload_length`` is in the plain header in formats 1–3 and in the clear framing in
    format 4; ``payload_sha256`` exists in formats 1–3 only (the signature covers the payload
    anyway); ``plain_length``, the size of the payload once decompressed, in format 4 only.
    """

    format: int
    bundle_id: str
    created_at: str
    training: bool
    event_schema: int
    sender: Party
    recipient: str
    recipient_code: str
    ranges: tuple[Range, ...]
    event_count: int
    compression: str
    payload_length: int
    payload_sha256: str = ""
    plain_length: int | None = None
    answer: Answer | None = None

    def to_json(self) -> dict[str, Any]:
        """The header as its format writes it: plain (1–3) or the sealed JSON (4)."""
        document: dict[str, Any] = {
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
        }
        if self.format >= SEALED_FORMAT:
            document["plain_length"] = self.plain_length
            if self.answer is not None:
                document["answer"] = self.answer.to_json()
        else:
            document["payload_length"] = self.payload_length
            document["payload_sha256"] = self.payload_sha256
        return document


def seq_ranges(events: Sequence[Mapping[str, Any]]) -> tuple[Range, ...]:
    """Per ``(origin, incarnation)`` the lowest and highest seq carried, sorted."""
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for event in events:
        key = (str(event["o"]), str(event["i"]))
        seq = int(event["s"])
        low, high = spans.get(key, (seq, seq))
        spans[key] = (min(low, seq), max(high, seq))
    return tuple((o, i, low, high) for (o, i), (low, high) in sorted(spans.items()))


# ---------------------------------------------------------------- parsing


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


def _parse_ranges(raw: Any) -> tuple[Range, ...]:
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


def _parse_answer(raw: Any) -> Answer:
    if not isinstance(raw, dict):
        raise ValueError("bad answer")
    status = _text(raw, "status", 16)
    if status not in ANSWER_STATUSES:
        raise ValueError("bad answer status")
    return Answer(
        bundle_id=_node_id(raw, "bundle_id"),
        status=status,
        applied=_count(raw, "applied"),
        present=_count(raw, "present"),
        quarantined=_count(raw, "quarantined"),
    )


def parse_header(raw: Any, *, payload_length: int | None = None) -> Header:
    """A header's JSON, every field checked.

    Args:
        payload_length: the payload's length from the clear framing of a sealed header
            (format 4); None for a plain header (formats 1–3), which states it itself.

    Raises:
        ValueError: a field is missing or not in its shape.
        KeyError: a field is missing.
    """
    if not isinstance(raw, dict):
        raise ValueError("header is not an object")
    training = raw["training"]
    if not isinstance(training, bool):
        raise ValueError("bad training")
    compression = _text(raw, "compression", 16)
    if compression != COMPRESSION:
        raise ValueError("unknown compression")
    sha = ""
    plain: int | None = None
    answer: Answer | None = None
    if payload_length is None:
        sha = _text(raw, "payload_sha256", 64)
        if not _HEX64.match(sha):
            raise ValueError("bad payload_sha256")
        payload_length = _count(raw, "payload_length", 1)
    else:
        plain = _count(raw, "plain_length", 1)
        answer = _parse_answer(raw["answer"]) if "answer" in raw else None
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
        payload_length=payload_length,
        payload_sha256=sha,
        plain_length=plain,
        answer=answer,
    )
