"""Coverage-guided fuzzing with atheris (libFuzzer) — a script, not part of the suite.

Targets (``--target``), each allowed to raise only our validation errors (``UserError``,
``InvalidEvent``); anything else is a crash that atheris reports with the input that caused it:

- ``bundle``: the bytes are a bundle file: framing, header, signature, payload;
- ``payload``: the bytes are the decompressed payload of a bundle that is otherwise correct
  (signed by the sender, sealed to us), so the fuzzer works on the JSON and the events in it:
  ``open_payload`` and then ``EventRecord.from_wire`` for every event;
- ``card``: the bytes (as UTF-8) are a scanned or typed card code;
- ``pairing``: the bytes (as UTF-8) are a pairing file.

A seed corpus — a real bundle, its payload, a real pairing file, card codes — is made in a
temporary folder at start (about two seconds). Run, for example::

    .venv/bin/pip install atheris        # not in the lock files: an optional tool
    .venv/bin/python tests/fault/atheris_bundle.py --target payload -- -max_total_time=180

Everything after ``--`` goes to libFuzzer (``-runs=N``, ``-max_total_time=S``, ``-jobs=N``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

try:
    import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # pragma: no cover — an optional tool
    sys.exit("atheris is not installed: .venv/bin/pip install atheris")

sys.path.insert(0, str(Path(__file__).parent))

with atheris.instrument_imports():
    from noodpost.core import cards
    from noodpost.core.entities import InvalidEvent
    from noodpost.core.errors import UserError
    from noodpost.core.events import EventRecord, canonical_json
    from noodpost.sync import bundle as fmt
    from noodpost.sync import pairing

import contextlib

from killkit import HUB_CODE, POST_CODE, START, _node, _workload
from nacl.public import PrivateKey
from nacl.signing import SigningKey

from noodpost.core.clock import FixedClock
from noodpost.sync.keys import load_node_keys

TARGETS = ("bundle", "payload", "card", "pairing")


class Keys:
    """The hub's private key (to open bundles) and the post's signing key (to sign them)."""

    encryption: PrivateKey
    signing: SigningKey
    header: fmt.Header


def make_seeds(folder: Path, keys: Keys) -> dict[str, list[bytes]]:
    clock = FixedClock(START)
    hub = _node(folder / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP Groningen")
    post = _node(folder / "post", clock, role="post", code=POST_CODE, name="Dorpshuis Ten Boer")
    try:
        hub.sync.export_pairing(folder / "koppeling.json")
        post.sync.import_pairing(folder / "koppeling.json")
        stick = folder / "stick"
        stick.mkdir()
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        hub.sync.approve_post(POST_CODE, post.sync.fingerprint)
        _workload(post, clock, 3)
        clock.advance(timedelta(minutes=5))
        data = post.sync.build_bundle(hub.ctx.node.node_id).data
        keys.encryption = load_node_keys(hub.db, hub.data_dir).encryption
        keys.signing = load_node_keys(post.db, post.data_dir).signing
    finally:
        hub.db.close()
        post.db.close()
    signed = fmt.read_signed(data, keys.encryption)
    keys.header = signed.header
    contents = fmt.open_payload(signed, keys.encryption)
    plain = canonical_json({"events": contents.events, "vector": fmt.vector_to_json({})})
    code = cards.new_card_code()
    return {
        "bundle": [data],
        "payload": [plain.encode("utf-8")],
        "card": [cards.qr_text(POST_CODE, code).encode(), code.encode(), b"7K3Q-9XW2"],
        "pairing": [(folder / "koppeling.json").read_bytes()],
    }


def seal(keys: Keys, plain: bytes, event_count: int) -> bytes:
    """A correct bundle from the post to the hub around ``plain`` (the decompressed payload)."""
    header = replace(keys.header, event_count=event_count, plain_length=max(1, len(plain)))
    recipient = bytes(keys.encryption.public_key).hex()
    return fmt.seal(header, zlib.compress(plain), recipient, keys.signing)


def target(name: str, keys: Keys) -> Callable[[bytes], None]:
    def bundle(data: bytes) -> None:
        with contextlib.suppress(UserError):
            fmt.open_payload(fmt.read_signed(data, keys.encryption), keys.encryption)

    def payload(data: bytes) -> None:
        count = data.count(b'"o"')  # a guess at the event count, so many inputs get past it
        try:
            signed = fmt.read_signed(seal(keys, data, count), keys.encryption)
            contents = fmt.open_payload(signed, keys.encryption)
        except UserError:
            return
        for raw in contents.events:
            with contextlib.suppress(InvalidEvent):
                EventRecord.from_wire(raw)

    def card(data: bytes) -> None:
        with contextlib.suppress(UserError):
            cards.parse(data.decode("utf-8", "replace"))

    def pairing_file(data: bytes) -> None:
        with contextlib.suppress(UserError):
            pairing._parse(data.decode("utf-8", "replace"))

    return {"bundle": bundle, "payload": payload, "card": card, "pairing": pairing_file}[name]


def main(argv: list[str]) -> None:
    split = argv.index("--") if "--" in argv else len(argv)
    ours, theirs = argv[:split], argv[split + 1 :]  # theirs: for libFuzzer
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=TARGETS, default="payload")
    parser.add_argument("corpus", nargs="?", type=Path, help="corpus folder (default: temporary)")
    args = parser.parse_args(ours)
    keys = Keys()
    with tempfile.TemporaryDirectory(prefix="noodpost-atheris-") as folder:
        seeds = make_seeds(Path(folder) / "scene", keys)
        corpus = args.corpus or Path(folder) / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        for n, seed in enumerate(seeds[args.target]):
            (corpus / f"seed-{n}").write_bytes(seed)
        print(f"atheris: target {args.target}, corpus {corpus}", flush=True)
        atheris.Setup([sys.argv[0], *theirs, str(corpus)], target(args.target, keys))
        atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv[1:])
