"""The post itself: its details, opening and closing it (DESIGN §1, §3.6).

The post record (entity ``post``, id :func:`noodpost.core.ids.post_id`) is synced, so the hub
sees every post's details, whether it is open, and its retention period. At the hub the same
record stands for the crisis: closing it there is *crisis afsluiten*, and starts the retention
period for everything the hub holds.

Rules that live here: only a signed-in coordinator changes the details, opens or closes; each
call writes one event; closing records the moment (``closed_at``), from which the retention
period runs; opening again clears it, so nothing is anonymised while the post is open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from noodpost.core.clock import parse_iso
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.fold import BASE_KEY
from noodpost.core.i18n import translate
from noodpost.core.ids import post_id
from noodpost.core.retention import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, due_at
from noodpost.core.retention import retention_days as period
from noodpost.core.vocabulary import PostFunction
from noodpost.services.base import ServiceContext, optional_text, require_text
from noodpost.services.roles import require_coordinator
from noodpost.storage.models import Post


@dataclass(frozen=True)
class PostDetails:
    """The post (or, at the hub, the C-NSP) as the details dialog shows it.

    Attributes:
        closed_at: stored time text when closed, ``None`` while open.
        retention_days: the period in days (the default when the post sets none).
        anonymise_at: when personal data is due to go (``None`` while open).
    """

    name: str
    code: str
    is_hub: bool
    capacity: int | None
    address: str | None
    services: tuple[str, ...]
    opening_hours: str | None
    is_open: bool
    closed_at: str | None
    retention_days: int
    anonymise_at: datetime | None


def _details(row: Post, is_hub: bool) -> PostDetails:
    closed = parse_iso(row.closed_at) if row.closed_at and not row.is_open else None
    return PostDetails(
        name=row.name,
        code=row.post_code,
        is_hub=is_hub,
        capacity=row.capacity,
        address=row.address,
        services=tuple(row.services or ()),
        opening_hours=row.opening_hours,
        is_open=row.is_open is not False,
        closed_at=row.closed_at if row.is_open is False else None,
        retention_days=period(row.retention_days),
        anonymise_at=due_at(closed, row.retention_days) if closed is not None else None,
    )


def _services(values: Iterable[str]) -> list[str]:
    known = {f.value for f in PostFunction}
    result: list[str] = []
    for value in values:
        if value not in known:
            raise UserError(
                translate("PostService", "'{value}' is geen taak van een noodsteunpunt.").format(
                    value=value
                )
            )
        if value not in result:
            result.append(value)
    return result


def _limited(text: str | None, max_len: int, what: str) -> str | None:
    value = optional_text(text)
    if value is not None and len(value) > max_len:
        raise UserError(
            translate("PostService", "{what} is te lang (hooguit {most} tekens).").format(
                what=what, most=max_len
            )
        )
    return value


def _missing() -> str:
    return translate(
        "PostService", "De gegevens van deze post ontbreken. Richt de post opnieuw in."
    )


class PostService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def _id(self) -> str:
        return post_id(self.ctx.node.post_code)

    def details(self) -> PostDetails:
        """This post's record (at the hub: the C-NSP's own, standing for the crisis)."""
        with self.ctx.read() as session:
            row = session.get(Post, self._id)
            if row is None or row.deleted:
                raise NotFound(_missing())
            return _details(row, self.ctx.node.is_hub)

    def update_details(
        self,
        *,
        name: str,
        capacity: int | None,
        address: str | None,
        services: Iterable[str],
        opening_hours: str | None,
        retention_days: int,
    ) -> PostDetails:
        """Change the post's details and retention period (coordinator). One event.

        Raises:
            Refused: not a coordinator.
            UserError: no name, a negative capacity, an unknown service, a period out of range.
        """
        name_value = require_text(name, translate("PostService", "de naam van de post"))
        if len(name_value) > 200:
            raise UserError(translate("PostService", "De naam is te lang (hooguit 200 tekens)."))
        if capacity is not None and capacity < 0:
            raise UserError(translate("PostService", "De capaciteit kan niet negatief zijn."))
        if not MIN_RETENTION_DAYS <= retention_days <= MAX_RETENTION_DAYS:
            raise UserError(
                translate(
                    "PostService", "Kies een bewaartermijn van {least} tot {most} dagen."
                ).format(least=MIN_RETENTION_DAYS, most=MAX_RETENTION_DAYS)
            )
        data = {
            "name": name_value,
            "capacity": capacity,
            "address": _limited(address, 300, translate("PostService", "Het adres")),
            "services": _services(services),
            "opening_hours": _limited(
                opening_hours, 200, translate("PostService", "De openingstijden")
            ),
            "retention_days": retention_days,
        }
        require_coordinator(self.ctx)
        return self._write(data)

    def open_post(self) -> PostDetails:
        """Open the post (again): the retention period stops. Coordinator; one event.

        Raises:
            Refused: not a coordinator, or the post is already open.
        """
        require_coordinator(self.ctx)
        if self.details().is_open:
            raise Refused(self._already("open"))
        return self._write({"is_open": True, "closed_at": None})

    def close_post(self) -> PostDetails:
        """Close the post (at the hub: close the crisis); the retention period starts.

        Raises:
            Refused: not a coordinator, or already closed.
        """
        require_coordinator(self.ctx)
        if not self.details().is_open:
            raise Refused(self._already("closed"))
        return self._write({"is_open": False, "closed_at": self.ctx.now_iso()})

    def _already(self, state: str) -> str:
        hub = self.ctx.node.is_hub
        if state == "open":
            if hub:
                return translate("PostService", "De crisis is al open.")
            return translate("PostService", "De post is al open.")
        if hub:
            return translate(
                "PostService",
                "De crisis is al gesloten. Open eerst opnieuw als er weer mensen komen.",
            )
        return translate(
            "PostService", "De post is al gesloten. Open eerst opnieuw als er weer mensen komen."
        )

    def _write(self, data: Mapping[str, Any]) -> PostDetails:
        with self.ctx.write() as uow:
            row = uow.session.get(Post, self._id)
            if row is None:
                raise NotFound(_missing())
            uow.emit("post", self._id, Op.UPDATE, {**data, BASE_KEY: row.updated_hlc})
            uow.session.refresh(row)  # the projection wrote the row anew
            return _details(row, self.ctx.node.is_hub)
