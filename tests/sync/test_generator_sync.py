"""A post's generator log at the hub (issue 17): readings → hours left on Regio and in the SITREP.

Real nodes with real keys: post A writes readings, its bundle reaches the hub over a USB
folder, and the hub's regional picture and SITREP (down to the PDF's text) say how long A's
fuel lasts. Then the attacks, each signed with keys the attacker really holds: post A writing
post B's generator log, or the hub writing a post's, is refused and changes nothing.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pdfkit import pdf_text
from PySide6.QtWidgets import QApplication
from sitekit import Site, craft, introduce
from sqlalchemy import select

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.ids import new_id
from noodpost.gui.printing.sitrep import render_sitrep_pdf
from noodpost.reports.sitrep import SitrepService
from noodpost.services.generator import GeneratorService
from noodpost.services.regional import RegionalService
from noodpost.storage.models import Quarantine
from noodpost.storage.quarantine import REFUSED_PREFIX
from noodpost.sync.exchange import ImportStatus

A, B = "GR-0014", "GR-0015"


@pytest.fixture
def region(hub: Site, post_a: Site, post_b: Site, stick: Path) -> tuple[Site, Site, Site]:
    introduce(post_a, hub, stick)
    introduce(post_b, hub, stick)
    return hub, post_a, post_b


def _carry(source: Site, target: Site, stick: Path) -> None:
    source.sync.export_usb(stick)
    target.sync.import_usb(stick)


def _log_fuel(post: Site, clock: FixedClock) -> None:
    """09:00 UTC running with 60 l; 11:00 running, 10 l added, 50 l left.

    Used 60 + 10 − 50 = 20 l in 2 h: 10 l per hour; 50 l lasts 5 hours from 11:00 UTC.
    """
    generator = GeneratorService(post.ctx)
    generator.record(running=True, litres_left=60)
    clock.advance(timedelta(hours=2))
    generator.record(running=True, litres_left=50, litres_added=10)


def test_a_posts_readings_show_its_hours_left_at_the_hub(
    qapp: QApplication,  # the PDF is drawn in the test process's own QApplication
    region: tuple[Site, Site, Site],
    stick: Path,
    clock: FixedClock,
    tmp_path: Path,
) -> None:
    hub, a, _b = region
    _log_fuel(a, clock)
    _carry(a, hub, stick)
    clock.advance(timedelta(hours=1))  # the hub looks an hour later: A's generator kept running

    rows = {row.post_code: row for row in RegionalService(hub.ctx).posts()}
    fuel = rows[A].fuel
    assert fuel is not None
    assert fuel.litres_per_hour == pytest.approx(10.0)
    assert fuel.hours_left == pytest.approx(4.0)
    assert rows[A].low_fuel
    assert rows[B].fuel is None
    assert not rows[B].low_fuel

    report = SitrepService(hub.ctx).report()
    [post_a] = [p for p in report.posts if p.code == A]
    assert post_a.fuel is not None
    assert post_a.fuel.hours_text == "nog ± 4 uur"
    assert "GR-0014: Aggregaat: brandstof nog ± 4 uur (50 l in de tank)." in (
        report.total.bottlenecks
    )
    pdf = tmp_path / "sitrep-regio.pdf"
    pdf.write_bytes(render_sitrep_pdf(report))
    text = pdf_text(pdf)
    assert "Aggregaat en brandstof" in text
    assert "10 l per uur" in text
    assert "nog ± 4 uur" in text
    assert "MINDER DAN 12 UUR" in text

    # The post's own SITREP says the same.
    own = SitrepService(a.ctx).report()
    pdf_own = tmp_path / "sitrep-post.pdf"
    pdf_own.write_bytes(render_sitrep_pdf(own))
    own_text = pdf_text(pdf_own)
    assert "Aggregaat en brandstof" in own_text
    assert "nog ± 4 uur" in own_text


def _attack(target: Site, attacker: Site, events: list[dict[str, Any]]) -> list[str]:
    """Send ``events`` signed by ``attacker``: all refused, nothing changed; the reasons."""
    state, count = target.digest(), target.events()
    outcome = target.sync.import_bytes(craft(attacker, target, events=events))
    assert outcome.status is ImportStatus.APPLIED
    assert (outcome.applied, outcome.refused) == (0, len(events))
    assert (target.digest(), target.events()) == (state, count)
    with target.db.read() as session:
        reasons = list(session.scalars(select(Quarantine.reason).order_by(Quarantine.id)))
    assert all(r.startswith(REFUSED_PREFIX) for r in reasons), reasons
    return reasons[-len(events) :]


def test_a_post_may_not_write_another_posts_generator_log(
    region: tuple[Site, Site, Site], stick: Path, clock: FixedClock
) -> None:
    hub, a, b = region
    _log_fuel(b, clock)
    _carry(b, hub, stick)
    [reading] = [r for r in GeneratorService(b.ctx).readings() if r.litres_left == 50]
    before = RegionalService(hub.ctx).post(B)

    full = {"at": a.ctx.now_iso(), "running": True, "litres_left": 900.0, "post_code": B}
    attempts = [
        a.forge("generator_reading", new_id(), Op.CREATE, full),
        a.forge("generator_reading", reading.id, Op.UPDATE, {"litres_left": 0.0}, ahead=1),
        a.forge("generator_reading", reading.id, Op.DELETE, {}, ahead=2),
    ]
    reasons = _attack(hub, a, attempts)

    assert "GR-0014 mag niet een aggregaatstand aanmaken van GR-0015" in reasons[0]
    assert "GR-0014 mag niet een aggregaatstand wijzigen van GR-0015" in reasons[1]
    assert "GR-0014 mag niet een aggregaatstand verwijderen van GR-0015" in reasons[2]
    assert RegionalService(hub.ctx).post(B) == before  # B's hours left as B wrote them


def test_the_hub_may_read_but_not_write_a_posts_generator_log(
    region: tuple[Site, Site, Site], stick: Path, clock: FixedClock
) -> None:
    hub, a, _b = region
    _log_fuel(a, clock)
    before = GeneratorService(a.ctx).state()
    forged = {"at": hub.ctx.now_iso(), "running": False, "litres_left": 500.0, "post_code": A}
    reasons = _attack(a, hub, [hub.forge("generator_reading", new_id(), Op.CREATE, forged)])
    assert "de C-NSP mag niet een aggregaatstand aanmaken van GR-0014" in reasons[0]
    assert GeneratorService(a.ctx).state() == before
