"""When the battery runs low: warnings, a backup and the noodlijst, and *stroombesparing*.

The battery is the one thing no machine here has: readings come from a list the test fills,
through the same injected source the real psutil reading uses. Everything else is the whole
main window, as ``noodpost`` builds it, and real key presses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from keyboard import activate, press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.app import _background_sync, _backups, install_power
from noodpost.config import Settings
from noodpost.gui.background_sync import INTERVAL_MS as SYNC_MS
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.outside_writes import INTERVAL_MS as OUTSIDE_MS
from noodpost.gui.power import PowerReading, system_power
from noodpost.gui.power_steps import PowerSteps
from noodpost.gui.widgets.status_bar import REFRESH_MS
from noodpost.services.backup import backups_dir

pytestmark = pytest.mark.gui

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Battery:
    """The laptop's battery, as the test sets it."""

    def __init__(self) -> None:
        self.reading: PowerReading | None = None

    def __call__(self) -> PowerReading | None:
        return self.reading


@pytest.fixture
def battery() -> Battery:
    return Battery()


@pytest.fixture
def power(
    main_window: MainWindow, app_context: AppContext, battery: Battery
) -> Iterator[PowerSteps]:
    background = _background_sync(app_context, main_window)
    backups = _backups(app_context, main_window, background)
    steps = install_power(app_context, main_window, background, backups, battery)
    steps.background = background  # type: ignore[attr-defined]
    steps.start()
    yield steps
    background.shutdown()


def feed(power: PowerSteps, battery: Battery, percent: float, *, on_battery: bool = True) -> None:
    battery.reading = PowerReading(percent, on_battery, 95 if on_battery else None)
    power.watch.check()  # what the minute's timer does


def open_dialogs(window: MainWindow, name: str) -> list[QMessageBox]:
    """The dialogs ``name`` on screen over ``window`` (never an earlier test's)."""
    return [box for box in window.findChildren(QMessageBox, name) if box.isVisible()]


def dialog(qtbot: QtBot, window: MainWindow, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: bool(open_dialogs(window, name)), timeout=5_000)
    return open_dialogs(window, name)[0]


def test_warnings_come_once_per_level_and_saving_slows_the_background(
    qtbot: QtBot,
    main_window: MainWindow,
    power: PowerSteps,
    battery: Battery,
    app_context: AppContext,
) -> None:
    status = main_window.status_line
    feed(power, battery, 80)
    assert status.battery.text() == "accu 80 % · nog 1 u 35 min"
    assert not open_dialogs(main_window, "power_warning")

    feed(power, battery, 29)
    box = dialog(qtbot, main_window, "power_warning")
    assert "De accu is nog 29 %" in box.text()
    assert status.battery.styleSheet()  # amber from 30 % down
    QTest.keyClick(box, Qt.Key.Key_Return)  # the default: Stroombesparing aan
    qtbot.waitUntil(lambda: not open_dialogs(main_window, "power_warning"))

    assert power.saving.on
    assert "stroombesparing aan" in status.battery.text()
    assert status.timer.interval() == 5 * REFRESH_MS
    assert main_window.outside_writes.timer.interval() == 5 * OUTSIDE_MS  # type: ignore[attr-defined]
    assert power.background.timer.interval() == 5 * SYNC_MS  # type: ignore[attr-defined]
    assert Settings.load(app_context.data_dir).power_saving  # kept for the next start
    assert power.saving_action.isChecked()

    feed(power, battery, 27)  # no second warning for the same level
    QApplication.processEvents()
    assert not open_dialogs(main_window, "power_warning")

    feed(power, battery, 14)
    box = dialog(qtbot, main_window, "power_warning")
    assert "De accu is nog 14 %" in box.text()
    QTest.keyClick(box, Qt.Key.Key_Escape)

    power.saving_action.trigger()  # off again, from the menu
    assert status.timer.interval() == REFRESH_MS
    assert power.background.timer.interval() == SYNC_MS  # type: ignore[attr-defined]
    assert "stroombesparing" not in status.battery.text()


def test_at_ten_per_cent_a_backup_is_made_and_the_noodlijst_offered(
    qtbot: QtBot,
    main_window: MainWindow,
    power: PowerSteps,
    battery: Battery,
    app_context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    noodlijst = tmp_path / "noodlijst.pdf"  # where the volunteer saves it (the save dialog)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_args: (str(noodlijst), "PDF (*.pdf)")
    )
    stick = tmp_path / "stick"  # the USB stick set under Instellingen, plugged in
    stick.mkdir()
    app_context.settings.backup_usb_folder = str(stick)
    folder = backups_dir(app_context.data_dir)
    before = set(folder.glob("*.db")) if folder.exists() else set()

    feed(power, battery, 9)  # from 80 % straight to 9 %: only the last step shows

    box = dialog(qtbot, main_window, "power_critical")
    assert "bijna leeg (9 %)" in box.text()
    assert not open_dialogs(main_window, "power_warning")
    qtbot.waitUntil(lambda: set(folder.glob("*.db")) - before != set(), timeout=10_000)
    qtbot.waitUntil(lambda: any(stick.rglob("*.npbk")), timeout=10_000)  # sealed, on the stick
    assert power.saving.on
    QTest.keyClick(box, Qt.Key.Key_Return)  # the default: Noodlijst afdrukken…
    qtbot.waitUntil(noodlijst.exists, timeout=10_000)
    assert noodlijst.read_bytes().startswith(b"%PDF")

    feed(power, battery, 100, on_battery=False)  # plugged in: the status line says nothing
    assert "accu" not in main_window.status_line.battery.text()
    feed(power, battery, 9)  # the next discharge warns again
    dialog(qtbot, main_window, "power_critical")


def test_ctrl_shift_p_does_the_low_power_steps_on_mains_power(
    qtbot: QtBot,
    main_window: MainWindow,
    power: PowerSteps,
    battery: Battery,
    app_context: AppContext,
) -> None:
    feed(power, battery, 100, on_battery=False)
    folder: Path = backups_dir(app_context.data_dir)
    before = set(folder.glob("*.db")) if folder.exists() else set()
    activate(qtbot, main_window)

    press(main_window, Qt.Key.Key_P, CTRL_SHIFT)

    box = dialog(qtbot, main_window, "power_critical")
    assert box.text() == "Voorbereiden op een stroomstoring."
    qtbot.waitUntil(lambda: set(folder.glob("*.db")) - before != set(), timeout=10_000)


def test_the_system_battery_reading_never_stops_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise OSError("no battery information")

    monkeypatch.setattr(psutil, "sensors_battery", broken)
    assert system_power() is None
