"""A dispatch the post confirmed is stock everywhere stock is shown: the desk, the SITREP,
the hub's Regio page and the CSV export all count it the same way."""

from __future__ import annotations

import csv
from pathlib import Path

from sync.sitekit import Site
from test_supply_notices import carry, sites  # noqa: F401 — the fixture

from noodpost.reports.exports import ExportService
from noodpost.reports.sitrep import SitrepService
from noodpost.services.regional import RegionalService
from noodpost.services.supplies import SuppliesService
from noodpost.services.supply_notices import SupplyNoticesService


def test_received_water_counts_on_every_screen_and_in_every_report(
    sites: tuple[Site, Site, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    hub, post, stick = sites
    supplies = SuppliesService(post.ctx)
    before = supplies.stock_of("water").quantity
    sent = SupplyNoticesService(hub.ctx).dispatch("GR-0014", {"water": 240})
    carry(hub, post, stick)
    SupplyNoticesService(post.ctx).confirm_receipt(sent.id)
    carry(post, hub, stick)
    expected = before + 240

    assert supplies.stock_of("water").quantity == expected
    for site in (post, hub):
        (report,) = SitrepService(site.ctx).report("GR-0014").posts
        water = next(line for line in report.stock if line.name == "Drinkwater")
        assert water.quantity == expected

    (row,) = [r for r in RegionalService(hub.ctx).posts() if r.post_code == "GR-0014"]
    assert all(s.item_code != "water" or s.quantity == expected for s in row.shortages)

    folder = tmp_path / "export"
    ExportService(hub.ctx).export_csv(folder)
    (stock_file,) = folder.glob("voorraad.csv")
    with stock_file.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle, delimiter=csv.excel.delimiter))
    header, _tags, *rows = lines
    water_rows = [r for r in rows if "water" in r and "GR-0014" in r]
    assert len(water_rows) == 1
    assert float(water_rows[0][header.index("voorraad")]) == expected
