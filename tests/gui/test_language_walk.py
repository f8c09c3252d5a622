"""Every page and dialog in both languages, compared against the catalogue (issue 18, item 12).

The English interface must show no Dutch source text of the catalogue, the Dutch interface no
English translation. The walk opens the post's and the C-NSP's main windows on real data (the
demo season; the hub with two posts and alarms waiting) with the chosen language installed as
``noodpost`` installs it, shows every page, and opens every dialog: by its key where the
window has one (each page's *new* form, the hand-out form, the alarm form, paper entry, the
generator, the lock screen, the power warnings …), else from the menu, else made as
:mod:`dialog_openers` makes them for the fit test. It reads what a volunteer reads: labels,
buttons, group titles, window titles, table headers, placeholders, list items, menus. A text
matches a catalogue entry whole or piece by piece (its lines, and the parts a screen joins with
`` · `` or `` — ``), with the entry's ``%1``/``{name}`` places filled in.

What the services word for a screen goes through the same catalogue (``core.i18n``), so a
refusal or a desk line in the wrong language is found here too; a text a widget sets without
``tr()`` is not in the catalogue and so not found (tests/suite/test_texts_translated.py and
tests/gui/test_service_texts_language.py keep the services honest). docs/taal.md says what
stays Dutch on purpose (records, printed documents, the catalogue's item names).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import dialog_openers as openers
import pytest
from keyboard import activate, opened, press
from nodekit import close_context
from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, QTimer
from PySide6.QtGui import QAction
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
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from noodpost.app import _background_sync, _backups, install_power
from noodpost.core import vocabulary
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.setup_wizard import SetupWizard
from noodpost.gui.idle_lock import IdleLock
from noodpost.gui.labels import known_values, label
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.gui.pages.supplies import SuppliesPage
from noodpost.gui.pages.supply_notices import SupplyNoticesPage
from noodpost.gui.power import PowerReading
from noodpost.gui.translations import translations_dir
from noodpost.services.demo import DEMO_PIN

#: The PIN of the coordinator signed in at the hub (``nodekit``).
HUB_PIN = "1357"

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]

PLACE = re.compile(r"(%[1-9]|\{\w*\})")
#: Where a screen joins several texts into one line.
SEPARATOR = re.compile(r"\n|<br>| · | — ")


def _catalogue() -> tuple[set[str], set[str]]:
    """(Dutch sources that have another English text, those English texts)."""
    root = ET.parse(translations_dir() / "noodpost_en.ts").getroot()
    dutch: set[str] = set()
    english: set[str] = set()
    same: set[str] = set()  # a word both languages write alike (*post*, *open*)
    for message in root.iter("message"):
        if message.get("numerus") == "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation and translation != source:
            dutch.add(source)
            english.add(translation)
        else:
            same.add(source)
    return dutch - english - same, english - dutch - same


def _patterns(texts: set[str]) -> list[tuple[str, re.Pattern[str]]]:
    """The texts with places (``%1``, ``{name}``) as patterns any filling matches; those with
    too few letters of their own to tell the languages apart are left out."""
    found = []
    for text in texts:
        parts = PLACE.split(text)
        if len(parts) == 1 or sum(c.isalpha() for c in "".join(parts[::2])) < 4:
            continue
        pattern = "".join(".+?" if i % 2 else re.escape(part) for i, part in enumerate(parts))
        found.append((text, re.compile(pattern, re.DOTALL)))
    return found


DUTCH, ENGLISH = _catalogue()
PATTERNS = {"en": _patterns(DUTCH), "nl": _patterns(ENGLISH)}


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
    """The catalogue's texts of the other language in ``texts`` (each as the catalogue has it)."""
    other = DUTCH if language == "en" else ENGLISH
    found: set[str] = set()
    for text in texts:
        for piece in {text, *text.splitlines(), *SEPARATOR.split(text)}:
            if piece in other:
                found.add(piece)
                continue
            found.update(
                source for source, pattern in PATTERNS[language] if pattern.fullmatch(piece)
            )
    return found


Seen = dict[str, set[str]]


