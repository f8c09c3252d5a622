"""What the services say at the Balie reaches a volunteer in the interface's language (issue 18).

A shift at the desk with the keyboard, in English and in Dutch: a mistyped card code (the
refusal comes from ``core.cards``), the household scanned and checked in with F1 (the desk's
own lines: *Recente handelingen*, the visit line), water handed out with F2 on a post with no
stock yet (the warning comes from the supplies service). After each step every text on the
desk is read and held against the catalogue's templates: in English no Dutch sentence of the
catalogue may show, in Dutch no English one.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache

import pytest
from keyboard import activate, press
from layout_check import layout_problems
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_language_walk import texts_of

from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.gui.translations import translations_dir

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

#: Shorter templates than this (a lone word, *{n} l*) say nothing about the language.
SHORTEST = 12


def _pattern(template: str) -> re.Pattern[str] | None:
    """A template as a pattern (``{item}`` matches anything), or None when too short to tell."""
    literal = re.sub(r"\{\w*\}|%n|%\d", "", template)
    if len(literal.strip()) < SHORTEST:
        return None
    parts = re.split(r"(\{\w*\}|%n|%\d)", template)
    return re.compile("".join(".+?" if i % 2 else re.escape(part) for i, part in enumerate(parts)))


@cache
def templates() -> dict[str, list[re.Pattern[str]]]:
    """The catalogue's Dutch sources and their English translations, where the two differ."""
    root = ET.parse(translations_dir() / "noodpost_en.ts").getroot()
    found: dict[str, list[re.Pattern[str]]] = {"nl": [], "en": []}
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if message.get("numerus") == "yes" or not translation or translation == source:
            continue
        for language, text in (("nl", source), ("en", translation)):
            pattern = _pattern(text)
            if pattern is not None:
                found[language].append(pattern)
    return found


def in_the_other_language(texts: set[str], language: str) -> set[str]:
    """The texts that hold a sentence of the other language's side of the catalogue."""
    other = templates()["nl" if language == "en" else "en"]
    return {text for text in texts if any(pattern.search(text) for pattern in other)}


def _at_the_desk(qtbot: QtBot, window: MainWindow) -> DeskPage:
    desk = window.show_page(0)
    assert isinstance(desk, DeskPage)
    activate(qtbot, window)
    qtbot.waitUntil(desk.scan_field.hasFocus)
    return desk


def _scan(desk: DeskPage, text: str, wait_idle: Callable[[], None]) -> None:
    """``text`` typed over what the scan field holds, and Enter."""
    desk.scan_field.clear()
    QTest.keyClicks(desk.scan_field, text)
    QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
    wait_idle()


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_the_services_speak_the_language_of_the_desk(
    qtbot: QtBot,
    language: str,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    household = app_context.services.intake.register(size=3)
    desk = _at_the_desk(qtbot, main_window)
    seen: dict[str, set[str]] = {}
    wrong_check = household.pretty_code[:-1] + ("A" if household.pretty_code[-1] != "A" else "B")
    _scan(desk, wrong_check, wait_idle)
    seen["a mistyped code"] = texts_of(desk) | {desk.feedback.text()}
    assert desk.panel is None

    _scan(desk, household.qr_text, wait_idle)
    press(main_window, Qt.Key.Key_F1)
    wait_idle()
    seen["checked in"] = texts_of(desk) | {desk.feedback.text()}

    press(main_window, Qt.Key.Key_F2)
    wait_idle()
    seen["water with no stock"] = texts_of(desk) | {desk.feedback.text()}

    wrong = {step: in_the_other_language(texts, language) for step, texts in seen.items()}
    assert wrong == {step: set() for step in seen}
    # The steps did what they say: a refusal, then the check-in line and the hand-out.
    assert [len(texts) > 1 for texts in seen.values()] == [True, True, True]
    assert desk.recent.count() >= 2


def test_the_check_finds_a_dutch_sentence_in_english() -> None:
    """The comparison above can fail: a Dutch refusal of the catalogue is found in a text."""
    shown = "Fout: Deze code klopt niet — controleer de kaart. (GR-0001)"
    assert in_the_other_language({shown}, "en") == {shown}
    assert in_the_other_language({shown}, "nl") == set()


@pytest.mark.parametrize("language", ["en", "nl"], indirect=True)
def test_a_long_answer_at_the_desk_is_shown_whole_on_a_small_screen(
    qtbot: QtBot,
    language: str,
    main_window: MainWindow,
    app_context: AppContext,
    wait_idle: Callable[[], None],
) -> None:
    """A first day (no stock booked, so the hint shows) and a hand-out whose answer runs to
    two lines: on a 1366×768 laptop both are read whole, in either language."""
    household = app_context.services.intake.register(size=3)
    main_window.resize(1366, 768)
    desk = _at_the_desk(qtbot, main_window)
    for typed in ("7K3Q", household.qr_text):  # first a short answer (a refusal), then a long
        _scan(desk, typed, wait_idle)
    press(main_window, Qt.Key.Key_F1)
    wait_idle()
    press(main_window, Qt.Key.Key_F2)
    wait_idle()
    qtbot.wait(50)

    assert desk.stock_hint.isVisible()
    assert desk.feedback.isVisible()
    feedback, hint = desk.feedback, desk.stock_hint
    assert feedback.height() >= feedback.heightForWidth(feedback.width())
    assert hint.height() >= hint.heightForWidth(hint.width())
    assert [p for p in layout_problems(main_window) if "desk_" in p] == []
