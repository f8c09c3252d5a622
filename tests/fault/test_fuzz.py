"""Fuzzing what comes from outside: bundles, card codes, pairing files.

Whatever the bytes or text, the only exceptions allowed are our own validation errors — a
:class:`~noodpost.core.errors.UserError` (its Dutch message is what the CLI prints and the GUI
shows) or, one level down, :class:`~noodpost.core.entities.InvalidEvent` (a poison event, which
the import quarantines). Anything else is a crash, and a bug.

Inputs: random bytes; truncated, bit-flipped and spliced real bundles; bundles that are signed
correctly but carry garbage at each layer (not sealed to us, not zlib, not JSON, the wrong
shape, mutated events with valid hashes — these reach the database); random and near-valid card
codes; random JSON and mutated real pairing files, re-signed so the checks behind the signature
run too.

In the suite each test runs ``NOODPOST_FUZZ_EXAMPLES`` examples (default 200; the database-level
ones a quarter of that). A long run: ``NOODPOST_FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/fault/
test_fuzz.py`` (see docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import os
import struct
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from killkit import HUB_CODE, POST_CODE, START, Site, _node, _workload
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox

from noodpost.core import cards
from noodpost.core.clock import FixedClock
from noodpost.core.entities import SPECS, InvalidEvent
from noodpost.core.errors import UserError
from noodpost.core.events import EventRecord, canonical_json, data_hash
from noodpost.storage.eventlog import count_events
from noodpost.sync import bundle as fmt
from noodpost.sync import pairing
from noodpost.sync.keys import NodeKeys, load_node_keys

EXAMPLES = int(os.environ.get("NOODPOST_FUZZ_EXAMPLES", "200"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: Each example imports into a real database (and writes an audit entry): a quarter as many.
SLOW = settings(FAST, max_examples=max(EXAMPLES // 4, 10))


# ---------------------------------------------------------------- the scene


@dataclass(frozen=True)
class Fuzzed:
    hub: Site
    post: Site  # paired with the hub, approved by it
    other_post: Site  # not paired: pairing files are imported here
    hub_keys: NodeKeys
    post_keys: NodeKeys
    bundle: bytes  # a real bundle from the post to the hub
    header: fmt.Header
    events: list[dict[str, Any]]  # its events, in wire form
    pairing_text: str  # the hub's real pairing file


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzed]:
    base = tmp_path_factory.mktemp("fuzz")
    clock = FixedClock(START)
    hub = _node(base / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP Groningen")
    post = _node(base / "post", clock, role="post", code=POST_CODE, name="Dorpshuis Ten Boer")
    other = _node(base / "other", clock, role="post", code="GR-0015", name="Kerk Garmerwolde")
    try:
        pairing_file = base / "koppeling.json"
        hub.sync.export_pairing(pairing_file)
        post.sync.import_pairing(pairing_file)
        stick = base / "stick"
        stick.mkdir()
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        hub.sync.approve_post(POST_CODE, post.sync.fingerprint)
        _workload(post, clock, 12)
        clock.advance(timedelta(minutes=5))
        bundle = post.sync.build_bundle(hub.ctx.node.node_id).data
        hub_keys = load_node_keys(hub.db, hub.data_dir)
        signed = fmt.read_signed(bundle, hub_keys.encryption)
        events = fmt.open_payload(signed, hub_keys.encryption).events
        yield Fuzzed(
            hub=hub,
            post=post,
            other_post=other,
            hub_keys=hub_keys,
            post_keys=load_node_keys(post.db, post.data_dir),
            bundle=bundle,
            header=signed.header,
            events=events,
            pairing_text=pairing_file.read_text(encoding="utf-8"),
        )
    finally:
        for site in (hub, post, other):
            site.db.close()


def _events(site: Site) -> int:
    with site.db.read() as session:
        return count_events(session)


# ---------------------------------------------------------------- strategies

#: Any JSON value, with the awkward ones: huge integers, NaN and infinities, deep-ish nesting.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**62, max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=24),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)
WIRE_KEYS = ("o", "i", "s", "h", "e", "id", "op", "d", "dh", "v", "a")
DATA_KEYS = sorted({key for spec in SPECS.values() for key in spec.fields} | {"status", "_base"})
OPS = sorted({op for spec in SPECS.values() for op in spec.ops})


@st.composite
def mutated_event(draw: st.DrawFn, real: list[dict[str, Any]]) -> Any:
    """A real wire event with a few fields changed; the data hash is recomputed, so the
    validation behind it runs."""
    if draw(st.integers(0, 20)) == 0:
        return draw(json_values)  # not even an object
    event = copy.deepcopy(draw(st.sampled_from(real)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["wire", "data", "data", "entity", "fresh"]))
        if kind == "wire":
            key = draw(st.sampled_from(WIRE_KEYS) | st.text(max_size=4))
            if draw(st.booleans()):
                event.pop(key, None)
            else:
                event[key] = draw(json_values)
        elif kind == "entity":
            event["e"] = draw(st.sampled_from(sorted(SPECS)))
            event["op"] = draw(st.sampled_from(OPS))
        elif kind == "fresh":  # a new key, so the event is applied, not seen as present
            event["i"] = draw(st.text(alphabet="0123456789abcdef", min_size=16, max_size=16))
            event["s"] = draw(st.integers(1, 5))
        else:
            try:
                data = json.loads(event["d"])
            except (KeyError, TypeError, ValueError):
                data = {}
            if not isinstance(data, dict):
                data = {}
            key = draw(st.sampled_from(DATA_KEYS))
            if draw(st.integers(0, 4)) == 0:
                data.pop(key, None)
            else:
                data[key] = draw(json_values)
            event["d"] = canonical_json(data)
        if isinstance(event.get("d"), str):
            event["dh"] = data_hash(event["d"])
    return event


#: Format 4's clear framing, written out here as docs/bundle-format.md states it.
_SEALED_PREFIX = struct.Struct(">4sH32s32sII")
#: A key no bundle is ever sealed to.
_NOBODY = PrivateKey.generate()


def _plain_length(fz: Fuzzed, payload: bytes) -> int:
    """What an honest sender would declare: the payload's size once opened (1 if it cannot
    be), so that garbage gets past the size check to the layer it is meant for."""
    try:
        inflated = zlib.decompressobj().decompress(
            SealedBox(fz.hub_keys.encryption).decrypt(payload)
        )
    except (CryptoError, zlib.error):
        return 1
    return max(1, len(inflated))


def _seal(fz: Fuzzed, payload: bytes, **changes: Any) -> bytes:
    """A correctly framed format 4 bundle from the approved post, signed with its key,
    carrying ``payload`` as it is (a new bundle id each time; the header sealed to the hub)."""
    header = dataclasses.replace(
        fz.header,
        bundle_id=str(uuid.uuid4()),
        plain_length=_plain_length(fz, payload),
        **changes,
    )
    sealed = SealedBox(fz.hub_keys.encryption.public_key).encrypt(
        canonical_json(header.to_json()).encode("utf-8")
    )
    signed = _SEALED_PREFIX.pack(
        fmt.MAGIC,
        4,
        bytes(fz.hub_keys.encryption.public_key),
        fz.post_keys.signing.verify_key.encode(),
        len(sealed),
        len(payload),
    )
    signed += sealed + payload
    return signed + fz.post_keys.signing.sign(signed).signature


def test_the_hand_framed_bundle_is_the_real_format(fuzzed: Fuzzed) -> None:
    """The framing above, from the documentation, reads as the real writer's does."""
    payload = _sealed_to_hub(
        fuzzed, zlib.compress(b'{"events":[],"streams":[],"authors":[],"vector":[],"covers":[]}')
    )
    signed = fmt.read_signed(_seal(fuzzed, payload, event_count=0), fuzzed.hub_keys.encryption)
    assert signed.header.sender == fuzzed.header.sender
    assert fmt.open_payload(signed, fuzzed.hub_keys.encryption).events == []


