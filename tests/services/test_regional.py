"""The hub's regional picture: two real posts whose bundles reach one hub database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from support import FAST_HASHER, make_node

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.ids import post_id
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.logbook import LogbookService
from noodpost.services.needs import NeedsService
from noodpost.services.regional import RegionalService, Shortage, hours_text
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import Post
from noodpost.sync.keys import create_keys
from noodpost.sync.service import SyncService


@dataclass
class Node:
    ctx: ServiceContext
    sync: SyncService

    def events(self) -> int:
        with self.ctx.read() as session:
            return count_events(session)


@dataclass
class Region:
    hub: Node
    a: Node
    b: Node
    stick: Path
    pairing: Path
    make: Callable[[str, str, str, str, int | None], Node]

    def carry(self, post: Node) -> None:
        post.sync.export_usb(self.stick)
        self.hub.sync.import_usb(self.stick)


@pytest.fixture
def region(tmp_path: Path, clock: FixedClock) -> Iterator[Region]:
    nodes: list[Node] = []

    def node(folder: str, role: str, code: str, name: str, capacity: int | None) -> Node:
        data_dir = tmp_path / folder
        db = make_node(data_dir, clock, role=role, code=code, name=name, capacity=capacity)
        create_keys(db, data_dir)
        ctx = ServiceContext(db, clock)
        made = Node(ctx, SyncService(db, clock, data_dir, announce=ctx.announce))
        nodes.append(made)
        return made

    hub = node("hub", "hub", "GR-9000", "C-NSP Groningen", None)
    a = node("a", "post", "GR-0014", "Dorpshuis Ten Boer", 80)
    b = node("b", "post", "GR-0015", "Sporthal Noord", 40)
    stick = tmp_path / "stick"
    stick.mkdir()
    pairing = tmp_path / "koppeling.json"
    hub.sync.export_pairing(pairing)
    made = Region(hub, a, b, stick, pairing, node)
    for post in (a, b):
        post.sync.import_pairing(pairing)
        made.carry(post)
        hub.sync.approve_post(post.ctx.node.post_code, post.sync.fingerprint)
    yield made
    for each in nodes:
        each.ctx.db.close()


def _household(post: Node, size: int) -> str:
    return IntakeService(post.ctx).register(size=size).household_id


def _fill_post_a(a: Node, clock: FixedClock) -> dict[str, str]:
    """Saturday: water delivered and handed out; Sunday (25 h later): a busy morning."""
    supplies = SuppliesService(a.ctx)
    supplies.record_delivery("water", 120, "gemeente")
    supplies.record_delivery("food_package", 40)
    early = _household(a, 3)
    supplies.hand_out(early, "water", 9)
    VisitsService(a.ctx).check_in(early)  # Saturday: not today any more on Sunday
    clock.advance(timedelta(hours=25))
    visits = VisitsService(a.ctx)
    for size in (3, 1):
        household = _household(a, size)
        visits.check_in(household)
        supplies.hand_out(household, "water", 3 * size)
    needs = NeedsService(a.ctx)
    needs.open_need("medical", "immediate", note="insuline")
    needs.open_need("food_water", "normal")
    needs.open_need("food_water", "high")
    done = needs.open_need("hygiene", "normal")
    needs.change_status(done.id, "done")
    alarm = AlarmsService(a.ctx).raise_alarm("ambulance", "immediate", "Zaal 2", persons=1)
    volunteers = VolunteersService(a.ctx, hasher=FAST_HASHER)
    anna = volunteers.add_volunteer("Anna Dijkstra", "coordinator", "2468")
    volunteers.sign_in(anna.id, "2468")
    volunteers.start_shift(anna.id, "balie")
    LogbookService(a.ctx).add("Aggregaat draait op reserve")
    return {"alarm": alarm.id}


def _close_post(post: Node) -> None:
    """The post's record says closed (as the post's own screen would write it)."""
    with post.ctx.write() as uow:
        row = uow.session.get(Post, post_id(post.ctx.node.post_code))
        assert row is not None
        uow.emit(
            "post",
            row.id,
            Op.UPDATE,
            {"is_open": False, "closed_at": post.ctx.now_iso(), BASE_KEY: row.updated_hlc},
        )


def test_one_row_per_post_with_what_the_hub_holds(region: Region, clock: FixedClock) -> None:
    _fill_post_a(region.a, clock)
    b_visitor = _household(region.b, 2)
    VisitsService(region.b.ctx).check_in(b_visitor)
    VisitsService(region.b.ctx).check_out(b_visitor)
    _close_post(region.b)
    region.carry(region.a)
    region.carry(region.b)

    rows = RegionalService(region.hub.ctx).posts()

    assert [r.post_code for r in rows] == ["GR-0014", "GR-0015"]
    a, b = rows
    assert (a.name, a.is_open, b.name, b.is_open) == (
        "Dorpshuis Ten Boer",
        True,
        "Sporthal Noord",
        False,
    )
    assert (a.last_channel, a.channel_label, a.clock_suspect) == ("usb", "USB", False)
    assert a.last_contact == region.hub.ctx.now_iso()
    assert (a.present, a.capacity, a.visitors_today, a.visits_today) == (7, 80, 4, 2)
    assert (b.present, b.capacity, b.visitors_today, b.visits_today) == (0, 40, 2, 1)
    assert [(n.category, n.urgency, n.count) for n in a.needs] == [
        ("medical", "immediate", 1),
        ("food_water", "high", 1),
        ("food_water", "normal", 1),
    ]
    assert (a.open_needs, a.urgent_needs) == (3, 1)
    assert a.needs_text == "medische zorg: 1 (1 spoed) · voedsel en water: 2 (1 hoog)"
    assert b.needs == ()
    assert b.needs_text == ""
    # Water: 120 in, 9 out on Saturday, 12 out in the last 24 h → 99 l at 0.5 l an hour.
    assert a.shortages == (Shortage("water", "Drinkwater", "l", 99.0, 200.0, 198.0),)
    assert a.shortages[0].text == "Drinkwater 99 l (minimum 200 l), nog ± 8 dagen"
    assert b.shortages == ()  # nothing ever stocked there
    assert (a.open_alarms, a.unacknowledged_alarms, b.open_alarms) == (1, 1, 0)
    assert (a.on_shift, b.on_shift) == (("Anna Dijkstra",), ())

    # Acknowledged, the alarm is still open but no longer waiting.
    [alarm] = AlarmsService(region.hub.ctx).unacknowledged()
    AlarmsService(region.hub.ctx).acknowledge(alarm.id, "Bakker")
    row = RegionalService(region.hub.ctx).post("GR-0014")
    assert (row.open_alarms, row.unacknowledged_alarms) == (1, 0)

    # A post sees only its own row, without a contact with itself.
    [own] = RegionalService(region.a.ctx).posts()
    assert (own.post_code, own.present, own.last_contact) == ("GR-0014", 7, None)


def test_a_post_waiting_for_approval_has_a_row_from_its_peer_record(region: Region) -> None:
    """Its bundle waits in quarantine: the name is known, nothing else is counted yet."""
    c = region.make("c", "post", "GR-0016", "Kerk Thesinge", 30)
    c.sync.import_pairing(region.pairing)
    region.carry(c)
    rows = {r.post_code: r for r in RegionalService(region.hub.ctx).posts()}
    assert set(rows) == {"GR-0014", "GR-0015", "GR-0016"}
    waiting = rows["GR-0016"]
    assert (waiting.name, waiting.is_open, waiting.capacity) == ("Kerk Thesinge", None, None)
    assert waiting.last_channel == "usb"


def test_detail_shows_the_post_and_only_its_logbook(region: Region, clock: FixedClock) -> None:
    ids = _fill_post_a(region.a, clock)
    LogbookService(region.b.ctx).add("Sporthal: dak lekt")
    region.carry(region.a)
    region.carry(region.b)

    detail = RegionalService(region.hub.ctx).detail("gr-0014")

    assert detail.row.post_code == "GR-0014"
    assert [a.id for a in detail.alarms] == [ids["alarm"]]
    texts = [line.text for line in detail.logbook]
    assert "Aggregaat draait op reserve" in texts
    assert "Levering: 120 l Drinkwater — gemeente" in texts
    assert "Noodmelding ambulance (spoed) gemaakt" in texts  # no post-code mark: its own
    assert "Dienst begonnen: Anna Dijkstra (balie)" in texts
    assert not any("Sporthal" in t for t in texts)
    assert [line.at for line in detail.logbook] == sorted(line.at for line in detail.logbook)


def test_unknown_posts_and_writing_a_posts_logbook_are_refused(region: Region) -> None:
    before = region.hub.events()
    with pytest.raises(NotFound, match="Post GR-0099 is hier niet bekend"):
        RegionalService(region.hub.ctx).detail("GR-0099")
    with pytest.raises(NotFound, match="niet bekend"):
        RegionalService(region.hub.ctx).post("GR-9000")  # the hub itself is not a post
    with pytest.raises(UserError, match="schrijft die post zelf"):
        LogbookService(region.hub.ctx).for_post("GR-0014").add("Iets")
    assert region.hub.events() == before


def test_arrivals_name_what_came_in_from_elsewhere(region: Region, clock: FixedClock) -> None:
    regional = RegionalService(region.hub.ctx)
    first = regional.arrivals()
    assert first.entities == frozenset()
    assert regional.arrivals(first.marker).entities == frozenset()

    LogbookService(region.hub.ctx).add("Eigen regel van de C-NSP")  # the hub's own write
    assert regional.arrivals(first.marker).entities == frozenset()

    AlarmsService(region.a.ctx).raise_alarm("fire", "high", "Keuken")
    region.carry(region.a)
    arrived = regional.arrivals(first.marker)
    assert arrived.entities == frozenset({"alarm"})
    assert regional.arrivals(arrived.marker).entities == frozenset()


def test_hours_text() -> None:
    assert [hours_text(h) for h in (0, 0.5, 6.4, 47, 100)] == [
        "op",
        "nog ± 30 min",
        "nog ± 6 uur",
        "nog ± 47 uur",
        "nog ± 4 dagen",
    ]
