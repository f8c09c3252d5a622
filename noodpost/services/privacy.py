"""Personal lists: who may open which, and recording that they were opened (DESIGN §3.6).

A page that shows personal data calls :meth:`PrivacyService.record_view` once when it is
shown (not on every fetch of its lazy list). Searches of safe-and-well messages are recorded
by :class:`noodpost.services.messages.MessagesService` itself (the kind of search, never the
words searched for).

Which list is for whom (the desk must keep working; listing many people is sensitive):

- ``presence`` — who is present, and flagged households not seen for a while (card codes,
  persons, health flags; no names): every volunteer; the desk checks people in and out, and in
  an evacuation everyone needs it.
- ``messages`` — safe-and-well messages (names, birth years, contacts): every volunteer; taking
  a message and answering a relative's question are desk work. Searching finds only messages
  given with consent.
- ``volunteers`` — the post's volunteers: every volunteer sees names, roles and shifts;
  phone numbers only a coordinator (enforced in :mod:`noodpost.services.volunteers`).
- ``audit`` — the audit log: coordinator only.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from noodpost.core.audit import AuditAction
from noodpost.core.errors import Refused
from noodpost.core.i18n import translate
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext
from noodpost.services.roles import is_coordinator, not_signed_in
from noodpost.storage.audit import OK, REFUSED


class PersonalList(StrEnum):
    """A list with personal data. The value is what the audit log's object says."""

    PRESENCE = "aanwezigen"
    MESSAGES = "veilig-en-wel-berichten"
    VOLUNTEERS = "vrijwilligers"
    AUDIT = "auditlogboek"


#: Lists only a coordinator may open.
COORDINATOR_LISTS = frozenset({PersonalList.AUDIT})


def _audit_refusal() -> str:
    return translate(
        "Privacy",
        "Het auditlogboek is alleen voor de coördinator. Vraag de coördinator van dienst.",
    )


#: Why each coordinators-only list may not be opened (worded when refused).
_REFUSALS: dict[PersonalList, Callable[[], str]] = {PersonalList.AUDIT: _audit_refusal}


class PrivacyService:
    """Checks and records the opening of personal lists."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def may_view(self, kind: PersonalList) -> bool:
        """Whether the signed-in volunteer may open this list."""
        if self.ctx.actor is None:
            return False
        return kind not in COORDINATOR_LISTS or is_coordinator(self.ctx)

    def require_view(self, kind: PersonalList) -> None:
        """Refuse (and record the refusal) when the signed-in volunteer may not open ``kind``.

        Raises:
            Refused: nobody is signed in, or the list is for coordinators only.
        """
        if self.ctx.actor is None:
            self._record(AuditAction.VIEW_PERSONAL, kind.value, REFUSED)
            raise Refused(not_signed_in())
        if not self.may_view(kind):
            self._record(AuditAction.VIEW_PERSONAL, kind.value, REFUSED)
            raise Refused(_REFUSALS[kind]())

    def record_view(self, kind: PersonalList) -> None:
        """A personal list was opened: check the role and write one audit entry.

        Raises:
            Refused: see :meth:`require_view` (the refusal is recorded too).
        """
        self.require_view(kind)
        self._record(AuditAction.VIEW_PERSONAL, kind.value, OK)

    def note_view(self, kind: PersonalList) -> bool:
        """For a page being shown: record the viewing (or its refusal); never raises.

        Returns whether the list may be shown.
        """
        allowed = self.may_view(kind)
        self._record(AuditAction.VIEW_PERSONAL, kind.value, OK if allowed else REFUSED)
        return allowed

    def _record(self, action: AuditAction, obj: str, result: str) -> None:
        AuditService(self.ctx).record(action, obj, result)
