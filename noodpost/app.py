"""The composition root: the only module that wires config, storage, services and the GUI.

It opens the database, builds one :class:`ServiceContext` and the services on it, and hands
them to the windows through their constructors. Nothing else imports both storage and gui.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from noodpost.config import Settings
from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError
from noodpost.gui.application import start
from noodpost.gui.errors import show_user_error
from noodpost.gui.first_run import run_first_run
from noodpost.gui.main_window import MainWindow
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.setup import is_initialised
from noodpost.services.status import StatusService
from noodpost.storage.engine import Database, open_database
from noodpost.storage.node import check_home, database_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Services:
    """Every service of one installation, on one shared context."""

    ctx: ServiceContext
    status: StatusService
    intake: IntakeService


def build_services(db: Database) -> Services:
    ctx = ServiceContext(db, SystemClock())
    return Services(ctx=ctx, status=StatusService(ctx), intake=IntakeService(ctx))


def open_node_database(data_dir: Path) -> Database | None:
    """The database of the node in ``data_dir``, or None when none has been set up there."""
    path = database_path(data_dir)
    if not path.exists():
        return None
    db = open_database(path)
    try:
        if not is_initialised(db):
            db.close()
            return None
        if check_home(db):
            log.info("Database was copied or moved: started a new incarnation")
    except BaseException:
        db.close()
        raise
    return db


def run_gui(data_dir: Path, log_file: Path) -> int:
    """Start the desktop application on ``data_dir``; returns the exit code."""
    settings = Settings.load(data_dir)
    app = start(sys.argv, log_file, font_point_size=settings.font_point_size)
    try:
        db = open_node_database(data_dir)
        if db is None and run_first_run(data_dir):
            db = open_node_database(data_dir)
    except UserError as err:  # a newer database, an unusable folder …
        show_user_error(None, err)
        return 1
    if db is None:  # not set up; the first-run notice said how
        return 0
    try:
        services = build_services(db)
        window = MainWindow(services.ctx.node, services.status)
        services.ctx.subscribe(window.notify_changed)
        window.show()
        return app.exec()
    finally:
        db.close()
