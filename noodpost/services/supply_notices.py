"""Supply notices (*leveringen*): dispatches from the C-NSP to posts, and posts' requests.

Rules that live here and nowhere else:

- only the hub records a dispatch (items, quantities, expected arrival, a note) and only to a
  post it knows; only the hub cancels one, and only while it is on its way;
- only the post a dispatch is for confirms its receipt — that status event *is* the stock
  booking: the supplies service counts what arrived as stock in (``ontvangen van C-NSP`` in
  the ledger). A count that differs from what was sent needs a short note;
- only a post sends a request for supplies (items, quantities, urgency, a note); the hub
  answers it in words, or with a dispatch that names the request; the hub or the post that
  made it closes it;
- one call writes one event: a dispatch that answers a request is the dispatch's create event
  (it names the request); the request shows as answered because a dispatch names it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core import dutch, rations
from noodpost.core.clock import iso
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import DispatchStatus, NodeRole, RequestStatus, Urgency, screen_label
from noodpost.services.base import ServiceContext, new_id
from noodpost.services.supply_ledger import counted_lines
from noodpost.services.supply_notice_checks import (
    MAX_LINES,
    MAX_NOTE,
    LineInput,
    checked_quantity,
    item_names,
    note_text,
    valid_lines,
)
from noodpost.services.supply_notice_types import Dispatch, NoticeLine, Request
from noodpost.storage.models import Post, SupplyDispatch, SupplyRequest

_CHUNK = 500


class SupplyNoticesService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading

    def posts(self) -> list[tuple[str, str]]:
        """The posts this node knows, as (code, name), by code (the hub's choice of target)."""
        with self.ctx.read() as session:
            rows = session.execute(
                select(Post.post_code, Post.name)
                .where(Post.deleted.is_(False), Post.role == NodeRole.POST.value)
                .order_by(Post.post_code)
            )
            return [(code, name) for code, name in rows]

    def dispatch_ids(self, *, in_transit_only: bool = False) -> list[str]:
        """Dispatches, newest first: at a post its own, at the hub every one."""
        with self.ctx.read() as session:
            query = select(SupplyDispatch.id).where(*self._scope(SupplyDispatch))
            if in_transit_only:
                query = query.where(SupplyDispatch.status == DispatchStatus.IN_TRANSIT.value)
            query = query.order_by(SupplyDispatch.sent_at.desc(), SupplyDispatch.id.desc())
            return list(session.scalars(query))

    def dispatches_by_id(self, ids: Sequence[str]) -> dict[str, Dispatch]:
        """These dispatches (within this node's scope); unknown ids are left out."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Dispatch] = {}
        with self.ctx.read() as session:
            names = self._names(session)
            for start in range(0, len(wanted), _CHUNK):
                rows = session.scalars(
                    select(SupplyDispatch).where(
                        SupplyDispatch.id.in_(wanted[start : start + _CHUNK]),
                        *self._scope(SupplyDispatch),
                    )
                )
                found.update((r.id, self._dispatch(session, r, names)) for r in rows)
        return found

    def dispatches(self, *, in_transit_only: bool = False) -> list[Dispatch]:
        ids = self.dispatch_ids(in_transit_only=in_transit_only)
        found = self.dispatches_by_id(ids)
        return [found[i] for i in ids if i in found]

    def dispatch_by_id(self, dispatch_id: str) -> Dispatch:
        """One dispatch.

        Raises:
            NotFound: unknown here.
        """
        found = self.dispatches_by_id([dispatch_id]).get(dispatch_id)
        if found is None:
            raise NotFound(translate("SupplyNotices", "Deze levering is hier niet bekend."))
        return found

    def request_ids(self, *, open_only: bool = False) -> list[str]:
        """Requests, newest first: at a post its own, at the hub every post's."""
        with self.ctx.read() as session:
            query = select(SupplyRequest.id).where(*self._scope(SupplyRequest))
            if open_only:
                query = query.where(SupplyRequest.status != RequestStatus.CLOSED.value)
            query = query.order_by(SupplyRequest.requested_at.desc(), SupplyRequest.id.desc())
            return list(session.scalars(query))

    def requests_by_id(self, ids: Sequence[str]) -> dict[str, Request]:
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Request] = {}
        with self.ctx.read() as session:
            names = self._names(session)
            for start in range(0, len(wanted), _CHUNK):
                part = wanted[start : start + _CHUNK]
                answered: dict[str, list[str]] = {}
                for dispatch_id, request_id in session.execute(
                    select(SupplyDispatch.id, SupplyDispatch.request_id)
                    .where(
                        SupplyDispatch.request_id.in_(part),
                        SupplyDispatch.deleted.is_(False),
                        SupplyDispatch.status != DispatchStatus.CANCELLED.value,
                    )
                    .order_by(SupplyDispatch.sent_at, SupplyDispatch.id)
                ):
                    if request_id is not None:
                        answered.setdefault(request_id, []).append(dispatch_id)
                rows = session.scalars(
                    select(SupplyRequest).where(
                        SupplyRequest.id.in_(part), *self._scope(SupplyRequest)
                    )
                )
                for r in rows:
                    found[r.id] = self._request(session, r, names, answered.get(r.id, []))
        return found

    def requests(self, *, open_only: bool = False) -> list[Request]:
        ids = self.request_ids(open_only=open_only)
        found = self.requests_by_id(ids)
        return [found[i] for i in ids if i in found]

    def waiting_requests(self) -> list[Request]:
        """(hub) Open requests nobody has sent anything for yet: what the C-NSP must answer."""
        return [r for r in self.requests(open_only=True) if r.shown_status == RequestStatus.OPEN]

    def request_by_id(self, request_id: str) -> Request:
        """One request.

        Raises:
            NotFound: unknown here.
        """
        found = self.requests_by_id([request_id]).get(request_id)
        if found is None:
            raise NotFound(translate("SupplyNotices", "Deze aanvraag is hier niet bekend."))
        return found

    # ------------------------------------------------------------------ the hub

    def dispatch(
        self,
        post_code: str,
        lines: LineInput,
        expected_at: datetime | None = None,
        note: str | None = None,
        request_id: str | None = None,
    ) -> Dispatch:
        """(hub) Record goods sent to a post; ``lines`` maps item (code or id) to quantity.

        Raises:
            Refused: this node is not the hub; the request is closed or of another post.
            NotFound: unknown post, item or request.
            UserError: no items, an impossible quantity, an arrival time in the past.
        """
        self._require_hub()
        code = (post_code or "").strip().upper()
        with self.ctx.read() as session:
            if code not in dict(self._posts(session)):
                raise NotFound(
                    translate(
                        "SupplyNotices",
                        "Post {post} is hier niet bekend. Kies een post uit de lijst.",
                    ).format(post=code or translate("SupplyNotices", "(leeg)"))
                )
            items = valid_lines(
                session,
                lines,
                translate(
                    "SupplyNotices", "Vul minstens één artikel in met de hoeveelheid die u stuurt."
                ),
            )
            if request_id is not None:
                request = session.get(SupplyRequest, request_id)
                if request is None or request.deleted:
                    raise NotFound(translate("SupplyNotices", "Deze aanvraag is hier niet bekend."))
                if request.post_code != code:
                    raise Refused(
                        translate(
                            "SupplyNotices",
                            "Deze aanvraag komt van post {asked}, niet van {post}. "
                            "Stuur de levering naar de post die erom vroeg.",
                        ).format(asked=request.post_code, post=code)
                    )
                if request.status == RequestStatus.CLOSED:
                    raise Refused(
                        translate(
                            "SupplyNotices",
                            "Deze aanvraag is al afgesloten. Maak een losse levering.",
                        )
                    )
        expected: str | None = None
        if expected_at is not None:
            moment = expected_at.astimezone(UTC)  # a naive time is local time
            if moment < self.ctx.clock.now().replace(second=0, microsecond=0):
                raise UserError(
                    translate(
                        "SupplyNotices",
                        "De verwachte aankomst ligt in het verleden. Kies een later moment, of "
                        "laat het leeg.",
                    )
                )
            expected = iso(moment)
        dispatch_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "supply_dispatch",
                dispatch_id,
                Op.CREATE,
                {
                    "post_code": code,
                    "from_code": self.ctx.node.post_code,
                    "lines": items,
                    "expected_at": expected,
                    "note": note_text(note),
                    "request_id": request_id,
                    "sent_at": self.ctx.now_iso(),
                },
            )
        return self.dispatch_by_id(dispatch_id)

    def cancel_dispatch(self, dispatch_id: str, reason: str | None) -> Dispatch:
        """(hub) Cancel a dispatch that is still on its way, with a reason.

        Raises:
            Refused: not the hub; the post already confirmed it, or it was cancelled.
            NotFound: unknown dispatch.
            UserError: no reason.
        """
        self._require_hub()
        why = note_text(reason, translate("SupplyNotices", "De reden"))
        if why is None:
            raise UserError(translate("SupplyNotices", "Vul in waarom de levering niet doorgaat."))
        with self.ctx.write() as uow:
            row = self._dispatch_row(uow.session, dispatch_id)
            if row.status != DispatchStatus.IN_TRANSIT:
                raise Refused(
                    translate(
                        "SupplyNotices",
                        "Deze levering is al {status} en kan niet meer worden geannuleerd.",
                    ).format(status=screen_label(row.status))
                )
            uow.emit(
                "supply_dispatch",
                dispatch_id,
                Op.STATUS,
                {
                    "status": DispatchStatus.CANCELLED.value,
                    "status_note": why,
                    BASE_KEY: row.updated_hlc,
                },
            )
        return self.dispatch_by_id(dispatch_id)

    def answer_request(self, request_id: str, answer: str | None) -> Request:
        """(hub) Answer a post's request in words (e.g. when it can or cannot be supplied).

        Raises:
            Refused: not the hub; the request is closed.
            NotFound: unknown request.
            UserError: no answer.
        """
        self._require_hub()
        text = note_text(answer, translate("SupplyNotices", "Het antwoord"))
        if text is None:
            raise UserError(translate("SupplyNotices", "Vul het antwoord aan de post in."))
        with self.ctx.write() as uow:
            row = self._request_row(uow.session, request_id)
            if row.status == RequestStatus.CLOSED:
                raise Refused(translate("SupplyNotices", "Deze aanvraag is al afgesloten."))
            uow.emit(
                "supply_request",
                request_id,
                Op.STATUS,
                {
                    "status": RequestStatus.ANSWERED.value,
                    "answer": text,
                    "answered_at": self.ctx.now_iso(),
                    BASE_KEY: row.updated_hlc,
                },
            )
        return self.request_by_id(request_id)

    # ------------------------------------------------------------------ the post

    def confirm_receipt(
        self,
        dispatch_id: str,
        received: Mapping[str, float] | None = None,
        note: str | None = None,
    ) -> Dispatch:
        """(post) The goods arrived: book them into stock (one status event).

        Args:
            received: per item id of the dispatch, what arrived; ``None`` means as sent.
                0 means the item did not arrive.
            note: required when what arrived differs from what was sent.

        Raises:
            Refused: not the post this dispatch is for; already received.
            NotFound: unknown dispatch.
            UserError: an impossible count, nothing arrived, a difference without a note.
        """
        receipt_note = note_text(note)
        with self.ctx.read() as session:
            row = self._dispatch_row(session, dispatch_id)
            if self.ctx.node.is_hub or row.post_code != self.ctx.node.post_code:
                raise Refused(
                    translate(
                        "SupplyNotices",
                        "Deze levering is voor post {post}. Alleen die post meldt de ontvangst.",
                    ).format(post=row.post_code)
                )
            if row.status == DispatchStatus.RECEIVED:
                raise Refused(
                    translate("SupplyNotices", "De ontvangst van deze levering is al gemeld.")
                )
            sent = counted_lines(row.lines)
            names = item_names(session, sent)
        counted: dict[str, float] = dict(sent)
        if received is not None:
            unknown = [k for k in received if k not in sent]
            if unknown:
                raise UserError(
                    translate(
                        "SupplyNotices",
                        "Er staat een artikel bij dat niet in deze levering zit. Boek extra "
                        "goederen als gewone levering op de voorraadpagina.",
                    )
                )
            for item_id, value in received.items():
                name, unit = names.get(item_id, (item_id, ""))
                counted[item_id] = checked_quantity(
                    value, dutch.lower_first(name), unit, zero_ok=True
                )
        if all(q <= rations.EPSILON for q in counted.values()):
            raise UserError(
                translate(
                    "SupplyNotices",
                    "Er is niets aangekomen volgens deze telling. Meld de ontvangst pas als de "
                    "goederen er zijn, of laat de C-NSP weten dat de levering niet aankwam.",
                )
            )
        differs = any(abs(counted[k] - sent[k]) > rations.EPSILON for k in sent)
        if differs and receipt_note is None:
            raise UserError(
                translate(
                    "SupplyNotices",
                    "Wat er aankwam wijkt af van wat de C-NSP stuurde. Schrijf kort wat er anders "
                    "was, zodat de C-NSP het weet.",
                )
            )
        with self.ctx.write() as uow:
            row = self._dispatch_row(uow.session, dispatch_id)
            uow.emit(
                "supply_dispatch",
                dispatch_id,
                Op.STATUS,
                {
                    "status": DispatchStatus.RECEIVED.value,
                    "received_lines": [{"item_id": k, "quantity": q} for k, q in counted.items()],
                    "received_at": self.ctx.now_iso(),
                    "receipt_note": receipt_note,
                    BASE_KEY: row.updated_hlc,
                },
            )
        return self.dispatch_by_id(dispatch_id)

    def request(
        self, lines: LineInput, urgency: str = Urgency.NORMAL.value, note: str | None = None
    ) -> Request:
        """(post) Ask the C-NSP for supplies: items (code or id) and quantities.

        Raises:
            Refused: this node is the hub.
            NotFound: unknown item.
            UserError: no items, an impossible quantity, an unknown urgency.
        """
        if self.ctx.node.is_hub:
            raise Refused(
                translate(
                    "SupplyNotices",
                    "Een aanvraag voor goederen komt van een post. "
                    "De C-NSP stuurt zelf een levering.",
                )
            )
        try:
            level = Urgency(urgency).value
        except ValueError:
            raise UserError(
                translate("SupplyNotices", "Kies de urgentie: spoed, hoog of normaal.")
            ) from None
        with self.ctx.read() as session:
            items = valid_lines(
                session,
                lines,
                translate(
                    "SupplyNotices",
                    "Vul minstens één artikel in met de hoeveelheid die u nodig hebt.",
                ),
            )
        request_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "supply_request",
                request_id,
                Op.CREATE,
                {
                    "post_code": self.ctx.node.post_code,
                    "lines": items,
                    "urgency": level,
                    "note": note_text(note),
                    "requested_at": self.ctx.now_iso(),
                },
            )
        return self.request_by_id(request_id)

    def close_request(self, request_id: str, note: str | None = None) -> Request:
        """Close a request: the hub (handled), or the post that made it (no longer needed).

        Raises:
            Refused: another post's request; already closed.
            NotFound: unknown request.
        """
        why = note_text(note)
        with self.ctx.write() as uow:
            row = self._request_row(uow.session, request_id)
            if not self.ctx.node.is_hub and row.post_code != self.ctx.node.post_code:
                raise Refused(translate("SupplyNotices", "Deze aanvraag is van een andere post."))
            if row.status == RequestStatus.CLOSED:
                raise Refused(translate("SupplyNotices", "Deze aanvraag is al afgesloten."))
            uow.emit(
                "supply_request",
                request_id,
                Op.STATUS,
                {
                    "status": RequestStatus.CLOSED.value,
                    "status_note": why,
                    BASE_KEY: row.updated_hlc,
                },
            )
        return self.request_by_id(request_id)

    # ------------------------------------------------------------------ internals

    def _require_hub(self) -> None:
        if not self.ctx.node.is_hub:
            raise Refused(
                translate(
                    "SupplyNotices",
                    "Leveringen worden verstuurd door het coördinerend noodsteunpunt (C-NSP). "
                    "Heeft deze post iets nodig? Stuur een aanvraag.",
                )
            )

    def _scope(self, model: type[SupplyDispatch] | type[SupplyRequest]) -> list[Any]:
        filters: list[Any] = [model.deleted.is_(False)]
        if not self.ctx.node.is_hub:
            filters.append(model.post_code == self.ctx.node.post_code)
        return filters

    @staticmethod
    def _posts(session: Session) -> list[tuple[str, str]]:
        rows = session.execute(
            select(Post.post_code, Post.name).where(
                Post.deleted.is_(False), Post.role == NodeRole.POST.value
            )
        )
        return [(code, name) for code, name in rows]

    @staticmethod
    def _names(session: Session) -> dict[str, str]:
        return {code: name for code, name in session.execute(select(Post.post_code, Post.name))}

    def _notice_lines(self, session: Session, raw: object) -> tuple[NoticeLine, ...]:
        counted = counted_lines(raw)
        names = item_names(session, counted)
        unknown = (translate("SupplyNotices", "onbekend artikel"), "")
        return tuple(
            NoticeLine(item_id, *names.get(item_id, unknown), quantity)
            for item_id, quantity in counted.items()
        )

    def _dispatch(self, session: Session, r: SupplyDispatch, names: dict[str, str]) -> Dispatch:
        return Dispatch(
            id=r.id,
            post_code=r.post_code,
            post_name=names.get(r.post_code, r.post_code),
            from_code=r.from_code,
            lines=self._notice_lines(session, r.lines),
            expected_at=r.expected_at,
            note=r.note,
            request_id=r.request_id,
            sent_at=r.sent_at,
            status=r.status,
            received_lines=self._notice_lines(session, r.received_lines)
            if r.status == DispatchStatus.RECEIVED
            else (),
            received_at=r.received_at,
            receipt_note=r.receipt_note,
            status_note=r.status_note,
        )

    def _request(
        self, session: Session, r: SupplyRequest, names: dict[str, str], dispatch_ids: list[str]
    ) -> Request:
        return Request(
            id=r.id,
            post_code=r.post_code,
            post_name=names.get(r.post_code, r.post_code),
            lines=self._notice_lines(session, r.lines),
            urgency=r.urgency,
            note=r.note,
            requested_at=r.requested_at,
            status=r.status,
            answer=r.answer,
            answered_at=r.answered_at,
            status_note=r.status_note,
            dispatch_ids=tuple(dispatch_ids),
        )

    def _dispatch_row(self, session: Session, dispatch_id: str) -> SupplyDispatch:
        row = session.get(SupplyDispatch, dispatch_id)
        if row is None or row.deleted:
            raise NotFound(translate("SupplyNotices", "Deze levering is hier niet bekend."))
        return row

    def _request_row(self, session: Session, request_id: str) -> SupplyRequest:
        row = session.get(SupplyRequest, request_id)
        if row is None or row.deleted:
            raise NotFound(translate("SupplyNotices", "Deze aanvraag is hier niet bekend."))
        return row


__all__ = [
    "MAX_LINES",
    "MAX_NOTE",
    "Dispatch",
    "NoticeLine",
    "Request",
    "SupplyNoticesService",
]
