"""Signing in: pick your name, type your PIN (DESIGN §3.6).

:class:`SignInPanel` is the part shared with the idle lock: the active volunteers of this post
in a large list with a search field, the PIN field, and the service's answer in words. A wrong
PIN shows the volunteers service's own message; after too many, the panel counts down the
seconds (for a longer lock, the minutes) until signing in is possible again.

:class:`SignInDialog` opens before the main window. On a post without volunteers (set up with
``noodpost init``) it explains that and lets the first coordinator be added, then signs in.
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import UserError
from noodpost.core.vocabulary import Role
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import (
    CoordinatorFields,
    FieldMessage,
    larger_font,
    pin_field,
)
from noodpost.services.pins import SECONDS_SHOWN_UP_TO
from noodpost.services.volunteers import SignedIn, VolunteersService, VolunteerSummary

TRAINING_STYLE = "background: #ffbf00; color: black; font-weight: bold; padding: 4px;"
LIST_STYLE = "QListWidget::item { padding: 8px; }"
_ID_ROLE = Qt.ItemDataRole.UserRole


class SignInPanel(QWidget):
    """Choose a name and type the PIN.

    Signals:
        signed_in(object): the :class:`SignedIn` volunteer, after the service accepted the PIN.
    """

    signed_in = Signal(object)

    def __init__(self, volunteers: VolunteersService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.volunteers = volunteers

        self.search = QLineEdit()
        self.search.setObjectName("name_search")
        self.search.setPlaceholderText(self.tr("Zoek uw naam: typ een deel ervan"))
        self.search.setClearButtonEnabled(True)
        larger_font(self.search, 2)
        self.names = QListWidget()
        self.names.setObjectName("volunteer_list")
        self.names.setAlternatingRowColors(True)
        self.names.setStyleSheet(LIST_STYLE)
        self.names.setMinimumHeight(220)
        larger_font(self.names, 4)
        self.pin = pin_field("pin", self.tr("pincode"))
        larger_font(self.pin, 2)  # as the search field above it
        self.button = QPushButton(self.tr("&Inloggen"))
        self.button.setObjectName("sign_in_button")
        # Enter in the PIN field signs in (returnPressed); the button is not a dialog default,
        # or Enter would submit a second time, and Enter in the search field would submit too.
        self.button.setAutoDefault(False)
        self.button.setMinimumHeight(44)
        larger_font(self.button, 2, bold=True)
        self.message = FieldMessage("sign_in_message")
        self.countdown = QLabel()
        self.countdown.setObjectName("lock_countdown")
        self.countdown.setWordWrap(True)
        self.countdown.hide()
        self._lay_out()

        self._lock_ends: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._update_lock)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._to_pin)
        self.search.installEventFilter(self)
        self.names.currentItemChanged.connect(self._chosen)
        self.names.itemActivated.connect(self._to_pin)
        self.pin.returnPressed.connect(self.submit)
        self.pin.textEdited.connect(lambda _text: self.message.clear_message())
        self.button.clicked.connect(self.submit)
        self.reload()

    def _lay_out(self) -> None:
        names_label = QLabel(self.tr("&Wie bent u?"))
        names_label.setBuddy(self.search)
        larger_font(names_label, 2, bold=True)
        pin_label = QLabel(self.tr("&Pincode"))
        pin_label.setBuddy(self.pin)
        larger_font(pin_label, 2, bold=True)
        pin_row = QHBoxLayout()
        pin_row.addWidget(pin_label)
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(names_label)
        layout.addWidget(self.search)
        layout.addWidget(self.names, 1)
        layout.addLayout(pin_row)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown)

    # ------------------------------------------------------------------ the list

    def reload(self) -> list[VolunteerSummary]:
        """Read the active volunteers of this post again; returns them."""
        chosen = self.chosen_id()
        people = self.volunteers.list_volunteers()
        self.names.clear()
        for person in people:
            text = person.name
            if person.role == Role.COORDINATOR:
                text += self.tr(" · coördinator")
            item = QListWidgetItem(text)
            item.setData(_ID_ROLE, person.id)
            self.names.addItem(item)
        if chosen is None or not self.select(chosen):
            self._filter(self.search.text())
        return people

    def count(self) -> int:
        return self.names.count()

    def chosen_id(self) -> str | None:
        row = self.names.currentRow()
        if row < 0 or self.names.item(row).isHidden():
            return None
        value = self.names.item(row).data(_ID_ROLE)
        return value if isinstance(value, str) else None

    def select(self, volunteer_id: str) -> bool:
        """Choose this volunteer in the list; False when they are not in it."""
        for row in range(self.names.count()):
            item = self.names.item(row)
            if item.data(_ID_ROLE) == volunteer_id:
                item.setHidden(False)
                self.names.setCurrentItem(item)
                return True
        return False

    def select_name(self, name: str) -> bool:
        """Choose the volunteer called ``name`` (as a person would click it)."""
        for row in range(self.names.count()):
            item = self.names.item(row)
            if item.text().split(" · ")[0] == name:
                self.names.setCurrentItem(item)
                return True
        return False

    @Slot(str)
    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = -1
        for row in range(self.names.count()):
            item = self.names.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first < 0:
                first = row
        current = self.names.currentRow()
        if current < 0 or self.names.item(current).isHidden():
            self.names.setCurrentRow(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field move through the list."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def _step(self, direction: int) -> None:
        rows = [r for r in range(self.names.count()) if not self.names.item(r).isHidden()]
        if not rows:
            return
        current = self.names.currentRow()
        later = [r for r in rows if (r - current) * direction > 0]
        target = (later[0] if direction > 0 else later[-1]) if later else current
        if current not in rows:
            target = rows[0]
        self.names.setCurrentRow(target)

    @Slot()
    def _to_pin(self) -> None:
        if self.chosen_id() is not None:
            self.pin.setFocus()

    @Slot()
    def _chosen(self) -> None:
        self.message.clear_message()
        self.pin.clear()
        self._read_lock()

    # ------------------------------------------------------------------ signing in

    def focus_first(self) -> None:
        """The PIN field when a name is chosen, else the search field."""
        if self.chosen_id() is not None:
            self.pin.setFocus()
        else:
            self.search.setFocus()

    @Slot()
    def submit(self) -> SignedIn | None:
        """Sign the chosen volunteer in with the typed PIN; the answer is shown in words."""
        volunteer_id = self.chosen_id()
        if volunteer_id is None:
            self.message.show_message(self.tr("Kies eerst uw naam in de lijst."))
            self.search.setFocus()
            return None
        pin = self.pin.text()
        if not pin:
            self.message.show_message(self.tr("Typ uw pincode."))
            self.pin.setFocus()
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            volunteer = self.volunteers.sign_in(volunteer_id, pin)
        except UserError as refused:
            self.message.show_message(refused.message)
            self.pin.clear()
            self.pin.setFocus()
            self._read_lock()
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.message.clear_message()
        self.pin.clear()
        self.signed_in.emit(volunteer)
        return volunteer

    def _read_lock(self) -> None:
        """Read the chosen volunteer's lock once (chosen, or a PIN refused); then count down."""
        volunteer_id = self.chosen_id()
        self._lock_ends = self.volunteers.lock_ends(volunteer_id) if volunteer_id else None
        self._update_lock()

    @Slot()
    def _update_lock(self) -> None:
        """The one-second countdown, from the lock's end as read: no database read per tick."""
        volunteer_id = self.chosen_id()
        seconds = 0
        if self._lock_ends is not None:
            left = (self._lock_ends - self.volunteers.ctx.clock.now()).total_seconds()
            seconds = max(0, math.ceil(left))
        locked = seconds > 0
        self.button.setEnabled(not locked)
        self.pin.setEnabled(not locked)
        if locked:
            if seconds <= SECONDS_SHOWN_UP_TO:
                text = self.tr("Inloggen met deze naam kan weer over %n seconde(n).", "", seconds)
            else:
                minutes = math.ceil(seconds / 60)
                text = self.tr(
                    "Inloggen met deze naam kan weer over %n minuut/minuten.", "", minutes
                )
            self.countdown.setText(text)
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
            if self.countdown.isVisibleTo(self) and volunteer_id:
                self.pin.setFocus()
        self.countdown.setVisible(locked)


