"""The situation report: its numbers (a pure read model), bottlenecks, the region, and the PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from exportkit import Seeded, make_node
from pdfkit import page_sizes_mm, pdf_text, render_pages

from noodpost.app import write_sitrep
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound
from noodpost.gui.printing.sitrep import render_sitrep_pdf
from noodpost.reports.sitrep import SitrepService
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.status import node_status
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.sync.service import SyncService


def test_a_post_report_counts_what_the_post_did_today(seeded: Seeded) -> None:
    report = SitrepService(seeded.ctx).report()

    assert not report.region
    (post,) = report.posts
    assert report.total == post
    assert (post.code, post.name, post.status_text) == ("GR-0014", "Dorpshuis Ten Boer", "open")
    assert (post.present, post.capacity) == (6, 80)
    assert (post.visits_today, post.persons_today, post.visits_total) == (2, 6, 2)
    assert post.visitors_per_hour[10] == 2  # 10:05 and 10:45 Dutch time
    assert sum(post.visitors_per_hour) == 2
    assert post.households == 2
    assert [(n.category_label, n.count, n.urgent) for n in post.needs] == [
        ("medische zorg", 1, 1),
        ("voedsel en water", 1, 0),
    ]
    water = next(s for s in post.stock if s.name == "Drinkwater")
    assert (water.quantity, water.used) == (94.0, 6.0)
    assert water.hours_text == "16 dagen"  # 94 l at 6 l per 24 hours
    assert [a.status_label for a in post.alarms] == ["bevestigd", "open", "geannuleerd"]
    assert post.open_alarms == 2
    assert post.bottlenecks == ("1 open medische hulpvraag (medische zorg of medicijnen).",)
    status = node_status(seeded.ctx.db)
    assert dict(report.status_counts)["households"] == status["households"] == post.households
    assert dict(report.status_counts)["events"] == status["events"]


def test_bottlenecks_follow_from_the_numbers(ctx: ServiceContext, clock: FixedClock) -> None:
    intake, visits, supplies = IntakeService(ctx), VisitsService(ctx), SuppliesService(ctx)
    supplies.record_delivery("water", 10.0)
    for _ in range(4):  # 4 × 19 = 76 of 80 present: more than 90 %
        household = intake.register(size=19).household_id
        visits.check_in(household)
    clock.advance(timedelta(hours=1))
    supplies.hand_out(household, "water", 9.0, override_reason="grote familie")
    AlarmsService(ctx).raise_alarm("ambulance", "immediate", "zaal 1")

    (post,) = SitrepService(ctx).report().posts

    assert post.bottlenecks[0].startswith("Bijna vol of overvol: 76 personen aanwezig")
    assert "1 spoedmelding nog niet bevestigd door de C-NSP." in post.bottlenecks
    water = next(s for s in post.stock if s.name == "Drinkwater")
    assert water.short
    assert f"Drinkwater: nog 1 l, genoeg voor ongeveer {water.hours_text}" in " ".join(
        post.bottlenecks
    )


def test_the_pdf_says_tekort_not_kort(
    ctx: ServiceContext, clock: FixedClock, tmp_path: Path, qapp: object
) -> None:
    """The SITREP's stock table said 'KORT' for a shortage (issue 18, item 18)."""
    intake, visits, supplies = IntakeService(ctx), VisitsService(ctx), SuppliesService(ctx)
    supplies.record_delivery("water", 10.0)
    household = intake.register(size=19).household_id
    visits.check_in(household)
    clock.advance(timedelta(hours=1))
    supplies.hand_out(household, "water", 9.0, override_reason="grote familie")
    pdf = tmp_path / "sitrep.pdf"
    pdf.write_bytes(render_sitrep_pdf(SitrepService(ctx).report()))
    words = pdf_text(pdf).split()
    assert "TEKORT" in words
    assert "KORT" not in words