class Walk:
    """What a volunteer reads, per screen, as the walk opens them over ``window``."""

    def __init__(self, qtbot: QtBot, window: MainWindow, app: AppContext) -> None:
        self.qtbot = qtbot
        self.window = window
        self.app = app
        self.seen: Seen = {}
        self.dialogs = 0

    def settle(self) -> None:
        self.qtbot.waitUntil(lambda: self.app.runner.pending == 0, timeout=10_000)
        QApplication.processEvents()

    def read(self, where: str, widget: QWidget) -> None:
        name = f"{where}: {widget.objectName() or type(widget).__name__}"
        if name in self.seen:  # two message boxes without a name
            name = f"{name} {widget.windowTitle()!r}"
        self.seen[name] = texts_of(widget)
        self.dialogs += 1

    def opened_by(self, where: str, act: Callable[[], object], *, close: bool = True) -> None:
        """Do ``act`` (keys, a menu action) and read every window it opened, then close them.

        A button's Alt+letter clicks it a moment later (Qt animates the click): wait for it.
        """
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}

        def new() -> list[QWidget]:
            return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]

        act()
        self.qtbot.waitUntil(lambda: bool(new()), timeout=5_000)
        self.settle()
        opened = new()
        for widget in opened:
            self.read(where, widget)
        if close:
            for widget in reversed(opened):
                widget.reject() if isinstance(widget, QDialog) else widget.close()
            self.settle()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone, as in use

    def answered(self, where: str, act: Callable[[], object]) -> None:
        """Do ``act``, which waits for an answer to a question it asks (``exec``): read the
        question and cancel it."""
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        asked: list[QWidget] = []

        def look() -> None:
            question = QApplication.activeModalWidget()
            if question is not None and question not in before and not asked:
                asked.append(question)
                self.read(where, question)
                assert isinstance(question, QDialog)
                question.reject()

        timer = QTimer()
        timer.timeout.connect(look)
        timer.start(20)
        act()
        self.qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
        timer.stop()

    def made(self, where: str, dialogs: list[QWidget]) -> None:
        """Show each dialog, read it and close it."""
        for dialog in dialogs:
            self.qtbot.addWidget(dialog)
            dialog.show()
            self.qtbot.waitExposed(dialog)
            self.settle()
            self.read(where, dialog)
            dialog.close()

    def keys(self, *keys: tuple[Qt.Key, Qt.KeyboardModifier]) -> Callable[[], None]:
        def pressed() -> None:
            activate(self.qtbot, self.window)
            for key, modifier in keys:
                press(self.window, key, modifier)

        return pressed

    def menu(self, name: str) -> Callable[[], None]:
        action = self.window.findChild(QAction, name)
        assert action is not None, name
        return action.trigger

    def pages(self) -> None:
        """Every page, and each page's new form (Ctrl+N)."""
        for index, page in enumerate(self.window.pages):
            self.window.show_page(index)
            self.settle()
            self.seen[f"page {page.objectName()}"] = texts_of(self.window)
            before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
            self.keys((Qt.Key.Key_N, CTRL))()
            self.settle()
            for dialog in QApplication.topLevelWidgets():
                if dialog.isVisible() and dialog not in before and isinstance(dialog, QDialog):
                    self.read(f"Ctrl+N on {page.objectName()}", dialog)
                    dialog.reject()
        self.opened_by("Ctrl+H", self.keys((Qt.Key.Key_H, CTRL)))
        for name in ("audit_action", "post_details_action", "recovery_code_action"):
            self.opened_by(name, self.menu(name))
        self.opened_by("Instellingen…", self.window.open_settings)


NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = CTRL | SHIFT


def mnemonic(button: QAbstractButton) -> Qt.Key:
    """The key of the underlined letter, in the language on screen."""
    letter = re.search(r"&(\w)", button.text())
    assert letter is not None, button.text()
    return Qt.Key(ord(letter.group(1).upper()))


def scan(qtbot: QtBot, walk: Walk, desk: DeskPage, qr_text: str) -> None:
    """A card scanned at the Balie: the household's panel on screen."""
    walk.keys((Qt.Key.Key_1, CTRL))()
    qtbot.waitUntil(desk.scan_field.hasFocus)
    QTest.keyClicks(desk.scan_field, qr_text)
    QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
    walk.settle()


