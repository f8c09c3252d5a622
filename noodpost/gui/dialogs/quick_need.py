"""*Hulpvraag* at the desk: a need of the household that was just scanned.

Category, urgency and an optional note; the household comes from the desk. Like every form
dialog it saves through the runner and stays open, with the message in words, on a refusal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from noodpost.core.vocabulary import NeedCategory, Urgency
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import label
from noodpost.services.needs import MAX_NOTE, NeedInfo


class QuickNeedDialog(SavingDialog):
    """A new need for one household.

    Signals:
        saved(NeedInfo): the need as stored (from :class:`SavingDialog`).

    Args:
        household_id: the household the need belongs to.
        card: the household's card code as shown (``7K3Q-9XW2``), for the heading.
    """

    def __init__(
        self, app: AppContext, household_id: str, card: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            app, QCoreApplication.translate("QuickNeedDialog", "Hulpvraag noteren"), parent
        )
        self.setObjectName("quick_need_dialog")
        self.setMinimumWidth(620)
        self.household_id = household_id
        self.save_button.setText(self.tr("Hulpvraag opslaan"))

        heading = QLabel(self.tr("Hulpvraag van huishouden %1").replace("%1", card))
        font = QFont(heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)

        self.category = QComboBox()
        self.category.setObjectName("quick_need_category")
        for category in NeedCategory:
            self.category.addItem(label(category), category.value)
        self.urgency = QComboBox()
        self.urgency.setObjectName("quick_need_urgency")
        for urgency in (Urgency.NORMAL, Urgency.HIGH, Urgency.IMMEDIATE):
            self.urgency.addItem(label(urgency), urgency.value)
        self.note = QLineEdit()
        self.note.setObjectName("quick_need_note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(
            self.tr("Wat is er nodig? Geen medische details — mag leeg blijven")
        )
        form = QFormLayout()
        for text, field in (
            (self.tr("&Categorie"), self.category),
            (self.tr("&Urgentie"), self.urgency),
            (self.tr("&Notitie"), self.note),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.category.setFocus()

    def choose(self, category: str, urgency: str = Urgency.NORMAL.value, note: str = "") -> None:
        """Fill the form (tests, and callers that know the answer)."""
        self.category.setCurrentIndex(self.category.findData(category))
        self.urgency.setCurrentIndex(self.urgency.findData(urgency))
        self.note.setText(note)

    def build_call(self) -> Callable[[], NeedInfo]:
        needs = self.app.services.needs
        category = str(self.category.currentData())
        urgency = str(self.urgency.currentData())
        note = self.note.text()
        household_id = self.household_id
        return lambda: needs.open_need(category, urgency, household_id, note)
