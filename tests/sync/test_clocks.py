"""Wrong clocks: one post a year behind, one ten years ahead — the hub still converges.

DESIGN §3.2: a remote HLC more than 24 hours ahead of local time is stored but not adopted, and
its post is flagged *klok verdacht*; causal order comes from ``(origin, seq)``, so wrong clocks
never stop the nodes from reaching the same state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sitekit import HUB_CODE, Site, build_site, introduce
from sqlalchemy import func, select

from noodpost.core.clock import FixedClock, to_ms
from noodpost.core.hlc import MAX_AHEAD_MS, unpack
from noodpost.services.alarms import AlarmsService
from noodpost.services.bulletins import BulletinsService
from noodpost.storage.models import Alarm, Bulletin, Event, Household, Node
from noodpost.sync.peers import PeerInfo

HUB_TIME = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
YEAR_BEHIND = HUB_TIME - timedelta(days=365)
TEN_YEARS_AHEAD = HUB_TIME + timedelta(days=3652)

Maker = Callable[..., tuple[Site, FixedClock]]


@pytest.fixture
def make_node(tmp_path: Path, sqlite_schema: Path) -> Iterator[Maker]:
    """``make_node("a", start, code=...)`` — a node with its own clock (a laptop's own time)."""
    made: list[Site] = []

    def make(folder: str, start: datetime, **kwargs: object) -> tuple[Site, FixedClock]:
        clock = FixedClock(start)
        kwargs.setdefault("schema", sqlite_schema)
        site = build_site(tmp_path / folder, clock, **kwargs)  # type: ignore[arg-type]
        made.append(site)
        return site, clock

    yield make
    for site in made:
        site.db.close()


def _hub_hlc_ms(hub: Site) -> int:
    with hub.db.read() as session:
        node = session.scalar(select(Node))
        assert node is not None
        return unpack(node.hlc)[0]


def _peer(hub: Site, code: str) -> PeerInfo:
    [peer] = [p for p in hub.sync.list_peers().peers if p.post_code == code]
    return peer


def test_wrong_clocks_still_converge_and_the_far_future_is_flagged_not_adopted(
    database_at: Callable[[], str | None], make_node: Maker, tmp_path: Path
) -> None:
    """The hub on SQLite and on PostgreSQL; the posts on SQLite."""
    hub, hub_clock = make_node("hub", HUB_TIME, role="hub", code=HUB_CODE, database=database_at())
    behind, behind_clock = make_node("behind", YEAR_BEHIND, code="GR-0014")
    ahead, ahead_clock = make_node("ahead", TEN_YEARS_AHEAD, code="GR-0015")
    pairing = tmp_path / "koppeling.json"
    hub.sync.export_pairing(pairing)
    stick = tmp_path / "stick"
    stick.mkdir()
    for post in (behind, ahead):
        post.sync.import_pairing(pairing)
        post.intake.register(size=2, name=f"Huishouden bij {post.ctx.node.post_code}")
        AlarmsService(post.ctx).raise_alarm("fire", "immediate", "keuken", persons=3)
        introduce(post, hub, stick)

    # The hub holds the ten-years-ahead events, yet its own clock stayed where it was.
    now_ms = to_ms(hub_clock.now())
    assert now_ms - MAX_AHEAD_MS <= _hub_hlc_ms(hub) <= now_ms
    with hub.db.read() as session:
        future = session.scalar(select(func.max(Event.hlc)).where(Event.origin == ahead.node_id))
    assert future is not None
    assert unpack(future)[0] == to_ms(TEN_YEARS_AHEAD)  # stored as sent

    flagged = _peer(hub, "GR-0015")
    assert flagged.clock_suspect
    assert "KLOK VERDACHT" in flagged.line
    assert not _peer(hub, "GR-0014").clock_suspect  # behind is not suspect: only far ahead
    assert "KLOK VERDACHT" not in _peer(hub, "GR-0014").line

    # The hub works on in its own time: a bulletin and acknowledgements, stamped with hub time.
    for clock in (hub_clock, behind_clock, ahead_clock):
        clock.advance(timedelta(minutes=15))
    BulletinsService(hub.ctx).publish("Verzamelpunt verplaatst", "Naar de sporthal.")
    hub_alarms = AlarmsService(hub.ctx)
    for alarm in hub_alarms.open_alarms():
        hub_alarms.mark_received(alarm.id)
        hub_alarms.acknowledge(alarm.id, "Operator Noord")
    with hub.db.read() as session:
        newest = session.scalar(select(func.max(Event.hlc)).where(Event.origin == hub.node_id))
    assert newest is not None
    assert unpack(newest)[0] == to_ms(hub_clock.now())

    # Two more courier rounds: everything reaches everyone.
    for _ in range(2):
        hub.sync.export_usb(stick)
        for post in (behind, ahead):
            post.sync.import_usb(stick)
            post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        for clock in (hub_clock, behind_clock, ahead_clock):
            clock.advance(timedelta(minutes=15))

    # What hub and post may both hold (DESIGN §3.8) is the same on both sides.
    for post in (behind, ahead):
        code = post.ctx.node.post_code
        assert post.shared_digest(code) == hub.shared_digest(code)
    for site, households in ((hub, 2), (behind, 1), (ahead, 1)):
        with site.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Household)) == households
            statuses = set(session.scalars(select(Alarm.status)))
            assert statuses == {"acknowledged"}
            assert session.scalar(select(Bulletin.title)) == "Verzamelpunt verplaatst"

    # Still flagged after more bundles, and the hub's clock still was not dragged along.
    assert _peer(hub, "GR-0015").clock_suspect
    assert not _peer(hub, "GR-0014").clock_suspect
    now_ms = to_ms(hub_clock.now())
    assert now_ms - MAX_AHEAD_MS <= _hub_hlc_ms(hub) <= now_ms
