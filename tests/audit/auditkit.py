"""Reading the audit log in tests (every column, in order)."""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlalchemy import select
from support import FAST_HASHER

from noodpost.storage.engine import Database
from noodpost.storage.models import AuditEntry

COORDINATOR_PIN = "73915264"
VOLUNTEER_PIN = "48207136"


def cheap_hasher() -> PasswordHasher:
    """Still Argon2id, but fast enough for tests."""
    return FAST_HASHER


def audit_rows(db: Database) -> list[tuple[str | None, str, str, str]]:
    """(actor, action, object, result) of every entry, oldest first."""
    with db.read() as session:
        return [
            (e.actor, e.action, e.object, e.result)
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def audit_text(db: Database) -> str:
    """Everything the audit log holds, as one text (to look for personal data in)."""
    with db.read() as session:
        return "\n".join(
            " ".join(str(v) for v in (e.at, e.actor, e.action, e.object, e.result))
            for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        )
