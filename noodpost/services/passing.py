"""Served at the desk counts as seen: a short *passing* visit for a household that was not
checked in.

A volunteer may hand out water, note a need, take in a phone to charge or a safe-and-well
message for a household without checking it in first (F1). The household was at the desk all
the same, so the same unit of work records a visit that starts and ends at that moment (status
*vertrokken*, so the number present does not change). Every reader of visits — the household
panel, *niet meer gezien*, SITREP, the C-NSP's regional picture after sync — then counts it
without a special case.

Rules that live here and nowhere else:

- a household present at this post, or with a visit at this post that started today (Dutch
  calendar day), gets nothing extra: one passing visit a day at most;
- a passing visit is an ordinary visit of this post, written by this post's desk (the same
  write authority as the hand-out that caused it), with the household's size as its persons;
- a passing visit is recognised by its check-in and check-out being the same moment
  (:func:`is_passing`); undoing the hand-out leaves it (the household was at the desk);
- checking the household in within :data:`MERGE_MINUTES` of its passing visit (F2 pressed
  before F1) makes it one visit: the check-in takes the passing visit's place;
- the hub writes none (it serves no households).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select

from noodpost.core.clock import iso
from noodpost.core.entities import Op
from noodpost.core.localtime import day_bounds
from noodpost.core.vocabulary import VisitStatus
from noodpost.services.base import ServiceContext, new_id
from noodpost.storage.models import Household, Visit
from noodpost.storage.uow import UnitOfWork

#: A check-in this soon after a passing visit is the same stop at the desk, not a second visit.
MERGE_MINUTES = 15


def is_passing(checked_in_at: str | None, checked_out_at: str | None) -> bool:
    """Whether a visit was a passing one: checked in and out at the same moment."""
    return checked_in_at is not None and checked_in_at == checked_out_at


def record_passing(
    ctx: ServiceContext, uow: UnitOfWork, household_id: str | None, *, at: datetime | None = None
) -> str | None:
    """Record a passing visit of the household now (or at ``at``, the time on a paper form),
    unless it is present here or already visited here that day. Call it inside the unit of
    work that writes what was done for it. Without a household (a need of the post as a
    whole) nothing is recorded.

    Returns:
        The new visit's id, or ``None`` when nothing was needed.
    """
    node = ctx.node
    household = uow.session.get(Household, household_id) if household_id else None
    if node.is_hub or household is None or household.deleted:
        return None
    now = ctx.clock.now() if at is None else at
    start, end = day_bounds(now)
    seen = uow.session.scalar(
        select(Visit.id)
        .where(
            Visit.household_id == household.id,
            Visit.post_code == node.post_code,
            Visit.deleted.is_(False),
            or_(
                Visit.status == VisitStatus.PRESENT.value,
                (Visit.checked_in_at >= start) & (Visit.checked_in_at < end),
            ),
        )
        .limit(1)
    )
    if seen is not None:
        return None
    visit_id = new_id()
    moment = iso(now)
    uow.emit(
        "visit",
        visit_id,
        Op.CREATE,
        {
            "post_code": node.post_code,
            "household_id": household.id,
            "persons": household.size,
            "checked_in_at": moment,
            "checked_out_at": moment,
            "status": VisitStatus.LEFT.value,
            **({"from_paper": True} if at is not None else {}),
        },
    )
    return visit_id


def absorb_passing(ctx: ServiceContext, uow: UnitOfWork, household_id: str) -> int:
    """Remove this post's passing visits of ``household_id`` from the last
    :data:`MERGE_MINUTES`, in the unit of work that checks the household in.

    Returns:
        How many were removed.
    """
    now = ctx.clock.now()
    since = iso(now - timedelta(minutes=MERGE_MINUTES))
    rows = uow.session.scalars(
        select(Visit).where(
            Visit.household_id == household_id,
            Visit.post_code == ctx.node.post_code,
            Visit.deleted.is_(False),
            Visit.status == VisitStatus.LEFT.value,
            Visit.checked_in_at >= since,
        )
    ).all()
    passing = [r.id for r in rows if is_passing(r.checked_in_at, r.checked_out_at)]
    for visit_id in passing:
        uow.emit("visit", visit_id, Op.DELETE, {})
    return len(passing)
