"""The composition root: the only module that wires config, storage, services and the GUI.

It opens the database, builds one :class:`ServiceContext` and the services on it, and hands
them to the windows through their constructors. Nothing else imports both storage and gui.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from noodpost.config import Settings
from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError
from noodpost.core.private_files import protect_new_files
from noodpost.gui.alarm_alert import AlarmAlert
from noodpost.gui.application import start
from noodpost.gui.background_sync import INTERVAL_MS as SYNC_INTERVAL_MS
from noodpost.gui.background_sync import BackgroundSync
from noodpost.gui.backup_timer import BackupTimer
from noodpost.gui.context import AppContext, AppServices
from noodpost.gui.dialogs.audit_view import AuditViewDialog
from noodpost.gui.dialogs.post_details import PostDetailsDialog
from noodpost.gui.dialogs.recovery_code import open_recovery_code
from noodpost.gui.dialogs.restore import RestoreDialog
from noodpost.gui.dialogs.setup_wizard import run_setup_wizard
from noodpost.gui.dialogs.sign_in import sign_in_before_start
from noodpost.gui.dialogs.startup_check import run_placement_check, run_startup_check
from noodpost.gui.errors import show_bug, show_user_error
from noodpost.gui.idle_lock import IdleLock
from noodpost.gui.info_screen import InfoScreenLauncher
from noodpost.gui.main_window import MainWindow
from noodpost.gui.outside_writes import OutsideWrites
from noodpost.gui.pages import build_pages
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.gui.pages.desk import DeskPage
from noodpost.gui.paper_actions import PaperActions
from noodpost.gui.power import PowerSource, system_power
from noodpost.gui.power_steps import PowerSteps
from noodpost.gui.printing.cards import (
    blank_faces,
    household_face,
    render_sheet_pdf,
    save_card_pdf,
    sheet_pages,
)
from noodpost.gui.printing.forms import MAX_FORMS, PaperForms, forms_summary, render_forms_pdf
from noodpost.gui.printing.noodlijst import render_noodlijst_pdf
from noodpost.gui.printing.noodlijst import summary_line as noodlijst_summary
from noodpost.gui.printing.pdf import ensure_application, pdf_target
from noodpost.gui.printing.sitrep import save_sitrep_pdf
from noodpost.gui.printing.sitrep import summary_line as sitrep_summary
from noodpost.gui.runner import Runner
from noodpost.gui.single_instance import claim_data_folder, listen_for_second_starts
from noodpost.gui.translations import install_translators
from noodpost.reports.noodlijst import NoodlijstService, form_items, record_printed
from noodpost.reports.sitrep import read_sitrep
from noodpost.services.alarms import AlarmsService
from noodpost.services.audit import AuditService
from noodpost.services.backup import BackupService
from noodpost.services.base import ServiceContext
from noodpost.services.bulletins import BulletinsService
from noodpost.services.change_feed import ChangeFeed
from noodpost.services.charging import ChargingService
from noodpost.services.intake import IntakeService, Registered
from noodpost.services.logbook import LogbookService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.purge import RetentionRound, anonymise_due
from noodpost.services.retention import RetentionService
from noodpost.services.status import StatusService
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService
from noodpost.setup_node import database_on_server, open_node
from noodpost.storage.engine import Database
from noodpost.sync.service import SyncService

log = logging.getLogger(__name__)


#: Anonymisation of what is past its retention period runs this long after start, then hourly.
RETENTION_FIRST_RUN_MS = 60_000
RETENTION_INTERVAL_MS = 3_600_000


def build_services(db: Database, data_dir: Path) -> AppServices:
    """Every service of this installation on one shared context."""
    ctx = ServiceContext(db, SystemClock())
    return AppServices(
        ctx=ctx,
        status=StatusService(ctx),
        intake=IntakeService(ctx),
        visits=VisitsService(ctx),
        supplies=SuppliesService(ctx),
        needs=NeedsService(ctx),
        alarms=AlarmsService(ctx),
        charging=ChargingService(ctx),
        logbook=LogbookService(ctx),
        messages=MessagesService(ctx),
        volunteers=VolunteersService(ctx),
        bulletins=BulletinsService(ctx),
        sync=SyncService(db, ctx.clock, data_dir, announce=ctx.announce, actor=lambda: ctx.actor),
        audit=AuditService(ctx),
    )


def build_context(db: Database, data_dir: Path, log_file: Path) -> AppContext:
    """The services, the runner and the settings that every window receives."""
    services = build_services(db, data_dir)
    runner = Runner(snapshot=services.ctx.snapshot)  # what a screen reads, read at one moment
    runner.bug.connect(lambda _error: show_bug(None, log_file))
    return AppContext(
        services=services,
        runner=runner,
        settings=Settings.load(data_dir),
        data_dir=data_dir,
        log_file=log_file,
    )


def build_main_window(app: AppContext) -> MainWindow:
    window = MainWindow(app, build_pages(app))
    app.services.ctx.subscribe(window.notify_changed)
    # Another process's writes (the command line) show too; kept alive by the window.
    window.outside_writes = OutsideWrites(  # type: ignore[attr-defined]
        app.services.ctx, app.runner, window.notify_changed, window
    )
    alarms = next((p for p in window.pages if isinstance(p, AlarmsPage)), None)
    desk = next((p for p in window.pages if isinstance(p, DeskPage)), None)
    if desk is not None and alarms is not None:  # F9 at the desk: the alarm form, in view
        index = window.pages.index(alarms)
        desk.alarm_requested.connect(lambda: window.show_page(index))
    _coordinator_actions(app, window)
    if app.node.is_hub:  # new alarms pop up with sound; kept alive by the window
        window.alarm_alert = AlarmAlert(app, window)  # type: ignore[attr-defined]
    else:  # the TV in the hall
        window.info_screen = InfoScreenLauncher(app, window)  # type: ignore[attr-defined]
        window.add_menu_action(window.info_screen.action)  # type: ignore[attr-defined]
        paper = PaperActions(app, window)  # the noodlijst and paper forms; kept by the window
        window.add_menu_action(paper.list_action)
        window.add_menu_action(paper.forms_action)
        window.add_menu_action(paper.entry_action)
    return window


def _coordinator_actions(app: AppContext, window: MainWindow) -> None:
    """The audit log, the post's details and retention, and the recovery code (each refuses a
    volunteer)."""
    audit = QAction(QCoreApplication.translate("MainWindow", "Auditlogboek…"), window)
    audit.setObjectName("audit_action")
    audit.triggered.connect(lambda: AuditViewDialog(app, window).open())
    window.add_menu_action(audit)
    title = (
        QCoreApplication.translate("MainWindow", "Crisis en bewaartermijn…")
        if app.node.is_hub
        else QCoreApplication.translate("MainWindow", "Post en bewaartermijn…")
    )
    details = QAction(title, window)
    details.setObjectName("post_details_action")
    details.triggered.connect(lambda: PostDetailsDialog(app, window).open())
    window.add_menu_action(details)
    code = QAction(QCoreApplication.translate("MainWindow", "Herstelcode…"), window)
    code.setObjectName("recovery_code_action")
    code.triggered.connect(lambda: open_recovery_code(app, window))
    window.add_menu_action(code)


def _retention(context: AppContext, window: MainWindow, backups: BackupService) -> QTimer:
    """The retention round soon after start, then every hour; what it did in the status bar.

    It anonymises what is past its period and replaces the backups made before that.
    """
    retention = RetentionService(context.services.ctx)

    def shown(round_: RetentionRound) -> None:
        if round_.done.changed or round_.backups:
            window.statusBar().showMessage(round_.summary, 60_000)

    def run() -> None:
        context.runner.run(
            lambda: anonymise_due(retention, backups, automatic=True),
            shown,
            on_user_error=lambda error: window.statusBar().showMessage(error.message),
        )

    timer = QTimer(window)
    timer.setInterval(RETENTION_INTERVAL_MS)
    timer.timeout.connect(run)
    QTimer.singleShot(RETENTION_FIRST_RUN_MS, window, run)
    timer.start()
    return timer


def no_hub_on_server() -> str:
    """A workstation's database on the server holds no C-NSP yet."""
    return QCoreApplication.translate(
        "App",
        "In deze database op de server is nog geen C-NSP ingericht. Richt het C-NSP eerst in "
        "op de server (noodpost init --role hub --database postgresql://…) en start deze "
        "werkplek daarna opnieuw.",
    )