def _sealed_to_hub(fz: Fuzzed, plain: bytes) -> bytes:
    return SealedBox(fz.hub_keys.encryption.public_key).encrypt(plain)


def _mutate_bytes(original: bytes, draw: Callable[..., Any]) -> bytes:
    kind = draw(st.sampled_from(["truncate", "flip", "splice", "insert", "delete"]))
    data = bytearray(original)
    if kind == "truncate":
        return bytes(data[: draw(st.integers(0, len(data) - 1))])
    if kind == "flip":
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= 1 << draw(st.integers(0, 7))
        return bytes(data)
    at = draw(st.integers(0, len(data)))
    if kind == "insert":
        extra: bytes = draw(st.binary(min_size=1, max_size=64))
        return bytes(data[:at]) + extra + bytes(data[at:])
    if kind == "delete":
        return bytes(data[:at]) + bytes(data[at + draw(st.integers(1, 64)) :])
    garbage: bytes = draw(st.binary(max_size=256))
    return bytes(data[:at]) + garbage  # splice in garbage


# ---------------------------------------------------------------- bundles


@FAST
@given(data=st.binary(max_size=2048))
@example(data=b"")
@example(data=fmt.MAGIC + b"\x00\x01\x00\x00\x00\x02{}" + bytes(64))
def test_random_bytes_are_refused_as_a_damaged_bundle(data: bytes) -> None:
    with pytest.raises(UserError):
        fmt.read_signed(data, _NOBODY)


