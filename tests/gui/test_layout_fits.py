"""Every screen fits a 1280×800 laptop, with nothing cut off (issue 18, item 13).

The post's pages and the hub's pages are shown in the whole main window with real data (the
demo season at the post; two posts with shortages and alarms at the hub), and every dialog the
program opens is opened on that data. :func:`layout_check.layout_problems` measures what a
volunteer would see: a label or button whose text does not fit, a placeholder cut off, an
elided column in a table, widgets on top of each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from dialog_openers import (
    HEIGHT,
    WIDTH,
    busy_hub,
    close_posts,
    demo_context,
    hub_dialogs,
    hub_questions,
    post_dialogs,
    register_jansen,
    show_window,
    warning_dialogs,
)
from layout_check import layout_problems, mixed_field_fonts
from nodekit import close_context
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.application import create_application
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.intake import IntakeDialog
from noodpost.gui.dialogs.setup_wizard import SetupWizard
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.regional import RegionalPage

pytestmark = pytest.mark.gui


@pytest.fixture
def post(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    context = demo_context(tmp_path, clock, "demo", "GR-0014")
    yield context
    close_context(context)


@pytest.fixture
def post_window(qtbot: QtBot, post: AppContext) -> MainWindow:
    return show_window(qtbot, post)


@pytest.fixture
def hub_window(
    qtbot: QtBot, hub: AppContext, tmp_path: Path, clock: FixedClock
) -> Iterator[MainWindow]:
    """The hub with two posts: one busy (the demo season, alarms waiting), one quiet."""
    posts = busy_hub(hub, tmp_path, clock)
    yield show_window(qtbot, hub)
    close_posts(posts)


def _no_problems(found: dict[str, list[str]]) -> None:
    """Passes when nothing was found; else says, per screen, what is cut off or overlaps."""
    words = [f"{screen}: {problem}" for screen, problems in found.items() for problem in problems]
    assert not words, "\n".join(words)


def _settle(qtbot: QtBot, app: AppContext) -> None:
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=10_000)
    qtbot.wait(20)


def _long_status_line(window: MainWindow) -> None:
    """A long post and volunteer name, alarms waiting and the clock warning at once."""
    line = window.status_line
    line.post.setText("Dorpshuis De Lange Naam van het Oude Raadhuis · GR-0014")
    line.alarms.setText("6 meldingen niet bevestigd")
    line.volunteer.setText("Anna Dijkstra-van der Veen (coördinator)")
    line.clock_warning.setText("Klok verdacht")
    line.clock_warning.show()


def _pages_fit(qtbot: QtBot, window: MainWindow, app: AppContext) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in window.pages:
        window.show_page(page.title)
        if isinstance(page, RegionalPage):
            page.select_post("GR-0014")  # the details of the busy post beside the table
        _settle(qtbot, app)
        window.resize(WIDTH, HEIGHT)
        qtbot.wait(50)  # the tables size their columns after a layout pass
        problems = layout_problems(window)
        if window.width() > WIDTH or window.height() > HEIGHT:
            problems.append(f"the window is {window.width()}×{window.height()}")
        if problems:
            found[page.title] = problems
    return found


def test_every_post_page_fits_with_nothing_cut_off(
    qtbot: QtBot, post_window: MainWindow, post: AppContext
) -> None:
    app_context = post
    desk = post_window.page("Balie")
    flagged = app_context.services.visits.not_seen_since(0)[0]  # a panel full of words
    desk.on_scanned(flagged.card_code, False)  # type: ignore[attr-defined]
    _settle(qtbot, app_context)
    _no_problems(_pages_fit(qtbot, post_window, app_context))
    _long_status_line(post_window)
    _no_problems(_pages_fit(qtbot, post_window, app_context))


def test_every_hub_page_fits_with_nothing_cut_off(
    qtbot: QtBot, hub_window: MainWindow, hub: AppContext
) -> None:
    _no_problems(_pages_fit(qtbot, hub_window, hub))


def _dialog_fits(
    qtbot: QtBot, dialog: QWidget, prepare: Callable[[], None] | None = None
) -> dict[str, list[str]]:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if prepare is not None:
        prepare()
    qtbot.wait(20)
    problems = layout_problems(dialog) + mixed_field_fonts(dialog)
    if dialog.width() > WIDTH or dialog.height() > HEIGHT:
        problems.append(f"it is {dialog.width()}×{dialog.height()}")
    dialog.close()
    return {type(dialog).__name__: problems} if problems else {}


def test_every_post_dialog_fits_with_nothing_cut_off(
    qtbot: QtBot, post_window: MainWindow, post: AppContext
) -> None:
    app_context = post
    parent = post_window
    existing = register_jansen(app_context)
    intake = IntakeDialog(app_context, None, parent)

    def duplicate() -> None:  # the warning a likely duplicate brings
        intake.fill(2, name="jansen", birth_year=1956, postcode="9791ab")
        assert intake.duplicates.isVisible()

    found = _dialog_fits(qtbot, intake, duplicate)
    assert existing.pretty_code in intake.duplicates.text()
    dialogs = post_dialogs(app_context, post_window, existing)
    for dialog in dialogs + warning_dialogs(app_context, post_window):
        found |= _dialog_fits(qtbot, dialog, lambda: _settle(qtbot, app_context))
    _no_problems(found)


def test_every_hub_dialog_fits_with_nothing_cut_off(
    qtbot: QtBot, hub_window: MainWindow, hub: AppContext
) -> None:
    alert = hub_window.alarm_alert  # type: ignore[attr-defined]
    qtbot.waitUntil(alert.isVisible)  # the alarms waiting popped it up (once read)
    problems = layout_problems(alert)
    found: dict[str, list[str]] = {"AlarmAlert": problems} if problems else {}
    for dialog in hub_dialogs(hub, hub_window) + hub_questions(hub, hub_window):
        found |= _dialog_fits(qtbot, dialog, lambda: _settle(qtbot, hub))
    _no_problems(found)


def test_every_page_of_the_setup_wizard_fits(qtbot: QtBot, tmp_path: Path) -> None:
    create_application([])  # the app's own font, as at a first start
    wizard = SetupWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    found: dict[str, list[str]] = {}
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        wizard.setStartId(page_id)
        wizard.restart()
        qtbot.wait(20)
        assert wizard.currentPage() is page
        problems = layout_problems(wizard) + mixed_field_fonts(wizard)
        if wizard.width() > WIDTH or wizard.height() > HEIGHT:
            problems.append(f"it is {wizard.width()}×{wizard.height()}")
        if problems:
            found[page.title()] = problems
    _no_problems(found)
