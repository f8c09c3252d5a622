"""(hub) Events a post may not write are shown where the coordinator looks (DESIGN §3.8).

Approved post GR-0014 sends a bundle, signed with its own key, that tries to register
households at GR-0015. Through the whole main window: the status line turns amber with the
count, and on *Synchronisatie* the post's row says how many were refused and the quarantine
list gives the Dutch reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from nodekit import close_context, hub_context, introduce, node_context
from pytestqt.qtbot import QtBot
from sync.sitekit import Site, craft

from noodpost.app import build_main_window
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.ids import new_id
from noodpost.gui.context import AppContext
from noodpost.gui.pages.sync import SyncPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _site(context: AppContext, data_dir: Path) -> Site:
    return Site(data_dir, context.services.ctx.db, context.services.ctx, context.services.sync)


@pytest.fixture
def hub(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    hub = hub_context(tmp_path, clock)
    post = node_context(tmp_path, clock, "a", code="GR-0014", name="Dorpshuis Ten Boer")
    introduce(post, hub, tmp_path)
    attacker, target = _site(post, tmp_path / "a"), _site(hub, tmp_path / "hub")
    events = [
        attacker.forge(
            "household",
            new_id(),
            Op.CREATE,
            {"post_code": "GR-0015", "card_code": f"ZZ-000{n}", "size": 2},
            ahead=n,
        )
        for n in range(3)
    ]
    assert target.sync.import_bytes(craft(attacker, target, events=events)).refused == 3
    yield hub
    close_context(post)
    close_context(hub)


def test_refused_events_show_in_the_status_line_and_on_synchronisatie(
    qtbot: QtBot, hub: AppContext
) -> None:
    window = build_main_window(hub)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    unsent = window.status_line.unsent
    assert unsent.text() == "1 post bekend · 3 niet toegestaan"
    assert "#ffbf00" in unsent.styleSheet()

    page = window.show_page("Synchronisatie")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.peer_model.rowCount() == 1)
    status = page.peer_model.data(page.peer_model.index(0, 2))
    assert status == "goedgekeurd · 3 niet toegestaan"
    qtbot.waitUntil(lambda: page.quarantine_model.rowCount() == 3)
    reason = page.quarantine_model.data(page.quarantine_model.index(0, 3))
    assert reason == "niet toegestaan: GR-0014 mag niet een huishouden aanmaken van GR-0015"
