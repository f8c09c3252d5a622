"""Bulletins: published by the hub only, versioned, withdrawn by tombstone, targeted at posts."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select
from support import origins_of

from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.services.base import ServiceContext
from noodpost.services.bulletins import BulletinsService
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import apply_remote, count_events, to_record
from noodpost.storage.models import Event
from noodpost.storage.node import require_node
from noodpost.storage.streams import events_after

HUB_CODE = "GR-9000"


@pytest.fixture
def hub(another_node: Callable[..., Database], clock: FixedClock) -> BulletinsService:
    hub_db = another_node("hub", role="hub", code=HUB_CODE, name="C-NSP Groningen")
    return BulletinsService(ServiceContext(hub_db, clock))


def hub_events(hub: BulletinsService) -> int:
    with hub.ctx.read() as session:
        return count_events(session)


def bulletin_events(hub: BulletinsService) -> list[tuple[str, dict[str, object]]]:
    with hub.ctx.read() as session:
        rows = session.execute(
            select(Event.op, Event.data).where(Event.entity == "bulletin").order_by(Event.seq)
        )
        return [(op, json.loads(data)) for op, data in rows]


def test_a_post_cannot_publish(ctx: ServiceContext, event_count: Callable[[], int]) -> None:
    before = event_count()
    with pytest.raises(Refused, match="C-NSP"):
        BulletinsService(ctx).publish("Water", "Drinkwater bij de sporthal.")
    assert event_count() == before


def test_publish_and_update_raise_the_version(hub: BulletinsService, clock: FixedClock) -> None:
    before = hub_events(hub)
    first = hub.publish(
        "Drinkwater",
        "Kraanwater eerst koken.",
        valid_until=clock.now() + timedelta(days=2),
    )
    assert hub_events(hub) == before + 1
    assert first.version == 1
    assert first.title == "Drinkwater"
    assert first.targets == ()
    assert first.published_at == "2026-11-28T09:00:00.000+00:00"
    assert first.valid_until == "2026-11-30T09:00:00.000+00:00"

    clock.advance(timedelta(hours=1))
    second = hub.update(first.id, "Drinkwater", "Kraanwater is weer veilig.")
    assert hub_events(hub) == before + 2
    assert second.version == 2
    assert second.body == "Kraanwater is weer veilig."
    assert second.valid_until is None
    assert second.published_at == first.published_at
    third = hub.update(first.id, "Drinkwater veilig", None)
    assert third.version == 3
    assert [b.title for b in hub.current()] == ["Drinkwater veilig"]

    # Every write carries the full bulletin with its version.
    events = bulletin_events(hub)
    assert [(op, data["version"]) for op, data in events] == [
        ("create", 1),
        ("update", 2),
        ("update", 3),
    ]
    assert all({"title", "body", "valid_until", "targets"} <= data.keys() for _, data in events)


def test_withdraw_hides_the_bulletin(hub: BulletinsService) -> None:
    bulletin = hub.publish("Stroom", "Opladen kan in de gymzaal.")
    before = hub_events(hub)
    hub.withdraw(bulletin.id)
    assert hub_events(hub) == before + 1
    assert bulletin_events(hub)[-1] == ("delete", {})
    assert hub.current() == []
    assert hub.list_bulletins() == []
    assert hub.get(bulletin.id).withdrawn
    assert [b.id for b in hub.list_bulletins(include_withdrawn=True)] == [bulletin.id]

    before = hub_events(hub)
    with pytest.raises(Refused, match="al ingetrokken"):
        hub.withdraw(bulletin.id)
    with pytest.raises(Refused, match="ingetrokken"):
        hub.update(bulletin.id, "Stroom", "Toch niet.")
    assert hub_events(hub) == before


def test_targeting(hub: BulletinsService, clock: FixedClock) -> None:
    everyone = hub.publish("Algemeen", "Voor iedereen.")
    clock.advance(timedelta(minutes=1))
    targeted = hub.publish("Alleen Ten Boer", "Extra water.", targets=["gr-0014 ", "GR-0014"])
    assert targeted.targets == ("GR-0014",)

    assert [b.id for b in hub.current("GR-0014")] == [targeted.id, everyone.id]
    assert [b.id for b in hub.current("GR-0015")] == [everyone.id]
    assert [b.id for b in hub.current()] == [targeted.id, everyone.id]  # the hub sees all


def test_expired_bulletin_is_not_current(hub: BulletinsService, clock: FixedClock) -> None:
    bulletin = hub.publish(
        "Vandaag", "Alleen vandaag.", valid_until=clock.now() + timedelta(hours=8)
    )
    assert [b.id for b in hub.current(now=clock.now() + timedelta(hours=7))] == [bulletin.id]
    assert hub.current(now=clock.now() + timedelta(hours=8)) == []
    clock.advance(timedelta(days=1))
    assert hub.current() == []
    assert [b.id for b in hub.list_bulletins()] == [bulletin.id]


def test_invalid_content_is_refused_and_nothing_written(
    hub: BulletinsService, clock: FixedClock
) -> None:
    before = hub_events(hub)
    with pytest.raises(UserError, match="titel"):
        hub.publish("  ", "tekst")
    with pytest.raises(UserError, match="verleden"):
        hub.publish("Oud", "tekst", valid_until=clock.now() - timedelta(minutes=1))
    with pytest.raises(UserError, match="GR-0014"):
        hub.publish("Fout", "tekst", targets=["Ten Boer"])
    with pytest.raises(UserError, match="te lang"):
        hub.publish("Lang", "x" * 4001)
    with pytest.raises(NotFound, match="niet bekend"):
        hub.update("00000000-0000-0000-0000-000000000000", "Titel", "tekst")
    assert hub_events(hub) == before


def test_a_post_sees_the_hubs_bulletins_meant_for_it(
    hub: BulletinsService, ctx: ServiceContext, clock: FixedClock
) -> None:
    mine = hub.publish("Ten Boer", "Voor GR-0014.", targets=["GR-0014"])
    hub.publish("Elders", "Voor GR-0015.", targets=["GR-0015"])
    hub.update(mine.id, "Ten Boer", "Bijgewerkt.", targets=["GR-0014"])

    with hub.ctx.read() as session:
        wire = [to_record(e).to_wire() for e in events_after(session, {}) if e.entity == "bulletin"]
    with ctx.db.write() as session:
        result = apply_remote(
            session, require_node(session), clock, wire, origins=origins_of(hub.ctx.db)
        )
    assert (result.applied, result.quarantined) == (len(wire), 0)

    post = BulletinsService(ctx)
    [shown] = post.current()
    assert (shown.id, shown.version, shown.body) == (mine.id, 2, "Bijgewerkt.")
