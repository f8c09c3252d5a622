"""Regio (hub): a row per post, sorting, the attention filter, and a post's logbook."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from nodekit import carry, close_context, hub_context, introduce, node_context
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.pages.regional import RegionalPage
from noodpost.services.supply_notices import SupplyNoticesService

pytestmark = pytest.mark.gui


@dataclass
class Region:
    hub: AppContext
    a: AppContext
    b: AppContext
    stick: Path


@pytest.fixture
def region(tmp_path: Path, clock: FixedClock) -> Iterator[Region]:
    hub = hub_context(tmp_path, clock)
    a = node_context(tmp_path, clock, "a", code="GR-0014", name="Dorpshuis Ten Boer")
    b = node_context(tmp_path, clock, "b", code="GR-0015", name="Sporthal Noord")
    stick = introduce(a, hub, tmp_path)
    introduce(b, hub, tmp_path)
    # Post A: busy, water short, an alarm not yet acknowledged, a logbook line.
    services = a.services
    services.supplies.record_delivery("water", 50)
    for size in (4, 3):
        household = services.intake.register(size=size).household_id
        services.visits.check_in(household)
        services.supplies.hand_out(household, "water", 3 * size)
    services.alarms.raise_alarm("ambulance", "immediate", "Zaal 2", persons=1)
    services.logbook.add("Aggregaat draait op reserve")
    # Post B: one family present, no trouble.
    household = b.services.intake.register(size=2).household_id
    b.services.visits.check_in(household)
    b.services.logbook.add("Sporthal: alles rustig")
    made = Region(hub, a, b, stick)
    yield made
    for context in (hub, a, b):
        close_context(context)


def _page(qtbot: QtBot, hub: AppContext) -> RegionalPage:
    page = RegionalPage(hub)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    _idle(qtbot, hub)
    return page


def _idle(qtbot: QtBot, hub: AppContext) -> None:
    """Every read under way delivered (the page reads off the GUI thread)."""
    qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)


def _cell(page: RegionalPage, row: int, title: str) -> str:
    column = page.model.titles.index(title)
    return str(page.proxy.index(row, column).data())


def test_a_row_per_post_with_the_words(qtbot: QtBot, region: Region) -> None:
    page = _page(qtbot, region.hub)
    assert page.title == "Regio"
    assert page.shown_codes() == ["GR-0014", "GR-0015"]  # known from their first bundles
    assert _cell(page, 0, "Aanwezig") == "0/80"  # today's work has not arrived yet
    carry(region.a, region.hub, region.stick)
    carry(region.b, region.hub, region.stick)
    page.on_entities_changed(frozenset({"visit"}))
    _idle(qtbot, region.hub)

    assert page.shown_codes() == ["GR-0014", "GR-0015"]
    assert _cell(page, 0, "Post") == "GR-0014 Dorpshuis Ten Boer"
    assert _cell(page, 0, "Status") == "open"
    assert _cell(page, 0, "Contact") == "10:00 USB"
    assert _cell(page, 0, "Aanwezig") == "7/80"
    assert _cell(page, 0, "Vandaag") == "7"
    assert _cell(page, 0, "Tekorten") == "Drinkwater nog ± 33 uur"
    assert _cell(page, 0, "Meldingen") == "1 NIET BEVESTIGD"
    assert _cell(page, 1, "Meldingen") == ""
    assert page.summary.text() == (
        "2 posten · 9 personen aanwezig · 1 noodmelding NIET BEVESTIGD · 1 post met tekorten"
    )


def test_sort_filter_and_the_detail_with_its_logbook(qtbot: QtBot, region: Region) -> None:
    carry(region.a, region.hub, region.stick)
    carry(region.b, region.hub, region.stick)
    page = _page(qtbot, region.hub)

    page.table.sortByColumn(page.model.titles.index("Aanwezig"), Qt.SortOrder.AscendingOrder)
    assert page.shown_codes() == ["GR-0015", "GR-0014"]

    page.choose_filter("alarms")
    _idle(qtbot, region.hub)
    assert page.shown_codes() == ["GR-0014"]
    assert "GR-0014 Dorpshuis Ten Boer" in page.detail.text()
    assert "NIET BEVESTIGD" in page.detail.text()
    assert "Tekort: Drinkwater 29 l (minimum 200 l), nog ± 33 uur" in page.detail.text()
    lines = [page.logbook.item(i).text() for i in range(page.logbook.count())]
    assert any("Aggregaat draait op reserve" in line for line in lines)
    assert not any("Sporthal" in line for line in lines)

    page.choose_filter("all")
    page.select_post("GR-0015")
    _idle(qtbot, region.hub)
    lines = [page.logbook.item(i).text() for i in range(page.logbook.count())]
    assert any("Sporthal: alles rustig" in line for line in lines)
    assert "In dienst: niemand" in page.detail.text()

    page.choose_filter("shortages")
    _idle(qtbot, region.hub)
    assert page.shown_codes() == ["GR-0014"]  # the selection follows what is shown
    assert "GR-0014" in page.detail.text()


def test_acknowledged_at_the_hub_the_row_is_no_longer_red(qtbot: QtBot, region: Region) -> None:
    carry(region.a, region.hub, region.stick)
    page = _page(qtbot, region.hub)
    [alarm] = region.hub.services.alarms.unacknowledged()
    region.hub.services.alarms.acknowledge(alarm.id, "Bakker")
    page.on_entities_changed(frozenset({"alarm"}))
    _idle(qtbot, region.hub)
    row = page.shown_codes().index("GR-0014")
    assert _cell(page, row, "Meldingen") == "1"
    assert "bevestigd door Bakker" in page.detail.text()


def test_a_delivery_received_at_the_post_clears_its_shortage(
    qtbot: QtBot, region: Region, tmp_path: Path
) -> None:
    carry(region.a, region.hub, region.stick)
    page = _page(qtbot, region.hub)
    assert _cell(page, 0, "Tekorten").startswith("Drinkwater")
    hub_notices = SupplyNoticesService(region.hub.services.ctx)
    hub_notices.dispatch("GR-0014", {"water": 300})
    carry(region.hub, region.a, tmp_path / "stick-to-post")
    notices = SupplyNoticesService(region.a.services.ctx)
    [delivery] = notices.dispatches(in_transit_only=True)
    notices.confirm_receipt(delivery.id)
    heard: list[frozenset[str]] = []
    region.hub.services.ctx.subscribe(heard.append)
    carry(region.a, region.hub, region.stick)

    page.on_entities_changed(frozenset().union(*heard))  # what the main window passes on
    _idle(qtbot, region.hub)

    assert _cell(page, 0, "Tekorten") == ""
