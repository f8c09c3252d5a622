"""Every dialog the program opens, made on real data: shared by the fit test and the language walk.

Importable as ``dialog_openers`` from tests in this folder. :func:`demo_context` is a busy post
(two demo days), :func:`busy_hub` a C-NSP with that post and a quiet one, alarms waiting.
:func:`post_dialogs` and :func:`hub_dialogs` make, over the main window, each dialog a volunteer
or coordinator can meet there that is not opened by a key of the window (the language walk
opens those by their keys); the caller shows, measures or reads each, and closes it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from nodekit import carry, close_context, introduce, node_context
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from support import make_node

from noodpost.app import build_context, build_main_window
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.gui.application import create_application
from noodpost.gui.backup_timer import exit_failure_box
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.alarm_form import AcknowledgeDialog, AlarmFormDialog, AlarmNoteDialog
from noodpost.gui.dialogs.audit_view import AuditViewDialog
from noodpost.gui.dialogs.bulletin_form import BulletinFormDialog
from noodpost.gui.dialogs.charging_ticket import NewTicketDialog
from noodpost.gui.dialogs.confirm import ConfirmDialog
from noodpost.gui.dialogs.generator_form import GeneratorDialog
from noodpost.gui.dialogs.hand_out import HandOutDialog
from noodpost.gui.dialogs.household_search import HouseholdSearchDialog
from noodpost.gui.dialogs.messages_form import MessagesFormDialog
from noodpost.gui.dialogs.needs_forms import CancelNeedDialog, NewNeedDialog, ReferDialog
from noodpost.gui.dialogs.opening_stock import OpeningStockDialog
from noodpost.gui.dialogs.paper_entry import PaperEntryDialog
from noodpost.gui.dialogs.post_details import PostDetailsDialog
from noodpost.gui.dialogs.quick_need import QuickNeedDialog
from noodpost.gui.dialogs.recovery_code import RecoveryCodeDialog
from noodpost.gui.dialogs.replace_key import ReplaceKeyDialog
from noodpost.gui.dialogs.restore import RestoreDialog
from noodpost.gui.dialogs.settings import SettingsDialog
from noodpost.gui.dialogs.shortcuts import ShortcutsDialog
from noodpost.gui.dialogs.sign_in import SignInDialog
from noodpost.gui.dialogs.startup_check import StartupCheckDialog, placement_box
from noodpost.gui.dialogs.supplies_forms import SuppliesCorrectionDialog, SuppliesDeliveryDialog
from noodpost.gui.dialogs.supply_notice_forms import DispatchDialog, ReceiptDialog, RequestDialog
from noodpost.gui.dialogs.volunteers_forms import VolunteersAddDialog, VolunteersEndShiftDialog
from noodpost.gui.errors import bug_dialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.bulletins import BulletinsPage
from noodpost.gui.pages.messages import MessagesPage
from noodpost.gui.pages.sync import SyncPage
from noodpost.services.backup import (
    BackupChoice,
    BackupService,
    OtherNodeBackup,
    RestoreReport,
    StartupReport,
)
from noodpost.services.demo import DEMO_PIN, generate
from noodpost.services.desk import DeskService
from noodpost.services.household_search import HouseholdSearch
from noodpost.services.intake import Registered
from noodpost.services.supply_notices import SupplyNoticesService
from noodpost.sync.keys import create_keys

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


def busy_hub(hub: AppContext, tmp_path: Path, clock: FixedClock) -> list[AppContext]:
    """Two posts brought to ``hub`` by USB stick: one busy (the demo season, alarms waiting
    long enough to escalate, a request for water the hub answered with a dispatch on its
    way), one quiet. Returns the posts; close them with :func:`close_posts`."""
    busy = demo_context(tmp_path, clock, "a", "GR-0014")
    quiet = node_context(tmp_path, clock, "b", code="GR-0015", name="Sporthal Noord")
    stick = introduce(busy, hub, tmp_path)
    introduce(quiet, hub, tmp_path)
    busy.services.alarms.raise_alarm(
        "ambulance", "immediate", "Kerkstraat 5, zaal 2", 2, "Man onwel geworden"
    )
    clock.set(clock.now() + timedelta(minutes=30))  # waiting long enough to escalate
    quiet.services.alarms.raise_alarm("fire", "high", "Sporthal Noord, keuken")
    SupplyNoticesService(busy.services.ctx).request({"water": 200}, "high")
    carry(busy, hub, stick)
    carry(quiet, hub, stick)
    SupplyNoticesService(hub.services.ctx).dispatch("GR-0014", {"water": 100})
    return [busy, quiet]


def close_posts(posts: list[AppContext]) -> None:
    for context in posts:
        close_context(context)


def show_window(qtbot: QtBot, context: AppContext) -> MainWindow:
    """The main window as ``noodpost`` builds it, on a 1280×800 laptop screen."""
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    return window


def register_jansen(app_context: AppContext) -> Registered:
    """The household Jansen (two persons, 1956, 9791 AB) that :func:`post_dialogs` shows."""
    return app_context.services.intake.register(
        size=2, name="Jansen", birth_year=1956, postcode="9791 AB"
    )


def post_dialogs(
    app_context: AppContext, window: MainWindow, existing: Registered
) -> list[QWidget]:
    """Every dialog of a busy post (:func:`demo_context`) over ``window``, not yet shown;
    ``existing`` is :func:`register_jansen`'s household (the hand-out form and the search)."""
    services = app_context.services
    parent = window
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
    return [
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
        ShortcutsDialog([page.title for page in window.pages], parent),
        RecoveryCodeDialog("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ", "Dorpshuis Ten Boer", parent),
        OpeningStockDialog(app_context, services.supplies.stock(), parent),
        HandOutDialog(services.supplies.items(), panel, None, parent),
        HouseholdSearchDialog(
            finder.search, app_context.runner, "jansen", finder.search("jansen"), parent
        ),
        GeneratorDialog(app_context, parent),
        PaperEntryDialog(app_context, parent),
    ]


