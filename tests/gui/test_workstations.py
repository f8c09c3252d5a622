"""Issue 19's done-when: two operator workstations on one C-NSP database on PostgreSQL.

Each workstation is a data folder of its own that names the hub's database and holds none of
the hub's private keys (``noodpost --workstation postgresql://…``); its operator signs in
with a PIN kept in that database. The hub's server (``noodpost hub serve``: its own folder,
with the keys, its own connection) imports a post's real bundle; the new alarm pops up on
both workstations within 2 s with their polling stopped — told by the database
(LISTEN/NOTIFY). The first acknowledgement wins; the other workstation shows who gave it, and
a second acknowledgement there is refused with that name.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from keyboard import activate, opened, press
from nodekit import FAST_HASHER, HUB_CODE, HUB_NAME, close_context, node_context
from pg import PgServer
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import make_node

from noodpost.app import build_context, build_main_window, open_node_database
from noodpost.core.clock import FixedClock
from noodpost.core.errors import Refused
from noodpost.gui.alarm_alert import AlarmAlert
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AcknowledgeDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.gui.pages.sync import SyncPage
from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import count_events
from noodpost.storage.node import prepare_workstation, save_database_url
from noodpost.sync.keys import KEYS_DIR, create_keys
from noodpost.sync.service import SyncService

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

DEADLINE_MS = 2_000
PIN = "1357"


class FakeSound:
    def __init__(self) -> None:
        self.played: list[bool] = []

    def play(self, *, escalation: bool) -> None:
        self.played.append(escalation)


@dataclass
class Region:
    """A C-NSP on PostgreSQL: its server (keys, imports) and operators' workstations."""

    tmp_path: Path
    clock: FixedClock
    url: str
    server_db: Database
    server: SyncService
    post: AppContext
    stick: Path
    workstations: list[AppContext] = field(default_factory=list)
    windows: list[MainWindow] = field(default_factory=list)

    def workstation(self, qtbot: QtBot, folder: str, operator: str) -> MainWindow:
        """A workstation started as ``noodpost --workstation URL`` starts one, its operator
        signed in with a PIN; the window's polling stopped (only a push can tell it)."""
        data_dir = self.tmp_path / folder
        prepare_workstation(data_dir, self.url)
        db = open_node_database(data_dir)
        assert db is not None
        context = build_context(db, data_dir, self.tmp_path / f"{folder}.log")
        context.services.ctx.clock = self.clock
        context.services.sync.clock = self.clock
        self.workstations.append(context)
        volunteers = VolunteersService(context.services.ctx, hasher=FAST_HASHER)
        person = next(v for v in volunteers.list_volunteers() if v.name == operator)
        volunteers.sign_in(person.id, PIN)
        window = build_main_window(context)
        self.windows.append(window)
        qtbot.addWidget(window)
        window.alarm_alert.sound = FakeSound()  # type: ignore[attr-defined]
        window.alarm_alert.timer.stop()  # type: ignore[attr-defined]
        window.outside_writes.timer.stop()  # type: ignore[attr-defined]
        assert window.outside_writes.feed.listening.wait(5.0)  # type: ignore[attr-defined]
        window.show()
        qtbot.waitExposed(window)
        return window

    def alarm_from_the_post(self) -> str:
        """The post raises an alarm; its bundle is read in at the hub's server."""
        alarm = self.post.services.alarms.raise_alarm(
            "ambulance", "immediate", "Kerkstraat 5 zaal 2", persons=2
        )
        self.post.services.sync.export_usb(self.stick)
        self.server.import_usb(self.stick)
        return alarm.id

    def close(self) -> None:
        """Windows gone before their database is: no timer of theirs (the status line's) may
        read a dropped database while the next test runs."""
        for window in self.windows:
            window.outside_writes.stop()  # type: ignore[attr-defined]
            window.close()
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.windows.clear()
        for context in self.workstations:
            close_context(context)
        close_context(self.post)
        self.server_db.close()


