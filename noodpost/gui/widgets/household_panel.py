"""The household panel of the desk: who is at the desk and what they may still receive today.

Shows one :class:`~noodpost.services.desk.HouseholdPanel` in large type (at least 14 pt):
the card and size, presence, the health flags with their consent dates, what was received
today against the ration (amber with the words *rantsoen bereikt* when nothing more may be
given without a reason), today's visits, open needs and devices on the charger. Colour is
never alone: every coloured line carries its word.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.gui.units import quantity_text
from noodpost.services.desk import HouseholdPanel
from noodpost.services.supply_types import AllowanceLine

PANEL_POINT_SIZE = 14
# One style sheet for the panel; a label's colour is its ``tone`` property. Setting a property
# is much cheaper than a style sheet of its own per label on every scan.
TONES = {
    "ok": "background: #d1e7dd; color: #0a3622; padding: 4px 8px; border-radius: 4px;",
    "warning": "background: #fff3cd; color: #664d03; padding: 4px 8px; border-radius: 4px;",
    "flag": "background: #e2e3f3; color: #1c1f4a; padding: 4px 8px; border-radius: 4px;",
    "muted": "color: #444;",
}
OK_STYLE = TONES["ok"]  # also the desk's feedback line
WARNING_STYLE = TONES["warning"]
FRAME_STYLE = (
    "#household_panel { border: 2px solid #6c757d; border-radius: 6px; background: #fff; }"
)
PANEL_STYLE = FRAME_STYLE + "".join(
    f' #household_panel QLabel[tone="{tone}"] {{ {style} }}' for tone, style in TONES.items()
)


def set_tone(label: QLabel, tone: str) -> None:
    """Colour ``label`` as ``tone`` (a key of :data:`TONES`, or ``""`` for plain)."""
    if label.property("tone") == tone:
        return
    label.setProperty("tone", tone)
    style = label.style()
    style.unpolish(label)
    style.polish(label)


def panel_font(widget: QWidget, *, extra: int = 0, bold: bool = False) -> None:
    """At least :data:`PANEL_POINT_SIZE` pt (DESIGN §5), ``extra`` more for headings."""
    font = QFont(widget.font())
    font.setPointSize(max(PANEL_POINT_SIZE, font.pointSize()) + extra)
    font.setBold(bold)
    widget.setFont(font)


def persons_text(count: int) -> str:
    """``1 persoon``, ``4 personen`` — without relying on a loaded plural translation."""
    if count == 1:
        return QCoreApplication.translate("HouseholdPanel", "1 persoon")
    return QCoreApplication.translate("HouseholdPanel", "%1 personen").replace("%1", str(count))


def amount_text(line: AllowanceLine) -> str:
    """What was received against the day's ration: ``3 l van 6 l``, ``2 stuk (geen rantsoen)``."""
    received = quantity_text(line.received, line.item.unit)
    if line.limit is None:
        return QCoreApplication.translate("HouseholdPanel", "%1 (geen rantsoen)").replace(
            "%1", received
        )
    limit = quantity_text(line.limit, line.item.unit)
    return (
        QCoreApplication.translate("HouseholdPanel", "%1 van %2")
        .replace("%1", received)
        .replace("%2", limit)
    )


def remaining_text(line: AllowanceLine, read_at: str) -> tuple[str, bool]:
    """What the ration still allows now, in words, and whether nothing more may be given.

    ``("nog 6 l", False)``, ``("rantsoen bereikt", True)``, ``("weer vanaf 14:00", True)``,
    ``("geen rantsoen", False)``.
    """
    if line.next_allowed_at is not None:
        when = format_clock(parse_iso(line.next_allowed_at), parse_iso(read_at))
        return QCoreApplication.translate("HouseholdPanel", "weer vanaf %1").replace(
            "%1", when
        ), True
    if line.remaining is None:
        return QCoreApplication.translate("HouseholdPanel", "geen rantsoen"), False
    if line.reached:
        return QCoreApplication.translate("HouseholdPanel", "rantsoen bereikt"), True
    remaining = quantity_text(line.remaining, line.item.unit)
    return QCoreApplication.translate("HouseholdPanel", "nog %1").replace("%1", remaining), False


