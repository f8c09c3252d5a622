"""When the laptop's power runs low: warnings, a last backup, the noodlijst, and saving power.

A laptop battery lasts hours; a post must last days. On battery, Noodpost watches the level:

- at 30 % and at 15 % it warns once (the status line says it all the time, amber);
- at 10 % it makes a backup at once — to the USB stick too when one is set — and offers the
  *noodlijst*, the paper list of who is inside, so the post can go on on paper;
- Ctrl+Shift+P does the 10 % steps on demand (a generator that sputters, a storm coming).

Each warning comes once per discharge: plugging the laptop in starts over. *Stroombesparing*
(a setting) slows what runs in the background — the sync with the C-NSP when nothing waits,
the status line, the look for other processes' writes, the public screen's pages — and the
status line says it is on. An alarm still goes out at once: saving power never delays it.

The battery comes from a :data:`PowerSource`; the real one asks psutil (Linux and Windows),
tests feed their own readings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import psutil
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

#: The levels that warn once each, highest first (per cent).
WARNING_LEVELS = (30, 15)
#: The level at which Noodpost makes a backup and offers the noodlijst (per cent).
CRITICAL_LEVEL = 10
#: How often the battery is read.
CHECK_MS = 60_000
#: How much slower the background runs with *stroombesparing* on.
SAVING_FACTOR = 5


@dataclass(frozen=True)
class PowerReading:
    """The battery at one moment.

    Attributes:
        percent: charge left, 0–100.
        on_battery: the laptop runs on it (not plugged in, or not known to be).
        minutes_left: the system's estimate while on battery, else ``None``.
    """

    percent: float
    on_battery: bool
    minutes_left: int | None = None


#: Where readings come from: ``None`` when the laptop has no battery or the system won't say.
PowerSource = Callable[[], PowerReading | None]


def system_power() -> PowerReading | None:
    """The battery as the operating system reports it (psutil: Linux and Windows)."""
    try:
        battery = psutil.sensors_battery()
    except (OSError, RuntimeError):  # an unreadable battery is no reason to stop the window
        return None
    if battery is None:
        return None
    on_battery = battery.power_plugged is False
    seconds = int(battery.secsleft)  # negative: unlimited (plugged in) or unknown
    minutes = seconds // 60 if on_battery and seconds > 0 else None
    return PowerReading(float(battery.percent), on_battery, minutes)


def battery_text(reading: PowerReading | None) -> str:
    """``accu 64 % · nog 2 u 10 min`` while on battery, else ``""``."""
    if reading is None or not reading.on_battery:
        return ""
    text = QCoreApplication.translate("Power", "accu %1 %").replace(
        "%1", str(round(reading.percent))
    )
    if reading.minutes_left is not None:
        hours, minutes = divmod(reading.minutes_left, 60)
        left = (
            QCoreApplication.translate("Power", "nog %1 u %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(minutes))
            if hours
            else QCoreApplication.translate("Power", "nog %1 min").replace("%1", str(minutes))
        )
        text += f" · {left}"
    return text


def is_low(reading: PowerReading | None) -> bool:
    """On battery at or below the first warning level: the status line shows it in amber."""
    return reading is not None and reading.on_battery and reading.percent <= WARNING_LEVELS[0]


class PowerWatch(QObject):
    """Reads the battery every minute and says when a level is crossed.

    Signals:
        reading_changed(object): every reading (a :class:`PowerReading` or ``None``).
        warned(int): on battery, the charge fell to a warning level (30 or 15); once per
            discharge, and only the lowest level crossed at one reading.
        critical(): on battery, the charge fell to 10 % (once per discharge), or the volunteer
            asked for the low-power steps (:meth:`act_now`).
    """

    reading_changed = Signal(object)
    warned = Signal(int)
    critical = Signal()

    def __init__(
        self,
        source: PowerSource = system_power,
        parent: QObject | None = None,
        *,
        interval_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.reading: PowerReading | None = None
        self._passed: set[int] = set()  # levels already said in this discharge
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    @Slot()
    def check(self) -> None:
        """Read the battery; say what changed."""
        reading = self.source()
        self.reading = reading
        self.reading_changed.emit(reading)
        if reading is None or not reading.on_battery:
            self._passed.clear()  # plugged in: the next discharge warns again
            return
        crossed = [
            level
            for level in (*WARNING_LEVELS, CRITICAL_LEVEL)
            if reading.percent <= level and level not in self._passed
        ]
        if not crossed:
            return
        self._passed.update(crossed)
        if CRITICAL_LEVEL in crossed:
            self.critical.emit()
        else:
            self.warned.emit(min(crossed))

    @Slot()
    def act_now(self) -> None:
        """Ctrl+Shift+P: the low-power steps now, whatever the battery says."""
        self.critical.emit()


class PowerSaving(QObject):
    """*Stroombesparing*: the timers it slows, and whether it is on.

    Register each background timer with its normal interval; switching saving on multiplies
    them by :data:`SAVING_FACTOR`, switching it off puts them back. A component that sets its
    own interval later (the sync's pace) asks :meth:`interval` for the one to use.

    Signals:
        changed(bool): saving was switched on or off.
    """

    changed = Signal(bool)

    def __init__(self, on: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on = on
        self._timers: list[tuple[QTimer, int]] = []

    def interval(self, normal_ms: int) -> int:
        return normal_ms * SAVING_FACTOR if self.on else normal_ms

    def slow(self, timer: QTimer, normal_ms: int | None = None) -> None:
        """Let saving slow ``timer`` (its normal interval: the one it has now, by default)."""
        normal = timer.interval() if normal_ms is None else normal_ms
        self._timers.append((timer, normal))
        timer.setInterval(self.interval(normal))

    @Slot(bool)
    def set_on(self, on: bool) -> None:
        if on == self.on:
            return
        self.on = on
        self._timers = [(t, n) for t, n in self._timers if shiboken6.isValid(t)]  # closed ones go
        for timer, normal in self._timers:
            timer.setInterval(self.interval(normal))  # a running timer restarts with it
        self.changed.emit(on)
