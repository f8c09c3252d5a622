"""Charging station: numbered tickets per device, in and out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select
from support import Carry, deliver, exactly

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.vocabulary import ChargingStatus
from noodpost.services.base import ServiceContext
from noodpost.services.charging import ChargingService
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import Database
from noodpost.storage.models import ChargingTicket

EventCount = Callable[[], int]


@pytest.fixture
def charging(ctx: ServiceContext) -> ChargingService:
    return ChargingService(ctx)


def test_ticket_numbers_increase(charging: ChargingService, event_count: EventCount) -> None:
    before = event_count()
    tickets = [charging.check_in(d) for d in ("telefoon zwart", "tablet", "powerbank")]

    assert [t.number for t in tickets] == [1, 2, 3]
    assert event_count() == before + 3
    first = tickets[0]
    assert first.device == "telefoon zwart"
    assert first.status == ChargingStatus.CHARGING
    assert first.status_label == "aan het opladen"
    assert first.is_open
    assert first.checked_in_at == "2026-11-28T09:00:00.000+00:00"
    assert first.returned_at is None
    assert first.post_code == "GR-0014"
    assert [t.number for t in charging.open_tickets()] == [1, 2, 3]


def test_check_in_for_a_household(ctx: ServiceContext, charging: ChargingService) -> None:
    household = IntakeService(ctx).register(size=3).household_id

    ticket = charging.check_in("  telefoon, blauw hoesje ", household)

    assert ticket.household_id == household
    assert ticket.device == "telefoon, blauw hoesje"


def test_return_device(
    charging: ChargingService, clock: FixedClock, event_count: EventCount
) -> None:
    first = charging.check_in("telefoon")
    second = charging.check_in("tablet")
    clock.advance(timedelta(minutes=90))
    before = event_count()

    returned = charging.return_device(first.id)

    assert event_count() == before + 1
    assert returned.status == ChargingStatus.RETURNED
    assert returned.status_label == "teruggegeven"
    assert returned.returned_at == "2026-11-28T10:30:00.000+00:00"
    assert not returned.is_open
    assert charging.open_tickets() == [second]
    assert charging.ticket(first.id) == returned


def test_returning_twice_is_refused(
    charging: ChargingService, clock: FixedClock, event_count: EventCount
) -> None:
    ticket = charging.check_in("telefoon")
    clock.advance(timedelta(minutes=30))
    charging.return_device(ticket.id)
    before = event_count()

    with pytest.raises(Refused, match="Oplaadbon 1 is al teruggegeven om 10:30"):
        charging.return_device(ticket.id)
    with pytest.raises(Refused, match="al teruggegeven"):
        charging.cancel(ticket.id)

    assert event_count() == before
    assert charging.ticket(ticket.id).status == ChargingStatus.RETURNED


def test_cancel_and_then_return_is_refused(
    charging: ChargingService, event_count: EventCount
) -> None:
    ticket = charging.check_in("laptop")
    before = event_count()
    cancelled = charging.cancel(ticket.id)

    assert event_count() == before + 1
    assert cancelled.status == ChargingStatus.CANCELLED
    assert cancelled.returned_at is None
    assert charging.open_tickets() == []
    with pytest.raises(Refused, match="is geannuleerd"):
        charging.return_device(ticket.id)
    assert event_count() == before + 1


def test_numbers_continue_after_returns(charging: ChargingService) -> None:
    for _ in range(3):
        charging.return_device(charging.check_in("telefoon").id)

    assert charging.check_in("tablet").number == 4


def test_numbers_are_per_post(
    charging: ChargingService,
    hub: ServiceContext,
    to_hub: Carry,
    another_node: Callable[..., Database],
    clock: FixedClock,
) -> None:
    """Each post numbers its own tickets from 1; the hub holds both posts' number 1."""
    other = ServiceContext(another_node("other", code="GR-0015", name="Kerk Garmerwolde"), clock)
    theirs = ChargingService(other)
    assert [theirs.check_in(d).number for d in ("radio", "lamp")] == [1, 2]

    assert charging.check_in("telefoon").number == 1
    assert [t.number for t in charging.open_tickets()] == [1]

    to_hub()
    assert deliver(other.db, hub.db, clock).quarantined == 0
    with hub.read() as session:
        held = session.execute(select(ChargingTicket.post_code, ChargingTicket.number))
        assert sorted(tuple(row) for row in held) == [
            ("GR-0014", 1),
            ("GR-0015", 1),
            ("GR-0015", 2),
        ]


def test_a_ticket_of_another_post_cannot_be_written_here(
    ctx: ServiceContext, charging: ChargingService, event_count: EventCount
) -> None:
    before = event_count()
    with (
        pytest.raises(
            Refused,
            match=exactly(
                "Dit mag deze post niet: GR-0014 mag niet een oplaadbon aanmaken van GR-0015."
            ),
        ),
        ctx.write() as uow,
    ):
        uow.emit(
            "charging_ticket",
            "00000000-0000-4000-8000-000000000004",
            Op.CREATE,
            {"post_code": "GR-0015", "number": 41, "device": "radio"},
        )
    assert event_count() == before
    assert charging.open_tickets() == []
    assert charging.check_in("telefoon").number == 1


def test_find_by_number(charging: ChargingService) -> None:
    charging.check_in("telefoon")
    tablet = charging.check_in("tablet")

    assert charging.by_number(2) == tablet
    with pytest.raises(NotFound, match="geen oplaadbon met nummer 9"):
        charging.by_number(9)


def test_check_in_without_device_is_refused(
    charging: ChargingService, event_count: EventCount
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="Vul het apparaat"):
        charging.check_in("   ")
    with pytest.raises(UserError, match="korter"):
        charging.check_in("x" * 201)
    assert event_count() == before


def test_check_in_for_unknown_household_is_refused(
    charging: ChargingService, event_count: EventCount
) -> None:
    before = event_count()
    with pytest.raises(NotFound, match="huishouden"):
        charging.check_in("telefoon", "no-such-household")
    assert event_count() == before


def test_unknown_ticket_is_not_found(charging: ChargingService, event_count: EventCount) -> None:
    before = event_count()
    with pytest.raises(NotFound, match="oplaadbon is niet bekend"):
        charging.return_device("no-such-ticket")
    with pytest.raises(NotFound, match="oplaadbon is niet bekend"):
        charging.ticket("no-such-ticket")
    assert event_count() == before
