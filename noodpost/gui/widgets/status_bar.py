"""The status line at the bottom (DESIGN §5): presence, unsent work, alarms, sync, power, time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar, QWidget

from noodpost.core.clock import parse_iso
from noodpost.core.rations import local_time
from noodpost.gui.context import AppContext

REFRESH_MS = 30_000
POWER_SUPPLY = Path("/sys/class/power_supply")


def battery_text(root: Path = POWER_SUPPLY) -> str:
    """``accu 64 %`` while running on battery (Linux), else ``""``."""
    for battery in sorted(root.glob("BAT*")):
        try:
            capacity = (battery / "capacity").read_text().strip()
            status = (battery / "status").read_text().strip()
        except OSError:
            continue
        if status.lower() == "discharging":
            return QCoreApplication.translate("StatusLine", "accu {percent} %").format(
                percent=capacity
            )
    return ""


#: How narrow a status label may become when the screen is narrow (pixels).
MIN_LABEL_WIDTH = 40


class StatusLine(QStatusBar):
    """Labels refreshed on a timer and after every change. Red means an alarm, never else."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        node = app.node
        self._separators: dict[str, QFrame] = {}
        self.post = self._label("status_post", f"{node.name} · {node.post_code}")
        self.presence = self._label("status_presence")
        self.unsent = self._label("status_unsent")
        self.alarms = self._label("status_alarms")
        self.last_sync = self._label("status_sync")
        self.battery = self._label("status_battery")
        self.volunteer = self._label("status_volunteer")
        self.clock = self._label("status_clock")
        self.clock_warning = self._label("status_clock_warning")
        if node.training:
            mark = self._label("status_training", " OEFENING ")
            mark.setStyleSheet("background: #ffbf00; color: black; font-weight: bold;")
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _label(self, name: str, text: str = "") -> QLabel:
        if self.findChildren(QLabel):  # a thin line between the items, so they read apart
            line = QFrame()
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.addPermanentWidget(line)
            self._separators[name] = line
        label = QLabel(text)
        label.setObjectName(name)
        label.setContentsMargins(4, 0, 4, 0)
        if name != "status_alarms":
            # Its whole text when there is room; on a narrow screen it gives way (cut off)
            # rather than push the window wider than the screen. The alarms never give way.
            label.setMinimumWidth(MIN_LABEL_WIDTH)
        self.addPermanentWidget(label)
        return label

    def _volunteer_text(self) -> str:
        signed_in = self.app.services.volunteers.signed_in()
        if signed_in is None:
            return self.tr("niet ingelogd")
        if signed_in.is_coordinator:
            return self.tr("{name} (coördinator)").format(name=signed_in.name)
        return self.tr("{name} (vrijwilliger)").format(name=signed_in.name)

    def refresh(self) -> None:
        services = self.app.services
        if not services.node.is_hub:
            present, capacity = services.visits.occupancy()
            self.presence.setText(
                self.tr("Aanwezig {present}/{capacity}").format(present=present, capacity=capacity)
                if capacity
                else self.tr("Aanwezig {present}").format(present=present)
            )
        # Red until the C-NSP has confirmed the alarm: the navigation badge's number, by the
        # one rule in core.lifecycle (received is not yet confirmed).
        waiting = services.alarms.unacknowledged_count()
        still_open = len(services.alarms.open_alarms())
        if waiting:
            text = self.tr("%n melding(en) niet bevestigd", "", waiting)
        elif still_open:
            text = self.tr("%n bevestigde melding(en) open", "", still_open)
        else:
            text = self.tr("geen meldingen open")
        self.alarms.setText(text)
        self.alarms.setStyleSheet(
            "background: #b00020; color: white; font-weight: bold;" if waiting else ""
        )
        peer_list = services.sync.list_peers()
        peers = peer_list.peers
        hub = peer_list.hub
        if services.node.is_hub:
            self.unsent.setText(self.tr("%n post(en) bekend", "", len(peers)))
        elif hub is None:
            self.unsent.setText(self.tr("niet gekoppeld"))
        else:
            self.unsent.setText(
                self.tr("%n wijziging(en) nog niet ontvangen door de C-NSP", "", hub.unacknowledged)
            )
        refused = sum(p.refused for p in peers)
        if refused:  # events a sender may not write: a coordinator should look (Synchronisatie)
            self.unsent.setText(
                self.unsent.text() + " · " + self.tr("%n niet toegestaan", "", refused)
            )
        self.unsent.setStyleSheet("background: #ffbf00; color: black;" if refused else "")
        contacts = [p.last_contact for p in peers if p.last_contact]
        if contacts:
            last = local_time(parse_iso(max(contacts))).strftime("%d-%m %H:%M")
            self.last_sync.setText(self.tr("sync {when}").format(when=last))
        else:
            self.last_sync.setText(self.tr("sync: nog nooit"))
        self.battery.setText(battery_text())
        self.volunteer.setText(self._volunteer_text())
        self.clock.setText(local_time(services.ctx.clock.now()).strftime("%H:%M"))
        hub_ahead = hub is not None and hub.clock_suspect
        if services.status.clock_behind() or hub_ahead:
            self.clock_warning.setText(self.tr("Klok verdacht: controleer datum en tijd"))
            self.clock_warning.setStyleSheet("background: #ffbf00; color: black;")
        else:
            self.clock_warning.setText("")
            self.clock_warning.setStyleSheet("")

        for label in (self.battery, self.clock_warning):  # shown only when they say something
            label.setVisible(bool(label.text()))
            self._separators[label.objectName()].setVisible(bool(label.text()))

    def now(self) -> datetime:
        return self.app.services.ctx.clock.now()
