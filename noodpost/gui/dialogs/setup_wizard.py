"""The first-run wizard: set this laptop up as a post (or the C-NSP) in a few minutes.

Pages: role → name, code and capacity → what the post offers (the L-NSP functions of
DESIGN §2) → the first coordinator with a PIN → summary → the recovery code. Each page checks
its fields with the same rules as ``noodpost init`` (:mod:`noodpost.setup_node`) and shows a
refusal in words under the field; *Inrichten* on the summary (a commit page: no way back)
calls :func:`noodpost.setup_node.initialise_node`, the one path both the wizard and the
command line take. A refusal there keeps the wizard open with what was typed. The last page
shows the new node's recovery code once (:mod:`noodpost.gui.dialogs.recovery_code`);
finishing needs the box "opgeschreven".
"""

from __future__ import annotations

import html
from pathlib import Path

from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from noodpost.core.clock import Clock
from noodpost.core.errors import UserError
from noodpost.core.vocabulary import NodeRole, PostFunction
from noodpost.gui.dialogs.fields import CoordinatorFields, FieldMessage, larger_font
from noodpost.gui.dialogs.recovery_code import RecoveryCodePage
from noodpost.setup_node import (
    NodeCreated,
    NodeRequest,
    SetupProblem,
    check_capacity,
    check_code,
    check_name,
    initialise_node,
)

ROLE_PAGE, POST_PAGE, SERVICES_PAGE, COORDINATOR_PAGE, SUMMARY_PAGE, RECOVERY_PAGE = range(6)
MAX_CAPACITY = 10_000


