"""Presence at the warming or cooling location: check in, check out, who is here.

Rules that live here and nowhere else:
- a household is checked in once: while it is present here, a second check-in is refused;
- the number of persons defaults to the household's size;
- more persons present than the post's capacity gives a warning, never a refusal;
- only a household that is present can be checked out;
- a check-in just after the household was served without one replaces that passing visit
  (:mod:`noodpost.services.passing`), so one stop at the desk stays one visit.

Presence and occupancy are always this post's own: visits of other posts that reach this node
through sync are kept, but do not count here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from noodpost.core.clock import iso, parse_iso
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.ids import post_id
from noodpost.core.localtime import day_bounds, local_time
from noodpost.core.presence import capacity_warning
from noodpost.core.vocabulary import VisitStatus
from noodpost.services import passing
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.intake import MAX_HOUSEHOLD
from noodpost.storage.dialect import json_list_length
from noodpost.storage.models import Household, Post, Visit


@dataclass(frozen=True)
class VisitInfo:
    """One visit (a stay at the post from check-in to check-out).

    Attributes:
        checked_in_at, checked_out_at: stored time text (UTC ISO); ``checked_out_at`` is
            ``None`` while the household is present.
    """

    id: str
    household_id: str
    post_code: str
    persons: int
    status: str
    checked_in_at: str | None
    checked_out_at: str | None

    @property
    def present(self) -> bool:
        return self.status == VisitStatus.PRESENT


@dataclass(frozen=True)
class PresentVisit:
    """A household present now, with its card code for the list on screen."""

    visit_id: str
    household_id: str
    card_code: str | None
    persons: int
    checked_in_at: str | None


@dataclass(frozen=True)
class PresentRow:
    """One line of the list of who is present (fetched per block by the lazy list).

    Attributes:
        flags: the household's health flags (stored values; ``label()`` gives the words).
    """

    visit_id: str
    household_id: str
    card_code: str | None
    persons: int
    checked_in_at: str | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class UnseenHousehold:
    """A household with a health flag that is not present and has not been seen for a while.

    Attributes:
        last_seen: when it last checked in or out anywhere (stored time text); ``None`` when
            it never visited.
    """

    household_id: str
    card_code: str
    size: int
    flags: tuple[str, ...]
    last_seen: str | None


#: How many ids one query asks for at most (well under SQLite's variable limit).
ID_CHUNK = 500


@dataclass(frozen=True)
class CheckedIn:
    """The result of a check-in.

    Attributes:
        present: persons present after this check-in (this post).
        capacity: the post's capacity, ``None`` when not set.
        warning: a Dutch line when over capacity (the check-in happened all the same).
    """

    visit: VisitInfo
    present: int
    capacity: int | None
    warning: str | None


@dataclass(frozen=True)
class CheckedOut:
    visit: VisitInfo
    present: int
    capacity: int | None


def _info(row: Visit) -> VisitInfo:
    return VisitInfo(
        id=row.id,
        household_id=row.household_id,
        post_code=row.post_code,
        persons=row.persons or 0,
        status=row.status,
        checked_in_at=row.checked_in_at,
        checked_out_at=row.checked_out_at,
    )


def _clock_text(stored: str | None) -> str:
    return local_time(parse_iso(stored)).strftime("%H:%M") if stored else "?"


def present_at(post_code: str | None) -> tuple[ColumnElement[bool], ...]:
    """The visits of households present at ``post_code`` now (``None``: at any post)."""
    present = (Visit.status == VisitStatus.PRESENT, Visit.deleted.is_(False))
    return present if post_code is None else (Visit.post_code == post_code, *present)


class VisitsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading

    def occupancy(self) -> tuple[int, int | None]:
        """Persons present at this post now, and its capacity (``None`` when not set)."""
        with self.ctx.read() as session:
            return self._present_persons(session), self._capacity(session)

    def present(self) -> list[PresentVisit]:
        """Households present at this post now, longest present first."""
        with self.ctx.read() as session:
            rows = session.execute(
                select(Visit, Household.card_code)
                .outerjoin(Household, Household.id == Visit.household_id)
                .where(*self._present_here())
                .order_by(Visit.checked_in_at, Visit.id)
            )
            return [
                PresentVisit(
                    visit_id=visit.id,
                    household_id=visit.household_id,
                    card_code=card_code,
                    persons=visit.persons or 0,
                    checked_in_at=visit.checked_in_at,
                )
                for visit, card_code in rows
            ]

    def present_ids(self) -> list[str]:
        """Ids of the visits present at this post now, longest present first (for a lazy list)."""
        with self.ctx.read() as session:
            return list(
                session.scalars(
                    select(Visit.id)
                    .where(*self._present_here())
                    .order_by(Visit.checked_in_at, Visit.id)
                )
            )

    def present_rows(self, visit_ids: Sequence[str]) -> dict[str, PresentRow]:
        """The list lines for these visit ids; ids that are unknown are left out."""
        found: dict[str, PresentRow] = {}
        ids = list(visit_ids)
        with self.ctx.read() as session:
            for start in range(0, len(ids), ID_CHUNK):
                rows = session.execute(
                    select(Visit, Household.card_code, Household.flags)
                    .outerjoin(Household, Household.id == Visit.household_id)
                    .where(Visit.id.in_(ids[start : start + ID_CHUNK]), Visit.deleted.is_(False))
                )
                for visit, card_code, flags in rows:
                    found[visit.id] = PresentRow(
                        visit_id=visit.id,
                        household_id=visit.household_id,
                        card_code=card_code,
                        persons=visit.persons or 0,
                        checked_in_at=visit.checked_in_at,
                        flags=tuple(flags or ()),
                    )
        return found

    def not_seen_since(self, hours: float) -> list[UnseenHousehold]:
        """Households with a health flag that are not present and not seen for ``hours``.

        "Seen" is the latest check-in or check-out at any post (served at a desk without a
        check-in is a passing visit, :mod:`noodpost.services.passing`); a household present at
        any post is seen. With ``hours=0`` every flagged household that is not present is listed.
        On a post the list holds the households registered here or that visited here.
        Never seen first, then the longest unseen first.
        """
        if hours < 0:
            raise UserError(translate("VisitsService", "Kies een aantal uren van 0 of meer."))
        cutoff = iso(self.ctx.clock.now() - timedelta(hours=hours))
        seen = (
            select(
                Visit.household_id.label("household_id"),
                func.max(Visit.checked_in_at).label("last_in"),
                func.max(Visit.checked_out_at).label("last_out"),
                func.max(case((Visit.status == VisitStatus.PRESENT.value, 1), else_=0)).label(
                    "present"
                ),
            )
            .where(Visit.deleted.is_(False))
            .group_by(Visit.household_id)
            .subquery()
        )
        filters: list[ColumnElement[bool]] = [
            Household.deleted.is_(False),
            json_list_length(Household.flags) > 0,
        ]
        if not self.ctx.node.is_hub:
            own = self.ctx.node.post_code
            filters.append(
                or_(
                    Household.post_code == own,
                    Household.id.in_(select(Visit.household_id).where(Visit.post_code == own)),
                )
            )
        with self.ctx.read() as session:
            rows = session.execute(
                select(Household, seen.c.last_in, seen.c.last_out, seen.c.present)
                .outerjoin(seen, seen.c.household_id == Household.id)
                .where(*filters)
            ).all()
            unseen: list[UnseenHousehold] = []
            for household, last_in, last_out, present in rows:
                if present:
                    continue
                moments = [m for m in (last_in, last_out) if m is not None]
                last_seen = max(moments) if moments else None
                if hours and last_seen is not None and last_seen >= cutoff:
                    continue
                unseen.append(
                    UnseenHousehold(
                        household_id=household.id,
                        card_code=household.card_code,
                        size=household.size,
                        flags=tuple(household.flags or ()),
                        last_seen=last_seen,
                    )
                )
        unseen.sort(key=lambda u: (u.last_seen is not None, u.last_seen or "", u.card_code))
        return unseen

    def visits_today(self, household_id: str) -> list[VisitInfo]:
        """This household's visits that started today (Dutch calendar day), at any post."""
        start, end = day_bounds(self.ctx.clock.now())
        with self.ctx.read() as session:
            rows = session.scalars(
                select(Visit)
                .where(
                    Visit.household_id == household_id,
                    Visit.deleted.is_(False),
                    Visit.checked_in_at >= start,
                    Visit.checked_in_at < end,
                )
                .order_by(Visit.checked_in_at, Visit.id)
            )
            return [_info(r) for r in rows]

    def last_seen(self, household_id: str) -> str | None:
        """When this household last checked in or out (stored time text), ``None`` if never."""
        with self.ctx.read() as session:
            latest_in, latest_out = session.execute(
                select(func.max(Visit.checked_in_at), func.max(Visit.checked_out_at)).where(
                    Visit.household_id == household_id, Visit.deleted.is_(False)
                )
            ).one()
        moments = [m for m in (latest_in, latest_out) if m is not None]
        return max(moments) if moments else None

    def visit(self, visit_id: str) -> VisitInfo:
        with self.ctx.read() as session:
            row = session.get(Visit, visit_id)
            if row is None or row.deleted:
                raise NotFound(translate("VisitsService", "Dit bezoek is niet bekend."))
            return _info(row)

    # ------------------------------------------------------------------ writing

    def check_in(self, household_id: str, persons: int | None = None) -> CheckedIn:
        """Check a household in as present; ``persons`` defaults to its size.

        Raises:
            NotFound: the household is not known.
            UserError: an impossible number of persons.
            Refused: the household is already present here.
        """
        if persons is not None and not 1 <= persons <= MAX_HOUSEHOLD:
            raise UserError(
                translate(
                    "VisitsService", "Vul het aantal aanwezige personen in (1 tot {most})."
                ).format(most=MAX_HOUSEHOLD)
            )
        visit_id = new_id()
        with self.ctx.write() as uow:
            session = uow.session
            household = self._household(session, household_id)
            current = self._current_visit(session, household_id)
            if current is not None:
                raise Refused(
                    translate(
                        "VisitsService",
                        "Dit huishouden is al aangemeld als aanwezig (sinds {since}). "
                        "Meld het eerst af als het vertrokken is.",
                    ).format(since=_clock_text(current.checked_in_at))
                )
            passing.absorb_passing(self.ctx, uow, household_id)
            uow.emit(
                "visit",
                visit_id,
                Op.CREATE,
                {
                    "post_code": self.ctx.node.post_code,
                    "household_id": household_id,
                    "persons": persons if persons is not None else household.size,
                    "checked_in_at": self.ctx.now_iso(),
                },
            )
            row = session.get(Visit, visit_id)
            assert row is not None
            visit = _info(row)
            present = self._present_persons(session)
            capacity = self._capacity(session)
        return CheckedIn(visit, present, capacity, capacity_warning(present, capacity))

    def check_out(
        self, household_id: str | None = None, *, visit_id: str | None = None
    ) -> CheckedOut:
        """Check out a household (its current visit here), or one visit by its id.

        Raises:
            NotFound: the household or visit is not known.
            Refused: the household is not present (or the visit already ended).
        """
        if (household_id is None) == (visit_id is None):
            raise ValueError("check_out needs either a household_id or a visit_id")
        with self.ctx.write() as uow:
            session = uow.session
            if visit_id is not None:
                row = session.get(Visit, visit_id)
                if row is None or row.deleted:
                    raise NotFound(translate("VisitsService", "Dit bezoek is niet bekend."))
                if row.status != VisitStatus.PRESENT:
                    raise Refused(
                        translate(
                            "VisitsService", "Dit bezoek is al afgemeld (om {clock})."
                        ).format(clock=_clock_text(row.checked_out_at))
                    )
            else:
                assert household_id is not None
                self._household(session, household_id)
                found = self._current_visit(session, household_id)
                if found is None:
                    raise Refused(
                        translate(
                            "VisitsService",
                            "Dit huishouden is nu niet aangemeld als aanwezig, "
                            "dus afmelden kan niet.",
                        )
                    )
                row = found
            uow.emit(
                "visit",
                row.id,
                Op.STATUS,
                {
                    "status": VisitStatus.LEFT.value,
                    "checked_out_at": self.ctx.now_iso(),
                    BASE_KEY: row.updated_hlc,
                },
            )
            session.refresh(row)
            visit = _info(row)
            present = self._present_persons(session)
            capacity = self._capacity(session)
        return CheckedOut(visit, present, capacity)

    # ------------------------------------------------------------------ helpers

    def _present_here(self) -> tuple[ColumnElement[bool], ...]:
        return present_at(self.ctx.node.post_code)

    def _present_persons(self, session: Session) -> int:
        total = session.scalar(
            select(func.coalesce(func.sum(Visit.persons), 0)).where(*self._present_here())
        )
        return int(total or 0)

    def _capacity(self, session: Session) -> int | None:
        post = session.get(Post, post_id(self.ctx.node.post_code))
        if post is None or post.deleted:
            return None
        return post.capacity

    def _household(self, session: Session, household_id: str) -> Household:
        row = session.get(Household, household_id)
        if row is None or row.deleted:
            raise NotFound(
                translate(
                    "VisitsService",
                    "Dit huishouden is niet bekend. Scan de kaart opnieuw of schrijf het "
                    "huishouden in.",
                )
            )
        return row

    def _current_visit(self, session: Session, household_id: str) -> Visit | None:
        return session.scalar(
            select(Visit)
            .where(Visit.household_id == household_id, *self._present_here())
            .order_by(Visit.checked_in_at.desc())
            .limit(1)
        )
