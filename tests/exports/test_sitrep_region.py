"""The region's SITREP sums: capacity only when every post has one, alarms by their real time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from support import make_node

from noodpost.core.clock import FixedClock
from noodpost.reports.sitrep import Sitrep, SitrepService, StockLevel
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.visits import VisitsService
from noodpost.sync.keys import create_keys
from noodpost.sync.service import SyncService


def _region(
    tmp_path: Path,
    clock: FixedClock,
    posts: list[tuple[str, int | None]],
    act: Callable[[str, ServiceContext], None],
) -> Sitrep:
    """A hub and ``posts`` (code, capacity); ``act`` runs at each post before its bundle."""
    hub_db = make_node(tmp_path / "hub", clock, role="hub", code="GR-9000", name="C-NSP")
    create_keys(hub_db, tmp_path / "hub")
    hub = SyncService(hub_db, clock, tmp_path / "hub")
    pairing = tmp_path / "koppel.json"
    hub.export_pairing(pairing)
    for code, capacity in posts:
        db = make_node(tmp_path / code, clock, role="post", code=code, name=code, capacity=capacity)
        create_keys(db, tmp_path / code)
        post = SyncService(db, clock, tmp_path / code)
        post.import_pairing(pairing)
        act(code, ServiceContext(db, clock))
        stick = tmp_path / f"stick-{code}"
        stick.mkdir()
        post.export_usb(stick)
        hub.import_usb(stick)
        hub.approve_post(code, post.fingerprint)
    return SitrepService(ServiceContext(hub_db, clock)).report()


def test_people_at_a_post_without_capacity_do_not_fill_the_others(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))

    def act(code: str, ctx: ServiceContext) -> None:
        for _ in range(5 if code == "GR-0014" else 8):
            VisitsService(ctx).check_in(IntakeService(ctx).register(size=10).household_id)

    report = _region(tmp_path, clock, [("GR-0014", 100), ("GR-0021", None)], act)

    assert [(p.code, p.present, p.capacity) for p in report.posts] == [
        ("GR-0014", 50, 100),
        ("GR-0021", 80, None),
    ]
    assert report.total.present == 130
    assert report.total.capacity is None  # not "130 / 100 (130 %)"
    assert "%" not in report.total.occupancy_text


def test_the_regions_alarms_are_in_time_order_across_a_month_end(tmp_path: Path) -> None:
    clock = FixedClock(datetime(2026, 10, 31, 22, 50, tzinfo=UTC))  # 31-10 23:50 in Dutch time

    def act(code: str, ctx: ServiceContext) -> None:
        AlarmsService(ctx).raise_alarm("ambulance", "normal", "zaal")
        clock.advance(timedelta(minutes=20))  # the second post's alarm: 01-11 00:10

    report = _region(tmp_path, clock, [("GR-0014", 100), ("GR-0021", 100)], act)

    assert [(a.post_code, a.raised) for a in report.total.alarms] == [
        ("GR-0014", "31-10 23:50"),
        ("GR-0021", "01-11 00:10"),
    ]


def test_less_than_an_hour_of_stock_is_said_in_minutes() -> None:
    def left(hours: float | None, quantity: float = 0.2) -> str:
        return StockLevel("GR-0014", "Drinkwater", "l", quantity, 24.0, hours, True).hours_text

    assert left(0.2) == "12 min"
    assert left(0.001) == "1 min"
    assert left(5.4) == "5 uur"
    assert left(None) == "—"
    assert left(3.0, quantity=0) == "op"
