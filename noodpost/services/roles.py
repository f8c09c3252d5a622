"""Roles (DESIGN §3.6): who is signed in, and the one check for coordinator-only actions.

Two roles: a *vrijwilliger* works the desk (intake, hand-out, check-in, needs, messages); a
*coördinator* also manages volunteers, exports personal data, reads the audit log, opens and
closes the post and sets the retention period. Services call :func:`require_coordinator`
before doing a coordinator-only thing, so the GUI, the CLI and the tests get the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from noodpost.core.errors import Refused
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import Role
from noodpost.services.base import ServiceContext
from noodpost.storage.models import Volunteer


def not_signed_in() -> str:
    """The refusal when nobody is signed in, in the interface's language."""
    return translate("Roles", "Log eerst in met uw pincode.")


def coordinator_only() -> str:
    """The refusal when the signed-in volunteer is not a coordinator."""
    return translate(
        "Roles", "Alleen een coördinator kan dit doen. Vraag de coördinator van dienst."
    )


@dataclass(frozen=True)
class SignedIn:
    """The volunteer who is signed in; the author of every event until sign-out."""

    id: str
    name: str
    role: str

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR


def signed_in(ctx: ServiceContext) -> SignedIn | None:
    """Who is signed in now, or ``None``."""
    if ctx.actor is None:
        return None
    with ctx.read() as session:
        row = session.get(Volunteer, ctx.actor)
        if row is None or row.deleted:
            return None
        return SignedIn(row.id, row.name, row.role)


def is_coordinator(ctx: ServiceContext) -> bool:
    """Whether an active coordinator is signed in."""
    if ctx.actor is None:
        return False
    with ctx.read() as session:
        row = session.get(Volunteer, ctx.actor)
        return (
            row is not None
            and not row.deleted
            and row.role == Role.COORDINATOR
            and row.active is not False
        )


def require_coordinator(ctx: ServiceContext, message: str | None = None) -> SignedIn:
    """The signed-in coordinator; ``message`` (already translated) replaces
    :func:`coordinator_only` as the refusal to a volunteer who is not a coordinator.

    Raises:
        Refused: nobody is signed in, or the signed-in volunteer is not an active coordinator.
    """
    current = signed_in(ctx)
    if current is None:
        raise Refused(not_signed_in())
    if not is_coordinator(ctx):
        raise Refused(coordinator_only() if message is None else message)
    return current
