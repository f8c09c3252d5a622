"""At the C-NSP an alarm is acknowledged in one step, whatever the post marked before; the
hub's steps are the hub's alone, and a post's alarm is the post's alone (DESIGN §3.8)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import Carry, exactly

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import Refused
from noodpost.core.ids import new_id
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.storage.eventlog import count_events


def _arrived(post: ServiceContext, hub: ServiceContext, to_hub: Carry, status: str | None) -> str:
    """A post's alarm, raised at the post and brought to the hub by sync; ``sent`` is marked at
    the post before it travels, ``received`` at the hub when it arrives."""
    at_post = AlarmsService(post)
    alarm_id = at_post.raise_alarm("fire", "high", "Keuken").id
    if status == "sent":
        at_post.mark_sent(alarm_id)
    to_hub()
    if status == "received":
        AlarmsService(hub).mark_received(alarm_id)
    return alarm_id


def _events(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return count_events(session)


@pytest.mark.parametrize("status", [None, "sent", "received"])
def test_the_hub_acknowledges_open_sent_or_received_in_one_event(
    ctx: ServiceContext, hub: ServiceContext, to_hub: Carry, clock: FixedClock, status: str | None
) -> None:
    alarms = AlarmsService(hub)
    alarm_id = _arrived(ctx, hub, to_hub, status)
    before = _events(hub)
    clock.advance(timedelta(minutes=2))

    done = alarms.acknowledge(alarm_id, "Bakker", "Brandweer onderweg")

    assert _events(hub) == before + 1
    assert (done.status, done.acknowledged_by, done.acknowledged_at, done.status_note) == (
        "acknowledged",
        "Bakker",
        "2026-11-28T09:02:00.000+00:00",
        "Brandweer onderweg",
    )
    assert [s.status for s in alarms.history(alarm_id)][-1] == "acknowledged"
    assert alarms.unacknowledged() == []


def test_the_hub_does_not_acknowledge_twice(
    ctx: ServiceContext, hub: ServiceContext, to_hub: Carry
) -> None:
    alarms = AlarmsService(hub)
    alarm_id = _arrived(ctx, hub, to_hub, None)
    alarms.acknowledge(alarm_id, "Bakker")
    before = _events(hub)
    with pytest.raises(Refused, match="Deze noodmelding is al bevestigd"):
        alarms.acknowledge(alarm_id, "Jansen")
    assert _events(hub) == before
    assert alarms.alarm(alarm_id).acknowledged_by == "Bakker"


def test_a_post_still_cannot_skip_received(
    ctx: ServiceContext, event_count: Callable[[], int]
) -> None:
    alarms = AlarmsService(ctx)
    alarm = alarms.raise_alarm("fire", "high", "Keuken")
    before = event_count()
    with pytest.raises(Refused, match="kan niet direct naar bevestigd"):
        alarms.acknowledge(alarm.id, "Bakker")
    assert event_count() == before


def test_a_post_cannot_take_the_hubs_steps_on_its_own_alarm(
    ctx: ServiceContext, hub: ServiceContext, to_hub: Carry, to_post: Carry
) -> None:
    alarms = AlarmsService(ctx)
    alarm = alarms.raise_alarm("fire", "high", "Keuken")
    before = _events(ctx)
    with pytest.raises(
        Refused,
        match=exactly(
            "Dit mag deze post niet: "
            "GR-0014 mag niet een noodmelding op 'ontvangen' zetten van GR-0014."
        ),
    ):
        alarms.mark_received(alarm.id)
    assert _events(ctx) == before
    assert alarms.alarm(alarm.id) == alarm

    to_hub()
    AlarmsService(hub).mark_received(alarm.id)
    to_post()
    received = alarms.alarm(alarm.id)
    assert received.status == "received"
    before = _events(ctx)
    with pytest.raises(Refused, match="GR-0014 mag niet een noodmelding op 'bevestigd' zetten"):
        alarms.acknowledge(alarm.id, "Bakker")
    assert _events(ctx) == before
    assert alarms.alarm(alarm.id) == received


def test_the_hub_cannot_raise_an_alarm_for_a_post(hub: ServiceContext) -> None:
    """Only a post raises its alarms; written at the hub it is refused and nothing is kept."""
    before = _events(hub)
    with (
        pytest.raises(
            Refused,
            match=exactly(
                "Dit mag deze C-NSP niet: de C-NSP mag niet een noodmelding aanmaken van GR-0014."
            ),
        ),
        hub.write() as uow,
    ):
        uow.emit(
            "alarm",
            new_id(),
            Op.CREATE,
            {"post_code": "GR-0014", "type": "fire", "urgency": "high", "location": "Keuken"},
        )
    assert _events(hub) == before
    assert AlarmsService(hub).alarm_ids() == []


def test_escalation_counts_from_when_it_was_raised(
    ctx: ServiceContext, hub: ServiceContext, to_hub: Carry, clock: FixedClock
) -> None:
    alarms = AlarmsService(hub)
    _arrived(ctx, hub, to_hub, None)
    clock.advance(timedelta(minutes=4, seconds=59))
    [waiting] = alarms.unacknowledged()
    assert waiting.waiting_minutes(clock.now()) == 4
    assert not waiting.escalated(clock.now(), 5)
    clock.advance(timedelta(seconds=1))
    assert waiting.escalated(clock.now(), 5)
    acknowledged = alarms.acknowledge(waiting.id, "Bakker")
    assert not acknowledged.escalated(clock.now(), 5)