def open_node_database(data_dir: Path) -> Database | None:
    """The database of the node in ``data_dir``, or None when none has been set up there:
    :func:`~noodpost.setup_node.open_node`, seeding the catalogue items shipped since."""
    return open_node(data_dir, seed_catalogue=True)


def _background_sync(context: AppContext, window: MainWindow) -> BackgroundSync:
    """Sync with the hub when something changed and on a timer; tell the status line."""
    background = BackgroundSync(context)
    window.entities_changed.connect(background.on_entities_changed)
    background.synced.connect(lambda _ok: window.status_line.refresh())
    background.problem.connect(lambda text: window.statusBar().showMessage(text, 30_000))
    return background


def install_power(
    context: AppContext,
    window: MainWindow,
    background: BackgroundSync,
    backups: BackupTimer,
    source: PowerSource = system_power,
) -> PowerSteps:
    """The battery's warnings and *stroombesparing*, slowing what runs in the background."""
    power = PowerSteps(context, window, backups, source)
    power.slow(window.outside_writes.timer)  # type: ignore[attr-defined]

    def pace_sync(_on: bool = False) -> None:
        background.set_idle_interval(power.saving.interval(SYNC_INTERVAL_MS))

    power.saving.changed.connect(pace_sync)
    pace_sync()
    launcher = getattr(window, "info_screen", None)
    if launcher is not None:  # the public screen's pages turn slower too
        launcher.opened.connect(lambda screen: power.slow(screen.timer))
    return power


