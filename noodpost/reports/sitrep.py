"""The situation report (SITREP): a pure read model of one post, or of the region at the hub.

Nothing here writes. Per post: open or closed, persons present against capacity, visitors
today and in total, open needs by category, stock with the hours left at the hand-out rate of
the last 24 hours, alarms and their state, visitors per hour today, and the bottlenecks that
follow from those numbers:

- stock that lasts less than 24 hours at the current rate;
- more than 90 % of the capacity present;
- *spoed* alarms the C-NSP has not acknowledged yet;
- open medical needs (medische zorg, medicijnen);
- a generator whose fuel lasts less than 12 hours (:mod:`noodpost.services.generator`).

The report also carries this node's counts from :func:`noodpost.services.status.read_status`
— the same numbers ``noodpost status --json`` prints — so a reader can match the two.
Drawing the PDF lives in :mod:`noodpost.gui.printing.sitrep`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from noodpost.core.clock import Clock, SystemClock, iso, parse_iso
from noodpost.core.dutch import format_quantity
from noodpost.core.errors import NotFound, UserError
from noodpost.core.i18n import dutch, translate
from noodpost.core.lifecycle import UNACKNOWLEDGED_ALARM
from noodpost.core.localtime import day_bounds, local_time
from noodpost.core.vocabulary import (
    NeedCategory,
    NodeRole,
    ShiftStatus,
    Urgency,
    VisitStatus,
    label,
)
from noodpost.services.alarms import OPEN_STATUSES
from noodpost.services.base import ServiceContext
from noodpost.services.generator import FuelState, fuel_states
from noodpost.services.needs import ACTIVE_STATUSES
from noodpost.services.status import read_status
from noodpost.services.supply_ledger import stock_totals
from noodpost.setup_node import open_node
from noodpost.storage.models import (
    Alarm,
    Distribution,
    Household,
    Need,
    Post,
    Shift,
    SupplyItem,
    Visit,
)

#: The hand-out rate for "hours left" is measured over this many hours.
USAGE_HOURS = 24
#: Stock that lasts less than this many hours is a bottleneck.
STOCK_ALERT_HOURS = 24.0
#: More than this share of the capacity present is a bottleneck.
OCCUPANCY_ALERT = 0.9
#: Need categories counted as medical for the bottlenecks.
MEDICAL = (NeedCategory.MEDICAL.value, NeedCategory.MEDICINE.value)
#: The counts of ``status --json`` the report repeats, in reading order.
STATUS_KEYS = ("households", "people", "visits", "needs", "distributions", "alarms")

_URGENCY_RANK = {Urgency.IMMEDIATE.value: 0, Urgency.HIGH.value: 1, Urgency.NORMAL.value: 2}


@dataclass(frozen=True)
class NeedGroup:
    """Open needs of one category; ``urgent`` of them spoed or hoog."""

    category: str
    count: int
    urgent: int

    @property
    def category_label(self) -> str:
        return label(self.category)


@dataclass(frozen=True)
class StockLevel:
    """The stock of one item at one post, and how long it lasts at the last 24 hours' rate.

    Attributes:
        used: handed out in the last 24 hours.
        hours_left: ``None`` when nothing was handed out (no rate to go by).
    """

    post_code: str
    name: str
    unit: str
    quantity: float
    used: float
    hours_left: float | None
    below_minimum: bool

    @property
    def quantity_text(self) -> str:
        return format_quantity(self.quantity, self.unit)

    @property
    def used_text(self) -> str:
        return format_quantity(self.used, self.unit)

    @property
    def hours_text(self) -> str:
        if self.quantity <= 0:
            return "op"
        if self.hours_left is None:
            return "—"
        if self.hours_left >= 96:
            return f"{self.hours_left / 24:.0f} dagen"
        if self.hours_left < 1:
            return f"{max(1, round(self.hours_left * 60))} min"
        return f"{self.hours_left:.0f} uur"

    @property
    def short(self) -> bool:
        return self.quantity <= 0 or (
            self.hours_left is not None and self.hours_left < STOCK_ALERT_HOURS
        )


@dataclass(frozen=True)
class AlarmLine:
    """One alarm as the report lists it (times as Dutch local ``dd-mm HH:MM``)."""

    post_code: str
    type: str
    urgency: str
    status: str
    raised: str
    location: str
    persons: int | None
    raised_at: str = ""  # stored UTC time, for ordering (``raised`` is for reading)

    @property
    def type_label(self) -> str:
        return label(self.type)

    @property
    def urgency_label(self) -> str:
        return label(self.urgency)

    @property
    def status_label(self) -> str:
        return label(self.status)

    @property
    def acknowledged(self) -> bool:
        return self.status not in UNACKNOWLEDGED_ALARM

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class PostReport:
    """One post's part of the report (or the region's totals, with ``code`` empty)."""

    code: str
    name: str
    is_open: bool | None
    present: int
    capacity: int | None
    households: int
    visits_today: int
    persons_today: int
    visits_total: int
    on_duty: int
    needs: tuple[NeedGroup, ...]
    stock: tuple[StockLevel, ...]
    alarms: tuple[AlarmLine, ...]
    visitors_per_hour: tuple[int, ...]
    bottlenecks: tuple[str, ...]
    fuel: FuelState | None = None  # the generator log; none for the region's totals
    from_paper: int = 0  # households, visits and hand-outs typed in from paper forms

    @property
    def status_text(self) -> str:
        if self.is_open is None:
            return "onbekend"
        return "open" if self.is_open else "gesloten"

    @property
    def occupancy_text(self) -> str:
        if not self.capacity:
            return f"{self.present} aanwezig"
        share = round(100 * self.present / self.capacity)
        return f"{self.present} / {self.capacity} ({share} %)"

    @property
    def open_needs(self) -> int:
        return sum(n.count for n in self.needs)

    @property
    def open_alarms(self) -> int:
        return sum(1 for a in self.alarms if a.open)


@dataclass(frozen=True)
class Sitrep:
    """The whole report.

    Attributes:
        generated: when it was made (Dutch local time).
        region: ``True`` for the hub's report over every post; ``total`` then sums them.
        status_counts: ``status --json`` counts of this node (households, visits …, events).
    """

    node_name: str
    node_code: str
    role: str
    training: bool
    generated: datetime
    region: bool
    posts: tuple[PostReport, ...]
    total: PostReport
    status_counts: tuple[tuple[str, int], ...]

    @property
    def title(self) -> str:
        if self.region:
            return f"Situatierapport Regio — {self.node_name}"
        post = self.posts[0]
        return f"Situatierapport {post.name} ({post.code})"

    @property
    def generated_text(self) -> str:
        return self.generated.strftime("%d-%m-%Y %H:%M")


# ---------------------------------------------------------------- reading


def _local_text(stored: str | None) -> str:
    if not stored:
        return ""
    return local_time(parse_iso(stored)).strftime("%d-%m %H:%M")


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(query) or 0)


def _post_report(session: Session, code: str, now: datetime) -> PostReport:
    post = session.scalars(
        select(Post).where(Post.post_code == code, Post.deleted.is_(False)).limit(1)
    ).first()
    day_start, day_end = day_bounds(now)
    since = iso(now - timedelta(hours=USAGE_HOURS))
    here_visit = (Visit.post_code == code, Visit.deleted.is_(False))
    present = _count(
        session,
        select(func.coalesce(func.sum(Visit.persons), 0)).where(
            *here_visit, Visit.status == VisitStatus.PRESENT
        ),
    )
    households = _count(
        session,
        select(func.count())
        .select_from(Household)
        .where(Household.post_code == code, Household.deleted.is_(False)),
    )
    visits_total = _count(session, select(func.count()).select_from(Visit).where(*here_visit))
    per_hour = [0] * 24
    persons_today = 0
    for checked_in, persons in session.execute(
        select(Visit.checked_in_at, Visit.persons).where(
            *here_visit, Visit.checked_in_at >= day_start, Visit.checked_in_at < day_end
        )
    ):
        if checked_in:
            per_hour[local_time(parse_iso(checked_in)).hour] += 1
        persons_today += persons or 0
    on_duty = _count(
        session,
        select(func.count())
        .select_from(Shift)
        .where(
            Shift.post_code == code, Shift.deleted.is_(False), Shift.status == ShiftStatus.ON_DUTY
        ),
    )
    needs = _needs(session, code)
    stock = _stock(session, code, since)
    alarms = _alarms(session, code, since)
    capacity = post.capacity if post is not None else None
    report = PostReport(
        code=code,
        name=post.name if post is not None else code,
        is_open=post.is_open if post is not None else None,
        present=present,
        capacity=capacity,
        households=households,
        visits_today=sum(per_hour),
        persons_today=persons_today,
        visits_total=visits_total,
        on_duty=on_duty,
        needs=needs,
        stock=stock,
        alarms=alarms,
        visitors_per_hour=tuple(per_hour),
        bottlenecks=(),
        fuel=fuel_states(session, [code], now).get(code),
        from_paper=sum(_count(session, _paper_count(model, code)) for model in _PAPER_KINDS),
    )
    return _with_bottlenecks(report)


#: The records a paper form can become (services.paper_entry).
_PAPER_KINDS: tuple[type[Household] | type[Visit] | type[Distribution], ...] = (
    Household,
    Visit,
    Distribution,
)


def _paper_count(
    model: type[Household] | type[Visit] | type[Distribution], code: str
) -> Select[int]:
    return (
        select(func.count())
        .select_from(model)
        .where(model.post_code == code, model.deleted.is_(False), model.from_paper.is_(True))
    )


def _needs(session: Session, code: str) -> tuple[NeedGroup, ...]:
    urgent = func.sum(
        case((Need.urgency.in_([Urgency.IMMEDIATE.value, Urgency.HIGH.value]), 1), else_=0)
    )
    rows = session.execute(
        select(Need.category, func.count(), urgent)
        .where(
            Need.post_code == code,
            Need.deleted.is_(False),
            Need.status.in_([s.value for s in ACTIVE_STATUSES]),
        )
        .group_by(Need.category)
    ).all()
    groups = [NeedGroup(category, int(count), int(urg or 0)) for category, count, urg in rows]
    return tuple(sorted(groups, key=lambda g: (-g.count, g.category_label)))


def _stock(session: Session, code: str, since: str) -> tuple[StockLevel, ...]:
    found = stock_totals(session, [code], used_between=(since, "9999"))
    totals = {item_id: t.quantity for (_code, item_id), t in found.items()}
    used = {item_id: t.used_recently for (_code, item_id), t in found.items()}
    levels = []
    for item in session.scalars(
        select(SupplyItem).where(SupplyItem.deleted.is_(False)).order_by(SupplyItem.name)
    ):
        quantity = round(totals.get(item.id, 0.0), 6) + 0.0
        if item.retired and quantity == 0:
            continue
        if item.id not in totals:
            continue  # never stocked at this post
        rate = used.get(item.id, 0.0) / USAGE_HOURS
        hours = quantity / rate if rate > 0 and quantity > 0 else None
        minimum = item.min_stock
        levels.append(
            StockLevel(
                post_code=code,
                name=item.name,
                unit=item.unit,
                quantity=quantity,
                used=round(used.get(item.id, 0.0), 6) + 0.0,
                hours_left=hours,
                below_minimum=minimum is not None and quantity < minimum,
            )
        )
    levels.sort(
        key=lambda s: (not s.short, s.hours_left if s.hours_left is not None else 1e12, s.name)
    )
    return tuple(levels)


def _alarms(session: Session, code: str, since: str) -> tuple[AlarmLine, ...]:
    rows = session.scalars(
        select(Alarm).where(Alarm.post_code == code, Alarm.deleted.is_(False))
    ).all()
    chosen = [a for a in rows if a.status in OPEN_STATUSES or (a.raised_at or "") >= since]
    chosen.sort(
        key=lambda a: (
            a.status not in OPEN_STATUSES,
            _URGENCY_RANK.get(a.urgency, 2),
            a.raised_at or "",
        )
    )
    return tuple(
        AlarmLine(
            post_code=a.post_code,
            type=a.type,
            urgency=a.urgency,
            status=a.status,
            raised=_local_text(a.raised_at),
            location=a.location or "",
            persons=a.persons,
            raised_at=a.raised_at or "",
        )
        for a in chosen
    )


def _with_bottlenecks(report: PostReport) -> PostReport:
    lines: list[str] = []
    if report.capacity and report.present > OCCUPANCY_ALERT * report.capacity:
        share = round(100 * report.present / report.capacity)
        lines.append(
            f"Bijna vol of overvol: {report.present} personen aanwezig bij een capaciteit van "
            f"{report.capacity} ({share} %)."
        )
    spoed = sum(1 for a in report.alarms if a.urgency == Urgency.IMMEDIATE and not a.acknowledged)
    if spoed:
        word = "spoedmelding" if spoed == 1 else "spoedmeldingen"
        lines.append(f"{spoed} {word} nog niet bevestigd door de C-NSP.")
    medical = sum(n.count for n in report.needs if n.category in MEDICAL)
    if medical:
        word = "hulpvraag" if medical == 1 else "hulpvragen"
        lines.append(f"{medical} open medische {word} (medische zorg of medicijnen).")
    for level in report.stock:
        if level.quantity <= 0:
            lines.append(f"{level.name}: op.")
        elif level.short:
            lines.append(
                f"{level.name}: nog {level.quantity_text}, genoeg voor ongeveer "
                f"{level.hours_text} (verbruik 24 uur: {level.used_text})."
            )
    fuel = report.fuel
    if fuel is not None and fuel.low:
        hours = fuel.hours_words(dutch)  # the report is in the post's language
        lines.append(f"Aggregaat: brandstof {hours} ({fuel.litres_text} in de tank).")
    return PostReport(**{**report.__dict__, "bottlenecks": tuple(lines)})


def _total(posts: list[PostReport], name: str, *, region: bool) -> PostReport:
    """The region's sums; for one post's report, that post's own figures."""
    if not region and len(posts) == 1:
        return posts[0]
    # Against the region's capacity only when every post has one: the people at a post
    # without a capacity would otherwise count against the others' places.
    capacities = [p.capacity for p in posts if p.capacity]
    known = bool(posts) and len(capacities) == len(posts)
    groups: dict[str, tuple[int, int]] = {}
    for post in posts:
        for group in post.needs:
            count, urgent = groups.get(group.category, (0, 0))
            groups[group.category] = (count + group.count, urgent + group.urgent)
    needs = sorted(
        (NeedGroup(c, n, u) for c, (n, u) in groups.items()),
        key=lambda g: (-g.count, g.category_label),
    )
    alarms = sorted(
        (a for p in posts for a in p.alarms),
        key=lambda a: (not a.open, _URGENCY_RANK.get(a.urgency, 2), a.raised_at),
    )
    return PostReport(
        code="",
        name=name,
        is_open=any(p.is_open for p in posts) if posts else None,
        present=sum(p.present for p in posts),
        capacity=sum(capacities) if known else None,
        households=sum(p.households for p in posts),
        visits_today=sum(p.visits_today for p in posts),
        persons_today=sum(p.persons_today for p in posts),
        visits_total=sum(p.visits_total for p in posts),
        on_duty=sum(p.on_duty for p in posts),
        needs=tuple(needs),
        stock=tuple(s for p in posts for s in p.stock if s.short),
        alarms=tuple(alarms),
        visitors_per_hour=tuple(
            sum(h) for h in zip(*(p.visitors_per_hour for p in posts), strict=True)
        )
        if posts
        else (0,) * 24,
        bottlenecks=tuple(f"{p.code}: {line}" for p in posts for line in p.bottlenecks),
        from_paper=sum(p.from_paper for p in posts),
    )


