"""The event record as it travels: canonical JSON, its hash, and validation of remote events."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from noodpost.core.entities import InvalidEvent, spec_for

#: Version of the event schema (fields and their meaning). Bumped with every change to SPECS
#: that an older node could misread; a node refuses events from a newer schema.
#: 2: ``credential`` (PIN hashes apart from volunteers), ``person.post_code``.
EVENT_SCHEMA_VERSION = 2


def canonical_json(data: Mapping[str, Any]) -> str:
    """One text for one value: sorted keys, no spaces, UTF-8 kept readable."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def data_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class EventRecord:
    """One immutable change, as stored and as carried in bundles."""

    origin: str
    incarnation: str
    seq: int
    hlc: int
    entity: str
    entity_id: str
    op: str
    data: Mapping[str, Any]
    data_hash: str
    schema_version: int = EVENT_SCHEMA_VERSION
    author: str | None = None

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.origin, self.incarnation, self.seq)

    def to_wire(self) -> dict[str, Any]:
        return {
            "o": self.origin,
            "i": self.incarnation,
            "s": self.seq,
            "h": self.hlc,
            "e": self.entity,
            "id": self.entity_id,
            "op": self.op,
            "d": canonical_json(self.data),
            "dh": self.data_hash,
            "v": self.schema_version,
            "a": self.author,
        }

    @classmethod
    def from_wire(cls, raw: Any) -> EventRecord:
        """Parse and fully validate an event from another node.

        Raises:
            InvalidEvent: anything that does not fit — the caller quarantines it.
        """
        if not isinstance(raw, dict):
            raise InvalidEvent("event is not an object")
        try:
            origin, inc, seq, hlc = raw["o"], raw["i"], raw["s"], raw["h"]
            entity, entity_id, op, text = raw["e"], raw["id"], raw["op"], raw["d"]
            digest, version, author = raw["dh"], raw["v"], raw.get("a")
        except KeyError as missing:
            raise InvalidEvent(f"event without {missing}") from None
        for name, value, kind in (
            ("origin", origin, str),
            ("incarnation", inc, str),
            ("entity", entity, str),
            ("entity_id", entity_id, str),
            ("op", op, str),
            ("data", text, str),
            ("data_hash", digest, str),
        ):
            if not isinstance(value, kind) or not value or len(value) > 100_000:
                raise InvalidEvent(f"bad {name}")
        for name, number in (("seq", seq), ("hlc", hlc), ("schema_version", version)):
            if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number < 2**63:
                raise InvalidEvent(f"bad {name}")
        if author is not None and not isinstance(author, str):
            raise InvalidEvent("bad author")
        if version > EVENT_SCHEMA_VERSION:
            raise InvalidEvent(f"event schema {version} is newer than {EVENT_SCHEMA_VERSION}")
        if data_hash(text) != digest:
            raise InvalidEvent("data does not match its hash")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # RecursionError: nested too deep
            raise InvalidEvent("data is not JSON") from None
        if not isinstance(data, dict):
            raise InvalidEvent("data is not an object")
        spec_for(entity).validate(op, data)
        return cls(origin, inc, seq, hlc, entity, entity_id, op, data, digest, version, author)
