"""Publieksscherm: bulletins from the C-NSP, the post's services, stock in words; no persons."""

from __future__ import annotations

from pathlib import Path

import pytest
from nodekit import carry, close_context, introduce
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from noodpost.app import build_context
from noodpost.config import catalogue_path
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.info_screen import InfoScreen, InfoScreenLauncher
from noodpost.services.post import PostService
from noodpost.services.setup import initialise
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _screen(qtbot: QtBot, app: AppContext) -> InfoScreen:
    screen = InfoScreen(app, seconds=3600)
    qtbot.addWidget(screen)
    app.services.ctx.subscribe(screen.notify_changed)
    screen.resize(1920, 1080)
    screen.show()
    return screen


def _all_pages(screen: InfoScreen) -> list[list[str]]:
    pages = []
    for _ in screen.slides:
        pages.append(screen.texts())
        screen.advance()
    return pages


def test_a_hub_bulletin_and_low_stock_reach_the_screen(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    stick = introduce(app_context, hub, tmp_path)
    posts = PostService(app_context.services.ctx)
    now = posts.details()
    posts.update_details(
        name=now.name,
        capacity=now.capacity,
        address=now.address,
        services=["distribution", "charging_station"],
        opening_hours=None,
        retention_days=now.retention_days,
    )
    screen = _screen(qtbot, app_context)
    assert screen.texts()[0] == "Welkom bij Dorpshuis Ten Boer"
    assert screen.texts()[1] == "Nu open"
    assert not screen.training.isVisible()
    # What the post offers, worded for the public (issue 18, item 18):
    assert "•  eten en drinken" in screen.texts()
    assert "•  uw telefoon opladen" in screen.texts()
    assert "•  voedsel en water uitdelen" not in screen.texts()

    hub.services.bulletins.publish("Drinkwater", "Water halen bij de brandweerkazerne.")
    carry(hub, app_context, stick)
    qtbot.waitUntil(lambda: any(s.kind == "bulletin" for s in screen.slides), timeout=5000)
    bulletins = [p for p in _all_pages(screen) if p[0] == "Mededeling"]
    assert bulletins == [["Mededeling", "Drinkwater", "Water halen bij de brandweerkazerne."]]

    app_context.services.supplies.record_delivery("blanket", 5)  # minimum 20
    app_context.services.supplies.record_delivery("water", 500)  # minimum 200
    qtbot.waitUntil(lambda: any("Deken\tbijna op" in s.lines for s in screen.slides), timeout=5000)
    stock = [p for p in _all_pages(screen) if p[0].startswith("Wat is er te krijgen")]
    lines = [line for page in stock for line in page[1:]]
    assert "Deken bijna op" in lines
    assert "Drinkwater op voorraad" in lines
    assert "Voedselpakket niet meer beschikbaar" in lines  # 'op' read as 'op voorraad'

    while screen.current.kind != "stock":
        screen.advance()
    states = {
        label.text() for label in screen.findChildren(QLabel, "info_stock_state") if label.text()
    }
    assert {"bijna op", "op voorraad"} <= states
    for label in screen.findChildren(QLabel):
        assert label.font().pointSize() >= 28, label.text()


def test_keys_do_not_close_the_screen_and_nobody_is_shown(
    qtbot: QtBot, app_context: AppContext
) -> None:
    app_context.services.intake.register(size=3, name="Familie Bakker")
    app_context.services.messages.record("Jan Bakker", "Goed", consent=True)
    screen = _screen(qtbot, app_context)
    first = screen.index
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Space, Qt.Key.Key_Right):
        qtbot.keyClick(screen, key)
    assert screen.isVisible()
    assert screen.index == first
    pages = _all_pages(screen)
    assert len(pages) >= 2
    assert all("Bakker" not in line for page in pages for line in page)


def test_the_menu_action_opens_and_closes_the_screen(qtbot: QtBot, app_context: AppContext) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    launcher = InfoScreenLauncher(app_context, window, full_screen=False)
    assert launcher.action.text() == "&Publieksscherm tonen"
    launcher.action.setChecked(True)
    screen = launcher.screen
    assert screen is not None
    assert screen.isVisible()
    app_context.services.supplies.record_delivery("torch", 40)
    qtbot.waitUntil(lambda: any("Zaklamp\top voorraad" in s.lines for s in screen.slides))
    launcher.action.setChecked(False)
    assert launcher.screen is None
    launcher.action.setChecked(True)  # opens a fresh one
    assert launcher.screen is not None
    launcher.screen.close()  # closed by the window manager: the menu follows
    assert not launcher.action.isChecked()


def test_training_mode_marks_every_page(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, app_context: AppContext
) -> None:
    data_dir = tmp_path / "oefening"
    data_dir.mkdir()
    db = open_database(database_path(data_dir))
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    initialise(
        db,
        clock,
        role="post",
        name="Oefenpost",
        code="GR-0101",
        catalogue=items,
        catalogue_version=version,
        training=True,
    )
    context = build_context(db, data_dir, tmp_path / "oefening.log")
    context.services.ctx.clock = clock
    try:
        screen = _screen(qtbot, context)
        for _ in screen.slides:
            assert screen.training.isVisible()
            assert screen.training.text().startswith("OEFENING")
            screen.advance()
        assert screen.training.font().pointSize() >= QFont().pointSize()
        screen.close()
    finally:
        close_context(context)
