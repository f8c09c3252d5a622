"""PINs: the 4–8 digit rule, Argon2id hashing, the sign-in lock and the credential record.

A PIN is kept only as an Argon2id hash, in a ``credential`` record of its own that never leaves
the post (DESIGN §3.8); older posts kept it in the volunteer record, which is still read.

Five wrong PINs in a row lock sign-in for that volunteer; each further lock before a good sign-in
lasts longer (:data:`LOCK_STEPS`). The count is kept in the local ``pin_lock`` table, so the
window and every command-line process share it and a restart does not clear it. A failed
sign-in is not a change of the post's records: it writes no event and never travels in a bundle.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from noodpost.core.audit import AuditAction
from noodpost.core.clock import iso, parse_iso
from noodpost.core.dutch import count
from noodpost.core.entities import Op
from noodpost.core.errors import Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.ids import credential_id
from noodpost.services.base import ServiceContext
from noodpost.storage.audit import append_audit
from noodpost.storage.models import Credential, PinLock, Volunteer
from noodpost.storage.uow import UnitOfWork

#: Wrong PINs in a row after which sign-in is locked.
MAX_ATTEMPTS = 5
#: How long sign-in stays locked (seconds) after the first, second, third … lock in a row.
#:
#: A lock that follows another without a good sign-in in between takes the next step; past the
#: last step every lock lasts as long as the last one. One minute is enough for a volunteer who
#: mistyped; at the cap someone guessing gets five tries an hour, so a four-digit PIN takes weeks
#: of trying on average. A good sign-in, or a coordinator's new PIN, starts from the first step.
LOCK_STEPS: tuple[int, ...] = (60, 5 * 60, 15 * 60, 60 * 60)
#: The first lock's length.
LOCK_SECONDS = LOCK_STEPS[0]
#: Up to this many seconds a wait is said in seconds; longer ones in whole minutes.
SECONDS_SHOWN_UP_TO = 90

_PIN_RE = re.compile(r"[0-9]{4,8}")


def check_pin(pin: object) -> str:
    """The PIN if it has the right form. The message never repeats what was typed."""
    if not isinstance(pin, str) or not _PIN_RE.fullmatch(pin):
        raise UserError(
            translate("Pins", "Een pincode bestaat uit 4 tot 8 cijfers. Kies een andere pincode.")
        )
    return pin


def stored_hash(session: Session, volunteer: Volunteer) -> str | None:
    """The volunteer's PIN hash: its credential, or (set before event schema 2) the record."""
    credential = session.get(Credential, credential_id(volunteer.id))
    return credential.pin_hash if credential is not None else volunteer.pin_hash


def lock_length(lockouts: int) -> int:
    """Seconds the ``lockouts``-th lock in a row lasts (1 is the first)."""
    return LOCK_STEPS[min(max(lockouts, 1), len(LOCK_STEPS)) - 1]


def wait_text(seconds: int) -> str:
    """A wait in Dutch words, as the audit log records it: "60 seconden", "1 seconde",
    "5 minuten" (minutes rounded up). A screen says it with :func:`wait_words`."""
    if seconds <= SECONDS_SHOWN_UP_TO:
        return f"{seconds} {'seconde' if seconds == 1 else 'seconden'}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} {'minuut' if minutes == 1 else 'minuten'}"


def wait_words(seconds: int) -> str:
    """:func:`wait_text` in the interface's language, for a screen."""
    if seconds <= SECONDS_SHOWN_UP_TO:
        return count(seconds, translate("Pins", "seconde"), translate("Pins", "seconden"))
    minutes = math.ceil(seconds / 60)
    return count(minutes, translate("Pins", "minuut"), translate("Pins", "minuten"))


def locked_message(seconds: int) -> str:
    return translate(
        "Pins",
        "Te vaak een verkeerde pincode. Inloggen is nog {wait} geblokkeerd; "
        "probeer het daarna opnieuw.",
    ).format(wait=wait_words(seconds))


@dataclass(frozen=True)
class _Outcome:
    """What a counted attempt came to (the refusal is raised after the count committed)."""

    accepted: bool
    message: str = ""


def _remaining(row: PinLock | None, now: datetime) -> int:
    if row is None or row.locked_until is None:
        return 0
    return max(0, math.ceil((parse_iso(row.locked_until) - now).total_seconds()))


