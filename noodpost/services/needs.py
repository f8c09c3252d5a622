"""Needs (*hulpvragen*): open one, follow it through its statuses, refer it elsewhere.

Rules that live here and nowhere else:
- a need has a category from the fixed list and an urgency (normal unless said otherwise);
- its status changes only along :data:`noodpost.core.lifecycle.NEED_TRANSITIONS`; anything
  else is refused with a Dutch message and writes nothing;
- a referral says where to (*doorverwezen naar*).

On a post the lists show this post's own needs; on the hub they show every post's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.lifecycle import NEED_TRANSITIONS
from noodpost.core.vocabulary import NeedCategory, NeedStatus, Urgency, label, screen_label
from noodpost.services import passing
from noodpost.services.base import ServiceContext, new_id, optional_text, post_scope, urgency_order
from noodpost.storage.models import Household, Need

MAX_NOTE = 1000
MAX_REFERRED_TO = 200

#: Statuses of a need that still asks for something to be done.
ACTIVE_STATUSES = frozenset({NeedStatus.OPEN, NeedStatus.IN_PROGRESS, NeedStatus.REFERRED})


@dataclass(frozen=True)
class NeedInfo:
    """One need as screens and reports show it.

    Attributes:
        opened_at: stored time text (UTC ISO).
        status_note: the note given with the latest status change.
    """

    id: str
    post_code: str
    household_id: str | None
    category: str
    urgency: str
    status: str
    note: str | None
    referred_to: str | None
    opened_at: str | None
    status_note: str | None

    @property
    def category_label(self) -> str:
        return label(self.category)

    @property
    def urgency_label(self) -> str:
        return label(self.urgency)

    @property
    def status_label(self) -> str:
        return label(self.status)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_STATUSES


@dataclass(frozen=True)
class NeedRow:
    """One line of the list of needs: the need and the card code of its household, if any."""

    need: NeedInfo
    card_code: str | None


#: How many ids one query asks for at most (well under SQLite's variable limit).
ID_CHUNK = 500


def _info(row: Need) -> NeedInfo:
    return NeedInfo(
        id=row.id,
        post_code=row.post_code,
        household_id=row.household_id,
        category=row.category,
        urgency=row.urgency or Urgency.NORMAL.value,
        status=row.status,
        note=row.note,
        referred_to=row.referred_to,
        opened_at=row.opened_at,
        status_note=row.status_note,
    )


def _category(value: str) -> NeedCategory:
    try:
        return NeedCategory(value)
    except ValueError:
        choices = ", ".join(screen_label(c) for c in NeedCategory)
        raise UserError(
            translate("NeedsService", "Kies een categorie voor de hulpvraag: {choices}.").format(
                choices=choices
            )
        ) from None


def _urgency(value: str) -> Urgency:
    try:
        return Urgency(value)
    except ValueError:
        raise UserError(
            translate("NeedsService", "Kies als urgentie spoed, hoog of normaal.")
        ) from None


def _status(value: str) -> NeedStatus:
    try:
        return NeedStatus(value)
    except ValueError:
        choices = ", ".join(screen_label(s) for s in NeedStatus)
        raise UserError(
            translate("NeedsService", "Kies een status voor de hulpvraag: {choices}.").format(
                choices=choices
            )
        ) from None


def _note(text: str | None) -> str | None:
    note = optional_text(text)
    if note is not None and len(note) > MAX_NOTE:
        raise UserError(
            translate(
                "NeedsService", "De notitie is te lang (hooguit {most} tekens). Maak haar korter."
            ).format(most=MAX_NOTE)
        )
    return note


_URGENCY_ORDER = urgency_order(Need.urgency)


class NeedsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading

    def need(self, need_id: str) -> NeedInfo:
        with self.ctx.read() as session:
            return _info(self._row(session, need_id))

    def list_needs(
        self,
        category: str | None = None,
        urgency: str | None = None,
        status: str | None = None,
    ) -> list[NeedInfo]:
        """Needs that match every filter given; most urgent first, then oldest first."""
        filters = self._filters(category, urgency)
        if status is not None:
            filters.append(Need.status == _status(status).value)
        return self._select(filters)

    def need_ids(
        self,
        category: str | None = None,
        urgency: str | None = None,
        statuses: Iterable[str] | None = None,
    ) -> list[str]:
        """Ids of the needs that match every filter (for a lazy list), in list order.

        Args:
            statuses: any of these statuses; ``None`` means every status.
        """
        filters = self._filters(category, urgency)
        if statuses is not None:
            filters.append(Need.status.in_(sorted({_status(s).value for s in statuses})))
        with self.ctx.read() as session:
            return list(
                session.scalars(
                    select(Need.id)
                    .where(*filters)
                    .order_by(_URGENCY_ORDER, Need.opened_at, Need.id)
                )
            )

    def need_rows(self, need_ids: Sequence[str]) -> dict[str, NeedRow]:
        """The list lines for these need ids; ids that are unknown are left out."""
        found: dict[str, NeedRow] = {}
        ids = list(need_ids)
        with self.ctx.read() as session:
            for start in range(0, len(ids), ID_CHUNK):
                rows = session.execute(
                    select(Need, Household.card_code)
                    .outerjoin(Household, Household.id == Need.household_id)
                    .where(Need.id.in_(ids[start : start + ID_CHUNK]), Need.deleted.is_(False))
                )
                for need, card_code in rows:
                    found[need.id] = NeedRow(_info(need), card_code)
        return found

    def active_count(self) -> int:
        """How many needs still ask for something to be done (open, in progress, referred)."""
        with self.ctx.read() as session:
            total = session.scalar(
                select(func.count())
                .select_from(Need)
                .where(*self._scope(), Need.status.in_([s.value for s in ACTIVE_STATUSES]))
            )
        return int(total or 0)

    def open_for_household(self, household_id: str) -> list[NeedInfo]:
        """The household's needs that are not finished yet (open, in progress or referred)."""
        return self._select(
            [
                *self._scope(),
                Need.household_id == household_id,
                Need.status.in_([s.value for s in ACTIVE_STATUSES]),
            ]
        )

    # ------------------------------------------------------------------ writing

    def open_need(
        self,
        category: str,
        urgency: str = Urgency.NORMAL.value,
        household_id: str | None = None,
        note: str | None = None,
    ) -> NeedInfo:
        """Record a new need (status *open*), for a household or for the post as a whole.

        Raises:
            UserError: an unknown category or urgency; a note that is too long.
            NotFound: the household is not known.
        """
        category_value = _category(category).value
        urgency_value = _urgency(urgency).value
        note_text = _note(note)
        need_id = new_id()
        with self.ctx.write() as uow:
            if household_id is not None:
                household = uow.session.get(Household, household_id)
                if household is None or household.deleted:
                    raise NotFound(
                        translate(
                            "NeedsService",
                            "Dit huishouden is niet bekend. Scan de kaart opnieuw, of noteer de "
                            "hulpvraag zonder huishouden.",
                        )
                    )
            uow.emit(
                "need",
                need_id,
                Op.CREATE,
                {
                    "post_code": self.ctx.node.post_code,
                    "household_id": household_id,
                    "category": category_value,
                    "urgency": urgency_value,
                    "note": note_text,
                    "opened_at": self.ctx.now_iso(),
                },
            )
            passing.record_passing(self.ctx, uow, household_id)
            return _info(self._row(uow.session, need_id))

    def change_status(
        self,
        need_id: str,
        new_status: str,
        note: str | None = None,
        *,
        referred_to: str | None = None,
    ) -> NeedInfo:
        """Move a need to ``new_status`` (a referral needs ``referred_to``; see :meth:`refer`).

        Raises:
            NotFound: the need is not known.
            UserError: an unknown status; a referral without destination; a note too long.
            Refused: the change is not allowed from the current status.
        """
        status = _status(new_status)
        note_text = _note(note)
        data: dict[str, Any] = {"status": status.value, "status_note": note_text}
        if status is NeedStatus.REFERRED:
            destination = optional_text(referred_to)
            if destination is None:
                raise UserError(
                    translate(
                        "NeedsService", "Vul in naar wie of waar de hulpvraag is doorverwezen."
                    )
                )
            if len(destination) > MAX_REFERRED_TO:
                raise UserError(
                    translate(
                        "NeedsService",
                        "Waar de hulpvraag heen gaat is te lang (hooguit {most} tekens).",
                    ).format(most=MAX_REFERRED_TO)
                )
            data["referred_to"] = destination
        with self.ctx.write() as uow:
            row = self._row(uow.session, need_id)
            NEED_TRANSITIONS.check(row.status, status.value)
            uow.emit("need", need_id, Op.STATUS, {**data, BASE_KEY: row.updated_hlc})
            uow.session.refresh(row)
            return _info(row)

    def refer(self, need_id: str, referred_to: str, note: str | None = None) -> NeedInfo:
        """Refer a need elsewhere (huisarts, gemeente, …): status *doorverwezen*."""
        return self.change_status(need_id, NeedStatus.REFERRED, note, referred_to=referred_to)

    # ------------------------------------------------------------------ helpers

    def _scope(self) -> list[ColumnElement[bool]]:
        return post_scope(self.ctx, Need)

    def _filters(self, category: str | None, urgency: str | None) -> list[ColumnElement[bool]]:
        filters: list[ColumnElement[bool]] = [*self._scope()]
        if category is not None:
            filters.append(Need.category == _category(category).value)
        if urgency is not None:
            filters.append(Need.urgency == _urgency(urgency).value)
        return filters

    def _select(self, filters: list[ColumnElement[bool]]) -> list[NeedInfo]:
        with self.ctx.read() as session:
            rows = session.scalars(
                select(Need).where(*filters).order_by(_URGENCY_ORDER, Need.opened_at, Need.id)
            )
            return [_info(r) for r in rows]

    @staticmethod
    def _row(session: Session, need_id: str) -> Need:
        row = session.get(Need, need_id)
        if row is None or row.deleted:
            raise NotFound(translate("NeedsService", "Deze hulpvraag is niet bekend."))
        return row