def _backups(context: AppContext, window: MainWindow, sync: BackgroundSync) -> BackupTimer:
    """Automatic backups, and the menu's "Back-up maken" / "Back-up terugzetten…"."""
    backups = BackupService(context.services.ctx, context.data_dir, context.settings)
    timer = BackupTimer(context, backups)
    timer.finished.connect(lambda text: window.statusBar().showMessage(text, 30_000))
    timer.problem.connect(lambda text: window.statusBar().showMessage(text))  # stays
    window.backup_requested.connect(lambda: timer.backup_now(window))

    def open_restore() -> None:
        dialog = RestoreDialog(context, backups, window)
        dialog.about_to_restore.connect(sync.timer.stop)
        dialog.restored.connect(lambda _summary: QCoreApplication.quit())
        dialog.open()

    window.restore_requested.connect(open_restore)
    return timer


def run_gui(data_dir: Path, log_file: Path) -> int:
    """Start the desktop application on ``data_dir``; returns the exit code.

    Everything it writes (database, backups, exports, PDFs) is its owner's only on POSIX.
    """
    protect_new_files()
    settings = Settings.load(data_dir)
    app = start(sys.argv, log_file, font_point_size=settings.font_point_size)
    install_translators(app, settings.language)
    chosen = run_placement_check(data_dir)  # never the live database on a stick or share
    if chosen is None:
        return 1
    data_dir = chosen
    try:
        lock = claim_data_folder(data_dir)  # held until this window closes
    except UserError as err:  # another window runs on these data (and was asked forward)
        log.info("Refused: %s", type(err).__name__)
        show_user_error(None, err)
        return 1
    listener = listen_for_second_starts(data_dir, app)  # a second start brings this forward
    try:
        return _run_on(app, data_dir, log_file)
    finally:
        listener.close()
        lock.unlock()


def _run_on(app: QApplication, data_dir: Path, log_file: Path) -> int:
    """The window's life on a data folder this process holds: check, set up, sign in, run."""
    if not run_startup_check(data_dir, Settings.load(data_dir)):  # quick_check, no writes
        return 1
    try:
        db = open_node_database(data_dir)
        if db is None and database_on_server(data_dir):  # a workstation, no hub yet
            raise UserError(no_hub_on_server())
        if db is None and run_setup_wizard(data_dir) is not None:
            db = open_node_database(data_dir)
    except UserError as err:  # a newer database, an unusable folder …
        show_user_error(None, err)
        return 1
    if db is None:  # not set up: the volunteer left the setup wizard
        return 0
    context = build_context(db, data_dir, log_file)
    background: BackgroundSync | None = None
    backup_timer: BackupTimer | None = None
    feed: ChangeFeed | None = None
    try:
        if sign_in_before_start(context) is None:  # chose to close Noodpost
            return 0
        window = build_main_window(context)
        idle_lock = IdleLock(context, window, on_change=window.status_line.refresh)
        idle_lock.install()
        window.lock_requested.connect(idle_lock.lock)
        background = _background_sync(context, window)
        backup_timer = _backups(context, window, background)
        _retention(context, window, backup_timer.service)
        power = install_power(context, window, background, backup_timer)
        window.show()
        background.start()
        backup_timer.start()
        power.start()
        feed = window.outside_writes.feed  # type: ignore[attr-defined]
        return app.exec()
    finally:
        if feed is not None:  # the database's push (PostgreSQL): its thread ends first
            feed.stop()
        if background is not None:
            background.shutdown()
        context.runner.shutdown()
        if backup_timer is not None:
            backup_timer.at_exit()  # after the runner stopped, before the database closes
        db.close()