def _nested_header() -> bytes:
    """A format 3 bundle (plain header, still read) whose header is nested 50,000 deep."""
    header = b"[" * 50_000
    return fmt._PREFIX.pack(fmt.MAGIC, 3, len(header)) + header + bytes(64)


def test_a_deeply_nested_header_is_refused_as_damaged_not_a_crash() -> None:
    """Regression (found by this fuzzing): JSON nested 50,000 deep raised RecursionError."""
    with pytest.raises(fmt.BundleDamaged, match="beschadigd"):
        fmt.read_signed(_nested_header(), _NOBODY)


def test_a_deeply_nested_sealed_header_is_refused_as_damaged_not_a_crash(fuzzed: Fuzzed) -> None:
    """The same for format 4, where the header opens only after the signature checked out."""
    hub_key = fuzzed.hub_keys.encryption.public_key
    sealed = SealedBox(hub_key).encrypt(b"[" * 50_000)
    signed = _SEALED_PREFIX.pack(
        fmt.MAGIC, 4, bytes(hub_key), fuzzed.post_keys.signing.verify_key.encode(), len(sealed), 1
    )
    signed += sealed + b"\x00"
    before = _events(fuzzed.hub)
    with pytest.raises(fmt.BundleDamaged, match="kop onleesbaar"):
        fuzzed.hub.sync.import_bytes(signed + fuzzed.post_keys.signing.sign(signed).signature)
    assert _events(fuzzed.hub) == before


@FAST
@given(st.data())
def test_a_damaged_real_bundle_is_refused_before_anything_is_read(
    fuzzed: Fuzzed, data: st.DataObject
) -> None:
    damaged = _mutate_bytes(fuzzed.bundle, data.draw)
    if damaged == fuzzed.bundle:
        return
    with pytest.raises(UserError):
        fmt.read_signed(damaged, fuzzed.hub_keys.encryption)


@SLOW
@given(st.data())
def test_importing_a_damaged_real_bundle_changes_nothing(
    fuzzed: Fuzzed, data: st.DataObject
) -> None:
    damaged = _mutate_bytes(fuzzed.bundle, data.draw)
    if damaged == fuzzed.bundle:
        return
    before = _events(fuzzed.hub)
    with pytest.raises(UserError):
        fuzzed.hub.sync.import_bytes(damaged)
    assert _events(fuzzed.hub) == before


@st.composite
def garbage_payloads(draw: st.DrawFn, fz: Fuzzed) -> tuple[bytes, int]:
    """A payload that is wrong at one layer: (payload, event count for the header)."""
    layer = draw(st.sampled_from(["raw", "sealed", "zlib", "json", "shape"]))
    garbage = draw(st.binary(max_size=512))
    if layer == "raw":
        return garbage or b"\x00", 0
    if layer == "sealed":
        return _sealed_to_hub(fz, garbage), 0
    if layer == "zlib":
        return _sealed_to_hub(fz, zlib.compress(garbage)), 0
    if layer == "json":
        text = json.dumps(draw(json_values)).encode()
        return _sealed_to_hub(fz, zlib.compress(text)), 0
    body = {"events": draw(json_values), "vector": draw(json_values)}
    if draw(st.booleans()):
        body = {k: v for k, v in body.items() if draw(st.booleans())}
    events = body.get("events")
    count = len(events) if isinstance(events, list) else 0
    return _sealed_to_hub(fz, zlib.compress(json.dumps(body).encode())), count


