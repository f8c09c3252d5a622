"""The *noodlijst*: what a post needs on paper when the laptop's power runs out.

A pure read model, read in one transaction with a fixed number of queries (never one per
household): who is present (card code, persons, since when), the health flags each household
agreed to have recorded — a flag without a recorded consent is left out —, what each household
may still receive today, open needs and alarms, the radio lines of the alarms the C-NSP has not
confirmed, the ration of every item and the stock.

The rules stay where they live: presence is :func:`noodpost.services.visits.present_at`, the
hand-outs that count for a ration are :func:`noodpost.services.supplies.counted_hand_outs`, the
ration itself :func:`noodpost.core.rations.allowance`, stock
:func:`noodpost.services.supply_ledger.stock_totals` and the radio line
:func:`noodpost.services.alarms.radio_line_of`. Drawing the PDF lives in
:mod:`noodpost.gui.printing.noodlijst`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from noodpost.core import cards, dutch, localtime, rations
from noodpost.core.audit import AuditAction
from noodpost.core.clock import parse_iso
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate
from noodpost.core.ids import post_id
from noodpost.core.lifecycle import UNACKNOWLEDGED_ALARM
from noodpost.core.vocabulary import HealthFlag, label
from noodpost.reports.exports import WITH_PERSONAL
from noodpost.services.alarms import OPEN_STATUSES, radio_line_of
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext, urgency_order
from noodpost.services.needs import ACTIVE_STATUSES
from noodpost.services.supplies import SuppliesService, counted_hand_outs
from noodpost.services.supply_ledger import stock_totals
from noodpost.services.supply_types import Item, clean_total, item_from_row, stock_line
from noodpost.services.visits import present_at
from noodpost.storage.models import Alarm, Distribution, Household, Need, Post, SupplyItem, Visit

_FLAG_ORDER = {flag.value: number for number, flag in enumerate(HealthFlag)}


@dataclass(frozen=True)
class PresentHousehold:
    """One household present now, as the list prints it.

    Attributes:
        pretty_code: the card code as printed on the card (``7K3Q-9XW2``).
        since: the local clock time it checked in (``14:05``), or ``?``.
        flags: the words of the health flags it agreed to have recorded, in the fixed order.
        still_today: per item whose ration is not untouched, what it may still receive today
            (``Drinkwater nog 3 l``); an item not named may be given its full ration.
        needs: its open needs (``medicijnen (hoog)``).
    """

    household_id: str
    card_code: str
    pretty_code: str
    persons: int
    since: str
    flags: tuple[str, ...]
    still_today: tuple[str, ...]
    needs: tuple[str, ...]


@dataclass(frozen=True)
class OpenNeed:
    """An open need of this post, with the card of its household (``—`` when none)."""

    card: str
    category: str
    urgency: str
    status: str
    since: str
    note: str


@dataclass(frozen=True)
class OpenAlarm:
    """An alarm still open; ``radio_line`` set while the C-NSP has not confirmed it."""

    type: str
    urgency: str
    status: str
    raised: str
    location: str
    radio_line: str | None


@dataclass(frozen=True)
class RationLine:
    """An item's ration in words (``3 l per persoon per dag, elke 4 uur``) and its stock."""

    name: str
    ration: str
    stock: str
    short: bool


@dataclass(frozen=True)
class Noodlijst:
    """The whole list, read at one moment (``generated`` in Dutch local time)."""

    post_code: str
    post_name: str
    training: bool
    generated: datetime
    capacity: int | None
    households: tuple[PresentHousehold, ...]
    needs: tuple[OpenNeed, ...]
    alarms: tuple[OpenAlarm, ...]
    items: tuple[RationLine, ...]

    @property
    def present_persons(self) -> int:
        """Persons present: the sum over the listed households (``present`` in status)."""
        return sum(h.persons for h in self.households)

    @property
    def present_households(self) -> int:
        return len(self.households)

    @property
    def radio_lines(self) -> tuple[str, ...]:
        return tuple(a.radio_line for a in self.alarms if a.radio_line)

    @property
    def generated_text(self) -> str:
        return self.generated.strftime("%d-%m-%Y %H:%M")


def _clock(stored: str | None) -> str:
    return localtime.local_time(parse_iso(stored)).strftime("%H:%M") if stored else "?"


def _stamp(stored: str | None) -> str:
    return localtime.local_time(parse_iso(stored)).strftime("%d-%m %H:%M") if stored else "?"


