"""Background sync: a post pushes a new alarm to its hub at once, over real HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from noodpost.gui.background_sync import BackgroundSync
from noodpost.gui.context import AppContext
from noodpost.hub.server import HubServer, make_app
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import Database
from noodpost.sync.keys import create_keys
from noodpost.sync.service import SyncService

pytestmark = pytest.mark.gui


def test_offline_is_quiet(qtbot: QtBot, app_context: AppContext) -> None:
    """Not paired, no hub: an attempt ends without a problem and without a dialog."""
    background = BackgroundSync(app_context)
    problems: list[str] = []
    background.problem.connect(problems.append)
    with qtbot.waitSignal(background.synced, timeout=10_000) as attempt:
        background.sync_now()
    assert attempt.args == [False]
    assert problems == []
    background.shutdown()


def test_a_change_heard_while_the_window_closes_starts_nothing(
    qtbot: QtBot, app_context: AppContext
) -> None:
    """A change signal still queued when the window closes (an alarm changed a moment ago) came
    after the sync's worker had stopped, and ended in the bug dialog (seen in CI)."""
    background = BackgroundSync(app_context)
    background.shutdown()
    background.on_entities_changed(frozenset({"alarm"}))  # no error, and nothing runs
    assert not background.busy


def test_a_new_alarm_reaches_the_hub_at_once(
    qtbot: QtBot, app_context: AppContext, another_node: object, tmp_path: Path
) -> None:
    hub_db: Database = another_node("hub", role="hub", code="GR-9000")  # type: ignore[operator]
    hub_dir = tmp_path / "hub"
    create_keys(hub_db, hub_dir)
    hub_sync = SyncService(hub_db, app_context.services.ctx.clock, hub_dir)
    with HubServer(make_app(hub_sync), "127.0.0.1", 0) as server:
        pairing = tmp_path / "koppeling.json"
        hub_sync.export_pairing(pairing, [server.url])
        app_context.services.sync.import_pairing(pairing)
        background = BackgroundSync(app_context)
        app_context.services.ctx.subscribe(background.on_entities_changed)
        # The first contact leaves the post waiting for approval; approve, as the operator does.
        with qtbot.waitSignal(background.synced, timeout=10_000):
            background.sync_now()
        hub_sync.approve_post("GR-0014")

        with qtbot.waitSignal(background.synced, timeout=10_000) as attempt:
            app_context.services.alarms.raise_alarm("ambulance", "immediate", "Zaal 2", persons=1)
        assert attempt.args == [True]
        hub_alarms = AlarmsService(ServiceContext(hub_db, app_context.services.ctx.clock))
        assert [a.location for a in hub_alarms.open_alarms()] == ["Zaal 2"]
        background.shutdown()
