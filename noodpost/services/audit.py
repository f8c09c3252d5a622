"""The audit log as services and screens use it: record an action, list entries, verify."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from noodpost.core.audit import ACTION_LABELS, AuditAction
from noodpost.services.base import ServiceContext
from noodpost.services.roles import require_coordinator
from noodpost.storage.audit import OK, ChainBreak, append_audit, verify_chain
from noodpost.storage.engine import Database
from noodpost.storage.models import AuditEntry


@dataclass(frozen=True)
class AuditLine:
    entry_id: int
    at: str
    actor: str | None
    action: str
    object: str
    result: str

    @property
    def action_label(self) -> str:
        try:
            return ACTION_LABELS[AuditAction(self.action)]
        except ValueError:
            return self.action


@dataclass(frozen=True)
class AuditReport:
    checked: int
    broken: ChainBreak | None

    @property
    def intact(self) -> bool:
        return self.broken is None


def verify_audit(db: Database) -> AuditReport:
    with db.read() as session:
        checked, broken = verify_chain(session)
    return AuditReport(checked, broken)


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def record(self, action: AuditAction, obj: str, result: str = OK) -> None:
        """One entry, in its own transaction, by the signed-in volunteer."""
        with self.ctx.db.write() as session:
            append_audit(
                session,
                at=self.ctx.now_iso(),
                actor=self.ctx.actor,
                action=action.value,
                obj=obj,
                result=result,
            )

    def recent(self, limit: int = 200) -> list[AuditLine]:
        """The newest entries first. Coordinator only.

        Raises:
            Refused: nobody is signed in, or not a coordinator.
        """
        require_coordinator(
            self.ctx,
            "Het auditlogboek is alleen voor de coördinator. Vraag de coördinator van dienst.",
        )
        with self.ctx.read() as session:
            rows = session.scalars(
                select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            ).all()
            return [AuditLine(r.id, r.at, r.actor, r.action, r.object, r.result) for r in rows]

    def verify(self) -> AuditReport:
        return verify_audit(self.ctx.db)
