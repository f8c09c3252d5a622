"""*Huishouden zoeken*: the desk finds a household by name when its card is lost or at home.

Opened by a name typed in the scan field (with its results) or by Ctrl+F (empty). The volunteer
types part of the name, perhaps with a birth year or postcode, and presses Enter: the list
shows each household's name, size, birth year(s), card code and whether it is present. The
arrow keys choose — the typing stays in the search field — and Enter on the same text opens
the chosen household at the desk; Esc goes back to the scan field. Searching is the service's
(:mod:`noodpost.services.household_search`), recorded in the audit log on every Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import UserError
from noodpost.gui.runner import Runner
from noodpost.gui.widgets.household_panel import panel_font, persons_text
from noodpost.services.household_search import MAX_MATCHES, HouseholdMatch, SearchResult

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_MOVES = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
REFUSED_STYLE = "color: #58151c; font-weight: bold;"


def match_text(match: HouseholdMatch) -> str:
    """``Bakker · 2 personen · geb. 1950 · kaart 7K3Q-9XW2 · aanwezig``."""

    years = ", ".join(str(year) for year in match.birth_years)
    born = (
        QCoreApplication.translate("HouseholdSearchDialog", "geb. %1").replace("%1", years)
        if years
        else QCoreApplication.translate("HouseholdSearchDialog", "geboortejaar onbekend")
    )
    parts = [
        match.name or QCoreApplication.translate("HouseholdSearchDialog", "(zonder naam)"),
        persons_text(match.size),
        born,
        QCoreApplication.translate("HouseholdSearchDialog", "kaart %1").replace(
            "%1", match.pretty_code
        ),
        QCoreApplication.translate("HouseholdSearchDialog", "aanwezig")
        if match.present
        else QCoreApplication.translate("HouseholdSearchDialog", "niet aanwezig"),
    ]
    if match.postcode:
        parts.insert(3, match.postcode)
    return " · ".join(parts)


class HouseholdSearchDialog(QDialog):
    """Search field, results, *Openen* and *Terug*.

    Signals:
        chosen(str): the id of the household to open at the desk.

    Args:
        search: the service's search (raises :class:`UserError` with a message to show); it
            writes an audit line, so it runs on the runner's thread.
        runner: the window's runner.
        text: what was typed in the scan field (``""``: nothing yet).
        result: its result, when the desk searched already.
    """

    chosen = Signal(str)

    def __init__(
        self,
        search: Callable[[str], SearchResult],
        runner: Runner,
        text: str = "",
        result: SearchResult | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setObjectName("household_search_dialog")
        self.setWindowTitle(self.tr("Huishouden zoeken"))
        self.setModal(True)
        self.setMinimumWidth(760)
        self._search = search
        self._searched: str | None = None

        self.query = QLineEdit(text)
        self.query.setObjectName("household_search_query")
        self.query.setPlaceholderText(self.tr("Bijvoorbeeld: Bakker 1950"))
        self.query.setClearButtonEnabled(True)
        panel_font(self.query, extra=2)
        self.query.installEventFilter(self)
        label = QLabel(self.tr("&Naam, eventueel met geboortejaar of postcode:"))
        label.setBuddy(self.query)
        panel_font(label)
        hint = QLabel(
            self.tr(
                "Typ een deel van de naam en druk op Enter. Kies met de pijltjes, open met "
                "Enter. Esc: terug naar het scanveld."
            )
        )
        hint.setWordWrap(True)

        self.results = QListWidget()
        self.results.setObjectName("household_search_results")
        self.results.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        panel_font(self.results)
        self.results.itemActivated.connect(lambda _item: self.open_chosen())
        self.results.currentRowChanged.connect(lambda _row: self._update())
        self.status = QLabel()
        self.status.setObjectName("household_search_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        panel_font(self.status)

        buttons = QDialogButtonBox()
        self.open_button: QPushButton = buttons.addButton(
            self.tr("&Openen (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        back = buttons.addButton(self.tr("Terug (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.open_button, back):
            button.setAutoDefault(False)  # Enter belongs to the search field
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.open_button.clicked.connect(self.open_chosen)
        back.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.query)
        layout.addWidget(hint)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 460)
        if result is not None:
            self._show(text, result)
        else:
            self._update()
        self.query.setFocus()

    # ------------------------------------------------------------------ keys

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A dialog selects its first field when shown; here typing adds to the name
        # (``bakk`` + `` 1950``), so the cursor goes to the end instead.
        QTimer.singleShot(0, lambda: self.query.end(False))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _ENTER:
                self.enter()
                return True
            if event.key() in _MOVES and self.results.count():
                self.results.keyPressEvent(event)  # choose; the typing stays in the field
                return True
        return super().eventFilter(watched, event)

    def enter(self) -> None:
        """Enter: a new text is searched; on the text searched, the chosen household opens."""
        text = self.query.text().strip()
        if text != self._searched:
            self.run_search(text)
        else:
            self.open_chosen()

    def run_search(self, text: str) -> None:
        """Search (on the runner's thread: the search is audited); show what it found."""
        self._runner.run(
            partial(self._search, text),
            partial(self._show, text),
            on_user_error=self._refused,
            parent=self,
        )

    def _refused(self, error: UserError) -> None:
        self._searched = None
        self.results.clear()
        self._say(error.message, refused=True)

    def open_chosen(self) -> None:
        row = self.results.currentRow()
        if row < 0:
            self.query.setFocus()
            return
        self.chosen.emit(self.results.item(row).data(Qt.ItemDataRole.UserRole))
        self.accept()

    # ------------------------------------------------------------------ showing

    def _show(self, text: str, result: SearchResult) -> None:
        self._searched = text.strip()
        self.results.clear()
        for match in result.matches:
            item = QListWidgetItem(match_text(match))
            item.setData(Qt.ItemDataRole.UserRole, match.household_id)
            self.results.addItem(item)
        if result.matches:
            self.results.setCurrentRow(0)
        count = len(result.matches)
        if not count:
            self._say(no_match_text(text), refused=True)
        elif result.more:
            self._say(
                self.tr(
                    "Meer dan %1 gevonden; de eerste %1 staan hier. Typ meer van de naam of "
                    "het geboortejaar erbij."
                ).replace("%1", str(MAX_MATCHES))
            )
        else:
            self._say(
                self.tr(
                    "%n huishouden(s) gevonden. Kies met de pijltjes, open met Enter.", "", count
                )
            )
        self._update()

    def _say(self, text: str, *, refused: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(REFUSED_STYLE if refused else "")
        self._update()

    def _update(self) -> None:
        self.open_button.setEnabled(self.results.currentRow() >= 0)


def no_match_text(text: str, *, at_desk: bool = False) -> str:
    """No household found: say so, and what to try (``at_desk``: said at the desk itself)."""
    if at_desk:
        words = QCoreApplication.translate(
            "HouseholdSearchDialog",
            "Geen huishouden gevonden met '%1'. Controleer de spelling of typ minder letters "
            "(bijvoorbeeld alleen het begin van de achternaam). Nog niet ingeschreven? Kies "
            "Nieuw huishouden (Ctrl+N).",
        )
    else:
        words = QCoreApplication.translate(
            "HouseholdSearchDialog",
            "Geen huishouden gevonden met '%1'. Controleer de spelling of typ minder letters "
            "(bijvoorbeeld alleen het begin van de achternaam). Nog niet ingeschreven? Ga terug "
            "(Esc) en kies Nieuw huishouden (Ctrl+N).",
        )
    return words.replace("%1", text.strip())
