"""*Inschrijven*: register a household at the desk — only the number of persons is required.

Name, birth year, postcode and language are optional; health is only the fixed flags, and
they can be ticked only after the resident agreed (consent). While name, birth year and
postcode are typed, a likely duplicate (the same three) is shown at once, *before* saving,
with a button to open that household instead; saving then means "this is another household".

The dialog is a :class:`SavingDialog`: it saves through the runner, closes on success (the
desk prints the card) and stays open with the message in words on a refusal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal, Slot
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from noodpost.core import cards
from noodpost.core.errors import NeedsConfirmation, UserError
from noodpost.core.vocabulary import HealthFlag
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.saving import SavingDialog
from noodpost.gui.labels import label
from noodpost.services.intake import MAX_HOUSEHOLD, HouseholdSummary, Registered

WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 8px; border: 1px solid #cc9a06;"
NOTE_STYLE = "color: #333;"

#: Languages offered in the list (any other can be typed).
LANGUAGES = (
    "",
    "Nederlands",
    "Fries",
    "Engels",
    "Duits",
    "Pools",
    "Oekraïens",
    "Russisch",
    "Arabisch",
    "Turks",
    "Tigrinya",
    "Somalisch",
    "Farsi",
    "Frans",
    "Spaans",
    "Gebarentaal",
)


class IntakeDialog(SavingDialog):
    """Register a household; with ``card_code`` it gets that pre-printed card.

    Signals:
        saved(Registered): the new household and its card (from :class:`SavingDialog`).
        existing_chosen(str): the volunteer chose to open a likely duplicate instead (its id).
    """

    existing_chosen = Signal(str)

    def __init__(
        self, app: AppContext, card_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            app, QCoreApplication.translate("IntakeDialog", "Nieuw huishouden inschrijven"), parent
        )
        self.setObjectName("intake_dialog")
        self.setMinimumWidth(700)
        self.intake = app.services.intake
        self.card_code = card_code
        self._duplicates: list[HouseholdSummary] = []
        self.save_button.setText(self._save_text())

        heading = QLabel(self.tr("Nieuw huishouden inschrijven"))
        font = QFont(heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        heading.setFont(font)
        self.card_note = QLabel(
            self.tr("Voorgedrukte kaart %1: die krijgt dit huishouden.").replace(
                "%1", cards.pretty(card_code)
            )
            if card_code
            else self.tr("Er wordt een nieuwe kaart gemaakt en afgedrukt.")
        )
        self.card_note.setObjectName("intake_card_note")
        self.card_note.setWordWrap(True)

        flags_row, flags_note = self._build_flags()
        self._build_duplicates()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.card_note)
        layout.addLayout(self._build_fields())
        layout.addWidget(self.consent)
        layout.addLayout(flags_row)
        layout.addWidget(flags_note)
        layout.addSpacing(4)
        layout.addWidget(self.duplicates)
        choice = QHBoxLayout()  # the warning's own answer, under it, as wide as its words
        choice.addWidget(self.open_existing)
        choice.addStretch(1)
        layout.addLayout(choice)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        for field in (self.name, self.birth_year, self.postcode):
            field.textChanged.connect(self.check_duplicates)
        self.persons.setFocus()
        self.persons.selectAll()

    def _build_fields(self) -> QFormLayout:
        self.persons = QSpinBox()
        self.persons.setObjectName("intake_size")
        self.persons.setRange(0, MAX_HOUSEHOLD)
        self.persons.setSpecialValueText(self.tr("kies"))  # 0: not filled in yet
        self.persons.setMinimumWidth(120)
        self.persons.setMaximumWidth(160)
        self.name = QLineEdit()
        self.name.setObjectName("intake_name")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("achternaam of naam (mag leeg blijven)"))
        self.birth_year = QLineEdit()
        self.birth_year.setObjectName("intake_birth_year")
        self.birth_year.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.birth_year)
        )
        self.birth_year.setMaximumWidth(140)
        self.birth_year.setPlaceholderText(self.tr("bijv. 1956"))
        self.postcode = QLineEdit()
        self.postcode.setObjectName("intake_postcode")
        self.postcode.setMaxLength(10)
        self.postcode.setMaximumWidth(180)
        self.postcode.setPlaceholderText(self.tr("bijv. 9791 AB"))
        self.language = QComboBox()
        self.language.setObjectName("intake_language")
        self.language.setEditable(True)
        self.language.addItems(list(LANGUAGES))

        form = QFormLayout()
        form.setVerticalSpacing(8)
        for text, field in (
            (self.tr("&Aantal personen (verplicht)"), self.persons),
            (self.tr("&Naam"), self.name),
            (self.tr("&Geboortejaar"), self.birth_year),
            (self.tr("&Postcode"), self.postcode),
            (self.tr("T&aal"), self.language),
        ):
            caption = QLabel(text)
            caption.setBuddy(field)
            form.addRow(caption, field)

        return form

    def _build_flags(self) -> tuple[QHBoxLayout, QLabel]:
        self.consent = QCheckBox(
            self.tr("&Toestemming van de bewoner om deze kenmerken vast te leggen")
        )
        self.consent.setObjectName("intake_consent")
        self.flags: dict[str, QCheckBox] = {}
        flags_row = QHBoxLayout()
        for flag in HealthFlag:
            box = QCheckBox(label(flag))
            box.setObjectName(f"intake_flag_{flag.value}")
            box.setEnabled(False)
            self.flags[flag.value] = box
            flags_row.addWidget(box)
        flags_row.addStretch(1)
        self.consent.toggled.connect(self._consent_changed)
        flags_note = QLabel(
            self.tr(
                "Alleen met toestemming, en alleen deze vaste kenmerken: geen andere "
                "gezondheidsgegevens."
            )
        )
        flags_note.setWordWrap(True)
        flags_note.setStyleSheet(NOTE_STYLE)

        return flags_row, flags_note

    def _build_duplicates(self) -> None:
        self.duplicates = QLabel()
        self.duplicates.setObjectName("intake_duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet(WARNING_STYLE)
        self.duplicates.hide()
        self.open_existing = QPushButton(self.tr("Dit is hetzelfde huishouden: open het"))
        self.open_existing.setObjectName("intake_open_existing")
        self.open_existing.setAutoDefault(False)
        self.open_existing.setMinimumHeight(36)
        self.open_existing.hide()
        self.open_existing.clicked.connect(self._choose_existing)

    def _save_text(self) -> str:
        if self._duplicates:
            return self.tr("Toch nieuw huishouden inschrijven")
        return (
            self.tr("Inschrijven") if self.card_code else self.tr("Inschrijven en kaart afdrukken")
        )

    @Slot(bool)
    def _consent_changed(self, given: bool) -> None:
        for box in self.flags.values():
            box.setEnabled(given)
            if not given:
                box.setChecked(False)

    def fill(
        self,
        size: int,
        *,
        name: str = "",
        birth_year: int | None = None,
        postcode: str = "",
        language: str = "",
        flags: tuple[str, ...] = (),
    ) -> None:
        """Fill the form (tests, and callers that know the answers)."""
        self.persons.setValue(size)
        self.name.setText(name)
        self.birth_year.setText("" if birth_year is None else str(birth_year))
        self.postcode.setText(postcode)
        self.language.setCurrentText(language)
        self.consent.setChecked(bool(flags))
        for flag, box in self.flags.items():
            box.setChecked(flag in flags)

    def _birth_year(self) -> int | None:
        text = self.birth_year.text().strip()
        return int(text) if text else None

    @Slot()
    def check_duplicates(self) -> None:
        """Show households with the same name, birth year and postcode (before saving)."""
        found = self.intake.find_duplicates(
            self.name.text(), self._birth_year(), self.postcode.text()
        )
        self._show_duplicates(found)

    def _show_duplicates(self, found: list[HouseholdSummary]) -> None:
        self._duplicates = found
        if found:
            lines = [
                self.tr("Mogelijk al ingeschreven — zelfde naam, geboortejaar en postcode:"),
                *(
                    "• "
                    + self.tr("kaart %1 · %2 pers.")
                    .replace("%1", cards.pretty(d.card_code))
                    .replace("%2", str(d.size))
                    for d in found
                ),
                self.tr(
                    "Is het hetzelfde huishouden, open het dan. Is het een ander huishouden, "
                    "schrijf het dan toch in."
                ),
            ]
            self.duplicates.setText("\n".join(lines))
        self.duplicates.setVisible(bool(found))
        self.open_existing.setVisible(bool(found))
        self.adjustSize()  # room for the warning (and back), instead of squeezing the form
        # With a likely duplicate on screen, Enter opens it; saving anyway takes a click.
        self.open_existing.setDefault(bool(found))
        self.save_button.setDefault(not found)
        self.save_button.setText(self._save_text())

    @Slot()
    def _choose_existing(self) -> None:
        if self._duplicates:
            self.existing_chosen.emit(self._duplicates[0].id)
            self.reject()

    def build_call(self) -> Callable[[], Registered]:
        intake = self.intake
        size = self.persons.value()
        name = self.name.text()
        birth_year = self._birth_year()
        postcode = self.postcode.text()
        language = self.language.currentText()
        consent = self.consent.isChecked()
        flags = [flag for flag, box in self.flags.items() if box.isChecked()]
        card_code = self.card_code
        # The duplicates on screen were seen: saving now means "another household".
        confirmed = bool(self._duplicates)
        return lambda: intake.register(
            size=size,
            name=name,
            birth_year=birth_year,
            postcode=postcode,
            language=language,
            flags=flags,
            consent=consent,
            card_code=card_code,
            confirm_duplicate=confirmed,
        )

    def _refused(self, error: UserError) -> None:
        if isinstance(error, NeedsConfirmation):
            self.check_duplicates()  # another laptop's intake arrived meanwhile: show it
        super()._refused(error)
        if self.persons.value() == 0:
            self.persons.setFocus()
