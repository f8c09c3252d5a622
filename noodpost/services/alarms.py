"""Alarms (*noodmeldingen*) towards the C-NSP: raise, follow, acknowledge, close (DESIGN §3.4).

Rules that live here and nowhere else:
- an alarm has a type (brandweer, politie, ambulance, overig), an urgency and a location —
  when no location is typed, the post's own address is used;
- its status moves forward only, along :data:`noodpost.core.lifecycle.ALARM_TRANSITIONS`:
  open → sent → received → acknowledged → closed, *sent* may be skipped, and cancelling is
  possible until the alarm is closed; at the C-NSP an alarm may be acknowledged straight from
  open or sent (one event: whoever confirms it has received it); anything else is refused and
  writes nothing;
- a cancellation says why; an acknowledgement says by whom.

Every status change is one ``status`` event; the projection records it in ``status_change``,
which is the alarm's history. On a post the lists show this post's alarms; on the hub, every
post's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from noodpost.core import alarms as alarm_text
from noodpost.core.clock import iso, parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.hlc import wall_time
from noodpost.core.i18n import translate
from noodpost.core.ids import post_id
from noodpost.core.lifecycle import UNACKNOWLEDGED_ALARM, Transitions, alarm_transitions
from noodpost.core.vocabulary import AlarmStatus, AlarmType, Urgency, label
from noodpost.services.base import ServiceContext, new_id, optional_text, post_scope, urgency_order
from noodpost.storage.models import Alarm, Post, StatusChange, Volunteer

MAX_LOCATION = 300
MAX_TEXT = 1000
MAX_NAME = 200
MAX_PERSONS = 10_000

#: Statuses in which an alarm still needs attention.
OPEN_STATUSES = frozenset(
    {AlarmStatus.OPEN, AlarmStatus.SENT, AlarmStatus.RECEIVED, AlarmStatus.ACKNOWLEDGED}
)


@dataclass(frozen=True)
class AlarmInfo:
    """One alarm as screens, the radio line and reports need it.

    Attributes:
        raised_at, acknowledged_at: stored time text (UTC ISO).
        status_note: the note or reason given with the latest status change.
        status_conflict: two nodes set different final statuses (closed and cancelled).
    """

    id: str
    post_code: str
    type: str
    urgency: str
    location: str | None
    persons: int | None
    description: str | None
    status: str
    raised_at: str | None
    status_note: str | None
    acknowledged_by: str | None
    acknowledged_at: str | None
    status_conflict: bool
    #: When the alarm was raised, or — without ``raised_at`` — when its event was written.
    since: str = ""

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

    def waiting_minutes(self, now: datetime) -> int:
        """Whole minutes since the alarm was raised (0 for a clock that is ahead)."""
        if not self.since:
            return 0
        return max(0, int((now - parse_iso(self.since)).total_seconds() // 60))

    def escalated(self, now: datetime, minutes: int) -> bool:
        """Not acknowledged ``minutes`` or more after it was raised: escalate at the hub."""
        return not self.acknowledged and self.waiting_minutes(now) >= max(0, minutes)


@dataclass(frozen=True)
class StatusStep:
    """One step in an alarm's history.

    Attributes:
        at: when the step was recorded (stored time text, from the event's clock).
        author, author_name: the volunteer who recorded it, when known.
        note: the note or reason given with it.
    """

    status: str
    at: str
    author: str | None
    author_name: str | None
    note: str | None

    @property
    def status_label(self) -> str:
        return label(self.status)


def _info(row: Alarm) -> AlarmInfo:
    return AlarmInfo(
        id=row.id,
        post_code=row.post_code,
        type=row.type,
        urgency=row.urgency,
        location=row.location,
        persons=row.persons,
        description=row.description,
        status=row.status,
        raised_at=row.raised_at,
        status_note=row.status_note,
        acknowledged_by=row.acknowledged_by,
        acknowledged_at=row.acknowledged_at,
        status_conflict=bool(row.status_conflict),
        since=row.raised_at or _hlc_time(row.created_hlc),
    )


def _hlc_time(hlc: int) -> str:
    return iso(wall_time(hlc))


def radio_line_of(row: Alarm) -> str:
    """The radio line of a stored alarm (raised at its creation time when none was given)."""
    raised = row.raised_at or _hlc_time(row.created_hlc)
    return alarm_text.radio_line(
        post_code=row.post_code,
        alarm_type=row.type,
        urgency=row.urgency,
        location=row.location,
        raised_at=parse_iso(raised),
        persons=row.persons,
    )


def _text(value: str | None, limit: int, what: str) -> str | None:
    text = optional_text(value)
    if text is not None and len(text) > limit:
        raise UserError(
            translate(
                "AlarmsService", "{what} is te lang (hooguit {most} tekens). Maak de tekst korter."
            ).format(what=what, most=limit)
        )
    return text


_URGENCY_RANK = {Urgency.IMMEDIATE.value: 0, Urgency.HIGH.value: 1, Urgency.NORMAL.value: 2}

_URGENCY_ORDER = urgency_order(Alarm.urgency)


#: The statuses in which an alarm has had its acknowledgement.
ACKNOWLEDGED_OR_FURTHER = frozenset({AlarmStatus.ACKNOWLEDGED.value, AlarmStatus.CLOSED.value})


class AlarmsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading

    def alarm(self, alarm_id: str) -> AlarmInfo:
        with self.ctx.read() as session:
            return _info(self._row(session, alarm_id))

    def open_alarms(self) -> list[AlarmInfo]:
        """Alarms not closed or cancelled; most urgent first, then oldest first."""
        with self.ctx.read() as session:
            rows = session.scalars(
                select(Alarm)
                .where(*self._scope(), Alarm.status.in_([s.value for s in OPEN_STATUSES]))
                .order_by(_URGENCY_ORDER, Alarm.raised_at, Alarm.id)
            )
            return [_info(r) for r in rows]

    def alarm_ids(self) -> list[str]:
        """Every alarm in display order: those the C-NSP has not acknowledged first, then the
        acknowledged ones still open (each most urgent, then oldest first), then the closed
        and cancelled ones, newest first."""
        with self.ctx.read() as session:
            rows = session.execute(
                select(
                    Alarm.id, Alarm.status, Alarm.urgency, Alarm.raised_at, Alarm.created_hlc
                ).where(*self._scope())
            ).all()
        attention: list[tuple[bool, int, str, str]] = []
        finished: list[tuple[str, str]] = []
        for alarm_id, status, urgency, raised_at, created_hlc in rows:
            raised = raised_at or _hlc_time(created_hlc)
            if status in OPEN_STATUSES:
                waiting = status in UNACKNOWLEDGED_ALARM
                attention.append((not waiting, _URGENCY_RANK.get(urgency, 2), raised, alarm_id))
            else:
                finished.append((raised, alarm_id))
        attention.sort()
        finished.sort(reverse=True)
        return [a[-1] for a in attention] + [f[-1] for f in finished]

    def alarms_by_id(self, ids: Iterable[str]) -> dict[str, AlarmInfo]:
        """The alarms with these ids (unknown or deleted ids are left out), for a lazy list."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, AlarmInfo] = {}
        with self.ctx.read() as session:
            for start in range(0, len(wanted), 500):
                rows = session.scalars(
                    select(Alarm).where(*self._scope(), Alarm.id.in_(wanted[start : start + 500]))
                )
                found.update((row.id, _info(row)) for row in rows)
        return found

    def unacknowledged(self) -> list[AlarmInfo]:
        """Alarms the C-NSP has not confirmed yet; most urgent first, then oldest first."""
        with self.ctx.read() as session:
            rows = session.scalars(
                select(Alarm)
                .where(*self._scope(), Alarm.status.in_([s.value for s in UNACKNOWLEDGED_ALARM]))
                .order_by(_URGENCY_ORDER, Alarm.raised_at, Alarm.id)
            )
            return [_info(r) for r in rows]

    def default_location(self) -> str | None:
        """The post's address: used when an alarm names no place, and to prefill the form."""
        with self.ctx.read() as session:
            post = session.get(Post, post_id(self.ctx.node.post_code))
            if post is None or post.deleted:
                return None
            return optional_text(post.address)

    def unacknowledged_count(self) -> int:
        """Alarms the C-NSP has not confirmed yet (open, sent or received)."""
        with self.ctx.read() as session:
            count = session.scalar(
                select(func.count())
                .select_from(Alarm)
                .where(*self._scope(), Alarm.status.in_([s.value for s in UNACKNOWLEDGED_ALARM]))
            )
            return int(count or 0)

    def history(self, alarm_id: str) -> list[StatusStep]:
        """Every status the alarm went through, oldest first (from ``status_change``)."""
        with self.ctx.read() as session:
            row = self._row(session, alarm_id)
            # A step's own time where the alarm states one (raised, acknowledged): the event's
            # clock (HLC) is the moment of writing, which for demo records is not the step's.
            stated = {
                AlarmStatus.OPEN.value: row.raised_at,
                AlarmStatus.ACKNOWLEDGED.value: row.acknowledged_at,
            }
            rows = session.execute(
                select(StatusChange, Volunteer.name)
                .outerjoin(Volunteer, Volunteer.id == StatusChange.author)
                .where(StatusChange.entity == "alarm", StatusChange.entity_id == alarm_id)
                .order_by(
                    StatusChange.hlc,
                    StatusChange.origin,
                    StatusChange.incarnation,
                    StatusChange.seq,
                )
            )
            return [
                StatusStep(
                    status=change.status,
                    at=stated.get(change.status) or _hlc_time(change.hlc),
                    author=change.author,
                    author_name=name,
                    note=change.note,
                )
                for change, name in rows
            ]

    def radio_line(self, alarm_id: str) -> str:
        """The compact line to read over a radio, e.g.
        ``NSP GR-0014 | AMBULANCE | SPOED | 2 pers | Kerkstraat 5 zaal 2 | 14:32``."""
        with self.ctx.read() as session:
            return radio_line_of(self._row(session, alarm_id))

    # ------------------------------------------------------------------ writing

    def raise_alarm(
        self,
        type: str,  # the field is called "type" in the alarm's contract
        urgency: str,
        location: str | None,
        persons: int | None = None,
        description: str | None = None,
    ) -> AlarmInfo:
        """Raise an alarm (status *open*); the sync pushes it at once when a route exists.

        Raises:
            UserError: an unknown type or urgency, no location (and no post address), an
                impossible number of persons, a text that is too long.
        """
        try:
            type_value = AlarmType(type).value
        except ValueError:
            raise UserError(
                translate(
                    "AlarmsService",
                    "Kies wie er nodig is: brandweer, politie, ambulance of overig.",
                )
            ) from None
        try:
            urgency_value = Urgency(urgency).value
        except ValueError:
            raise UserError(
                translate("AlarmsService", "Kies als urgentie spoed, hoog of normaal.")
            ) from None
        if persons is not None and not 1 <= persons <= MAX_PERSONS:
            raise UserError(
                translate(
                    "AlarmsService",
                    "Vul het aantal betrokken personen in (1 of meer), of laat het leeg.",
                )
            )
        place = _text(location, MAX_LOCATION, translate("AlarmsService", "De plek"))
        details = _text(description, MAX_TEXT, translate("AlarmsService", "De omschrijving"))
        post_code = self.ctx.node.post_code
        alarm_id = new_id()
        with self.ctx.write() as uow:
            if place is None:
                post = uow.session.get(Post, post_id(post_code))
                place = optional_text(post.address) if post is not None else None
            if place is None:
                raise UserError(
                    translate(
                        "AlarmsService", "Vul in waar de hulp nodig is (adres, zaal of ruimte)."
                    )
                )
            uow.emit(
                "alarm",
                alarm_id,
                Op.CREATE,
                {
                    "post_code": post_code,
                    "type": type_value,
                    "urgency": urgency_value,
                    "location": place,
                    "persons": persons,
                    "description": details,
                    "raised_at": self.ctx.now_iso(),
                },
            )
            return _info(self._row(uow.session, alarm_id))

    def mark_sent(self, alarm_id: str) -> AlarmInfo:
        """The alarm left this node (pushed over the network or written to a stick)."""
        return self._change(alarm_id, AlarmStatus.SENT, {})

    def mark_received(self, alarm_id: str) -> AlarmInfo:
        """The C-NSP holds the alarm (recorded at the hub when it arrives)."""
        return self._change(alarm_id, AlarmStatus.RECEIVED, {})

    def acknowledge(self, alarm_id: str, by: str, note: str | None = None) -> AlarmInfo:
        """The C-NSP confirms the alarm: who, when and optionally a note for the post.

        At the hub this works from *open*, *sent* or *received* alike — one ``status`` event;
        on a post only once the alarm was received.

        Raises:
            UserError: no name given.
            Refused: the alarm is already acknowledged or further (or, on a post, not
                received yet).
        """
        name = _text(by, MAX_NAME, translate("AlarmsService", "De naam"))
        if name is None:
            raise UserError(translate("AlarmsService", "Vul in wie de noodmelding bevestigt."))
        return self._change(
            alarm_id,
            AlarmStatus.ACKNOWLEDGED,
            {"acknowledged_by": name, "acknowledged_at": self.ctx.now_iso()},
            note,
        )

    def close(self, alarm_id: str, note: str | None = None) -> AlarmInfo:
        """The alarm is dealt with (after it was acknowledged)."""
        return self._change(alarm_id, AlarmStatus.CLOSED, {}, note)

    def cancel(self, alarm_id: str, reason: str) -> AlarmInfo:
        """Withdraw the alarm (raised by mistake, no longer needed); the reason is kept.

        Raises:
            UserError: no reason given.
            Refused: the alarm is already closed or cancelled.
        """
        if optional_text(reason) is None:
            raise UserError(
                translate("AlarmsService", "Vul in waarom de noodmelding wordt ingetrokken.")
            )
        return self._change(alarm_id, AlarmStatus.CANCELLED, {}, reason)

    # ------------------------------------------------------------------ helpers

    def _change(
        self,
        alarm_id: str,
        status: AlarmStatus,
        fields: dict[str, Any],
        note: str | None = None,
    ) -> AlarmInfo:
        note_text = _text(note, MAX_TEXT, translate("AlarmsService", "De notitie"))
        with self.ctx.write() as uow:
            # Locked for this transaction and read as committed: of two operators who
            # acknowledge at once, the second waits, then sees the first one's answer.
            row = self._row(uow.session, alarm_id, lock=True)
            if status is AlarmStatus.ACKNOWLEDGED:
                self._not_acknowledged_yet(row)
            self.transitions.check(row.status, status.value)
            uow.emit(
                "alarm",
                alarm_id,
                Op.STATUS,
                {
                    "status": status.value,
                    **fields,
                    "status_note": note_text,
                    BASE_KEY: row.updated_hlc,
                },
            )
            uow.session.refresh(row)
            return _info(row)

    @property
    def transitions(self) -> Transitions:
        """The status changes this node may make (the hub may confirm an alarm at once)."""
        return alarm_transitions(at_hub=self.ctx.node.is_hub)

    def _scope(self) -> list[ColumnElement[bool]]:
        return post_scope(self.ctx, Alarm)

    def _not_acknowledged_yet(self, row: Alarm) -> None:
        """Refuse a second acknowledgement, saying who gave the first (another workstation)."""
        if row.acknowledged_by and row.status in ACKNOWLEDGED_OR_FURTHER:
            at = row.acknowledged_at
            time = format_clock(parse_iso(at), self.ctx.clock.now()) if at else "?"
            raise Refused(
                translate(
                    "AlarmsService",
                    "Deze noodmelding is al bevestigd door {name} om {time}. U hoeft niets "
                    "meer te doen; de post ziet die bevestiging.",
                ).format(name=row.acknowledged_by, time=time)
            )

    @staticmethod
    def _row(session: Session, alarm_id: str, *, lock: bool = False) -> Alarm:
        row = session.get(Alarm, alarm_id, with_for_update=lock, populate_existing=lock)
        if row is None or row.deleted:
            raise NotFound(translate("AlarmsService", "Deze noodmelding is niet bekend."))
        return row
