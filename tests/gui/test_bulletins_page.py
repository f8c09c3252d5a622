"""Berichten: the hub writes a bulletin, a stick carries it, the post reads it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from nodekit import carry, close_context, introduce, node_context
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.bulletins import BulletinsPage
from noodpost.storage.eventlog import count_events

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _events(context: AppContext) -> int:
    with context.services.ctx.read() as session:
        return count_events(session)


def _idle(qtbot: QtBot, context: AppContext) -> None:
    qtbot.waitUntil(lambda: context.runner.pending == 0, timeout=10_000)


def _publish(qtbot: QtBot, page: BulletinsPage, title: str, body: str, targets: list[str]) -> None:
    form = page.open_form()
    assert form is not None
    form.title.setText(title)
    form.body.setPlainText(body)
    form.set_targets(targets)
    form.submit()
    _idle(qtbot, page.app)
    assert not form.isVisible()


def _window(qtbot: QtBot, context: AppContext, page: BulletinsPage) -> MainWindow:
    """The post's window: pages refresh when a sync announces what changed."""
    window = MainWindow(context, [page])
    context.services.ctx.subscribe(window.notify_changed)
    qtbot.addWidget(window)
    window.show()
    _idle(qtbot, context)  # the first read shown
    return window


def test_a_hub_bulletin_reaches_the_post_by_stick(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path, clock: FixedClock
) -> None:
    stick = introduce(app_context, hub, tmp_path)
    noord = node_context(tmp_path, clock, "noord", code="GR-0015", name="Sporthal Noord")
    introduce(noord, hub, tmp_path)
    close_context(noord)
    post_page = BulletinsPage(app_context)
    window = _window(qtbot, app_context, post_page)
    assert not post_page.new_button.isVisible()
    assert post_page.card_titles() == []
    assert post_page.summary.text() == "Geen mededelingen van de C-NSP op dit moment."

    hub_page = BulletinsPage(hub)
    qtbot.addWidget(hub_page)
    hub_page.show()
    _idle(qtbot, hub)
    form = hub_page.open_form()
    assert form is not None
    assert [form.targets.item(i).text() for i in range(form.targets.count())] == [
        "GR-0014  Dorpshuis Ten Boer",
        "GR-0015  Sporthal Noord",
    ]
    form.reject()
    _publish(qtbot, hub_page, "Drinkwater", "Water halen bij de brandweerkazerne.", [])
    clock.advance(timedelta(minutes=5))
    _publish(qtbot, hub_page, "Alleen voor Noord", "Niet voor Ten Boer.", ["GR-0015"])
    clock.advance(timedelta(minutes=5))
    _publish(qtbot, hub_page, "Aggregaat", "Brandstof komt om 14:00.", ["GR-0014"])
    assert hub_page.card_titles() == ["Aggregaat", "Alleen voor Noord", "Drinkwater"]

    carry(hub, app_context, stick)  # the courier reads the stick at the post
    _idle(qtbot, app_context)

    assert window.isVisible()
    assert post_page.card_titles() == ["Aggregaat", "Drinkwater"]  # newest first, only ours
    assert post_page.summary.text() == "2 mededelingen."
    assert post_page.badge() == "2"
    metas = [label.text() for label in post_page.findChildren(QLabel, "bulletin_meta")]
    assert any("geldig tot 29-11 10:10" in text for text in metas)
    bodies = [label.text() for label in post_page.findChildren(QLabel, "bulletin_body")]
    assert "Water halen bij de brandweerkazerne." in bodies

    clock.advance(timedelta(days=2))  # both end after 24 hours
    post_page.refresh()
    hub_page.refresh()
    _idle(qtbot, app_context)
    _idle(qtbot, hub)
    assert post_page.card_titles() == []
    assert hub_page.summary.text() == "0 geldig, 3 verlopen."


def test_the_hub_withdraws_a_bulletin_everywhere(
    qtbot: QtBot,
    app_context: AppContext,
    hub: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stick = introduce(app_context, hub, tmp_path)
    hub_page = BulletinsPage(hub)
    qtbot.addWidget(hub_page)
    _publish(qtbot, hub_page, "Avondklok", "", [])
    carry(hub, app_context, stick)
    post_page = BulletinsPage(app_context)
    qtbot.addWidget(post_page)
    post_page.show()  # a page loads what it shows when it is first shown
    _idle(qtbot, app_context)
    assert post_page.card_titles() == ["Avondklok"]

    [bulletin] = hub.services.bulletins.current()
    box = hub_page.withdraw_box(bulletin)
    assert "Avondklok" in box.text()
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.No)
    before = _events(hub)
    hub_page.withdraw(bulletin)
    _idle(qtbot, hub)
    assert _events(hub) == before
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    hub_page.withdraw(bulletin)
    _idle(qtbot, hub)
    assert hub_page.card_titles() == []

    carry(hub, app_context, stick)
    post_page.refresh()
    _idle(qtbot, app_context)
    assert post_page.card_titles() == []


def test_a_bulletin_without_title_is_refused_and_the_text_kept(
    qtbot: QtBot, hub: AppContext
) -> None:
    page = BulletinsPage(hub)
    qtbot.addWidget(page)
    page.show()
    _idle(qtbot, hub)
    assert page.summary.text() == "Nog geen mededelingen verstuurd."
    form = page.open_form()
    assert form is not None
    form.body.setPlainText("Kom niet naar de sporthal.")
    form.has_end.setChecked(False)
    before = _events(hub)
    form.submit()
    _idle(qtbot, hub)
    assert form.isVisible()
    assert "Vul een titel in" in form.message.text()
    assert form.body.toPlainText() == "Kom niet naar de sporthal."
    assert _events(hub) == before

    form.title.setText("Sporthal dicht")
    form.submit()
    _idle(qtbot, hub)
    assert page.card_titles() == ["Sporthal dicht"]
    assert hub.services.bulletins.current()[0].valid_until is None


def test_an_end_time_in_the_past_is_refused(
    qtbot: QtBot, hub: AppContext, clock: FixedClock
) -> None:
    page = BulletinsPage(hub)
    qtbot.addWidget(page)
    form = page.open_form()
    assert form is not None
    form.title.setText("Te laat")
    clock.advance(timedelta(days=3))  # the default end (24 hours after opening) has passed
    before = _events(hub)
    form.submit()
    _idle(qtbot, hub)
    assert "in het verleden" in form.message.text()
    assert _events(hub) == before
    form.reject()
