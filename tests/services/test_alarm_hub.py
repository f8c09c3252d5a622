"""At the C-NSP an alarm is acknowledged in one step, whatever the post marked before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import Refused
from noodpost.core.ids import new_id
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import count_events


def _hub(another_node: Callable[..., Database], clock: FixedClock) -> ServiceContext:
    return ServiceContext(another_node("hub", role="hub", code="GR-9000"), clock)


def _arrived(hub: ServiceContext, status: str | None = None) -> str:
    """A post's alarm as sync applies it at the hub (optionally already marked sent)."""
    alarm_id = new_id()
    with hub.write() as uow:
        uow.emit(
            "alarm",
            alarm_id,
            Op.CREATE,
            {"post_code": "GR-0014", "type": "fire", "urgency": "high", "location": "Keuken"},
        )
    if status is not None:
        with hub.write() as uow:
            uow.emit("alarm", alarm_id, Op.STATUS, {"status": status})
    return alarm_id


def _events(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return count_events(session)


@pytest.mark.parametrize("status", [None, "sent", "received"])
def test_the_hub_acknowledges_open_sent_or_received_in_one_event(
    another_node: Callable[..., Database], clock: FixedClock, status: str | None
) -> None:
    hub = _hub(another_node, clock)
    alarms = AlarmsService(hub)
    alarm_id = _arrived(hub, status)
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
    another_node: Callable[..., Database], clock: FixedClock
) -> None:
    hub = _hub(another_node, clock)
    alarms = AlarmsService(hub)
    alarm_id = _arrived(hub)
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


def test_escalation_counts_from_when_it_was_raised(
    another_node: Callable[..., Database], clock: FixedClock
) -> None:
    hub = _hub(another_node, clock)
    alarms = AlarmsService(hub)
    _arrived(hub)  # no raised_at: the event's own time counts
    clock.advance(timedelta(minutes=4, seconds=59))
    [waiting] = alarms.unacknowledged()
    assert waiting.waiting_minutes(clock.now()) == 4
    assert not waiting.escalated(clock.now(), 5)
    clock.advance(timedelta(seconds=1))
    assert waiting.escalated(clock.now(), 5)
    acknowledged = alarms.acknowledge(waiting.id, "Bakker")
    assert not acknowledged.escalated(clock.now(), 5)