class Pins:
    """Hashing and checking PINs for one service context, with the sign-in lock it stores."""

    def __init__(self, ctx: ServiceContext, hasher: PasswordHasher | None = None) -> None:
        self.ctx = ctx  # its clock is read at each use: a context's clock may be replaced
        self.hasher = hasher if hasher is not None else PasswordHasher(type=Type.ID)
        if self.hasher.type is not Type.ID:
            raise ValueError("PINs are hashed with Argon2id only")

    def seconds_locked(self, volunteer_id: str) -> int:
        """How many seconds sign-in for this volunteer stays locked (0 when it is not)."""
        with self.ctx.read() as session:
            return _remaining(session.get(PinLock, volunteer_id), self.ctx.clock.now())

    def lock_ends(self, volunteer_id: str) -> datetime | None:
        """When sign-in for this volunteer is possible again, or ``None`` when it is now."""
        with self.ctx.read() as session:
            row = session.get(PinLock, volunteer_id)
            if row is None or row.locked_until is None or not _remaining(row, self.ctx.clock.now()):
                return None
            return parse_iso(row.locked_until)

    @staticmethod
    def unlock(uow: UnitOfWork, volunteer_id: str) -> None:
        """End the lock and forget the wrong PINs and earlier locks, in the caller's write."""
        row = uow.session.get(PinLock, volunteer_id)
        if row is not None:
            uow.session.delete(row)

    def verify(self, volunteer_id: str, pin_hash: str, pin: object) -> None:
        """Check ``pin``, counting a wrong one towards the lock in the database.

        The PIN is checked first (Argon2 is slow, so outside the write), then the attempt is
        counted in one write transaction that commits before any refusal is raised. A lock that
        another process set in between wins, even over the right PIN: a burst of parallel
        guesses learns nothing once the lock is in place.

        Raises:
            Refused: the PIN is wrong (with the attempts left), that made the lock start, or
                sign-in is locked.
        """
        matches = self._matches(pin_hash, pin)
        with self.ctx.write() as uow:
            outcome = self._count(uow, volunteer_id, matches=matches)
        if not outcome.accepted:
            raise Refused(outcome.message)

    def _count(self, uow: UnitOfWork, volunteer_id: str, *, matches: bool) -> _Outcome:
        session = uow.session
        now = self.ctx.clock.now()
        row = session.get(PinLock, volunteer_id)
        seconds = _remaining(row, now)
        if seconds:
            return _Outcome(accepted=False, message=locked_message(seconds))
        if matches:
            if row is not None:
                session.delete(row)
            return _Outcome(accepted=True)
        if row is None:
            row = PinLock(volunteer_id=volunteer_id, failures=0, lockouts=0, locked_until=None)
            session.add(row)
        row.failures += 1
        row.locked_until = None
        if row.failures < MAX_ATTEMPTS:
            left = MAX_ATTEMPTS - row.failures
            attempts = count(left, translate("Pins", "poging"), translate("Pins", "pogingen"))
            return _Outcome(
                accepted=False,
                message=translate(
                    "Pins", "Pincode onjuist. Probeer het opnieuw (nog {attempts})."
                ).format(attempts=attempts),
            )
        row.failures = 0
        row.lockouts += 1
        length = lock_length(row.lockouts)
        row.locked_until = iso(now + timedelta(seconds=length))
        append_audit(
            session,
            at=iso(now),
            actor=volunteer_id,
            action=AuditAction.SIGN_IN_LOCK.value,
            obj=f"vrijwilliger {volunteer_id}",
            result=wait_text(length),  # recorded: in the post's language
        )
        return _Outcome(
            accepted=False,
            message=translate(
                "Pins",
                "Pincode onjuist. Na {most} verkeerde pogingen is inloggen {wait} geblokkeerd.",
            ).format(most=MAX_ATTEMPTS, wait=wait_words(length)),
        )

    def _matches(self, pin_hash: str, pin: object) -> bool:
        if not isinstance(pin, str) or not pin:
            return False
        try:
            return self.hasher.verify(pin_hash, pin)
        except (VerificationError, InvalidHashError):
            return False

    def hash(self, pin: str) -> str:
        """The Argon2id hash (slow on purpose: done before a write transaction opens)."""
        return self.hasher.hash(pin)

    @staticmethod
    def emit(uow: UnitOfWork, post_code: str, volunteer_id: str, pin_hash: str) -> None:
        """The PIN hash into the volunteer's credential record (created or updated)."""
        key = credential_id(volunteer_id)
        row = uow.session.get(Credential, key)
        if row is None:
            data = {"post_code": post_code, "volunteer_id": volunteer_id, "pin_hash": pin_hash}
            uow.emit("credential", key, Op.CREATE, data)
        else:
            uow.emit(
                "credential", key, Op.UPDATE, {"pin_hash": pin_hash, BASE_KEY: row.updated_hlc}
            )
