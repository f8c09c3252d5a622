"""(hub) The alarm pop-up: a new alarm shows at once, with sound, until someone acknowledges it.

The pop-up is a small window that stays on top of the others without blocking them (not
modal): the operator can keep working, but cannot miss it. It lists every alarm the C-NSP has
not acknowledged, most urgent first. It comes back by itself — with sound — when a new alarm
arrives, and again when an alarm has waited longer than *Instellingen → Escaleren na*
(``settings.alarm_escalation_minutes``): then it says ESCALATIE in red, in words.

Sound: :class:`SystemAlarmSound` beeps and plays a short generated tone with the system's
player (``paplay``/``aplay`` on Linux, ``afplay`` on macOS, ``winsound`` on Windows) without
waiting for it. Tests give the pop-up a fake :class:`AlarmSound` that records the calls.
"""

from __future__ import annotations

import io
import logging
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AcknowledgeDialog
from noodpost.gui.labels import label
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.services.alarms import AlarmInfo

log = logging.getLogger(__name__)

#: How often the pop-up looks at the clock for alarms that waited too long.
CHECK_MS = 15_000
POPUP_POINT_SIZE = 15
HEADER_STYLE = "background: #b00020; color: white; padding: 10px;"
ESCALATED_BACKGROUND = "#f4b6bf"
WAITING_BACKGROUND = "#fdecee"
SAMPLE_RATE = 16_000
SELECTED_BACKGROUND = "#7a0016"


class AlarmSound(Protocol):
    """Something that makes the alarm heard."""

    def play(self, *, escalation: bool) -> None: ...


def alarm_wav(*, escalation: bool) -> bytes:
    """A short WAV: three rising beeps for a new alarm, five two-tone beeps for escalation."""
    tones = [880.0, 1175.0] * 3 if escalation else [880.0, 880.0, 1175.0]
    frames = bytearray()
    for tone in tones:
        for n in range(int(SAMPLE_RATE * 0.18)):
            fade = min(1.0, n / 200, (SAMPLE_RATE * 0.18 - n) / 200)
            value = 0.45 * fade * math.sin(2 * math.pi * tone * n / SAMPLE_RATE)
            frames += struct.pack("<h", int(value * 32767))
        frames += b"\0\0" * int(SAMPLE_RATE * 0.07)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


