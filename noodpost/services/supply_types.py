"""What the supplies service returns: small frozen results, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from noodpost.core import dutch, rations
from noodpost.core.clock import parse_iso
from noodpost.core.vocabulary import MovementKind, label
from noodpost.storage.models import SupplyItem


class LedgerKind(StrEnum):
    DELIVERY = "delivery"
    CORRECTION = "correction"
    HAND_OUT = "hand_out"
    UNDO = "undo"


_LEDGER_LABELS = {
    LedgerKind.DELIVERY: label(MovementKind.DELIVERY),
    LedgerKind.CORRECTION: label(MovementKind.CORRECTION),
    LedgerKind.HAND_OUT: "uitgifte",
    LedgerKind.UNDO: "uitgifte teruggedraaid",
}


@dataclass(frozen=True)
class Item:
    """A catalogue item (hub-owned: a post reads it, never edits it)."""

    id: str
    code: str
    name: str
    unit: str
    category: str | None
    ration_per_person_per_day: float | None
    ration_per_household_per_day: float | None
    min_interval_minutes: int | None
    min_stock: float | None
    quick_quantity: float | None
    retired: bool

    @property
    def rule(self) -> rations.RationRule:
        return rations.RationRule(
            name=self.name,
            unit=self.unit,
            per_person_per_day=self.ration_per_person_per_day,
            per_household_per_day=self.ration_per_household_per_day,
            min_interval_minutes=self.min_interval_minutes,
        )


@dataclass(frozen=True)
class StockLine:
    """The stock of one item at this post.

    Attributes:
        quantity: deliveries + corrections − hand-outs (may be negative).
        below_minimum: under the item's minimum stock (time to ask the C-NSP for more).
        negative: more went out than the ledger shows came in — recount and correct.
    """

    item: Item
    quantity: float
    min_stock: float | None
    below_minimum: bool
    negative: bool

    @property
    def text(self) -> str:
        return dutch.format_quantity(self.quantity, self.item.unit)


@dataclass(frozen=True)
class Movement:
    """A delivery or correction that was recorded, with the item's stock afterwards."""

    id: str
    item: Item
    kind: str
    quantity: float
    reason: str | None
    at: str
    stock: StockLine


@dataclass(frozen=True)
class LedgerRow:
    """One line of an item's ledger at this post.

    Attributes:
        change: the effect on stock (a hand-out of 3 is −3; its undo +3).
        balance: the stock after this line, counting the ledger in the order shown.
        household_id: for hand-outs and undos.
        corrects: for an undo, the hand-out it reverses.
        card_code: for hand-outs and undos, the household's current card code.
    """

    id: str
    kind: LedgerKind
    at: str | None
    change: float
    balance: float
    reason: str | None
    household_id: str | None
    corrects: str | None
    card_code: str | None = None

    @property
    def label(self) -> str:
        return _LEDGER_LABELS[self.kind]


@dataclass(frozen=True)
class AllowanceLine:
    """What a household received of one item today and what the ration still allows.

    Attributes:
        received: received today (Dutch calendar day), undone hand-outs not counted.
        limit: today's ration for this household, ``None`` when the item has none.
        remaining: what the ration still allows today, ``None`` when unlimited.
        next_allowed_at: when the minimum interval has passed, if it has not yet (UTC ISO).
        text: the short Dutch summary for the desk, e.g. ``6 l van 12 l``.
    """

    item: Item
    received: float
    limit: float | None
    remaining: float | None
    next_allowed_at: str | None
    text: str

    @property
    def reached(self) -> bool:
        """Nothing more without a reason: the ration is used up or the interval not over."""
        return self.next_allowed_at is not None or (
            self.remaining is not None and self.remaining <= rations.EPSILON
        )


@dataclass(frozen=True)
class HandOut:
    """A hand-out to a household, with what the desk needs to show and undo it.

    Attributes:
        card_code: the household's current card code, for the desk's "last actions" line.
        correction_id: the correcting hand-out that undid this one, if any.
        undo_until: until when it can be undone (UTC ISO).
        undoable: not undone, of this post and still within :data:`UNDO_MINUTES`, when read.
        stock: the item's stock at this post, as read with this result; ``None`` from
            :meth:`SuppliesService.last_hand_out`, which is read on every scan for the undo
            button and leaves the stock sum out.
    """

    id: str
    household_id: str
    card_code: str | None
    item: Item
    quantity: float
    at: str
    override_reason: str | None
    correction_id: str | None
    undo_until: str
    undoable: bool
    stock: StockLine | None

    @property
    def undone(self) -> bool:
        return self.correction_id is not None

    def undoable_at(self, now: datetime) -> bool:
        """Whether it may still be undone at ``now`` (it was when read, and its time has not
        run out since): the desk reads it with the panel and asks when F7 is pressed."""
        return self.undoable and bool(self.undo_until) and now <= parse_iso(self.undo_until)

    @property
    def text(self) -> str:
        return f"{self.item.name} {dutch.format_quantity(self.quantity, self.item.unit)}"


def item_from_row(row: SupplyItem) -> Item:
    return Item(
        id=row.id,
        code=row.code,
        name=row.name,
        unit=row.unit,
        category=row.category,
        ration_per_person_per_day=row.ration_per_person_per_day,
        ration_per_household_per_day=row.ration_per_household_per_day,
        min_interval_minutes=row.min_interval_minutes,
        min_stock=row.min_stock,
        quick_quantity=row.quick_quantity,
        retired=bool(row.retired),
    )


def clean_total(total: float | None) -> float:
    """A ledger sum without float dust (``0.1 + 0.2`` is ``0.3``; ``-0.0`` is ``0``)."""
    value = round(float(total or 0.0), 6)
    return 0.0 if abs(value) < rations.EPSILON else value


def stock_line(item: Item, quantity: float) -> StockLine:
    below = item.min_stock is not None and quantity < item.min_stock - rations.EPSILON
    return StockLine(item, quantity, item.min_stock, below, quantity < 0)
