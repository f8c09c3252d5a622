"""What the Synchronisatie screen reads: last contact per channel, and the quarantine."""

from __future__ import annotations

from pathlib import Path

from sitekit import Site, craft

from noodpost.core.clock import FixedClock
from noodpost.storage.eventlog import to_record
from noodpost.storage.streams import events_after


def test_quarantine_lists_a_bundle_waiting_for_approval(
    hub: Site, post_a: Site, stick: Path
) -> None:
    assert hub.sync.quarantine().empty
    assert hub.sync.quarantine().summary == "Niets in quarantaine."
    post_a.sync.export_usb(stick)
    hub.sync.import_usb(stick)

    report = hub.sync.quarantine()
    assert [(b.sender_code, b.sender_name, b.reason) for b in report.bundles] == [
        ("GR-0014", "Dorpshuis Ten Boer", "afzender nog niet goedgekeurd")
    ]
    assert report.bundles[0].size > 0
    assert report.event_total == 0
    assert report.summary == "In quarantaine: 1 bundel wacht."

    hub.sync.approve_post("GR-0014", post_a.sync.fingerprint)
    assert hub.sync.quarantine().empty


def test_quarantine_lists_a_poison_event_with_its_reason(
    paired: tuple[Site, Site],
) -> None:
    hub, post = paired
    with post.db.read() as session:  # what the post sends its hub (not the seeded catalogue)
        wire = [to_record(e).to_wire() for e in events_after(session, {}) if e.audience != "*"]
    poison = dict(wire[-1], s=wire[-1]["s"] + 1, e="spaceship")
    hub.sync.import_bytes(craft(post, hub, events=[*wire, poison]))

    report = hub.sync.quarantine()
    assert report.bundles == ()
    assert report.event_total == 1
    [held] = report.events
    assert (held.origin_code, held.seq, held.entity) == ("GR-0014", poison["s"], "spaceship")
    assert held.reason
    assert report.summary == "In quarantaine: 1 wijziging apart gezet."


def test_last_received_per_channel(
    paired: tuple[Site, Site], stick: Path, clock: FixedClock
) -> None:
    hub, post = paired
    assert hub.sync.last_received()[post.node_id] == {"usb": hub.ctx.now_iso()}
    assert post.node_id not in post.sync.last_received()
    hub.sync.export_usb(stick)
    post.sync.import_usb(stick)
    assert post.sync.last_received() == {hub.node_id: {"usb": post.ctx.now_iso()}}
    # Over the network, the same bytes: the channel is recorded per bundle.
    post.sync.import_bytes(hub.sync.build_bundle(post.node_id).data, channel="network")
    assert set(post.sync.last_received()[hub.node_id]) == {"usb", "network"}
