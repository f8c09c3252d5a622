"""Dialogs of the Hulpvragen page: a new need, a referral, a cancellation.

Each is a :class:`SavingDialog`: it saves through the runner and closes when the service
accepted it; on a refusal it stays open with the message in words under the fields, so
nothing typed is lost. Opened with ``open()``; tests fill the fields and call ``submit()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.vocabulary import NeedCategory, NeedStatus, Urgency
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import label
from noodpost.services.needs import MAX_NOTE, MAX_REFERRED_TO, NeedInfo


def need_summary(need: NeedInfo, card: str | None) -> str:
    """One line naming a need: ``medische zorg (hoog) · kaart 7K3Q-9XW2 · open``."""
    who = (
        QCoreApplication.translate("NeedForms", "kaart %1").replace("%1", card)
        if card
        else QCoreApplication.translate("NeedForms", "zonder huishouden")
    )
    return f"{label(need.category)} ({label(need.urgency)}) · {who} · {label(need.status)}"


class NeedDialog(SavingDialog):
    """A need dialog: a heading naming the need, the fields, the message, the buttons.

    Signals:
        saved(NeedInfo): the need as the service stored it (from :class:`SavingDialog`).
    """

    def __init__(
        self, app: AppContext, title: str, heading: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(app, title, parent)
        self.needs = app.services.needs
        self.setMinimumWidth(620)
        back = self.buttons.findChild(QPushButton, "dialog_cancel")
        if back is not None:  # "Annuleren" would read as cancelling the need itself
            back.setText(self.tr("Terug"))
        self.heading = QLabel(heading)
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def build_call(self) -> Callable[[], NeedInfo]:
        """The service call for what was typed (values read now, on the GUI thread)."""
        raise NotImplementedError


class NewNeedDialog(NeedDialog):
    """*Nieuwe hulpvraag* for the post as a whole (a household's need is noted at the desk)."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            app,
            QCoreApplication.translate("NeedForms", "Nieuwe hulpvraag"),
            QCoreApplication.translate("NeedForms", "Nieuwe hulpvraag (zonder huishouden)"),
            parent,
        )
        self.setObjectName("new_need_dialog")
        self.category = QComboBox()
        self.category.setObjectName("new_need_category")
        for category in NeedCategory:
            self.category.addItem(label(category), category.value)
        self.urgency = QComboBox()
        self.urgency.setObjectName("new_need_urgency")
        for urgency in (Urgency.NORMAL, Urgency.HIGH, Urgency.IMMEDIATE):
            self.urgency.addItem(label(urgency), urgency.value)
        self.note = QLineEdit()
        self.note.setObjectName("new_need_note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Wat is er nodig? (mag leeg blijven)"))
        self.form.addRow(self.tr("&Categorie"), self.category)
        self.form.addRow(self.tr("&Urgentie"), self.urgency)
        self.form.addRow(self.tr("&Notitie"), self.note)
        hint = QLabel(
            self.tr("Een hulpvraag van een huishouden noteert u aan de balie, na het scannen.")
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.category.setFocus()

    def choose(self, category: str, urgency: str = Urgency.NORMAL.value, note: str = "") -> None:
        """Fill the form (for tests and for callers that know the answer already)."""
        self.category.setCurrentIndex(self.category.findData(category))
        self.urgency.setCurrentIndex(self.urgency.findData(urgency))
        self.note.setText(note)

    def build_call(self) -> Callable[[], NeedInfo]:
        needs = self.needs
        category = str(self.category.currentData())
        urgency = str(self.urgency.currentData())
        note = self.note.text()
        return lambda: needs.open_need(category, urgency, None, note)


class ReferDialog(NeedDialog):
    """*Doorverwijzen*: to whom or where the need goes (required), and an optional note."""

    def __init__(
        self, app: AppContext, need: NeedInfo, card: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            app,
            QCoreApplication.translate("NeedForms", "Doorverwijzen"),
            QCoreApplication.translate("NeedForms", "Doorverwijzen: %1").replace(
                "%1", need_summary(need, card)
            ),
            parent,
        )
        self.setObjectName("refer_dialog")
        self.need_id = need.id
        self.save_button.setText(self.tr("Doorverwijzen"))
        self.referred_to = QLineEdit()
        self.referred_to.setObjectName("refer_to")
        self.referred_to.setMaxLength(MAX_REFERRED_TO)
        self.referred_to.setPlaceholderText(self.tr("Bijvoorbeeld: huisartsenpost, gemeente"))
        self.note = QLineEdit()
        self.note.setObjectName("refer_note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Mag leeg blijven"))
        self.form.addRow(self.tr("Doorverwezen &naar"), self.referred_to)
        self.form.addRow(self.tr("N&otitie"), self.note)
        self.referred_to.setFocus()

    def build_call(self) -> Callable[[], NeedInfo]:
        needs, need_id = self.needs, self.need_id
        referred_to, note = self.referred_to.text(), self.note.text()
        return lambda: needs.refer(need_id, referred_to, note)


class CancelNeedDialog(NeedDialog):
    """*Annuleren*: why the need is no longer asked for; the reason is kept with it."""

    def __init__(
        self, app: AppContext, need: NeedInfo, card: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            app,
            QCoreApplication.translate("NeedForms", "Hulpvraag annuleren"),
            QCoreApplication.translate("NeedForms", "Annuleren: %1").replace(
                "%1", need_summary(need, card)
            ),
            parent,
        )
        self.setObjectName("cancel_need_dialog")
        self.need_id = need.id
        self.save_button.setText(self.tr("Hulpvraag annuleren"))
        self.reason = QLineEdit()
        self.reason.setObjectName("cancel_reason")
        self.reason.setMaxLength(MAX_NOTE)
        self.reason.setPlaceholderText(self.tr("Bijvoorbeeld: dubbel ingevoerd, niet meer nodig"))
        self.form.addRow(self.tr("&Reden"), self.reason)
        self.reason.setFocus()

    def build_call(self) -> Callable[[], NeedInfo]:
        needs, need_id, reason = self.needs, self.need_id, self.reason.text()
        return lambda: needs.change_status(need_id, NeedStatus.CANCELLED.value, reason)
