"""The desk's read model: everything the household panel shows, in one call.

The desk (*balie*) scans a card and must show the household at once (DESIGN §4: well under
100 ms). :meth:`DeskService.panel` gathers size, flags with their consent dates, presence,
today's visits, what the ration still allows, open needs, when the household was last seen and
its devices on the charger into one frozen :class:`HouseholdPanel`. It only reads; every write
stays with the service that owns the rule (visits, supplies, needs, charging, messages).

:meth:`DeskService.recent_actions` reads this laptop's own latest events for the desk's
*Laatste handelingen* line: what was done, to which card, by whom.

The lines are screen texts in the interface's language (:func:`noodpost.core.i18n.translate`);
the stored words inside them — a need's kind, urgency and status, a health flag — are shown
with :func:`~noodpost.core.vocabulary.screen_label`. An item's name and unit, and a device as
the volunteer typed it, are the post's own words and stay as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core import cards
from noodpost.core.clock import iso, parse_iso
from noodpost.core.dutch import count, format_clock, format_quantity, lower_first
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound
from noodpost.core.hlc import wall_time
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import ChargingStatus, HealthFlag, Urgency, VisitStatus, screen_label
from noodpost.services.base import ServiceContext
from noodpost.services.intake import CardLookup, CardState, IntakeService
from noodpost.services.needs import NeedsService
from noodpost.services.passing import is_passing
from noodpost.services.supplies import SuppliesService
from noodpost.services.supply_types import AllowanceLine, Item, item_from_row
from noodpost.services.visits import VisitsService
from noodpost.storage.models import (
    ChargingTicket,
    Event,
    Household,
    SupplyItem,
    Visit,
    Volunteer,
)
from noodpost.storage.node import require_node

#: How many quick-item buttons the desk shows when none are chosen.
QUICK_ITEMS = 3
#: How many latest events of this laptop are read to find the desk's last actions.
_RECENT_WINDOW = 300

#: The entities (and operations) that are desk actions worth listing.
_DESK_EVENTS = ("visit", "distribution", "need", "charging_ticket", "safe_message", "household")


@dataclass(frozen=True)
class FlagLine:
    """A health flag as the panel shows it: ``medicatie nodig (toestemming 27-11)``."""

    flag: str
    label: str
    text: str


@dataclass(frozen=True)
class VisitLine:
    """One of today's visits: ``10:00–11:15 (GR-0014, 4 pers.)``; ``present`` while open."""

    id: str
    post_code: str
    persons: int
    checked_in: str | None
    checked_out: str | None
    present: bool
    text: str


@dataclass(frozen=True)
class NeedLine:
    """An open need of the household: ``medische zorg (hoog) sinds 08:40``."""

    id: str
    category: str
    urgency: str
    status: str
    note: str | None
    text: str

    @property
    def pressing(self) -> bool:
        """Spoed or hoog (:attr:`Urgency.pressing`)."""
        return Urgency(self.urgency).pressing


@dataclass(frozen=True)
class TicketLine:
    """A device of the household on the charger: ``bon 12 · telefoon, sinds 09:30``."""

    id: str
    number: int
    device: str
    text: str


@dataclass(frozen=True)
class HouseholdPanel:
    """Everything the desk shows about one household, read at one moment.

    Attributes:
        card_code, pretty_code: the current card (``7K3Q9XW2`` / ``7K3Q-9XW2``).
        present: checked in at this post now; ``present_since`` the local clock time.
        visits_today: visits that started today (Dutch calendar day), at any post.
        allowance: per active item, what the household received today against its ration.
        last_seen: when it last checked in or out anywhere, as local clock text, or ``None``.
        charging: its devices on the charger at this post.
        read_at: when this was read (stored time text), to word times relative to it.
    """

    household_id: str
    card_code: str
    pretty_code: str
    post_code: str
    size: int
    name: str | None
    language: str | None
    flags: tuple[FlagLine, ...]
    present: bool
    present_since: str | None
    present_persons: int | None
    visits_today: tuple[VisitLine, ...]
    allowance: tuple[AllowanceLine, ...]
    open_needs: tuple[NeedLine, ...]
    last_seen: str | None
    charging: tuple[TicketLine, ...]
    read_at: str

    def allowance_for(self, item_id: str) -> AllowanceLine | None:
        return next((line for line in self.allowance if line.item.id == item_id), None)

    @property
    def size_text(self) -> str:
        return count(
            self.size, translate("DeskService", "persoon"), translate("DeskService", "personen")
        )


