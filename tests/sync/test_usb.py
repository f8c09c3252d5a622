"""USB: a hub and two posts converge over one stick; a lost stick loses nothing; no partials."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sitekit import Site, SiteFactory, publish_bulletin, raise_alarm
from sqlalchemy import select

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.storage.models import Alarm, Bulletin, Event, Household
from noodpost.sync.files import write_atomically
from noodpost.sync.usb import INBOX, OUTBOX, ROOT_FOLDER


def test_a_hub_and_two_posts_converge_over_one_stick(
    hub: Site, post_a: Site, post_b: Site, stick: Path, clock: FixedClock
) -> None:
    post_a.intake.register(size=3, name="Grietje Bos", birth_year=1948)
    post_a.intake.register(size=1)
    alarm_a = raise_alarm(post_a)
    post_b.intake.register(size=5, name="Familie Mulder")
    raise_alarm(post_b, persons=1)

    # The courier visits A and B, then the hub, which approves both posts.
    # Its own records, not the catalogue it was set up with (that is the hub's to send).
    assert f"GR-9000 ({post_a.for_hub()} wijzigingen)" in post_a.sync.export_usb(stick).summary
    assert post_a.for_hub() == 4  # the post record, two households, the alarm
    post_b.sync.export_usb(stick)
    assert (stick / ROOT_FOLDER / "GR-0014" / OUTBOX).is_dir()
    arrived = hub.sync.import_usb(stick)
    assert "wacht op goedkeuring: GR-0014, GR-0015" in arrived.summary
    hub.sync.approve_post("GR-0014", post_a.sync.fingerprint)
    hub.sync.approve_post("GR-0015", post_b.sync.fingerprint)

    # The hub answers: a bulletin for everyone, and it acknowledges A's alarm.
    clock.advance(timedelta(minutes=5))
    publish_bulletin(hub, "Drinkwater bij de kerk vanaf 14:00")
    with hub.ctx.write() as uow:
        uow.emit("alarm", alarm_a, Op.STATUS, {"status": "acknowledged"})
    exported = hub.sync.export_usb(stick)
    assert sorted(w.recipient_code for w in exported.written) == ["GR-0014", "GR-0015"]
    assert (stick / ROOT_FOLDER / "GR-0015" / INBOX).is_dir()

    # Back at the posts: each reads its own inbox (and never another post's data).
    result_a = post_a.sync.import_usb(stick)
    result_b = post_b.sync.import_usb(stick)
    assert result_a.summary.startswith("1 bundel: ")
    assert result_b.outcomes[0].applied > 0

    # A last round, so the hub hears what the posts now hold.
    post_a.sync.export_usb(stick)
    post_b.sync.export_usb(stick)
    hub.sync.import_usb(stick)

    # What the hub and each post may both hold is the same, row by row (DESIGN §3.8).
    for post in (post_a, post_b):
        code = post.ctx.node.post_code
        assert post.shared_digest(code) == hub.shared_digest(code)
    assert post_a.origins() == {post_a.node_id, hub.node_id}
    assert post_b.origins() == {post_b.node_id, hub.node_id}
    with post_a.db.read() as session:
        assert session.scalar(select(Alarm.status).where(Alarm.id == alarm_a)) == "acknowledged"
    with post_b.db.read() as session:
        assert session.scalar(select(Alarm.id).where(Alarm.id == alarm_a)) is None
        assert session.scalar(select(Bulletin.title)) == "Drinkwater bij de kerk vanaf 14:00"
        assert set(session.scalars(select(Household.name))) == {"Familie Mulder"}
    with hub.db.read() as session:
        names = set(session.scalars(select(Household.name)))
        assert {"Grietje Bos", "Familie Mulder"} <= names

    # Everything is acknowledged: the next bundles carry nothing but the vector.
    again = hub.sync.export_usb(stick)
    assert [w.events for w in again.written] == [0, 0]
    assert again.replaced == 2  # the older bundles in the inboxes were superseded
    assert [p.unacknowledged for p in hub.sync.list_peers().peers] == [0, 0]


def test_a_lost_stick_loses_nothing(paired: tuple[Site, Site], stick: Path) -> None:
    hub, post = paired
    hub.sync.export_usb(stick)
    post.sync.import_usb(stick)  # the post now knows what the hub holds
    assert post.sync.list_peers().peers[0].unacknowledged == 0
    post.intake.register(size=2, name="Jan Bakker")
    lost = post.sync.export_usb(stick).written[0].path
    lost.unlink()  # the stick fell in a puddle
    post.intake.register(size=4)
    raise_alarm(post)
    later = post.sync.export_usb(stick).written[0]
    assert later.events == 3  # the lost bundle's registration travels again
    hub.sync.import_usb(stick)
    with hub.db.read() as session:
        held = len(session.scalars(select(Event.seq).where(Event.origin == post.node_id)).all())
    assert held == post.for_hub()
    assert hub.digest(["household", "alarm"]) == post.digest(["household", "alarm"])


def test_a_partial_file_is_never_imported(paired: tuple[Site, Site], stick: Path) -> None:
    hub, post = paired
    post.intake.register(size=2)
    written = post.sync.export_usb(stick).written[0].path
    partial = written.with_name(written.name + ".partial")
    written.rename(partial)  # as if the stick was pulled before the rename
    before = hub.snapshot()
    assert hub.sync.import_usb(stick).summary.startswith("Geen bundels gevonden")
    with pytest.raises(UserError, match="onvolledig bestand"):
        hub.sync.import_usb(partial)
    assert hub.snapshot() == before


def test_an_interrupted_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "NOODPOST" / "x.npb"

    def pulled_stick(_raw: bytes) -> None:
        raise OSError(5, "Input/output error")

    with pytest.raises(UserError, match=r"Schrijven naar .* is mislukt"):
        write_atomically(target, b"bundle bytes", verify=pulled_stick)
    assert list(target.parent.iterdir()) == []


def test_a_refused_file_on_the_stick_does_not_stop_the_others(
    paired: tuple[Site, Site], stick: Path
) -> None:
    hub, post = paired
    post.intake.register(size=2)
    good = post.sync.export_usb(stick).written[0].path
    damaged = good.with_name("00000000T000000Z-kapot.npb")
    damaged.write_bytes(good.read_bytes()[:-10])
    result = hub.sync.import_usb(stick)
    assert result.summary.startswith("2 bundels: 1 toegepast")
    assert "1 geweigerd" in result.summary
    assert "beschadigd of onvolledig" in result.lines[0]


def test_a_single_refused_file_raises(paired: tuple[Site, Site], tmp_path: Path) -> None:
    hub, _ = paired
    junk = tmp_path / "vakantiefoto.npb"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a bundle at all")
    before = hub.snapshot()
    with pytest.raises(UserError, match="beschadigd of onvolledig"):
        hub.sync.import_usb(junk)
    assert hub.snapshot() == before


def test_a_plain_folder_of_bundles_is_read_too(paired: tuple[Site, Site], tmp_path: Path) -> None:
    hub, post = paired
    post.intake.register(size=2)
    loose = tmp_path / "mail"
    loose.mkdir()
    data = post.sync.build_bundle(hub.node_id).data
    (loose / "van-gr-0014.npb").write_bytes(data)
    assert hub.sync.import_usb(loose).outcomes[0].applied == 1


def test_missing_stick_and_missing_pairing_say_what_to_do(
    hub: Site, post_a: Site, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="Is de USB-stick aangesloten"):
        post_a.sync.export_usb(tmp_path / "E:")
    with pytest.raises(UserError, match="bestaat niet"):
        post_a.sync.import_usb(tmp_path / "nergens")
    with pytest.raises(UserError, match="nog geen goedgekeurde"):
        hub.sync.export_usb(tmp_path)


def test_a_post_without_pairing_cannot_export(make_site: SiteFactory, stick: Path) -> None:
    post = make_site("alleen")
    with pytest.raises(UserError, match="nog niet gekoppeld"):
        post.sync.export_usb(stick)
    assert not (stick / ROOT_FOLDER).exists()
