"""Paper forms typed in afterwards keep the time on the paper (issue 17, *papier invoeren*).

The post opened on 28 November at 10:00; the power was out on the 29th; the forms are typed in
on the 30th. What happened on the 29th counts on the 29th — visit, hand-outs, the ration.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from support import Carry

from noodpost.core.clock import FixedClock, iso
from noodpost.core.errors import NeedsConfirmation, Refused, UserError
from noodpost.reports.sitrep import SitrepService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.paper_entry import DuplicateHousehold, PaperEntryService, PaperForm
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.storage.models import Distribution, Household, Visit

#: 29 November, 14:00 in the Netherlands (13:00 UTC): the day the laptop was off.
YESTERDAY_14 = datetime(2026, 11, 29, 13, 0, tzinfo=UTC)


@pytest.fixture
def paper(ctx: ServiceContext, clock: FixedClock) -> PaperEntryService:
    SuppliesService(ctx).record_delivery("water", 500, "gemeente")
    clock.advance(timedelta(days=2))  # now 30 November, 10:00
    return PaperEntryService(ctx)


@pytest.fixture
def form_code(ctx: ServiceContext) -> str:
    """A code reserved for a paper form (``noodpost paper forms``)."""
    return IntakeService(ctx).reserve_blank_cards(1)[0]


def test_a_form_from_yesterday_counts_yesterday(
    ctx: ServiceContext, paper: PaperEntryService, form_code: str
) -> None:
    entered = paper.enter(
        PaperForm(
            form_code,
            YESTERDAY_14,
            size=2,
            name="Jansen",
            left_at=YESTERDAY_14 + timedelta(hours=3),
            hand_outs=(("water", 6),),
        )
    )

    assert entered.registered
    with ctx.read() as session:
        household = session.get(Household, entered.household_id)
        visits = session.scalars(select(Visit)).all()
        hand_outs = session.scalars(select(Distribution)).all()
    assert household is not None
    assert (household.card_code, household.registered_at, household.from_paper) == (
        form_code,
        iso(YESTERDAY_14),
        True,
    )
    assert [(v.checked_in_at, v.checked_out_at, v.from_paper) for v in visits] == [
        (iso(YESTERDAY_14), iso(YESTERDAY_14 + timedelta(hours=3)), True)
    ]
    assert [(d.quantity, d.at, d.from_paper) for d in hand_outs] == [(6.0, iso(YESTERDAY_14), True)]
    # Yesterday's 6 l were that day's ration: today the household may have its 6 l again.
    water = next(
        a for a in SuppliesService(ctx).allowance(entered.household_id) if a.item.code == "water"
    )
    assert (water.received, water.remaining) == (0, 6)
    assert VisitsService(ctx).occupancy()[0] == 0  # left yesterday: nobody present now


def test_beyond_that_days_ration_asks_for_a_reason_and_writes_nothing(
    ctx: ServiceContext,
    paper: PaperEntryService,
    form_code: str,
    event_count: Callable[[], int],
) -> None:
    entered = paper.enter(PaperForm(form_code, YESTERDAY_14, size=1, hand_outs=(("water", 3),)))
    later = YESTERDAY_14 + timedelta(hours=4)
    before = event_count()

    with pytest.raises(NeedsConfirmation) as asked:
        paper.enter(PaperForm(form_code, later, left_at=later, hand_outs=(("water", 3),)))

    assert asked.value.needs_reason
    assert event_count() == before  # not the visit either: one form, one unit of work
    paper.enter(
        PaperForm(form_code, later, left_at=later, hand_outs=(("water", 3),), reason="warm")
    )
    with ctx.read() as session:
        assert (
            session.scalar(
                select(Distribution.override_reason).where(Distribution.at == iso(later))
            )
            == "warm"
        )
    assert entered.pretty_code


def test_a_form_of_a_registered_household_is_offered_as_a_duplicate(
    ctx: ServiceContext,
    paper: PaperEntryService,
    form_code: str,
    event_count: Callable[[], int],
) -> None:
    known = IntakeService(ctx).register(size=3, name="Bakker", birth_year=1950, postcode="9791AB")
    before = event_count()
    form = PaperForm(
        form_code,
        YESTERDAY_14,
        size=3,
        name="bakker",
        birth_year=1950,
        postcode="9791 ab",
        left_at=YESTERDAY_14 + timedelta(hours=1),
    )

    with pytest.raises(DuplicateHousehold) as offered:
        paper.enter(form)

    assert [h.id for h in offered.value.households] == [known.household_id]
    assert event_count() == before  # never merged by itself
    entered = paper.enter(
        PaperForm(**{**form.__dict__, "household_id": known.household_id})  # the volunteer chose
    )
    assert (entered.household_id, entered.registered) == (known.household_id, False)
    with ctx.read() as session:
        assert session.scalar(select(Visit.household_id)) == known.household_id
        households = session.scalars(select(Household.id)).all()
    assert households == [known.household_id]


@pytest.mark.parametrize(
    ("moment", "says"),
    [
        (datetime(2026, 11, 30, 12, 0, tzinfo=UTC), "in de toekomst"),
        (datetime(2026, 11, 27, 12, 0, tzinfo=UTC), "voor de opening van de post"),
    ],
    ids=["future", "before opening"],
)
def test_a_time_that_cannot_be_right_is_refused(
    paper: PaperEntryService,
    form_code: str,
    event_count: Callable[[], int],
    moment: datetime,
    says: str,
) -> None:
    before = event_count()
    with pytest.raises(UserError, match=says):
        paper.enter(PaperForm(form_code, moment, size=2))
    assert event_count() == before


def test_a_household_present_now_needs_the_time_it_left(
    ctx: ServiceContext, paper: PaperEntryService
) -> None:
    known = IntakeService(ctx).register(size=2)
    VisitsService(ctx).check_in(known.household_id)

    with pytest.raises(Refused, match="vertrektijd"):
        paper.enter(PaperForm(known.card_code, YESTERDAY_14))


def test_the_hubs_sitrep_counts_what_came_from_paper(
    ctx: ServiceContext,
    paper: PaperEntryService,
    form_code: str,
    hub: ServiceContext,
    to_hub: Carry,
) -> None:
    IntakeService(ctx).register(size=1)  # typed at the desk: not from paper
    paper.enter(
        PaperForm(
            form_code,
            YESTERDAY_14,
            size=2,
            left_at=YESTERDAY_14 + timedelta(hours=1),
            hand_outs=(("water", 3), ("food_package", 1)),
        )
    )

    to_hub()

    report = SitrepService(hub).report()
    assert report.total.from_paper == 4  # the household, its visit, two hand-outs
    assert report.posts[0].from_paper == 4
