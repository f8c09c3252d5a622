"""Convergence: a hub and three posts end up with the same state, whatever the stick did.

Under scope (DESIGN §3.8) "the same" means what both sides may hold: each post and the hub agree
on that post's records and the hub's records addressed to it; a post never holds another's.

- three posts and a hub over one shared stick, several rounds: equal shared state everywhere;
- any order and any repetition of a set of bundle files gives a fresh hub the same state;
- a lost stick: the next bundle makes the hub complete;
- no bundle on the stick ever shows a personal name in plain form, also when the hub relays.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit import HUB_CODE, Site, SiteFactory, build_site, craft, introduce
from sqlalchemy import func, select

from noodpost.core.authority import EVERY_POST
from noodpost.core.clock import FixedClock
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.bulletins import BulletinsService
from noodpost.services.supplies import SuppliesService
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import count_events, to_record
from noodpost.storage.models import Alarm, Bulletin, Household, Quarantine
from noodpost.storage.node import database_path
from noodpost.storage.streams import events_after
from noodpost.sync.exchange import ImportStatus
from noodpost.sync.keys import KEYS_DIR
from noodpost.sync.service import SyncService

#: Names registered at the posts; none may appear in a bundle's bytes.
NAMES = ("Grietje Bos", "Familie Mulder", "Henk de Vries", "Aaltje Smit", "Jan Bakker")


def desk_work(site: Site, name: str | None, size: int = 2) -> str:
    """A household registered, water handed out, and an alarm raised — through the services."""
    registered = site.intake.register(size=size, name=name, confirm_duplicate=True)
    SuppliesService(site.ctx).hand_out(registered.household_id, "water")
    AlarmsService(site.ctx).raise_alarm("ambulance", "immediate", "zaal 2", persons=1)
    return registered.household_id


def assert_no_plain_names(stick: Path) -> None:
    bundles = list(stick.rglob("*.npb"))
    assert bundles
    for path in bundles:
        raw = path.read_bytes()
        for name in NAMES:
            # The whole name and every part of five letters or more: shorter ones ("Bos")
            # turn up by chance in a few hundred kB of encrypted bytes.
            for text in (name, *(part for part in name.split() if len(part) >= 5)):
                for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                    assert text.encode(encoding) not in raw, f"{text!r} readable in {path.name}"


def clone(site: Site, folder: Path, clock: FixedClock) -> Site:
    """Another copy of a node (same identity and keys), as a second hub for comparison."""
    folder.mkdir()
    site.db.backup_to(database_path(folder))
    shutil.copytree(site.data_dir / KEYS_DIR, folder / KEYS_DIR)
    db = open_database(database_path(folder))
    return Site(folder, db, ServiceContext(db, clock), SyncService(db, clock, folder))


@pytest.fixture
def post_c(make_site: SiteFactory, pairing_file: Path) -> Site:
    site = make_site("c", code="GR-0016", name="Kerk De Hoeksteen")
    site.sync.import_pairing(pairing_file)
    return site


# ---------------------------------------------------------------- (a) three posts, one stick


def test_a_hub_and_three_posts_converge_over_several_rounds(
    hub: Site, post_a: Site, post_b: Site, post_c: Site, stick: Path, clock: FixedClock
) -> None:
    posts = (post_a, post_b, post_c)
    sites = (hub, *posts)
    names = iter(NAMES)

    def courier_round() -> None:
        """The courier visits every post, then the hub, then every post again."""
        for post in posts:
            post.sync.export_usb(stick)
        assert_no_plain_names(stick)
        hub.sync.import_usb(stick)
        clock.advance(timedelta(minutes=10))
        hub.sync.export_usb(stick)
        assert_no_plain_names(stick)  # each post's bundle back carries its own households
        for post in posts:
            assert post.sync.import_usb(stick).refused == ()
        clock.advance(timedelta(minutes=10))

    # Round 1: the desks are busy; the posts introduce themselves to the hub.
    desk_work(post_a, next(names), size=3)
    desk_work(post_b, next(names), size=5)
    desk_work(post_c, None)  # anonymously served
    for post in posts:
        introduce(post, hub, stick)
    bulletins = BulletinsService(hub.ctx)
    bulletin = bulletins.publish("Drinkwater bij de kerk", "Vanaf 14:00, neem flessen mee.")
    hub_alarms = AlarmsService(hub.ctx)
    for alarm in hub_alarms.open_alarms():
        hub_alarms.mark_received(alarm.id)
    courier_round()

    # Round 2: more desk work; the hub acknowledges A's alarm and changes its bulletin.
    with post_a.db.read() as session:
        alarm_a = session.scalar(select(Alarm.id).where(Alarm.post_code == "GR-0014"))
    assert alarm_a is not None
    hub_alarms.acknowledge(alarm_a, "Operator Noord")
    bulletins.update(bulletin.id, "Drinkwater bij de kerk", "Vanaf 15:00 (later dan gepland).")
    desk_work(post_b, next(names))
    desk_work(post_c, next(names), size=4)
    courier_round()

    # Round 3: the hub closes A's acknowledged alarm; B corrects a household; C serves another.
    hub_alarms.close(alarm_a, "Ambulance is geweest.")
    with post_b.db.read() as session:
        household_b = session.scalar(select(Household.id).where(Household.post_code == "GR-0015"))
    assert household_b is not None
    post_b.intake.update(household_b, size=6)
    desk_work(post_c, next(names))
    courier_round()

    # A last visit to the hub, so it learns that everyone holds everything.
    for post in posts:
        post.sync.export_usb(stick)
    hub.sync.import_usb(stick)

    assert [p.unacknowledged for p in hub.sync.list_peers().peers] == [0, 0, 0]
    with hub.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 6
        assert session.scalar(select(func.count()).select_from(Alarm)) == 6
    for post, households in zip(posts, (1, 2, 3), strict=True):
        code = post.ctx.node.post_code
        assert post.shared_digest(code) == hub.shared_digest(code), code
        assert post.origins() == {post.node_id, hub.node_id}
        assert [p.unacknowledged for p in post.sync.list_peers().peers] == [0]
        with post.db.read() as session:  # its own, and nothing of the other posts
            assert set(session.scalars(select(Household.post_code))) == {code}
            assert set(session.scalars(select(Alarm.post_code))) == {code}
            assert session.scalar(select(func.count()).select_from(Household)) == households
    for site in sites:
        with site.db.read() as session:
            assert session.scalar(select(Bulletin.version)) == 2
            assert session.scalar(select(func.count()).select_from(Quarantine)) == 0
    for site in (hub, post_a):
        with site.db.read() as session:
            assert session.scalar(select(Alarm.status).where(Alarm.id == alarm_a)) == "closed"
    for site in (hub, post_b):
        with site.db.read() as session:
            assert session.scalar(select(Household.size).where(Household.id == household_b)) == 6
    [shown] = BulletinsService(post_c.ctx).current()
    assert shown.body == "Vanaf 15:00 (later dan gepland)."


# ---------------------------------------------------------------- (b) any order, any repeats


@dataclass(frozen=True)
class BundleSet:
    """A hub as it was before any of ``bundles`` arrived, and the bundle files themselves."""

    template: Path  # a closed copy of the hub's folder (database and keys)
    bundles: tuple[Path, ...]
    clock: FixedClock
    digest: str  # after importing every bundle once, in the order they were made
    events: int


@pytest.fixture(scope="module")
def bundle_set(tmp_path_factory: pytest.TempPathFactory) -> BundleSet:
    """Seven bundles from three posts over three rounds, all addressed to one hub."""
    base = tmp_path_factory.mktemp("orders")
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    hub = build_site(base / "hub", clock, role="hub", code=HUB_CODE)
    pairing = base / "koppeling.json"
    hub.sync.export_pairing(pairing)
    posts: list[Site] = []
    for code in ("GR-0014", "GR-0015", "GR-0016"):
        post = build_site(base / code, clock, code=code)
        post.sync.import_pairing(pairing)
        posts.append(post)
    stick = base / "stick"
    stick.mkdir()
    for post in posts:
        introduce(post, hub, stick)
    template = base / "template"
    template.mkdir()
    hub.db.backup_to(database_path(template))
    shutil.copytree(hub.data_dir / KEYS_DIR, template / KEYS_DIR)

    bundles: list[Path] = []
    folder = base / "bundles"
    folder.mkdir()
    hub_alarms = AlarmsService(hub.ctx)

    def collect(post: Site) -> None:
        """A bundle for the hub; the hub reads it too, so later bundles carry only news."""
        data = post.sync.build_bundle(hub.node_id).data
        path = folder / f"{len(bundles):02d}-{post.ctx.node.post_code}.npb"
        path.write_bytes(data)
        bundles.append(path)
        hub.sync.import_bytes(data, channel="usb")

    a, b, c = posts
    desk_work(a, "Grietje Bos")
    desk_work(b, "Henk de Vries")
    collect(a)
    collect(b)
    for alarm in hub_alarms.open_alarms():
        hub_alarms.mark_received(alarm.id)
        hub_alarms.acknowledge(alarm.id, "Operator Noord")
    BulletinsService(hub.ctx).publish("Drinkwater bij de kerk", None)
    hub.sync.export_usb(stick)
    for post in posts:
        post.sync.import_usb(stick)
    clock.advance(timedelta(hours=1))
    at_a = AlarmsService(a.ctx)  # a lifecycle step of the post's own: raised, then withdrawn
    at_a.cancel(at_a.raise_alarm("fire", "high", "keuken").id, "Loos alarm")
    desk_work(b, "Jan Bakker")
    desk_work(c, "Aaltje Smit")
    collect(a)
    collect(b)
    collect(c)
    clock.advance(timedelta(hours=1))
    with a.db.read() as session:
        household = session.scalar(select(Household.id).where(Household.name == "Grietje Bos"))
    assert household is not None
    a.intake.update(household, size=7)  # a record edited after the first bundle carried it
    desk_work(c, None)
    collect(a)
    collect(c)
    for site in (hub, *posts):
        site.db.close()

    reference = base / "reference"
    shutil.copytree(template, reference)
    db = open_database(database_path(reference))
    sync = SyncService(db, clock, reference)
    for path in bundles:
        assert sync.import_usb(path).outcomes[0].status is ImportStatus.APPLIED
    with db.read() as session:
        quarantined = session.scalar(select(func.count()).select_from(Quarantine))
    assert quarantined == 0
    result = BundleSet(template, tuple(bundles), clock, *_digest_and_events(db))
    db.close()
    return result


def _digest_and_events(db: Database) -> tuple[str, int]:
    with db.read() as session:
        return state_digest(session), count_events(session)


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_any_order_and_repetition_of_bundles_gives_the_same_state(
    bundle_set: BundleSet, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    count = len(bundle_set.bundles)
    repeats = data.draw(st.lists(st.integers(0, count - 1), max_size=4), label="repeats")
    order = data.draw(st.permutations([*range(count), *repeats]), label="order")
    hub_dir = tmp_path_factory.mktemp("fresh-hub")
    shutil.rmtree(hub_dir)
    shutil.copytree(bundle_set.template, hub_dir)
    db = open_database(database_path(hub_dir))
    try:
        sync = SyncService(db, bundle_set.clock, hub_dir)
        statuses = [sync.import_usb(bundle_set.bundles[n]).outcomes[0].status for n in order]
        assert statuses.count(ImportStatus.DUPLICATE) == len(repeats)
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Quarantine)) == 0
        assert _digest_and_events(db) == (bundle_set.digest, bundle_set.events)
    finally:
        db.close()
    shutil.rmtree(hub_dir)


# ---------------------------------------------------------------- (c) a lost stick


@pytest.mark.sqlite_only  # clones the hub's file for comparison
def test_after_a_lost_stick_the_next_bundle_makes_the_hub_complete(
    paired: tuple[Site, Site], stick: Path, tmp_path: Path, clock: FixedClock
) -> None:
    hub, post = paired
    hub.sync.export_usb(stick)
    post.sync.import_usb(stick)
    lucky = clone(hub, tmp_path / "hub-with-both", clock)  # gets both sticks, for comparison
    try:
        desk_work(post, "Jan Bakker", size=4)
        first = post.sync.export_usb(stick).written[0].path
        kept = tmp_path / first.name
        shutil.copy(first, kept)
        first.unlink()  # the stick with bundle A fell in a puddle on the way
        clock.advance(timedelta(hours=2))
        AlarmsService(post.ctx).cancel(
            AlarmsService(post.ctx).open_alarms()[0].id, "Vals alarm: de bewoner is in orde."
        )
        desk_work(post, "Aaltje Smit")
        second = post.sync.export_usb(stick).written[0].path

        assert lucky.sync.import_usb(kept).outcomes[0].applied > 0
        lucky.sync.import_usb(second)
        assert hub.sync.import_usb(second).outcomes[0].status is ImportStatus.APPLIED
        assert hub.events() == lucky.events()
        assert hub.digest() == lucky.digest()
        code = post.ctx.node.post_code
        assert hub.shared_digest(code) == lucky.shared_digest(code) == post.shared_digest(code)
        with hub.db.read() as session:
            names = set(session.scalars(select(Household.name)))
        assert {"Jan Bakker", "Aaltje Smit"} <= names
    finally:
        lucky.db.close()


# ---------------------------------------------------------------- a poison event sent again


def test_a_poison_event_sent_again_is_quarantined_once(paired: tuple[Site, Site]) -> None:
    hub, post = paired
    post.intake.register(size=1)
    with post.db.read() as session:  # what the post may send (not the catalogue it was given)
        wire = [
            to_record(e).to_wire()
            for e in events_after(session, {})
            if e.audience != EVERY_POST and not e.secret
        ]
    # An event this hub cannot take (as from a newer Noodpost): held once in quarantine, and
    # acknowledged, so the post stops carrying it.
    poison = dict(wire[-1], s=wire[-1]["s"] + 1, e="spaceship")
    first = hub.sync.import_bytes(craft(post, hub, events=[*wire, poison]))
    again = hub.sync.import_bytes(craft(post, hub, events=[*wire, poison]))
    assert (first.quarantined, again.quarantined) == (1, 0)
    with hub.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Quarantine)) == 1
