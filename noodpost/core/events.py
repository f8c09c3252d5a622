"""The event record as it travels: canonical JSON, its hash, and validation of remote events."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from noodpost.core.entities import InvalidEvent, spec_for

#: Version of the event schema (fields and their meaning). Bumped with every change to SPECS
#: that an older node could misread; a node refuses events from a newer schema.
#: 2: ``credential`` (PIN hashes apart from volunteers), ``person.post_code``.
#: 3: ``generator_reading``; ``from_paper`` on households, visits and hand-outs.
EVENT_SCHEMA_VERSION = 3


def canonical_json(data: Mapping[str, Any]) -> str:
    """One text for one value: sorted keys, no spaces, UTF-8 kept readable."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def data_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_raw_decode = json.JSONDecoder().raw_decode


def _parse(text: str) -> Any:
    """``json.loads``, without its checks for the canonical text nodes write."""
    try:
        value, end = _raw_decode(text)
    except ValueError:
        return json.loads(text)  # leading blanks, say: its own error, or the value
    return value if end == len(text) else json.loads(text)


#: The longest text an event field may carry.
MAX_TEXT = 100_000
# The longest key fields an event may carry: the sizes of the event table's columns, which
# PostgreSQL enforces (SQLite never did); a test holds them to the models.
MAX_ID = 36  # origin, entity_id, author: UUIDs
MAX_INCARNATION = 16
MAX_ENTITY = 32
MAX_OP = 16
MAX_HASH = 64
#: ``seq`` and ``schema_version`` are 32-bit columns; a node never writes two billion events.
SEQ_LIMIT = 2**31


def _name_the_fault(*values: Any) -> None:
    """Raise :class:`InvalidEvent` naming the first field of an event that is not in shape."""
    origin, inc, seq, hlc, entity, entity_id, op, text, digest, version = values
    for name, value, longest in (
        ("origin", origin, MAX_ID),
        ("incarnation", inc, MAX_INCARNATION),
        ("entity", entity, MAX_ENTITY),
        ("entity_id", entity_id, MAX_ID),
        ("op", op, MAX_OP),
        ("data", text, MAX_TEXT),
        ("data_hash", digest, MAX_HASH),
    ):
        if not isinstance(value, str) or not value or len(value) > longest:
            raise InvalidEvent(f"bad {name}")
    for name, number, limit in (
        ("seq", seq, SEQ_LIMIT),
        ("hlc", hlc, 2**63),
        ("schema_version", version, SEQ_LIMIT),
    ):
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number < limit:
            raise InvalidEvent(f"bad {name}")


class EventRecord(NamedTuple):
    """One immutable change, as stored and as carried in bundles.

    A named tuple, not a frozen dataclass: an import builds a million of them, and a frozen
    dataclass spends more on setting its fields (2.5 s) than the JSON parse of their data.
    """

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
            version, author = raw["v"], raw.get("a")
        except KeyError as missing:
            raise InvalidEvent(f"event without {missing}") from None
        # Rows of bundle format 2 carry no hash: it is the hash of the text that came.
        carried = "dh" in raw
        digest = raw["dh"] if carried else data_hash(text) if type(text) is str else ""
        # One test for the common case (a million events an import); the loop names the fault.
        if not (
            type(origin) is str
            and type(inc) is str
            and type(entity) is str
            and type(entity_id) is str
            and type(op) is str
            and type(text) is str
            and type(digest) is str
            and 0 < len(origin) <= MAX_ID
            and 0 < len(inc) <= MAX_INCARNATION
            and 0 < len(entity) <= MAX_ENTITY
            and 0 < len(entity_id) <= MAX_ID
            and 0 < len(op) <= MAX_OP
            and 0 < len(text) <= MAX_TEXT
            and 0 < len(digest) <= MAX_HASH
            and type(seq) is int
            and type(hlc) is int
            and type(version) is int
            and 1 <= seq < SEQ_LIMIT
            and 1 <= hlc < 2**63
            and 1 <= version < SEQ_LIMIT
        ):
            _name_the_fault(origin, inc, seq, hlc, entity, entity_id, op, text, digest, version)
        if author is not None and (not isinstance(author, str) or len(author) > MAX_ID):
            raise InvalidEvent("bad author")
        if version > EVENT_SCHEMA_VERSION:
            raise InvalidEvent(f"event schema {version} is newer than {EVENT_SCHEMA_VERSION}")
        if carried and data_hash(text) != digest:
            raise InvalidEvent("data does not match its hash")
        try:
            data = _parse(text)
        except (ValueError, RecursionError):  # RecursionError: nested too deep
            raise InvalidEvent("data is not JSON") from None
        if not isinstance(data, dict):
            raise InvalidEvent("data is not an object")
        spec_for(entity).validate(op, data)
        return cls(origin, inc, seq, hlc, entity, entity_id, op, data, digest, version, author)