def shown_flags(flags: Any, consents: Any) -> tuple[str, ...]:
    """The words of the flags that have a recorded consent, in the fixed order; others never."""
    agreed = consents if isinstance(consents, dict) else {}
    kept = [f for f in flags or () if isinstance(agreed.get(f), str) and agreed[f]]
    kept.sort(key=lambda f: (_FLAG_ORDER.get(f, len(_FLAG_ORDER)), f))
    return tuple(label(f) for f in kept)


def ration_text(item: Item) -> str:
    """The rule in words: ``3 l per persoon per dag``, ``1 pakket per huishouden per dag, elke
    4 uur``, or ``geen rantsoen``."""
    parts = []
    if item.ration_per_person_per_day is not None:
        amount = dutch.format_quantity(item.ration_per_person_per_day, item.unit)
        parts.append(f"{amount} per persoon per dag")
    if item.ration_per_household_per_day is not None:
        amount = dutch.format_quantity(item.ration_per_household_per_day, item.unit)
        parts.append(f"{amount} per huishouden per dag")
    text = " en hoogstens ".join(parts) if parts else "geen rantsoen"
    minutes = item.min_interval_minutes
    if minutes:
        text += f", niet vaker dan elke {dutch.format_duration(minutes, printed=True)}"
    return text


def _still_today(item: Item, allowed: rations.Allowance, now: datetime) -> str | None:
    """What the household may still have of ``item`` today; ``None`` for an untouched ration."""
    if allowed.received <= rations.EPSILON and allowed.next_allowed_at is None:
        return None
    name = item.name
    if allowed.remaining is not None and allowed.remaining <= rations.EPSILON:
        return f"{name} niets meer"
    ready = allowed.next_allowed_at
    if ready is not None and localtime.local_day(ready) > localtime.local_day(now):
        return f"{name} niets meer (weer vanaf {dutch.format_clock(ready, now)})"
    if allowed.remaining is None:
        text = f"{name} (al {dutch.format_quantity(allowed.received, item.unit)})"
    else:
        text = f"{name} nog {dutch.format_quantity(allowed.remaining, item.unit)}"
    if allowed.next_allowed_at is not None:
        text += f" vanaf {dutch.format_clock(allowed.next_allowed_at, now)}"
    return text


