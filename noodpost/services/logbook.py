"""The logbook (*logboek*): what volunteers wrote down, merged with what the post recorded anyway.

Manual entries are ``log_entry`` events. Everything else in the logbook is *derived* from what
the database already holds — alarms raised and their status changes, stock deliveries, shifts
starting and ending — so a write never needs a second event just to appear here.

On a post the logbook shows this post's own lines. On the hub it also shows the alarms of every
post, each marked with its post code. :meth:`LogbookService.for_post` reads one post's
logbook instead (the hub's regional picture shows it per post).

A long logbook is read in parts: :meth:`LogbookService.line_keys` gives a key per line in
order, :meth:`LogbookService.lines_by_key` the lines for the keys a screen shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from noodpost.core.clock import iso
from noodpost.core.dutch import unit_for
from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.hlc import pack, wall_time
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import AlarmStatus, MovementKind, ShiftStatus, label
from noodpost.services.base import ServiceContext, new_id, optional_text, require_text
from noodpost.storage.models import (
    Alarm,
    Event,
    LogEntry,
    Shift,
    StatusChange,
    StockMovement,
    SupplyItem,
    Volunteer,
)

#: The time a record states for a step of its lifecycle (raised, acknowledged; a shift begun,
#: ended), for the steps that state one. An automatic line is timed by it: the event's clock
#: (HLC) never runs backwards, so it is the moment of writing, not of the step, when the two
#: differ (records written afterwards, as ``noodpost demo`` writes its past days).
ALARM_STEP_TIME: ColumnElement[str | None] = case(
    (StatusChange.status == AlarmStatus.OPEN.value, Alarm.raised_at),
    (StatusChange.status == AlarmStatus.ACKNOWLEDGED.value, Alarm.acknowledged_at),
    else_=None,
)
SHIFT_STEP_TIME: ColumnElement[str | None] = case(
    (StatusChange.status == ShiftStatus.ON_DUTY.value, Shift.started_at),
    (StatusChange.status == ShiftStatus.ENDED.value, Shift.ended_at),
    else_=None,
)
#: How many lines :meth:`LogbookService.entries` returns unless told otherwise.
DEFAULT_LIMIT = 500
MAX_TEXT = 2000
MAX_CATEGORY = 40
_CHUNK = 500


@dataclass(frozen=True)
class LogbookLine:
    """One line of the logbook.

    Attributes:
        at: when, as stored (UTC ISO text, sortable).
        text: the Dutch line a volunteer reads.
        author: the name of the volunteer who did it, when known.
        automatic: derived from another record (an alarm, a delivery, a shift), not typed.
        entity, entity_id: the record the line is about (a ``log_entry`` for manual lines).
        category: the category of a manual entry.
        key: what addresses this line in :meth:`LogbookService.line_keys`.
    """

    at: str
    text: str
    author: str | None
    automatic: bool
    entity: str
    entity_id: str
    category: str | None = None
    key: str = ""


@dataclass(frozen=True)
class _Draft:
    at: str
    order: int  # the HLC, to keep lines written in the same millisecond in order
    text: str
    author_id: str | None
    automatic: bool
    entity: str
    entity_id: str
    key: str
    category: str | None = None


def hlc_time(hlc: int) -> str:
    """The wall-clock moment an HLC was issued, as stored time text."""
    return iso(wall_time(hlc))


def _alarm_status(status: str) -> str:
    """A withdrawn alarm is *ingetrokken* (docs/taal.md), not a help request's *geannuleerd*."""
    return "ingetrokken" if status == AlarmStatus.CANCELLED else label(status)


def format_quantity(quantity: float) -> str:
    """A quantity the Dutch way: ``200``, ``2,5``, ``0,25``."""
    text = f"{quantity:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if text not in ("-0", "") else "0"


