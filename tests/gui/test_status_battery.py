"""The status line's battery: shown while the laptop runs on it, on Linux and Windows alike."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from noodpost.gui.widgets.status_bar import battery_text

pytestmark = pytest.mark.gui


class sbattery(NamedTuple):  # noqa: N801 - what psutil.sensors_battery() returns
    percent: float
    secsleft: int
    power_plugged: bool | None


def test_the_battery_shows_while_the_laptop_runs_on_it() -> None:
    assert battery_text(lambda: sbattery(64.4, 9000, False)) == "accu 64 %"


@pytest.mark.parametrize(
    "battery",
    [sbattery(100.0, -2, True), sbattery(80.0, -1, None), None],
    ids=["plugged in", "not known", "no battery"],
)
def test_no_battery_text_on_mains_power_or_without_a_battery(battery: sbattery | None) -> None:
    assert battery_text(lambda: battery) == ""


def test_an_unreadable_battery_does_not_stop_the_status_line() -> None:
    def broken() -> sbattery:
        raise OSError("no /sys")

    assert battery_text(broken) == ""