class NoodlijstService:
    """Reads the noodlijst of this post."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def read(self) -> Noodlijst:
        """Everything on the list, in one read transaction.

        Raises:
            UserError: this node is the C-NSP (nobody is present at the hub).
        """
        node = self.ctx.node
        if node.is_hub:
            raise UserError(
                translate(
                    "Noodlijst",
                    "De noodlijst is voor een noodsteunpunt: op de C-NSP is niemand aanwezig. "
                    "Druk hem af op de laptop van de post.",
                )
            )
        now = self.ctx.clock.now()
        with self.ctx.read() as session:
            items = [
                item_from_row(row)
                for row in session.scalars(
                    select(SupplyItem)
                    .where(SupplyItem.deleted.is_(False))
                    .order_by(SupplyItem.name, SupplyItem.code)
                )
            ]
            households = self._households(session, node.post_code, items, now)
            post = session.get(Post, post_id(node.post_code))
            return Noodlijst(
                post_code=node.post_code,
                post_name=node.name,
                training=node.training,
                generated=localtime.local_time(now),
                capacity=post.capacity if post is not None and not post.deleted else None,
                households=households,
                needs=self._needs(session, node.post_code),
                alarms=self._alarms(session, node.post_code),
                items=self._items(session, node.post_code, items),
            )

    def _households(
        self, session: Session, post_code: str, items: list[Item], now: datetime
    ) -> tuple[PresentHousehold, ...]:
        present = select(Visit.household_id).where(*present_at(post_code))
        start, end = localtime.day_bounds(now)
        counted = (*counted_hand_outs(), Distribution.household_id.in_(present))
        received: dict[tuple[str, str], float] = {
            (household, item): clean_total(total)
            for household, item, total in session.execute(
                select(
                    Distribution.household_id, Distribution.item_id, func.sum(Distribution.quantity)
                )
                .where(*counted, Distribution.at >= start, Distribution.at < end)
                .group_by(Distribution.household_id, Distribution.item_id)
            )
        }
        last: dict[tuple[str, str], str] = {
            (household, item): at
            for household, item, at in session.execute(
                select(Distribution.household_id, Distribution.item_id, func.max(Distribution.at))
                .where(*counted)
                .group_by(Distribution.household_id, Distribution.item_id)
            )
            if at
        }
        needs: dict[str, list[str]] = defaultdict(list)
        for household, category, urgency in session.execute(
            select(Need.household_id, Need.category, Need.urgency)
            .where(
                Need.household_id.in_(present),
                Need.deleted.is_(False),
                Need.status.in_([s.value for s in ACTIVE_STATUSES]),
            )
            .order_by(urgency_order(Need.urgency), Need.opened_at)
        ):
            if household:
                needs[household].append(f"{label(category)} ({label(urgency or 'normal')})")
        active = [item for item in items if not item.retired]
        rows = session.execute(
            select(
                Visit.household_id,
                Visit.persons,
                Visit.checked_in_at,
                Household.card_code,
                Household.size,
                Household.flags,
                Household.consents,
            )
            .join(Household, Household.id == Visit.household_id)
            .where(*present_at(post_code))
            .order_by(Household.card_code, Visit.checked_in_at)
        )
        listed: dict[str, PresentHousehold] = {}
        for household, persons, checked_in, card_code, size, flags, consents in rows:
            if household in listed:  # two open visits: the household is listed once
                continue
            still: list[str] = []
            for item in active:
                at = last.get((household, item.id))
                allowed = rations.allowance(
                    item.rule,
                    size,
                    received.get((household, item.id), 0.0),
                    parse_iso(at) if at else None,
                    now,
                )
                line = _still_today(item, allowed, now)
                if line is not None:
                    still.append(line)
            listed[household] = PresentHousehold(
                household_id=household,
                card_code=card_code,
                pretty_code=cards.pretty(card_code),
                persons=persons or 0,
                since=_clock(checked_in),
                flags=shown_flags(flags, consents),
                still_today=tuple(still),
                needs=tuple(needs.get(household, ())),
            )
        return tuple(listed.values())

    def _needs(self, session: Session, post_code: str) -> tuple[OpenNeed, ...]:
        rows = session.execute(
            select(Need, Household.card_code)
            .outerjoin(Household, Household.id == Need.household_id)
            .where(
                Need.post_code == post_code,
                Need.deleted.is_(False),
                Need.status.in_([s.value for s in ACTIVE_STATUSES]),
            )
            .order_by(urgency_order(Need.urgency), Need.opened_at, Need.id)
        )
        return tuple(
            OpenNeed(
                card=cards.pretty(code) if code else "—",
                category=label(need.category),
                urgency=label(need.urgency or "normal"),
                status=label(need.status),
                since=_stamp(need.opened_at),
                note=" ".join((need.note or "").split()),
            )
            for need, code in rows
        )

    def _alarms(self, session: Session, post_code: str) -> tuple[OpenAlarm, ...]:
        rows = session.scalars(
            select(Alarm)
            .where(
                Alarm.post_code == post_code,
                Alarm.deleted.is_(False),
                Alarm.status.in_([s.value for s in OPEN_STATUSES]),
            )
            .order_by(urgency_order(Alarm.urgency), Alarm.raised_at, Alarm.id)
        )
        return tuple(
            OpenAlarm(
                type=label(alarm.type),
                urgency=label(alarm.urgency),
                status=label(alarm.status),
                raised=_stamp(alarm.raised_at),
                location=alarm.location or "",
                radio_line=radio_line_of(alarm) if alarm.status in UNACKNOWLEDGED_ALARM else None,
            )
            for alarm in rows
        )

    def _items(self, session: Session, post_code: str, items: list[Item]) -> tuple[RationLine, ...]:
        totals = {
            item_id: total.quantity
            for (_code, item_id), total in stock_totals(session, [post_code]).items()
        }
        lines = []
        for item in items:
            quantity = totals.get(item.id, 0.0)
            if item.retired and quantity == 0:
                continue
            stock = stock_line(item, quantity)
            lines.append(
                RationLine(
                    name=item.name,
                    ration=ration_text(item),
                    stock=stock.text if item.id in totals else "—",
                    short=stock.below_minimum or stock.negative or quantity <= 0,
                )
            )
        return tuple(lines)


def record_printed(ctx: ServiceContext, name: str) -> None:
    """Record a printed noodlijst in the audit log: it holds health flags."""
    AuditService(ctx).record(AuditAction.EXPORT, f"noodlijst {name} {WITH_PERSONAL}")


def form_items(ctx: ServiceContext) -> list[tuple[str, str]]:
    """Every item that can be handed out (name, ration in words), for the paper forms' grid."""
    return [(item.name, ration_text(item)) for item in SuppliesService(ctx).items()]
