"""Every page and dialog in both languages, compared against the catalogue (issue 18, item 12).

The English interface must show no Dutch source text of the catalogue, the Dutch interface no
English translation. The walk opens the post's and the C-NSP's main windows with the chosen
language installed as ``noodpost`` installs it, shows every page, opens the dialogs of the menu
and the pages' *new* forms, and reads what a volunteer reads: labels, buttons, group titles,
window titles, table headers, placeholders, list items, menus.

Texts the services build (refusals, logbook lines written by a service) are not in the
catalogue and so not checked here; docs/taal.md says which remain Dutch.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyboard import activate, press
from PySide6.QtCore import QAbstractItemModel, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_translations import build_qm

from noodpost.app import build_main_window
from noodpost.core import vocabulary
from noodpost.gui.context import AppContext
from noodpost.gui.labels import known_values, label
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.gui.translations import install_translators, remove_translators, translations_dir

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _catalogue() -> tuple[set[str], set[str]]:
    """(Dutch sources that have another English text, those English texts)."""
    root = ET.parse(translations_dir() / "noodpost_en.ts").getroot()
    dutch: set[str] = set()
    english: set[str] = set()
    for message in root.iter("message"):
        if message.get("numerus") == "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation and translation != source:
            dutch.add(source)
            english.add(translation)
    return dutch - english, english - dutch


DUTCH, ENGLISH = _catalogue()


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_qm(tmp_path_factory.mktemp("qm"))


@pytest.fixture
def language(request: pytest.FixtureRequest, compiled: Path) -> Iterator[str]:
    app = QApplication.instance()
    assert app is not None
    chosen: str = request.param
    translators: list[QTranslator] = install_translators(app, chosen, compiled)
    yield chosen
    remove_translators(app, translators)


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount()
    except TypeError:  # a list model
        return 1


def texts_of(top: QWidget) -> set[str]:
    """What a volunteer reads in ``top`` and its visible children."""
    found: set[str] = {top.windowTitle()}
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) and widget is not top:
            continue
        if isinstance(widget, QLabel):
            found.add(widget.text())
        elif isinstance(widget, QAbstractButton):
            found.update((widget.text(), widget.toolTip()))
        elif isinstance(widget, QGroupBox):
            found.add(widget.title())
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            found.add(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            found.update(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QMenu):
            found.update(action.text() for action in widget.actions())
        if isinstance(widget, QListWidget):
            found.update(widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            horizontal = widget.orientation() == Qt.Orientation.Horizontal
            count = _columns(model) if horizontal else 0
            found.update(str(model.headerData(i, widget.orientation()) or "") for i in range(count))
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            model = widget.model()
            if model is not None:
                found.update(
                    str(model.data(model.index(row, col)) or "")
                    for row in range(min(model.rowCount(), 20))
                    for col in range(_columns(model))
                )
    for menu in top.findChildren(QMenu):
        found.update(action.text() for action in menu.actions())
    return {text for text in found if text}


def wrong_language(texts: set[str], language: str) -> set[str]:
    return texts & (DUTCH if language == "en" else ENGLISH)


def walk(qtbot: QtBot, window: MainWindow, wait_idle: Callable[[], None]) -> dict[str, set[str]]:
    """Every page, then the menu's dialogs and each page's new form (Ctrl+N): what each shows."""
    seen: dict[str, set[str]] = {}
    activate(qtbot, window)
    for index, page in enumerate(window.pages):
        window.show_page(index)
        wait_idle()
        QApplication.processEvents()
        seen[f"page {page.objectName()}"] = texts_of(window)
        before = set(QApplication.topLevelWidgets())
        press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        wait_idle()
        QApplication.processEvents()
        for dialog in [w for w in QApplication.topLevelWidgets() if w not in before]:
            if isinstance(dialog, QDialog) and dialog.isVisible():
                seen[f"Ctrl+N on {page.objectName()}: {dialog.objectName()}"] = texts_of(dialog)
                dialog.reject()
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                seen[f"Ctrl+N on {page.objectName()}: {dialog.objectName()}"] = texts_of(dialog)
                dialog.reject()
    for action_name in ("audit_action", "post_details_action"):
        action = next(
            a
            for a in window.findChildren(type(window.menu.actions()[0]))
            if a.objectName() == action_name
        )
        action.trigger()
        wait_idle()
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                seen[f"{action_name}: {dialog.objectName()}"] = texts_of(dialog)
                dialog.reject()
    seen["shortcuts"] = texts_of(window.show_shortcuts())
    if os.environ.get("WALK_DUMP"):
        Path(os.environ["WALK_DUMP"]).write_text(repr(seen))
    return seen


@pytest.mark.parametrize("language", ["nl", "en"], indirect=True)
def test_the_post_speaks_one_language(
    qtbot: QtBot, language: str, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    services = app_context.services
    services.supplies.record_delivery("water", 100, "gemeente")
    household = services.intake.register(size=3, name="Geesje Wolters", birth_year=1941)
    services.visits.check_in(household.household_id)
    services.supplies.hand_out(household.household_id, "water", 3.0)
    services.alarms.raise_alarm("ambulance", "immediate", "zaal 2", 1)
    window = build_main_window(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    desk = window.show_page(0)
    assert isinstance(desk, DeskPage)
    QTest.keyClicks(desk.scan_field, household.qr_text)  # the panel of a household on screen
    QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
    wait_idle()
    seen = walk(qtbot, window, wait_idle)
    assert len(seen) > 15
    wrong = {
        where: found for where, texts in seen.items() if (found := wrong_language(texts, language))
    }
    assert wrong == {}


@pytest.mark.parametrize("language", ["nl", "en"], indirect=True)
def test_the_hub_speaks_one_language(qtbot: QtBot, language: str, hub: AppContext) -> None:
    window = build_main_window(hub)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def wait() -> None:
        qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)

    seen = walk(qtbot, window, wait)
    wrong = {
        where: found for where, texts in seen.items() if (found := wrong_language(texts, language))
    }
    assert wrong == {}


def test_the_screens_have_a_word_for_every_stored_value() -> None:
    """The screens' words (gui.labels, in the catalogue) cover the vocabulary, in Dutch the
    same words as the command line's."""
    assert known_values() == {str(key) for key in vocabulary.LABELS}
    assert all(label(key) == vocabulary.label(key) for key in vocabulary.LABELS)
