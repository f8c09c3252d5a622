"""Volunteers: who works at the post, signing in with a PIN, roles, and shifts.

Rules that live here and nowhere else:
- a PIN is 4 to 8 digits and is kept only as an Argon2id hash in the post's own credential
  record; it never appears in a message or a log line; five wrong PINs in a row lock sign-in,
  for a minute and longer for each further lock, counted in the database so the window and the
  command line share it (:mod:`noodpost.services.pins`);
- only volunteers of this post can sign in here, and only active ones;
- once the post has a coordinator, only a signed-in coordinator adds, resets or deactivates
  volunteers; the last active coordinator cannot be deactivated;
- a volunteer is on duty in at most one shift at a time;
- every sign-in, accepted or refused, is recorded in the audit log (the volunteer's id and the
  result, never the PIN);
- volunteers' phone numbers are shown to coordinators only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from noodpost.core.audit import AuditAction
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import Role, ShiftStatus
from noodpost.services.base import ServiceContext, new_id, optional_text, require_text
from noodpost.services.pins import Pins, check_pin, locked_message, stored_hash
from noodpost.services.roles import SignedIn as SignedIn  # noqa: PLC0414 — re-exported
from noodpost.services.roles import is_coordinator, require_coordinator, signed_in
from noodpost.storage.audit import OK, REFUSED, append_audit
from noodpost.storage.models import Shift, Volunteer

_MAX_SKILL = 80
_CHUNK = 500


@dataclass(frozen=True)
class VolunteerSummary:
    id: str
    name: str
    role: str
    skills: tuple[str, ...]
    phone: str | None
    active: bool
    post_code: str


@dataclass(frozen=True)
class ShiftSummary:
    id: str
    volunteer_id: str
    volunteer_name: str
    task: str | None
    status: str
    started_at: str | None
    ended_at: str | None
    handover_note: str | None


@dataclass(frozen=True)
class VolunteerLine:
    """A volunteer with the shift they are on now (``None`` when off duty)."""

    volunteer: VolunteerSummary
    shift: ShiftSummary | None


def _summary(row: Volunteer, *, show_phone: bool) -> VolunteerSummary:
    return VolunteerSummary(
        id=row.id,
        name=row.name,
        role=row.role,
        skills=tuple(row.skills or ()),
        phone=row.phone if show_phone else None,
        active=row.active is not False,
        post_code=row.post_code,
    )


def _shift_summary(row: Shift, volunteer_name: str) -> ShiftSummary:
    return ShiftSummary(
        id=row.id,
        volunteer_id=row.volunteer_id,
        volunteer_name=volunteer_name,
        task=row.task,
        status=row.status,
        started_at=row.started_at,
        ended_at=row.ended_at,
        handover_note=row.handover_note,
    )


def _role(role: Role | str) -> str:
    try:
        return Role(role).value
    except ValueError:
        raise UserError(
            translate("VolunteersService", "Kies als rol 'vrijwilliger' of 'coördinator'.")
        ) from None


def _skills(skills: Iterable[str]) -> list[str]:
    result: list[str] = []
    for skill in skills:
        text = (skill or "").strip()
        if not text:
            continue
        if len(text) > _MAX_SKILL:
            raise UserError(
                translate(
                    "VolunteersService", "Beschrijf een vaardigheid in hooguit {most} tekens."
                ).format(most=_MAX_SKILL)
            )
        if text.casefold() not in (s.casefold() for s in result):
            result.append(text)
    return result


def _limited(text: str | None, max_len: int, what: str) -> str | None:
    value = optional_text(text)
    if value is not None and len(value) > max_len:
        raise UserError(
            translate("VolunteersService", "{what} is te lang (hooguit {most} tekens).").format(
                what=what, most=max_len
            )
        )
    return value


class VolunteersService:
    """Volunteers, PIN sign-in and shifts.

    Args:
        ctx: the shared service context; ``ctx.actor`` is set by :meth:`sign_in`.
        hasher: an Argon2id hasher. The default uses argon2-cffi's recommended parameters;
            tests pass cheaper ones (still Argon2id).
    """

    def __init__(self, ctx: ServiceContext, hasher: PasswordHasher | None = None) -> None:
        self.ctx = ctx
        self._pins = Pins(ctx, hasher)

    # ------------------------------------------------------------------ reading

    def list_volunteers(self, *, include_inactive: bool = False) -> list[VolunteerSummary]:
        """The volunteers of this post, by name (phone numbers for a coordinator only)."""
        show_phone = is_coordinator(self.ctx)
        with self.ctx.read() as session:
            query = select(Volunteer).where(
                Volunteer.post_code == self.ctx.node.post_code, Volunteer.deleted.is_(False)
            )
            if not include_inactive:
                query = query.where(Volunteer.active.is_not(False))
            rows = session.scalars(query.order_by(func.lower(Volunteer.name), Volunteer.id))
            return [_summary(r, show_phone=show_phone) for r in rows]

    def volunteer_ids(self, *, include_inactive: bool = False) -> list[str]:
        """The ids of :meth:`list_volunteers`, in the same order (the rows of the list)."""
        with self.ctx.read() as session:
            query = select(Volunteer.id).where(
                Volunteer.post_code == self.ctx.node.post_code, Volunteer.deleted.is_(False)
            )
            if not include_inactive:
                query = query.where(Volunteer.active.is_not(False))
            return list(session.scalars(query.order_by(func.lower(Volunteer.name), Volunteer.id)))

    def volunteers_by_id(self, ids: Sequence[str]) -> dict[str, VolunteerLine]:
        """These volunteers of this post, each with their running shift; unknown ids left out.

        Phone numbers are filled in for a signed-in coordinator only.
        """
        show_phone = is_coordinator(self.ctx)
        wanted = list(dict.fromkeys(ids))
        found: dict[str, VolunteerLine] = {}
        with self.ctx.read() as session:
            for start in range(0, len(wanted), _CHUNK):
                part = wanted[start : start + _CHUNK]
                rows = list(
                    session.scalars(
                        select(Volunteer).where(
                            Volunteer.id.in_(part),
                            Volunteer.post_code == self.ctx.node.post_code,
                            Volunteer.deleted.is_(False),
                        )
                    )
                )
                shifts: dict[str, Shift] = {}
                for shift in session.scalars(
                    select(Shift)
                    .where(
                        Shift.volunteer_id.in_(part),
                        Shift.status == ShiftStatus.ON_DUTY,
                        Shift.deleted.is_(False),
                    )
                    .order_by(Shift.started_at, Shift.id)
                ):
                    shifts.setdefault(shift.volunteer_id, shift)
                for row in rows:
                    running = shifts.get(row.id)
                    found[row.id] = VolunteerLine(
                        _summary(row, show_phone=show_phone),
                        _shift_summary(running, row.name) if running is not None else None,
                    )
        return found

    def volunteer(self, volunteer_id: str) -> VolunteerSummary:
        """One volunteer of this post (the phone number for a coordinator only)."""
        show_phone = is_coordinator(self.ctx)
        with self.ctx.read() as session:
            return _summary(self._own_volunteer(session, volunteer_id), show_phone=show_phone)

    def signed_in(self) -> SignedIn | None:
        """Who is signed in now, or ``None``."""
        return signed_in(self.ctx)

    def require_coordinator(self) -> SignedIn:
        """The signed-in coordinator.

        Raises:
            Refused: nobody is signed in, or the signed-in volunteer is not an active coordinator.
        """
        return require_coordinator(self.ctx)

    def seconds_locked(self, volunteer_id: str) -> int:
        """How many seconds sign-in for this volunteer stays locked (0 when it is not)."""
        return self._pins.seconds_locked(volunteer_id)

    def lock_ends(self, volunteer_id: str) -> datetime | None:
        """When sign-in for this volunteer is possible again (``None``: it is now): read once,
        so a countdown needs no database read per second."""
        return self._pins.lock_ends(volunteer_id)

    # ------------------------------------------------------------------ volunteers

    def add_volunteer(
        self,
        name: str,
        role: Role | str,
        pin: str,
        skills: Iterable[str] = (),
        phone: str | None = None,
    ) -> VolunteerSummary:
        """Add a volunteer of this post with a PIN.

        The first coordinator can be added by anyone (setting up the post); after that only a
        signed-in coordinator adds volunteers.

        Raises:
            UserError: no name, an unknown role, a PIN that is not 4–8 digits, a name in use.
            Refused: the post has a coordinator and none is signed in.
        """
        name = require_text(name, translate("VolunteersService", "de naam"))
        if len(name) > 200:
            raise UserError(
                translate("VolunteersService", "De naam is te lang (hooguit 200 tekens).")
            )
        role_value = _role(role)
        check_pin(pin)
        skill_list = _skills(skills)
        phone_value = _limited(phone, 40, translate("VolunteersService", "Het telefoonnummer"))
        post_code = self.ctx.node.post_code
        with self.ctx.read() as session:
            has_coordinator = self._active_coordinators(session) > 0
            name_taken = self._name_taken(session, name)
        if has_coordinator:
            self.require_coordinator()
        if name_taken:
            raise UserError(
                translate(
                    "VolunteersService",
                    "Er is al een vrijwilliger met de naam {name}. Voeg bijvoorbeeld een "
                    "achternaam of initiaal toe.",
                ).format(name=name)
            )
        pin_hash = self._pins.hash(pin)
        volunteer_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "volunteer",
                volunteer_id,
                Op.CREATE,
                {
                    "post_code": post_code,
                    "name": name,
                    "role": role_value,
                    "skills": skill_list,
                    "phone": phone_value,
                    "active": True,
                },
            )
            self._pins.emit(uow, post_code, volunteer_id, pin_hash)
        return self.volunteer(volunteer_id)

    def change_pin(self, volunteer_id: str, current_pin: str, new_pin: str) -> None:
        """A volunteer chooses a new PIN, proving the current one.

        A wrong current PIN counts towards the sign-in lock, like a wrong sign-in.

        Raises:
            UserError: the new PIN is not 4–8 digits.
            Refused: the current PIN is wrong, or sign-in is locked.
        """
        check_pin(new_pin)
        self._verify(volunteer_id, current_pin)
        self._write_pin(volunteer_id, new_pin)

    def reset_pin(self, volunteer_id: str, new_pin: str) -> None:
        """A coordinator gives a volunteer who forgot the PIN a new one; unlocks sign-in.

        The lock and its growth start over (in the same write as the new PIN).
        """
        check_pin(new_pin)
        self.require_coordinator()
        self.volunteer(volunteer_id)
        self._write_pin(volunteer_id, new_pin, unlock=True)

    def deactivate(self, volunteer_id: str) -> VolunteerSummary:
        """A coordinator stops a volunteer from signing in; the history stays.

        Raises:
            Refused: not a coordinator; already inactive; on duty; the last active coordinator.
        """
        self.require_coordinator()
        with self.ctx.read() as session:
            row = self._own_volunteer(session, volunteer_id)
            if row.active is False:
                raise Refused(
                    translate("VolunteersService", "{name} is al niet meer actief.").format(
                        name=row.name
                    )
                )
            if self._open_shift(session, volunteer_id) is not None:
                raise Refused(
                    translate(
                        "VolunteersService", "{name} is in dienst. Beëindig eerst de dienst."
                    ).format(name=row.name)
                )
            if row.role == Role.COORDINATOR and self._active_coordinators(session) <= 1:
                raise Refused(
                    translate(
                        "VolunteersService",
                        "{name} is de enige actieve coördinator. Maak eerst iemand anders "
                        "coördinator.",
                    ).format(name=row.name)
                )
        self._set_active(volunteer_id, active=False)
        if self.ctx.actor == volunteer_id:
            self.sign_out()
        return self.volunteer(volunteer_id)

    def reactivate(self, volunteer_id: str) -> VolunteerSummary:
        """A coordinator lets an inactive volunteer sign in again."""
        self.require_coordinator()
        with self.ctx.read() as session:
            row = self._own_volunteer(session, volunteer_id)
            if row.active is not False:
                raise Refused(
                    translate("VolunteersService", "{name} is al actief.").format(name=row.name)
                )
        self._set_active(volunteer_id, active=True)
        return self.volunteer(volunteer_id)

    # ------------------------------------------------------------------ signing in

    def sign_in(self, volunteer_id: str, pin: str) -> SignedIn:
        """Sign in; every following event carries this volunteer as its author.

        The attempt is recorded in the audit log, accepted or refused (id and result only).

        Raises:
            NotFound: not a volunteer of this post.
            Refused: wrong PIN, sign-in locked after too many wrong PINs, or inactive.
        """
        try:
            row = self._verify(volunteer_id, pin)
        except UserError:
            self._audit_sign_in(volunteer_id, REFUSED)
            raise
        self.ctx.actor = row.id
        self._audit_sign_in(row.id, OK)
        return row

    def _audit_sign_in(self, volunteer_id: str, result: str) -> None:
        known = len(volunteer_id) <= 36  # an id, never something else that was typed
        with self.ctx.db.write() as session:
            append_audit(
                session,
                at=self.ctx.now_iso(),
                actor=volunteer_id if known else None,
                action=AuditAction.SIGN_IN.value,
                obj=f"vrijwilliger {volunteer_id}" if known else "onbekende vrijwilliger",
                result=result,
            )

    def sign_out(self) -> None:
        self.ctx.actor = None

    # ------------------------------------------------------------------ shifts

    def start_shift(self, volunteer_id: str, task: str | None = None) -> ShiftSummary:
        """Put a volunteer on duty.

        Raises:
            Refused: the volunteer is inactive or already on duty.
        """
        task_value = _limited(task, 200, translate("VolunteersService", "De taak"))
        with self.ctx.read() as session:
            volunteer = self._own_volunteer(session, volunteer_id)
            if volunteer.active is False:
                raise Refused(
                    translate(
                        "VolunteersService",
                        "{name} is niet meer actief en kan geen dienst beginnen.",
                    ).format(name=volunteer.name)
                )
            if self._open_shift(session, volunteer_id) is not None:
                raise Refused(
                    translate(
                        "VolunteersService",
                        "{name} is al in dienst. Beëindig eerst die dienst voordat een "
                        "nieuwe begint.",
                    ).format(name=volunteer.name)
                )
            name = volunteer.name
        shift_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "shift",
                shift_id,
                Op.CREATE,
                {
                    "post_code": self.ctx.node.post_code,
                    "volunteer_id": volunteer_id,
                    "task": task_value,
                    "started_at": self.ctx.now_iso(),
                    "status": ShiftStatus.ON_DUTY.value,
                },
            )
            row = uow.session.get(Shift, shift_id)
            assert row is not None
            return _shift_summary(row, name)

    def end_shift(self, shift_id: str, handover_note: str | None = None) -> ShiftSummary:
        """End a shift, with an optional handover note for whoever comes next.

        Raises:
            NotFound: no such shift.
            Refused: the shift has already ended.
        """
        note = _limited(handover_note, 1000, translate("VolunteersService", "De overdracht"))
        with self.ctx.read() as session:
            shift = session.get(Shift, shift_id)
            if shift is None or shift.deleted:
                raise NotFound(translate("VolunteersService", "Deze dienst is niet (meer) bekend."))
            if shift.status != ShiftStatus.ON_DUTY:
                raise Refused(translate("VolunteersService", "Deze dienst is al beëindigd."))
            name = self._name_of(session, shift.volunteer_id)
        with self.ctx.write() as uow:
            uow.emit(
                "shift",
                shift_id,
                Op.STATUS,
                {
                    "status": ShiftStatus.ENDED.value,
                    "ended_at": self.ctx.now_iso(),
                    "handover_note": note,
                },
            )
            row = uow.session.get(Shift, shift_id)
            assert row is not None
            return _shift_summary(row, name)

    def on_duty(self) -> list[ShiftSummary]:
        """The shifts of this post that are running now, earliest first."""
        with self.ctx.read() as session:
            rows = list(
                session.scalars(
                    select(Shift)
                    .where(
                        Shift.post_code == self.ctx.node.post_code,
                        Shift.status == ShiftStatus.ON_DUTY,
                        Shift.deleted.is_(False),
                    )
                    .order_by(Shift.started_at, Shift.id)
                )
            )
            return [_shift_summary(r, self._name_of(session, r.volunteer_id)) for r in rows]

    # ------------------------------------------------------------------ internals

    def _own_volunteer(self, session: Session, volunteer_id: str) -> Volunteer:
        row = session.get(Volunteer, volunteer_id)
        if row is None or row.deleted or row.post_code != self.ctx.node.post_code:
            raise NotFound(translate("VolunteersService", "Deze vrijwilliger is hier niet bekend."))
        return row

    def _name_of(self, session: Session, volunteer_id: str) -> str:
        row = session.get(Volunteer, volunteer_id)
        if row is None:
            return translate("VolunteersService", "onbekende vrijwilliger")
        return row.name

    def _open_shift(self, session: Session, volunteer_id: str) -> Shift | None:
        return session.scalar(
            select(Shift)
            .where(
                Shift.volunteer_id == volunteer_id,
                Shift.status == ShiftStatus.ON_DUTY,
                Shift.deleted.is_(False),
            )
            .limit(1)
        )

    def _active_coordinators(self, session: Session) -> int:
        return (
            session.scalar(
                select(func.count())
                .select_from(Volunteer)
                .where(
                    Volunteer.post_code == self.ctx.node.post_code,
                    Volunteer.role == Role.COORDINATOR,
                    Volunteer.active.is_not(False),
                    Volunteer.deleted.is_(False),
                )
            )
            or 0
        )

    def _name_taken(self, session: Session, name: str) -> bool:
        names = session.scalars(
            select(Volunteer.name).where(
                Volunteer.post_code == self.ctx.node.post_code,
                Volunteer.active.is_not(False),
                Volunteer.deleted.is_(False),
            )
        )
        wanted = name.casefold()
        return any(existing.casefold() == wanted for existing in names)

    def _verify(self, volunteer_id: str, pin: str) -> SignedIn:
        """Check a PIN against the stored hash, counting wrong ones towards the lock."""
        with self.ctx.read() as session:
            row = self._own_volunteer(session, volunteer_id)
            volunteer = SignedIn(row.id, row.name, row.role)
            active = row.active is not False
            pin_hash = stored_hash(session, row)
        seconds = self._pins.seconds_locked(volunteer_id)
        if seconds:
            raise Refused(locked_message(seconds))
        if not active:
            raise Refused(
                translate(
                    "VolunteersService",
                    "{name} is niet meer actief. Vraag de coördinator om u weer actief te maken.",
                ).format(name=volunteer.name)
            )
        if pin_hash is None:
            raise Refused(
                translate(
                    "VolunteersService",
                    "Voor {name} is nog geen pincode ingesteld. Vraag de coördinator.",
                ).format(name=volunteer.name)
            )
        self._pins.verify(volunteer_id, pin_hash, pin)
        return volunteer

    def _write_pin(self, volunteer_id: str, pin: str, *, unlock: bool = False) -> None:
        pin_hash = self._pins.hash(pin)
        with self.ctx.write() as uow:
            self._pins.emit(uow, self.ctx.node.post_code, volunteer_id, pin_hash)
            if unlock:
                self._pins.unlock(uow, volunteer_id)

    def _set_active(self, volunteer_id: str, *, active: bool) -> None:
        with self.ctx.write() as uow:
            row = uow.session.get(Volunteer, volunteer_id)
            assert row is not None
            uow.emit(
                "volunteer",
                volunteer_id,
                Op.UPDATE,
                {"active": active, BASE_KEY: row.updated_hlc},
            )
