"""Before the GUI opens the database: is it sound, and does it live on this laptop's own disk?

:func:`run_startup_check` runs ``quick_check`` on the file without changing it (a few tens of
milliseconds). When the check fails, :class:`StartupCheckDialog` explains in Dutch, leaves the
damaged file untouched (a restore keeps it aside), and offers the newest good backup or another
file. After a restore the start simply goes on: nothing had the old database open yet.

:func:`run_placement_check` refuses a data folder on a USB stick or a network share, explains
why, and offers to move the data to the standard folder on this laptop.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.config import Settings, default_data_dir
from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError
from noodpost.gui.dialogs.fields import FieldMessage, larger_font
from noodpost.gui.errors import show_user_error
from noodpost.services.backup import (
    OtherNodeBackup,
    RestoreReport,
    StartupReport,
    check_before_start,
    move_node,
    placement_problem,
    restore_from_file,
)

log = logging.getLogger(__name__)


class StartupCheckDialog(QDialog):
    """The damaged-database dialog. Accepted only after a backup was restored.

    Tests call :meth:`restore` (or :meth:`restore_newest`) instead of clicking.
    """

    def __init__(
        self,
        report: StartupReport,
        data_dir: Path,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startup_check_dialog")
        self.report = report
        self.data_dir = data_dir
        self.settings = settings
        self.restored: RestoreReport | None = None
        self.setWindowTitle(self.tr("Noodpost — database beschadigd"))
        self.setMinimumWidth(640)

        heading = QLabel(self.tr("De database is beschadigd"))
        heading.setObjectName("startup_heading")
        larger_font(heading, 6, bold=True)
        explain = QLabel(report.message)
        explain.setObjectName("startup_message")
        explain.setWordWrap(True)
        found = [line for line in report.problem.splitlines() if not line.startswith("***")]
        details = QLabel(
            self.tr("Gevonden bij de controle: %1").replace("%1", found[0] if found else "?")
        )
        details.setObjectName("startup_details")
        details.setWordWrap(True)
        self.message = FieldMessage("startup_refusal")

        buttons = QDialogButtonBox()
        self.newest_button: QPushButton | None = None
        if report.newest_good is not None:
            self.newest_button = buttons.addButton(
                self.tr("&Nieuwste goede back-up terugzetten"),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
            self.newest_button.setObjectName("restore_newest")
            self.newest_button.setDefault(True)
            self.newest_button.clicked.disconnect()
            self.newest_button.clicked.connect(self.restore_newest)
        other = QPushButton(self.tr("&Andere back-up kiezen…"))
        other.setObjectName("choose_backup")
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self.choose_backup)
        close = buttons.addButton(
            self.tr("Noodpost &afsluiten"), QDialogButtonBox.ButtonRole.RejectRole
        )
        close.setObjectName("close_noodpost")
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(details)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        margins = layout.contentsMargins()  # every button whole, in either language
        wide = buttons.sizeHint().width() + margins.left() + margins.right()
        self.setMinimumWidth(max(640, wide))

    @Slot()
    def restore_newest(self) -> None:
        if self.report.newest_good is not None:
            self.restore(self.report.newest_good.path)

    @Slot()
    def choose_backup(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Back-upbestand kiezen"),
            str(self.data_dir / "backups"),
            self.tr("Noodpost-back-ups (*.db *.npbk)"),
        )
        if chosen:
            self.restore(Path(chosen))

    def restore(self, backup: Path, *, allow_other_node: bool = False) -> bool:
        """Restore ``backup`` now (nothing else has the database open); accept when done."""
        try:
            self.restored = restore_from_file(
                backup, self.data_dir, clock=SystemClock(), allow_other_node=allow_other_node
            )
        except OtherNodeBackup as asked:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(asked.message)
            box.setInformativeText("\n".join(asked.warnings))
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() == QMessageBox.StandardButton.Yes:
                return self.restore(backup, allow_other_node=True)
            return False
        except UserError as refused:
            self.message.show_message(refused.message)
            return False
        log.info("Restored a backup at start-up")
        self.accept()
        return True


def run_startup_check(data_dir: Path, settings: Settings, parent: QWidget | None = None) -> bool:
    """The start-up check for the GUI. True: go on starting; False: close Noodpost.

    Call it before the database is opened. When the database is damaged the dialog is shown;
    after a restore the start goes on with the restored database.
    """
    report = check_before_start(data_dir, settings)
    if report.ok:
        return True
    dialog = StartupCheckDialog(report, data_dir, settings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
        return False
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(dialog.tr("Back-up teruggezet"))
    box.setText(dialog.restored.summary)
    box.exec()
    return True


def placement_box(data_dir: Path, problem: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("placement_refused")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Noodpost")
    box.setText(problem)
    target = default_data_dir()
    box.setInformativeText(
        QCoreApplication.translate(
            "StartupCheck",
            "Noodpost kan de gegevens nu naar %1 verplaatsen: de gegevens, de sleutels en de "
            "instellingen worden gekopieerd en gecontroleerd; de oude database blijft bewaard "
            "onder een andere naam.",
        ).replace("%1", str(target))
    )
    move = box.addButton(
        QCoreApplication.translate("StartupCheck", "&Verplaatsen"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    move.setObjectName("move_data")
    close = box.addButton(
        QCoreApplication.translate("StartupCheck", "Noodpost &afsluiten"),
        QMessageBox.ButtonRole.RejectRole,
    )
    close.setObjectName("close_noodpost")
    box.setDefaultButton(move)
    return box


def run_placement_check(data_dir: Path, parent: QWidget | None = None) -> Path | None:
    """The data folder to start with: ``data_dir`` when it is on this laptop's own disk, the
    standard folder after a move the volunteer agreed to, or None to close Noodpost."""
    problem = placement_problem(data_dir)
    if problem is None:
        return data_dir
    target = default_data_dir()
    nothing_to_move = not (data_dir / "noodpost.db").exists()
    same = target.resolve() == data_dir.resolve()
    if nothing_to_move or same or placement_problem(target) is not None:
        show_user_error(parent, UserError(problem))
        return None
    box = placement_box(data_dir, problem, parent)
    box.exec()
    if box.clickedButton() is None or box.clickedButton().objectName() != "move_data":
        return None
    try:
        moved = move_node(data_dir, target)
    except UserError as refused:
        show_user_error(parent, refused)
        return None
    done = QMessageBox(parent)
    done.setIcon(QMessageBox.Icon.Information)
    done.setWindowTitle("Noodpost")
    done.setText(moved.summary)
    done.exec()
    return target