@dataclass(frozen=True)
class LogbookScope:
    """Which lines make up a logbook — the one definition behind the logbook page, its count
    on Overzicht and ``noodpost status``.

    A post's logbook holds its typed lines, its deliveries, the status changes of its alarms
    and its shifts starting and ending. With ``every_post`` (the hub's own logbook) the alarms
    of every post are in it too.
    """

    post_code: str
    every_post: bool = False

    def manual_filter(self) -> tuple[ColumnElement[bool], ...]:
        return (LogEntry.post_code == self.post_code, LogEntry.deleted.is_(False))

    def delivery_filter(self) -> tuple[ColumnElement[bool], ...]:
        return (
            StockMovement.post_code == self.post_code,
            StockMovement.kind == MovementKind.DELIVERY,
            StockMovement.deleted.is_(False),
        )

    def alarm_filter(self) -> tuple[ColumnElement[bool], ...]:
        own = () if self.every_post else (Alarm.post_code == self.post_code,)
        return (StatusChange.entity == "alarm", Alarm.deleted.is_(False), *own)

    def shift_filter(self) -> tuple[ColumnElement[bool], ...]:
        return (
            StatusChange.entity == "shift",
            Shift.post_code == self.post_code,
            Shift.deleted.is_(False),
        )

    def _manual_keys(self, manual_only: bool) -> Select[str, str | None, int]:
        query = select(LogEntry.id, LogEntry.at, LogEntry.created_hlc).where(*self.manual_filter())
        return query.where(LogEntry.automatic.is_not(True)) if manual_only else query

    def _delivery_keys(self) -> Select[str, str | None, int]:
        return select(StockMovement.id, StockMovement.at, StockMovement.created_hlc).where(
            *self.delivery_filter()
        )

    def _change_keys(self) -> list[Select[str, str, str, str, int, int, str | None]]:
        return [
            _change_keys("alarm", ALARM_STEP_TIME)
            .join(Alarm, Alarm.id == StatusChange.entity_id)
            .where(*self.alarm_filter()),
            _change_keys("shift", SHIFT_STEP_TIME)
            .join(Shift, Shift.id == StatusChange.entity_id)
            .where(*self.shift_filter()),
        ]

    def line_keys(self, session: Session, *, manual_only: bool = False) -> list[str]:
        """A key for every line, oldest first (see :meth:`LogbookService.line_keys`)."""
        found: list[tuple[str, int, str, str]] = []  # at, order, entity id, key
        for entry_id, at, hlc in session.execute(self._manual_keys(manual_only)):
            found.append((at or hlc_time(hlc), hlc, entry_id, f"log_entry:{entry_id}"))
        if not manual_only:
            for movement_id, at, hlc in session.execute(self._delivery_keys()):
                key = f"stock_movement:{movement_id}"
                found.append((at or hlc_time(hlc), hlc, movement_id, key))
            for query in self._change_keys():
                for entity, entity_id, origin, incarnation, seq, hlc, at in session.execute(query):
                    key = f"{entity}:{entity_id}:{origin}:{incarnation}:{seq}"
                    found.append((at or hlc_time(hlc), hlc, entity_id, key))
        found.sort()
        return [key for *_, key in found]

    def line_count(self, session: Session, *, manual_only: bool = False) -> int:
        """How many keys :meth:`line_keys` gives, counted by the database."""
        parts = [self._manual_keys(manual_only).subquery()]
        if not manual_only:
            parts += [self._delivery_keys().subquery()]
            parts += [query.subquery() for query in self._change_keys()]
        return sum(session.scalar(select(func.count()).select_from(part)) or 0 for part in parts)


