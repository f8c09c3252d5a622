"""Supplies: stock as the ledger sum, ration warnings with override, undo of a hand-out."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from support import Carry

from noodpost.core.catalogue import item_id
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import NeedsConfirmation, NotFound, Refused, UserError
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.supplies import UNDO_MINUTES, LedgerKind, SuppliesService
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import Distribution, StockMovement, SupplyItem, Visit

EventCount = Callable[[], int]


@pytest.fixture
def supplies(ctx: ServiceContext) -> SuppliesService:
    return SuppliesService(ctx)


@pytest.fixture
def household(ctx: ServiceContext) -> str:
    """A household of two: 6 l of water a day."""
    return IntakeService(ctx).register(size=2).household_id


def stock(supplies: SuppliesService, code: str) -> float:
    return supplies.stock_of(code).quantity


def visit_count(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return int(session.scalar(select(func.count()).select_from(Visit)) or 0)


def distributions(ctx: ServiceContext) -> list[Distribution]:
    with ctx.read() as session:
        rows = list(session.scalars(select(Distribution).order_by(Distribution.created_hlc)))
        session.expunge_all()
        return rows


def retire(hub: ServiceContext, to_post: Carry, code: str) -> None:
    """What a newer catalogue from the hub does: the item is retired, never deleted."""
    with hub.write() as uow:
        row = uow.session.get(SupplyItem, item_id(code))
        assert row is not None
        uow.emit(
            "supply_item",
            row.id,
            Op.UPDATE,
            {"code": row.code, "name": row.name, "unit": row.unit, "retired": True, "version": 2},
        )
    to_post()


# ---------------------------------------------------------------- catalogue


def test_items_are_the_active_catalogue(
    hub: ServiceContext, to_post: Carry, supplies: SuppliesService
) -> None:
    items = supplies.items()
    codes = [i.code for i in items]

    assert "water" in codes
    assert "food_package" in codes
    assert [i.name for i in items] == sorted(i.name for i in items)
    water = supplies.item("water")
    assert supplies.item(water.id) == water
    assert water.unit == "l"
    assert water.ration_per_person_per_day == 3
    assert water.quick_quantity == 3

    retire(hub, to_post, "torch")
    assert "torch" not in [i.code for i in supplies.items()]
    assert supplies.item("torch").retired


def test_unknown_item_is_not_found(supplies: SuppliesService) -> None:
    with pytest.raises(NotFound, match="staat niet in de voorraadlijst"):
        supplies.item("champagne")


# ---------------------------------------------------------------- stock and ledger


def test_stock_is_the_ledger_sum(
    supplies: SuppliesService, household: str, clock: FixedClock, event_count: EventCount
) -> None:
    before = event_count()
    delivery = supplies.record_delivery("water", 100, "Gemeente Groningen")
    clock.advance(timedelta(minutes=1))
    correction = supplies.record_correction("water", -4, "Twee jerrycans lek")
    clock.advance(timedelta(minutes=1))
    given_out = supplies.hand_out(household, "water", 3)

    assert event_count() == before + 4  # and a passing visit: served counts as seen
    assert delivery.stock.quantity == 100
    assert delivery.reason == "Gemeente Groningen"
    assert correction.stock.quantity == 96
    assert given_out.stock.quantity == 93
    assert stock(supplies, "water") == 93
    line = next(s for s in supplies.stock() if s.item.code == "water")
    assert line.quantity == 93
    assert line.min_stock == 200
    assert line.below_minimum
    assert not line.negative
    assert line.text == "93 l"

    ledger = supplies.ledger("water")
    assert [r.kind for r in ledger] == [
        LedgerKind.HAND_OUT,
        LedgerKind.CORRECTION,
        LedgerKind.DELIVERY,
    ]
    assert [r.change for r in ledger] == [-3, -4, 100]
    assert [r.balance for r in ledger] == [93, 96, 100]
    assert ledger[0].household_id == household
    assert ledger[1].reason == "Twee jerrycans lek"
    assert [r.label for r in ledger] == ["uitgifte", "correctie", "levering"]


def test_stock_above_minimum_is_not_flagged(supplies: SuppliesService) -> None:
    supplies.record_delivery("food_package", 30)
    line = supplies.stock_of("food_package")

    assert line.quantity == 30
    assert not line.below_minimum
    assert not line.negative


def test_stock_counts_only_this_posts_ledger(
    supplies: SuppliesService, hub: ServiceContext, to_hub: Carry
) -> None:
    """The hub holds every post's ledger after sync; its own stock is its own."""
    supplies.record_delivery("water", 50)
    to_hub()
    at_hub = SuppliesService(hub)
    at_hub.record_delivery("water", 70)
    assert stock(at_hub, "water") == 70
    assert stock(supplies, "water") == 50


