"""The audit log (DESIGN §3.6): append-only, hash-chained, local to this installation.

Every entry's hash covers its own fields and the previous entry's hash, so editing or removing
an entry breaks the chain from there on. The newest entry's id and hash are also kept in the
``setting`` table (``audit_head``), updated in the same transaction, so removing the *last*
entries is noticed too. Entries never hold personal data in plain form: ``object`` names what
was touched (an id, a file name, a search's kind), never a name or birth year.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.storage.dialect import lock_audit
from noodpost.storage.models import AuditEntry, Setting

#: The hash a chain starts from.
GENESIS = "0" * 64
HEAD_KEY = "audit_head"

OK = "ok"
REFUSED = "geweigerd"
FAILED = "mislukt"


def entry_hash(
    entry_id: int, at: str, actor: str | None, action: str, obj: str, result: str, prev: str
) -> str:
    body = json.dumps(
        [entry_id, at, actor, action, obj, result, prev], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append_audit(
    session: Session,
    *,
    at: str,
    actor: str | None,
    action: str,
    obj: str,
    result: str = OK,
) -> AuditEntry:
    """Add one entry at the end of the chain, inside the caller's write transaction (which
    then holds the chain's lock until it ends: :func:`.dialect.lock_audit`)."""
    lock_audit(session.connection())
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    entry_id = 1 if last is None else last.id + 1
    prev = GENESIS if last is None else last.hash
    entry = AuditEntry(
        id=entry_id,
        at=at,
        actor=actor,
        action=action,
        object=obj,
        result=result,
        prev_hash=prev,
        hash=entry_hash(entry_id, at, actor, action, obj, result, prev),
    )
    session.add(entry)
    session.merge(Setting(key=HEAD_KEY, value=f"{entry_id}:{entry.hash}"))
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainBreak:
    """The first place where the chain does not hold, in words for ``audit verify``."""

    entry_id: int
    reason: str


def verify_chain(session: Session) -> tuple[int, ChainBreak | None]:
    """Check every entry and the head; returns (entries checked, first break or None)."""
    prev = GENESIS
    expected_id = 1
    checked = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        if entry.id != expected_id:
            return checked, ChainBreak(expected_id, "ontbreekt (verwijderd)")
        if entry.prev_hash != prev:
            return checked, ChainBreak(entry.id, "sluit niet aan op de vorige regel")
        actual = entry_hash(
            entry.id, entry.at, entry.actor, entry.action, entry.object, entry.result, prev
        )
        if actual != entry.hash:
            return checked, ChainBreak(entry.id, "is gewijzigd")
        prev = entry.hash
        expected_id += 1
        checked += 1
    head = session.get(Setting, HEAD_KEY)
    if head is not None:
        head_id, _, head_hash = head.value.partition(":")
        if int(head_id) != checked or head_hash != prev:
            return checked, ChainBreak(int(head_id), "ontbreekt (laatste regels verwijderd)")
    elif checked:
        return checked, ChainBreak(checked, "de kop van de keten ontbreekt")
    return checked, None
