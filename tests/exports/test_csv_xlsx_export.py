"""CSV and XLSX exports: HXL tags under the headers — personal data only for a coordinator."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import hxl
import pytest
from exportkit import COORDINATOR_PIN, PERSONAL_STRINGS, VOLUNTEER_PIN, Seeded, audit_entries
from openpyxl import load_workbook

from noodpost.core.audit import AuditAction
from noodpost.core.errors import Refused
from noodpost.reports.exports import ExportService
from noodpost.storage.eventlog import count_events


def _hxl(path: Path) -> Any:
    """The file as libhxl reads it (from memory: libhxl leaves the files it wraps open)."""
    return hxl.data(io.BytesIO(path.read_bytes()))


def _hxl_rows(path: Path) -> tuple[list[str], list[Any]]:
    source = _hxl(path)
    return list(source.display_tags), list(source)


def _all_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))


def _events(seeded: Seeded) -> int:
    with seeded.ctx.read() as session:
        return count_events(session)


def test_default_csv_export_has_hxl_tags_and_no_personal_data(
    seeded: Seeded, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    result = ExportService(seeded.ctx).export_csv(folder)

    names = {p.name for p in folder.iterdir()}
    assert names == set(result.tables)
    assert {
        "huishoudens.csv",
        "bezoeken.csv",
        "uitgiften.csv",
        "hulpvragen.csv",
        "noodmeldingen.csv",
    } <= names
    assert {
        "voorraad.csv",
        "voorraadlijst.csv",
        "posten.csv",
        "veilig-en-welberichten.csv",
    } <= names
    assert "gezinsleden.csv" not in names  # a table of names only: with personal data only

    tags, households = _hxl_rows(folder / "huishoudens.csv")
    assert tags[:3] == ["#meta+id", "#loc+code", "#affected+ind"]
    assert "#beneficiary+name" not in tags
    assert sorted(int(row.get("#affected+ind")) for row in households) == [2, 4]
    assert {row.get("#loc+code") for row in households} == {"GR-0014"}

    tags, given = _hxl_rows(folder / "uitgiften.csv")
    assert {"#item+code", "#item+num", "#date"} <= set(tags)
    assert [(r.get("#item+code"), r.get("#item+num")) for r in given] == [
        ("water", "3"),
        ("water", "3"),
    ]
    _, stock = _hxl_rows(folder / "voorraad.csv")
    water = next(r for r in stock if r.get("#item+code") == "water")
    assert water.get("#item+num+stock") == "94"  # 100 delivered − 3 − 3
    _, alarms = _hxl_rows(folder / "noodmeldingen.csv")
    assert sorted(r.get("#status") for r in alarms) == ["bevestigd", "geannuleerd", "open"]
    _, needs = _hxl_rows(folder / "hulpvragen.csv")
    assert sorted(r.get("#sector") for r in needs) == ["medische zorg", "voedsel en water"]

    for path in folder.iterdir():  # HXL's default schema: dates are dates, numbers numbers
        problems: list[Any] = []
        assert _hxl(path).validate(callback=problems.append), (path.name, problems)
    text = _all_text(folder)
    for personal in PERSONAL_STRINGS:
        assert personal not in text, personal
    assert not list(folder.glob("*.partial"))
    assert audit_entries(seeded.ctx)[-1] == (AuditAction.EXPORT, "export zonder persoonsgegevens")


def test_a_coordinator_exports_personal_data_and_it_is_audited(
    seeded: Seeded, tmp_path: Path
) -> None:
    folder = tmp_path / "volledig"
    result = ExportService(seeded.ctx).export_csv(folder, personal=True)

    assert result.personal
    assert "gezinsleden.csv" in result.tables
    tags, households = _hxl_rows(folder / "huishoudens.csv")
    assert "#beneficiary+name" in tags
    assert "Grietje Huizinga" in {row.get("#beneficiary+name") for row in households}
    assert "oma@example.org" in (folder / "veilig-en-welberichten.csv").read_text(encoding="utf-8")
    assert audit_entries(seeded.ctx)[-1] == (AuditAction.EXPORT, "volledig met persoonsgegevens")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_personal_export_is_refused_for_a_volunteer(
    seeded: Seeded, tmp_path: Path, kind: str
) -> None:
    seeded.volunteers.sign_in(seeded.volunteer_id, VOLUNTEER_PIN)
    audit_before = len(audit_entries(seeded.ctx))
    events_before = _events(seeded)
    target = tmp_path / ("export" if kind == "csv" else "export.xlsx")
    service = ExportService(seeded.ctx)
    assert not service.may_export_personal()

    export = service.export_csv if kind == "csv" else service.export_xlsx
    with pytest.raises(Refused, match="alleen een coördinator"):
        export(target, personal=True)

    assert sorted(p.name for p in tmp_path.iterdir()) == ["hub", "post"]  # not even a .partial
    assert len(audit_entries(seeded.ctx)) == audit_before
    assert _events(seeded) == events_before


def test_personal_export_is_refused_when_nobody_is_signed_in(
    seeded: Seeded, tmp_path: Path
) -> None:
    seeded.volunteers.sign_out()
    with pytest.raises(Refused, match="Log eerst in"):
        ExportService(seeded.ctx).export_csv(tmp_path / "export", personal=True)
    assert not (tmp_path / "export").exists()
    seeded.volunteers.sign_in(seeded.coordinator_id, COORDINATOR_PIN)
    assert ExportService(seeded.ctx).may_export_personal()


def test_xlsx_has_a_sheet_per_entity_with_the_same_two_header_rows(
    seeded: Seeded, tmp_path: Path
) -> None:
    path = tmp_path / "noodpost.xlsx"
    service = ExportService(seeded.ctx)
    result = service.export_xlsx(path)
    service.export_csv(tmp_path / "csv")

    workbook = load_workbook(path, read_only=True)
    try:
        assert workbook.sheetnames == list(result.tables)
        sheet = workbook["huishoudens"]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        csv_lines = (tmp_path / "csv" / "huishoudens.csv").read_text(encoding="utf-8").splitlines()
        assert ",".join(rows[0]) == csv_lines[0]
        assert ",".join(rows[1]) == csv_lines[1]
        assert sorted(r[2] for r in rows[2:]) == [2, 4]  # numbers stay numbers
        cells = " ".join(
            str(value)
            for ws in workbook.worksheets
            for row in ws.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    finally:
        workbook.close()
    for personal in PERSONAL_STRINGS:
        assert personal not in cells, personal
    assert not list(tmp_path.glob("*.partial"))