class SystemAlarmSound:
    """The system beep plus a generated tone through the platform's player; never blocks."""

    def __init__(self) -> None:
        self._players: list[subprocess.Popen[bytes]] = []
        self._files: dict[bool, Path] = {}

    def play(self, *, escalation: bool) -> None:
        QApplication.beep()
        try:
            self._play_file(self._file(escalation=escalation))
        except OSError:
            log.warning("Could not play the alarm sound", exc_info=True)

    def _file(self, *, escalation: bool) -> Path:
        path = self._files.get(escalation)
        if path is None or not path.exists():
            name = "noodpost-escalatie.wav" if escalation else "noodpost-melding.wav"
            path = Path(tempfile.gettempdir()) / name
            path.write_bytes(alarm_wav(escalation=escalation))
            self._files[escalation] = path
        return path

    def _play_file(self, path: Path) -> None:
        if sys.platform == "win32":
            import winsound  # noqa: PLC0415 — exists on Windows only

            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            return
        self._players = [p for p in self._players if p.poll() is None]  # reap finished ones
        for name in ("paplay", "aplay", "afplay"):
            player = shutil.which(name)
            if player is not None:
                self._players.append(
                    subprocess.Popen(
                        [player, str(path)],
                        stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
                return


@dataclass(frozen=True)
class Waiting:
    """The alarms the C-NSP has not acknowledged, read at ``now``, and the minutes after
    which one escalates."""

    now: datetime
    minutes: int
    alarms: list[AlarmInfo]


def read_waiting(app: AppContext, minutes: int) -> Waiting:
    """The unacknowledged alarms (on the reader thread: services only)."""
    now = app.services.ctx.clock.now()
    return Waiting(now, minutes, app.services.alarms.unacknowledged())


class AlarmAlert(QWidget):
    """The pop-up for alarms the C-NSP has not acknowledged (create it at the hub only).

    It listens to ``window.entities_changed`` (alarms that arrive, by any route, or get
    acknowledged) and looks at the clock every :data:`CHECK_MS` for escalation.
    """

    def __init__(
        self,
        app: AppContext,
        window: MainWindow | None = None,
        sound: AlarmSound | None = None,
    ) -> None:
        super().__init__(window, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("alarm_alert")
        self.app = app
        self.main_window = window
        self.sound: AlarmSound = sound if sound is not None else SystemAlarmSound()
        self.setWindowTitle(QCoreApplication.translate("AlarmAlert", "Noodmelding — Noodpost"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.resize(640, 380)
        self._seen: set[str] = set()
        self._escalated: set[str] = set()
        self.alarms: list[AlarmInfo] = []
        self.dialog: AcknowledgeDialog | None = None
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        if window is not None:
            window.entities_changed.connect(self.on_entities_changed)
        self.check()

    def _build(self) -> None:
        font = QFont(self.font())
        font.setPointSize(POPUP_POINT_SIZE)
        self.setFont(font)
        self.header = QLabel()
        self.header.setObjectName("alarm_alert_header")
        self.header.setStyleSheet(HEADER_STYLE)
        self.header.setWordWrap(True)
        header_font = QFont(font)
        header_font.setPointSize(POPUP_POINT_SIZE + 4)
        header_font.setBold(True)
        self.header.setFont(header_font)
        self.list = QListWidget()
        self.list.setObjectName("alarm_alert_list")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        palette = self.list.palette()  # the chosen alarm: dark red, white words
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTED_BACKGROUND))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("white"))
        self.list.setPalette(palette)
        self.list.itemActivated.connect(lambda _item: self.acknowledge())
        self.acknowledge_button = QPushButton(self.tr("&Bevestigen…"))
        self.acknowledge_button.setObjectName("alarm_alert_acknowledge")
        self.acknowledge_button.setDefault(True)
        self.acknowledge_button.clicked.connect(self.acknowledge)
        self.inbox_button = QPushButton(self.tr("Naar &Meldingen"))
        self.inbox_button.setObjectName("alarm_alert_inbox")
        self.inbox_button.clicked.connect(self.show_inbox)
        self.hide_button = QPushButton(self.tr("&Verbergen"))
        self.hide_button.setObjectName("alarm_alert_hide")
        self.hide_button.setToolTip(
            self.tr("Komt terug bij een nieuwe noodmelding of als een melding te lang wacht.")
        )
        self.hide_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        for button in (self.acknowledge_button, self.inbox_button, self.hide_button):
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        buttons.insertStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    # ---------------------------------------------------------------- reacting

    @Slot(object)
    def on_entities_changed(self, entities: frozenset[str]) -> None:
        if "alarm" in entities:
            self.check()

    @Slot()
    def check(self) -> None:
        """Read the unacknowledged alarms (on the runner's reader thread); then pop up, with
        sound, for a new or escalated one (:meth:`show_alarms`)."""
        minutes = self.app.settings.alarm_escalation_minutes
        self.app.runner.read(
            partial(read_waiting, self.app, minutes), self.show_alarms, key=self, owner=self
        )

    def show_alarms(self, waiting: Waiting) -> None:
        """Show what :meth:`check` read: sound once for each new or newly escalated alarm."""
        alarms = waiting.alarms
        ids = {a.id for a in alarms}
        escalated = {a.id for a in alarms if a.escalated(waiting.now, waiting.minutes)}
        new = ids - self._seen
        newly_escalated = escalated - self._escalated
        self._seen = ids
        self._escalated = escalated
        self.alarms = alarms
        self._fill(waiting.now, escalated)
        if not alarms:
            self.hide()
            return
        if new or newly_escalated:
            self.sound.play(escalation=bool(newly_escalated))
            self._pop_up()

    def _pop_up(self) -> None:
        if not self.isVisible():
            if self.main_window is not None:
                frame = self.main_window.frameGeometry()
                self.move(frame.center().x() - self.width() // 2, frame.top() + 60)
            self.show()  # on top of every window (WindowStaysOnTopHint), without taking focus

    # ---------------------------------------------------------------- what it shows

    def _fill(self, now: datetime, escalated: set[str]) -> None:
        selected = self.selected_alarm()
        self.list.clear()
        count = len(self.alarms)
        if escalated:
            self.header.setText(
                self.tr("ESCALATIE — {n} te lang niet bevestigd").format(n=len(escalated))
            )
        elif count == 1:
            self.header.setText(self.tr("NOODMELDING — nog niet bevestigd"))
        else:
            self.header.setText(self.tr("NOODMELDINGEN — {n} nog niet bevestigd").format(n=count))
        for alarm in self.alarms:
            item = QListWidgetItem(self.alarm_text(alarm, now, alarm.id in escalated))
            item.setData(Qt.ItemDataRole.UserRole, alarm.id)
            colour = ESCALATED_BACKGROUND if alarm.id in escalated else WAITING_BACKGROUND
            item.setBackground(QBrush(QColor(colour)))
            item.setForeground(QBrush(QColor("black")))
            if alarm.id in escalated:
                bold = QFont(self.list.font())
                bold.setBold(True)
                item.setFont(bold)
            self.list.addItem(item)
        row = 0
        if selected is not None:
            row = next((i for i, a in enumerate(self.alarms) if a.id == selected.id), 0)
        if self.alarms:
            self.list.setCurrentRow(row)
        self.acknowledge_button.setEnabled(bool(self.alarms))

    def alarm_text(self, alarm: AlarmInfo, now: datetime, escalated: bool) -> str:
        """Two lines: ``GR-0014 · AMBULANCE · SPOED · 2 personen`` and place, time, waiting."""
        first = [alarm.post_code, label(alarm.type).upper(), label(alarm.urgency).upper()]
        if alarm.persons == 1:
            first.append(self.tr("1 persoon"))
        elif alarm.persons:
            first.append(self.tr("{n} personen").format(n=alarm.persons))
        waited = alarm.waiting_minutes(now)
        when = format_clock(parse_iso(alarm.since), now) if alarm.since else "?"
        second = f"{alarm.location or '—'} · {when} ({self.tr('%n min geleden', '', waited)})"
        text = f"{' · '.join(first)}\n{second}"
        if escalated:
            text = self.tr("ESCALATIE: %n min niet bevestigd", "", waited) + "\n" + text
        return text

    def selected_alarm(self) -> AlarmInfo | None:
        row = self.list.currentRow()
        if row < 0:
            return None
        alarm_id = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.alarms if a.id == alarm_id), None)

    # ---------------------------------------------------------------- actions

    @Slot()
    def acknowledge(self) -> AcknowledgeDialog | None:
        """Open *Noodmelding bevestigen* for the selected alarm; returns the open dialog."""
        alarm = self.selected_alarm()
        if alarm is None:
            return None
        self.dialog = AcknowledgeDialog(self.app, alarm, self)
        self.dialog.saved.connect(lambda _info: self.check())
        self.dialog.open()
        return self.dialog

    @Slot()
    def show_inbox(self) -> None:
        """Show the alarm page of the main window with the selected alarm."""
        window = self.main_window
        if window is None:
            return
        alarm = self.selected_alarm()
        for index, page in enumerate(window.pages):
            if isinstance(page, AlarmsPage):
                window.show_page(index)
                if alarm is not None:
                    page.select_alarm(alarm.id)
                break
        window.activateWindow()