def post_functions() -> list[tuple[str, str]]:
    """The L-NSP functions (DESIGN §2) as the wizard offers them: value and text."""
    return [
        (
            PostFunction.DISTRIBUTION.value,
            QCoreApplication.translate(
                "SetupWizard", "Voedsel en water uitdelen (voorraad, rantsoen per persoon)"
            ),
        ),
        (
            PostFunction.WARM_COOL_LOCATION.value,
            QCoreApplication.translate(
                "SetupWizard", "Opwarm- of afkoellocatie (aanwezigen en capaciteit)"
            ),
        ),
        (
            PostFunction.MEDICAL_HYGIENE.value,
            QCoreApplication.translate(
                "SetupWizard", "Medische zorg, hygiëne en medicijnen ophalen"
            ),
        ),
        (
            PostFunction.LISTENING_EAR.value,
            QCoreApplication.translate("SetupWizard", "Een luisterend oor"),
        ),
        (
            PostFunction.CHARGING_STATION.value,
            QCoreApplication.translate(
                "SetupWizard", "Stroom om telefoons en apparaten op te laden"
            ),
        ),
        (
            PostFunction.RELATIVES_CONTACT.value,
            QCoreApplication.translate(
                "SetupWizard", "Contact met verwanten (veilig-en-welberichten)"
            ),
        ),
        (
            PostFunction.INFORMATION_REFERRAL.value,
            QCoreApplication.translate("SetupWizard", "Informatie en doorverwijzing"),
        ),
        (
            PostFunction.ALARM.value,
            QCoreApplication.translate(
                "SetupWizard", "Noodmelding naar de C-NSP (altijd aanwezig)"
            ),
        ),
        (
            PostFunction.CITIZEN_HELP.value,
            QCoreApplication.translate("SetupWizard", "Burgerhulp: bewoners die hulp aanbieden"),
        ),
    ]


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _buddy(text: str, field: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(field)
    return label


def _with_message(field: QWidget, message: FieldMessage, hint: str = "") -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(field)
    if hint:
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setObjectName(f"{field.objectName()}_hint")
        column.addWidget(note)
    column.addWidget(message)
    return box


class RolePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Wat wordt deze laptop?"))
        self.setSubTitle(
            self.tr("Noodpost is in deze map nog niet ingericht. Dat kost een paar minuten.")
        )
        self.post = QRadioButton(
            self.tr("&Lokaal noodsteunpunt (L-NSP): een post in een dorpshuis, sporthal of kerk")
        )
        self.post.setObjectName("role_post")
        self.hub = QRadioButton(
            self.tr("&Coördinerend noodsteunpunt (C-NSP): overziet de posten in de regio")
        )
        self.hub.setObjectName("role_hub")
        for button in (self.post, self.hub):
            larger_font(button, 2)
        self.group = QButtonGroup(self)
        self.group.addButton(self.post)
        self.group.addButton(self.hub)
        self.post.setChecked(True)
        self.training = QCheckBox(
            self.tr("&Oefenmodus: alleen om te oefenen, nooit gemengd met echte gegevens")
        )
        self.training.setObjectName("training")
        layout = QVBoxLayout(self)
        layout.addWidget(self.post)
        layout.addWidget(self.hub)
        layout.addSpacing(16)
        layout.addWidget(self.training)
        layout.addWidget(
            _intro(
                self.tr(
                    "Twijfelt u? Kies dan Lokaal noodsteunpunt. De gemeente of de "
                    "veiligheidsregio zegt welke post een C-NSP is."
                )
            )
        )
        layout.addStretch(1)

    def role(self) -> str:
        return NodeRole.HUB.value if self.hub.isChecked() else NodeRole.POST.value


class PostPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Naam en code van de post"))
        self.name = QLineEdit()
        self.name.setObjectName("post_name")
        self.name.setPlaceholderText(self.tr("bijvoorbeeld Dorpshuis Ten Boer"))
        self.name.setMaxLength(200)
        self.code = QLineEdit()
        self.code.setObjectName("post_code")
        self.code.setPlaceholderText(self.tr("bijvoorbeeld GR-0014"))
        self.code.setMaxLength(12)
        self.code.setMaximumWidth(220)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("capacity")
        self.capacity.setRange(0, MAX_CAPACITY)
        self.capacity.setSpecialValueText(self.tr("nog onbekend"))
        self.capacity.setMaximumWidth(220)
        self.name_message = FieldMessage("post_name_message")
        self.code_message = FieldMessage("post_code_message")
        self.capacity_message = FieldMessage("capacity_message")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(
            _buddy(self.tr("&Naam"), self.name), _with_message(self.name, self.name_message)
        )
        form.addRow(
            _buddy(self.tr("&Code"), self.code),
            _with_message(
                self.code,
                self.code_message,
                self.tr(
                    "De code die de gemeente of de veiligheidsregio aan deze post gaf: twee "
                    "letters, een streepje en vier cijfers. Hij staat ook op de kaarten."
                ),
            ),
        )
        self.capacity_label = _buddy(self.tr("C&apaciteit"), self.capacity)
        self.capacity_box = _with_message(
            self.capacity,
            self.capacity_message,
            self.tr("Hoeveel mensen kunnen hier tegelijk aanwezig zijn? Later aan te passen."),
        )
        form.addRow(self.capacity_label, self.capacity_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        self.name.textEdited.connect(lambda _t: self.name_message.clear_message())
        self.code.textEdited.connect(lambda _t: self.code_message.clear_message())

    def initializePage(self) -> None:
        is_post = self.setup.role_page.role() == NodeRole.POST
        self.setSubTitle(
            self.tr("Zoals bezoekers en de C-NSP de post kennen.")
            if is_post
            else self.tr("Zoals de posten en de meldkamer de C-NSP kennen.")
        )
        self.capacity_label.setVisible(is_post)
        self.capacity_box.setVisible(is_post)
        self.name.setFocus()

    def capacity_value(self) -> int | None:
        if self.setup.role_page.role() != NodeRole.POST or self.capacity.value() == 0:
            return None
        return self.capacity.value()

    def validatePage(self) -> bool:
        for message in (self.name_message, self.code_message, self.capacity_message):
            message.clear_message()
        fields = {"name": self.name, "code": self.code, "capacity": self.capacity}
        messages = {
            "name": self.name_message,
            "code": self.code_message,
            "capacity": self.capacity_message,
        }
        ok = True
        checks = (
            lambda: check_name(self.name.text()),
            lambda: check_code(self.code.text()),
            lambda: check_capacity(self.capacity_value()),
        )
        for check in checks:
            try:
                check()
            except SetupProblem as problem:
                messages[problem.field].show_message(problem.message)
                if ok:
                    fields[problem.field].setFocus()
                ok = False
        if ok:
            self.code.setText(check_code(self.code.text()))
        return ok

    def nextId(self) -> int:
        if self.setup.role_page.role() == NodeRole.POST:
            return SERVICES_PAGE
        return COORDINATOR_PAGE


class ServicesPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Wat biedt de post?"))
        self.setSubTitle(self.tr("Vink aan wat deze post doet. Dat kan later nog veranderen."))
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for value, text in post_functions():
            box = QCheckBox(text)
            box.setObjectName(f"service_{value}")
            box.setChecked(True)
            if value == PostFunction.ALARM:
                box.setEnabled(False)  # every post can always raise an alarm
            self.boxes[value] = box
            layout.addWidget(box)
        layout.addStretch(1)

    def chosen(self) -> tuple[str, ...]:
        return tuple(value for value, box in self.boxes.items() if box.isChecked())


class CoordinatorPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("De eerste coördinator"))
        self.setSubTitle(
            self.tr(
                "Wie richt de post in? Deze coördinator logt in met een eigen pincode "
                "en voegt daarna de andere vrijwilligers toe."
            )
        )
        self.fields = CoordinatorFields()
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(
            _intro(
                self.tr(
                    "Kies een pincode van 4 tot 8 cijfers die u onthoudt en met niemand deelt. "
                    "Noodpost bewaart de pincode zelf nergens, alleen een onomkeerbare code om "
                    "hem te controleren."
                )
            )
        )
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.fields.name.setFocus()

    def validatePage(self) -> bool:
        return self.fields.value() is not None


class SummaryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Klopt dit?"))
        self.setSubTitle(
            self.tr(
                "Kies Inrichten om de post zo aan te maken; daarna logt u in met de "
                "pincode. Kies Vorige om iets te veranderen."
            )
        )
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.message = FieldMessage("setup_message")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Inrichten"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.message.clear_message()
        self.summary.setText(self.setup.summary_html())

    def validatePage(self) -> bool:
        return self.setup.create_node()


class SetupWizard(QWizard):
    """Set up a new node in ``data_dir``; ``created`` holds the result once finished.

    Args:
        data_dir: the folder of the new node.
        clock: the time of the first events (tests pass a fixed one).
        hasher: the Argon2id hasher for the coordinator's PIN (tests pass a cheap one).
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        clock: Clock | None = None,
        hasher: PasswordHasher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.data_dir = data_dir
        self._clock = clock
        self._hasher = hasher
        self.created: NodeCreated | None = None
        self.setWindowTitle(self.tr("Noodpost inrichten"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Volgende >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< V&orige"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Klaar"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Annuleren"))
        self.resize(860, 640)

        self.role_page = RolePage()
        self.post_page = PostPage(self)
        self.services_page = ServicesPage()
        self.coordinator_page = CoordinatorPage()
        self.summary_page = SummaryPage(self)
        self.recovery_page = RecoveryCodePage()
        self.setPage(ROLE_PAGE, self.role_page)
        self.setPage(POST_PAGE, self.post_page)
        self.setPage(SERVICES_PAGE, self.services_page)
        self.setPage(COORDINATOR_PAGE, self.coordinator_page)
        self.setPage(SUMMARY_PAGE, self.summary_page)
        self.setPage(RECOVERY_PAGE, self.recovery_page)

    def reject(self) -> None:
        """Cancel, Escape or closing the window: nothing is made — but once the node exists,
        only *Klaar* (after "opgeschreven") closes, so the code is not skipped by accident."""
        if self.created is None:
            super().reject()

    def request(self) -> NodeRequest:
        """What the pages hold, as ``noodpost init`` would receive it."""
        is_post = self.role_page.role() == NodeRole.POST
        coordinator = self.coordinator_page.fields.value()
        return NodeRequest(
            role=self.role_page.role(),
            name=self.post_page.name.text(),
            code=self.post_page.code.text(),
            training=self.role_page.training.isChecked(),
            capacity=self.post_page.capacity_value(),
            services=self.services_page.chosen() if is_post else (),
            coordinator=coordinator,
        )

    def summary_html(self) -> str:
        page = self.post_page
        is_post = self.role_page.role() == NodeRole.POST
        rows = [
            (
                self.tr("Soort"),
                self.tr("Lokaal noodsteunpunt (L-NSP)")
                if is_post
                else self.tr("Coördinerend noodsteunpunt (C-NSP)"),
            ),
            (self.tr("Naam"), page.name.text().strip()),
            (self.tr("Code"), page.code.text().strip()),
        ]
        if is_post:
            capacity = page.capacity_value()
            rows.append(
                (
                    self.tr("Capaciteit"),
                    self.tr("%n persoon/personen", "", capacity)
                    if capacity
                    else self.tr("nog onbekend"),
                )
            )
            chosen = self.services_page.chosen()
            offered = [text for value, text in post_functions() if value in chosen]
            rows.append((self.tr("Biedt"), "\n".join(offered)))
        rows.append(
            (self.tr("Eerste coördinator"), self.coordinator_page.fields.name.text().strip())
        )
        if self.role_page.training.isChecked():
            rows.append(
                (self.tr("Oefenmodus"), self.tr("ja: OEFENING op elk scherm en elke afdruk"))
            )
        rows.append((self.tr("Map"), str(self.data_dir)))
        cells = "".join(
            f"<tr><td style='padding:4px 16px 4px 0'><b>{html.escape(k)}</b></td>"
            f"<td style='padding:4px 0'>{html.escape(v).replace(chr(10), '<br>')}</td></tr>"
            for k, v in rows
        )
        return f"<table>{cells}</table>"

    def create_node(self) -> bool:
        """Set the node up; True when done. A refusal is shown on the summary page."""
        if self.created is not None:
            return True
        request = self.request()
        if request.coordinator is None:  # the coordinator page shows why
            self.back()
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.created = initialise_node(
                self.data_dir, request, clock=self._clock, hasher=self._hasher
            )
        except UserError as refused:
            self.summary_page.message.show_message(refused.message)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.recovery_page.view.show_code(self.created.recovery_code, self.created.info.name)
        return True


def run_setup_wizard(data_dir: Path) -> NodeCreated | None:
    """Show the wizard; the new node, or None when the volunteer cancelled."""
    wizard = SetupWizard(data_dir)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    return wizard.created
