"""*Post en bewaartermijn*: the post's details, opening and closing it, and retention.

For the coordinator (the services refuse anyone else, and the dialog shows that refusal in
words). At the C-NSP the same dialog closes the crisis. Closing starts the retention period;
when it has passed, "Nu anonimiseren" shows what is due and anonimises it (the application
also does this by itself, see :meth:`RetentionService.anonymise_due`).

Questions go through :attr:`ask` (a yes/no box by default) so tests can answer them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.errors import UserError
from noodpost.core.localtime import local_time
from noodpost.core.retention import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.fields import FieldMessage, grow_to_wrapped_text, larger_font
from noodpost.gui.dialogs.setup_wizard import MAX_CAPACITY, post_functions
from noodpost.services.backup import BackupService
from noodpost.services.post import PostDetails, PostService
from noodpost.services.purge import RetentionRound, anonymise_due
from noodpost.services.retention import RetentionDue, RetentionService

OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 8px; border: 1px solid #146c43;"
WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 8px; border: 1px solid #cc9a06;"
NOTE_STYLE = "color: #333;"
DATE_FORMAT = "%d-%m-%Y %H:%M"


def _local(stored: str) -> str:
    return local_time(parse_iso(stored)).strftime(DATE_FORMAT)


class PostDetailsDialog(QDialog):
    """Details, open/close and retention. Tests call :meth:`save`, :meth:`toggle_open`,
    :meth:`anonymise_now` and set :attr:`ask`."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("post_details")
        self.app = app
        ctx = app.services.ctx
        self.post = PostService(ctx)
        self.retention = RetentionService(ctx)
        self.is_hub = ctx.node.is_hub
        self.ask: Callable[[str, str], bool] = self._ask
        self.setWindowTitle(
            self.tr("Noodpost — C-NSP en bewaartermijn")
            if self.is_hub
            else self.tr("Noodpost — post en bewaartermijn")
        )

        heading = QLabel(self.tr("Gegevens van de C-NSP") if self.is_hub else self.tr("Post"))
        larger_font(heading, 6, bold=True)
        self.state = QLabel()
        self.state.setObjectName("post_state")
        self.state.setWordWrap(True)
        larger_font(self.state, 2, bold=True)

        form = self._build_form()
        self._build_services()
        buttons = self._build_buttons()
        retention_box = self._build_retention()

        self.message = FieldMessage("post_message")
        self.outcome = QLabel()
        self.outcome.setObjectName("post_outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet(OK_STYLE)
        self.outcome.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(self.services_box)
        layout.addWidget(retention_box)
        layout.addWidget(self.message)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.name.setFocus()
        self.load()

    def _build_form(self) -> QFormLayout:
        self.name = QLineEdit()
        self.name.setObjectName("post_name")
        self.name.setMaxLength(200)
        self.code = QLabel()
        self.code.setObjectName("post_code")
        self.capacity = QSpinBox()
        self.capacity.setObjectName("post_capacity")
        self.capacity.setRange(0, MAX_CAPACITY)
        self.capacity.setSpecialValueText(self.tr("niet ingesteld"))
        self.address = QLineEdit()
        self.address.setObjectName("post_address")
        self.address.setMaxLength(300)
        self.opening_hours = QLineEdit()
        self.opening_hours.setObjectName("post_opening_hours")
        self.opening_hours.setMaxLength(200)
        self.opening_hours.setPlaceholderText(self.tr("bijvoorbeeld dag en nacht, of 8:00–22:00"))
        self.retention_days = QSpinBox()
        self.retention_days.setObjectName("retention_days")
        self.retention_days.setRange(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)
        self.retention_days.setSuffix(self.tr(" dagen"))

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Naam"), self.name), self.name)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self._buddy(self.tr("&Capaciteit"), self.capacity), self.capacity)
        form.addRow(self._buddy(self.tr("&Adres"), self.address), self.address)
        form.addRow(self._buddy(self.tr("&Openingstijden"), self.opening_hours), self.opening_hours)
        form.addRow(
            self._buddy(self.tr("&Bewaartermijn"), self.retention_days), self.retention_days
        )
        return form

    def _build_services(self) -> None:
        self.services_box = QGroupBox(self.tr("Wat deze post biedt"))
        grid = QGridLayout(self.services_box)
        self.service_checks: dict[str, QCheckBox] = {}
        for index, (value, text) in enumerate(post_functions()):
            check = QCheckBox(text)
            check.setObjectName(f"service_{value}")
            self.service_checks[value] = check
            grid.addWidget(check, index // 2, index % 2)
        if self.is_hub:
            self.services_box.hide()

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.setObjectName("post_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.open_button = QPushButton()
        self.open_button.setObjectName("post_open_close")
        self.open_button.clicked.connect(self.toggle_open)
        close = QPushButton(self.tr("S&luiten"))
        close.setObjectName("post_dialog_close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        return buttons

    def _build_retention(self) -> QGroupBox:
        retention_box = QGroupBox(self.tr("Persoonsgegevens"))
        self.due_text = QLabel()
        self.due_text.setObjectName("retention_due")
        self.due_text.setWordWrap(True)
        self.anonymise_button = QPushButton(self.tr("Nu &anonimiseren"))
        self.anonymise_button.setObjectName("anonymise_now")
        self.anonymise_button.clicked.connect(self.anonymise_now)
        retention_layout = QVBoxLayout(retention_box)
        retention_layout.addWidget(self.due_text)
        retention_layout.addWidget(self.anonymise_button)
        return retention_box

    # ---------------------------------------------------------------- showing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_wrapped_text(self)

    def load(self) -> None:
        """Show the post's record and what retention has due now."""
        details = self.post.details()
        self._show_details(details)
        self._show_due(self.retention.due(), details)

    def _show_details(self, details: PostDetails) -> None:
        self.name.setText(details.name)
        self.code.setText(details.code)
        self.capacity.setValue(details.capacity or 0)
        self.address.setText(details.address or "")
        self.opening_hours.setText(details.opening_hours or "")
        self.retention_days.setValue(details.retention_days)
        for value, check in self.service_checks.items():
            check.setChecked(value in details.services)
        what = self.tr("De crisis") if self.is_hub else self.tr("De post")
        if details.is_open:
            self.state.setText(self.tr("%1 is open.").replace("%1", what))
            self.state.setStyleSheet(OK_STYLE)
            self.open_button.setText(
                self.tr("Crisis a&fsluiten") if self.is_hub else self.tr("Post &sluiten")
            )
        else:
            text = self.tr("%1 is gesloten sinds %2.").replace("%1", what)
            self.state.setText(text.replace("%2", _local(details.closed_at or "")))
            self.state.setStyleSheet(WARNING_STYLE)
            self.open_button.setText(
                self.tr("Crisis &heropenen") if self.is_hub else self.tr("Post &openen")
            )

    def _show_due(self, due: RetentionDue, details: PostDetails) -> None:
        if details.anonymise_at is None:
            when = self.tr(
                "Zolang de post open is, blijven de persoonsgegevens bewaard. Na het sluiten "
                "worden ze na de bewaartermijn geanonimiseerd: namen gewist, geboortejaar wordt "
                "leeftijdsgroep, postcode alleen de cijfers, contactgegevens en "
                "gezondheidskenmerken weg. Aantallen en statistieken blijven."
            )
        else:
            when = self.tr("Persoonsgegevens worden geanonimiseerd vanaf %1.").replace(
                "%1", local_time(details.anonymise_at).strftime(DATE_FORMAT)
            )
        if due.total:
            now = self.tr("Nu te anonimiseren: %1.").replace("%1", ", ".join(due.lines))
            self.due_text.setStyleSheet(WARNING_STYLE)
        else:
            now = self.tr("Er is nu niets te anonimiseren.")
            self.due_text.setStyleSheet(NOTE_STYLE)
        self.due_text.setText(f"{when}\n{now}")
        self.anonymise_button.setEnabled(due.total > 0)

    # ---------------------------------------------------------------- actions

    @Slot()
    def save(self) -> None:
        name = self.name.text()
        capacity = self.capacity.value() or None
        address = self.address.text()
        hours = self.opening_hours.text()
        days = self.retention_days.value()
        services = [v for v, check in self.service_checks.items() if check.isChecked()]
        self._run(
            lambda: self.post.update_details(
                name=name,
                capacity=capacity,
                address=address,
                services=services,
                opening_hours=hours,
                retention_days=days,
            ),
            self.tr("De gegevens zijn opgeslagen."),
        )

    @Slot()
    def toggle_open(self) -> None:
        details = self.post.details()
        if details.is_open:
            question = (
                self.tr(
                    "De crisis afsluiten? Daarmee begint de bewaartermijn van %n dag(en) voor "
                    "alle persoonsgegevens op deze C-NSP.",
                    "",
                    details.retention_days,
                )
                if self.is_hub
                else self.tr(
                    "De post sluiten? Daarmee begint de bewaartermijn van %n dag(en); daarna "
                    "worden de persoonsgegevens geanonimiseerd.",
                    "",
                    details.retention_days,
                )
            )
            if not self.ask(self.tr("Sluiten"), question):
                return
            self._run(self.post.close_post, self.tr("Gesloten. De bewaartermijn loopt."))
        else:
            self._run(self.post.open_post, self.tr("Weer open. De bewaartermijn is gestopt."))

    @Slot()
    def anonymise_now(self) -> None:
        due = self.retention.due()
        if not due.total:
            self.load()
            return
        question = self.tr(
            "Nu anonimiseren: %1? Namen, contactgegevens en gezondheidskenmerken worden "
            "definitief gewist, hier en — bij de volgende synchronisatie — bij de C-NSP."
        ).replace("%1", ", ".join(due.lines))
        if not self.ask(self.tr("Anonimiseren"), question):
            return
        backups = BackupService(self.app.services.ctx, self.app.data_dir, self.app.settings)
        self.app.runner.run(
            lambda: anonymise_due(self.retention, backups),
            self._anonymised,
            on_user_error=self._refused,
            parent=self,
        )

    def _anonymised(self, round_: RetentionRound) -> None:
        self.load()
        self._say(round_.summary)

    def _run(self, call: Callable[[], PostDetails], words: str) -> None:
        def done(details: PostDetails) -> None:
            self.load()
            self._say(words)

        self.message.clear_message()
        self.app.runner.run(call, done, on_user_error=self._refused, parent=self)

    def _refused(self, refused: UserError) -> None:
        self.outcome.hide()
        self.message.show_message(refused.message)

    def _say(self, text: str) -> None:
        self.message.clear_message()
        self.outcome.setText(text)
        self.outcome.show()

    def _ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _buddy(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(field)
        return label
