"""Presence at the warming/cooling location: check in, check out, occupancy vs capacity."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import POST_CODE, exactly

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.intake import IntakeService
from noodpost.services.visits import VisitsService
from noodpost.storage.engine import Database


@pytest.fixture
def visits(ctx: ServiceContext) -> VisitsService:
    return VisitsService(ctx)


@pytest.fixture
def register(ctx: ServiceContext) -> Callable[[int], str]:
    intake = IntakeService(ctx)

    def make(size: int) -> str:
        return intake.register(size=size).household_id

    return make


def test_check_in_counts_the_household_size(
    visits: VisitsService, register: Callable[[int], str], event_count: Callable[[], int]
) -> None:
    household = register(4)
    before = event_count()

    result = visits.check_in(household)

    assert event_count() == before + 1
    assert result.visit.household_id == household
    assert result.visit.persons == 4
    assert result.visit.present
    assert result.visit.post_code == POST_CODE
    assert result.visit.checked_in_at == "2026-11-28T09:00:00.000+00:00"
    assert result.visit.checked_out_at is None
    assert (result.present, result.capacity, result.warning) == (4, 80, None)
    assert visits.occupancy() == (4, 80)
    assert visits.visit(result.visit.id) == result.visit


def test_check_in_with_fewer_persons_than_the_household(
    visits: VisitsService, register: Callable[[int], str]
) -> None:
    result = visits.check_in(register(5), persons=2)
    assert result.visit.persons == 2
    assert visits.occupancy() == (2, 80)


def test_over_capacity_warns_but_checks_in(
    visits: VisitsService, register: Callable[[int], str], event_count: Callable[[], int]
) -> None:
    for persons in (30, 30, 20):
        assert visits.check_in(register(persons)).warning is None
    assert visits.occupancy() == (80, 80)
    late = register(2)
    before = event_count()

    result = visits.check_in(late)

    assert event_count() == before + 1
    assert result.warning == "Let op: 82 aanwezig, capaciteit 80"
    assert result.visit.present
    assert visits.occupancy() == (82, 80)
    assert late in {p.household_id for p in visits.present()}


def test_no_capacity_set_never_warns(
    another_node: Callable[..., Database], clock: FixedClock
) -> None:
    ctx = ServiceContext(another_node("open", code="GR-0020", capacity=None), clock)
    household = IntakeService(ctx).register(size=30).household_id
    result = VisitsService(ctx).check_in(household)
    assert (result.present, result.capacity, result.warning) == (30, None, None)


def test_double_check_in_is_refused_and_writes_nothing(
    visits: VisitsService, register: Callable[[int], str], event_count: Callable[[], int]
) -> None:
    household = register(3)
    visits.check_in(household)
    before = event_count()

    with pytest.raises(Refused, match="al aangemeld als aanwezig \\(sinds 10:00\\)"):
        visits.check_in(household)

    assert event_count() == before
    assert visits.occupancy() == (3, 80)
    assert len(visits.present()) == 1


def test_unknown_household_is_not_found(
    visits: VisitsService, event_count: Callable[[], int]
) -> None:
    before = event_count()
    with pytest.raises(NotFound, match="Dit huishouden is niet bekend"):
        visits.check_in(new_id())
    with pytest.raises(NotFound, match="Dit huishouden is niet bekend"):
        visits.check_out(new_id())
    assert event_count() == before


@pytest.mark.parametrize("persons", [0, -1, 31])
def test_impossible_number_of_persons_is_refused(
    visits: VisitsService,
    register: Callable[[int], str],
    event_count: Callable[[], int],
    persons: int,
) -> None:
    household = register(2)
    before = event_count()
    with pytest.raises(UserError, match="aantal aanwezige personen"):
        visits.check_in(household, persons=persons)
    assert event_count() == before


def test_check_out_changes_occupancy(
    visits: VisitsService,
    register: Callable[[int], str],
    clock: FixedClock,
    event_count: Callable[[], int],
) -> None:
    stays, leaves = register(3), register(2)
    visits.check_in(stays)
    visit = visits.check_in(leaves).visit
    assert visits.occupancy() == (5, 80)
    clock.advance(timedelta(hours=2))
    before = event_count()

    result = visits.check_out(leaves)

    assert event_count() == before + 1
    assert result.visit.id == visit.id
    assert result.visit.status == "left"
    assert not result.visit.present
    assert result.visit.checked_out_at == "2026-11-28T11:00:00.000+00:00"
    assert (result.present, result.capacity) == (3, 80)
    assert visits.occupancy() == (3, 80)
    assert [p.household_id for p in visits.present()] == [stays]


def test_check_out_by_visit_id(visits: VisitsService, register: Callable[[int], str]) -> None:
    visit = visits.check_in(register(2)).visit
    result = visits.check_out(visit_id=visit.id)
    assert result.visit.status == "left"
    assert visits.occupancy() == (0, 80)


def test_check_out_of_someone_not_present_is_refused(
    visits: VisitsService,
    register: Callable[[int], str],
    clock: FixedClock,
    event_count: Callable[[], int],
) -> None:
    never_came = register(2)
    household = register(1)
    visit = visits.check_in(household).visit
    clock.advance(timedelta(minutes=30))
    visits.check_out(household)
    before = event_count()

    with pytest.raises(Refused, match="niet aangemeld als aanwezig"):
        visits.check_out(never_came)
    with pytest.raises(Refused, match="niet aangemeld als aanwezig"):
        visits.check_out(household)
    with pytest.raises(Refused, match="al afgemeld \\(om 10:30\\)"):
        visits.check_out(visit_id=visit.id)
    with pytest.raises(NotFound, match="Dit bezoek is niet bekend"):
        visits.check_out(visit_id=new_id())

    assert event_count() == before
    assert visits.visit(visit.id).checked_out_at == "2026-11-28T09:30:00.000+00:00"


def test_check_out_needs_exactly_one_reference(visits: VisitsService) -> None:
    with pytest.raises(ValueError, match="either"):
        visits.check_out()
    with pytest.raises(ValueError, match="either"):
        visits.check_out("a", visit_id="b")


def test_present_list_oldest_first_with_card_codes(
    ctx: ServiceContext, visits: VisitsService, clock: FixedClock
) -> None:
    intake = IntakeService(ctx)
    first = intake.register(size=2)
    second = intake.register(size=1)
    visits.check_in(first.household_id)
    clock.advance(timedelta(minutes=5))
    visits.check_in(second.household_id)

    present = visits.present()

    assert [(p.household_id, p.card_code, p.persons) for p in present] == [
        (first.household_id, first.card_code, 2),
        (second.household_id, second.card_code, 1),
    ]
    assert present[1].checked_in_at == "2026-11-28T09:05:00.000+00:00"


def test_check_in_again_after_leaving(
    visits: VisitsService, register: Callable[[int], str], clock: FixedClock
) -> None:
    household = register(2)
    visits.check_in(household)
    clock.advance(timedelta(hours=1))
    visits.check_out(household)
    clock.advance(timedelta(hours=1))
    again = visits.check_in(household)
    assert again.present == 2
    assert len(visits.visits_today(household)) == 2


def test_visits_today_and_last_seen(
    visits: VisitsService, register: Callable[[int], str], clock: FixedClock
) -> None:
    household = register(2)
    assert visits.visits_today(household) == []
    assert visits.last_seen(household) is None

    visits.check_in(household)  # Saturday 10:00
    clock.advance(timedelta(hours=3))
    visits.check_out(household)  # 13:00
    assert visits.last_seen(household) == "2026-11-28T12:00:00.000+00:00"
    [today] = visits.visits_today(household)
    assert today.status == "left"

    clock.advance(timedelta(hours=10, minutes=30))  # Saturday 23:30 local: still today
    late = visits.check_in(household).visit
    assert len(visits.visits_today(household)) == 2
    assert visits.last_seen(household) == late.checked_in_at

    clock.advance(timedelta(hours=1))  # Sunday 00:30 local: a new day
    assert visits.visits_today(household) == []
    assert visits.last_seen(household) == "2026-11-28T22:30:00.000+00:00"


def test_a_visit_for_another_post_cannot_be_written_here(
    ctx: ServiceContext,
    visits: VisitsService,
    register: Callable[[int], str],
    event_count: Callable[[], int],
) -> None:
    """A visit belongs to the post where it happened: one for another post is refused here,
    writes nothing, and the household is not counted as present."""
    household = register(3)
    before = event_count()
    with (
        pytest.raises(
            Refused,
            match=exactly(
                "Dit mag deze post niet: GR-0014 mag niet een bezoek aanmaken van GR-0099."
            ),
        ),
        ctx.write() as uow,
    ):
        uow.emit(
            "visit",
            new_id(),
            Op.CREATE,
            {
                "post_code": "GR-0099",
                "household_id": household,
                "persons": 3,
                "checked_in_at": ctx.now_iso(),
            },
        )
    assert event_count() == before
    assert visits.occupancy() == (0, 80)
    assert visits.present() == []
    with pytest.raises(Refused, match="niet aangemeld als aanwezig"):
        visits.check_out(household)
    assert visits.check_in(household).present == 3