def the_post_by_its_keys(qtbot: QtBot, walk: Walk, qr_text: str) -> None:
    """The dialogs a volunteer opens at a post by keys and from the menu, with the battery
    low and the screen locked on the way."""
    window = walk.window
    desk = window.show_page(0)
    assert isinstance(desk, DeskPage)
    scan(qtbot, walk, desk, qr_text)
    walk.seen["Balie with a household"] = texts_of(window)
    walk.opened_by("Shift+F2 at the Balie", walk.keys((Qt.Key.Key_F2, SHIFT)))

    def beyond_the_ration() -> None:
        walk.keys((Qt.Key.Key_F2, SHIFT))()
        hand_out = opened(qtbot, window, QDialog, "hand_out_dialog")
        press(hand_out, Qt.Key.Key_Tab)
        amount = QApplication.focusWidget()
        assert isinstance(amount, QLineEdit), amount
        QTest.keyClicks(amount, "40")  # 40 l of water
        press(hand_out, Qt.Key.Key_Return)  # the service asks: beyond the ration

    walk.opened_by("Shift+F2, 40 l, Enter", beyond_the_ration)

    walk.opened_by("F9", walk.keys((Qt.Key.Key_F9, NONE)), close=False)
    form = window.findChild(QDialog, "alarm_form")
    assert form is not None

    def typed_then_escape() -> None:
        activate(qtbot, form)
        QTest.keyClicks(form.location, "zaal 3")  # type: ignore[attr-defined]
        press(form, Qt.Key.Key_Escape)  # asks before throwing it away

    walk.opened_by("F9, typed, Escape", typed_then_escape, close=False)
    discard = form.findChild(QMessageBox, "discard_alarm")
    assert discard is not None
    discard.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not form.isVisible())
    walk.opened_by("Ctrl+Shift+I", walk.keys((Qt.Key.Key_I, CTRL_SHIFT)))
    supplies = next(p for p in window.pages if isinstance(p, SuppliesPage))
    supplies_key = Qt.Key(Qt.Key.Key_1 + window.pages.index(supplies))
    for button in (
        supplies.generator_button,
        supplies.opening_button,
        supplies.delivery_button,
        supplies.correction_button,
    ):
        walk.opened_by(
            f"Alt+letter of {button.objectName()}",
            walk.keys((supplies_key, CTRL), (mnemonic(button), ALT)),
        )
    walk.opened_by("Publieksscherm", walk.menu("info_screen_action"))
    walk.answered("Papieren formulieren afdrukken…", walk.menu("paper_forms_action"))

    battery = [PowerReading(29, True, 95)]
    background = _background_sync(walk.app, window)
    backups = _backups(walk.app, window, background)
    power = install_power(walk.app, window, background, backups, lambda: battery[-1])
    walk.opened_by("Back-up terugzetten…", walk.menu("restore_action"))
    walk.opened_by("battery at 29 %", power.watch.check)
    walk.opened_by("Ctrl+Shift+P", walk.keys((Qt.Key.Key_P, CTRL_SHIFT)))
    background.shutdown()

    lock_and_unlock(walk, DEMO_PIN)


def the_hub_by_its_keys(qtbot: QtBot, walk: Walk) -> None:
    """A post's request answered, closed or supplied and a dispatch cancelled, by the
    buttons' Alt+letters; the screen locked and a wrong PIN typed."""
    window = walk.window
    notices = next(p for p in window.pages if isinstance(p, SupplyNoticesPage))
    page_key = (Qt.Key(Qt.Key.Key_1 + window.pages.index(notices)), CTRL)
    for table, button in (
        (notices.request_table, notices.answer_button),
        (notices.request_table, notices.close_button),
        (notices.request_table, notices.answer_dispatch_button),
    ):
        walk.keys(page_key)()
        walk.settle()  # the lists are read off the GUI thread
        table.select_row(0)
        walk.settle()  # and so is the row chosen
        walk.opened_by(f"Alt+letter of {button.objectName()}", walk.keys((mnemonic(button), ALT)))
    notices.dispatch_table.select_row(0)
    walk.settle()
    walk.opened_by(
        "Alt+letter of dispatch_cancel",
        walk.keys((mnemonic(notices.cancel_button), ALT)),
    )
    lock_and_unlock(walk, HUB_PIN)