def print_blank_cards(data_dir: Path, count: int, pdf: Path) -> str:
    """Reserve ``count`` new card codes and print them as blank cards on A4 sheets to ``pdf``.

    ``pdf``.partial is created first, so an unwritable place is refused before any code is
    reserved; the codes are reserved in one event; the file gets its name only when complete.
    Only a write that fails after the reservation (a disk filling up) leaves reserved codes
    unprinted: harmless, as nobody holds them. Returns a Dutch summary line.

    Raises:
        UserError: no post in ``data_dir``, an impossible number, a file that cannot be written.
    """
    db = open_node_database(data_dir)
    if db is None:
        raise UserError(_no_post(data_dir))
    try:
        ctx = ServiceContext(db, SystemClock())
        node = ctx.node
        _qt = ensure_application()  # fonts and the PDF writer need one; held until done
        with pdf_target(pdf) as target:
            codes = IntakeService(ctx).reserve_blank_cards(count)
            faces = blank_faces(node.post_code, codes, node.name, training=node.training)
            target.write(render_sheet_pdf(faces))
    finally:
        db.close()
    cards = "1 blanco kaart" if len(codes) == 1 else f"{len(codes)} blanco kaarten"
    pages = sheet_pages(faces)
    sheets = "1 A4-vel" if pages == 1 else f"{pages} A4-vellen"
    mark = " (OEFENING)" if node.training else ""
    return (
        f"{cards} voor {node.name} ({node.post_code}){mark} op {sheets} in {pdf}; "
        "de codes zijn gereserveerd."
    )


def save_household_card(
    registered: Registered, post_name: str, pdf: Path, *, training: bool
) -> None:
    """Write a registered household's card to ``pdf`` (one card, 85.6 × 54 mm), offscreen too.

    For ``noodpost --selftest``; without a first name (that needs the resident's consent).

    Raises:
        UserError: the file cannot be written.
    """
    _qt = ensure_application()  # fonts and the PDF writer need one; held until done
    save_card_pdf(pdf, household_face(registered, post_name, training=training))


def write_sitrep(data_dir: Path, pdf: Path, post_code: str | None) -> str:
    """``noodpost export sitrep FILE.pdf [--post CODE]``: the situation report of the node in
    ``data_dir`` as PDF (read, drawn, written); a Dutch summary.

    Raises:
        UserError: no node in ``data_dir``, an unknown post, a file that cannot be written.
    """
    report = read_sitrep(data_dir, post_code)  # refused before Qt is started
    _qt = ensure_application()  # fonts and the PDF writer need one; held until done
    save_sitrep_pdf(report, pdf)
    return sitrep_summary(report, pdf)


def _no_post(data_dir: Path) -> str:
    return QCoreApplication.translate(
        "App",
        "De map {folder} bevat nog geen noodsteunpunt. Richt het eerst in met "
        "'noodpost init --role post --name NAAM --code CODE'.",
    ).format(folder=data_dir)


def _post_database(data_dir: Path) -> Database:
    """The node's database in ``data_dir`` for a printing command.

    Raises:
        UserError: no node has been set up there.
    """
    db = open_node_database(data_dir)
    if db is None:
        raise UserError(_no_post(data_dir))
    return db


def write_noodlijst(data_dir: Path, pdf: Path) -> str:
    """``noodpost paper list FILE.pdf``: the noodlijst of the post in ``data_dir`` as PDF.

    ``pdf``.partial is created first, so an unwritable place is refused before anything is
    read; the print is recorded in the audit log (it holds health flags).

    Raises:
        UserError: no post in ``data_dir`` (or the hub), a file that cannot be written.
    """
    db = _post_database(data_dir)
    try:
        ctx = ServiceContext(db, SystemClock())
        _qt = ensure_application()  # fonts and the PDF writer need one; held until done
        with pdf_target(pdf) as target:
            lijst = NoodlijstService(ctx).read()
            target.write(render_noodlijst_pdf(lijst))
        record_printed(ctx, pdf.name)
    finally:
        db.close()
    return noodlijst_summary(lijst, pdf)


def print_paper_forms(data_dir: Path, count: int, pdf: Path) -> str:
    """``noodpost paper forms N FILE.pdf``: N intake forms, each with a reserved card code, and
    the desk's hand-out sheet. Codes are reserved like blank cards (see
    :func:`print_blank_cards`), only after ``pdf``.partial could be created.

    Raises:
        UserError: no post in ``data_dir``, an impossible number, a file that cannot be written.
    """
    if not 1 <= count <= MAX_FORMS:
        raise UserError(
            QCoreApplication.translate(
                "App", "Kies een aantal formulieren tussen 1 en {most}."
            ).format(most=MAX_FORMS)
        )
    db = _post_database(data_dir)
    try:
        ctx = ServiceContext(db, SystemClock())
        node = ctx.node
        _qt = ensure_application()  # fonts and the PDF writer need one; held until done
        with pdf_target(pdf) as target:
            items = tuple(form_items(ctx))
            codes = IntakeService(ctx).reserve_blank_cards(count)
            forms = PaperForms(node.post_code, node.name, tuple(codes), items, node.training)
            target.write(render_forms_pdf(forms))
    finally:
        db.close()
    return forms_summary(forms, pdf)