@dataclass(frozen=True)
class DeskAction:
    """One line of *Laatste handelingen*: ``10:31 · Drinkwater 3 l · 4F2P-7KQ3 · Anna``.

    Attributes:
        at: stored time text (UTC ISO) of the action.
        clock: local clock text of ``at``.
        card: the household's current card code (pretty), when the action had one.
        volunteer: the first name of the volunteer who did it, when known.
    """

    at: str
    clock: str
    what: str
    card: str | None
    volunteer: str | None

    @property
    def text(self) -> str:
        parts = [self.clock, self.what]
        if self.card:
            parts.append(self.card)
        line = " · ".join(parts)
        return f"{line} ({self.volunteer})" if self.volunteer else line


def consent_date_text(value: str | None) -> str | None:
    """``2026-11-27`` → ``27-11``; anything unreadable is left out."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return f"{day.day}-{day.month}"


class DeskService:
    """Reads for the desk; combines the owning services so the GUI asks once per scan."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.intake = IntakeService(ctx)
        self.visits = VisitsService(ctx)
        self.supplies = SuppliesService(ctx)
        self.needs = NeedsService(ctx)

    # ------------------------------------------------------------------ the panel

    def lookup_and_panel(self, text: str) -> tuple[CardLookup, HouseholdPanel | None]:
        """What a scanned or typed code means, with the household panel when it opens one.

        An unused (pre-printed or unknown) valid code gives ``(lookup, None)``: start an intake.

        Raises:
            InvalidCode: a wrong check character or not a Noodpost code.
            Refused: the card was replaced by a reissue.
            NotFound: a card of another post that is not known here.
        """
        found = self.intake.lookup(text)
        if found.state is CardState.KNOWN and found.household_id is not None:
            return found, self.panel(found.household_id)
        return found, None

    def panel(self, household_id: str) -> HouseholdPanel:
        """Everything the desk shows about ``household_id``.

        Raises:
            NotFound: the household is not (or no longer) known.
        """
        now = self.ctx.clock.now()
        own = self.ctx.node.post_code
        with self.ctx.read() as session:
            row = session.get(Household, household_id) if household_id else None
            if row is None or row.deleted:
                raise NotFound(
                    translate(
                        "DeskService",
                        "Dit huishouden is niet (meer) bekend. Scan de kaart opnieuw.",
                    )
                )
            flags = _flag_lines(row.flags or (), row.consents or {})
            current = session.scalar(
                select(Visit)
                .where(
                    Visit.household_id == household_id,
                    Visit.post_code == own,
                    Visit.status == VisitStatus.PRESENT.value,
                    Visit.deleted.is_(False),
                )
                .order_by(Visit.checked_in_at.desc())
                .limit(1)
            )
            tickets = tuple(
                TicketLine(t.id, t.number, t.device, _ticket_text(t, now))
                for t in session.scalars(
                    select(ChargingTicket)
                    .where(
                        ChargingTicket.household_id == household_id,
                        ChargingTicket.post_code == own,
                        ChargingTicket.status == ChargingStatus.CHARGING.value,
                        ChargingTicket.deleted.is_(False),
                    )
                    .order_by(ChargingTicket.number)
                )
            )
            card_code, size, name = row.card_code, row.size, row.name
            post_code, language = row.post_code, row.language
            present_since = _clock(current.checked_in_at, now) if current is not None else None
            present_persons = current.persons if current is not None else None
        visits = tuple(
            VisitLine(
                v.id,
                v.post_code,
                v.persons,
                _clock(v.checked_in_at, now) if v.checked_in_at else None,
                _clock(v.checked_out_at, now) if v.checked_out_at else None,
                v.present,
                _visit_text(v.post_code, own, v.persons, v.checked_in_at, v.checked_out_at, now),
            )
            for v in self.visits.visits_today(household_id)
        )
        needs = tuple(
            NeedLine(
                n.id,
                n.category,
                n.urgency,
                n.status,
                n.note,
                _need_text(n.category, n.urgency, n.status, n.opened_at, now),
            )
            for n in self.needs.open_for_household(household_id)
        )
        seen = self.visits.last_seen(household_id)
        return HouseholdPanel(
            household_id=household_id,
            card_code=card_code,
            pretty_code=cards.pretty(card_code),
            post_code=post_code,
            size=size,
            name=name,
            language=language,
            flags=flags,
            present=current is not None,
            present_since=present_since,
            present_persons=present_persons,
            visits_today=visits,
            allowance=tuple(self.supplies.allowance(household_id)),
            open_needs=needs,
            last_seen=_clock(seen, now) if seen else None,
            charging=tickets,
            read_at=iso(now),
        )

    # ------------------------------------------------------------------ the buttons

    def quick_items(self, codes: Sequence[str] | None = None) -> list[Item]:
        """The items of the quick hand-out buttons.

        With ``codes``: those items, in that order (unknown and retired ones left out).
        Without: the first :data:`QUICK_ITEMS` items that have a quick quantity, in catalogue
        order (the order the catalogue was loaded in).
        """
        with self.ctx.read() as session:
            rows = list(
                session.scalars(
                    select(SupplyItem)
                    .where(SupplyItem.deleted.is_(False), SupplyItem.retired.is_not(True))
                    .order_by(SupplyItem.created_hlc, SupplyItem.code)
                )
            )
        items = [item_from_row(r) for r in rows]
        if codes is not None:
            by_code = {i.code: i for i in items}
            return [by_code[c] for c in codes if c in by_code]
        return [i for i in items if i.quick_quantity][:QUICK_ITEMS]

    # ------------------------------------------------------------------ last actions

    def recent_actions(self, limit: int = 6) -> list[DeskAction]:
        """This laptop's latest desk actions, newest first: check-ins and -outs, hand-outs
        and their undos, needs, charging tickets, safe-and-well messages, registrations."""
        if limit < 1:
            return []
        now = self.ctx.clock.now()
        with self.ctx.read() as session:
            node = require_node(session)
            events = list(
                session.scalars(
                    select(Event)
                    .where(Event.origin == node.node_id, Event.incarnation == node.incarnation)
                    .order_by(Event.seq.desc())
                    .limit(_RECENT_WINDOW)
                )
            )
            wanted = [e for e in events if _is_desk_event(e)][:limit]
            drafts = [(e, json.loads(e.data)) for e in wanted]
            households = _card_codes(session, drafts)
            names = _first_names(session, {e.author for e in wanted if e.author})
            items = _item_names(session, drafts)
            actions = []
            for event, data in drafts:
                what, household_id, at = _describe(session, event, data, items)
                code = households.get(household_id) if household_id else None
                actions.append(
                    DeskAction(
                        at=at,
                        clock=_clock(at, now),
                        what=what,
                        card=cards.pretty(code) if code else None,
                        volunteer=names.get(event.author) if event.author else None,
                    )
                )
        return actions


