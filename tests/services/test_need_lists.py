"""Reads behind the Hulpvragen page: filtered ids in list order, rows with card codes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.needs import NeedsService


@pytest.fixture
def needs(ctx: ServiceContext) -> NeedsService:
    return NeedsService(ctx)


def test_need_ids_filter_and_order(needs: NeedsService, clock: FixedClock) -> None:
    food = needs.open_need("food_water")
    clock.advance(timedelta(minutes=1))
    medical = needs.open_need("medical", "immediate")
    clock.advance(timedelta(minutes=1))
    shelter = needs.open_need("shelter", "high")
    clock.advance(timedelta(minutes=1))
    done = needs.open_need("food_water", "high")
    needs.change_status(done.id, "done")
    referred = needs.open_need("medicine")
    needs.refer(referred.id, "huisartsenpost")

    assert needs.need_ids() == [medical.id, shelter.id, done.id, food.id, referred.id]
    active = ["open", "in_progress", "referred"]
    assert needs.need_ids(statuses=active) == [medical.id, shelter.id, food.id, referred.id]
    assert needs.need_ids(category="food_water") == [done.id, food.id]
    assert needs.need_ids(urgency="high", statuses=active) == [shelter.id]
    assert needs.need_ids(statuses=["done", "cancelled"]) == [done.id]
    assert needs.active_count() == 4


def test_need_rows_carry_the_card_code(ctx: ServiceContext, needs: NeedsService) -> None:
    card = IntakeService(ctx).register(size=2)
    mine = needs.open_need("medical", "high", household_id=card.household_id, note="insuline")
    loose = needs.open_need("information")

    rows = needs.need_rows([mine.id, loose.id, "unknown"])

    assert set(rows) == {mine.id, loose.id}
    assert rows[mine.id].card_code == card.card_code
    assert rows[mine.id].need == mine
    assert rows[loose.id].card_code is None


def test_unknown_filter_values_are_refused(needs: NeedsService) -> None:
    with pytest.raises(UserError, match="categorie"):
        needs.need_ids(category="sports")
    with pytest.raises(UserError, match="status"):
        needs.need_ids(statuses=["finished"])
