"""Alarms (noodmeldingen): raise, the forward-only lifecycle, history, the radio line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import FAST_HASHER, POST_CODE, Carry, deliver, exactly

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.ids import post_id
from noodpost.services.alarms import AlarmInfo, AlarmsService
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import Post


@pytest.fixture
def alarms(ctx: ServiceContext) -> AlarmsService:
    return AlarmsService(ctx)


def _ambulance(alarms: AlarmsService) -> AlarmInfo:
    return alarms.raise_alarm(
        "ambulance", "immediate", "Kerkstraat 5 zaal 2", persons=2, description="Man onwel"
    )


def test_raise_alarm(alarms: AlarmsService, event_count: Callable[[], int]) -> None:
    before = event_count()

    alarm = _ambulance(alarms)

    assert event_count() == before + 1
    assert alarm.status == "open"
    assert alarm.post_code == POST_CODE
    assert (alarm.type_label, alarm.urgency_label, alarm.status_label) == (
        "ambulance",
        "spoed",
        "open",
    )
    assert (alarm.location, alarm.persons, alarm.description) == (
        "Kerkstraat 5 zaal 2",
        2,
        "Man onwel",
    )
    assert alarm.raised_at == "2026-11-28T09:00:00.000+00:00"
    assert not alarm.acknowledged
    assert alarms.alarm(alarm.id) == alarm
    assert alarms.open_alarms() == [alarm]
    assert alarms.unacknowledged_count() == 1


def test_bad_input_is_refused_in_dutch(
    alarms: AlarmsService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="Kies wie er nodig is: brandweer, politie"):
        alarms.raise_alarm("dragon", "immediate", "Hal")
    with pytest.raises(UserError, match="Kies als urgentie spoed, hoog of normaal"):
        alarms.raise_alarm("fire", "now", "Hal")
    with pytest.raises(UserError, match="aantal betrokken personen"):
        alarms.raise_alarm("fire", "high", "Hal", persons=0)
    with pytest.raises(UserError, match="De omschrijving is te lang"):
        alarms.raise_alarm("fire", "high", "Hal", description="x" * 1001)
    with pytest.raises(UserError, match="Vul in waar de hulp nodig is"):
        alarms.raise_alarm("fire", "high", "   ")
    assert event_count() == before
    assert alarms.open_alarms() == []


def test_without_location_the_post_address_is_used(
    ctx: ServiceContext, alarms: AlarmsService
) -> None:
    with ctx.write() as uow:  # the coordinator filled in the post's address
        row = uow.session.get(Post, post_id(POST_CODE))
        assert row is not None
        uow.emit(
            "post",
            row.id,
            Op.UPDATE,
            {"address": "Dorpsstraat 1, Ten Boer", BASE_KEY: row.updated_hlc},
        )
    alarm = alarms.raise_alarm("fire", "high", None)
    assert alarm.location == "Dorpsstraat 1, Ten Boer"


def test_full_lifecycle_with_history(
    ctx: ServiceContext,
    hub: ServiceContext,
    to_hub: Carry,
    to_post: Carry,
    alarms: AlarmsService,
    clock: FixedClock,
    event_count: Callable[[], int],
) -> None:
    """The post raises and sends; the C-NSP receives, acknowledges and closes; each step
    travels back, and both sides show the same history with who did what."""
    anna = _signed_in(ctx, "Anna", "4821")
    bakker = _signed_in(hub, "Operator Bakker", "1357")
    at_hub = AlarmsService(hub)
    to_post()  # the post has met its hub before (the catalogue, the hub's own record)
    alarm = _ambulance(alarms)
    start = event_count()

    clock.advance(timedelta(seconds=20))
    sent = alarms.mark_sent(alarm.id)
    assert sent.status == "sent"
    assert event_count() == start + 1
    to_hub()

    clock.advance(timedelta(minutes=1))
    received = at_hub.mark_received(alarm.id)
    assert received.status == "received"
    to_post()
    assert alarms.alarm(alarm.id).status == "received"
    assert alarms.unacknowledged_count() == 1
    assert event_count() == start + 2

    clock.advance(timedelta(minutes=1))
    at_hub.acknowledge(alarm.id, " Operator Bakker ", note="Ambulance onderweg")
    to_post()
    acknowledged = alarms.alarm(alarm.id)
    assert acknowledged.status == "acknowledged"
    assert acknowledged.status_label == "bevestigd"
    assert acknowledged.acknowledged_by == "Operator Bakker"
    assert acknowledged.acknowledged_at == "2026-11-28T09:02:20.000+00:00"
    assert acknowledged.status_note == "Ambulance onderweg"
    assert acknowledged.acknowledged
    assert alarms.unacknowledged_count() == 0
    assert alarms.open_alarms() == [acknowledged]
    assert event_count() == start + 3

    clock.advance(timedelta(minutes=30))
    at_hub.close(alarm.id, note="Patiënt vervoerd")
    to_post()
    closed = alarms.alarm(alarm.id)
    assert closed.status == "closed"
    assert closed.status_label == "afgesloten"
    assert closed.acknowledged_by == "Operator Bakker"
    assert alarms.open_alarms() == []
    assert event_count() == start + 4

    steps = [
        ("open", "2026-11-28T09:00:00.000+00:00", None),
        ("sent", "2026-11-28T09:00:20.000+00:00", None),
        ("received", "2026-11-28T09:01:20.000+00:00", None),
        ("acknowledged", "2026-11-28T09:02:20.000+00:00", "Ambulance onderweg"),
        ("closed", "2026-11-28T09:32:20.000+00:00", "Patiënt vervoerd"),
    ]
    history = alarms.history(alarm.id)
    assert [(s.status, s.at, s.note) for s in history] == steps
    assert history[3].status_label == "bevestigd"
    # The post knows its own volunteers by name; the hub's operators stay at the hub.
    assert [(s.author, s.author_name) for s in history] == [(anna, "Anna")] * 2 + [
        (bakker, None)
    ] * 3
    at_the_hub = at_hub.history(alarm.id)
    assert [(s.status, s.at, s.note) for s in at_the_hub] == steps
    assert [s.author_name for s in at_the_hub] == ["Anna"] * 2 + ["Operator Bakker"] * 3


def test_sent_may_be_skipped(
    hub: ServiceContext, to_hub: Carry, to_post: Carry, alarms: AlarmsService
) -> None:
    alarm = _ambulance(alarms)
    to_hub()
    assert AlarmsService(hub).mark_received(alarm.id).status == "received"
    to_post()
    assert [s.status for s in alarms.history(alarm.id)] == ["open", "received"]


def test_invalid_transition_is_refused_and_writes_nothing(
    ctx: ServiceContext,
    hub: ServiceContext,
    to_hub: Carry,
    alarms: AlarmsService,
    event_count: Callable[[], int],
) -> None:
    alarm = _ambulance(alarms)
    before = event_count()
    with pytest.raises(
        Refused,
        match="Een noodmelding die open is kan niet direct naar afgesloten\\. "
        "Wel mogelijk: verzonden, ontvangen of geannuleerd\\.",
    ):
        alarms.close(alarm.id)
    with pytest.raises(Refused, match="kan niet direct naar bevestigd"):
        alarms.acknowledge(alarm.id, "Bakker")
    assert event_count() == before
    assert alarms.alarm(alarm.id) == alarm

    to_hub()
    at_hub = AlarmsService(hub)
    at_hub.mark_received(alarm.id)
    received = at_hub.alarm(alarm.id)
    before = _count(hub)
    with pytest.raises(
        Refused, match="Een noodmelding die ontvangen is kan niet terug naar verzonden"
    ):
        at_hub.mark_sent(alarm.id)
    with pytest.raises(Refused, match="Deze noodmelding is al ontvangen"):
        at_hub.mark_received(alarm.id)
    assert _count(hub) == before
    assert at_hub.alarm(alarm.id) == received
    assert [s.status for s in at_hub.history(alarm.id)] == ["open", "received"]


def test_alarms_of_another_post_cannot_be_written_here(
    ctx: ServiceContext, alarms: AlarmsService, event_count: Callable[[], int]
) -> None:
    """A post writes only its own alarms: one for another post is refused and keeps nothing."""
    before = event_count()
    with (
        pytest.raises(
            Refused,
            match=exactly(
                "Dit mag deze post niet: GR-0014 mag niet een noodmelding aanmaken van GR-0099."
            ),
        ),
        ctx.write() as uow,
    ):
        uow.emit(
            "alarm",
            new_id(),
            Op.CREATE,
            {"post_code": "GR-0099", "type": "police", "urgency": "high", "location": "Ingang"},
        )
    assert event_count() == before
    assert alarms.alarm_ids() == []


def test_cancel_keeps_the_reason_and_is_final(
    alarms: AlarmsService, event_count: Callable[[], int]
) -> None:
    alarm = _ambulance(alarms)
    alarms.mark_sent(alarm.id)
    before = event_count()
    with pytest.raises(UserError, match="waarom de noodmelding wordt ingetrokken"):
        alarms.cancel(alarm.id, "  ")
    assert event_count() == before

    cancelled = alarms.cancel(alarm.id, "Per ongeluk gemeld")

    assert event_count() == before + 1
    assert cancelled.status == "cancelled"
    assert cancelled.status_label == "geannuleerd"
    assert cancelled.status_note == "Per ongeluk gemeld"
    assert alarms.open_alarms() == []
    assert alarms.unacknowledged_count() == 0
    before = event_count()
    with pytest.raises(Refused, match="Deze noodmelding is al geannuleerd"):
        alarms.cancel(alarm.id, "nog eens")
    with pytest.raises(
        Refused,
        match="die geannuleerd is kan niet meer naar afgesloten\\. "
        "Doe zo nodig een nieuwe noodmelding\\.",
    ):
        alarms.close(alarm.id)
    assert event_count() == before


def test_acknowledge_needs_a_name(
    hub: ServiceContext, to_hub: Carry, alarms: AlarmsService
) -> None:
    alarm = _ambulance(alarms)
    to_hub()
    at_hub = AlarmsService(hub)
    at_hub.mark_received(alarm.id)
    before = _count(hub)
    with pytest.raises(UserError, match="Vul in wie de noodmelding bevestigt"):
        at_hub.acknowledge(alarm.id, " ")
    assert _count(hub) == before
    assert at_hub.alarm(alarm.id).status == "received"


def test_unknown_alarm(alarms: AlarmsService, event_count: Callable[[], int]) -> None:
    before = event_count()
    with pytest.raises(NotFound, match="Deze noodmelding is niet bekend"):
        alarms.mark_sent(new_id())
    with pytest.raises(NotFound, match="Deze noodmelding is niet bekend"):
        alarms.history(new_id())
    with pytest.raises(NotFound, match="Deze noodmelding is niet bekend"):
        alarms.radio_line(new_id())
    assert event_count() == before


def test_open_alarms_most_urgent_first(
    hub: ServiceContext,
    to_hub: Carry,
    to_post: Carry,
    alarms: AlarmsService,
    clock: FixedClock,
) -> None:
    other = alarms.raise_alarm("other", "normal", "Keuken")
    clock.advance(timedelta(minutes=1))
    police = alarms.raise_alarm("police", "high", "Ingang")
    clock.advance(timedelta(minutes=1))
    fire = alarms.raise_alarm("fire", "immediate", "Zaal 1")
    to_hub()
    AlarmsService(hub).acknowledge(police.id, "Bakker")
    to_post()
    assert [a.id for a in alarms.open_alarms()] == [fire.id, police.id, other.id]
    assert alarms.unacknowledged_count() == 2


def test_radio_line(alarms: AlarmsService, clock: FixedClock) -> None:
    clock.advance(timedelta(hours=4, minutes=32))  # 14:32 in the Netherlands
    alarm = _ambulance(alarms)
    assert (
        alarms.radio_line(alarm.id)
        == "NSP GR-0014 | AMBULANCE | SPOED | 2 pers | Kerkstraat 5 zaal 2 | 14:32"
    )
    unknown_persons = alarms.raise_alarm("fire", "high", "Sporthal, kleedkamer 3")
    assert (
        alarms.radio_line(unknown_persons.id)
        == "NSP GR-0014 | BRANDWEER | HOOG | Sporthal, kleedkamer 3 | 14:32"
    )


def test_the_hub_sees_and_acknowledges_every_post(
    hub: ServiceContext,
    to_hub: Carry,
    to_post: Carry,
    alarms: AlarmsService,
    another_node: Callable[..., Database],
    clock: FixedClock,
) -> None:
    own = _ambulance(alarms)
    other_post = ServiceContext(
        another_node("other", code="GR-0099", name="Kerk Garmerwolde"), clock
    )
    theirs = AlarmsService(other_post).raise_alarm("police", "high", "Ingang")
    to_hub()
    assert deliver(other_post.db, hub.db, clock).quarantined == 0

    at_hub = AlarmsService(hub)
    assert [a.id for a in at_hub.open_alarms()] == [own.id, theirs.id]
    at_hub.mark_received(theirs.id)
    assert at_hub.acknowledge(theirs.id, "Bakker").acknowledged
    assert at_hub.radio_line(theirs.id) == "NSP GR-0099 | POLITIE | HOOG | Ingang | 10:00"

    to_post()  # the hub's answers to another post never reach this one
    assert [a.id for a in alarms.open_alarms()] == [own.id]
    assert alarms.alarms_by_id([theirs.id]) == {}


def _signed_in(ctx: ServiceContext, name: str, pin: str) -> str:
    """A coordinator of this node, signed in (so the steps taken here carry their name)."""
    volunteers = VolunteersService(ctx, hasher=FAST_HASHER)
    volunteer = volunteers.add_volunteer(name, "coordinator", pin).id
    volunteers.sign_in(volunteer, pin)
    return volunteer


def _count(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return count_events(session)