def test_negative_stock_is_flagged_not_blocked(
    supplies: SuppliesService, household: str, event_count: EventCount
) -> None:
    before = event_count()
    result = supplies.hand_out(household, "water")

    assert event_count() == before + 2  # the hand-out and a passing visit
    assert result.quantity == 3  # the item's quick quantity
    assert result.stock.quantity == -3
    assert result.stock.negative
    line = next(s for s in supplies.stock() if s.item.code == "water")
    assert line.quantity == -3
    assert line.negative
    assert line.below_minimum


def test_correction_needs_a_reason(supplies: SuppliesService, event_count: EventCount) -> None:
    before = event_count()
    for reason in (None, "", "   "):
        with pytest.raises(UserError, match="Vul een reden in"):
            supplies.record_correction("water", -5, reason)
    assert event_count() == before


@pytest.mark.parametrize(
    ("quantity", "phrase"),
    [
        (0, "groter dan 0"),
        (-5, "groter dan 0"),
        (math.nan, "als getal"),
        (math.inf, "als getal"),
        (1_000_000, "kan niet kloppen"),
    ],
)
def test_impossible_delivery_is_refused(
    supplies: SuppliesService, event_count: EventCount, quantity: float, phrase: str
) -> None:
    before = event_count()
    with pytest.raises(UserError, match=phrase):
        supplies.record_delivery("water", quantity)
    assert event_count() == before


def test_zero_correction_is_refused(supplies: SuppliesService, event_count: EventCount) -> None:
    before = event_count()
    with pytest.raises(UserError, match="verandert niets"):
        supplies.record_correction("water", 0, "telling")
    assert event_count() == before


def test_delivery_of_a_retired_item_is_refused(
    hub: ServiceContext, to_post: Carry, supplies: SuppliesService, event_count: EventCount
) -> None:
    retire(hub, to_post, "torch")
    before = event_count()
    with pytest.raises(Refused, match="niet meer in de voorraadlijst"):
        supplies.record_delivery("torch", 5)
    assert event_count() == before
    # What is left of it can still be corrected away.
    assert supplies.record_correction("torch", -2, "kapot").stock.quantity == -2
    assert "torch" in [s.item.code for s in supplies.stock()]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["delivery", "correction", "hand_out"]),
            st.integers(min_value=1, max_value=4000).map(lambda n: n / 4),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_stock_always_equals_deliveries_and_corrections_minus_hand_outs(
    ctx: ServiceContext,
    supplies: SuppliesService,
    household: str,
    event_count: EventCount,
    steps: list[tuple[str, float, bool]],
) -> None:
    start_stock = stock(supplies, "hot_meal")
    start_events = event_count() - visit_count(ctx)  # the first hand-out adds a passing visit
    expected = start_stock
    for kind, quantity, negative in steps:
        if kind == "delivery":
            supplies.record_delivery("hot_meal", quantity)
            expected += quantity
        elif kind == "correction":
            signed = -quantity if negative else quantity
            supplies.record_correction("hot_meal", signed, "telling")
            expected += signed
        else:
            supplies.hand_out(household, "hot_meal", quantity, override_reason="grote groep")
            expected -= quantity

    assert stock(supplies, "hot_meal") == pytest.approx(expected)
    assert event_count() - visit_count(ctx) == start_events + len(steps)
    with ctx.read() as session:
        moved = sum(
            session.scalars(
                select(StockMovement.quantity).where(StockMovement.item_id == item_id("hot_meal"))
            )
        )
        given_out = sum(
            session.scalars(
                select(Distribution.quantity).where(Distribution.item_id == item_id("hot_meal"))
            )
        )
    assert stock(supplies, "hot_meal") == pytest.approx(moved - given_out)


