"""Exports for the coordinating point: one CSV per entity, or one XLSX sheet per entity.

Every table has two header rows: Dutch column names, and under them an HXL hashtag row
(https://hxlstandard.org/standard/1-1final/dictionary/) so humanitarian tools can read the
columns without knowing Noodpost. ``docs/exports.md`` lists every column and its tag.

Rules that live here and nowhere else (DESIGN §3.6):

- the default export holds no personal data: no names, birth years, postcodes, phone numbers
  or contact details, no health flags, no card codes, and no free text typed by volunteers
  (notes, reasons, messages, logbook text), which may name people. Household ids, sizes and
  posts are fine;
- an export *with* personal data needs a signed-in coordinator; anyone else is refused and
  nothing is written;
- every export is recorded in the audit log: the file or folder name and whether it holds
  personal data;
- files are written as ``NAME.partial`` and renamed when complete, so an interrupted export
  leaves nothing that looks finished.

At a post the export holds that post's records; at the hub, every post's.
"""

from __future__ import annotations

import csv
import errno
import io
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.audit import AuditAction
from noodpost.core.clock import parse_iso
from noodpost.core.durable import fsync_dir
from noodpost.core.errors import Refused, UserError
from noodpost.core.rations import local_time
from noodpost.core.vocabulary import label
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext, post_scope
from noodpost.services.supply_ledger import stock_totals
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.models import (
    Alarm,
    Bulletin,
    ChargingTicket,
    Distribution,
    Household,
    LogEntry,
    Need,
    Person,
    Post,
    SafeMessage,
    Shift,
    StockMovement,
    SupplyItem,
    Visit,
    Volunteer,
)

log = logging.getLogger(__name__)

WITH_PERSONAL = "met persoonsgegevens"
WITHOUT_PERSONAL = "zonder persoonsgegevens"

#: What an export with personal data adds, for the confirmation a coordinator reads.
PERSONAL_CONTENTS = (
    "namen en geboortejaren van huishoudens en gezinsleden",
    "postcodes, kaartcodes en de gezondheidskenmerken (met toestemming vastgelegd)",
    "veilig-en-welberichten met naam, bericht en contactgegevens",
    "namen en telefoonnummers van vrijwilligers",
    "alle vrije tekst: notities, redenen, omschrijvingen en logboekregels",
)


# ---------------------------------------------------------------- values


def local_iso(stored: str | None) -> str:
    """A stored time (UTC ISO) as Dutch local time with offset, to the second:
    ``2026-11-28T10:00:00+01:00``; empty when there is none."""
    if not stored:
        return ""
    return local_time(parse_iso(stored)).replace(microsecond=0).isoformat()


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return "ja" if value else "nee"


def _joined(values: Sequence[Any] | None, *, labelled: bool = False) -> str:
    return "; ".join(label(str(v)) if labelled else str(v) for v in values or ())


def _label(value: str | None) -> str:
    return label(value) if value else ""


# ---------------------------------------------------------------- the tables


@dataclass(frozen=True)
class Column:
    """One exported column: Dutch header, HXL hashtag, and how to get the value from a row."""

    header: str
    tag: str
    value: Callable[[Any], Any]
    personal: bool = False


@dataclass(frozen=True)
class Table:
    """One exported entity: ``name`` is the file name (``households.csv``) and sheet name."""

    name: str
    title: str
    columns: tuple[Column, ...]
    personal_only: bool = False

    def columns_for(self, personal: bool) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if personal or not c.personal)


def _c(header: str, tag: str, attr: str, *, personal: bool = False) -> Column:
    return Column(header, tag, lambda row: getattr(row, attr), personal)


_ID = _c("id", "#meta+id", "id")
_POST = _c("post", "#loc+code", "post_code")
_HOUSEHOLD = _c("huishouden", "#meta+household", "household_id")


def _t(header: str, tag: str, attr: str, *, personal: bool = False) -> Column:
    return Column(header, tag, lambda row: local_iso(getattr(row, attr)), personal)


def _l(header: str, tag: str, attr: str) -> Column:
    return Column(header, tag, lambda row: _label(getattr(row, attr)))


