"""Importing bundles: applied once, refused with a Dutch message and nothing changed otherwise."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from nacl.public import SealedBox
from sitekit import Site, SiteFactory, craft, introduce, party, publish_bulletin
from sqlalchemy import func, select

from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.events import EVENT_SCHEMA_VERSION, canonical_json
from noodpost.storage.eventlog import to_record
from noodpost.storage.models import Household, Peer, PendingBundle, Quarantine, ReceivedBundle
from noodpost.storage.streams import events_after
from noodpost.sync import bundle as fmt
from noodpost.sync.exchange import ImportStatus
from noodpost.sync.peers import record_acknowledgement


def test_a_new_posts_bundle_waits_in_quarantine_until_approved(
    hub: Site, post_a: Site, stick: Path
) -> None:
    post_a.intake.register(size=3, name="Grietje Bos")
    post_a.sync.export_usb(stick)
    before = hub.events()
    with pytest.raises(UserError, match="nog geen goedgekeurde"):
        hub.sync.export_usb(stick)  # nothing is sent to a post nobody approved

    result = hub.sync.import_usb(stick)
    assert "wacht op goedkeuring: GR-0014" in result.summary
    assert hub.events() == before
    [listed] = hub.sync.list_peers().peers
    assert (listed.post_code, listed.approved, listed.pending_bundles) == ("GR-0014", False, 1)
    assert listed.fingerprint == post_a.sync.fingerprint  # what the operator compares
    assert "wacht op goedkeuring" in listed.line
    again = hub.sync.import_usb(stick)  # the same stick again: still just waiting
    assert again.outcomes[0].status is ImportStatus.QUARANTINED
    assert hub.events() == before

    approval = hub.sync.approve_post("gr-0014", post_a.sync.fingerprint)
    assert approval.bundles == 1
    assert approval.applied == post_a.for_hub()
    assert "GR-0014 goedgekeurd" in approval.summary
    assert hub.digest(["household"]) == post_a.digest(["household"])
    with hub.db.read() as session:
        assert session.scalar(select(func.count()).select_from(PendingBundle)) == 0
    assert hub.sync.approve_post("GR-0014").already


def test_importing_the_same_bundle_twice_changes_nothing(
    paired: tuple[Site, Site], stick: Path
) -> None:
    hub, post = paired
    post.intake.register(size=2)
    data = post.sync.build_bundle(hub.node_id).data
    first = hub.sync.import_bytes(data, channel="usb")
    assert first.applied == 1
    before = hub.snapshot()
    again = hub.sync.import_bytes(data, channel="usb")
    assert again.status is ImportStatus.DUPLICATE
    assert "al ingelezen" in again.summary
    assert hub.snapshot() == before


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[:-1], id="last-byte-missing"),
        pytest.param(lambda b: b[: len(b) // 2], id="half"),
        pytest.param(lambda b: b[:7], id="only-the-start"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b + b"\0", id="trailing-byte"),
        pytest.param(lambda b: b"PK\x03\x04" + b[4:], id="not-a-bundle"),
        pytest.param(lambda b: _flip(b, 20), id="flip-in-header"),
        pytest.param(lambda b: _flip(b, len(b) // 2), id="flip-in-payload"),
        pytest.param(lambda b: _flip(b, len(b) - 70), id="flip-before-signature"),
        pytest.param(lambda b: _flip(b, len(b) - 1), id="flip-in-signature"),
        pytest.param(lambda b: _flip(b, 9), id="flip-in-header-length"),
    ],
)
def test_a_damaged_bundle_is_refused_and_nothing_changes(
    paired: tuple[Site, Site], damage: object
) -> None:
    hub, post = paired
    post.intake.register(size=3, name="Grietje Bos")
    data = post.sync.build_bundle(hub.node_id).data
    before = hub.snapshot()
    with pytest.raises(UserError, match="beschadigd of onvolledig"):
        hub.sync.import_bytes(damage(data))  # type: ignore[operator]
    assert hub.snapshot() == before
    assert hub.sync.import_bytes(data).applied == 1  # the intact bundle still applies


def _flip(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x40]) + data[position + 1 :]


def test_a_bundle_from_a_newer_noodpost_is_refused(paired: tuple[Site, Site]) -> None:
    hub, post = paired
    data = bytearray(post.sync.build_bundle(hub.node_id).data)
    data[4:6] = (fmt.FORMAT_VERSION + 1).to_bytes(2, "big")
    before = hub.snapshot()
    with pytest.raises(UserError, match="nieuwere versie van Noodpost"):
        hub.sync.import_bytes(bytes(data))
    newer_events = craft(post, hub, event_schema=EVENT_SCHEMA_VERSION + 1)
    with pytest.raises(UserError, match="nieuwere versie van Noodpost"):
        hub.sync.import_bytes(newer_events)
    assert hub.snapshot() == before


def test_a_bundle_for_another_post_is_refused(
    paired: tuple[Site, Site], post_b: Site, stick: Path
) -> None:
    hub, post_a = paired
    introduce(post_b, hub, stick)
    data = hub.sync.build_bundle(post_a.node_id).data
    before = post_b.snapshot()
    # Which post it is for is sealed to that post: B can say only that it is not B's.
    with pytest.raises(Refused, match=r"voor een andere post of C-NSP, niet voor GR-0015\."):
        post_b.sync.import_bytes(data)
    assert post_b.snapshot() == before


def test_training_and_real_bundles_are_refused_both_ways(
    paired: tuple[Site, Site], make_site: SiteFactory
) -> None:
    hub, post = paired
    training_post = make_site("oefen", code="GR-0016", training=True)
    before = hub.snapshot()
    with pytest.raises(Refused, match="oefenbundel"):
        hub.sync.import_bytes(craft(training_post, hub))
    assert hub.snapshot() == before

    training_hub = make_site("oefenhub", role="hub", code="GR-9001", training=True)
    before = training_hub.snapshot()
    with pytest.raises(Refused, match="echte gegevens, maar dit noodsteunpunt staat in oefenmodus"):
        training_hub.sync.import_bytes(craft(post, training_hub))
    assert training_hub.snapshot() == before


def test_a_post_refuses_bundles_from_a_hub_it_is_not_paired_with(
    post_a: Site, make_site: SiteFactory
) -> None:
    stranger = make_site("hub2", role="hub", code="GR-9001")
    publish_bulletin(stranger, "Water bij de kerk")
    data = craft(stranger, post_a)
    before = post_a.snapshot()
    with pytest.raises(Refused, match="niet gekoppeld"):
        post_a.sync.import_bytes(data)
    assert post_a.snapshot() == before


def test_a_hub_refuses_another_hub(hub: Site, make_site: SiteFactory) -> None:
    other = make_site("hub2", role="hub", code="GR-9001")
    before = hub.snapshot()
    with pytest.raises(Refused, match="ander C-NSP"):
        hub.sync.import_bytes(craft(other, hub))
    assert hub.snapshot() == before


def test_a_bundle_forged_in_a_known_posts_name_is_refused(
    paired: tuple[Site, Site], make_site: SiteFactory
) -> None:
    hub, post = paired
    impostor = make_site("nep", code="GR-0014")
    forged_sender = replace(
        party(post),
        signing_public_key=impostor.sync.keys.signing_public_hex,
        encryption_public_key=impostor.sync.keys.encryption_public_hex,
    )
    data = craft(impostor, hub, sender=forged_sender)
    before = hub.snapshot()
    with pytest.raises(Refused, match="andere sleutels"):
        hub.sync.import_bytes(data)
    assert hub.snapshot() == before


def test_a_bundle_sealed_to_another_key_is_refused(
    paired: tuple[Site, Site], make_site: SiteFactory
) -> None:
    hub, post = paired
    other = make_site("ander", code="GR-0017")
    data = craft(post, hub, recipient_encryption_key=other.sync.keys.encryption_public_hex)
    before = hub.snapshot()
    # The header names the hub, but is sealed to the other key: the hub sees only that key.
    with pytest.raises(Refused, match="voor een andere post of C-NSP, niet voor GR-9000"):
        hub.sync.import_bytes(data)
    assert hub.snapshot() == before


def test_a_nodes_own_bundle_is_not_imported_back(paired: tuple[Site, Site]) -> None:
    hub, post = paired
    data = post.sync.build_bundle(hub.node_id).data
    before = post.snapshot()
    with pytest.raises(Refused, match="zelf gemaakt"):
        post.sync.import_bytes(data)
    assert post.snapshot() == before


def test_a_poison_event_is_quarantined_and_the_rest_applies(paired: tuple[Site, Site]) -> None:
    hub, post = paired
    post.intake.register(size=1)
    with post.db.read() as session:  # what the post sends its hub (not the seeded catalogue)
        wire = [to_record(e).to_wire() for e in events_after(session, {}) if e.audience != "*"]
    poison = dict(wire[-1], s=wire[-1]["s"] + 1, e="spaceship")
    data = craft(post, hub, events=[*wire, poison])
    outcome = hub.sync.import_bytes(data)
    # Everything but the new registration arrived when the hub approved the post.
    assert (outcome.applied, outcome.present, outcome.quarantined) == (1, len(wire) - 1, 1)
    with hub.db.read() as session:
        held = session.scalar(select(Quarantine.bundle_id))
        assert held == outcome.bundle_id
        assert session.get(ReceivedBundle, outcome.bundle_id) is not None


def test_no_personal_data_travels_in_plain_form(paired: tuple[Site, Site], stick: Path) -> None:
    hub, post = paired
    post.intake.register(size=3, name="Grietje Bos", birth_year=1948, postcode="9791 AB")
    written = post.sync.export_usb(stick).written[0]
    raw = written.path.read_bytes()
    for secret in ("Grietje", "Bos", "9791"):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert secret.encode(encoding) not in raw
    header = fmt.read_signed(raw, hub.sync.keys.encryption).header
    assert header.event_count > 0
    assert json.dumps(header.to_json()).find("Grietje") == -1
    hub.sync.import_usb(written.path)
    with hub.db.read() as session:
        assert session.scalar(select(Household.name)) == "Grietje Bos"  # yet it arrived


def test_a_post_whose_clock_runs_ahead_is_flagged(
    paired: tuple[Site, Site], clock: FixedClock
) -> None:
    hub, post = paired
    clock.advance(timedelta(days=2))
    post.intake.register(size=1)  # written while the post's clock is two days ahead
    data = post.sync.build_bundle(hub.node_id).data
    clock.advance(timedelta(days=-2))
    hub.sync.import_bytes(data)
    [listed] = hub.sync.list_peers().peers
    assert listed.clock_suspect
    assert "KLOK VERDACHT" in listed.line


def test_approval_errors_say_what_to_do(hub: Site, post_a: Site, make_site: SiteFactory) -> None:
    with pytest.raises(NotFound, match="nog geen post GR-0014"):
        hub.sync.approve_post("GR-0014")
    with pytest.raises(Refused, match="Alleen een C-NSP"):
        post_a.sync.approve_post("GR-0014")
    with pytest.raises(UserError, match="klopt niet"):
        hub.sync.approve_post("GR-14")


def test_two_laptops_of_one_post_are_approved_one_by_one(
    hub: Site, post_a: Site, make_site: SiteFactory, pairing_file: Path, stick: Path
) -> None:
    second = make_site("a2", code="GR-0014", name="Dorpshuis Ten Boer (laptop 2)")
    second.sync.import_pairing(pairing_file)
    post_a.sync.export_usb(stick)
    second.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    before = hub.snapshot()
    with pytest.raises(Refused, match="Er wachten 2 laptops"):
        hub.sync.approve_post("GR-0014")
    with pytest.raises(NotFound, match="vingerafdruk"):
        hub.sync.approve_post("GR-0014", "0000-0000-0000-0000")
    assert hub.snapshot() == before
    hub.sync.approve_post("GR-0014", second.sync.fingerprint.replace("-", "").lower())
    states = {p.fingerprint: p.approved for p in hub.sync.list_peers().peers}
    assert states == {second.sync.fingerprint: True, post_a.sync.fingerprint: False}
    # The hub now writes into GR-0014's inbox; each laptop reads only its own bundle.
    hub.sync.export_usb(stick)
    result = post_a.sync.import_usb(stick)
    assert (result.bundles, result.skipped) == (0, 1)
    assert second.sync.import_usb(stick).outcomes[0].applied > 0


def test_acknowledgements_merge_within_an_incarnation_and_restart_after_a_restore() -> None:
    peer = Peer(acked_vector=[], acked_incarnation=None)
    record_acknowledgement(peer, {("a", "i1"): 5, ("h", "x"): 3}, "inc1")
    record_acknowledgement(peer, {("a", "i1"): 4}, "inc1")  # an older stick read later
    assert peer.acked_vector == [["a", "i1", 5], ["h", "x", 3]]
    record_acknowledgement(peer, {("a", "i1"): 2}, "inc2")  # the peer was restored
    assert peer.acked_vector == [["a", "i1", 2]]


def test_a_format_3_bundle_from_an_old_stick_is_still_imported(paired: tuple[Site, Site]) -> None:
    """Format 3 (a plain, signed header) as the version before format 4 wrote it."""
    hub, post = paired
    post.intake.register(size=2, name="Familie Mulder")
    key = hub.sync.keys.encryption
    signed = fmt.read_signed(post.sync.build_bundle(hub.node_id).data, key)
    contents = fmt.open_payload(signed, key)
    compressed, _plain = fmt._compress_payload(contents.events, contents.vector, contents.covers)
    payload = SealedBox(key.public_key).encrypt(compressed)
    header = replace(
        signed.header,
        format=3,
        plain_length=None,
        payload_length=len(payload),
        payload_sha256=hashlib.sha256(payload).hexdigest(),
    )
    header_bytes = canonical_json(header.to_json()).encode("utf-8")
    framed = fmt._PREFIX.pack(fmt.MAGIC, 3, len(header_bytes)) + header_bytes + payload
    old = framed + post.sync.keys.signing.sign(framed).signature
    assert b"GR-0014" in old  # the plain header of old: what format 4 no longer shows

    outcome = hub.sync.import_bytes(old, channel="usb")

    assert outcome.status is ImportStatus.APPLIED
    assert outcome.applied > 0
    assert outcome.applied + outcome.present == len(contents.events)
    with hub.db.read() as session:
        assert session.scalar(select(Household.name)) == "Familie Mulder"