def test_an_unknown_post_is_refused(seeded: Seeded) -> None:
    with pytest.raises(NotFound, match="Post GR-7777 is hier niet bekend"):
        SitrepService(seeded.ctx).report("GR-7777")


def test_the_hub_reports_the_region_after_sync(tmp_path: Path, clock: FixedClock) -> None:
    hub_db = make_node(tmp_path / "hub", clock, "hub", "GR-9000", "C-NSP Groningen")
    hub = SyncService(hub_db, clock, tmp_path / "hub")
    pairing = tmp_path / "koppeling.json"
    hub.export_pairing(pairing)
    made = [hub_db]
    try:
        for code, name, households in (("GR-0014", "Dorpshuis", 3), ("GR-0021", "Kerk", 1)):
            db = make_node(tmp_path / code, clock, "post", code, name)
            made.append(db)
            post = SyncService(db, clock, tmp_path / code)
            post.import_pairing(pairing)
            ctx = ServiceContext(db, clock)
            for _ in range(households):
                VisitsService(ctx).check_in(IntakeService(ctx).register(size=2).household_id)
            stick = tmp_path / f"stick-{code}"
            stick.mkdir()
            post.export_usb(stick)
            hub.import_usb(stick)
            hub.approve_post(code, post.fingerprint)

        report = SitrepService(ServiceContext(hub_db, clock)).report()
        assert report.region
        assert [p.code for p in report.posts] == ["GR-0014", "GR-0021"]
        assert [p.present for p in report.posts] == [6, 2]
        assert (report.total.present, report.total.capacity, report.total.households) == (8, 100, 4)
        assert report.total.visits_today == 4
        one = SitrepService(ServiceContext(hub_db, clock)).report("gr-0021")
        assert [p.name for p in one.posts] == ["Kerk"]
    finally:
        for db in made:
            db.close()


# ---------------------------------------------------------------- the PDF, via the command line


def _noodpost(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NOODPOST_LOG_DIR": str(data_dir.parent / "logs")}
    env.pop("DISPLAY", None)  # as on a server: the command draws offscreen by itself
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "noodpost", "--data-dir", str(data_dir), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_sitrep_pdf_shows_the_post_and_the_status_numbers(
    seeded: Seeded, tmp_path: Path
) -> None:
    data_dir = tmp_path / "post"
    pdf = tmp_path / "sitrep.pdf"
    done = _noodpost(data_dir, "export", "sitrep", pdf)
    assert done.returncode == 0, done.stderr
    assert "Situatierapport Dorpshuis Ten Boer (GR-0014) geschreven" in done.stdout
    status: dict[str, Any] = node_status(seeded.ctx.db)  # the `status --json` document

    text = " ".join(pdf_text(pdf).split())
    assert "Dorpshuis Ten Boer (GR-0014)" in text
    for key, word in (
        ("households", "Huishoudens"),
        ("visits", "Bezoeken"),
        ("needs", "Hulpvragen"),
        ("alarms", "Noodmeldingen"),
        ("distributions", "Uitgiften"),
        ("events", "Wijzigingen"),
    ):
        assert f"{word}: {status[key]}" in text, key
    assert "6 / 80" in text  # present / capacity
    assert "Kerkstraat 5 zaal 2" in text
    assert "OEFENING" not in text
    sizes = page_sizes_mm(pdf)
    assert 1 <= len(sizes) <= 2
    assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in sizes)
    assert len(render_pages(pdf, tmp_path / "png", dpi=50)) == len(sizes)
    assert not list(tmp_path.glob("*.partial"))


def test_an_unknown_post_writes_no_pdf(seeded: Seeded, tmp_path: Path) -> None:
    pdf = tmp_path / "sitrep.pdf"
    with pytest.raises(NotFound, match="Post XX-1 is hier niet bekend"):
        write_sitrep(tmp_path / "post", pdf, "XX-1")  # refused before Qt is started
    assert not pdf.exists()
    assert not list(tmp_path.glob("*.partial"))
