"""Issue 5's done-when: an alarm and its acknowledgement cross between a hub and posts.

Over real HTTP on 127.0.0.1: the hub endpoint runs as ``noodpost hub serve`` does (its own
sync service, nothing wired to the hub's screens), the hub's screens learn of arrivals by
watching the database (BackgroundSync at the hub), and the posts sync in the background
(every second while an alarm waits). Over bundles: a stick carried both ways.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from nodekit import carry, close_context, hub_context, introduce, node_context
from pytestqt.qtbot import QtBot

from noodpost.app import build_main_window
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound
from noodpost.gui.alarm_alert import AlarmAlert
from noodpost.gui.background_sync import BackgroundSync
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.hub.server import HubServer, make_app
from noodpost.sync.service import SyncService

pytestmark = pytest.mark.gui

DEADLINE_MS = 2_000


class FakeSound:
    def __init__(self) -> None:
        self.played: list[bool] = []

    def play(self, *, escalation: bool) -> None:
        self.played.append(escalation)


class Region:
    def __init__(self, tmp_path: Path, clock: FixedClock) -> None:
        self.hub = hub_context(tmp_path, clock)
        self.a = node_context(
            tmp_path, clock, "a", code="GR-0014", name="Dorpshuis Ten Boer", volunteer="Anna"
        )
        self.b = node_context(
            tmp_path, clock, "b", code="GR-0015", name="Sporthal Noord", volunteer="Kees"
        )
        self.backgrounds: list[BackgroundSync] = []

    def close(self) -> None:
        for background in self.backgrounds:
            background.shutdown()
        for context in (self.hub, self.a, self.b):
            close_context(context)


@pytest.fixture
def region(tmp_path: Path, clock: FixedClock) -> Iterator[Region]:
    made = Region(tmp_path, clock)
    yield made
    made.close()


def _window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _alarms_page(window: MainWindow) -> AlarmsPage:
    page = window.show_page("Meldingen")
    assert isinstance(page, AlarmsPage)
    return page


def _background(region: Region, context: AppContext, window: MainWindow | None) -> BackgroundSync:
    """Wired as ``run_gui`` wires it."""
    background = BackgroundSync(context)
    region.backgrounds.append(background)
    if window is not None:
        window.entities_changed.connect(background.on_entities_changed)
    return background


def _hub_screens(qtbot: QtBot, region: Region) -> tuple[MainWindow, AlarmAlert, FakeSound]:
    window = _window(qtbot, region.hub)
    sound = FakeSound()
    alert = AlarmAlert(region.hub, window, sound=sound)
    qtbot.addWidget(alert)
    _background(region, region.hub, window).start()  # the hub watches for arrivals
    return window, alert, sound


def _acknowledge(qtbot: QtBot, region: Region, alert: AlarmAlert, note: str) -> None:
    dialog = alert.acknowledge()
    assert dialog is not None
    assert dialog.name.text() == "Bert Hoekstra"  # the signed-in operator
    dialog.note.setText(note)
    dialog.submit()
    qtbot.waitUntil(lambda: region.hub.runner.pending == 0, timeout=5_000)


def test_alarm_and_acknowledgement_cross_over_http_within_two_seconds(
    qtbot: QtBot, region: Region, tmp_path: Path
) -> None:
    hub_sync = SyncService(
        region.hub.services.ctx.db, region.hub.services.ctx.clock, tmp_path / "hub"
    )
    with HubServer(make_app(hub_sync), "127.0.0.1", 0) as server:
        region.hub.services.sync.export_pairing(tmp_path / "koppeling.json", [server.url])
        for post in (region.a, region.b):
            introduce(post, region.hub, tmp_path)  # pairing read, first bundle approved
        hub_window, alert, sound = _hub_screens(qtbot, region)
        inbox = _alarms_page(hub_window)
        assert not alert.isVisible()

        post_window = _window(qtbot, region.a)
        post_page = _alarms_page(post_window)
        post_sync = _background(region, region.a, post_window)
        with qtbot.waitSignal(post_sync.synced, timeout=10_000) as first:
            post_sync.start()
        assert first.args == [True]
        assert post_sync.timer.interval() == 60_000  # nothing waiting: the normal pace

        started = time.monotonic()
        alarm = region.a.services.alarms.raise_alarm(
            "ambulance", "immediate", "Kerkstraat 5 zaal 2", persons=2
        )
        qtbot.waitUntil(
            lambda: alert.isVisible() and [a.id for a in alert.alarms] == [alarm.id],
            timeout=DEADLINE_MS,
        )
        arrived = time.monotonic() - started
        assert arrived <= DEADLINE_MS / 1000
        assert sound.played == [False]
        assert "GR-0014 · AMBULANCE · SPOED · 2 personen" in alert.list.item(0).text()
        qtbot.waitUntil(lambda: inbox.model.rowCount() == 1, timeout=DEADLINE_MS)
        assert post_page.radio_panel.isVisible()  # no acknowledgement yet: the radio line
        qtbot.waitUntil(lambda: post_sync.timer.interval() == 1_000, timeout=DEADLINE_MS)

        started = time.monotonic()
        _acknowledge(qtbot, region, alert, "Ambulance is onderweg")
        assert not alert.isVisible()
        qtbot.waitUntil(
            lambda: "Bevestigd door Bert Hoekstra" in post_page.details.text(),
            timeout=DEADLINE_MS,
        )
        answered = time.monotonic() - started
        assert answered <= DEADLINE_MS / 1000
        assert "Notitie: Ambulance is onderweg" in post_page.details.text()
        assert not post_page.radio_panel.isVisible()
        assert region.a.services.alarms.unacknowledged_count() == 0
        qtbot.waitUntil(lambda: post_sync.timer.interval() == 60_000, timeout=DEADLINE_MS)

        other = _background(region, region.b, None)
        with qtbot.waitSignal(other.synced, timeout=10_000) as next_sync:
            other.sync_now()  # post B's next sync
        assert next_sync.args == [True]
        with pytest.raises(NotFound):  # another post's alarm never reaches it (DESIGN §3.8)
            region.b.services.alarms.alarm(alarm.id)


def test_alarm_and_acknowledgement_cross_on_a_stick(
    qtbot: QtBot, region: Region, tmp_path: Path
) -> None:
    stick = introduce(region.a, region.hub, tmp_path)
    _hub_window, alert, sound = _hub_screens(qtbot, region)
    post_window = _window(qtbot, region.a)
    post_page = _alarms_page(post_window)

    alarm = region.a.services.alarms.raise_alarm("fire", "high", "Keuken")
    qtbot.waitUntil(post_page.radio_panel.isVisible, timeout=DEADLINE_MS)  # read off the GUI thread
    carry(region.a, region.hub, stick)  # the courier reads the stick in at the hub
    qtbot.waitUntil(lambda: [a.id for a in alert.alarms] == [alarm.id], timeout=DEADLINE_MS)
    assert alert.isVisible()
    assert sound.played == [False]

    _acknowledge(qtbot, region, alert, "Brandweer gealarmeerd")
    assert region.hub.services.alarms.alarm(alarm.id).status == "acknowledged"
    carry(region.hub, region.a, stick)  # and back to the post
    qtbot.waitUntil(
        lambda: "Bevestigd door Bert Hoekstra" in post_page.details.text(), timeout=DEADLINE_MS
    )
    assert "Notitie: Brandweer gealarmeerd" in post_page.details.text()
    assert not post_page.radio_panel.isVisible()
