"""Charging station (*opladen*): a numbered ticket per device, in and out.

Rules that live here and nowhere else:

- a ticket gets the next number of this post (the highest number it knows, plus one), so the
  number on the paper slip finds the device again;
- a ticket goes from *aan het opladen* to *teruggegeven* or *geannuleerd*, once: returning or
  cancelling a ticket that is no longer charging is refused.

Two laptops of one post number their tickets independently until they synchronise; when that
gives two tickets the same number, :meth:`ChargingService.by_number` returns the open one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.localtime import day_bounds
from noodpost.core.vocabulary import ChargingStatus, label
from noodpost.services import passing
from noodpost.services.base import ServiceContext, new_id, require_text
from noodpost.storage.models import ChargingTicket, Household

MAX_DEVICE = 200


@dataclass(frozen=True)
class Ticket:
    """A charging ticket.

    Attributes:
        number: the number on the slip the resident keeps.
        device: what is charging, in the volunteer's words (``telefoon, zwart hoesje``).
        household_id: the household it belongs to, when known.
        status: a :class:`ChargingStatus` value.
        checked_in_at, returned_at: UTC ISO text.
    """

    id: str
    number: int
    device: str
    household_id: str | None
    status: str
    checked_in_at: str | None
    returned_at: str | None
    post_code: str

    @property
    def is_open(self) -> bool:
        return self.status == ChargingStatus.CHARGING

    @property
    def status_label(self) -> str:
        return label(self.status)


@dataclass(frozen=True)
class TicketRow:
    """One line of a list of tickets: the ticket and its household's card code, if any."""

    ticket: Ticket
    card_code: str | None


#: How many ids one query asks for at most (well under SQLite's variable limit).
ID_CHUNK = 500


def _ticket(row: ChargingTicket) -> Ticket:
    return Ticket(
        id=row.id,
        number=row.number,
        device=row.device,
        household_id=row.household_id,
        status=row.status,
        checked_in_at=row.checked_in_at,
        returned_at=row.returned_at,
        post_code=row.post_code,
    )