TABLES: tuple[Table, ...] = (
    Table(
        "posts",
        "Noodsteunpunten",
        (
            _POST,
            _c("naam", "#loc+name", "name"),
            _l("rol", "#meta+role", "role"),
            _c("capaciteit", "#capacity+ind", "capacity"),
            _c("adres", "#loc+address", "address"),
            Column("open", "#status", lambda r: _yes_no(r.is_open)),
            _c("openingstijden", "#meta+hours", "opening_hours"),
            Column("diensten", "#service+name", lambda r: _joined(r.services, labelled=True)),
            _t("gesloten op", "#date+closed", "closed_at"),
        ),
    ),
    Table(
        "households",
        "Huishoudens",
        (
            _ID,
            _POST,
            _c("personen", "#affected+ind", "size"),
            _t("ingeschreven", "#date+registered", "registered_at"),
            _c("taal", "#meta+lang", "language"),
            Column("geanonimiseerd", "#meta+anonymised", lambda r: _yes_no(r.anonymised)),
            _c("kaartcode", "#meta+card", "card_code", personal=True),
            _c("naam", "#beneficiary+name", "name", personal=True),
            _c("geboortejaar", "#beneficiary+birth_year", "birth_year", personal=True),
            _c("postcode", "#loc+postcode", "postcode", personal=True),
            Column(
                "kenmerken",
                "#beneficiary+flags",
                lambda r: _joined(r.flags, labelled=True),
                personal=True,
            ),
            Column(
                "toestemming",
                "#beneficiary+consent",
                lambda r: "; ".join(
                    f"{label(k)} {v}" for k, v in sorted((r.consents or {}).items())
                ),
                personal=True,
            ),
        ),
    ),
    Table(
        "persons",
        "Gezinsleden",
        (
            _ID,
            _HOUSEHOLD,
            _c("naam", "#beneficiary+name", "name", personal=True),
            _c("geboortejaar", "#beneficiary+birth_year", "birth_year", personal=True),
        ),
        personal_only=True,
    ),
    Table(
        "visits",
        "Bezoeken",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _c("personen", "#affected+ind", "persons"),
            _t("aangemeld", "#date+start", "checked_in_at"),
            _t("afgemeld", "#date+end", "checked_out_at"),
            _l("status", "#status", "status"),
        ),
    ),
    Table(
        "needs",
        "Hulpvragen",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _l("categorie", "#sector", "category"),
            _l("urgentie", "#severity", "urgency"),
            _l("status", "#status", "status"),
            _t("geopend", "#date+opened", "opened_at"),
            _c("doorverwezen naar", "#org+referral", "referred_to"),
            _c("notitie", "#description", "note", personal=True),
            _c("statusnotitie", "#description+status", "status_note", personal=True),
        ),
    ),
    Table(
        "distributions",
        "Uitgiften",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _c("artikel", "#item+code", "item_code"),
            _c("hoeveelheid", "#item+num", "quantity"),
            _c("eenheid", "#item+unit", "unit"),
            _t("tijd", "#date", "at"),
            _c("draait terug", "#meta+corrects", "corrects"),
            _c("reden", "#description+reason", "override_reason", personal=True),
        ),
    ),
    Table(
        "stock",
        "Voorraad",
        (
            _POST,
            _c("artikel", "#item+code", "item_code"),
            _c("naam", "#item+name", "item_name"),
            _c("eenheid", "#item+unit", "unit"),
            _c("voorraad", "#item+num+stock", "quantity"),
            _c("minimum", "#item+num+min", "min_stock"),
            Column("onder minimum", "#status+low", lambda r: _yes_no(r.below_minimum)),
        ),
    ),
    Table(
        "stock_movements",
        "Voorraadmutaties",
        (
            _ID,
            _POST,
            _c("artikel", "#item+code", "item_code"),
            _l("soort", "#meta+kind", "kind"),
            _c("hoeveelheid", "#item+num", "quantity"),
            _c("eenheid", "#item+unit", "unit"),
            _t("tijd", "#date", "at"),
            _c("reden of herkomst", "#description+reason", "reason", personal=True),
        ),
    ),
    Table(
        "supply_items",
        "Voorraadlijst",
        (
            _ID,
            _c("code", "#item+code", "code"),
            _c("naam", "#item+name", "name"),
            _c("eenheid", "#item+unit", "unit"),
            _c("categorie", "#item+type", "category"),
            _c("per persoon per dag", "#item+num+ration_ind", "ration_per_person_per_day"),
            _c("per huishouden per dag", "#item+num+ration_hh", "ration_per_household_per_day"),
            _c("minimum", "#item+num+min", "min_stock"),
            Column("vervallen", "#status", lambda r: _yes_no(r.retired)),
        ),
    ),
    Table(
        "alarms",
        "Noodmeldingen",
        (
            _ID,
            _POST,
            _l("soort", "#event+type", "type"),
            _l("urgentie", "#severity", "urgency"),
            _l("status", "#status", "status"),
            _c("plek", "#loc+address", "location"),
            _c("betrokken personen", "#affected+ind", "persons"),
            _t("gemeld", "#date+reported", "raised_at"),
            _t("bevestigd", "#date+acknowledged", "acknowledged_at"),
            _c("bevestigd door", "#contact+name+ack", "acknowledged_by", personal=True),
            _c("omschrijving", "#description", "description", personal=True),
            _c("statusnotitie", "#description+status", "status_note", personal=True),
        ),
    ),
    Table(
        "charging_tickets",
        "Oplaadbonnen",
        (
            _ID,
            _POST,
            _c("bonnummer", "#meta+ticket", "number"),
            _HOUSEHOLD,
            _c("apparaat", "#item+name", "device"),
            _t("ingenomen", "#date+start", "checked_in_at"),
            _t("teruggegeven", "#date+end", "returned_at"),
            _l("status", "#status", "status"),
        ),
    ),
    Table(
        "safe_messages",
        "Veilig-en-welberichten",
        (
            _ID,
            _POST,
            _HOUSEHOLD,
            _t("gegeven", "#date", "given_at"),
            Column("toestemming", "#meta+consent", lambda r: _yes_no(r.consent)),
            _c("naam", "#beneficiary+name", "name", personal=True),
            _c("geboortejaar", "#beneficiary+birth_year", "birth_year", personal=True),
            _c("bericht", "#description", "message", personal=True),
            _c("contact", "#contact+info", "contact", personal=True),
        ),
    ),
    Table(
        "volunteers",
        "Vrijwilligers",
        (
            _ID,
            _POST,
            _l("rol", "#meta+role", "role"),
            Column("actief", "#status", lambda r: _yes_no(r.active is not False)),
            Column("vaardigheden", "#meta+skills", lambda r: _joined(r.skills)),
            _c("naam", "#contact+name", "name", personal=True),
            _c("telefoon", "#contact+phone", "phone", personal=True),
        ),
    ),
    Table(
        "shifts",
        "Diensten",
        (
            _ID,
            _POST,
            _c("vrijwilliger", "#meta+volunteer", "volunteer_id"),
            _c("taak", "#activity", "task"),
            _t("begonnen", "#date+start", "started_at"),
            _t("beëindigd", "#date+end", "ended_at"),
            _l("status", "#status", "status"),
            _c("overdracht", "#description", "handover_note", personal=True),
        ),
    ),
    Table(
        "log_entries",
        "Logboek",
        (
            _ID,
            _POST,
            _t("tijd", "#date", "at"),
            _c("categorie", "#meta+category", "category"),
            Column("automatisch", "#meta+automatic", lambda r: _yes_no(r.automatic)),
            _c("tekst", "#description", "text", personal=True),
        ),
    ),
    Table(
        "bulletins",
        "Mededelingen",
        (
            _ID,
            _c("titel", "#description+title", "title"),
            _c("tekst", "#description", "body"),
            _t("gepubliceerd", "#date+published", "published_at"),
            _t("geldig tot", "#date+end", "valid_until"),
            Column("voor posten", "#loc+code+target", lambda r: _joined(r.targets)),
            _c("versie", "#meta+version", "version"),
        ),
    ),
)


