"""Reads behind the Aanwezig page: who is present (ids and rows), and whom nobody has seen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import Carry, deliver

from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.visits import PresentRow, UnseenHousehold, VisitsService
from noodpost.storage.engine import Database


@pytest.fixture
def visits(ctx: ServiceContext) -> VisitsService:
    return VisitsService(ctx)


@pytest.fixture
def intake(ctx: ServiceContext) -> IntakeService:
    return IntakeService(ctx)


def test_present_ids_and_rows(
    visits: VisitsService, intake: IntakeService, clock: FixedClock
) -> None:
    plain = intake.register(size=2)
    flagged = intake.register(size=1, flags=["needs_medication"], consent=True)
    gone = intake.register(size=4)
    first = visits.check_in(plain.household_id).visit
    clock.advance(timedelta(minutes=5))
    second = visits.check_in(flagged.household_id).visit
    visits.check_in(gone.household_id)
    visits.check_out(gone.household_id)

    ids = visits.present_ids()

    assert ids == [first.id, second.id]
    rows = visits.present_rows([second.id, "unknown"])
    assert rows == {
        second.id: PresentRow(
            visit_id=second.id,
            household_id=flagged.household_id,
            card_code=flagged.card_code,
            persons=1,
            checked_in_at="2026-11-28T09:05:00.000+00:00",
            flags=("needs_medication",),
        )
    }
    assert visits.present_rows([first.id])[first.id].flags == ()


def test_not_seen_since_lists_flagged_households_that_are_away(
    ctx: ServiceContext, visits: VisitsService, intake: IntakeService, clock: FixedClock
) -> None:
    flags = {"flags": ["power_dependent"], "consent": True}
    never = intake.register(size=1, **flags)  # type: ignore[arg-type]
    left_long_ago = intake.register(size=2, **flags)  # type: ignore[arg-type]
    left_recently = intake.register(size=3, **flags)  # type: ignore[arg-type]
    present = intake.register(size=1, **flags)  # type: ignore[arg-type]
    intake.register(size=2)  # no flag: never on this list

    visits.check_in(left_long_ago.household_id)
    clock.advance(timedelta(hours=1))
    visits.check_out(left_long_ago.household_id)  # 10:00 UTC
    visits.check_in(present.household_id)
    clock.advance(timedelta(hours=4))
    visits.check_in(left_recently.household_id)
    clock.advance(timedelta(hours=1))
    visits.check_out(left_recently.household_id)  # 15:00 UTC; now is 15:00 UTC

    unseen = visits.not_seen_since(hours=4)

    assert unseen == [
        UnseenHousehold(never.household_id, never.card_code, 1, ("power_dependent",), None),
        UnseenHousehold(
            left_long_ago.household_id,
            left_long_ago.card_code,
            2,
            ("power_dependent",),
            "2026-11-28T10:00:00.000+00:00",
        ),
    ]
    everyone_away = [u.household_id for u in visits.not_seen_since(hours=0)]
    assert everyone_away == [
        never.household_id,
        left_long_ago.household_id,
        left_recently.household_id,
    ]


def test_the_hub_lists_unseen_households_of_every_post(
    hub: ServiceContext,
    to_hub: Carry,
    visits: VisitsService,
    intake: IntakeService,
    another_node: Callable[..., Database],
    clock: FixedClock,
) -> None:
    """A post watches its own households; the hub every post's, and present counts as seen."""
    present = intake.register(size=2, flags=["less_self_reliant"], consent=True).household_id
    unseen = intake.register(size=1, flags=["needs_medication"], consent=True).household_id
    visits.check_in(present)
    other = ServiceContext(another_node("other", code="GR-0099", name="Kerk Garmerwolde"), clock)
    elsewhere = IntakeService(other).register(size=3, flags=["needs_medication"], consent=True)
    to_hub()
    assert deliver(other.db, hub.db, clock).quarantined == 0

    assert [u.household_id for u in visits.not_seen_since(hours=1)] == [unseen]
    at_hub = VisitsService(hub).not_seen_since(hours=1)
    assert {u.household_id for u in at_hub} == {unseen, elsewhere.household_id}


def test_negative_hours_are_refused(visits: VisitsService) -> None:
    with pytest.raises(UserError, match="0 of meer"):
        visits.not_seen_since(hours=-1)
