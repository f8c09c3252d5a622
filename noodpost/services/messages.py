"""Safe and well (*veilig en wel*): messages for relatives, searchable only with consent.

Rules that live here and nowhere else:
- a message needs the name of the person it is about; everything else is optional;
- a search (by relatives, usually through the C-NSP) finds only messages given with consent;
- the recent list shows only what this post recorded itself: other posts' messages reach a
  reader only through a search, and so only with consent (:meth:`MessagesService.messages_by_id`
  holds to the same rule);
- every search is recorded in the audit log — the kind of search and the number of hits, never
  the name or birth year searched for;
- the found list leaves the database only as a CSV file (docs/veilig-en-wel-csv.md) that a
  signed-in coordinator writes, only messages given with consent, recorded in the audit log.

A message without consent is an event like any other, so it travels with the post's bundles
(encrypted to the recipient): the version vectors need every event of an origin. At the hub
and at other posts it is never shown, found or exported.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select

from noodpost.core.audit import AuditAction
from noodpost.core.clock import parse_iso
from noodpost.core.entities import Op
from noodpost.core.errors import NotFound, UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.localtime import LOCAL_ZONE
from noodpost.core.private_files import make_private
from noodpost.services import passing
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext, new_id, optional_text, require_text
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.models import Household, Post, SafeMessage

OLDEST_BIRTH_YEAR = 1900
MAX_NAME = 200
MAX_MESSAGE = 1000
MAX_CONTACT = 200
#: A search needs at least this many letters of the name (no browsing through everyone).
MIN_SEARCH = 2
_CHUNK = 500

#: The CSV layout of an exported found list (docs/veilig-en-wel-csv.md): keep in step.
CSV_COLUMNS = (
    "bericht_id",
    "naam",
    "geboortejaar",
    "bericht",
    "contact",
    "post_code",
    "post_naam",
    "opgenomen_lokaal",
    "opgenomen_utc",
    "toestemming",
)
CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark, so Excel reads the accents right


@dataclass(frozen=True)
class MessagesExport:
    """A written CSV file of safe-and-well messages."""

    path: Path
    count: int


@dataclass(frozen=True)
class SafeMessageSummary:
    id: str
    name: str
    birth_year: int | None
    message: str | None
    contact: str | None
    consent: bool
    given_at: str | None
    post_code: str
    household_id: str | None


def _summary(row: SafeMessage) -> SafeMessageSummary:
    return SafeMessageSummary(
        id=row.id,
        name=row.name,
        birth_year=row.birth_year,
        message=row.message,
        contact=row.contact,
        consent=row.consent,
        given_at=row.given_at,
        post_code=row.post_code,
        household_id=row.household_id,
    )


def _limited(text: str | None, max_len: int, what: str) -> str | None:
    value = optional_text(text)
    if value is not None and len(value) > max_len:
        raise UserError(
            translate(
                "MessagesService", "{what} is te lang (hooguit {most} tekens). Maak het korter."
            ).format(what=what, most=max_len)
        )
    return value


def _newest_first(rows: list[SafeMessageSummary]) -> list[SafeMessageSummary]:
    return sorted(rows, key=lambda m: (m.given_at or "", m.id), reverse=True)


class MessagesService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def record(
        self,
        name: str,
        message: str | None,
        consent: bool,
        birth_year: int | None = None,
        contact: str | None = None,
        household_id: str | None = None,
    ) -> SafeMessageSummary:
        """Record a safe-and-well message.

        Raises:
            UserError: no name, a text too long, an impossible birth year.
            NotFound: ``household_id`` is not a known household.
        """
        name_value = require_text(name, translate("MessagesService", "de naam"))
        if len(name_value) > MAX_NAME:
            raise UserError(
                translate("MessagesService", "De naam is te lang (hooguit {most} tekens).").format(
                    most=MAX_NAME
                )
            )
        message_value = _limited(message, MAX_MESSAGE, translate("MessagesService", "Het bericht"))
        contact_value = _limited(
            contact, MAX_CONTACT, translate("MessagesService", "De contactgegevens")
        )
        if not isinstance(consent, bool):
            raise UserError(
                translate(
                    "MessagesService",
                    "Geef aan of de bewoner toestemming geeft om gevonden te worden.",
                )
            )
        if birth_year is not None and not (
            OLDEST_BIRTH_YEAR <= birth_year <= self.ctx.clock.now().year
        ):
            raise UserError(
                translate("MessagesService", "Geboortejaar {year} klopt niet.").format(
                    year=birth_year
                )
            )
        if household_id is not None:
            with self.ctx.read() as session:
                household = session.get(Household, household_id)
                if household is None or household.deleted:
                    raise NotFound(
                        translate("MessagesService", "Dit huishouden is niet (meer) bekend.")
                    )
        message_id = new_id()
        with self.ctx.write() as uow:
            uow.emit(
                "safe_message",
                message_id,
                Op.CREATE,
                {
                    "post_code": self.ctx.node.post_code,
                    "household_id": household_id,
                    "name": name_value,
                    "birth_year": birth_year,
                    "message": message_value,
                    "contact": contact_value,
                    "consent": consent,
                    "given_at": self.ctx.now_iso(),
                },
            )
            passing.record_passing(self.ctx, uow, household_id)
            row = uow.session.get(SafeMessage, message_id)
            assert row is not None
            return _summary(row)

    def search(self, name: str, birth_year: int | None = None) -> list[SafeMessageSummary]:
        """Messages given with consent whose name contains ``name`` (any case), newest first.

        Every search is recorded in the audit log (how it searched and how many it found).

        With a birth year, messages with another known birth year are left out; messages
        without a birth year stay in (they may be the same person).

        Raises:
            UserError: fewer than two letters to search for; an impossible birth year.
        """
        wanted = require_text(
            name, translate("MessagesService", "een naam om te zoeken")
        ).casefold()
        if len(wanted) < MIN_SEARCH:
            raise UserError(
                translate("MessagesService", "Typ minstens {least} letters van de naam.").format(
                    least=MIN_SEARCH
                )
            )
        if birth_year is not None and not (
            OLDEST_BIRTH_YEAR <= birth_year <= self.ctx.clock.now().year
        ):
            raise UserError(
                translate("MessagesService", "Geboortejaar {year} klopt niet.").format(
                    year=birth_year
                )
            )
        with self.ctx.read() as session:
            query = select(SafeMessage).where(
                SafeMessage.consent.is_(True), SafeMessage.deleted.is_(False)
            )
            if birth_year is not None:
                query = query.where(
                    (SafeMessage.birth_year == birth_year) | SafeMessage.birth_year.is_(None)
                )
            # casefold in Python: SQLite's lower() only knows ASCII, and names are not.
            found = [_summary(r) for r in session.scalars(query) if wanted in r.name.casefold()]
        kind = "naam en geboortejaar" if birth_year is not None else "naam"
        AuditService(self.ctx).record(
            AuditAction.SEARCH_MESSAGES, f"zoeken op {kind}: {len(found)} gevonden"
        )
        return _newest_first(found)

    def list_recent(self, limit: int = 50) -> list[SafeMessageSummary]:
        """The latest messages this post recorded (with or without consent), newest first."""
        if limit < 1:
            return []
        with self.ctx.read() as session:
            rows = session.scalars(
                select(SafeMessage)
                .where(
                    SafeMessage.post_code == self.ctx.node.post_code,
                    SafeMessage.deleted.is_(False),
                )
                .order_by(SafeMessage.given_at.desc(), SafeMessage.id.desc())
                .limit(limit)
            )
            return [_summary(r) for r in rows]

    def recent_ids(self) -> list[str]:
        """The ids of every message this post recorded, newest first (the list on the page)."""
        with self.ctx.read() as session:
            return list(
                session.scalars(
                    select(SafeMessage.id)
                    .where(
                        SafeMessage.post_code == self.ctx.node.post_code,
                        SafeMessage.deleted.is_(False),
                    )
                    .order_by(SafeMessage.given_at.desc(), SafeMessage.id.desc())
                )
            )

    def search_ids(self, name: str, birth_year: int | None = None) -> list[str]:
        """The ids of what :meth:`search` finds (only with consent; audited like a search)."""
        return [m.id for m in self.search(name, birth_year)]

    def messages_by_id(self, ids: Sequence[str]) -> dict[str, SafeMessageSummary]:
        """These messages, by id: this post's own, and other posts' only with consent.

        Unknown ids, and other posts' messages given without consent, are left out.
        """
        wanted = list(dict.fromkeys(ids))
        found: dict[str, SafeMessageSummary] = {}
        with self.ctx.read() as session:
            for start in range(0, len(wanted), _CHUNK):
                rows = session.scalars(
                    select(SafeMessage).where(
                        SafeMessage.id.in_(wanted[start : start + _CHUNK]),
                        SafeMessage.deleted.is_(False),
                        or_(
                            SafeMessage.post_code == self.ctx.node.post_code,
                            SafeMessage.consent.is_(True),
                        ),
                    )
                )
                found.update((r.id, _summary(r)) for r in rows)
        return found

    # ------------------------------------------------------------------ export

    def export_csv(self, path: Path, message_ids: Sequence[str]) -> MessagesExport:
        """Write these messages (a found list) to ``path`` as CSV; only those given with consent.

        The layout is documented in docs/veilig-en-wel-csv.md. The file is written as
        ``<path>.partial`` and renamed when complete, so an interrupted export leaves no file
        that looks finished.

        Raises:
            Refused: the signed-in volunteer is not a coordinator.
            UserError: nothing to export; the file cannot be written.
        """
        VolunteersService(self.ctx).require_coordinator()
        wanted = list(dict.fromkeys(message_ids))
        rows: list[tuple[SafeMessage, str]] = []
        with self.ctx.read() as session:
            names = {c: n for c, n in session.execute(select(Post.post_code, Post.name))}
            for start in range(0, len(wanted), _CHUNK):
                found = session.scalars(
                    select(SafeMessage).where(
                        SafeMessage.id.in_(wanted[start : start + _CHUNK]),
                        SafeMessage.deleted.is_(False),
                        SafeMessage.consent.is_(True),
                    )
                )
                rows.extend((r, names.get(r.post_code, "")) for r in found)
        if not rows:
            raise UserError(
                translate(
                    "MessagesService",
                    "Er is niets om te exporteren: zoek eerst, alleen berichten met toestemming "
                    "worden meegenomen.",
                )
            )
        rows.sort(key=lambda pair: (pair[0].given_at or "", pair[0].id), reverse=True)
        data = _csv_bytes(rows)
        _write_atomically(Path(path), data)
        AuditService(self.ctx).record(
            AuditAction.EXPORT, f"veilig en wel {Path(path).name}: {len(rows)} berichten"
        )
        return MessagesExport(Path(path), len(rows))


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _csv_bytes(rows: Sequence[tuple[SafeMessage, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    out.writerow(CSV_COLUMNS)
    for m, post_name in rows:
        given = parse_iso(m.given_at) if m.given_at else None
        out.writerow(
            (
                m.id,
                _one_line(m.name),
                "" if m.birth_year is None else str(m.birth_year),
                _one_line(m.message),
                _one_line(m.contact),
                m.post_code,
                post_name,
                given.astimezone(LOCAL_ZONE).strftime("%Y-%m-%d %H:%M") if given else "",
                m.given_at or "",
                "ja",
            )
        )
    return buffer.getvalue().encode(CSV_ENCODING)


def _write_atomically(path: Path, data: bytes) -> None:
    """``path.partial``, fsync, rename, fsync the folder; no half file is ever at ``path``."""
    if path.is_dir():
        raise UserError(
            translate("MessagesService", "{path} is een map. Geef een bestandsnaam.").format(
                path=path
            )
        )
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as handle:
            make_private(partial)  # names and contacts: 0600 on POSIX, wherever it goes
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        with contextlib.suppress(OSError):
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except OSError as failed:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise UserError(
            translate(
                "MessagesService",
                "Kan {path} niet schrijven ({reason}). "
                "Controleer of de map bestaat, de schijf niet vol is en er geschreven mag worden, "
                "en kies zo nodig een andere plek.",
            ).format(path=path, reason=os_reason(failed))
        ) from failed