@pytest.fixture
def region(tmp_path: Path, clock: FixedClock, pg_server: PgServer) -> Iterator[Region]:
    url = pg_server.fresh()
    hub_dir = tmp_path / "hub"  # the server's folder: the keys and the database's URL
    server_db = make_node(hub_dir, clock, role="hub", code=HUB_CODE, name=HUB_NAME, database=url)
    create_keys(server_db, hub_dir)
    save_database_url(hub_dir, url)
    volunteers = VolunteersService(ServiceContext(server_db, clock), hasher=FAST_HASHER)
    first = volunteers.add_volunteer("Anna de Vries", "coordinator", PIN)  # set up at the hub
    volunteers.sign_in(first.id, PIN)
    volunteers.add_volunteer("Kees Mulder", "coordinator", PIN)
    server = SyncService(server_db, clock, hub_dir)
    post = node_context(tmp_path, clock, "post", code="GR-0014", name="Dorpshuis Ten Boer")
    pairing = tmp_path / "koppeling.json"
    server.export_pairing(pairing)
    post.services.sync.import_pairing(pairing)
    stick = tmp_path / "stick"
    stick.mkdir()
    post.services.sync.export_usb(stick)
    server.import_usb(stick)
    server.approve_post("GR-0014", post.services.sync.fingerprint)
    made = Region(tmp_path, clock, url, server_db, server, post, stick)
    try:
        yield made
    finally:
        made.close()
        pg_server.drop(url)


def _alert(window: MainWindow) -> AlarmAlert:
    alert = window.alarm_alert  # type: ignore[attr-defined]
    assert isinstance(alert, AlarmAlert)
    return alert


def _pops_up(window: MainWindow, alarm_id: str) -> bool:
    alert = _alert(window)
    return alert.isVisible() and [a.id for a in alert.alarms] == [alarm_id]


def _inbox(window: MainWindow, alarm_id: str) -> AlarmsPage:
    page = window.show_page("Meldingen")
    assert isinstance(page, AlarmsPage)
    page.select_alarm(alarm_id)
    return page


def _press_acknowledge(qtbot: QtBot, window: MainWindow, page: AlarmsPage) -> None:
    """Space on the inbox's *Bevestigen…*, the alarm selected."""
    activate(qtbot, window)
    button = page.acknowledge_button
    assert button.isEnabled()
    button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    QTest.keyClick(button, Qt.Key.Key_Space)


def _events(region: Region) -> int:
    with region.server_db.read() as session:
        return count_events(session)


