"""The menu's *Noodlijst afdrukken…* and *Papieren formulieren afdrukken…* in the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pdfkit import decode_pages, pdf_text
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from noodpost.core import cards
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.services.intake import IntakeService
from noodpost.services.visits import VisitsService

pytestmark = pytest.mark.gui


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the save dialog with ``path`` (``None``: cancel); returns the titles asked."""
    asked: list[str] = []

    def save(_parent: object, title: str, *_args: object, **_kw: object) -> tuple[str, str]:
        asked.append(title)
        return (str(path) if path is not None else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return asked


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None
    assert action in window.menu.actions()  # in the Noodpost menu
    return action


def test_the_menu_prints_the_noodlijst_of_who_is_present(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ctx = app_context.services.ctx
    here = IntakeService(ctx).register(size=3, flags=["less_self_reliant"], consent=True)
    VisitsService(ctx).check_in(here.household_id)
    away = IntakeService(ctx).register(size=2)
    target = tmp_path / "noodlijst.pdf"
    asked = _save_as(monkeypatch, target)

    _action(main_window, "noodlijst_action").trigger()
    wait_idle()
    qtbot.waitUntil(lambda: "Noodlijst" in main_window.statusBar().currentMessage())

    assert asked == ["Noodlijst opslaan"]
    text = " ".join(pdf_text(target).split())
    assert here.pretty_code in text
    assert away.pretty_code not in text
    assert "verminderd zelfredzaam" in text
    assert "Aanwezig: 3 personen in 1 huishouden" in text
    assert str(target) in main_window.statusBar().currentMessage()


def test_the_menu_prints_forms_with_reserved_cards(
    qtbot: QtBot,
    main_window: MainWindow,
    app_context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (2, True))
    target = tmp_path / "formulieren.pdf"
    _save_as(monkeypatch, target)

    _action(main_window, "paper_forms_action").trigger()
    qtbot.waitUntil(lambda: "inschrijfformulieren" in main_window.statusBar().currentMessage())

    pages = decode_pages(target, tmp_path / "png", dpi=150)
    assert [len(page) for page in pages] == [1, 1, 0]  # two forms, the hand-out sheet
    intake = IntakeService(app_context.services.ctx)
    for (text,) in pages[:2]:
        assert cards.parse(text).post_code == "GR-0014"
        assert intake.lookup(text).state.value == "unused"


def test_cancelling_the_save_dialog_reserves_no_codes(
    main_window: MainWindow,
    app_context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (5, True))
    _save_as(monkeypatch, None)

    _action(main_window, "paper_forms_action").trigger()

    assert app_context.services.status.current().counts["card_batches"] == 0
