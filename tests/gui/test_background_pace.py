"""A post asks its hub every second while an alarm waits for the C-NSP's acknowledgement."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from noodpost.gui.background_sync import (
    ALARM_INTERVAL_MS,
    ALARM_OFFLINE_INTERVAL_MS,
    INTERVAL_MS,
    BackgroundSync,
)
from noodpost.gui.context import AppContext
from noodpost.sync.service import SyncService

pytestmark = pytest.mark.gui


def test_the_pace_follows_the_waiting_alarm(qtbot: QtBot, app_context: AppContext) -> None:
    answers = [False]

    def push(_service: SyncService) -> bool:
        return answers[0]

    background = BackgroundSync(app_context, push=push)
    app_context.services.ctx.subscribe(background.on_entities_changed)
    try:
        with qtbot.waitSignal(background.synced, timeout=5_000):
            background.sync_now()
        assert background.timer.interval() == INTERVAL_MS  # nothing waiting

        with qtbot.waitSignal(background.synced, timeout=5_000):  # pushed at once
            alarm = app_context.services.alarms.raise_alarm("fire", "high", "Keuken")
        assert background.timer.interval() == ALARM_OFFLINE_INTERVAL_MS  # hub not answering

        answers[0] = True
        with qtbot.waitSignal(background.synced, timeout=5_000):
            background.sync_now()
        assert background.timer.interval() == ALARM_INTERVAL_MS  # every second

        with qtbot.waitSignal(background.synced, timeout=5_000):
            app_context.services.alarms.cancel(alarm.id, "Vergissing")
        assert background.timer.interval() == INTERVAL_MS
    finally:
        background.shutdown()
