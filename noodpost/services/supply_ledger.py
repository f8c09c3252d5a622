"""An item's stock ledger at a post, read in parts (for :class:`SuppliesService`).

The ledger is every delivery and correction (``stock_movement``), every line of a supply
dispatch from the C-NSP that the post confirmed as received (``supply_dispatch``, counted as
what arrived), and every hand-out and undo (``distribution``) of one item at one post, newest
first: by time, then HLC, then id. The
balance after a line is the stock now minus every change newer than that line, so any part
of a long ledger can be read without reading the rest — what a scrolling list needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Float,
    Select,
    String,
    Subquery,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from noodpost.core.vocabulary import DispatchStatus, MovementKind
from noodpost.services.supply_types import Item, LedgerKind, LedgerRow, clean_total
from noodpost.storage.models import Distribution, Household, StockMovement, SupplyDispatch

#: How a received dispatch reads in an item's ledger (a delivery, with this as its source).
RECEIVED_FROM_HUB = "ontvangen van C-NSP"

#: How many ids go into one ``IN (…)``.
CHUNK = 500

Key = tuple[str, int, str]  # at, hlc, id: the ledger's order


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in parts small enough for one ``IN (…)``."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


@dataclass(frozen=True)
class Receipt:
    """What one received dispatch brought of one item (a line of the ledger)."""

    dispatch_id: str
    item_id: str
    quantity: float
    at: str
    hlc: int
    note: str | None


def counted_lines(lines: object) -> dict[str, float]:
    """``[{"item_id": …, "quantity": …}, …]`` → quantity per item; malformed lines are skipped.

    Dispatches come from another node: the event contract only says ``lines`` is a list.
    """
    totals: dict[str, float] = {}
    if not isinstance(lines, list):
        return totals
    for line in lines:
        if not isinstance(line, dict):
            continue
        item_id, quantity = line.get("item_id"), line.get("quantity")
        if not isinstance(item_id, str) or isinstance(quantity, bool):
            continue
        if not isinstance(quantity, int | float) or not math.isfinite(quantity):
            continue
        totals[item_id] = totals.get(item_id, 0.0) + float(quantity)
    return totals


def receipts(
    session: Session, post_code: str, item_ids: Iterable[str] | None = None
) -> list[Receipt]:
    """Every item line of the dispatches ``post_code`` confirmed as received.

    What arrived (``received_lines``) counts; a receipt without counts took the dispatch as
    sent. Few dispatches reach a post, so the lines are read in Python (portable JSON).
    """
    wanted = None if item_ids is None else set(item_ids)
    rows = session.execute(
        select(
            SupplyDispatch.id,
            SupplyDispatch.lines,
            SupplyDispatch.received_lines,
            SupplyDispatch.received_at,
            SupplyDispatch.updated_hlc,
            SupplyDispatch.receipt_note,
        ).where(
            SupplyDispatch.post_code == post_code,
            SupplyDispatch.status == DispatchStatus.RECEIVED.value,
            SupplyDispatch.deleted.is_(False),
        )
    )
    found: list[Receipt] = []
    for dispatch_id, sent, received, at, hlc, note in rows:
        counted = counted_lines(received if received is not None else sent)
        for item_id, quantity in sorted(counted.items()):
            if wanted is not None and item_id not in wanted:
                continue
            found.append(Receipt(dispatch_id, item_id, quantity, at or "", hlc, note))
    return found


def received_totals(
    session: Session, post_code: str, item_ids: Iterable[str] | None = None
) -> dict[str, float]:
    """What received dispatches brought per item to ``post_code`` (stock in)."""
    totals: dict[str, float] = {}
    for receipt in receipts(session, post_code, item_ids):
        totals[receipt.item_id] = totals.get(receipt.item_id, 0.0) + receipt.quantity
    return totals


def _receipt_lines(found: Sequence[Receipt]) -> list[Select[Any]]:
    return [
        select(
            literal(r.dispatch_id, String).label("id"),
            literal(r.at, String).label("at"),
            literal(r.hlc, BigInteger).label("hlc"),
            literal(r.quantity, Float).label("change"),
        )
        for r in found
    ]


def lines(session: Session, post_code: str, item_id: str) -> Subquery:
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
    received = _receipt_lines(receipts(session, post_code, [item_id]))
    return union_all(moved, given, *received).subquery("ledger")


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
    ledger = lines(session, post_code, item_id)
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
    ledger = lines(session, post_code, item.id)
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
    for receipt in receipts(session, post_code, [item.id]):
        if receipt.dispatch_id in balances:
            reason = RECEIVED_FROM_HUB + (f" · {receipt.note}" if receipt.note else "")
            found[receipt.dispatch_id] = LedgerRow(
                receipt.dispatch_id,
                LedgerKind.DELIVERY,
                receipt.at or None,
                clean_total(receipt.quantity),
                balances[receipt.dispatch_id],
                reason,
                None,
                None,
            )
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


@dataclass(frozen=True)
class StockTotal:
    """One item's stock at one post, and how much was handed out in a recent window."""

    quantity: float
    used_recently: float = 0.0


def stock_totals(
    session: Session,
    post_codes: Iterable[str] | None = None,
    *,
    item_ids: Iterable[str] | None = None,
    used_between: tuple[str, str] | None = None,
) -> dict[tuple[str, str], StockTotal]:
    """Stock per (post code, item id): deliveries and corrections, plus received dispatches,
    minus hand-outs. The one place stock is summed — the desk, the Regio page, the SITREP and
    the exports all count it this way.

    Only items with at least one ledger line at a post appear for that post (never stocked
    there: absent). ``used_between`` (ISO from, to) also sums the hand-outs in that window.
    """
    codes = None if post_codes is None else list(post_codes)
    items = None if item_ids is None else list(item_ids)
    totals: dict[tuple[str, str], float] = {}
    used: dict[tuple[str, str], float] = {}
    for model in (StockMovement, Distribution):
        sign = 1.0 if model is StockMovement else -1.0
        recent: Any = literal(0.0)
        if model is Distribution and used_between is not None:
            since, until = used_between
            recent = func.sum(
                case((and_(model.at >= since, model.at <= until), model.quantity), else_=0.0)
            )
        query = select(model.post_code, model.item_id, func.sum(model.quantity), recent).where(
            model.deleted.is_(False)
        )
        if codes is not None:
            query = query.where(model.post_code.in_(codes))
        if items is not None:
            query = query.where(model.item_id.in_(items))
        for code, item_id, total, window in session.execute(
            query.group_by(model.post_code, model.item_id)
        ):
            key = (code, item_id)
            totals[key] = totals.get(key, 0.0) + sign * float(total or 0.0)
            if model is Distribution:
                used[key] = float(window or 0.0)
    receiving = codes
    if receiving is None:
        receiving = list(
            session.scalars(
                select(SupplyDispatch.post_code)
                .where(SupplyDispatch.status == DispatchStatus.RECEIVED.value)
                .distinct()
            )
        )
    for code in receiving:
        for item_id, quantity in received_totals(session, code, items).items():
            totals[(code, item_id)] = totals.get((code, item_id), 0.0) + quantity
    return {
        key: StockTotal(clean_total(total), clean_total(used.get(key, 0.0)))
        for key, total in totals.items()
    }
