"""Every screen fits a 1280×800 laptop, with nothing cut off (issue 18, item 13).

The post's pages and the hub's pages are shown in the whole main window with real data (the
demo season at the post; two posts with shortages and alarms at the hub), and every dialog the
program opens is opened on that data. :func:`layout_check.layout_problems` measures what a
volunteer would see: a label or button whose text does not fit, a placeholder cut off, an
elided column in a table, widgets on top of each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from layout_check import layout_problems, mixed_field_fonts
from nodekit import carry, close_context, introduce, node_context
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from support import make_node

from noodpost.app import build_context, build_main_window
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NeedsConfirmation
from noodpost.gui.application import create_application
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AcknowledgeDialog, AlarmFormDialog, AlarmNoteDialog
from noodpost.gui.dialogs.audit_view import AuditViewDialog
from noodpost.gui.dialogs.bulletin_form import BulletinFormDialog
from noodpost.gui.dialogs.charging_ticket import NewTicketDialog
from noodpost.gui.dialogs.confirm import ConfirmDialog
from noodpost.gui.dialogs.generator_form import GeneratorDialog
from noodpost.gui.dialogs.hand_out import HandOutDialog
from noodpost.gui.dialogs.household_search import HouseholdSearchDialog
from noodpost.gui.dialogs.intake import IntakeDialog
from noodpost.gui.dialogs.messages_form import MessagesFormDialog
from noodpost.gui.dialogs.needs_forms import CancelNeedDialog, NewNeedDialog, ReferDialog
from noodpost.gui.dialogs.opening_stock import OpeningStockDialog
from noodpost.gui.dialogs.paper_entry import PaperEntryDialog
from noodpost.gui.dialogs.post_details import PostDetailsDialog
from noodpost.gui.dialogs.quick_need import QuickNeedDialog
from noodpost.gui.dialogs.recovery_code import RecoveryCodeDialog
from noodpost.gui.dialogs.restore import RestoreDialog
from noodpost.gui.dialogs.settings import SettingsDialog
from noodpost.gui.dialogs.setup_wizard import SetupWizard
from noodpost.gui.dialogs.shortcuts import ShortcutsDialog
from noodpost.gui.dialogs.sign_in import SignInDialog
from noodpost.gui.dialogs.supplies_forms import SuppliesCorrectionDialog, SuppliesDeliveryDialog
from noodpost.gui.dialogs.supply_notice_forms import DispatchDialog, RequestDialog
from noodpost.gui.dialogs.volunteers_forms import VolunteersAddDialog, VolunteersEndShiftDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.regional import RegionalPage
from noodpost.services.backup import BackupService
from noodpost.services.demo import DEMO_PIN, generate
from noodpost.services.desk import DeskService
from noodpost.services.household_search import HouseholdSearch
from noodpost.services.supply_notices import SupplyNoticesService
from noodpost.sync.keys import create_keys

pytestmark = pytest.mark.gui

WIDTH, HEIGHT = 1280, 800


def demo_context(tmp_path: Path, clock: FixedClock, folder: str, code: str) -> AppContext:
    """A post with two busy demo days ending now, its demo coordinator signed in."""
    create_application([])  # the app's own font (12 pt), as a volunteer sees it
    data_dir = tmp_path / folder
    db = make_node(data_dir, clock, code=code, name="Dorpshuis Ten Boer")
    create_keys(db, data_dir)
    generate(db, households=40, days=2, seed=1, end=clock.now())
    context = build_context(db, data_dir, tmp_path / f"{folder}.log")
    context.services.ctx.clock = clock
    context.services.sync.clock = clock
    volunteers = context.services.volunteers
    anna = next(v for v in volunteers.list_volunteers() if v.name == "Anna Dijkstra")
    volunteers.sign_in(anna.id, DEMO_PIN)
    return context


def _window(qtbot: QtBot, context: AppContext) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def post(tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    context = demo_context(tmp_path, clock, "demo", "GR-0014")
    yield context
    close_context(context)


@pytest.fixture
def post_window(qtbot: QtBot, post: AppContext) -> MainWindow:
    return _window(qtbot, post)


@pytest.fixture
def hub_window(
    qtbot: QtBot, hub: AppContext, tmp_path: Path, clock: FixedClock
) -> Iterator[MainWindow]:
    """The hub with two posts: one busy (the demo season, alarms waiting), one quiet."""
    busy = demo_context(tmp_path, clock, "a", "GR-0014")
    quiet = node_context(tmp_path, clock, "b", code="GR-0015", name="Sporthal Noord")
    stick = introduce(busy, hub, tmp_path)
    introduce(quiet, hub, tmp_path)
    busy.services.alarms.raise_alarm(
        "ambulance", "immediate", "Kerkstraat 5, zaal 2", 2, "Man onwel geworden"
    )
    clock.set(clock.now() + timedelta(minutes=30))  # waiting long enough to escalate
    quiet.services.alarms.raise_alarm("fire", "high", "Sporthal Noord, keuken")
    carry(busy, hub, stick)
    carry(quiet, hub, stick)
    yield _window(qtbot, hub)
    for context in (busy, quiet):
        close_context(context)


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
    services = app_context.services
    parent = post_window
    existing = services.intake.register(size=2, name="Jansen", birth_year=1956, postcode="9791 AB")
    intake = IntakeDialog(app_context, None, parent)

    def duplicate() -> None:  # the warning a likely duplicate brings
        intake.fill(2, name="jansen", birth_year=1956, postcode="9791ab")
        assert intake.duplicates.isVisible()

    found = _dialog_fits(qtbot, intake, duplicate)
    assert existing.pretty_code in intake.duplicates.text()
    household = services.visits.not_seen_since(0)[0]
    backups = BackupService(services.ctx, app_context.data_dir, app_context.settings)
    question = NeedsConfirmation(
        "Dit huishouden heeft vandaag al 3 l drinkwater gekregen. Toch uitgeven?",
        ["Rantsoen bereikt: drinkwater 3 l van 3 l vandaag."],
        needs_reason=True,
    )
    alarm = services.alarms.open_alarms()[0]
    need = services.needs.list_needs()[0]
    shift = services.volunteers.on_duty()[0]
    panel = DeskService(services.ctx).panel(existing.household_id)
    finder = HouseholdSearch(services.ctx)
    for dialog in (
        AlarmFormDialog(app_context, parent),
        AlarmNoteDialog(app_context, alarm, cancel=True, parent=parent),
        ReferDialog(app_context, need, household.card_code, parent),
        CancelNeedDialog(app_context, need, None, parent),
        VolunteersEndShiftDialog(app_context, shift, parent),
        MessagesFormDialog(app_context, household_id=household.household_id, parent=parent),
        NewNeedDialog(app_context, parent),
        QuickNeedDialog(app_context, household.household_id, household.card_code, parent),
        NewTicketDialog(app_context, parent),
        MessagesFormDialog(app_context, parent=parent),
        SuppliesDeliveryDialog(app_context, services.supplies.items(), None, parent),
        SuppliesCorrectionDialog(app_context, services.supplies.stock(), None, parent),
        RequestDialog(
            app_context,
            SupplyNoticesService(services.ctx),
            services.supplies.items(),
            None,
            parent,
        ),
        VolunteersAddDialog(app_context, parent),
        SettingsDialog(app_context, parent),
        PostDetailsDialog(app_context, parent),
        AuditViewDialog(app_context, parent),
        RestoreDialog(app_context, backups, parent),
        ConfirmDialog(question, parent),
        SignInDialog(app_context, parent),
        ShortcutsDialog([page.title for page in post_window.pages], parent),
        RecoveryCodeDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ", "Dorpshuis Ten Boer", parent),
        OpeningStockDialog(app_context, services.supplies.stock(), parent),
        HandOutDialog(services.supplies.items(), panel, None, parent),
        HouseholdSearchDialog(finder.search, "jansen", finder.search("jansen"), parent),
        GeneratorDialog(app_context, parent),
        PaperEntryDialog(app_context, parent),
    ):
        found |= _dialog_fits(qtbot, dialog, lambda: _settle(qtbot, app_context))
    _no_problems(found)


def test_every_hub_dialog_fits_with_nothing_cut_off(
    qtbot: QtBot, hub_window: MainWindow, hub: AppContext
) -> None:
    services = hub.services
    alarm = services.alarms.open_alarms()[0]
    notices = SupplyNoticesService(services.ctx)
    alert = hub_window.alarm_alert  # type: ignore[attr-defined]
    assert alert.isVisible()  # the alarms waiting popped it up
    problems = layout_problems(alert)
    found: dict[str, list[str]] = {"AlarmAlert": problems} if problems else {}
    for dialog in (
        AcknowledgeDialog(hub, alarm, hub_window),
        BulletinFormDialog(hub, notices.posts(), hub_window),
        DispatchDialog(hub, notices, notices.posts(), services.supplies.items(), None, hub_window),
        PostDetailsDialog(hub, hub_window),
    ):
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