def tables_for(personal: bool) -> list[Table]:
    """The tables an export holds, in file order."""
    return [t for t in TABLES if personal or not t.personal_only]


# ---------------------------------------------------------------- reading rows


@dataclass(frozen=True)
class _ItemRow:
    """A distribution or stock movement with its item's code and unit beside it."""

    row: Any
    item_code: str
    unit: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


@dataclass(frozen=True)
class _StockRow:
    post_code: str
    item_code: str
    item_name: str
    unit: str
    quantity: float
    min_stock: float | None
    below_minimum: bool


def _stock_rows(session: Session, ctx: ServiceContext) -> Iterator[_StockRow]:
    codes = None if ctx.node.is_hub else [ctx.node.post_code]
    totals = {key: t.quantity for key, t in stock_totals(session, codes).items()}
    items = {i.id: i for i in session.scalars(select(SupplyItem))}
    for (post_code, item_id), total in sorted(totals.items()):
        item = items.get(item_id)
        quantity = round(total, 6) + 0.0
        minimum = item.min_stock if item is not None else None
        yield _StockRow(
            post_code=post_code,
            item_code=item.code if item is not None else item_id,
            item_name=item.name if item is not None else "",
            unit=item.unit if item is not None else "",
            quantity=quantity,
            min_stock=minimum,
            below_minimum=minimum is not None and quantity < minimum,
        )


