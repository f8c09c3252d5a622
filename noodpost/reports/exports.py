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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from noodpost.core.audit import AuditAction
from noodpost.core.durable import fsync_dir
from noodpost.core.dutch import count
from noodpost.core.errors import Refused, UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.private_files import make_private
from noodpost.reports.export_tables import Table, cell, table_rows, tables_for
from noodpost.services.audit import AuditService
from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService

log = logging.getLogger(__name__)

#: How the audit log names an export with or without personal data (recorded: Dutch).
WITH_PERSONAL = "met persoonsgegevens"
WITHOUT_PERSONAL = "zonder persoonsgegevens"


def personal_contents() -> tuple[str, ...]:
    """What an export with personal data adds, for the confirmation a coordinator reads."""
    return (
        translate("Exports", "namen en geboortejaren van huishoudens en gezinsleden"),
        translate(
            "Exports",
            "postcodes, kaartcodes en de gezondheidskenmerken (met toestemming vastgelegd)",
        ),
        translate("Exports", "veilig-en-welberichten met naam, bericht en contactgegevens"),
        translate("Exports", "namen en telefoonnummers van vrijwilligers"),
        translate(
            "Exports", "alle vrije tekst: notities, redenen, omschrijvingen en logboekregels"
        ),
    )


# ---------------------------------------------------------------- writing files


def cannot_write_message(path: Path, error: OSError) -> str:
    """A line that says why ``path`` cannot be written and what to do."""
    if isinstance(error, FileNotFoundError) or not path.parent.is_dir():
        return translate(
            "Exports",
            "Kan {path} niet schrijven: bestaat de map {folder}? Kies een bestaande map.",
        ).format(path=path, folder=path.parent)
    if isinstance(error, PermissionError):
        return translate(
            "Exports",
            "Kan {path} niet schrijven: er is geen toestemming om in die map te schrijven. "
            "Kies een andere map.",
        ).format(path=path)
    if error.errno == errno.ENOSPC:
        return translate(
            "Exports", "Kan {path} niet schrijven: de schijf is vol. Kies een andere plek."
        ).format(path=path)
    return translate(
        "Exports", "Kan {path} niet schrijven ({reason}). Kies een andere plek."
    ).format(path=path, reason=os_reason(error))


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write ``path`` through ``path``.partial: flushed, synced, then renamed.

    Raises:
        UserError: the file cannot be written (missing folder, no permission, disk full).
    """
    if path.is_dir():
        raise UserError(
            translate("Exports", "{path} is een map. Geef een bestandsnaam.").format(path=path)
        )
    partial = path.with_name(path.name + ".partial")
    done = False
    try:
        with partial.open("wb") as handle:
            make_private(partial)  # 0600 on POSIX, also a partial file left by a crash
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
        raise UserError(
            translate("Exports", "{folder} is een bestand, geen map. Kies een map.").format(
                folder=folder
            )
        )
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise UserError(
            translate(
                "Exports",
                "Kan de map {folder} niet maken: bestaat {parent}? Kies een bestaande map.",
            ).format(folder=folder, parent=folder.parent)
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
        """``Export zonder persoonsgegevens geschreven naar …: 12 tabellen, 340 regels.``"""
        if self.personal:
            what = translate("Exports", "met persoonsgegevens")
        else:
            what = translate("Exports", "zonder persoonsgegevens")
        tables = count(
            len(self.tables), translate("Exports", "tabel"), translate("Exports", "tabellen")
        )
        rows = count(self.rows, translate("Exports", "regel"), translate("Exports", "regels"))
        return translate(
            "Exports", "Export {what} geschreven naar {path}: {tables}, {rows}."
        ).format(what=what, path=self.path, tables=tables, rows=rows)


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
            write_atomically(folder / f"{table.file_stem}.csv", writer(encoded))
            total += len(rows)
        result = ExportResult(folder, tuple(f"{t.file_stem}.csv" for t, _ in data), total, personal)
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
            sheet = workbook.create_sheet(title=table.file_stem[:31])
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
        return ExportResult(path, tuple(t.file_stem for t, _ in data), total, personal)

    # ------------------------------------------------------------------ helpers

    def _collect(self, personal: bool) -> list[tuple[Table, list[list[Any]]]]:
        collected: list[tuple[Table, list[list[Any]]]] = []
        with self.ctx.read() as session:
            for table in tables_for(personal):
                columns = table.columns_for(personal)
                rows = [
                    [cell(c.value(row)) for c in columns]
                    for row in table_rows(session, self.ctx, table)
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
                translate(
                    "Exports",
                    "Een export met persoonsgegevens mag alleen een coördinator maken. Vraag de "
                    "coördinator van dienst, of exporteer zonder persoonsgegevens.",
                )
            ) from None

    def _audit(self, name: str, personal: bool) -> None:
        what = WITH_PERSONAL if personal else WITHOUT_PERSONAL
        AuditService(self.ctx).record(AuditAction.EXPORT, f"{name} {what}")