# ---------------------------------------------------------------- helpers


def _clock(stored: str | None, now: datetime) -> str:
    return format_clock(parse_iso(stored), now) if stored else "?"


def _flag_lines(flags: Sequence[str], consents: dict[str, Any]) -> tuple[FlagLine, ...]:
    order = {f.value: i for i, f in enumerate(HealthFlag)}
    lines = []
    for flag in sorted(flags, key=lambda f: (order.get(f, len(order)), f)):
        consent = consents.get(flag)
        when = consent_date_text(consent if isinstance(consent, str) else None)
        word = screen_label(flag)
        text = (
            translate("DeskService", "{flag} (toestemming {date})").format(flag=word, date=when)
            if when
            else word
        )
        lines.append(FlagLine(flag, word, text))
    return tuple(lines)


def _ticket_text(ticket: ChargingTicket, now: datetime) -> str:
    """``bon 12 · telefoon, sinds 09:30`` (the device as the volunteer typed it)."""
    if ticket.checked_in_at:
        return translate("DeskService", "bon {number} · {device}, sinds {time}").format(
            number=ticket.number, device=ticket.device, time=_clock(ticket.checked_in_at, now)
        )
    return translate("DeskService", "bon {number} · {device}").format(
        number=ticket.number, device=ticket.device
    )


def _need_text(kind: str, urgency: str, status: str, opened_at: str | None, now: datetime) -> str:
    """``medische zorg (hoog) sinds 08:40``, with `` · in behandeling`` once it is not open."""
    if opened_at:
        text = translate("DeskService", "{kind} ({urgency}) sinds {time}").format(
            kind=screen_label(kind), urgency=screen_label(urgency), time=_clock(opened_at, now)
        )
    else:
        text = translate("DeskService", "{kind} ({urgency})").format(
            kind=screen_label(kind), urgency=screen_label(urgency)
        )
    return text if status == "open" else f"{text} · {screen_label(status)}"


def _visit_text(
    post_code: str,
    own: str,
    persons: int,
    checked_in: str | None,
    checked_out: str | None,
    now: datetime,
) -> str:
    start = _clock(checked_in, now) if checked_in else "?"
    if is_passing(checked_in, checked_out):  # served at the desk without checking in
        span = translate("DeskService", "aan de balie om {time}").format(time=start)
    elif checked_out:
        span = f"{start}–{_clock(checked_out, now)}"
    else:
        span = translate("DeskService", "sinds {time}").format(time=start)
    if post_code == own:
        return translate("DeskService", "{span} ({persons} pers.)").format(
            span=span, persons=persons
        )
    return translate("DeskService", "{span} ({persons} pers., {post})").format(
        span=span, persons=persons, post=post_code
    )


