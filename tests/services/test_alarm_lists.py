"""The alarm list as the Meldingen screen reads it: order, rows by id, the post's address."""

from __future__ import annotations

from datetime import timedelta

from support import POST_CODE, Carry

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.fold import BASE_KEY
from noodpost.core.ids import post_id
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.storage.models import Post


def test_alarm_ids_put_what_needs_attention_first(
    ctx: ServiceContext, hub: ServiceContext, to_hub: Carry, to_post: Carry, clock: FixedClock
) -> None:
    alarms = AlarmsService(ctx)
    assert alarms.alarm_ids() == []
    closed = alarms.raise_alarm("fire", "immediate", "Zaal 1")
    to_hub()
    at_hub = AlarmsService(hub)  # the C-NSP receives, acknowledges and closes it
    at_hub.mark_received(closed.id)
    at_hub.acknowledge(closed.id, "Bakker")
    at_hub.close(closed.id)
    to_post()
    clock.advance(timedelta(minutes=5))
    normal = alarms.raise_alarm("other", "normal", "Keuken")
    clock.advance(timedelta(minutes=5))
    urgent = alarms.raise_alarm("ambulance", "immediate", "Zaal 2")
    clock.advance(timedelta(minutes=5))
    cancelled = alarms.raise_alarm("police", "high", "Ingang")
    alarms.cancel(cancelled.id, "Vergissing")

    order = alarms.alarm_ids()
    assert order == [urgent.id, normal.id, cancelled.id, closed.id]
    to_hub()
    assert at_hub.alarm_ids() == order

    rows = alarms.alarms_by_id([normal.id, "unknown", urgent.id])
    assert set(rows) == {normal.id, urgent.id}
    assert rows[urgent.id] == alarms.alarm(urgent.id)


def test_default_location_is_the_post_address(ctx: ServiceContext) -> None:
    alarms = AlarmsService(ctx)
    assert alarms.default_location() is None
    with ctx.write() as uow:
        row = uow.session.get(Post, post_id(POST_CODE))
        assert row is not None
        uow.emit(
            "post",
            row.id,
            Op.UPDATE,
            {"address": " Dorpsstraat 1, Ten Boer ", BASE_KEY: row.updated_hlc},
        )
    assert alarms.default_location() == "Dorpsstraat 1, Ten Boer"
