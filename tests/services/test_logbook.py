"""Logbook: manual entries merged with lines derived from alarms, deliveries and shifts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from support import FAST_HASHER, POST_CODE, Carry, deliver, exactly

from noodpost.core.catalogue import item_id
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import Refused, UserError
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.logbook import LogbookService, format_quantity
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database
from noodpost.storage.models import Event


@pytest.fixture
def logbook(ctx: ServiceContext) -> LogbookService:
    return LogbookService(ctx)


@pytest.fixture
def vols(ctx: ServiceContext) -> VolunteersService:
    hasher = FAST_HASHER
    return VolunteersService(ctx, hasher=hasher)


def emit_movement(
    ctx: ServiceContext, quantity: float, kind: str = "delivery", code: str = "water"
) -> str:
    """A stock movement written directly (the supplies service is built elsewhere)."""
    movement_id = new_id()
    with ctx.write() as uow:
        uow.emit(
            "stock_movement",
            movement_id,
            Op.CREATE,
            {
                "post_code": POST_CODE,
                "item_id": item_id(code),
                "quantity": quantity,
                "kind": kind,
                "at": ctx.now_iso(),
            },
        )
    return movement_id


def emit_alarm(ctx: ServiceContext, post_code: str = POST_CODE) -> str:
    alarm_id = new_id()
    with ctx.write() as uow:
        uow.emit(
            "alarm",
            alarm_id,
            Op.CREATE,
            {
                "post_code": post_code,
                "type": "ambulance",
                "urgency": "immediate",
                "persons": 1,
                "raised_at": ctx.now_iso(),
            },
        )
    return alarm_id


def log_entry_events(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Event).where(Event.entity == "log_entry")
            )
            or 0
        )


def test_manual_entry(
    ctx: ServiceContext,
    logbook: LogbookService,
    vols: VolunteersService,
    event_count: Callable[[], int],
) -> None:
    anna = vols.add_volunteer("Anna", "coordinator", "4821").id
    vols.sign_in(anna, "4821")
    before = event_count()

    line = logbook.add("  Generator bijgevuld, 20 l diesel  ", category="stroom")

    assert event_count() == before + 1
    assert line.text == "Generator bijgevuld, 20 l diesel"
    assert line.author == "Anna"
    assert not line.automatic
    assert line.at == "2026-11-28T09:00:00.000+00:00"
    [shown] = logbook.entries()
    assert shown == line
    assert shown.category == "stroom"
    assert shown.entity == "log_entry"


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_is_refused_and_nothing_written(
    logbook: LogbookService, event_count: Callable[[], int], text: str
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="Vul de tekst voor het logboek in"):
        logbook.add(text)
    assert event_count() == before
    assert logbook.entries() == []


def test_too_long_text_is_refused(logbook: LogbookService, event_count: Callable[[], int]) -> None:
    before = event_count()
    with pytest.raises(UserError, match="te lang"):
        logbook.add("x" * 2001)
    with pytest.raises(UserError, match="categorie is te lang"):
        logbook.add("tekst", category="c" * 41)
    assert event_count() == before


def test_delivery_and_shift_appear_without_a_second_event(
    ctx: ServiceContext,
    clock: FixedClock,
    logbook: LogbookService,
    vols: VolunteersService,
    event_count: Callable[[], int],
) -> None:
    anna = vols.add_volunteer("Anna", "coordinator", "4821").id
    vols.sign_in(anna, "4821")

    before = event_count()
    shift = vols.start_shift(anna, task="balie")
    clock.advance(timedelta(minutes=5))
    emit_movement(ctx, 200.0)
    emit_movement(ctx, -3.0, kind="correction")  # corrections are not deliveries
    clock.advance(timedelta(minutes=5))
    logbook.add("Koffie gezet")
    clock.advance(timedelta(hours=4))
    vols.end_shift(shift.id, handover_note="Nieuwe levering om 16:00")

    assert event_count() == before + 5  # exactly one per write; no log_entry for derived lines
    assert log_entry_events(ctx) == 1

    lines = logbook.entries()
    assert [(line.text, line.automatic) for line in lines] == [
        ("Dienst begonnen: Anna (balie)", True),
        ("Levering: 200 l Drinkwater", True),
        ("Koffie gezet", False),
        ("Dienst beëindigd: Anna — overdracht: Nieuwe levering om 16:00", True),
    ]
    assert {line.author for line in lines} == {"Anna"}
    assert [line.at[11:16] for line in lines] == ["09:00", "09:05", "09:10", "13:10"]
    assert [line.entity for line in lines] == ["shift", "stock_movement", "log_entry", "shift"]


def test_alarm_and_its_status_changes(
    ctx: ServiceContext,
    hub: ServiceContext,
    to_hub: Carry,
    to_post: Carry,
    clock: FixedClock,
    logbook: LogbookService,
) -> None:
    alarm_id = emit_alarm(ctx)
    clock.advance(timedelta(minutes=1))
    with ctx.write() as uow:
        uow.emit("alarm", alarm_id, Op.STATUS, {"status": "sent"})
    to_hub()
    clock.advance(timedelta(minutes=1))
    with hub.write() as uow:  # the C-NSP's acknowledgement travels back to the post
        uow.emit(
            "alarm",
            alarm_id,
            Op.STATUS,
            {"status": "acknowledged", "status_note": "Ambulance onderweg"},
        )
    to_post()

    assert [line.text for line in logbook.entries()] == [
        "Noodmelding ambulance (spoed) gemaakt",
        "Noodmelding ambulance: verzonden",
        "Noodmelding ambulance: bevestigd — Ambulance onderweg",
    ]
    assert all(line.automatic and line.entity_id == alarm_id for line in logbook.entries())
    assert log_entry_events(ctx) == 0


def test_the_hub_shows_every_posts_alarms_and_each_posts_own(
    ctx: ServiceContext,
    hub: ServiceContext,
    to_hub: Carry,
    another_node: Callable[..., Database],
    clock: FixedClock,
    logbook: LogbookService,
) -> None:
    other = ServiceContext(another_node("other", code="GR-0015", name="Kerk Garmerwolde"), clock)
    emit_alarm(other, post_code="GR-0015")
    clock.advance(timedelta(minutes=1))
    emit_alarm(ctx)
    assert deliver(other.db, hub.db, clock).quarantined == 0
    to_hub()

    at_hub = LogbookService(hub)
    assert [line.text for line in at_hub.entries()] == [
        "GR-0015: Noodmelding ambulance (spoed) gemaakt",
        "GR-0014: Noodmelding ambulance (spoed) gemaakt",
    ]
    assert [line.text for line in at_hub.for_post("GR-0015").entries()] == [
        "Noodmelding ambulance (spoed) gemaakt"
    ]
    # At the post, its own alarm only: another post's never reaches it.
    assert [line.text for line in logbook.entries()] == ["Noodmelding ambulance (spoed) gemaakt"]


def test_an_alarm_of_another_post_cannot_be_written_here(
    ctx: ServiceContext, logbook: LogbookService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(
        Refused,
        match=exactly(
            "Dit mag deze post niet: GR-0014 mag niet een noodmelding aanmaken van GR-0015."
        ),
    ):
        emit_alarm(ctx, post_code="GR-0015")
    assert event_count() == before
    assert logbook.entries() == []


def test_since_and_limit(ctx: ServiceContext, clock: FixedClock, logbook: LogbookService) -> None:
    start = clock.now()
    for number in range(5):
        logbook.add(f"Regel {number}")
        clock.advance(timedelta(minutes=10))
    emit_movement(ctx, 12.5)

    assert [line.text for line in logbook.entries(limit=2)] == [
        "Regel 4",
        "Levering: 12,5 l Drinkwater",
    ]
    since = start + timedelta(minutes=30)
    assert [line.text for line in logbook.entries(since=since)] == [
        "Regel 3",
        "Regel 4",
        "Levering: 12,5 l Drinkwater",
    ]
    assert len(logbook.entries()) == 6
    assert logbook.entries(limit=0) == []


def test_author_unknown_when_nobody_signed_in(logbook: LogbookService) -> None:
    assert logbook.add("Deur open om 08:00").author is None
    assert logbook.entries()[0].author is None


@pytest.mark.parametrize(
    ("quantity", "text"),
    [(200.0, "200"), (2.5, "2,5"), (0.25, "0,25"), (0.0, "0"), (-3.0, "-3"), (1 / 3, "0,33")],
)
def test_format_quantity(quantity: float, text: str) -> None:
    assert format_quantity(quantity) == text