def warning_dialogs(app_context: AppContext, window: MainWindow) -> list[QWidget]:
    """The questions and warnings around backups, start-up and an export of personal data,
    and the dialog of a bug, as they come over a post's ``window``."""
    data_dir = app_context.data_dir
    backups = BackupService(app_context.services.ctx, data_dir, app_context.settings)
    restore = RestoreDialog(app_context, backups, window)
    choice = BackupChoice(data_dir / "backups" / "x.db", "GR-0014", datetime.now(UTC), 1, False)
    report = StartupReport(False, "*** in database main ***", 12.0, data_dir / "x.db", choice)
    done = RestoreReport("x.db", "x.db.opzij", "GR-0014", "inc-1")
    other = OtherNodeBackup("Deze back-up is van een andere installatie.", ["GR-0015"])
    log_file = app_context.log_file
    log_file.write_text("Traceback (most recent call last):\n  ...\nValueError\n")
    messages = next(page for page in window.pages if isinstance(page, MessagesPage))
    return [
        messages.export_box(3),
        restore.confirm_box(),
        restore.other_node_box(other),
        restore.done_box(done),
        StartupCheckDialog(report, data_dir, app_context.settings, window),
        placement_box(data_dir, "De map staat op een USB-stick.", window),
        exit_failure_box(window, UserError("De back-up kon niet worden gemaakt.")),
        bug_dialog(window, log_file),
    ]


def hub_dialogs(hub: AppContext, window: MainWindow) -> list[QWidget]:
    """Every dialog of a hub (:func:`busy_hub`) over ``window``, not yet shown."""
    services = hub.services
    alarm = services.alarms.open_alarms()[0]
    notices = SupplyNoticesService(services.ctx)
    return [
        AcknowledgeDialog(hub, alarm, window),
        BulletinFormDialog(hub, notices.posts(), window),
        DispatchDialog(hub, notices, notices.posts(), services.supplies.items(), None, window),
        PostDetailsDialog(hub, window),
    ]


def hub_questions(hub: AppContext, window: MainWindow) -> list[QWidget]:
    """The hub's questions (approve a post, replace a post's key, withdraw a bulletin), the
    dialogs it shares with a post, and a post's receipt of the hub's dispatch (its words are
    the same on the hub's data)."""
    peers = hub.services.sync.list_peers().peers
    sync = next(page for page in window.pages if isinstance(page, SyncPage))
    bulletins = next(page for page in window.pages if isinstance(page, BulletinsPage))
    notices = SupplyNoticesService(hub.services.ctx)
    bulletin = hub.services.bulletins.publish("Water bij de kerk", "Vanaf 14:00 is er water.")
    return [
        sync.approve_box(peers[0]),
        ReplaceKeyDialog(peers[0], peers[1:], sync._when, window),
        bulletins.withdraw_box(bulletin),
        SettingsDialog(hub, window),
        AuditViewDialog(hub, window),
        SignInDialog(hub, window),
        ReceiptDialog(hub, notices, notices.dispatches()[0], window),
    ]
