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

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core import rations
from noodpost.core.clock import iso
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.vocabulary import DispatchStatus, NodeRole, RequestStatus, Urgency, label
from noodpost.services.base import ServiceContext, new_id, optional_text
from noodpost.services.supply_ledger import counted_lines
from noodpost.services.supply_notice_types import Dispatch, NoticeLine, Request
from noodpost.storage.models import Post, SupplyDispatch, SupplyItem, SupplyRequest

MAX_NOTE = 1000
MAX_LINES = 40
#: No line of a dispatch or request is larger than this (a mistyped number).
MAX_QUANTITY = 100_000.0
_CHUNK = 500


LineInput = Mapping[str, float] | Iterable[tuple[str, float]]


def _pairs(lines: LineInput) -> list[tuple[str, Any]]:
    if isinstance(lines, Mapping):
        return list(lines.items())
    return list(lines)


def _note(value: str | None, what: str = "De opmerking") -> str | None:
    text = optional_text(value)
    if text is not None and len(text) > MAX_NOTE:
        raise UserError(f"{what} is te lang (hooguit {MAX_NOTE} tekens). Maak het korter.")
    return text


def _quantity(value: object, name: str, unit: str, *, zero_ok: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UserError(f"Vul de hoeveelheid {name} in als getal, bijvoorbeeld 3 of 1,5.")
    if value < 0 or (value == 0 and not zero_ok):
        raise UserError(f"Vul voor {name} een hoeveelheid groter dan 0 in.")
    if value > MAX_QUANTITY:
        raise UserError(
            f"{rations.format_quantity(value, unit)} {name} kan niet kloppen. Controleer het getal."
        )
    return float(value)


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
            raise NotFound("Deze levering is hier niet bekend.")
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

    def request_by_id(self, request_id: str) -> Request:
        """One request.

        Raises:
            NotFound: unknown here.
        """
        found = self.requests_by_id([request_id]).get(request_id)
        if found is None:
            raise NotFound("Deze aanvraag is hier niet bekend.")
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
                    f"Post {code or '(leeg)'} is hier niet bekend. Kies een post uit de lijst."
                )
            items = self._lines(session, lines, "stuurt")
            if request_id is not None:
                request = session.get(SupplyRequest, request_id)
                if request is None or request.deleted:
                    raise NotFound("Deze aanvraag is hier niet bekend.")
                if request.post_code != code:
                    raise Refused(
                        f"Deze aanvraag komt van post {request.post_code}, niet van {code}. "
                        "Stuur de levering naar de post die erom vroeg."
                    )
                if request.status == RequestStatus.CLOSED:
                    raise Refused("Deze aanvraag is al afgesloten. Maak een losse levering.")
        expected: str | None = None
        if expected_at is not None:
            moment = expected_at.astimezone(UTC)  # a naive time is local time
            if moment < self.ctx.clock.now().replace(second=0, microsecond=0):
                raise UserError(
                    "De verwachte aankomst ligt in het verleden. Kies een later moment, of "
                    "laat het leeg."
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
                    "note": _note(note),
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
        why = _note(reason, "De reden")
        if why is None:
            raise UserError("Vul in waarom de levering niet doorgaat.")
        with self.ctx.write() as uow:
            row = self._dispatch_row(uow.session, dispatch_id)
            if row.status != DispatchStatus.IN_TRANSIT:
                raise Refused(
                    f"Deze levering is al {label(row.status)} en kan niet meer worden geannuleerd."
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
        text = _note(answer, "Het antwoord")
        if text is None:
            raise UserError("Vul het antwoord aan de post in.")
        with self.ctx.write() as uow:
            row = self._request_row(uow.session, request_id)
            if row.status == RequestStatus.CLOSED:
                raise Refused("Deze aanvraag is al afgesloten.")
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
        receipt_note = _note(note)
        with self.ctx.read() as session:
            row = self._dispatch_row(session, dispatch_id)
            if self.ctx.node.is_hub or row.post_code != self.ctx.node.post_code:
                raise Refused(
                    f"Deze levering is voor post {row.post_code}. Alleen die post meldt "
                    "de ontvangst."
                )
            if row.status == DispatchStatus.RECEIVED:
                raise Refused("De ontvangst van deze levering is al gemeld.")
            sent = counted_lines(row.lines)
            names = self._item_names(session, sent)
        counted: dict[str, float] = dict(sent)
        if received is not None:
            unknown = [k for k in received if k not in sent]
            if unknown:
                raise UserError(
                    "Er staat een artikel bij dat niet in deze levering zit. Boek extra "
                    "goederen als gewone levering op de voorraadpagina."
                )
            for item_id, value in received.items():
                name, unit = names.get(item_id, (item_id, ""))
                counted[item_id] = _quantity(value, rations.lower_first(name), unit, zero_ok=True)
        if all(q <= rations.EPSILON for q in counted.values()):
            raise UserError(
                "Er is niets aangekomen volgens deze telling. Meld de ontvangst pas als de "
                "goederen er zijn, of laat de C-NSP weten dat de levering niet aankwam."
            )
        differs = any(abs(counted[k] - sent[k]) > rations.EPSILON for k in sent)
        if differs and receipt_note is None:
            raise UserError(
                "Wat er aankwam wijkt af van wat de C-NSP stuurde. Schrijf kort wat er anders "
                "was, zodat de C-NSP het weet."
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
                "Een aanvraag voor goederen komt van een post. De C-NSP stuurt zelf een levering."
            )
        try:
            level = Urgency(urgency).value
        except ValueError:
            raise UserError("Kies de urgentie: spoed, hoog of normaal.") from None
        with self.ctx.read() as session:
            items = self._lines(session, lines, "nodig hebt")
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
                    "note": _note(note),
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
        why = _note(note)
        with self.ctx.write() as uow:
            row = self._request_row(uow.session, request_id)
            if not self.ctx.node.is_hub and row.post_code != self.ctx.node.post_code:
                raise Refused("Deze aanvraag is van een andere post.")
            if row.status == RequestStatus.CLOSED:
                raise Refused("Deze aanvraag is al afgesloten.")
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
                "Leveringen worden verstuurd door het coördinerend noodsteunpunt (C-NSP). "
                "Heeft deze post iets nodig? Stuur een aanvraag."
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

    def _lines(self, session: Session, lines: LineInput, what: str) -> list[dict[str, Any]]:
        """Validated lines as stored: one per item, in the order given."""
        pairs = _pairs(lines)
        if not pairs:
            raise UserError(f"Vul minstens één artikel in met de hoeveelheid die u {what}.")
        if len(pairs) > MAX_LINES:
            raise UserError(f"Hoogstens {MAX_LINES} artikelen tegelijk. Splits de lijst.")
        totals: dict[str, float] = {}
        for key, value in pairs:
            item = self._item(session, key)
            quantity = _quantity(value, rations.lower_first(item.name), item.unit)
            totals[item.id] = totals.get(item.id, 0.0) + quantity
        if any(total > MAX_QUANTITY for total in totals.values()):
            raise UserError("Een van de hoeveelheden kan niet kloppen. Controleer de getallen.")
        return [{"item_id": k, "quantity": q} for k, q in totals.items()]

    @staticmethod
    def _item(session: Session, code_or_id: str) -> SupplyItem:
        key = (code_or_id or "").strip()
        row = session.get(SupplyItem, key) if key else None
        if row is None and key:
            row = session.scalars(
                select(SupplyItem).where(SupplyItem.code == key, SupplyItem.deleted.is_(False))
            ).first()
        if row is None or row.deleted:
            raise NotFound(f"Artikel '{key}' staat niet in de voorraadlijst.")
        if row.retired:
            raise Refused(f"{row.name} staat niet meer in de voorraadlijst.")
        return row

    @staticmethod
    def _item_names(session: Session, item_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        ids = list(item_ids)
        if not ids:
            return {}
        return {
            r.id: (r.name, r.unit)
            for r in session.scalars(select(SupplyItem).where(SupplyItem.id.in_(ids)))
        }

    def _notice_lines(self, session: Session, raw: object) -> tuple[NoticeLine, ...]:
        counted = counted_lines(raw)
        names = self._item_names(session, counted)
        return tuple(
            NoticeLine(item_id, *names.get(item_id, ("onbekend artikel", "")), quantity)
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
            raise NotFound("Deze levering is hier niet bekend.")
        return row

    def _request_row(self, session: Session, request_id: str) -> SupplyRequest:
        row = session.get(SupplyRequest, request_id)
        if row is None or row.deleted:
            raise NotFound("Deze aanvraag is hier niet bekend.")
        return row


__all__ = [
    "MAX_LINES",
    "MAX_NOTE",
    "Dispatch",
    "NoticeLine",
    "Request",
    "SupplyNoticesService",
]