_MODELS: dict[str, Any] = {
    "posts": Post,
    "households": Household,
    "visits": Visit,
    "needs": Need,
    "distributions": Distribution,
    "stock_movements": StockMovement,
    "supply_items": SupplyItem,
    "alarms": Alarm,
    "charging_tickets": ChargingTicket,
    "safe_messages": SafeMessage,
    "volunteers": Volunteer,
    "shifts": Shift,
    "log_entries": LogEntry,
    "bulletins": Bulletin,
}

_ORDER: dict[str, Any] = {
    "visits": Visit.checked_in_at,
    "needs": Need.opened_at,
    "distributions": Distribution.at,
    "stock_movements": StockMovement.at,
    "alarms": Alarm.raised_at,
    "charging_tickets": ChargingTicket.number,
    "log_entries": LogEntry.at,
    "households": Household.registered_at,
    "shifts": Shift.started_at,
    "safe_messages": SafeMessage.given_at,
}


def _rows(session: Session, ctx: ServiceContext, table: Table) -> Iterator[Any]:
    if table.name == "stock":
        yield from _stock_rows(session, ctx)
        return
    if table.name == "persons":
        households = select(Household.id).where(*post_scope(ctx, Household))
        yield from session.scalars(
            select(Person)
            .where(Person.deleted.is_(False), Person.household_id.in_(households))
            .order_by(Person.household_id, Person.id)
        )
        return
    model = _MODELS[table.name]
    if table.name in {"posts", "supply_items", "bulletins"}:
        filters = [model.deleted.is_(False)]
    else:
        filters = post_scope(ctx, model)
    order = [_ORDER[table.name]] if table.name in _ORDER else []
    query = select(model).where(*filters).order_by(*order, model.id)
    if table.name in {"distributions", "stock_movements"}:
        items = {i.id: i for i in session.scalars(select(SupplyItem))}
        for row in session.scalars(query):
            item = items.get(row.item_id)
            yield _ItemRow(row, item.code if item else row.item_id, item.unit if item else "")
        return
    yield from session.scalars(query)


