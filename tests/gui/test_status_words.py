"""The status line's words (issue 18, item 18): '{n} niet verzonden' counted the changes the
C-NSP had not acknowledged yet, and said so in other words; a count has its plural form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from nodekit import pair
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def test_unsent_work_is_named_for_what_it_counts(
    qtbot: QtBot, main_window: MainWindow, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    unsent = main_window.status_line.unsent
    assert unsent.text() == "niet gekoppeld"
    pair(app_context, hub, tmp_path)
    app_context.services.intake.register(size=2)
    main_window.status_line.refresh()
    qtbot.waitUntil(lambda: app_context.runner.pending == 0)
    waiting = app_context.services.sync.list_peers().hub
    assert waiting is not None
    assert waiting.unacknowledged > 1
    assert unsent.text() == f"{waiting.unacknowledged} wijzigingen nog niet ontvangen door de C-NSP"
    assert not re.search(r"niet verzonden|\(en\)", unsent.text())
