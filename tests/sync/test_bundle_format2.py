"""Bundle format 2: packed event rows without ``dh``; format 1 bundles are still read."""

from __future__ import annotations

import zlib
from typing import Any

import pytest
from nacl.public import PrivateKey, SealedBox
from nacl.signing import SigningKey

from noodpost.core.entities import InvalidEvent
from noodpost.core.events import EventRecord, canonical_json, data_hash
from noodpost.sync import bundle as fmt

ORIGIN = "69bcc2c8-bb34-4068-856c-51d3eb0de46f"
OTHER = "0cc7002d-e69f-4c18-ac70-489b7cc780e6"
AUTHOR = "5348eb73-ce1b-4a26-97de-46f1856ba236"


def _keys() -> tuple[SigningKey, PrivateKey, fmt.Party]:
    signing, private = SigningKey.generate(), PrivateKey.generate()
    sender = fmt.Party(
        node_id=ORIGIN,
        incarnation="5be8054480826838",
        post_code="GR-0014",
        name="Dorpshuis",
        role="post",
        signing_public_key=signing.verify_key.encode().hex(),
        encryption_public_key=bytes(private.public_key).hex(),
    )
    return signing, private, sender


def _event(origin: str, seq: int, hlc: int, author: str | None, **data: Any) -> dict[str, Any]:
    record = EventRecord(
        origin=origin,
        incarnation="inc1",
        seq=seq,
        hlc=hlc,
        entity="log_entry",
        entity_id=f"00000000-0000-4000-8000-{seq:012d}",
        op="create",
        data={"post_code": "GR-0014", "text": "Water uitgegeven", **data},
        data_hash=data_hash(canonical_json({"post_code": "GR-0014", "text": "x", **data})),
        author=author,
    )
    wire = record.to_wire()
    wire["dh"] = data_hash(wire["d"])
    return wire


def test_events_travel_as_rows_and_are_read_with_the_hash_of_their_text() -> None:
    signing, private, sender = _keys()
    plain = [
        _event(ORIGIN, 1, 1000 << 16, AUTHOR),
        _event(ORIGIN, 2, 900 << 16, None, category="x"),  # an HLC that went back
        _event(OTHER, 7, 5000 << 16, AUTHOR),
        _event(ORIGIN, 3, 1100 << 16, AUTHOR),
    ]
    without_hash = [{k: v for k, v in e.items() if k != "dh"} for e in plain]
    crafted = {**plain[0], "s": 9, "dh": "0" * 64}  # carries its own (wrong) hash: kept as is
    events = [*without_hash, crafted]
    data = fmt.encode(
        bundle_id="5348eb73-ce1b-4a26-97de-46f1856ba236",
        created_at="2026-11-28T09:00:00.000+00:00",
        training=False,
        event_schema=1,
        sender=sender,
        recipient=OTHER,
        recipient_code="GR-9000",
        recipient_encryption_key=bytes(private.public_key).hex(),
        events=events,
        vector={(ORIGIN, "inc1"): 3},
        signing_key=signing,
        covers=[(ORIGIN, "inc1", 1, 3)],
    )
    signed = fmt.read_signed(data, private)
    assert signed.header.format == 4
    contents = fmt.open_payload(signed, private)
    assert contents.events == [*without_hash, crafted]  # rows carry no hash: none is made up
    records = [EventRecord.from_wire(event) for event in contents.events[:4]]
    assert [r.data_hash for r in records] == [e["dh"] for e in plain]  # the receiver's own
    with pytest.raises(InvalidEvent, match="does not match its hash"):
        EventRecord.from_wire(contents.events[4])  # a hash the sender carried is checked
    assert contents.vector == {(ORIGIN, "inc1"): 3}
    assert contents.covers == ((ORIGIN, "inc1", 1, 3),)
    assert EventRecord.from_wire(contents.events[1]).hlc == 900 << 16


def test_a_format_1_bundle_is_still_read() -> None:
    signing, private, sender = _keys()
    events = [_event(ORIGIN, 1, 1000 << 16, AUTHOR), _event(ORIGIN, 2, 1001 << 16, None)]
    plain = canonical_json({"events": events, "vector": [[ORIGIN, "inc1", 2]]})
    payload = SealedBox(private.public_key).encrypt(zlib.compress(plain.encode("utf-8"), 6))
    header = fmt.Header(
        format=1,
        bundle_id="5348eb73-ce1b-4a26-97de-46f1856ba236",
        created_at="2026-11-28T09:00:00.000+00:00",
        training=False,
        event_schema=1,
        sender=sender,
        recipient=OTHER,
        recipient_code="GR-9000",
        ranges=fmt.seq_ranges(events),
        event_count=len(events),
        compression="zlib",
        payload_length=len(payload),
        payload_sha256=__import__("hashlib").sha256(payload).hexdigest(),
    )
    header_bytes = canonical_json(header.to_json()).encode("utf-8")
    signed = fmt._PREFIX.pack(fmt.MAGIC, 1, len(header_bytes)) + header_bytes + payload
    data = signed + signing.sign(signed).signature

    contents = fmt.open_payload(fmt.read_signed(data, private), private)

    assert contents.events == events
    assert contents.vector == {(ORIGIN, "inc1"): 2}
