"""(hub) *Nieuwe mededeling*: a bulletin for every post, or for the posts ticked in the list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.localtime import LOCAL_ZONE, local_time
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.services.bulletins import MAX_TITLE, BulletinSummary

DEFAULT_VALID_HOURS = 24


class BulletinFormDialog(SavingDialog):
    """Title, text, an optional end time and the target posts (none ticked = every post)."""

    def __init__(
        self,
        app: AppContext,
        posts: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        """``posts``: the known posts as (code, name), for the target list."""
        super().__init__(
            app, QCoreApplication.translate("BulletinForm", "Nieuwe mededeling"), parent
        )
        self.setObjectName("bulletin_form")
        self.setMinimumWidth(720)
        self.save_button.setText(self.tr("Mededeling versturen"))

        self.title = QLineEdit()
        self.title.setObjectName("bulletin_title_field")
        self.title.setMaxLength(MAX_TITLE)
        self.title.setPlaceholderText(self.tr("bijvoorbeeld: Drinkwater bij de brandweerkazerne"))
        self.body = QPlainTextEdit()
        self.body.setObjectName("bulletin_body_field")
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("Wat moeten de posten weten of doen?"))
        self.body.setMinimumHeight(140)

        self.has_end = QCheckBox(self.tr("&Geldig tot"))
        self.has_end.setObjectName("bulletin_has_end")
        self.has_end.setChecked(True)
        self.valid_until = QDateTimeEdit()
        self.valid_until.setObjectName("bulletin_valid_until")
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("dd-MM-yyyy HH:mm")
        end = local_time(app.services.ctx.clock.now() + timedelta(hours=DEFAULT_VALID_HOURS))
        self.valid_until.setDateTime(
            QDateTime(end.year, end.month, end.day, end.hour, end.minute, 0)
        )
        self.has_end.toggled.connect(self.valid_until.setEnabled)
        until_row = QHBoxLayout()
        until_row.addWidget(self.has_end)
        until_row.addWidget(self.valid_until)
        until_row.addStretch(1)

        targets_box = self._build_targets(posts)

        form = QFormLayout()
        title_label = QLabel(self.tr("&Titel"))
        title_label.setBuddy(self.title)
        body_label = QLabel(self.tr("Te&kst"))
        body_label.setBuddy(self.body)
        form.addRow(title_label, self.title)
        form.addRow(body_label, self.body)
        form.addRow("", until_row)
        form.addRow(QLabel(self.tr("Voor posten")), targets_box)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.title.setFocus()

    def _build_targets(self, posts: Sequence[tuple[str, str]]) -> QVBoxLayout:
        self.targets = QListWidget()
        self.targets.setObjectName("bulletin_targets")
        self.targets.setMaximumHeight(150)
        for code, name in posts:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.targets.addItem(item)
        targets_hint = QLabel(
            self.tr("Niets aangevinkt: de mededeling gaat naar alle posten.")
            if posts
            else self.tr("Nog geen posten bekend: de mededeling gaat naar alle posten.")
        )
        targets_hint.setWordWrap(True)
        if not posts:
            self.targets.hide()

        box = QVBoxLayout()
        box.addWidget(self.targets)
        box.addWidget(targets_hint)
        return box

    def chosen_targets(self) -> list[str]:
        return [
            str(self.targets.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.targets.count())
            if self.targets.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_targets(self, codes: Sequence[str]) -> None:
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            chosen = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def end_time(self) -> datetime | None:
        """The chosen end as an aware time (the field shows Dutch local time)."""
        if not self.has_end.isChecked():
            return None
        chosen = self.valid_until.dateTime()
        day, clock = chosen.date(), chosen.time()
        return datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=LOCAL_ZONE
        )

    def build_call(self) -> Callable[[], BulletinSummary]:
        bulletins = self.app.services.bulletins
        title = self.title.text()
        body = self.body.toPlainText()
        until = self.end_time()
        targets = self.chosen_targets()
        return lambda: bulletins.publish(title, body, until, targets)