# ---------------------------------------------------------------- rations


def test_water_beyond_todays_ration_needs_a_reason(
    supplies: SuppliesService, household: str, clock: FixedClock, event_count: EventCount
) -> None:
    supplies.hand_out(household, "water", 3)
    clock.advance(timedelta(minutes=10))
    supplies.hand_out(household, "water", 3)
    clock.advance(timedelta(minutes=10))
    before = event_count()

    with pytest.raises(NeedsConfirmation) as asked:
        supplies.hand_out(household, "water", 3)

    assert asked.value.needs_reason
    assert "3 l" in asked.value.message
    assert "Geef een reden" in asked.value.message
    assert asked.value.warnings == (
        "Drinkwater: vandaag al 6 van 6 l ontvangen.",
        "Met 3 l erbij wordt het 9 l: 3 l meer dan het rantsoen.",
    )
    assert event_count() == before
    assert len(distributions(supplies.ctx)) == 2


def test_a_blank_reason_is_no_reason(
    supplies: SuppliesService, household: str, event_count: EventCount
) -> None:
    supplies.hand_out(household, "water", 6)
    before = event_count()
    with pytest.raises(NeedsConfirmation):
        supplies.hand_out(household, "water", 3, override_reason="   ")
    assert event_count() == before


def test_override_with_a_reason_writes_one_event_with_the_reason(
    ctx: ServiceContext, supplies: SuppliesService, household: str, event_count: EventCount
) -> None:
    supplies.hand_out(household, "water", 6)
    before = event_count()

    result = supplies.hand_out(
        household, "water", 3, override_reason="  Baby in huis, flesvoeding  "
    )

    assert event_count() == before + 1
    assert result.override_reason == "Baby in huis, flesvoeding"
    rows = distributions(ctx)
    assert len(rows) == 2
    assert rows[-1].override_reason == "Baby in huis, flesvoeding"
    assert rows[-1].quantity == 3
    water = next(a for a in supplies.allowance(household) if a.item.code == "water")
    assert water.received == 9
    assert water.remaining == 0
    assert water.reached


def test_food_package_within_the_minimum_interval_warns(
    supplies: SuppliesService, household: str, clock: FixedClock, event_count: EventCount
) -> None:
    supplies.hand_out(household, "food_package")
    clock.advance(timedelta(minutes=30))
    before = event_count()

    with pytest.raises(NeedsConfirmation) as asked:
        supplies.hand_out(household, "food_package")

    assert asked.value.needs_reason
    assert any("minstens 4 uur" in w for w in asked.value.warnings)
    assert any("Weer mogelijk vanaf 14:00" in w for w in asked.value.warnings)
    assert event_count() == before


def test_interval_alone_warns_even_within_the_ration(
    supplies: SuppliesService, household: str, clock: FixedClock, event_count: EventCount
) -> None:
    supplies.hand_out(household, "blanket")  # 1 per person: 2 for this household, once a day
    clock.advance(timedelta(hours=1))
    before = event_count()

    with pytest.raises(NeedsConfirmation) as asked:
        supplies.hand_out(household, "blanket")

    assert "te kort geleden" in asked.value.message
    assert len(asked.value.warnings) == 1
    assert "minstens 1 dag" in asked.value.warnings[0]
    assert event_count() == before


