"""The screen locks when nobody has used Noodpost for a while (DESIGN §3.6).

:class:`IdleLock` watches every key press, click, scroll and touch in the whole application
(an application-wide event filter; a barcode scanner types, so scanning counts too). When
nothing happened for ``Settings.idle_lock_minutes``, it signs the volunteer out and covers the
main window with :class:`LockScreen`, so the data on it cannot be read or changed. Unlocking
takes a PIN: the same volunteer's or another's, who then becomes the author of what follows.
Dialogs that were open stay open under the lock: what was typed is never lost.

The idle clock (seconds, monotonic) and the check interval are injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import larger_font
from noodpost.gui.dialogs.sign_in import SignInPanel
from noodpost.services.volunteers import SignedIn

CHECK_INTERVAL_MS = 5_000
LOCK_STYLE = "#lock_screen { background: #1f3a60; } #lock_card { background: palette(window); }"

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class LockScreen(QDialog):
    """Covers the main window until a volunteer types a PIN; cannot be closed otherwise.

    Signals:
        unlocked(object): the :class:`SignedIn` volunteer who unlocked.
    """

    unlocked = Signal(object)

    def __init__(self, app: AppContext, window: QWidget, minutes: int) -> None:
        super().__init__(window)
        self.setObjectName("lock_screen")
        self.setWindowTitle(self.tr("Noodpost — vergrendeld"))
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(LOCK_STYLE)
        self._may_close = False

        card = QWidget()
        card.setObjectName("lock_card")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card.setFixedWidth(640)
        heading = QLabel(self.tr("Noodpost is vergrendeld"))
        heading.setObjectName("lock_heading")
        larger_font(heading, 10, bold=True)
        explanation = QLabel(
            self.tr(
                "Er is %n minuut/minuten niets gedaan. Daarom is het scherm vergrendeld en "
                "is niemand meer ingelogd. Kies uw naam en typ uw pincode om verder te gaan. "
                "Wat open stond, blijft bewaard.",
                "",
                minutes,
            )
        )
        explanation.setObjectName("lock_explanation")
        explanation.setWordWrap(True)
        larger_font(explanation, 1)
        self.panel = SignInPanel(app.services.volunteers)
        self.panel.signed_in.connect(self._unlock)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        inner.addWidget(heading)
        inner.addWidget(explanation)
        inner.addWidget(self.panel, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)

    @Slot(object)
    def _unlock(self, volunteer: SignedIn) -> None:
        self._may_close = True
        self.accept()
        self.unlocked.emit(volunteer)

    def reject(self) -> None:
        """Escape does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()


class IdleLock(QObject):
    """Locks the screen after the configured idle time.

    Args:
        app: the services and settings (``settings.idle_lock_minutes`` is read at every
            check, so a change in the settings takes effect at once).
        window: the main window, covered while locked.
        idle_clock: seconds from a monotonic clock (tests pass their own).
        check_interval_ms: how often the idle time is compared with the limit.
        on_change: called after locking and after unlocking (e.g. to refresh the status
            line, which shows who is signed in).

    Signals:
        locked_changed(bool): the screen was locked (True) or unlocked (False).
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        app: AppContext,
        window: QWidget,
        *,
        idle_clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        on_change: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self._clock = idle_clock
        self._on_change = on_change
        self._last_input = idle_clock()
        self.lock_screen: LockScreen | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    def install(self) -> None:
        """Start watching input and the idle time."""
        application = QCoreApplication.instance()
        assert application is not None
        application.installEventFilter(self)
        self._last_input = self._clock()
        self._timer.start()

    def uninstall(self) -> None:
        application = QCoreApplication.instance()
        if application is not None:
            application.removeEventFilter(self)
        self._timer.stop()

    @property
    def is_locked(self) -> bool:
        return self.lock_screen is not None

    def idle_seconds(self) -> float:
        return max(0.0, self._clock() - self._last_input)

    def limit_seconds(self) -> float:
        return max(1, int(self.app.settings.idle_lock_minutes)) * 60.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._clock()
        return False

    @Slot()
    def check(self) -> None:
        """Lock when the idle time has reached the limit."""
        if not self.is_locked and self.idle_seconds() >= self.limit_seconds():
            self.lock()

    def lock(self) -> None:
        """Sign out and cover the main window until a PIN is typed."""
        if self.lock_screen is not None:
            return
        volunteers = self.app.services.volunteers
        previous = volunteers.signed_in()
        volunteers.sign_out()
        minutes = max(1, int(self.app.settings.idle_lock_minutes))
        screen = LockScreen(self.app, self.window, minutes)
        screen.unlocked.connect(self._unlocked)
        if previous is not None:
            screen.panel.select(previous.id)
        screen.setGeometry(self.window.geometry())
        self._set_window_enabled(False)  # no shortcut of a page may act behind the lock
        self.lock_screen = screen
        screen.open()
        screen.activateWindow()
        screen.panel.focus_first()
        self.locked_changed.emit(True)
        if self._on_change is not None:
            self._on_change()

    def _set_window_enabled(self, enabled: bool) -> None:
        if isinstance(self.window, QMainWindow):
            for part in (self.window.centralWidget(), self.window.menuBar()):
                if part is not None:
                    part.setEnabled(enabled)

    @Slot(object)
    def _unlocked(self, _volunteer: SignedIn) -> None:
        screen = self.lock_screen
        self.lock_screen = None
        self._last_input = self._clock()
        if screen is not None:
            screen.deleteLater()
        self._set_window_enabled(True)
        self.window.activateWindow()
        self.locked_changed.emit(False)
        if self._on_change is not None:
            self._on_change()
