"""Reads behind the Opladen page: open tickets, today's returned ones, rows with card codes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.services.charging import ChargingService
from noodpost.services.intake import IntakeService


@pytest.fixture
def charging(ctx: ServiceContext) -> ChargingService:
    return ChargingService(ctx)


def test_open_and_returned_today(charging: ChargingService, clock: FixedClock) -> None:
    phone = charging.check_in("telefoon")
    tablet = charging.check_in("tablet")
    powerbank = charging.check_in("powerbank")
    mistake = charging.check_in("dubbel")
    charging.cancel(mistake.id)
    clock.advance(timedelta(minutes=30))
    charging.return_device(phone.id)
    clock.advance(timedelta(minutes=30))
    charging.return_device(powerbank.id)

    assert charging.open_ticket_ids() == [tablet.id]
    assert charging.returned_today_ids() == [powerbank.id, phone.id]

    clock.advance(timedelta(days=1))  # a new day: yesterday's returns drop off
    assert charging.returned_today_ids() == []
    assert charging.open_ticket_ids() == [tablet.id]


def test_ticket_rows_carry_the_card_code(ctx: ServiceContext, charging: ChargingService) -> None:
    card = IntakeService(ctx).register(size=3)
    own = charging.check_in("telefoon", card.household_id)
    loose = charging.check_in("tablet")

    rows = charging.ticket_rows([own.id, loose.id, "unknown"])

    assert set(rows) == {own.id, loose.id}
    assert rows[own.id].ticket == own
    assert rows[own.id].card_code == card.card_code
    assert rows[loose.id].card_code is None
