"""Showing a page with a personal list records one audit entry per showing, not per fetch."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.pages.messages import MessagesPage
from noodpost.gui.pages.presence import PresencePage
from noodpost.gui.pages.volunteers import VolunteersPage
from noodpost.services.audit import AuditLine

pytestmark = pytest.mark.gui


def _views(app_context: AppContext) -> list[AuditLine]:
    return [line for line in app_context.services.audit.recent() if line.action == "view_personal"]


@pytest.mark.parametrize(
    ("page_class", "kind"),
    [
        (PresencePage, "aanwezigen"),
        (MessagesPage, "veilig-en-wel-berichten"),
        (VolunteersPage, "vrijwilligers"),
    ],
)
def test_each_showing_is_one_entry(
    qtbot: QtBot,
    app_context: AppContext,
    page_class: type,
    kind: str,
    wait_idle: Callable[[], None],
) -> None:
    page = page_class(app_context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.refresh()
    wait_idle()  # the audit line is written through the runner
    assert [(v.object, v.result) for v in _views(app_context)] == [(kind, "ok")]
    page.hide()
    page.show()
    wait_idle()
    assert [v.object for v in _views(app_context)] == [kind, kind]