class SignInDialog(QDialog):
    """Who works now: opens before the main window. ``volunteer`` is set when accepted."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_dialog")
        self.app = app
        node = app.node
        self.volunteer: SignedIn | None = None
        self.setWindowTitle(self.tr("Noodpost — inloggen"))
        self.resize(640, 620)

        heading = QLabel(self.tr("Inloggen bij %1").replace("%1", node.name))
        heading.setObjectName("sign_in_heading")
        heading.setWordWrap(True)
        larger_font(heading, 8, bold=True)
        where = QLabel(
            self.tr("C-NSP %1").replace("%1", node.post_code)
            if node.is_hub
            else self.tr("Post %1").replace("%1", node.post_code)
        )
        where.setObjectName("sign_in_post")
        self.panel = SignInPanel(app.services.volunteers)
        self.panel.signed_in.connect(self._done)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.panel)
        self.pages.addWidget(self._first_coordinator_page())

        buttons = QDialogButtonBox()
        close = buttons.addButton(
            self.tr("Noodpost &afsluiten"), QDialogButtonBox.ButtonRole.RejectRole
        )
        close.setObjectName("quit_button")
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if node.training:
            mark = QLabel(self.tr("OEFENING — oefenmodus, geen echte gegevens"))
            mark.setObjectName("training_mark")
            mark.setStyleSheet(TRAINING_STYLE)
            layout.addWidget(mark)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        self.refresh()

    def _first_coordinator_page(self) -> QWidget:
        first = QWidget()
        self.first_intro = QLabel(
            self.tr(
                "Voor deze post zijn nog geen vrijwilligers ingevoerd, dus er kan nog niemand "
                "inloggen. Voer hieronder de eerste coördinator in: die is daarmee meteen "
                "ingelogd en kan daarna de andere vrijwilligers toevoegen."
            )
        )
        self.first_intro.setObjectName("no_volunteers")
        self.first_intro.setWordWrap(True)
        larger_font(self.first_intro, 1)
        self.coordinator = CoordinatorFields()
        self.first_message = FieldMessage("first_coordinator_message")
        self.add_button = QPushButton(self.tr("Coördinator &toevoegen en inloggen"))
        self.add_button.setObjectName("add_coordinator_button")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_first_coordinator)
        column = QVBoxLayout(first)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.first_intro)
        column.addWidget(self.coordinator)
        column.addWidget(self.first_message)
        column.addWidget(self.add_button)
        column.addStretch(1)
        return first

    def refresh(self) -> None:
        """Show the names, or the first-coordinator form when there are none."""
        has_names = bool(self.panel.reload())
        self.pages.setCurrentIndex(0 if has_names else 1)
        if has_names:
            self.panel.focus_first()
        else:
            self.coordinator.name.setFocus()

    @property
    def showing_first_coordinator(self) -> bool:
        return self.pages.currentIndex() == 1

    @Slot()
    def add_first_coordinator(self) -> None:
        """Add the first coordinator (allowed while the post has none) and sign them in."""
        coordinator = self.coordinator.value()
        if coordinator is None:
            return
        volunteers = self.app.services.volunteers
        self.first_message.clear_message()
        self.add_button.setEnabled(False)

        def add_and_sign_in() -> SignedIn:
            added = volunteers.add_volunteer(coordinator.name, Role.COORDINATOR, coordinator.pin)
            return volunteers.sign_in(added.id, coordinator.pin)

        self.app.runner.run(
            add_and_sign_in,
            on_done=self._done,
            on_user_error=self._refused,
            parent=self,
        )

    def _refused(self, error: UserError) -> None:
        self.add_button.setEnabled(True)
        self.first_message.show_message(error.message)

    @Slot(object)
    def _done(self, volunteer: SignedIn) -> None:
        self.volunteer = volunteer
        self.accept()


def sign_in_before_start(app: AppContext) -> SignedIn | None:
    """Ask who works now; None when the volunteer chose to close Noodpost."""
    dialog = SignInDialog(app)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.volunteer