def lock_and_unlock(walk: Walk, pin: str) -> None:
    """Ctrl+L, a wrong PIN (the service's refusal on the lock screen), then the right one."""
    lock = IdleLock(walk.app, walk.window)
    walk.window.lock_requested.connect(lock.lock)
    walk.opened_by("Ctrl+L", walk.keys((Qt.Key.Key_L, CTRL)), close=False)
    screen = lock.lock_screen
    assert screen is not None
    QTest.keyClicks(screen.panel.pin, "0000")
    QTest.keyClick(screen.panel.pin, Qt.Key.Key_Return)
    walk.read("Ctrl+L, a wrong PIN", screen)
    QTest.keyClicks(screen.panel.pin, pin)
    QTest.keyClick(screen.panel.pin, Qt.Key.Key_Return)
    assert not lock.is_locked


def _no_wrong_language(seen: Seen, language: str) -> None:
    """Nothing of the other language on any page or dialog the walk saw."""
    if os.environ.get("WALK_DUMP"):
        with Path(os.environ["WALK_DUMP"]).open("a") as dump:
            dump.write(repr((language, seen)) + "\n")
    wrong = {
        where: found for where, texts in seen.items() if (found := wrong_language(texts, language))
    }
    assert wrong == {}


@pytest.mark.parametrize("language", ["nl", "en"], indirect=True)
def test_the_post_speaks_one_language(
    qtbot: QtBot, language: str, tmp_path: Path, clock: FixedClock
) -> None:
    post = openers.demo_context(tmp_path, clock, "demo", "GR-0014")
    try:
        window = openers.show_window(qtbot, post)
        walk = Walk(qtbot, window, post)
        jansen = openers.register_jansen(post)
        post.services.visits.check_in(jansen.household_id)
        walk.pages()
        the_post_by_its_keys(qtbot, walk, jansen.qr_text)
        walk.made(
            "made",
            openers.post_dialogs(post, window, jansen) + openers.warning_dialogs(post, window),
        )
        assert walk.dialogs >= 50
        _no_wrong_language(walk.seen, language)
    finally:
        close_context(post)


@pytest.mark.parametrize("language", ["nl", "en"], indirect=True)
def test_the_hub_speaks_one_language(
    qtbot: QtBot, language: str, hub: AppContext, tmp_path: Path, clock: FixedClock
) -> None:
    posts = openers.busy_hub(hub, tmp_path, clock)
    try:
        window = openers.show_window(qtbot, hub)
        walk = Walk(qtbot, window, hub)
        walk.settle()
        walk.read("alarms waiting", window.alarm_alert)  # type: ignore[attr-defined]
        walk.pages()
        the_hub_by_its_keys(qtbot, walk)
        walk.made("made", openers.hub_dialogs(hub, window) + openers.hub_questions(hub, window))
        assert walk.dialogs >= 25
        _no_wrong_language(walk.seen, language)
    finally:
        openers.close_posts(posts)


@pytest.mark.parametrize("language", ["nl", "en"], indirect=True)
def test_the_setup_wizard_speaks_one_language(qtbot: QtBot, language: str, tmp_path: Path) -> None:
    wizard = SetupWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    seen: Seen = {}
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        QApplication.processEvents()
        seen[f"setup wizard: {wizard.currentPage().title()}"] = texts_of(wizard)
    assert len(seen) >= 5
    _no_wrong_language(seen, language)


def test_the_screens_have_a_word_for_every_stored_value() -> None:
    """The screens' words (gui.labels, in the catalogue) cover the vocabulary, in Dutch the
    same words as the command line's."""
    assert known_values() == {str(key) for key in vocabulary.LABELS}
    assert all(label(key) == vocabulary.label(key) for key in vocabulary.LABELS)
