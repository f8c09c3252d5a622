"""At the hub's window: approving a laptop whose post already has an approved key replaces it.

Through the whole main window: the operator selects the waiting laptop on *Synchronisatie* and
presses *Goedkeuren…*; the dialog shows old and new fingerprints side by side with *Nee* as the
default, so Escape and Enter change nothing; *Ja, sleutel vervangen* replaces the key.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from nodekit import carry, close_context, hub_context, introduce, node_context, pair
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from noodpost.app import build_main_window
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.replace_key import ReplaceKeyDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.sync import SyncPage
from noodpost.storage.eventlog import count_events

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


class Post:
    """A hub, post GR-0014's approved laptop, and a second laptop claiming GR-0014."""

    def __init__(self, tmp_path: Path, clock: FixedClock) -> None:
        self.hub = hub_context(tmp_path, clock)
        self.old = node_context(tmp_path, clock, "old", code="GR-0014", name="Dorpshuis")
        self.new = node_context(
            tmp_path, clock, "new", code="GR-0014", name="Dorpshuis", volunteer="Anna"
        )

    def close(self) -> None:
        for context in (self.hub, self.old, self.new):
            close_context(context)


@pytest.fixture
def post(tmp_path: Path, clock: FixedClock) -> Iterator[Post]:
    made = Post(tmp_path, clock)
    stick = introduce(made.old, made.hub, tmp_path)
    clock.advance(timedelta(minutes=90))
    pair(made.new, made.hub, tmp_path)
    made.new.services.alarms.raise_alarm("fire", "high", "Keuken")
    carry(made.new, made.hub, stick)  # waits in quarantine at the hub
    yield made
    made.close()


def _approved(context: AppContext) -> dict[str, bool]:
    return {p.fingerprint: p.approved for p in context.services.sync.list_peers().peers}


def _state(context: AppContext) -> tuple[dict[str, bool], int, str]:
    with context.services.ctx.read() as session:
        events = count_events(session)
    return _approved(context), events, context.services.sync.quarantine().summary


def _sync_page(qtbot: QtBot, context: AppContext) -> tuple[MainWindow, SyncPage]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("Synchronisatie")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.runner.pending == 0, timeout=10_000)
    return window, page


def _ask(qtbot: QtBot, window: MainWindow, page: SyncPage) -> ReplaceKeyDialog:
    """Select the waiting laptop and press *Goedkeuren…*; the replace dialog opens."""
    assert page.pending_model.rowCount() == 1
    page.pending_table.selectRow(0)
    QTest.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialogs = [d for d in window.findChildren(ReplaceKeyDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].focusWidget() is dialogs[0].no_button  # a key press answers 'Nee'
    return dialogs[0]


def _press(qtbot: QtBot, dialog: ReplaceKeyDialog, key: Qt.Key) -> None:
    QTest.keyClick(dialog.focusWidget(), key)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)


def test_the_replace_dialog_shows_both_laptops_and_defaults_to_no(
    qtbot: QtBot, post: Post, clock: FixedClock
) -> None:
    old, new = post.old.services.sync.fingerprint, post.new.services.sync.fingerprint
    window, page = _sync_page(qtbot, post.hub)
    assert page.pending_model.data(page.pending_model.index(0, 2)) == new
    name = str(page.pending_model.data(page.pending_model.index(0, 1)))
    assert name.endswith("code heeft al een goedgekeurde sleutel")
    before = _state(post.hub)
    assert before[0] == {old: True, new: False}

    dialog = _ask(qtbot, window, page)
    assert dialog.old_fingerprint.text() == old
    assert dialog.new_fingerprint.text() == new
    assert dialog.old_contact.text() == "laatst contact: 10:00"
    assert dialog.new_seen.text() == "eerst gezien: 11:30"
    assert "vertrouwt de C-NSP de oude laptop niet meer" in dialog.warning.text()
    assert dialog.no_button.isDefault()
    assert not dialog.yes_button.isDefault()
    assert dialog.no_button.text() == "Nee"

    _press(qtbot, dialog, Qt.Key.Key_Escape)
    assert _state(post.hub) == before
    assert not page.busy

    dialog = _ask(qtbot, window, page)
    _press(qtbot, dialog, Qt.Key.Key_Return)  # Enter: the default, Nee
    assert _state(post.hub) == before

    dialog = _ask(qtbot, window, page)
    QTest.mouseClick(dialog.no_button, Qt.MouseButton.LeftButton)
    assert _state(post.hub) == before
    assert post.hub.services.alarms.alarm_ids() == []  # nothing of the new laptop applied


def test_yes_replaces_the_key_and_applies_the_new_laptops_bundle(qtbot: QtBot, post: Post) -> None:
    old, new = post.old.services.sync.fingerprint, post.new.services.sync.fingerprint
    window, page = _sync_page(qtbot, post.hub)

    dialog = _ask(qtbot, window, page)
    QTest.mouseClick(dialog.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and page.runner.pending == 0, timeout=20_000)

    assert page.result.text().startswith(
        f"GR-0014: sleutel vervangen — oud {old} → nieuw {new}; 1 bundel uit quarantaine: "
    )
    assert _approved(post.hub) == {old: False, new: True}
    assert len(post.hub.services.alarms.alarm_ids()) == 1  # the new laptop's alarm
    assert page.quarantine_summary.text() == "Niets in quarantaine."
    # The old key now waits like any unapproved key; approving it would be another replacement.
    assert page.pending_model.data(page.pending_model.index(0, 2)) == old
