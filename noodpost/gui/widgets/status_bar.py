"""The status line at the bottom (DESIGN §5): presence, unsent work, alarms, sync, power, time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar, QWidget

from noodpost.core.clock import parse_iso
from noodpost.core.localtime import local_time
from noodpost.gui.context import AppContext
from noodpost.gui.power import PowerReading, battery_text, is_low
from noodpost.gui.widgets.elided_label import ElidedLabel
from noodpost.services.roles import SignedIn
from noodpost.sync.peers import PeerList

REFRESH_MS = 30_000


@dataclass(frozen=True)
class StatusFacts:
    """What the status line shows, read at one moment (on the reader thread)."""

    occupancy: tuple[int, int | None] | None  # present, capacity; None at a hub
    alarms_waiting: int
    alarms_open: int
    peers: PeerList
    signed_in: SignedIn | None
    now: datetime
    clock_behind: bool


def read_status(app: AppContext) -> StatusFacts:
    """The status line's facts from the services (services only: runs off the GUI thread)."""
    services = app.services
    return StatusFacts(
        occupancy=None if services.node.is_hub else services.visits.occupancy(),
        alarms_waiting=services.alarms.unacknowledged_count(),
        alarms_open=len(services.alarms.open_alarms()),
        peers=services.sync.list_peers(),
        signed_in=services.volunteers.signed_in(),
        now=services.ctx.clock.now(),
        clock_behind=services.status.clock_behind(),
    )


#: The labels that may end in "…" on a narrow screen rather than push the window wider.
GIVE_WAY = frozenset({"status_post", "status_volunteer"})


class StatusLine(QStatusBar):
    """Labels refreshed on a timer and after every change. Red means an alarm, never else."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        node = app.node
        self._separators: dict[str, QFrame] = {}
        self.setSizeGripEnabled(False)  # its width is the names' on a 1280-pixel screen
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
        self.power: PowerReading | None = None
        self.saving_power = False
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        # Before the first paint: the window opens with its status line filled in.
        self.show_facts(read_status(app))

    def _label(self, name: str, text: str = "") -> QLabel:
        if self.findChildren(QLabel):  # a thin line between the items, so they read apart
            line = QFrame()
            line.setFrameShape(QFrame.Shape.VLine)
            line.setFrameShadow(QFrame.Shadow.Sunken)
            self.addPermanentWidget(line)
            self._separators[name] = line
        # The names give way first (ending in "…", whole in the tooltip); the rest stays whole.
        label = ElidedLabel(text) if name in GIVE_WAY else QLabel(text)
        label.setObjectName(name)
        label.setContentsMargins(4, 0, 4, 0)
        self.addPermanentWidget(label)
        return label

    def refresh(self) -> None:
        """Read the facts off the GUI thread, then show them (:meth:`show_facts`)."""
        self.app.runner.read(partial(read_status, self.app), self.show_facts, key=self, owner=self)

    def _volunteer_text(self, facts: StatusFacts) -> str:
        signed_in = facts.signed_in
        if signed_in is None:
            return self.tr("niet ingelogd")
        if signed_in.is_coordinator:
            return self.tr("{name} (coördinator)").format(name=signed_in.name)
        return self.tr("{name} (vrijwilliger)").format(name=signed_in.name)

    def show_facts(self, facts: StatusFacts) -> None:
        if facts.occupancy is not None:
            present, capacity = facts.occupancy
            self.presence.setText(
                self.tr("Aanwezig {present}/{capacity}").format(present=present, capacity=capacity)
                if capacity
                else self.tr("Aanwezig {present}").format(present=present)
            )
        # Red until the C-NSP has confirmed the alarm: the navigation badge's number, by the
        # one rule in core.lifecycle (received is not yet confirmed).
        waiting, still_open = facts.alarms_waiting, facts.alarms_open
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
        peers = facts.peers.peers
        hub = facts.peers.hub
        if self.app.node.is_hub:
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
        self._show_power()
        self.volunteer.setText(self._volunteer_text(facts))
        self.clock.setText(local_time(facts.now).strftime("%H:%M"))
        hub_ahead = hub is not None and hub.clock_suspect
        if facts.clock_behind or hub_ahead:
            # Short on the line (it must fit 1280 pixels beside an alarm); what to do in the
            # tooltip.
            self.clock_warning.setText(self.tr("Klok verdacht"))
            self.clock_warning.setToolTip(self.tr("Klok verdacht: controleer datum en tijd"))
            self.clock_warning.setStyleSheet("background: #ffbf00; color: black;")
        else:
            self.clock_warning.setText("")
            self.clock_warning.setToolTip("")
            self.clock_warning.setStyleSheet("")

        for label in (
            self.presence,
            self.battery,
            self.clock_warning,
        ):  # only when they say something
            label.setVisible(bool(label.text()))
            self._separators[label.objectName()].setVisible(bool(label.text()))

    def show_power(self, reading: PowerReading | None, saving: bool) -> None:
        """The battery (from the power watch) and whether *stroombesparing* is on."""
        self.power, self.saving_power = reading, saving
        self._show_power()
        self.battery.setVisible(bool(self.battery.text()))
        self._separators[self.battery.objectName()].setVisible(bool(self.battery.text()))

    def _show_power(self) -> None:
        words = [battery_text(self.power)]
        if self.saving_power:
            words.append(self.tr("stroombesparing aan"))
        self.battery.setText(" · ".join(w for w in words if w))
        self.battery.setStyleSheet(
            "background: #ffbf00; color: black; font-weight: bold;" if is_low(self.power) else ""
        )

    def now(self) -> datetime:
        return self.app.services.ctx.clock.now()
