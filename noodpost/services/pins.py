"""PINs: the 4–8 digit rule, Argon2id hashing, the sign-in lock and the credential record.

A PIN is kept only as an Argon2id hash, in a ``credential`` record of its own that never leaves
the post (DESIGN §3.8); older posts kept it in the volunteer record, which is still read. Five
wrong PINs in a row lock sign-in for that volunteer for a minute, counted in memory: a failed
sign-in is not a change of state, so it writes no event.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime, timedelta

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from noodpost.core.entities import Op
from noodpost.core.errors import Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.ids import credential_id
from noodpost.storage.models import Credential, Volunteer
from noodpost.storage.uow import UnitOfWork

#: Wrong PINs in a row after which sign-in is locked.
MAX_ATTEMPTS = 5
#: How long sign-in stays locked after too many wrong PINs.
LOCK_SECONDS = 60

_PIN_RE = re.compile(r"[0-9]{4,8}")


def check_pin(pin: object) -> str:
    """The PIN if it has the right form. The message never repeats what was typed."""
    if not isinstance(pin, str) or not _PIN_RE.fullmatch(pin):
        raise UserError("Een pincode bestaat uit 4 tot 8 cijfers. Kies een andere pincode.")
    return pin


def stored_hash(session: Session, volunteer: Volunteer) -> str | None:
    """The volunteer's PIN hash: its credential, or (set before event schema 2) the record."""
    credential = session.get(Credential, credential_id(volunteer.id))
    return credential.pin_hash if credential is not None else volunteer.pin_hash


class Pins:
    """Hashing and checking PINs for one service instance, with its sign-in lock."""

    def __init__(self, now: Callable[[], datetime], hasher: PasswordHasher | None = None) -> None:
        self.now = now  # read at each use: a context's clock may be replaced
        self.hasher = hasher if hasher is not None else PasswordHasher(type=Type.ID)
        if self.hasher.type is not Type.ID:
            raise ValueError("PINs are hashed with Argon2id only")
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, datetime] = {}

    def seconds_locked(self, volunteer_id: str) -> int:
        """How many seconds sign-in for this volunteer stays locked (0 when it is not)."""
        until = self._locked_until.get(volunteer_id)
        if until is None:
            return 0
        remaining = (until - self.now()).total_seconds()
        if remaining <= 0:
            del self._locked_until[volunteer_id]
            self._failures.pop(volunteer_id, None)
            return 0
        return math.ceil(remaining)

    def unlock(self, volunteer_id: str) -> None:
        self._failures.pop(volunteer_id, None)
        self._locked_until.pop(volunteer_id, None)

    def verify(self, volunteer_id: str, pin_hash: str, pin: object) -> None:
        """Check ``pin``, counting a wrong one towards the lock.

        Raises:
            Refused: the PIN is wrong (with the attempts left), or that made the lock start.
        """
        if self._matches(pin_hash, pin):
            self._failures.pop(volunteer_id, None)
            return
        failures = self._failures.get(volunteer_id, 0) + 1
        if failures >= MAX_ATTEMPTS:
            self._failures.pop(volunteer_id, None)
            self._locked_until[volunteer_id] = self.now() + timedelta(seconds=LOCK_SECONDS)
            raise Refused(
                f"Pincode onjuist. Na {MAX_ATTEMPTS} verkeerde pogingen is aanmelden "
                f"{LOCK_SECONDS} seconden geblokkeerd."
            )
        self._failures[volunteer_id] = failures
        left = MAX_ATTEMPTS - failures
        attempts = "poging" if left == 1 else "pogingen"
        raise Refused(f"Pincode onjuist. Probeer het opnieuw (nog {left} {attempts}).")

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