def test_the_next_dutch_day_resets_the_ration(
    supplies: SuppliesService, household: str, clock: FixedClock, event_count: EventCount
) -> None:
    supplies.hand_out(household, "water", 6)
    clock.advance(timedelta(hours=14))  # 23:00 UTC on the 28th: 00:00 on the 29th here
    before = event_count()

    result = supplies.hand_out(household, "water", 6)

    assert event_count() == before + 2  # and a passing visit: a new day, a new visit
    assert result.override_reason is None
    water = next(a for a in supplies.allowance(household) if a.item.code == "water")
    assert water.received == 6
    assert water.text == "6 l van 6 l"


def test_still_the_same_dutch_day_one_minute_before_midnight(
    supplies: SuppliesService, household: str, clock: FixedClock
) -> None:
    supplies.hand_out(household, "water", 6)
    clock.advance(timedelta(hours=13, minutes=59))  # 23:59 here

    with pytest.raises(NeedsConfirmation):
        supplies.hand_out(household, "water", 3)


def test_allowance_shows_what_was_received_today(
    supplies: SuppliesService, household: str, clock: FixedClock
) -> None:
    supplies.hand_out(household, "water", 3)
    supplies.hand_out(household, "food_package")

    lines = {a.item.code: a for a in supplies.allowance(household)}

    assert lines["water"].text == "3 l van 6 l"
    assert lines["water"].remaining == 3
    assert not lines["water"].reached
    assert lines["food_package"].received == 1
    assert lines["food_package"].remaining == 0
    assert lines["food_package"].next_allowed_at == "2026-11-28T13:00:00.000+00:00"
    assert lines["food_package"].text == "1 pakket van 1 pakket · weer vanaf 14:00"
    assert lines["hot_meal"].received == 0
    assert lines["hot_meal"].limit == 4


def test_allowance_of_unknown_household_is_not_found(supplies: SuppliesService) -> None:
    with pytest.raises(NotFound, match="huishouden"):
        supplies.allowance("no-such-household")


# ---------------------------------------------------------------- hand-out refusals


def test_hand_out_refuses_unknown_household_and_item(
    supplies: SuppliesService, household: str, event_count: EventCount
) -> None:
    before = event_count()
    with pytest.raises(NotFound, match="niet \\(meer\\) bekend"):
        supplies.hand_out("no-such-household", "water")
    with pytest.raises(NotFound, match="staat niet in de voorraadlijst"):
        supplies.hand_out(household, "champagne")
    assert event_count() == before


def test_hand_out_refuses_a_retired_item(
    hub: ServiceContext,
    to_post: Carry,
    supplies: SuppliesService,
    household: str,
    event_count: EventCount,
) -> None:
    retire(hub, to_post, "candles")
    before = event_count()
    with pytest.raises(Refused, match="wordt niet meer uitgegeven"):
        supplies.hand_out(household, "candles")
    assert event_count() == before


@pytest.mark.parametrize("quantity", [0, -3, 0.0])
def test_hand_out_refuses_a_quantity_of_zero_or_less(
    supplies: SuppliesService, household: str, event_count: EventCount, quantity: float
) -> None:
    before = event_count()
    with pytest.raises(UserError, match="groter dan 0"):
        supplies.hand_out(household, "water", quantity)
    assert event_count() == before


def test_hand_out_without_quantity_or_quick_quantity_asks_for_one(
    ctx: ServiceContext, supplies: SuppliesService, household: str, event_count: EventCount
) -> None:
    with ctx.write() as uow:
        uow.emit(
            "supply_item",
            item_id("soup"),
            Op.CREATE,
            {"code": "soup", "name": "Soep", "unit": "kom", "version": 1},
        )
    before = event_count()
    with pytest.raises(UserError, match="Vul in hoeveel soep \\(kom\\)"):
        supplies.hand_out(household, "soup")
    assert event_count() == before
    assert supplies.hand_out(household, "soup", 2).quantity == 2  # no ration: no warning


# ---------------------------------------------------------------- undo


