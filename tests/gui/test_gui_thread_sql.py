"""No SQL on the GUI thread once the window is up (issue 15).

A scan, a hand-out, a page switch and the hub's live view read through the runner's reader
thread (and a write through its writer thread), so a slow disk or a long import at the hub
never freezes the window. The guard listens to every statement the database runs and notes
those that run on the GUI thread, with the GUI code that ran them.

Allowed, and named here: start-up before the first paint (the window opens filled in), which
is before the guard starts listening. No other case is allowed.
"""

from __future__ import annotations

import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from keyboard import activate, opened, press
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from support import arrive

from noodpost.app import build_main_window
from noodpost.core.entities import Op
from noodpost.gui.alarm_alert import AlarmAlert
from noodpost.gui.background_sync import BackgroundSync
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.household_search import HouseholdSearchDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.storage.engine import Database

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


class GuiThreadSql:
    """The statements run on the GUI thread while listening, by the GUI code that ran them."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()
        self.doing = ""

    def on_statement(self, *_args: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        where = "outside noodpost.gui"
        for frame in reversed(traceback.extract_stack()):
            if "/noodpost/gui/" in frame.filename:
                where = f"{frame.filename.split('/noodpost/')[1]}:{frame.lineno} {frame.name}"
                break
        self.seen[f"{self.doing}: {where}"] += 1

    def report(self) -> str:
        return "\n".join(f"{where} ({n}×)" for where, n in sorted(self.seen.items()))

    @contextmanager
    def listening(self, db: Database) -> Iterator[GuiThreadSql]:
        event.listen(db.engine, "before_cursor_execute", self.on_statement)
        try:
            yield self
        finally:
            event.remove(db.engine, "before_cursor_execute", self.on_statement)


class Silent:
    """The alarm sound, not played (no sound card here)."""

    def play(self, *, escalation: bool) -> None:
        pass


def settle(qtbot: QtBot, app: AppContext) -> None:
    """Every read and write under way delivered, and what they set off too."""
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=10_000)
    qtbot.wait(150)
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=10_000)


def test_a_shift_at_the_desk_runs_no_sql_on_the_gui_thread(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext
) -> None:
    services = app_context.services
    services.supplies.record_delivery("water", 1000, "gemeente")
    household = services.intake.register(size=2, name="de Vries", birth_year=1961)
    desk = main_window.show_page(0)
    assert isinstance(desk, DeskPage)
    activate(qtbot, main_window)
    qtbot.waitUntil(desk.scan_field.hasFocus)
    settle(qtbot, app_context)
    guard = GuiThreadSql()

    with guard.listening(app_context.services.ctx.db):
        guard.doing = "scan"
        QTest.keyClicks(desk.scan_field, household.qr_text)
        QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: desk.panel is not None, timeout=5_000)
        settle(qtbot, app_context)
        guard.doing = "hand-out"
        press(main_window, Qt.Key.Key_F2)
        settle(qtbot, app_context)
        guard.doing = "check-in"
        press(main_window, Qt.Key.Key_F1)
        settle(qtbot, app_context)
        guard.doing = "a name typed at the desk, chosen in the list"
        QTest.keyClicks(desk.scan_field, "Vries")
        QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
        found = opened(qtbot, main_window, HouseholdSearchDialog, "household_search_dialog")
        press(found, Qt.Key.Key_Return)  # the one found opens at the desk
        qtbot.waitUntil(lambda: not found.isVisible())
        settle(qtbot, app_context)
        for number, page in enumerate(main_window.pages):
            guard.doing = f"page switch to {page.title}"
            main_window.show_page(number)
            settle(qtbot, app_context)
        guard.doing = "back to the desk"
        press(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, app_context)

    assert desk.panel is not None  # the shift really happened: scanned, handed out, checked in
    assert desk.panel.present
    assert not guard.seen, "SQL on the GUI thread:\n" + guard.report()


def _alarm_arrives(hub: AppContext, alarm_id: str) -> None:
    """An alarm of post GR-0014 lands in the hub's database, as ``hub serve`` imports it: on
    a thread of its own (the server is not the window's GUI thread), which this waits for."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hub-serve") as server:
        server.submit(_import_alarm, hub, alarm_id).result()


def _import_alarm(hub: AppContext, alarm_id: str) -> None:
    ctx = hub.services.ctx
    arrive(
        ctx.db,
        ctx.clock,
        "GR-0014",
        "alarm",
        alarm_id,
        Op.CREATE,
        {
            "post_code": "GR-0014",
            "type": "ambulance",
            "urgency": "immediate",
            "location": "Kerkstraat 5 zaal 2",
            "persons": 2,
            "raised_at": ctx.now_iso(),
        },
    )


def test_the_hubs_live_view_runs_no_sql_on_the_gui_thread(qtbot: QtBot, hub: AppContext) -> None:
    window = build_main_window(hub)
    qtbot.addWidget(window)
    alert = AlarmAlert(hub, window, sound=Silent())
    qtbot.addWidget(alert)
    watch = BackgroundSync(hub)
    window.show()
    qtbot.waitExposed(window)
    watch.start()
    settle(qtbot, hub)
    guard = GuiThreadSql()
    shown: Callable[[], bool] = alert.isVisible

    with guard.listening(hub.services.ctx.db):
        guard.doing = "an alarm arrives"
        _alarm_arrives(hub, "alarm-1")
        qtbot.waitUntil(shown, timeout=5_000)  # the watch saw it, the pop-up shows it
        settle(qtbot, hub)
        for number, page in enumerate(window.pages):
            guard.doing = f"page switch to {page.title}"
            window.show_page(number)
            settle(qtbot, hub)
        guard.doing = "a second alarm arrives"
        _alarm_arrives(hub, "alarm-2")
        qtbot.waitUntil(lambda: "2" in alert.header.text(), timeout=5_000)
        settle(qtbot, hub)
        for number, page in enumerate(window.pages):  # time passes: the pages' own timers
            timers = [t for t in page.findChildren(QTimer) if t.isActive()]
            if not timers:
                continue
            guard.doing = f"the timers of {page.title}"
            window.show_page(number)
            settle(qtbot, hub)
            for timer in timers:
                timer.timeout.emit()
            settle(qtbot, hub)
        guard.doing = "the pop-up looks at the clock"
        alert.timer.timeout.emit()
        settle(qtbot, hub)

    watch.watch_timer.stop()
    assert not guard.seen, "SQL on the GUI thread:\n" + guard.report()