def _is_desk_event(event: Event) -> bool:
    if event.entity not in _DESK_EVENTS:
        return False
    if event.entity == "visit":
        if event.op == Op.CREATE and '"status"' in event.data:
            # a passing visit: the hand-out (need, ticket, message) beside it says what happened
            status = json.loads(event.data).get("status")
            return bool(status != VisitStatus.LEFT.value)
        return event.op in (Op.CREATE, Op.STATUS)
    return event.op == Op.CREATE


def _card_codes(session: Session, drafts: list[tuple[Event, dict[str, Any]]]) -> dict[str, str]:
    ids: set[str] = set()
    visit_ids = []
    for event, data in drafts:
        if event.entity == "household":
            ids.add(event.entity_id)
        elif isinstance(data.get("household_id"), str):
            ids.add(data["household_id"])
        elif event.entity == "visit":
            visit_ids.append(event.entity_id)
    if visit_ids:
        ids.update(session.scalars(select(Visit.household_id).where(Visit.id.in_(visit_ids))).all())
    if not ids:
        return {}
    rows = session.execute(select(Household.id, Household.card_code).where(Household.id.in_(ids)))
    return {household_id: code for household_id, code in rows}


def _first_names(session: Session, volunteer_ids: set[str | None]) -> dict[str, str]:
    wanted = [v for v in volunteer_ids if v]
    if not wanted:
        return {}
    rows = session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(wanted)))
    return {vid: (name.split() or [name])[0] for vid, name in rows}


def _item_names(session: Session, drafts: list[tuple[Event, dict[str, Any]]]) -> dict[str, Item]:
    ids = {d["item_id"] for e, d in drafts if e.entity == "distribution" and "item_id" in d}
    if not ids:
        return {}
    rows = session.scalars(select(SupplyItem).where(SupplyItem.id.in_(ids)))
    return {r.id: item_from_row(r) for r in rows}


def _hlc_iso(hlc: int) -> str:
    return iso(wall_time(hlc))


def _describe(
    session: Session, event: Event, data: dict[str, Any], items: dict[str, Item]
) -> tuple[str, str | None, str]:
    """What an event did in desk words, its household, and when (stored time text)."""
    household_id = data.get("household_id")
    fallback = _hlc_iso(event.hlc)
    if event.entity == "visit":
        if event.op == Op.CREATE:
            persons = data.get("persons")
            what = (
                translate("DeskService", "aangemeld ({persons} pers.)").format(persons=persons)
                if persons
                else translate("DeskService", "aangemeld")
            )
            return what, household_id, data.get("checked_in_at") or fallback
        visit = session.get(Visit, event.entity_id)
        return (
            translate("DeskService", "afgemeld"),
            visit.household_id if visit is not None else None,
            data.get("checked_out_at") or fallback,
        )
    if event.entity == "distribution":
        item = items.get(str(data.get("item_id")))
        quantity = float(data.get("quantity") or 0)
        name = item.name if item is not None else translate("DeskService", "artikel")
        amount = format_quantity(abs(quantity), item.unit if item is not None else "")
        if data.get("corrects") or quantity < 0:
            what = translate("DeskService", "teruggedraaid: {item} {amount}").format(
                item=lower_first(name), amount=amount
            )
        elif data.get("override_reason"):
            what = translate("DeskService", "{item} {amount} (boven rantsoen)").format(
                item=name, amount=amount
            )
        else:
            what = f"{name} {amount}"
        return what, household_id, data.get("at") or fallback
    if event.entity == "need":
        return (
            translate("DeskService", "hulpvraag {kind}").format(
                kind=screen_label(str(data.get("category")))
            ),
            household_id,
            data.get("opened_at") or fallback,
        )
    if event.entity == "charging_ticket":
        return (
            translate("DeskService", "oplaadbon {number}").format(number=data.get("number")),
            household_id,
            data.get("checked_in_at") or fallback,
        )
    if event.entity == "safe_message":
        what = translate("DeskService", "veilig-en-welbericht")
        return what, household_id, data.get("given_at") or fallback
    size = data.get("size")
    what = (
        translate("DeskService", "ingeschreven ({size} pers.)").format(size=size)
        if size
        else translate("DeskService", "ingeschreven")
    )
    return what, event.entity_id, data.get("registered_at") or fallback


__all__ = [
    "QUICK_ITEMS",
    "DeskAction",
    "DeskService",
    "FlagLine",
    "HouseholdPanel",
    "NeedLine",
    "TicketLine",
    "VisitLine",
    "consent_date_text",
]
