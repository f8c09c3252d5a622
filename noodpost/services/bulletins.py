"""Bulletins (*mededelingen*): information the C-NSP sends to its posts.

Rules that live here and nowhere else:
- only the hub publishes, changes or withdraws a bulletin (hub-owned data, one writer);
- every publish or change writes the whole bulletin with a version number — 1 when new, one
  higher with every change — so the highest version wins on every node;
- withdrawing is a tombstone: a withdrawn bulletin is shown nowhere and cannot be changed;
- a bulletin is current until its ``valid_until`` and for the posts it targets (none = all).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from noodpost.core import cards
from noodpost.core.clock import iso
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.i18n import translate
from noodpost.services.base import ServiceContext, new_id, optional_text, require_text
from noodpost.storage.models import Bulletin

MAX_TITLE = 200
MAX_BODY = 4000


@dataclass(frozen=True)
class BulletinSummary:
    id: str
    title: str
    body: str | None
    valid_until: str | None
    targets: tuple[str, ...]  # post codes; empty means every post
    published_at: str | None
    version: int
    withdrawn: bool

    def is_for(self, post_code: str) -> bool:
        return not self.targets or post_code in self.targets


def _summary(row: Bulletin) -> BulletinSummary:
    return BulletinSummary(
        id=row.id,
        title=row.title,
        body=row.body,
        valid_until=row.valid_until,
        targets=tuple(row.targets or ()),
        published_at=row.published_at,
        version=row.version,
        withdrawn=row.deleted,
    )


def _newest_first(items: Iterable[BulletinSummary]) -> list[BulletinSummary]:
    return sorted(items, key=lambda b: (b.published_at or "", b.version, b.id), reverse=True)


class BulletinsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ------------------------------------------------------------------ reading

    def get(self, bulletin_id: str) -> BulletinSummary:
        with self.ctx.read() as session:
            row = session.get(Bulletin, bulletin_id)
            if row is None:
                raise NotFound(translate("BulletinsService", "Deze mededeling is niet bekend."))
            return _summary(row)

    def current(
        self, post_code: str | None = None, now: datetime | None = None
    ) -> list[BulletinSummary]:
        """Bulletins valid ``now`` and meant for ``post_code``, newest first.

        Without ``post_code``: a post sees what is meant for itself, the hub sees all.
        """
        if post_code is None and not self.ctx.node.is_hub:
            post_code = self.ctx.node.post_code
        moment = iso(now if now is not None else self.ctx.clock.now())
        with self.ctx.read() as session:
            rows = session.scalars(
                select(Bulletin).where(
                    Bulletin.deleted.is_(False),
                    (Bulletin.valid_until.is_(None)) | (Bulletin.valid_until > moment),
                )
            )
            found = [_summary(r) for r in rows]
        return _newest_first(b for b in found if post_code is None or b.is_for(post_code))

    def list_bulletins(self, *, include_withdrawn: bool = False) -> list[BulletinSummary]:
        """Every bulletin, also expired ones (the hub's overview), newest first."""
        with self.ctx.read() as session:
            query = select(Bulletin)
            if not include_withdrawn:
                query = query.where(Bulletin.deleted.is_(False))
            found = [_summary(r) for r in session.scalars(query)]
        return _newest_first(found)

    # ------------------------------------------------------------------ writing (hub only)

    def publish(
        self,
        title: str,
        body: str | None,
        valid_until: datetime | None = None,
        targets: Iterable[str] = (),
    ) -> BulletinSummary:
        """Publish a new bulletin (version 1).

        Raises:
            Refused: this node is not the hub.
            UserError: no title, text too long, an end time in the past, a bad post code.
        """
        self._require_hub()
        data = self._content(title, body, valid_until, targets)
        bulletin_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "bulletin",
                bulletin_id,
                Op.CREATE,
                {**data, "published_at": self.ctx.now_iso(), "version": 1},
            )
            row = uow.session.get(Bulletin, bulletin_id)
            assert row is not None
            return _summary(row)

    def update(
        self,
        bulletin_id: str,
        title: str,
        body: str | None,
        valid_until: datetime | None = None,
        targets: Iterable[str] = (),
    ) -> BulletinSummary:
        """Replace a bulletin's content; its version goes up by one.

        Raises:
            Refused: this node is not the hub, or the bulletin was withdrawn.
            NotFound: no such bulletin.
            UserError: as for :meth:`publish`.
        """
        self._require_hub()
        existing = self.get(bulletin_id)
        if existing.withdrawn:
            raise Refused(
                translate(
                    "BulletinsService",
                    "Deze mededeling is ingetrokken en kan niet meer worden gewijzigd.",
                )
            )
        data = self._content(title, body, valid_until, targets)
        with self.ctx.write() as uow:
            row = uow.session.get(Bulletin, bulletin_id)
            assert row is not None
            uow.emit(
                "bulletin",
                bulletin_id,
                Op.UPDATE,
                {**data, "published_at": row.published_at, "version": row.version + 1},
            )
        return self.get(bulletin_id)

    def withdraw(self, bulletin_id: str) -> None:
        """Withdraw a bulletin everywhere (a tombstone that travels to every post).

        Raises:
            Refused: this node is not the hub, or the bulletin was already withdrawn.
            NotFound: no such bulletin.
        """
        self._require_hub()
        if self.get(bulletin_id).withdrawn:
            raise Refused(translate("BulletinsService", "Deze mededeling is al ingetrokken."))
        with self.ctx.write() as uow:
            uow.emit("bulletin", bulletin_id, Op.DELETE, {})

    # ------------------------------------------------------------------ internals

    def _require_hub(self) -> None:
        if not self.ctx.node.is_hub:
            raise Refused(
                translate(
                    "BulletinsService",
                    "Mededelingen worden verstuurd door het coördinerend noodsteunpunt (C-NSP). "
                    "Vraag de C-NSP om deze mededeling te versturen.",
                )
            )

    def _content(
        self,
        title: str,
        body: str | None,
        valid_until: datetime | None,
        targets: Iterable[str],
    ) -> dict[str, Any]:
        title_value = require_text(title, translate("BulletinsService", "een titel"))
        if len(title_value) > MAX_TITLE:
            raise UserError(
                translate(
                    "BulletinsService", "De titel is te lang (hooguit {most} tekens)."
                ).format(most=MAX_TITLE)
            )
        body_value = optional_text(body)
        if body_value is not None and len(body_value) > MAX_BODY:
            raise UserError(
                translate(
                    "BulletinsService",
                    "De tekst is te lang (hooguit {most} tekens). Maak hem korter.",
                ).format(most=MAX_BODY)
            )
        until: str | None = None
        if valid_until is not None:
            valid_until = valid_until.astimezone(UTC)  # a naive time is local time
            if valid_until <= self.ctx.clock.now():
                raise UserError(
                    translate(
                        "BulletinsService",
                        "De einddatum van de mededeling ligt in het verleden. Kies een moment "
                        "in de toekomst, of laat de einddatum leeg.",
                    )
                )
            until = iso(valid_until)
        codes = sorted({cards.validate_post_code(t) for t in targets})
        return {"title": title_value, "body": body_value, "valid_until": until, "targets": codes}
