"""*Hulp → Sneltoetsen*: every key the program answers to, in one list (issue 18, item 8).

The page keys come from the window's own pages, so the list is never out of date with the
navigation; the desk's keys are the ones :mod:`noodpost.gui.widgets.desk_buttons` binds.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from noodpost.gui.dialogs.fields import grow_to_wrapped_text


def desk_keys() -> list[tuple[str, str]]:
    """The Balie's keys, in key order."""
    return [
        (
            "F1",
            QCoreApplication.translate(
                "ShortcutsDialog", "Aanmelden of afmelden van het huishouden"
            ),
        ),
        (
            "F2, F3",
            QCoreApplication.translate(
                "ShortcutsDialog",
                "Snelknoppen: uitgeven (de knop noemt het artikel en de hoeveelheid)",
            ),
        ),
        (
            "Shift+F2",
            QCoreApplication.translate(
                "ShortcutsDialog",
                "Uitgeven: elk artikel, elke hoeveelheid (typ een deel van de naam, Tab, "
                "hoeveelheid, Enter; Shift+F3 en Shift+F8 beginnen bij hun artikel)",
            ),
        ),
        ("F4", QCoreApplication.translate("ShortcutsDialog", "Hulpvraag noteren")),
        ("F5", QCoreApplication.translate("ShortcutsDialog", "Oplaadbon (telefoon opladen)")),
        ("F6", QCoreApplication.translate("ShortcutsDialog", "Veilig-en-welbericht")),
        (
            "F7",
            QCoreApplication.translate(
                "ShortcutsDialog", "Laatste uitgifte aan dit huishouden terugdraaien"
            ),
        ),
        ("F8", QCoreApplication.translate("ShortcutsDialog", "Derde snelknop: uitgeven")),
        ("F9", QCoreApplication.translate("ShortcutsDialog", "NOODMELDING maken")),
        ("Ctrl+N", QCoreApplication.translate("ShortcutsDialog", "Nieuw huishouden inschrijven")),
        (
            "Ctrl+F",
            QCoreApplication.translate(
                "ShortcutsDialog",
                "Huishouden zoeken op naam (of typ de naam in het scanveld en Enter)",
            ),
        ),
        (
            "Ctrl+P",
            QCoreApplication.translate(
                "ShortcutsDialog", "Kaart van dit huishouden opnieuw afdrukken (dezelfde code)"
            ),
        ),
        (
            "Ctrl+K",
            QCoreApplication.translate(
                "ShortcutsDialog", "Kaart kwijt: nieuwe kaart maken (de oude werkt dan niet meer)"
            ),
        ),
        (
            "Esc",
            QCoreApplication.translate(
                "ShortcutsDialog", "Huishouden sluiten: niets ervan blijft op het scherm"
            ),
        ),
    ]


class ShortcutsDialog(QDialog):
    """The keys, grouped: everywhere, at the Balie."""

    def __init__(self, page_titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.setMinimumWidth(1100)  # the two lists side by side, each line on one line
        everywhere = [
            (f"Ctrl+{number}", title) for number, title in enumerate(page_titles[:9], start=1)
        ]
        everywhere += [
            ("Ctrl+L", self.tr("Scherm vergrendelen")),
            ("Ctrl+H", self.tr("Deze lijst")),
            ("Ctrl+Shift+P", self.tr("Stroomstoring: back-up maken en de noodlijst afdrukken")),
            ("Ctrl+Shift+I", self.tr("Papier invoeren: papieren formulieren overtypen")),
        ]
        # Side by side: one column under the other no longer fits a 800-pixel-high screen.
        self.text = QLabel(
            "<table><tr><td style='padding-right:24px' valign='top'>"
            + self._table(self.tr("Overal"), everywhere)
            + "</td><td valign='top'>"
            + self._table(self.tr("Aan de balie"), desk_keys())
            + "</td></tr></table><p>"
            + escape(
                self.tr(
                    "Op de andere pagina's maakt Ctrl+N iets nieuws (hulpvraag, bericht, "
                    "oplaadbon)."
                )
            )
            + "</p>"
        )
        self.text.setObjectName("shortcuts_text")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_wrapped_text(self)

    @staticmethod
    def _table(heading: str, keys: Sequence[tuple[str, str]]) -> str:
        rows = "".join(
            f"<tr><td style='padding-right:16px'><b>{escape(key)}</b></td>"
            f"<td>{escape(text)}</td></tr>"
            for key, text in keys
        )
        return f"<h3>{escape(heading)}</h3><table>{rows}</table>"
