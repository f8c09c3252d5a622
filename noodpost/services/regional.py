"""The C-NSP's regional picture: one row per post, and a closer look at one post (issue 5).

Everything is read from what the hub holds: every post's records arrive with its bundles, so
the numbers are those of the post's last sync. Per post:

- open or closed, last contact and its channel (USB or network), a suspect clock;
- persons present against capacity, visitors today (Dutch calendar day);
- open needs by category and urgency;
- stock below the item's minimum, with an estimate of the hours left at the hand-out rate of
  the last 24 hours (items never stocked at the post are left out, as in the SITREP);
- open alarms (and how many are not acknowledged yet), volunteers on shift;
- the generator's fuel and the hours of power left (:mod:`noodpost.services.generator`).

:meth:`RegionalService.arrivals` tells a screen which entities changed because events came in
from elsewhere (a post's bundle applied by ``noodpost hub serve`` in another process, or a USB
import), so the hub's screens can refresh without waiting for a click.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from noodpost.core import presence
from noodpost.core.clock import iso
from noodpost.core.dutch import format_quantity
from noodpost.core.errors import NotFound
from noodpost.core.i18n import translate
from noodpost.core.ids import post_id
from noodpost.core.lifecycle import UNACKNOWLEDGED_ALARM
from noodpost.core.localtime import day_bounds
from noodpost.core.rations import EPSILON
from noodpost.core.vocabulary import (
    NodeRole,
    ShiftStatus,
    Urgency,
    VisitStatus,
    screen_label,
)
from noodpost.services.alarms import OPEN_STATUSES, AlarmInfo, AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.generator import FuelState, fuel_hours_text, fuel_states
from noodpost.services.logbook import LogbookLine, LogbookService
from noodpost.services.needs import ACTIVE_STATUSES
from noodpost.services.supply_ledger import stock_totals
from noodpost.storage.models import (
    Alarm,
    Event,
    Need,
    Peer,
    Post,
    Shift,
    SupplyItem,
    Visit,
    Volunteer,
)
from noodpost.storage.node import require_node

#: The hand-out rate for "hours left" is measured over this many hours.
USAGE_HOURS = 24
#: How many logbook lines the detail of a post shows.
DETAIL_LOG_LINES = 200

_URGENCY_RANK = {Urgency.IMMEDIATE.value: 0, Urgency.HIGH.value: 1, Urgency.NORMAL.value: 2}

#: Per ``(origin, incarnation)`` of other nodes: the highest event seq held here.
Marker = Mapping[tuple[str, str], int]


@dataclass(frozen=True)
class NeedCount:
    """How many open needs of one category and urgency a post has."""

    category: str
    urgency: str | None
    count: int


@dataclass(frozen=True)
class Shortage:
    """An item below its minimum stock at a post.

    Attributes:
        hours_left: at the rate of the last 24 hours' hand-outs (undos subtracted), how long
            the stock lasts; ``None`` when nothing was handed out (no estimate), ``0`` when
            nothing is left.
    """

    item_code: str
    item_name: str
    unit: str
    quantity: float
    min_stock: float
    hours_left: float | None

    @property
    def text(self) -> str:
        """``Water 40 l (minimum 100 l), nog ± 6 uur``."""
        amount = format_quantity(self.quantity, self.unit)
        minimum = format_quantity(self.min_stock, self.unit)
        if self.hours_left is None:
            return translate("RegionalService", "{item} {amount} (minimum {minimum})").format(
                item=self.item_name, amount=amount, minimum=minimum
            )
        return translate("RegionalService", "{item} {amount} (minimum {minimum}), {left}").format(
            item=self.item_name, amount=amount, minimum=minimum, left=hours_text(self.hours_left)
        )


def hours_text(hours: float) -> str:
    """``op``, ``nog ± 40 min``, ``nog ± 6 uur``, ``nog ± 3 dagen`` (the generator's words)."""
    return fuel_hours_text(hours)


@dataclass(frozen=True)
class PostRow:
    """One post in the regional overview.

    Attributes:
        is_open: the post says it is open; ``None`` before its first bundle arrived.
        last_contact: when its latest bundle arrived here (stored time text), per channel
            ``usb`` or ``network`` in ``last_channel``.
        present: persons present now; ``capacity`` its capacity when set.
        visitors_today: persons who checked in today (Dutch calendar day), in ``visits_today``
            check-ins.
        needs: open needs (open, in progress, referred) per category and urgency, most
            urgent first.
        shortages: items below their minimum, the shortest time left first.
        open_alarms: alarms not closed or cancelled; ``unacknowledged_alarms`` of them not
            confirmed by the C-NSP yet.
        on_shift: names of the volunteers whose shift is running.
        fuel: the post's generator log now (:mod:`noodpost.services.generator`); ``None``
            when it keeps none.
    """

    post_code: str
    name: str
    is_open: bool | None
    last_contact: str | None
    last_channel: str | None
    clock_suspect: bool
    present: int
    capacity: int | None
    visitors_today: int
    visits_today: int
    needs: tuple[NeedCount, ...]
    shortages: tuple[Shortage, ...]
    open_alarms: int
    unacknowledged_alarms: int
    on_shift: tuple[str, ...]
    fuel: FuelState | None = None

    @property
    def low_fuel(self) -> bool:
        """The post's fuel lasts less than 12 hours."""
        return self.fuel is not None and self.fuel.low

    @property
    def open_needs(self) -> int:
        return sum(n.count for n in self.needs)

    @property
    def urgent_needs(self) -> int:
        """Open needs marked *spoed*."""
        return sum(n.count for n in self.needs if n.urgency == Urgency.IMMEDIATE)

    @property
    def over_capacity(self) -> bool:
        return presence.over_capacity(self.present, self.capacity)

    @property
    def nearly_full(self) -> bool:
        """At 90 % of its capacity or more (:data:`~noodpost.core.presence.NEARLY_FULL`)."""
        return presence.nearly_full(self.present, self.capacity)

    @property
    def full(self) -> bool:
        """At its capacity or over it."""
        return presence.fullness(self.present, self.capacity) >= 1

    @property
    def channel_label(self) -> str:
        if self.last_channel == "network":
            return translate("RegionalService", "netwerk")
        return "USB" if self.last_channel == "usb" else ""

    @property
    def needs_text(self) -> str:
        """``medische zorg: 2 (1 spoed) · eten en drinken: 1``."""
        per_category: dict[str, list[NeedCount]] = {}
        for need in self.needs:
            per_category.setdefault(need.category, []).append(need)
        parts = []
        for counts in per_category.values():
            total = sum(n.count for n in counts)
            urgent = [
                f"{n.count} {screen_label(n.urgency)}"
                for n in counts
                if n.urgency in (Urgency.IMMEDIATE, Urgency.HIGH)
            ]
            text = f"{screen_label(counts[0].category)}: {total}"
            if urgent:
                text += f" ({', '.join(urgent)})"
            parts.append(text)
        return " · ".join(parts)


@dataclass(frozen=True)
class PostDetail:
    """One post closer: its row, address, alarms still open, and its logbook (oldest first)."""

    row: PostRow
    address: str | None
    opening_hours: str | None
    alarms: tuple[AlarmInfo, ...]
    logbook: tuple[LogbookLine, ...]


@dataclass(frozen=True)
class Arrivals:
    """What came in from elsewhere since the previous look.

    Attributes:
        marker: pass this to the next :meth:`RegionalService.arrivals` call.
        entities: names of the entities that changed (empty on the first look).
    """

    marker: Marker = field(default_factory=dict)
    entities: frozenset[str] = frozenset()


class RegionalService:
    """The regional picture. At the hub every post; on a post only its own row."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ the overview

    def posts(self) -> list[PostRow]:
        """One row per post, by post code."""
        with self.ctx.read() as session:
            return self._rows(session, self._post_codes(session))

    def post(self, post_code: str) -> PostRow:
        """One post's row.

        Raises:
            NotFound: no post with that code is known here.
        """
        with self.ctx.read() as session:
            code = self._known(session, post_code)
            return self._rows(session, [code])[0]

    def detail(self, post_code: str) -> PostDetail:
        """One post closer, with its logbook (the latest :data:`DETAIL_LOG_LINES` lines).

        Raises:
            NotFound: no post with that code is known here.
        """
        with self.ctx.read() as session:
            code = self._known(session, post_code)
            row = self._rows(session, [code])[0]
            post = session.get(Post, post_id(code))
            address = post.address if post is not None and not post.deleted else None
            hours = post.opening_hours if post is not None and not post.deleted else None
        alarms = tuple(a for a in AlarmsService(self.ctx).open_alarms() if a.post_code == code)
        logbook = LogbookService(self.ctx).for_post(code).entries(limit=DETAIL_LOG_LINES)
        return PostDetail(row, address, hours, alarms, tuple(logbook))

    # ------------------------------------------------------------------ arrivals

    def arrivals(self, since: Marker | None = None) -> Arrivals:
        """Which entities changed through events from other nodes since ``since``.

        Cheap enough to ask every second: it reads the highest seq per stream (the event
        table's key). The first call (``since=None``) only returns the marker.
        """
        with self.ctx.read() as session:
            own = require_node(session).node_id
            marker: dict[tuple[str, str], int] = {
                (origin, incarnation): int(seq)
                for origin, incarnation, seq in session.execute(
                    select(Event.origin, Event.incarnation, func.max(Event.seq))
                    .where(Event.origin != own)
                    .group_by(Event.origin, Event.incarnation)
                )
            }
            if since is None:
                return Arrivals(marker)
            entities: set[str] = set()
            for stream, seq in marker.items():
                before = since.get(stream, 0)
                if seq <= before:
                    continue
                entities.update(
                    session.scalars(
                        select(Event.entity)
                        .where(
                            tuple_(Event.origin, Event.incarnation) == stream,
                            Event.seq > before,
                        )
                        .distinct()
                    )
                )
        return Arrivals(marker, frozenset(entities))

    # ------------------------------------------------------------------ reading

    def _post_codes(self, session: Session) -> list[str]:
        node = self.ctx.node
        if not node.is_hub:
            return [node.post_code]
        codes = {
            code
            for code, role in session.execute(
                select(Post.post_code, Post.role).where(Post.deleted.is_(False))
            )
            if role != NodeRole.HUB
        }
        codes.update(session.scalars(select(Peer.post_code).where(Peer.role == NodeRole.POST)))
        codes.discard(node.post_code)
        return sorted(codes)

    def _known(self, session: Session, post_code: str) -> str:
        code = (post_code or "").strip().upper()
        if code not in self._post_codes(session):
            raise NotFound(
                translate("RegionalService", "Post {post} is hier niet bekend.").format(
                    post=post_code
                )
            )
        return code

    def _rows(self, session: Session, codes: list[str]) -> list[PostRow]:
        if not codes:
            return []
        now = self.ctx.clock.now()
        posts = {
            p.post_code: p
            for p in session.scalars(select(Post).where(Post.id.in_([post_id(c) for c in codes])))
            if not p.deleted
        }
        contacts = _contacts(session, codes)
        present = dict(
            session.execute(
                select(Visit.post_code, func.coalesce(func.sum(Visit.persons), 0))
                .where(
                    Visit.post_code.in_(codes),
                    Visit.status == VisitStatus.PRESENT,
                    Visit.deleted.is_(False),
                )
                .group_by(Visit.post_code)
            ).all()
        )
        start, end = day_bounds(now)
        today = {
            code: (int(count), int(persons or 0))
            for code, count, persons in session.execute(
                select(Visit.post_code, func.count(), func.sum(Visit.persons))
                .where(
                    Visit.post_code.in_(codes),
                    Visit.deleted.is_(False),
                    Visit.checked_in_at >= start,
                    Visit.checked_in_at < end,
                )
                .group_by(Visit.post_code)
            )
        }
        needs = _needs(session, codes)
        shortages = _shortages(session, codes, now)
        alarms = _alarm_counts(session, codes)
        shifts = _on_shift(session, codes)
        fuel = fuel_states(session, codes, now)
        rows = []
        for code in codes:
            post = posts.get(code)
            contact = contacts.get(code, (None, None, False))
            visits, persons = today.get(code, (0, 0))
            open_alarms, unacknowledged = alarms.get(code, (0, 0))
            rows.append(
                PostRow(
                    post_code=code,
                    name=post.name if post is not None else contact_name(session, code),
                    is_open=post.is_open if post is not None else None,
                    last_contact=contact[0],
                    last_channel=contact[1],
                    clock_suspect=contact[2],
                    present=int(present.get(code, 0) or 0),
                    capacity=post.capacity if post is not None else None,
                    visitors_today=persons,
                    visits_today=visits,
                    needs=needs.get(code, ()),
                    shortages=shortages.get(code, ()),
                    open_alarms=open_alarms,
                    unacknowledged_alarms=unacknowledged,
                    on_shift=shifts.get(code, ()),
                    fuel=fuel.get(code),
                )
            )
        return rows


def contact_name(session: Session, code: str) -> str:
    """A post's name from its peer record (before its own post record arrived)."""
    name = session.scalar(select(Peer.name).where(Peer.post_code == code).limit(1))
    return name or code


def _contacts(session: Session, codes: list[str]) -> dict[str, tuple[str | None, str | None, bool]]:
    """Per post code: the latest contact of any of its laptops, its channel, a suspect clock."""
    found: dict[str, tuple[str | None, str | None, bool]] = {}
    for peer in session.scalars(select(Peer).where(Peer.post_code.in_(codes))):
        at, channel, suspect = found.get(peer.post_code, (None, None, False))
        if peer.last_contact is not None and (at is None or peer.last_contact > at):
            at, channel = peer.last_contact, peer.last_channel
        found[peer.post_code] = (at, channel, suspect or bool(peer.clock_suspect))
    return found


def _needs(session: Session, codes: list[str]) -> dict[str, tuple[NeedCount, ...]]:
    grouped: dict[str, list[NeedCount]] = {}
    for code, category, urgency, count in session.execute(
        select(Need.post_code, Need.category, Need.urgency, func.count())
        .where(
            Need.post_code.in_(codes),
            Need.deleted.is_(False),
            Need.status.in_([s.value for s in ACTIVE_STATUSES]),
        )
        .group_by(Need.post_code, Need.category, Need.urgency)
    ):
        grouped.setdefault(code, []).append(NeedCount(category, urgency, int(count)))
    return {code: _by_urgency(counts) for code, counts in grouped.items()}


def _by_urgency(counts: list[NeedCount]) -> tuple[NeedCount, ...]:
    """Categories with the most urgent need first; within one, the most urgent first."""

    def rank(need: NeedCount) -> int:
        return _URGENCY_RANK.get(need.urgency or "", 2)

    first: dict[str, int] = {}
    for need in counts:
        first[need.category] = min(rank(need), first.get(need.category, 2))
    return tuple(sorted(counts, key=lambda n: (first[n.category], n.category, rank(n))))


def _shortages(
    session: Session, codes: list[str], now: datetime
) -> dict[str, tuple[Shortage, ...]]:
    """Items below their minimum per post, with the hours left at the last 24 hours' rate."""
    items = list(
        session.scalars(
            select(SupplyItem).where(
                SupplyItem.deleted.is_(False),
                SupplyItem.retired.is_not(True),
                SupplyItem.min_stock.is_not(None),
            )
        )
    )
    if not items:
        return {}
    since = iso(now - timedelta(hours=USAGE_HOURS))
    stock = stock_totals(session, codes, used_between=(since, iso(now)))
    found: dict[str, list[Shortage]] = {}
    for code in codes:
        for item in items:
            if (code, item.id) not in stock:
                continue  # never stocked at this post (as the SITREP counts it)
            minimum = float(item.min_stock or 0.0)
            quantity = stock[(code, item.id)].quantity
            if quantity >= minimum - EPSILON:
                continue
            rate = stock[(code, item.id)].used_recently
            if quantity <= EPSILON:
                hours: float | None = 0.0
            elif rate > EPSILON:
                hours = quantity / (rate / USAGE_HOURS)
            else:
                hours = None
            found.setdefault(code, []).append(
                Shortage(item.code, item.name, item.unit, quantity, minimum, hours)
            )
    return {
        code: tuple(
            sorted(
                lines,
                key=lambda s: (s.hours_left is None, s.hours_left or 0.0, s.item_name),
            )
        )
        for code, lines in found.items()
    }


def _alarm_counts(session: Session, codes: list[str]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for code, status, count in session.execute(
        select(Alarm.post_code, Alarm.status, func.count())
        .where(
            Alarm.post_code.in_(codes),
            Alarm.deleted.is_(False),
            Alarm.status.in_([s.value for s in OPEN_STATUSES]),
        )
        .group_by(Alarm.post_code, Alarm.status)
    ):
        open_count, unacknowledged = found.get(code, (0, 0))
        open_count += int(count)
        if status in UNACKNOWLEDGED_ALARM:
            unacknowledged += int(count)
        found[code] = (open_count, unacknowledged)
    return found


def _on_shift(session: Session, codes: list[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for code, name in session.execute(
        select(Shift.post_code, Volunteer.name)
        .outerjoin(Volunteer, Volunteer.id == Shift.volunteer_id)
        .where(
            Shift.post_code.in_(codes),
            Shift.status == ShiftStatus.ON_DUTY,
            Shift.deleted.is_(False),
        )
        .order_by(Shift.started_at, Shift.id)
    ):
        found.setdefault(code, []).append(
            name or translate("RegionalService", "onbekende vrijwilliger")
        )
    return {code: tuple(names) for code, names in found.items()}