class ChargingService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading

    def ticket(self, ticket_id: str) -> Ticket:
        """Raises: NotFound: unknown ticket."""
        with self.ctx.read() as session:
            return _ticket(self._row(session, ticket_id))

    def by_number(self, number: int) -> Ticket:
        """This post's ticket with ``number`` (the open one first, then the latest).

        Raises:
            NotFound: no ticket with that number at this post.
        """
        with self.ctx.read() as session:
            rows = list(
                session.scalars(
                    select(ChargingTicket)
                    .where(
                        ChargingTicket.post_code == self.ctx.node.post_code,
                        ChargingTicket.number == number,
                        ChargingTicket.deleted.is_(False),
                    )
                    .order_by(ChargingTicket.created_hlc.desc())
                )
            )
        if not rows:
            raise NotFound(
                translate(
                    "Charging", "Er is geen oplaadbon met nummer {number}. Controleer het nummer."
                ).format(number=number)
            )
        open_rows = [r for r in rows if r.status == ChargingStatus.CHARGING]
        return _ticket((open_rows or rows)[0])

    def open_tickets(self) -> list[Ticket]:
        """Devices still charging at this post, by ticket number."""
        with self.ctx.read() as session:
            rows = session.scalars(
                select(ChargingTicket)
                .where(
                    ChargingTicket.post_code == self.ctx.node.post_code,
                    ChargingTicket.status == ChargingStatus.CHARGING,
                    ChargingTicket.deleted.is_(False),
                )
                .order_by(ChargingTicket.number, ChargingTicket.created_hlc)
            )
            return [_ticket(r) for r in rows]

    def open_ticket_ids(self) -> list[str]:
        """Ids of the devices still charging at this post, by ticket number (for a lazy list)."""
        with self.ctx.read() as session:
            return list(
                session.scalars(
                    select(ChargingTicket.id)
                    .where(*self._here(), ChargingTicket.status == ChargingStatus.CHARGING)
                    .order_by(ChargingTicket.number, ChargingTicket.created_hlc)
                )
            )

    def returned_today_ids(self) -> list[str]:
        """Ids of the tickets returned today (Dutch calendar day) at this post, latest first."""
        start, end = day_bounds(self.ctx.clock.now())
        with self.ctx.read() as session:
            return list(
                session.scalars(
                    select(ChargingTicket.id)
                    .where(
                        *self._here(),
                        ChargingTicket.status == ChargingStatus.RETURNED,
                        ChargingTicket.returned_at >= start,
                        ChargingTicket.returned_at < end,
                    )
                    .order_by(ChargingTicket.returned_at.desc(), ChargingTicket.number.desc())
                )
            )

    def ticket_rows(self, ticket_ids: Sequence[str]) -> dict[str, TicketRow]:
        """The list lines for these ticket ids; ids that are unknown are left out."""
        found: dict[str, TicketRow] = {}
        ids = list(ticket_ids)
        with self.ctx.read() as session:
            for start in range(0, len(ids), ID_CHUNK):
                rows = session.execute(
                    select(ChargingTicket, Household.card_code)
                    .outerjoin(Household, Household.id == ChargingTicket.household_id)
                    .where(
                        ChargingTicket.id.in_(ids[start : start + ID_CHUNK]),
                        ChargingTicket.deleted.is_(False),
                    )
                )
                for ticket, card_code in rows:
                    found[ticket.id] = TicketRow(_ticket(ticket), card_code)
        return found

    # ------------------------------------------------------------------ writing

    def check_in(self, device: str, household_id: str | None = None) -> Ticket:
        """Take in a device for charging and give it the next ticket number of this post.

        Raises:
            UserError: no device description, or one that is too long.
            NotFound: an unknown household.
        """
        text = require_text(
            device, translate("Charging", "het apparaat (bijvoorbeeld 'telefoon, zwart hoesje')")
        )
        if len(text) > MAX_DEVICE:
            raise UserError(
                translate(
                    "Charging", "Maak de omschrijving korter (hoogstens {limit} tekens)."
                ).format(limit=MAX_DEVICE)
            )
        post_code = self.ctx.node.post_code
        ticket_id = new_id()
        with self.ctx.write() as uow:
            session = uow.session
            if household_id is not None:
                household = session.get(Household, household_id)
                if household is None or household.deleted:
                    raise NotFound(
                        translate(
                            "Charging",
                            "Dit huishouden is niet (meer) bekend. Scan de kaart opnieuw.",
                        )
                    )
            highest = session.scalar(
                select(func.max(ChargingTicket.number)).where(ChargingTicket.post_code == post_code)
            )
            uow.emit(
                "charging_ticket",
                ticket_id,
                Op.CREATE,
                {
                    "post_code": post_code,
                    "number": (highest or 0) + 1,
                    "household_id": household_id,
                    "device": text,
                    "checked_in_at": self.ctx.now_iso(),
                    "status": ChargingStatus.CHARGING.value,
                },
            )
            passing.record_passing(self.ctx, uow, household_id)
        return self.ticket(ticket_id)

    def return_device(self, ticket_id: str) -> Ticket:
        """The resident got the device back.

        Raises:
            NotFound: unknown ticket.
            Refused: the ticket was already returned or cancelled.
        """
        return self._finish(ticket_id, ChargingStatus.RETURNED)

    def cancel(self, ticket_id: str) -> Ticket:
        """The ticket was made by mistake (the device was never left here).

        Raises:
            NotFound: unknown ticket.
            Refused: the ticket was already returned or cancelled.
        """
        return self._finish(ticket_id, ChargingStatus.CANCELLED)

    def _finish(self, ticket_id: str, status: ChargingStatus) -> Ticket:
        with self.ctx.write() as uow:
            row = self._row(uow.session, ticket_id)
            if row.status == ChargingStatus.RETURNED and row.returned_at:
                raise Refused(
                    translate(
                        "Charging",
                        "Oplaadbon {number} is al teruggegeven om {time}. "
                        "Controleer het nummer op de bon.",
                    ).format(
                        number=row.number,
                        time=format_clock(parse_iso(row.returned_at), self.ctx.clock.now()),
                    )
                )
            if row.status == ChargingStatus.RETURNED:
                raise Refused(
                    translate(
                        "Charging",
                        "Oplaadbon {number} is al teruggegeven. Controleer het nummer op de bon.",
                    ).format(number=row.number)
                )
            if row.status == ChargingStatus.CANCELLED:
                raise Refused(
                    translate(
                        "Charging",
                        "Oplaadbon {number} is geannuleerd. Maak een nieuwe bon als het "
                        "apparaat toch hier ligt.",
                    ).format(number=row.number)
                )
            data: dict[str, object] = {"status": status.value, BASE_KEY: row.updated_hlc}
            if status is ChargingStatus.RETURNED:
                data["returned_at"] = self.ctx.now_iso()
            uow.emit("charging_ticket", ticket_id, Op.STATUS, data)
        return self.ticket(ticket_id)

    def _here(self) -> tuple[ColumnElement[bool], ...]:
        return (
            ChargingTicket.post_code == self.ctx.node.post_code,
            ChargingTicket.deleted.is_(False),
        )

    @staticmethod
    def _row(session: Session, ticket_id: str) -> ChargingTicket:
        row = session.get(ChargingTicket, ticket_id) if ticket_id else None
        if row is None or row.deleted:
            raise NotFound(translate("Charging", "Deze oplaadbon is niet bekend."))
        return row
