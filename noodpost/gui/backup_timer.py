"""Automatic backups while Noodpost runs: every 15 minutes when something changed, and at exit.

The backup runs on the database runner (off the GUI thread, never overlapping a write). The
outcome is always visible: a made backup and a warning (the USB stick absent) as a status-bar
line, a failure as a status-bar line that stays until the next good backup — never silence.
"Back-up maken" in the menu calls :meth:`BackupTimer.backup_now`, which also answers a failure
with a message box.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from noodpost.core.errors import UserError
from noodpost.core.localtime import local_time
from noodpost.gui.context import AppContext
from noodpost.services.backup import BackupReport, BackupService

log = logging.getLogger(__name__)

INTERVAL_MS = 15 * 60 * 1000


class BackupTimer(QObject):
    """Makes the rolling backups of the running program.

    Signals:
        finished(str): a backup was made (Dutch line for the status bar).
        problem(str): a backup failed, or part of it (the USB stick); Dutch, for the status
            bar. Connect it to a status-bar message without timeout.
    """

    finished = Signal(str)
    problem = Signal(str)

    def __init__(
        self,
        app: AppContext,
        service: BackupService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.service = service or BackupService(app.services.ctx, app.data_dir, app.settings)
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @Slot()
    def tick(self) -> None:
        """The 15-minute check: a backup when something changed since the last one."""
        if self._busy or self.service.closed:
            return
        self._busy = True
        service = self.service

        def work() -> BackupReport | None:
            return service.backup_now() if service.needs_backup() else None

        self.app.runner.run(work, on_done=self._done, on_user_error=self._failed)

    def backup_now(self, parent: QWidget | None = None) -> None:
        """ "Back-up maken": a backup now, changed or not; a failure also as a message box."""
        if self.service.closed:
            return
        self._busy = True

        def failed(error: UserError) -> None:
            self._failed(error)
            box = QMessageBox(parent)
            box.setObjectName("backup_failed")
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Noodpost — back-up"))
            box.setText(error.message)
            box.open()

        self.app.runner.run(self.service.backup_now, on_done=self._done, on_user_error=failed)

    def _done(self, report: BackupReport | None) -> None:
        self._busy = False
        if report is None:
            return
        for warning in report.warnings:
            self.problem.emit(warning)
        if report.written:
            at = local_time(self.app.services.ctx.clock.now()).strftime("%H:%M")
            where = (
                self.tr("op deze laptop en de USB-stick")
                if len(report.written) > 1
                else self.tr("op deze laptop")
            )
            text = self.tr("Back-up gemaakt om %1 (%2).").replace("%1", at).replace("%2", where)
            if not report.warnings:  # else the warning stays in view; the log has the backup
                self.finished.emit(text)

    def _failed(self, error: UserError) -> None:
        self._busy = False
        log.warning("Automatic backup failed")
        self.problem.emit(self.tr("Back-up mislukt: %1").replace("%1", error.message))

    def at_exit(self, parent: QWidget | None = None) -> bool:
        """The last backup, when Noodpost closes (call after the runner has stopped).

        Runs on the calling thread: the window is closing and nothing else runs. A failure is
        shown in a message box before Noodpost closes. Returns True when all went well.
        """
        self.timer.stop()
        if self.service.closed:
            return True
        try:
            if not self.service.needs_backup():
                return True
            report = self.service.backup_now()
        except UserError as error:
            log.warning("Backup at exit failed")
            box = exit_failure_box(parent, error)
            box.exec()
            return False
        if report.warnings:
            log.info("Backup at exit made on this laptop only: the USB folder was not usable")
        return True


def exit_failure_box(parent: QWidget | None, error: UserError) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("backup_exit_failed")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("BackupTimer", "Noodpost — back-up"))
    box.setText(
        QCoreApplication.translate(
            "BackupTimer",
            "De back-up bij het afsluiten is niet gelukt. De gegevens zelf zijn veilig "
            "opgeslagen; maak bij de volgende start een back-up (menu Noodpost → Back-up maken).",
        )
    )
    box.setInformativeText(error.message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
