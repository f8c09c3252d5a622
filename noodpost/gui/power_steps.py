"""The low-power steps in the main window: warnings, the last backup, the noodlijst, saving.

:mod:`noodpost.gui.power` watches the battery and slows timers; this module says it to the
volunteer and acts. A warning is a dialog that does not block the desk (the post goes on while
it shows). At 10 % — or on Ctrl+Shift+P — a backup is made at once (to the USB stick too when
one is set), *stroombesparing* goes on, and the noodlijst is offered.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from noodpost.gui.backup_timer import BackupTimer
from noodpost.gui.context import AppContext
from noodpost.gui.main_window import MainWindow
from noodpost.gui.power import CRITICAL_LEVEL, PowerReading, PowerSaving, PowerSource, PowerWatch
from noodpost.gui.power import system_power as default_source

log = logging.getLogger(__name__)

#: objectName of the menu action that prints the noodlijst (the low-power dialog offers it).
NOODLIJST_ACTION = "noodlijst_action"


class PowerSteps(QObject):
    """Puts the power watch and *stroombesparing* in the window.

    Attributes:
        watch: the battery watch (its source is injected in tests).
        saving: the timers *stroombesparing* slows.
        saving_action: the menu's checkable *Stroombesparing*.
        now_action: the menu's *Stroomstoring: back-up en noodlijst* (Ctrl+Shift+P).
        box: the warning or low-power dialog on screen, else ``None``.
    """

    def __init__(
        self,
        app: AppContext,
        window: MainWindow,
        backups: BackupTimer,
        source: PowerSource = default_source,
    ) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.backups = backups
        self.box: QMessageBox | None = None
        self.saving = PowerSaving(app.settings.power_saving, self)
        self.watch = PowerWatch(source, self)
        self.saving_action = QAction(self.tr("&Stroombesparing"), window)
        self.saving_action.setObjectName("power_saving_action")
        self.saving_action.setCheckable(True)
        self.saving_action.setChecked(self.saving.on)
        self.saving_action.toggled.connect(self.set_saving)
        window.add_menu_action(self.saving_action)
        self.now_action = QAction(self.tr("Stroomstoring: back-up en noodlijst"), window)
        self.now_action.setObjectName("power_now_action")
        self.now_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.now_action.triggered.connect(self.watch.act_now)
        window.add_menu_action(self.now_action)
        window.addAction(self.now_action)  # the key works on every page
        self.watch.reading_changed.connect(self._show)
        self.watch.warned.connect(self.warn)
        self.watch.critical.connect(self.act)
        self.saving.changed.connect(self._saving_changed)
        self.saving.slow(window.status_line.timer)
        window.status_line.show_power(None, self.saving.on)

    def slow(self, timer: QTimer) -> None:
        """A background timer that *stroombesparing* slows."""
        self.saving.slow(timer)

    def start(self) -> None:
        self.watch.start()

    # ---------------------------------------------------------------- saving

    @Slot(bool)
    def set_saving(self, on: bool) -> None:
        self.saving.set_on(on)

    def _saving_changed(self, on: bool) -> None:
        if self.saving_action.isChecked() != on:
            self.saving_action.setChecked(on)
        self.window.status_line.show_power(self.watch.reading, on)
        settings = self.app.settings
        settings.power_saving = on
        try:
            settings.save(self.app.data_dir)
        except OSError:  # it is on for this run; the status line says so
            log.warning("Could not keep the power-saving setting")

    def _show(self, reading: PowerReading | None) -> None:
        self.window.status_line.show_power(reading, self.saving.on)

    # ---------------------------------------------------------------- warnings

    @Slot(int)
    def warn(self, level: int) -> None:
        """30 % or 15 %: say it once, and offer *stroombesparing*."""
        box = self._box("power_warning", self.tr("Noodpost — accu"))
        reading = self.watch.reading
        left = round(reading.percent) if reading is not None else level
        box.setText(self.tr("De accu is nog %1 %.").replace("%1", str(left)))
        box.setInformativeText(
            self.tr(
                "Sluit de laptop aan op stroom of een aggregaat. Met stroombesparing doet "
                "Noodpost minder op de achtergrond; een noodmelding gaat altijd meteen weg. "
                "Bij %1 % maakt Noodpost een back-up en biedt het de noodlijst aan."
            ).replace("%1", str(CRITICAL_LEVEL))
        )
        if not self.saving.on:
            button = box.addButton(
                self.tr("&Stroombesparing aan"), QMessageBox.ButtonRole.AcceptRole
            )
            button.clicked.connect(lambda: self.set_saving(True))
        box.addButton(self.tr("&OK"), QMessageBox.ButtonRole.RejectRole)
        box.open()

    @Slot()
    def act(self) -> None:
        """10 % (or Ctrl+Shift+P): a backup now, saving on, and the noodlijst offered."""
        self.backups.backup_now(self.window)
        self.set_saving(True)
        reading = self.watch.reading
        box = self._box("power_critical", self.tr("Noodpost — stroom"))
        if reading is not None and reading.on_battery:
            box.setText(
                self.tr("De accu is bijna leeg (%1 %).").replace("%1", str(round(reading.percent)))
            )
        else:
            box.setText(self.tr("Voorbereiden op een stroomstoring."))
        noodlijst = self.window.findChild(QAction, NOODLIJST_ACTION)
        box.setInformativeText(
            self.tr(
                "Noodpost maakt nu een back-up (ook op de USB-stick, als die is ingesteld) en "
                "zet stroombesparing aan. Druk de noodlijst af, zodat de post op papier verder "
                "kan: wie er binnen is, met kaartcodes en wat ze vandaag nog mogen krijgen."
            )
        )
        if noodlijst is not None:
            button = box.addButton(
                self.tr("&Noodlijst afdrukken…"), QMessageBox.ButtonRole.AcceptRole
            )
            button.clicked.connect(noodlijst.trigger)
            box.setDefaultButton(button)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.open()

    def _box(self, name: str, title: str) -> QMessageBox:
        if self.box is not None:  # one power dialog at a time: the newest says what counts
            self.box.close()
        box = QMessageBox(self.window)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r: self._closed(box))
        self.box = box
        return box

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
