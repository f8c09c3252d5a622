"""An item's stock ledger at a post, read in parts (for :class:`SuppliesService`).

The ledger is every delivery and correction (``stock_movement``) and every hand-out and undo
(``distribution``) of one item at one post, newest first: by time, then HLC, then id. The
balance after a line is the stock now minus every change newer than that line, so any part
of a long ledger can be read without reading the rest — what a scrolling list needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import ColumnElement, Subquery, and_, func, or_, select, union_all
from sqlalchemy.orm import Session

from noodpost.core.vocabulary import MovementKind
from noodpost.services.supply_types import Item, LedgerKind, LedgerRow, clean_total
from noodpost.storage.models import Distribution, Household, StockMovement

#: How many ids go into one ``IN (…)``.
CHUNK = 500

Key = tuple[str, int, str]  # at, hlc, id: the ledger's order


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in parts small enough for one ``IN (…)``."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def lines(post_code: str, item_id: str) -> Subquery:
    """Every ledger line of an item at a post: id, sort key and effect on stock."""
    moved = select(
        StockMovement.id.label("id"),
        func.coalesce(StockMovement.at, "").label("at"),
        StockMovement.created_hlc.label("hlc"),
        StockMovement.quantity.label("change"),
    ).where(
        StockMovement.item_id == item_id,
        StockMovement.post_code == post_code,
        StockMovement.deleted.is_(False),
    )
    given = select(
        Distribution.id.label("id"),
        func.coalesce(Distribution.at, "").label("at"),
        Distribution.created_hlc.label("hlc"),
        (-Distribution.quantity).label("change"),
    ).where(
        Distribution.item_id == item_id,
        Distribution.post_code == post_code,
        Distribution.deleted.is_(False),
    )
    return union_all(moved, given).subquery("ledger")


def _after(ledger: Subquery, key: Key) -> ColumnElement[bool]:
    """Lines newer than ``key`` in the ledger's order."""
    at, hlc, line_id = key
    c = ledger.c
    return or_(c.at > at, and_(c.at == at, or_(c.hlc > hlc, and_(c.hlc == hlc, c.id > line_id))))


def _before(ledger: Subquery, key: Key) -> ColumnElement[bool]:
    """Lines older than ``key`` in the ledger's order."""
    at, hlc, line_id = key
    c = ledger.c
    return or_(c.at < at, and_(c.at == at, or_(c.hlc < hlc, and_(c.hlc == hlc, c.id < line_id))))


def line_ids(session: Session, post_code: str, item_id: str, limit: int | None) -> list[str]:
    """The ids of the ledger's lines, newest first; the newest ``limit`` when given."""
    ledger = lines(post_code, item_id)
    query = select(ledger.c.id).order_by(
        ledger.c.at.desc(), ledger.c.hlc.desc(), ledger.c.id.desc()
    )
    if limit is not None:
        query = query.limit(max(0, limit))
    return list(session.scalars(query))


def rows(
    session: Session, post_code: str, item: Item, total: float, ids: Sequence[str]
) -> dict[str, LedgerRow]:
    """These lines of the ledger, each with the balance after it; unknown ids left out.

    Args:
        total: the item's stock at the post now (the balance after the newest line).
    """
    ledger = lines(post_code, item.id)
    wanted = list(dict.fromkeys(ids))
    keys: list[Key] = []
    for part in chunks(wanted):
        keys.extend(
            (at, hlc, line_id)
            for line_id, at, hlc in session.execute(
                select(ledger.c.id, ledger.c.at, ledger.c.hlc).where(ledger.c.id.in_(part))
            )
        )
    if not keys:
        return {}
    newest, oldest = max(keys), min(keys)
    newer = session.scalar(select(func.sum(ledger.c.change)).where(_after(ledger, newest)))
    window = session.execute(
        select(ledger.c.id, ledger.c.change)
        .where(~_after(ledger, newest), ~_before(ledger, oldest))
        .order_by(ledger.c.at.desc(), ledger.c.hlc.desc(), ledger.c.id.desc())
    )
    running = float(newer or 0.0)
    balances: dict[str, float] = {}
    for line_id, change in window:
        balances[line_id] = clean_total(total - running)
        running += float(change)

    found: dict[str, LedgerRow] = {}
    for part in chunks(sorted(key[2] for key in keys)):
        for m in session.scalars(select(StockMovement).where(StockMovement.id.in_(part))):
            kind = LedgerKind.DELIVERY if m.kind == MovementKind.DELIVERY else LedgerKind.CORRECTION
            found[m.id] = LedgerRow(
                m.id, kind, m.at, clean_total(m.quantity), balances[m.id], m.reason, None, None
            )
        hand_outs = session.execute(
            select(Distribution, Household.card_code)
            .outerjoin(Household, Household.id == Distribution.household_id)
            .where(Distribution.id.in_(part))
        )
        for d, card_code in hand_outs:
            found[d.id] = LedgerRow(
                d.id,
                LedgerKind.UNDO if d.corrects else LedgerKind.HAND_OUT,
                d.at,
                clean_total(-d.quantity),
                balances[d.id],
                d.override_reason,
                d.household_id,
                d.corrects,
                card_code,
            )
    return found