@SLOW
@given(st.data())
def test_a_signed_bundle_with_garbage_inside_is_refused_and_changes_nothing(
    fuzzed: Fuzzed, data: st.DataObject
) -> None:
    payload, count = data.draw(garbage_payloads(fuzzed))
    before = _events(fuzzed.hub)
    with pytest.raises(UserError):
        fuzzed.hub.sync.import_bytes(_seal(fuzzed, payload, event_count=count))
    assert _events(fuzzed.hub) == before


def test_a_deeply_nested_payload_is_refused_as_damaged_not_a_crash(fuzzed: Fuzzed) -> None:
    """Regression (found by this fuzzing): a payload nested 50,000 deep raised RecursionError."""
    payload = _sealed_to_hub(fuzzed, zlib.compress(b"[" * 50_000))
    before = _events(fuzzed.hub)
    with pytest.raises(fmt.BundleDamaged, match="beschadigd"):
        fuzzed.hub.sync.import_bytes(_seal(fuzzed, payload, event_count=0))
    assert _events(fuzzed.hub) == before


@FAST
@given(st.data())
def test_a_mutated_event_is_read_or_refused_as_invalid_never_a_crash(
    fuzzed: Fuzzed, data: st.DataObject
) -> None:
    raw = data.draw(mutated_event(fuzzed.events))
    with contextlib.suppress(InvalidEvent):
        EventRecord.from_wire(raw)


@pytest.mark.parametrize(
    "change",
    [
        {"e": "alarm", "op": "status", "d": canonical_json({"status": [1]})},
        {"e": [None]},
        {"d": "[" * 50_000},
        {"s": 2**70},
        {"h": 2**64},
    ],
    ids=["unhashable-status", "unhashable-entity", "nested-data", "huge-seq", "huge-clock"],
)
def test_poison_events_found_by_fuzzing_are_invalid_not_a_crash(
    fuzzed: Fuzzed, change: dict[str, Any]
) -> None:
    """Regressions: each of these raised TypeError, RecursionError or (at the insert)
    OverflowError instead of being refused as a poison event."""
    raw = copy.deepcopy(fuzzed.events[0]) | change
    raw["dh"] = data_hash(raw["d"])
    with pytest.raises(InvalidEvent):
        EventRecord.from_wire(raw)


@SLOW
@given(st.data())
def test_a_signed_bundle_of_mutated_events_is_applied_or_quarantined_never_a_crash(
    fuzzed: Fuzzed, data: st.DataObject
) -> None:
    events = data.draw(st.lists(mutated_event(fuzzed.events), min_size=1, max_size=4))
    plain = canonical_json({"events": events, "vector": fmt.vector_to_json({})})
    payload = _sealed_to_hub(fuzzed, zlib.compress(plain.encode("utf-8")))
    try:
        ranges = fmt.seq_ranges(events)
    except (KeyError, TypeError, ValueError):
        ranges = ()
    with contextlib.suppress(UserError):
        fuzzed.hub.sync.import_bytes(_seal(fuzzed, payload, event_count=len(events), ranges=ranges))
    assert fuzzed.hub.db.integrity_check() == "ok"


# ---------------------------------------------------------------- card codes


@FAST
@given(text=st.text(max_size=40))
def test_any_text_is_a_card_code_or_a_dutch_refusal(text: str) -> None:
    try:
        scanned = cards.parse(text)
    except UserError as refused:
        message = refused.message
    else:
        message = "read"
        assert len(scanned.code) == cards.BODY_LENGTH + 1
    assert message


near_codes = st.builds(
    lambda post, code: f"NP1:{post}:{code}",
    st.from_regex(r"[A-Za-z]{0,3}-?\d{0,5}", fullmatch=True),
    st.text(alphabet=cards.ALPHABET + "-01OIL58BZ ab:", max_size=12),
)