class SitrepService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def post_codes(self) -> list[str]:
        """The posts a report can be made for: this post, or at the hub every known post."""
        with self.ctx.read() as session:
            return self._codes(session)

    def report(self, post_code: str | None = None) -> Sitrep:
        """The report of one post, or — at the hub without a post code — of the region.

        Raises:
            NotFound: ``post_code`` is not a post this node knows.
        """
        node = self.ctx.node
        now = self.ctx.clock.now()
        with self.ctx.read() as session:
            codes = self._codes(session)
            region = False
            if post_code:
                wanted = post_code.strip().upper()
                match = [c for c in codes if c.upper() == wanted]
                if not match:
                    raise NotFound(
                        translate(
                            "Sitrep", "Post {post} is hier niet bekend. Bekende posten: {posts}."
                        ).format(
                            post=post_code, posts=", ".join(codes) or translate("Sitrep", "geen")
                        )
                    )
                codes = match
            elif node.is_hub:
                region = True
            else:
                codes = [node.post_code]
            posts = [_post_report(session, code, now) for code in codes]
            status = read_status(session)
        counts = [(key, status.counts.get(key, 0)) for key in STATUS_KEYS]
        counts.append(("events", status.events))
        total = _total(posts, "Regio", region=region)
        return Sitrep(
            node_name=node.name,
            node_code=node.post_code,
            role=node.role,
            training=node.training,
            generated=local_time(now),
            region=region,
            posts=tuple(posts),
            total=total,
            status_counts=tuple(counts),
        )

    def _codes(self, session: Session) -> list[str]:
        node = self.ctx.node
        if not node.is_hub:
            return [node.post_code]
        rows = session.scalars(
            select(Post.post_code)
            .where(
                Post.deleted.is_(False),
                or_(Post.role.is_(None), Post.role != NodeRole.HUB.value),  # portable IS NOT
            )
            .order_by(Post.post_code)
        ).all()
        return [code for code in rows if code != node.post_code]


def read_sitrep(data_dir: Path, post_code: str | None, clock: Clock | None = None) -> Sitrep:
    """The report of the node in ``data_dir`` (for the command line).

    Raises:
        UserError: no node in ``data_dir``; an unknown post.
    """
    db = open_node(data_dir)
    if db is None:
        raise UserError(
            translate(
                "Sitrep",
                "De map {folder} bevat nog geen noodsteunpunt. Richt het eerst in met "
                "'noodpost init --role post --name NAAM --code CODE'.",
            ).format(folder=data_dir)
        )
    try:
        context = ServiceContext(db, clock if clock is not None else SystemClock())
        return SitrepService(context).report(post_code)
    finally:
        db.close()
