"""The stock and ledger lists as the Uitgifte & voorraad screen reads them, part by part."""

from __future__ import annotations

from datetime import timedelta

import pytest

from noodpost.core.catalogue import item_id
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.supplies import LedgerKind, SuppliesService


@pytest.fixture
def supplies(ctx: ServiceContext) -> SuppliesService:
    return SuppliesService(ctx)


def test_stock_ids_follow_the_stock_list(supplies: SuppliesService) -> None:
    supplies.record_delivery("water", 50)
    supplies.record_correction("torch", -2, "Kapot gevallen")

    ids = supplies.stock_ids()
    assert ids == [line.item.id for line in supplies.stock()]

    lines = supplies.stock_by_id([item_id("water"), "unknown", item_id("torch")])
    assert set(lines) == {item_id("water"), item_id("torch")}
    assert lines[item_id("water")] == supplies.stock_of("water")
    assert lines[item_id("water")].below_minimum  # 50 l under the minimum of 200 l
    assert lines[item_id("torch")].negative
    assert supplies.stock_by_id([]) == {}


def test_ledger_parts_agree_with_the_whole_ledger(
    ctx: ServiceContext, clock: FixedClock, supplies: SuppliesService
) -> None:
    household = IntakeService(ctx).register(size=4)
    supplies.record_delivery("water", 100, "Waterbedrijf")
    for _ in range(6):
        clock.advance(timedelta(minutes=7))
        supplies.hand_out(household.household_id, "water", 2, override_reason="Veel dorst")
    clock.advance(timedelta(minutes=1))
    supplies.record_correction("water", -5, "Lekkende jerrycan")
    clock.advance(timedelta(minutes=1))
    last = supplies.hand_out(household.household_id, "water", 3, override_reason="Nog meer")
    supplies.undo_hand_out(last.id)

    whole = supplies.ledger("water")
    ids = supplies.ledger_ids("water")
    assert ids == [row.id for row in whole]
    assert len(ids) == 10
    assert whole[0].balance == supplies.stock_of("water").quantity == 83

    # Any part, in any order, gives the same lines with the same balances.
    part = supplies.ledger_by_id("water", [ids[6], ids[3], ids[4], "unknown"])
    assert set(part) == {ids[3], ids[4], ids[6]}
    for line_id in part:
        assert part[line_id] == next(row for row in whole if row.id == line_id)

    oldest = supplies.ledger_by_id("water", [ids[-1]])[ids[-1]]
    assert (oldest.kind, oldest.change, oldest.balance, oldest.reason) == (
        LedgerKind.DELIVERY,
        100,
        100,
        "Waterbedrijf",
    )
    hand_out = next(row for row in whole if row.kind == LedgerKind.HAND_OUT)
    assert hand_out.card_code == household.card_code
    assert hand_out.change == -3
    assert supplies.ledger("water", limit=3) == whole[:3]


def test_ledger_of_an_unknown_item(supplies: SuppliesService) -> None:
    with pytest.raises(NotFound, match="staat niet in de voorraadlijst"):
        supplies.ledger_ids("gold")
    assert supplies.ledger_by_id("water", []) == {}