def test_an_alarm_shows_on_both_workstations_and_the_first_acknowledgement_wins(
    qtbot: QtBot, region: Region
) -> None:
    anna = region.workstation(qtbot, "werkplek-1", "Anna de Vries")
    kees = region.workstation(qtbot, "werkplek-2", "Kees Mulder")
    for window in (anna, kees):
        assert not _alert(window).isVisible()
        assert not window.outside_writes.timer.isActive()  # type: ignore[attr-defined]
        assert not (region.tmp_path / "werkplek-1" / KEYS_DIR).exists()

    started = time.monotonic()
    alarm_id = region.alarm_from_the_post()
    for window in (anna, kees):
        qtbot.waitUntil(lambda w=window: _pops_up(w, alarm_id), timeout=DEADLINE_MS)
    assert time.monotonic() - started <= DEADLINE_MS / 1000
    for window in (anna, kees):
        assert "GR-0014 · AMBULANCE · SPOED · 2 personen" in _alert(window).list.item(0).text()
        assert _alert(window).sound.played == [False]  # type: ignore[attr-defined]

    # Kees opens the acknowledgement in his inbox too, a moment after Anna opened hers.
    kees_page = _inbox(kees, alarm_id)
    _press_acknowledge(qtbot, kees, kees_page)
    kees_dialog = opened(qtbot, kees, AcknowledgeDialog, "acknowledge_dialog")
    assert kees_dialog.name.text() == "Kees Mulder"

    # Anna acknowledges from her pop-up, by keyboard: Enter, the note, Enter.
    anna_alert = _alert(anna)
    activate(qtbot, anna_alert)
    press(anna_alert, Qt.Key.Key_Return)
    anna_dialog = opened(qtbot, anna_alert, AcknowledgeDialog, "acknowledge_dialog")
    assert anna_dialog.name.text() == "Anna de Vries"  # the signed-in operator
    press(anna_dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    QTest.keyClicks(anna_dialog.note, "Ambulance is onderweg")
    started = time.monotonic()
    press(anna_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not anna_dialog.isVisible(), timeout=5_000)

    # Kees's workstation shows it within 2 s: the pop-up goes, the inbox names Anna.
    qtbot.waitUntil(lambda: not _alert(kees).isVisible(), timeout=DEADLINE_MS)
    qtbot.waitUntil(
        lambda: "Bevestigd door Anna de Vries om 10:00" in kees_page.details.text(),
        timeout=DEADLINE_MS,
    )
    assert time.monotonic() - started <= DEADLINE_MS / 1000
    assert "Notitie: Ambulance is onderweg" in kees_page.details.text()

    # Kees's dialog was open all along: his Enter is refused, with who acknowledged.
    events = _events(region)
    activate(qtbot, kees_dialog)
    press(kees_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not kees_dialog.message.isHidden(), timeout=5_000)
    assert kees_dialog.isVisible()
    assert (
        "Niet opgeslagen: Deze noodmelding is al bevestigd door Anna de Vries om 10:00."
        in kees_dialog.message.text()
    )
    assert _events(region) == events  # nothing written
    info = region.workstations[1].services.alarms.alarm(alarm_id)
    assert (info.status, info.acknowledged_by, info.status_note) == (
        "acknowledged",
        "Anna de Vries",
        "Ambulance is onderweg",
    )


def test_a_workstation_has_no_keys_and_still_works_the_inbox(qtbot: QtBot, region: Region) -> None:
    window = region.workstation(qtbot, "werkplek", "Kees Mulder")
    folder = region.tmp_path / "werkplek"
    assert sorted(p.name for p in folder.iterdir()) == ["database-url.txt"]

    alarm_id = region.alarm_from_the_post()
    qtbot.waitUntil(lambda: _alert(window).isVisible(), timeout=DEADLINE_MS)
    page = _inbox(window, alarm_id)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=DEADLINE_MS)

    # What needs the hub's private keys says where it is done.
    sync_page = window.show_page("Synchronisatie")
    assert isinstance(sync_page, SyncPage)
    qtbot.waitUntil(lambda: sync_page.runner.pending == 0, timeout=DEADLINE_MS)
    assert "deze werkplek heeft de sleutels van het C-NSP niet" in sync_page.identity.text()
    context = region.workstations[0]
    with pytest.raises(Refused, match=r"op de server\s+van het C-NSP"):
        context.services.sync.export_usb(region.tmp_path / "stick-2")
    with pytest.raises(Refused, match=r"op de server\s+van het C-NSP"):
        context.services.sync.export_pairing(region.tmp_path / "koppeling-2.json")
    assert not (region.tmp_path / "koppeling-2.json").exists()

    # The inbox works: the acknowledgement is saved and the pop-up goes.
    page = _inbox(window, alarm_id)
    _press_acknowledge(qtbot, window, page)
    dialog = opened(qtbot, window, AcknowledgeDialog, "acknowledge_dialog")
    press(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: not _alert(window).isVisible(), timeout=DEADLINE_MS)
    assert region.post.services.alarms.alarm(alarm_id).status != "acknowledged"  # not synced yet
    info = context.services.alarms.alarm(alarm_id)
    assert (info.status, info.acknowledged_by) == ("acknowledged", "Kees Mulder")
    assert not (folder / KEYS_DIR).exists()