class HouseholdPanelView(QFrame):
    """Shows a household (``show_panel``) or the hint what to do (``show_empty``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("household_panel")
        self.setStyleSheet(PANEL_STYLE)
        self.panel: HouseholdPanel | None = None

        self.header = self._label("panel_header", extra=4, bold=True)
        self.presence = self._label("panel_presence")
        self.flags = self._label("panel_flags")
        set_tone(self.flags, "flag")
        self.allowance_heading = self._label("panel_allowance_heading", bold=True)
        self.allowance_heading.setText(self.tr("Vandaag ontvangen (rantsoen per dag):"))
        self.allowance_box = QWidget()
        self.allowance_grid = QGridLayout(self.allowance_box)
        self.allowance_grid.setContentsMargins(12, 0, 0, 0)
        self.allowance_grid.setHorizontalSpacing(18)
        self.allowance_grid.setVerticalSpacing(2)
        self.allowance_labels: dict[str, QLabel] = {}
        self.allowance_states: dict[str, QLabel] = {}
        self._allowance_rows: list[tuple[QLabel, QLabel, QLabel]] = []
        self.visits = self._label("panel_visits")
        self.needs = self._label("panel_needs")
        self.charging = self._label("panel_charging")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        for widget in (
            self.header,
            self.presence,
            self.flags,
            self.allowance_heading,
            self.allowance_box,
            self.visits,
            self.needs,
            self.charging,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_empty()

    def _label(self, name: str, *, extra: int = 0, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        panel_font(label, extra=extra, bold=bold)
        return label

    # ------------------------------------------------------------------ showing

    def show_empty(self, hint: str = "") -> None:
        self.panel = None
        self.header.setText(hint or self.tr("Scan een kaart of typ de kaartcode."))
        self.presence.setText(
            self.tr(
                "Nieuw huishouden zonder kaart? Kies Nieuw huishouden (Ctrl+N). "
                "Een nog ongebruikte voorgedrukte kaart scannen start ook de inschrijving. "
                "Kaart vergeten of kwijt? Typ de naam en Enter (of Ctrl+F)."
            )
        )
        set_tone(self.presence, "muted")
        for widget in (
            self.flags,
            self.allowance_heading,
            self.allowance_box,
            self.visits,
            self.needs,
            self.charging,
        ):
            widget.hide()

    def show_panel(self, panel: HouseholdPanel, quick_item_ids: Sequence[str] = ()) -> None:
        """Show ``panel``; the quick items' lines come first and are always shown."""
        self.panel = panel
        parts = [self.tr("Huishouden %1").replace("%1", panel.pretty_code)]
        parts.append(persons_text(panel.size))
        if panel.name:
            parts.append(panel.name)
        if panel.language:
            parts.append(self.tr("taal: %1").replace("%1", panel.language))
        self.header.setText(" · ".join(parts))

        if panel.present:
            text = self.tr("✔ Aanwezig sinds %1").replace("%1", panel.present_since or "?")
            if panel.present_persons and panel.present_persons != panel.size:
                text += " " + self.tr("(%1 pers.)").replace("%1", str(panel.present_persons))
            set_tone(self.presence, "ok")
        else:
            text = self.tr("Niet aangemeld")
            set_tone(self.presence, "muted")
        seen = panel.last_seen
        text += " · " + (
            self.tr("laatst gezien %1").replace("%1", seen) if seen else self.tr("nog niet gezien")
        )
        self.presence.setText(text)

        self.flags.setText("   ".join(f"⚑ {f.text}" for f in panel.flags))
        self.flags.setVisible(bool(panel.flags))

        self._show_allowance(panel, quick_item_ids)
        self.allowance_heading.show()
        self.allowance_box.show()

        visits = "; ".join(v.text for v in panel.visits_today) or self.tr("nog geen bezoek")
        self.visits.setText(self.tr("Vandaag: %1").replace("%1", visits))
        self.visits.show()

        if panel.open_needs:
            self.needs.setText(
                self.tr("Open hulpvraag: %1").replace(
                    "%1", "; ".join(n.text for n in panel.open_needs)
                )
            )
            urgent = any(n.pressing for n in panel.open_needs)
            set_tone(self.needs, "warning" if urgent else "")
        else:
            self.needs.setText(self.tr("Open hulpvraag: geen"))
            set_tone(self.needs, "muted")
        self.needs.show()

        self.charging.setText(
            self.tr("Aan het opladen: %1").replace("%1", "; ".join(t.text for t in panel.charging))
        )
        self.charging.setVisible(bool(panel.charging))

    def _show_allowance(self, panel: HouseholdPanel, quick_item_ids: Sequence[str]) -> None:
        order = {item_id: i for i, item_id in enumerate(quick_item_ids)}
        lines = [
            line
            for line in panel.allowance
            if line.item.id in order or line.received > 0 or line.next_allowed_at is not None
        ]
        lines.sort(key=lambda line: (order.get(line.item.id, len(order)), line.item.name))
        # The rows' labels are kept and reused: a scan changes texts, not widgets.
        while len(self._allowance_rows) < len(lines):
            row = len(self._allowance_rows)
            labels = (QLabel(), QLabel(), QLabel())
            for column, label in enumerate(labels):
                panel_font(label)
                self.allowance_grid.addWidget(label, row, column)
            self._allowance_rows.append(labels)
        self.allowance_labels = {}
        self.allowance_states = {}
        for row, (name, amount, state) in enumerate(self._allowance_rows):
            shown = row < len(lines)
            for label in (name, amount, state):
                label.setVisible(shown)
            if not shown:
                continue
            line = lines[row]
            words, reached = remaining_text(line, panel.read_at)
            name.setText(line.item.name)
            amount.setText(amount_text(line))
            state.setText(("⚠ " + words) if reached else words)
            amount.setObjectName(f"allowance_{line.item.code}")
            state.setObjectName(f"allowance_state_{line.item.code}")
            set_tone(state, "warning" if reached else "ok")
            self.allowance_labels[line.item.code] = amount
            self.allowance_states[line.item.code] = state
        self.allowance_grid.setColumnStretch(3, 1)

    # ------------------------------------------------------------------ reading (tests)

    def allowance_text(self, code: str) -> str:
        """The shown ``received van limit`` text of an item (``""`` when not shown)."""
        label = self.allowance_labels.get(code)
        return label.text() if label is not None else ""

    def allowance_state(self, code: str) -> str:
        """The words beside it: ``nog 6 l``, ``⚠ rantsoen bereikt`` …"""
        label = self.allowance_states.get(code)
        return label.text() if label is not None else ""
