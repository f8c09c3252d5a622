"""Served at the desk counts as seen: a hand-out (need, charging ticket, safe-and-well message)
for a household that was not checked in records a short passing visit, so the panel, *niet meer
gezien*, SITREP and the C-NSP's regional picture all count it (issue 18, item 4)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from support import Carry

from noodpost.core.clock import FixedClock
from noodpost.core.vocabulary import HealthFlag
from noodpost.reports.sitrep import SitrepService
from noodpost.services.base import ServiceContext
from noodpost.services.charging import ChargingService
from noodpost.services.desk import DeskService
from noodpost.services.intake import IntakeService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.regional import RegionalService
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.storage.models import Visit


@pytest.fixture
def supplies(ctx: ServiceContext) -> SuppliesService:
    service = SuppliesService(ctx)
    service.record_delivery("water", 200, "gemeente")
    return service


@pytest.fixture
def visits(ctx: ServiceContext) -> VisitsService:
    return VisitsService(ctx)


def _flagged(ctx: ServiceContext, size: int = 3) -> str:
    return (
        IntakeService(ctx)
        .register(size=size, flags=[HealthFlag.NEEDS_MEDICATION], consent=True)
        .household_id
    )


def _visit_rows(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return int(session.scalar(select(func.count()).select_from(Visit)) or 0)


def test_served_without_check_in_is_seen_and_visited_today(
    ctx: ServiceContext, supplies: SuppliesService, visits: VisitsService, clock: FixedClock
) -> None:
    household = _flagged(ctx)
    clock.advance(timedelta(days=2))  # registered two days ago, not seen since
    assert visits.last_seen(household) is None
    assert [u.household_id for u in visits.not_seen_since(1)] == [household]
    before = SitrepService(ctx).report().posts[0]

    supplies.hand_out(household, "water")

    now = ctx.now_iso()
    assert visits.last_seen(household) == now
    [visit] = visits.visits_today(household)
    assert (visit.checked_in_at, visit.checked_out_at, visit.present) == (now, now, False)
    assert visit.persons == 3
    assert visits.not_seen_since(1) == []
    assert visits.not_seen_since(24) == []
    assert visits.occupancy() == (0, 80)  # a passing visit leaves nobody present
    after = SitrepService(ctx).report().posts[0]
    assert (before.visits_today, after.visits_today) == (0, 1)
    assert (before.persons_today, after.persons_today) == (0, 3)
    assert after.present == 0

    panel = DeskService(ctx).panel(household)
    assert not panel.present
    assert panel.last_seen is not None
    assert [v.text for v in panel.visits_today] == ["aan de balie om 10:00 (3 pers.)"]


def test_served_twice_the_same_day_is_one_visit(
    ctx: ServiceContext, supplies: SuppliesService, visits: VisitsService, clock: FixedClock
) -> None:
    household = _flagged(ctx)
    supplies.hand_out(household, "water")
    clock.advance(timedelta(hours=3))
    supplies.hand_out(household, "water", override_reason="tweede keer vandaag")
    NeedsService(ctx).open_need("food_water", household_id=household)

    assert len(visits.visits_today(household)) == 1
    assert SitrepService(ctx).report().posts[0].visits_today == 1


def test_undoing_the_hand_out_keeps_the_visit(
    ctx: ServiceContext, supplies: SuppliesService, visits: VisitsService
) -> None:
    household = _flagged(ctx)
    handed = supplies.hand_out(household, "water")
    supplies.undo_hand_out(handed.id)
    assert len(visits.visits_today(household)) == 1


def test_a_present_or_visited_household_gets_no_extra_visit(
    ctx: ServiceContext, supplies: SuppliesService, visits: VisitsService, clock: FixedClock
) -> None:
    present = _flagged(ctx)
    visits.check_in(present)
    left = _flagged(ctx, size=2)
    visits.check_in(left)
    clock.advance(timedelta(hours=1))
    visits.check_out(left)
    rows = _visit_rows(ctx)

    supplies.hand_out(present, "water")
    supplies.hand_out(left, "water")

    assert _visit_rows(ctx) == rows
    assert visits.occupancy() == (3, 80)
    assert SitrepService(ctx).report().posts[0].visits_today == 2


def test_a_visit_yesterday_does_not_count_for_today(
    ctx: ServiceContext, supplies: SuppliesService, visits: VisitsService, clock: FixedClock
) -> None:
    household = _flagged(ctx)
    visits.check_in(household)
    visits.check_out(household)
    clock.advance(timedelta(days=1))

    supplies.hand_out(household, "water")

    assert len(visits.visits_today(household)) == 1
    assert visits.last_seen(household) == ctx.now_iso()


def test_need_ticket_and_message_for_a_household_count_as_seen(
    ctx: ServiceContext, visits: VisitsService, clock: FixedClock
) -> None:
    needy, charger, writer = _flagged(ctx), _flagged(ctx), _flagged(ctx)
    clock.advance(timedelta(hours=2))
    assert len(visits.not_seen_since(1)) == 3

    NeedsService(ctx).open_need("medical", "high", household_id=needy)
    ChargingService(ctx).check_in("telefoon", household_id=charger)
    MessagesService(ctx).record("Jan Smit", "Alles goed", True, household_id=writer)
    NeedsService(ctx).open_need("hygiene")  # for the post: no household, no visit

    assert visits.not_seen_since(1) == []
    assert _visit_rows(ctx) == 3
    assert visits.occupancy() == (0, 80)


def test_the_desk_actions_list_the_hand_out_not_the_passing_visit(
    ctx: ServiceContext, supplies: SuppliesService
) -> None:
    household = _flagged(ctx)
    supplies.hand_out(household, "water")

    [latest] = DeskService(ctx).recent_actions(limit=1)
    assert latest.what.startswith("Drinkwater")
    assert all("aangemeld" not in a.what for a in DeskService(ctx).recent_actions())


def test_the_hub_counts_the_passing_visit_today(
    ctx: ServiceContext, hub: ServiceContext, supplies: SuppliesService, to_hub: Carry
) -> None:
    household = _flagged(ctx, size=4)
    supplies.hand_out(household, "water")

    to_hub()

    [row] = RegionalService(hub).posts()
    assert (row.present, row.visits_today, row.visitors_today) == (0, 1, 4)
    assert SitrepService(hub).report().total.visits_today == 1


def test_checking_in_just_after_being_served_is_one_visit(
    ctx: ServiceContext,
    supplies: SuppliesService,
    visits: VisitsService,
    clock: FixedClock,
    to_hub: Carry,
    hub: ServiceContext,
) -> None:
    household = _flagged(ctx)
    supplies.hand_out(household, "water")  # F2 before F1
    clock.advance(timedelta(minutes=2))

    checked_in = visits.check_in(household)

    assert [v.id for v in visits.visits_today(household)] == [checked_in.visit.id]
    assert visits.occupancy() == (3, 80)
    assert SitrepService(ctx).report().posts[0].visits_today == 1
    to_hub()
    [row] = RegionalService(hub).posts()
    assert (row.present, row.visits_today) == (3, 1)


def test_checking_in_hours_after_being_served_is_a_second_visit(
    ctx: ServiceContext, supplies: SuppliesService, visits: VisitsService, clock: FixedClock
) -> None:
    household = _flagged(ctx)
    supplies.hand_out(household, "water")
    clock.advance(timedelta(hours=3))

    visits.check_in(household)

    assert len(visits.visits_today(household)) == 2
    assert SitrepService(ctx).report().posts[0].visits_today == 2
