"""Each post holds only its own people (DESIGN §3.8, AVG data minimisation).

A hub and three posts sync for several rounds — post A by stick, post B over HTTP, post C by
both in turn — while the desks register people, take messages and add volunteers. Afterwards
the database file *and* its write-ahead log of every post are searched byte for byte: no name
of another post's people, no PIN hash of another post's volunteers; the hub's files hold no PIN
hash of any post volunteer. And a post that finds another post's bundle on the stick can read
nothing from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitekit import Site, SiteFactory, introduce
from sqlalchemy import func, select
from support import FAST_HASHER

from noodpost.core.errors import UserError
from noodpost.hub.server import HubServer, make_app
from noodpost.services.alarms import AlarmsService
from noodpost.services.bulletins import BulletinsService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.models import Credential, Quarantine
from noodpost.storage.node import database_path
from noodpost.sync import bundle as fmt
from noodpost.sync.http import sync_now

#: Per post, names only its own desks ever type (rare enough to find by chance in no file).
PEOPLE = {
    "GR-0014": ("Zwaantje Aaldersz", "Quirijn Aaldersz", "Tjitske Wubbolts"),
    "GR-0015": ("Xaveria Bolhuijs", "Ynte Bolhuijs", "Gerbrich Feddema"),
    "GR-0016": ("Wiebrig Cnossen", "Ubbo Cnossen", "Hiske Ottema"),
}


@pytest.fixture
def hub_url(hub: Site) -> Iterator[str]:
    server = HubServer(make_app(hub.sync), port=0)
    server.start()
    yield server.url
    server.stop()


def _desk_work(site: Site, names: tuple[str, str, str], round_: int) -> None:
    """Registered with a relative, a need with a note, a safe-and-well message, a volunteer."""
    head, relative, messenger = names
    household = site.intake.register(
        size=2, name=f"{head} {round_}", birth_year=1950, confirm_duplicate=True
    ).household_id
    site.intake.add_person(household, name=f"{relative} {round_}", birth_year=1980)
    NeedsService(site.ctx).open_need("medical", "high", household, note=f"{head} insuline")
    MessagesService(site.ctx).record(f"{messenger} {round_}", "Wij zijn veilig", consent=True)
    vols = VolunteersService(site.ctx, hasher=FAST_HASHER)
    added = vols.add_volunteer(f"{messenger} vrijwilliger {round_}", "coordinator", f"{round_}848")
    vols.sign_in(added.id, f"{round_}848")  # the next round's volunteer is added by this one
    AlarmsService(site.ctx).raise_alarm("ambulance", "immediate", f"bij {head}", persons=1)


def _files(site: Site) -> bytes:
    """The database file and its write-ahead log as they are on disk (nothing checkpointed)."""
    path = database_path(site.data_dir)
    wal = path.with_name(path.name + "-wal")
    assert wal.exists()  # the recent writes are there, and searched too
    return path.read_bytes() + wal.read_bytes()


def _pin_hashes(site: Site) -> set[str]:
    with site.db.read() as session:
        return {h for h in session.scalars(select(Credential.pin_hash)) if h}


@pytest.mark.sqlite_only  # reads the hub's database file and its WAL
def test_after_rounds_over_stick_and_http_each_post_holds_only_its_own_people(
    hub: Site,
    make_site: SiteFactory,
    pairing_file: Path,
    stick: Path,
    hub_url: str,
) -> None:
    posts: dict[str, Site] = {}
    for folder, code in (("a", "GR-0014"), ("b", "GR-0015"), ("c", "GR-0016")):
        posts[code] = make_site(folder, code=code, name=f"Post {code}")
        posts[code].sync.import_pairing(pairing_file)
        first = VolunteersService(posts[code].ctx, hasher=FAST_HASHER)
        first.sign_in(first.add_volunteer(f"Coördinator {code}", "coordinator", "0848").id, "0848")
    a, b, c = posts.values()
    VolunteersService(hub.ctx, hasher=FAST_HASHER).add_volunteer(
        "Operator Noord", "coordinator", "7373"
    )
    introduce(a, hub, stick)
    introduce(c, hub, stick)
    assert sync_now(b.sync, hub_url).waiting
    hub.sync.approve_post("GR-0015", b.sync.fingerprint)

    hub_alarms = AlarmsService(hub.ctx)
    for round_ in range(1, 4):
        for code, site in posts.items():
            _desk_work(site, PEOPLE[code], round_)
        BulletinsService(hub.ctx).publish(f"Ronde {round_}", "Drinkwater bij de kerk.")
        by_stick = [a, c] if round_ % 2 else [a]
        by_http = [b] if round_ % 2 else [b, c]
        for site in by_stick:
            site.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        for site in by_http:
            sync_now(site.sync, hub_url)
        for alarm in hub_alarms.unacknowledged():
            hub_alarms.acknowledge(alarm.id, "Operator Noord")
        hub.sync.export_usb(stick)
        for site in by_stick:
            assert site.sync.import_usb(stick).refused == ()
        for site in by_http:
            sync_now(site.sync, hub_url)

    hub_files = _files(hub)
    for code, site in posts.items():
        mine = _files(site)
        assert PEOPLE[code][0].encode() in mine  # the search finds what is there
        assert hub_files.count(PEOPLE[code][0].encode()) > 0  # the hub has every post's
        for other, names in PEOPLE.items():
            if other == code:
                continue
            for name in names:
                assert name.encode("utf-8") not in mine, (code, name)
                assert name.encode("utf-16-le") not in mine, (code, name)
        own_pins = _pin_hashes(site)
        assert len(own_pins) == 4
        for hashed in own_pins:
            assert hashed.encode() not in hub_files
            for other in posts.values():
                if other is not site:
                    assert hashed.encode() not in _files(other)
        with site.db.read() as session:  # the hub's operators' PINs stay at the hub as well
            assert not set(_pin_hashes(hub)) & set(session.scalars(select(Credential.pin_hash)))
    # Meanwhile the work got done: every alarm reached the hub, every acknowledgement its post;
    # and the hub sent each post only what it may hold: nothing had to be refused.
    for site in posts.values():
        assert AlarmsService(site.ctx).unacknowledged_count() == 0
        assert [p.refused for p in site.sync.list_peers().peers] == [0]
        with site.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Quarantine)) == 0


def test_another_posts_bundle_on_the_stick_reveals_nothing(
    hub: Site, post_a: Site, post_b: Site, stick: Path
) -> None:
    introduce(post_a, hub, stick)
    introduce(post_b, hub, stick)
    post_b.intake.register(size=1, name=PEOPLE["GR-0015"][0])
    post_b.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    written = hub.sync.export_usb(stick).written
    [for_b] = [w.path for w in written if w.recipient_code == "GR-0015"]
    data = for_b.read_bytes()
    before = post_a.snapshot()

    with pytest.raises(UserError):  # as a bundle: not addressed to A
        post_a.sync.import_bytes(data, channel="usb")
    with pytest.raises(UserError, match="niet worden geopend"):  # and A's key opens nothing in it
        fmt.read_signed(data, post_a.sync.keys.encryption)  # not even its header
    assert post_a.snapshot() == before
    post_a.sync.import_usb(stick)  # the courier's stick, whole: A takes only its own
    assert PEOPLE["GR-0015"][0].encode() not in _files(post_a)
    assert for_b.read_bytes() == data  # left on the stick for B