def _cell(value: Any) -> Any:
    """A value as spreadsheets take it: text, a number, or empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# ---------------------------------------------------------------- writing files


def cannot_write_message(path: Path, error: OSError) -> str:
    """A Dutch line that says why ``path`` cannot be written and what to do."""
    if isinstance(error, FileNotFoundError) or not path.parent.is_dir():
        return f"Kan {path} niet schrijven: bestaat de map {path.parent}? Kies een bestaande map."
    if isinstance(error, PermissionError):
        return (
            f"Kan {path} niet schrijven: er is geen toestemming om in die map te schrijven. "
            "Kies een andere map."
        )
    if error.errno == errno.ENOSPC:
        return f"Kan {path} niet schrijven: de schijf is vol. Kies een andere plek."
    reason = error.strerror or type(error).__name__
    return f"Kan {path} niet schrijven ({reason}). Kies een andere plek."


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through ``path``.partial: flushed, synced, then renamed.

    Raises:
        UserError: the file cannot be written (missing folder, no permission, disk full).
    """
    if path.is_dir():
        raise UserError(f"{path} is een map. Geef een bestandsnaam.")
    partial = path.with_name(path.name + ".partial")
    done = False
    try:
        with partial.open("wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        done = True
        fsync_dir(path.parent)
    except OSError as err:
        raise UserError(cannot_write_message(path, err)) from err
    finally:
        if not done:
            partial.unlink(missing_ok=True)


def writer(data: bytes) -> Callable[[IO[bytes]], None]:
    """A ``write`` for :func:`write_atomically` that writes ``data``."""

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write


def prepare_folder(folder: Path) -> None:
    """Make sure ``folder`` exists (its parent must); refuse a file in its place."""
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is een bestand, geen map. Kies een map.")
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise UserError(
            f"Kan de map {folder} niet maken: bestaat {folder.parent}? Kies een bestaande map."
        ) from err


# ---------------------------------------------------------------- the service


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes:
        path: the folder (CSV) or file (XLSX) written.
        tables: the names of the files or sheets, in order.
        rows: data rows over all tables.
        personal: whether personal data was included.
    """

    path: Path
    tables: tuple[str, ...]
    rows: int
    personal: bool

    @property
    def summary(self) -> str:
        what = WITH_PERSONAL if self.personal else WITHOUT_PERSONAL
        count = "1 tabel" if len(self.tables) == 1 else f"{len(self.tables)} tabellen"
        return f"Export {what} geschreven naar {self.path}: {count}, {self.rows} regels."


class ExportService:
    """CSV and XLSX exports with HXL tags; personal data only for a coordinator."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def may_export_personal(self) -> bool:
        """True when the signed-in volunteer is an active coordinator."""
        try:
            self._require_coordinator()
        except Refused:
            return False
        return True

    def export_csv(self, folder: Path, *, personal: bool = False) -> ExportResult:
        """One ``<table>.csv`` per entity in ``folder`` (made when missing).

        Raises:
            Refused: personal data asked for by someone who is not a signed-in coordinator.
            UserError: the folder or a file cannot be written.
        """
        if personal:
            self._require_coordinator()
        data = self._collect(personal)
        prepare_folder(folder)
        total = 0
        for table, rows in data:
            text = io.StringIO()
            out = csv.writer(text, lineterminator="\r\n")
            columns = table.columns_for(personal)
            out.writerow([c.header for c in columns])
            out.writerow([c.tag for c in columns])
            out.writerows(rows)
            encoded = text.getvalue().encode("utf-8")
            write_atomically(folder / f"{table.name}.csv", writer(encoded))
            total += len(rows)
        result = ExportResult(folder, tuple(f"{t.name}.csv" for t, _ in data), total, personal)
        self._audit(folder.name or str(folder), personal)
        return result

    def export_xlsx(self, path: Path, *, personal: bool = False) -> ExportResult:
        """One workbook with a sheet per entity, the same two header rows as the CSV files.

        Raises:
            Refused: personal data asked for by someone who is not a signed-in coordinator.
            UserError: the file cannot be written.
        """
        if personal:
            self._require_coordinator()
        data = self._collect(personal)
        from openpyxl import Workbook  # noqa: PLC0415 - 0.1 s of imports, only when exporting

        workbook = Workbook(write_only=True)
        total = 0
        for table, rows in data:
            sheet = workbook.create_sheet(title=table.name[:31])
            columns = table.columns_for(personal)
            sheet.append([c.header for c in columns])
            sheet.append([c.tag for c in columns])
            for row in rows:
                sheet.append(row)
            total += len(rows)
        buffer = io.BytesIO()
        workbook.save(buffer)
        write_atomically(path, writer(buffer.getvalue()))
        self._audit(path.name, personal)
        return ExportResult(path, tuple(t.name for t, _ in data), total, personal)

    # ------------------------------------------------------------------ helpers

    def _collect(self, personal: bool) -> list[tuple[Table, list[list[Any]]]]:
        collected: list[tuple[Table, list[list[Any]]]] = []
        with self.ctx.read() as session:
            for table in tables_for(personal):
                columns = table.columns_for(personal)
                rows = [
                    [_cell(c.value(row)) for c in columns]
                    for row in _rows(session, self.ctx, table)
                ]
                collected.append((table, rows))
        return collected

    def _require_coordinator(self) -> None:
        volunteers = VolunteersService(self.ctx)
        try:
            volunteers.require_coordinator()
        except Refused:
            if volunteers.signed_in() is None:
                raise
            raise Refused(
                "Een export met persoonsgegevens mag alleen een coördinator maken. Vraag de "
                "coördinator van dienst, of exporteer zonder persoonsgegevens."
            ) from None

    def _audit(self, name: str, personal: bool) -> None:
        what = WITH_PERSONAL if personal else WITHOUT_PERSONAL
        AuditService(self.ctx).record(AuditAction.EXPORT, f"{name} {what}")