@FAST
@given(text=near_codes)
def test_near_valid_scans_are_read_or_refused_in_dutch(text: str) -> None:
    message = "read"
    try:
        cards.parse(text)
    except UserError as refused:
        message = refused.message
    assert message


@FAST
@given(
    body=st.text(alphabet=cards.ALPHABET, min_size=cards.BODY_LENGTH, max_size=cards.BODY_LENGTH),
    at=st.integers(0, cards.BODY_LENGTH),
    other=st.sampled_from(cards.ALPHABET),
)
def test_every_single_mistyped_character_is_caught(body: str, at: int, other: str) -> None:
    code = body + cards.check_char(body)
    assert cards.parse(cards.qr_text(POST_CODE, code)).code == code
    typo = code[:at] + other + code[at + 1 :]
    if typo == code:
        return
    with pytest.raises(cards.InvalidCode, match="klopt niet"):
        cards.parse(typo)


# ---------------------------------------------------------------- pairing files


def _pairing_refused_or_read(fz: Fuzzed, text: str) -> None:
    """Import into the unpaired post; only a UserError may come out."""
    message = "read"
    try:
        pairing.import_pairing_text(fz.other_post.db, FixedClock(START), text)
    except UserError as refused:
        message = refused.message
    assert message


@FAST
@given(text=st.text(max_size=400) | json_values.map(json.dumps))
@example(text="[" * 50_000)
@example(text=json.dumps({"format": "noodpost-pairing", "version": 10**30}))
def test_random_text_is_refused_as_a_pairing_file(fuzzed: Fuzzed, text: str) -> None:
    before = _events(fuzzed.other_post)
    with pytest.raises(UserError):
        pairing.import_pairing_text(fuzzed.other_post.db, FixedClock(START), text)
    assert _events(fuzzed.other_post) == before


@FAST
@given(raw=st.binary(max_size=1024))
def test_random_bytes_are_refused_as_a_pairing_file(
    fuzzed: Fuzzed, raw: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.getbasetemp() / "koppeling-fuzz.json"
    path.write_bytes(raw)
    with pytest.raises(UserError):
        pairing.import_pairing(fuzzed.other_post.db, FixedClock(START), path)


@st.composite
def mutated_pairing(draw: st.DrawFn, fz: Fuzzed) -> str:
    """The real pairing document with a few values changed; re-signed with the hub's key half
    of the time, so the checks behind the signature run."""
    document = json.loads(fz.pairing_text)
    for _ in range(draw(st.integers(1, 3))):
        target = document
        if draw(st.booleans()):
            target = document["hub"] if isinstance(document.get("hub"), dict) else document
        keys = sorted(target) or ["format"]
        key = draw(st.sampled_from(keys) | st.text(max_size=6))
        if draw(st.integers(0, 3)) == 0:
            target.pop(key, None)
        else:
            target[key] = draw(json_values | st.sampled_from(["hub", "post", True, False]))
    if draw(st.booleans()):
        body = {k: v for k, v in document.items() if k != "signature"}
        try:
            signed = canonical_json(body).encode("utf-8")
        except (TypeError, ValueError):
            signed = b""
        document["signature"] = fz.hub_keys.signing.sign(signed).signature.hex()
    return json.dumps(document)


@FAST
@given(st.data())
def test_a_mutated_pairing_file_is_read_or_refused_in_dutch(
    fuzzed: Fuzzed, data: st.DataObject
) -> None:
    _pairing_refused_or_read(fuzzed, data.draw(mutated_pairing(fuzzed)))


def test_a_deeply_nested_pairing_file_is_refused_as_damaged(fuzzed: Fuzzed) -> None:
    """Regression (found by this fuzzing): a file nested 50,000 deep raised RecursionError."""
    with pytest.raises(pairing.PairingDamaged, match="beschadigd"):
        pairing.import_pairing_text(fuzzed.other_post.db, FixedClock(START), "[" * 50_000)


def test_the_real_pairing_file_still_pairs(fuzzed: Fuzzed, tmp_path: Path) -> None:
    """The fuzzing above is only meaningful if the unmutated file is accepted."""
    result = pairing.import_pairing_text(
        fuzzed.other_post.db, FixedClock(START), fuzzed.pairing_text
    )
    assert result.hub_code == HUB_CODE