class LogbookService:
    def __init__(self, ctx: ServiceContext, post_code: str | None = None) -> None:
        self.ctx = ctx
        self._post_code = post_code

    def for_post(self, post_code: str) -> LogbookService:
        """The logbook of one post, read here (at the hub: a post's lines as that post sees them,
        its alarms without a post-code mark). Only for reading: lines are written by the post."""
        return LogbookService(self.ctx, post_code)

    @property
    def post_code(self) -> str:
        """Whose logbook this is: this node's own, or the post chosen with :meth:`for_post`."""
        return self._post_code or self.ctx.node.post_code

    def add(self, text: str, category: str | None = None) -> LogbookLine:
        """Write a line in the logbook.

        Raises:
            UserError: no text, or text or category too long.
        """
        if self._post_code is not None and self._post_code != self.ctx.node.post_code:
            raise UserError(
                translate(
                    "Logbook",
                    "Een regel in het logboek van een andere post schrijft die post zelf.",
                )
            )
        body = require_text(text, translate("Logbook", "de tekst voor het logboek"))
        if len(body) > MAX_TEXT:
            raise UserError(
                translate(
                    "Logbook", "De tekst is te lang (hooguit {limit} tekens). Maak hem korter."
                ).format(limit=MAX_TEXT)
            )
        category_value = optional_text(category)
        if category_value is not None and len(category_value) > MAX_CATEGORY:
            raise UserError(
                translate("Logbook", "De categorie is te lang (hooguit {limit} tekens).").format(
                    limit=MAX_CATEGORY
                )
            )
        entry_id = new_id()
        at = self.ctx.now_iso()
        with self.ctx.write() as uow:
            uow.emit(
                "log_entry",
                entry_id,
                Op.CREATE,
                {
                    "post_code": self.ctx.node.post_code,
                    "at": at,
                    "text": body,
                    "category": category_value,
                    "automatic": False,
                },
            )
            author = _names(uow.session, [uow.author]).get(uow.author or "")
        return LogbookLine(
            at, body, author, False, "log_entry", entry_id, category_value, f"log_entry:{entry_id}"
        )

    def entries(
        self, since: datetime | None = None, limit: int = DEFAULT_LIMIT
    ) -> list[LogbookLine]:
        """The latest ``limit`` lines (from ``since`` on, when given), oldest first."""
        if limit < 1:
            return []
        since_iso = iso(since) if since is not None else None
        since_hlc = pack(int(since.timestamp() * 1000), 0) if since is not None else None
        with self.ctx.read() as session:
            drafts = [
                *self._manual(session, since=since_iso, limit=limit),
                *self._deliveries(session, since=since_iso, since_hlc=since_hlc, limit=limit),
                *self._alarms(session, since_hlc=since_hlc, limit=limit),
                *self._shifts(session, since_hlc=since_hlc, limit=limit),
            ]
            if since_iso is not None:  # a step's own time may lie before its clock (HLC)
                drafts = [d for d in drafts if d.at >= since_iso]
            drafts.sort(key=_order)
            return self._lines(session, drafts[-limit:])

    @property
    def scope(self) -> LogbookScope:
        """Which lines are in this logbook (see :class:`LogbookScope`)."""
        every = self.ctx.node.is_hub and self._post_code is None
        return LogbookScope(self.post_code, every_post=every)

    def line_keys(self, *, manual_only: bool = False) -> list[str]:
        """A key for every line of the logbook, oldest first (the rows of the logbook page).

        Args:
            manual_only: only what volunteers wrote themselves.
        """
        with self.ctx.read() as session:
            return self.scope.line_keys(session, manual_only=manual_only)

    def line_count(self, *, manual_only: bool = False) -> int:
        """How many lines the logbook page shows: the same lines as :meth:`line_keys`."""
        with self.ctx.read() as session:
            return self.scope.line_count(session, manual_only=manual_only)

    def lines_by_key(self, keys: Sequence[str]) -> dict[str, LogbookLine]:
        """The lines for these keys (from :meth:`line_keys`); unknown keys are left out."""
        records: dict[str, set[str]] = {"log_entry": set(), "stock_movement": set()}
        changes: dict[str, dict[str, set[str]]] = {"alarm": {}, "shift": {}}
        for key in keys:
            entity, _, rest = key.partition(":")
            if entity in records and rest:
                records[entity].add(rest)
            elif entity in changes and rest.count(":") >= 3:
                entity_id, _, change = rest.partition(":")
                changes[entity].setdefault(entity_id, set()).add(change)
        drafts: list[_Draft] = []
        with self.ctx.read() as session:
            for part in _chunks(sorted(records["log_entry"])):
                drafts += self._manual(session, ids=part)
            for part in _chunks(sorted(records["stock_movement"])):
                drafts += self._deliveries(session, ids=part)
            for part in _chunks(sorted(changes["alarm"])):
                drafts += self._alarms(session, ids=part)
            for part in _chunks(sorted(changes["shift"])):
                drafts += self._shifts(session, ids=part)
            wanted = set(keys)
            drafts = [d for d in drafts if d.key in wanted]
            lines = self._lines(session, drafts)
        return {d.key: line for d, line in zip(drafts, lines, strict=True)}

    def _lines(self, session: Session, drafts: list[_Draft]) -> list[LogbookLine]:
        names = _names(session, (d.author_id for d in drafts))
        return [
            LogbookLine(
                at=d.at,
                text=d.text,
                author=names.get(d.author_id) if d.author_id else None,
                automatic=d.automatic,
                entity=d.entity,
                entity_id=d.entity_id,
                category=d.category,
                key=d.key,
            )
            for d in drafts
        ]

    # ------------------------------------------------------------------ sources

    def _manual_filter(self) -> tuple[ColumnElement[bool], ...]:
        return self.scope.manual_filter()

    def _delivery_filter(self) -> tuple[ColumnElement[bool], ...]:
        return self.scope.delivery_filter()

    def _alarm_filter(self) -> tuple[ColumnElement[bool], ...]:
        return self.scope.alarm_filter()

    def _shift_filter(self) -> tuple[ColumnElement[bool], ...]:
        return self.scope.shift_filter()

    def _manual(
        self,
        session: Session,
        *,
        since: str | None = None,
        limit: int | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[_Draft]:
        query = select(LogEntry).where(*self._manual_filter())
        if since is not None:
            query = query.where(LogEntry.at >= since)
        if ids is not None:
            query = query.where(LogEntry.id.in_(ids))
        rows = list(session.scalars(query.order_by(LogEntry.at.desc()).limit(limit)))
        authors = _creators(session, "log_entry", [r.id for r in rows])
        return [
            _Draft(
                at=r.at or hlc_time(r.created_hlc),
                order=r.created_hlc,
                text=r.text,
                author_id=authors.get(r.id),
                automatic=bool(r.automatic),
                entity="log_entry",
                entity_id=r.id,
                key=f"log_entry:{r.id}",
                category=r.category,
            )
            for r in rows
        ]

    def _deliveries(
        self,
        session: Session,
        *,
        since: str | None = None,
        since_hlc: int | None = None,
        limit: int | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[_Draft]:
        query = (
            select(StockMovement, SupplyItem.name, SupplyItem.unit)
            .outerjoin(SupplyItem, SupplyItem.id == StockMovement.item_id)
            .where(*self._delivery_filter())
        )
        if since is not None and since_hlc is not None:
            query = query.where(
                or_(
                    StockMovement.at >= since,
                    and_(StockMovement.at.is_(None), StockMovement.created_hlc >= since_hlc),
                )
            )
        if ids is not None:
            query = query.where(StockMovement.id.in_(ids))
        query = query.order_by(StockMovement.at.desc(), StockMovement.created_hlc.desc())
        rows = list(session.execute(query.limit(limit)))
        authors = _creators(session, "stock_movement", [m.id for m, _, _ in rows])
        drafts: list[_Draft] = []
        for movement, item_name, unit in rows:
            what = item_name or "onbekend artikel"
            amount = format_quantity(movement.quantity)
            if unit:
                amount = f"{amount} {unit_for(movement.quantity, unit)}"
            text = f"Levering: {amount} {what}"
            if movement.reason:
                text += f" — {movement.reason}"
            drafts.append(
                _Draft(
                    at=movement.at or hlc_time(movement.created_hlc),
                    order=movement.created_hlc,
                    text=text,
                    author_id=authors.get(movement.id),
                    automatic=True,
                    entity="stock_movement",
                    entity_id=movement.id,
                    key=f"stock_movement:{movement.id}",
                )
            )
        return drafts

    def _alarms(
        self,
        session: Session,
        *,
        since_hlc: int | None = None,
        limit: int | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[_Draft]:
        post_code = self.post_code
        query = (
            select(StatusChange, Event.op, Alarm, ALARM_STEP_TIME)
            .join(
                Event,
                and_(
                    Event.origin == StatusChange.origin,
                    Event.incarnation == StatusChange.incarnation,
                    Event.seq == StatusChange.seq,
                ),
            )
            .join(Alarm, Alarm.id == StatusChange.entity_id)
            .where(*self._alarm_filter())
        )
        query = _newest_changes(query, since_hlc, limit, ids)
        drafts: list[_Draft] = []
        for change, op, alarm, at in session.execute(query):
            what = f"Noodmelding {label(alarm.type)}"
            if op == Op.CREATE:
                text = f"{what} ({label(alarm.urgency)}) gemaakt"
                if change.status != AlarmStatus.OPEN:
                    text += f", {_alarm_status(change.status)}"
            else:
                text = f"{what}: {_alarm_status(change.status)}"
            if change.note:
                text += f" — {change.note}"
            if alarm.post_code != post_code:
                text = f"{alarm.post_code}: {text}"
            drafts.append(_change_draft(change, text, "alarm", alarm.id, at))
        return drafts

    def _shifts(
        self,
        session: Session,
        *,
        since_hlc: int | None = None,
        limit: int | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[_Draft]:
        query = (
            select(StatusChange, Shift, Volunteer.name, SHIFT_STEP_TIME)
            .join(Shift, Shift.id == StatusChange.entity_id)
            .outerjoin(Volunteer, Volunteer.id == Shift.volunteer_id)
            .where(*self._shift_filter())
        )
        query = _newest_changes(query, since_hlc, limit, ids)
        drafts: list[_Draft] = []
        for change, shift, name, at in session.execute(query):
            who = name or "onbekende vrijwilliger"
            if change.status == ShiftStatus.ENDED:
                text = f"Dienst beëindigd: {who}"
                if shift.handover_note:
                    text += f" — overdracht: {shift.handover_note}"
            else:
                text = f"Dienst begonnen: {who}"
                if shift.task:
                    text += f" ({shift.task})"
            drafts.append(_change_draft(change, text, "shift", shift.id, at))
        return drafts


_Row = TypeVarTuple("_Row")


def _newest_changes(
    query: Select[*_Row],
    since_hlc: int | None,
    limit: int | None,
    ids: Sequence[str] | None,
) -> Select[*_Row]:
    """Narrow a status-change query to a time, to some entities, newest first."""
    if since_hlc is not None:
        query = query.where(StatusChange.hlc >= since_hlc)
    if ids is not None:
        query = query.where(StatusChange.entity_id.in_(ids))
    return query.order_by(StatusChange.hlc.desc()).limit(limit)


def _change_draft(
    change: StatusChange, text: str, entity: str, entity_id: str, at: str | None
) -> _Draft:
    """An automatic logbook line for one status change, timed by the time its record states
    for that step (``at``), else by its event's clock."""
    return _Draft(
        at=at or hlc_time(change.hlc),
        order=change.hlc,
        text=text,
        author_id=change.author,
        automatic=True,
        entity=entity,
        entity_id=entity_id,
        key=_change_key(change),
    )


def _order(draft: _Draft) -> tuple[str, int, str, str]:
    return (draft.at, draft.order, draft.entity_id, draft.key)


def _change_keys(
    entity: str, stated: ColumnElement[str | None]
) -> Select[str, str, str, str, int, int, str | None]:
    """What addresses a status change of ``entity`` in the logbook, its HLC and the time its
    record states for that step."""
    return select(
        StatusChange.entity,
        StatusChange.entity_id,
        StatusChange.origin,
        StatusChange.incarnation,
        StatusChange.seq,
        StatusChange.hlc,
        stated,
    ).where(StatusChange.entity == entity)


def _change_key(change: StatusChange) -> str:
    return f"{change.entity}:{change.entity_id}:{change.origin}:{change.incarnation}:{change.seq}"


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _creators(session: Session, entity: str, ids: list[str]) -> dict[str, str]:
    """Who created each of these records (the author of its create event), when known."""
    found: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Event.entity_id, Event.author).where(
                Event.entity == entity,
                Event.entity_id.in_(ids[start : start + _CHUNK]),
                Event.op == Op.CREATE,
                Event.author.is_not(None),
            )
        )
        found.update((entity_id, author) for entity_id, author in rows if author is not None)
    return found


def _names(session: Session, volunteer_ids: Iterable[str | None]) -> dict[str, str]:
    wanted = sorted({v for v in volunteer_ids if v})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start : start + _CHUNK]
        rows = session.execute(select(Volunteer.id, Volunteer.name).where(Volunteer.id.in_(part)))
        found.update((volunteer_id, name) for volunteer_id, name in rows)
    return found
