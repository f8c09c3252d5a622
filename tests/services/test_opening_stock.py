"""The opening stock: every filled-in item booked at once, or nothing (issue 18, item 7)."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import func, select

from noodpost.core.errors import UserError
from noodpost.services.base import ServiceContext
from noodpost.services.opening_stock import OpeningStockService
from noodpost.services.supplies import SuppliesService
from noodpost.storage.models import StockMovement


def _movements(ctx: ServiceContext) -> int:
    with ctx.read() as session:
        return session.scalar(select(func.count()).select_from(StockMovement)) or 0


def test_every_filled_in_item_is_booked_as_a_delivery_beginvoorraad(ctx: ServiceContext) -> None:
    booked = OpeningStockService(ctx).book(
        {"water": 500, "blanket": 40, "torch": None, "pet_food": 0}
    )
    assert [(m.item.code, m.quantity, m.kind, m.reason) for m in booked] == [
        ("water", 500, "delivery", "Beginvoorraad"),
        ("blanket", 40, "delivery", "Beginvoorraad"),
    ]
    assert booked[0].stock.text == "500 l"
    supplies = SuppliesService(ctx)
    assert supplies.stock_booked()
    assert supplies.stock_of("torch").quantity == 0


@pytest.mark.parametrize(
    ("amounts", "words"),
    [
        ({"water": 500, "blanket": math.nan}, "Deken: Vul de hoeveelheid in als getal"),
        ({"water": 500, "blanket": -2}, "Deken: Vul een hoeveelheid groter dan 0 in."),
        ({"water": 500, "blanket": 1e9}, "Deken: "),
        ({"water": None}, "Vul bij minstens één artikel in"),
    ],
)
def test_one_wrong_amount_books_nothing(
    ctx: ServiceContext, amounts: dict[str, float | None], words: str
) -> None:
    with pytest.raises(UserError) as refused:
        OpeningStockService(ctx).book(amounts)
    assert words in refused.value.message
    assert _movements(ctx) == 0