def test_undo_within_five_minutes_restores_stock_and_ration(
    ctx: ServiceContext,
    supplies: SuppliesService,
    household: str,
    clock: FixedClock,
    event_count: EventCount,
) -> None:
    supplies.record_delivery("water", 10)
    given_out = supplies.hand_out(household, "water", 6)
    assert given_out.undoable
    assert given_out.stock.quantity == 4
    clock.advance(timedelta(minutes=UNDO_MINUTES))
    before = event_count()

    undone = supplies.undo_hand_out(given_out.id)

    assert event_count() == before + 1
    assert undone.id == given_out.id
    assert undone.undone
    assert not undone.undoable
    assert undone.stock.quantity == 10
    rows = distributions(ctx)
    assert len(rows) == 2  # nothing deleted: a correcting hand-out was added
    assert rows[-1].quantity == -6
    assert rows[-1].corrects == given_out.id
    assert rows[-1].id == undone.correction_id
    ledger = supplies.ledger("water")
    assert [r.kind for r in ledger] == [LedgerKind.UNDO, LedgerKind.HAND_OUT, LedgerKind.DELIVERY]
    assert ledger[0].change == 6
    water = next(a for a in supplies.allowance(household) if a.item.code == "water")
    assert water.received == 0
    supplies.hand_out(household, "water", 6)  # the full ration again, no reason needed


def test_undo_after_five_minutes_is_refused(
    supplies: SuppliesService, household: str, clock: FixedClock, event_count: EventCount
) -> None:
    given_out = supplies.hand_out(household, "water", 3)
    clock.advance(timedelta(minutes=UNDO_MINUTES, seconds=1))
    before = event_count()

    with pytest.raises(Refused, match="alleen binnen 5 minuten"):
        supplies.undo_hand_out(given_out.id)

    assert event_count() == before
    assert stock(supplies, "water") == -3
    last = supplies.last_hand_out()
    assert last is not None
    assert not last.undoable
    assert not last.undone


def test_undo_twice_is_refused(
    supplies: SuppliesService, household: str, event_count: EventCount
) -> None:
    given_out = supplies.hand_out(household, "water", 3)
    undone = supplies.undo_hand_out(given_out.id)
    before = event_count()

    with pytest.raises(Refused, match="al teruggedraaid"):
        supplies.undo_hand_out(given_out.id)
    assert undone.correction_id is not None
    with pytest.raises(Refused, match="zelf een terugdraaiing"):
        supplies.undo_hand_out(undone.correction_id)
    with pytest.raises(NotFound, match="niet bekend"):
        supplies.undo_hand_out("no-such-hand-out")

    assert event_count() == before
    assert stock(supplies, "water") == 0


def test_undo_of_another_posts_hand_out_is_refused(
    supplies: SuppliesService, household: str, hub: ServiceContext, to_hub: Carry
) -> None:
    """The hub sees a post's hand-outs after sync; only the post may undo them."""
    handed = supplies.hand_out(household, "water")
    to_hub()
    with hub.read() as session:
        before = count_events(session)
    with pytest.raises(Refused, match="noodsteunpunt GR-0014"):
        SuppliesService(hub).undo_hand_out(handed.id)
    with hub.read() as session:
        assert count_events(session) == before


def test_last_hand_out_is_for_the_desk(
    supplies: SuppliesService, household: str, clock: FixedClock
) -> None:
    assert supplies.last_hand_out() is None
    supplies.hand_out(household, "water", 3)
    clock.advance(timedelta(minutes=1))
    latest = supplies.hand_out(household, "food_package")

    last = supplies.last_hand_out()

    assert last is not None
    assert last == replace(latest, stock=None)  # read on every scan: no stock sum
    assert last.item.code == "food_package"
    assert last.text == "Voedselpakket 1 pakket"
    assert last.card_code is not None
    assert last.undoable
    assert last.undo_until == "2026-11-28T09:06:00.000+00:00"
    supplies.undo_hand_out(last.id)
    after = supplies.last_hand_out()
    assert after is not None
    assert after.id == latest.id
    assert after.undone
    assert replace(supplies.hand_out_by_id(latest.id), stock=None) == after
