"""Paper intake forms (A4), each with a pre-reserved card to tear off, and the desk's hand-out
sheet — printed before the power runs out, filled in by hand when it has.

A form has the card of its reserved code at the top (the same drawing as every card,
:func:`noodpost.gui.printing.cards.draw_card`, inside a cut line), the code again in large type
on the part that stays, the fields of the intake dialog, a line for check-in and check-out, and
a tally grid of three days with every item and its ration. The last page is the hand-out sheet
for the desk. Black on white only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageSize, QPainter, QPen

from noodpost.core import cards
from noodpost.core.vocabulary import HealthFlag, label
from noodpost.gui.printing.cards import CARD_HEIGHT_MM, CARD_WIDTH_MM, CardFace, draw_card
from noodpost.gui.printing.pdf import PageDrawer, render_pdf

A4_W = 210.0
A4_H = 297.0
MARGIN = 12.0
CONTENT_W = A4_W - 2 * MARGIN
TRAINING_MARK = "OEFENING"
DAYS = 3  # the post's own 72 hours
SHEET_ROWS = 30
#: At most this many forms in one go (each reserves a card code).
MAX_FORMS = 1000

_SANS = ["DejaVu Sans", "Segoe UI", "Arial", "Helvetica"]
_MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Courier New"]
_BLACK = QColor(0, 0, 0)
_FILL = QColor(225, 225, 225)


@dataclass(frozen=True)
class PaperForms:
    """What the forms print: the post, the reserved codes and the items with their ration.

    Attributes:
        items: (name, ration in words) of every item that can be handed out.
    """

    post_code: str
    post_name: str
    codes: tuple[str, ...]
    items: tuple[tuple[str, str], ...]
    training: bool = False

    def face(self, code: str) -> CardFace:
        """The card to tear off: an issued card's face, as the household keeps it."""
        return CardFace(
            qr_text=cards.qr_text(self.post_code, code),
            pretty_code=cards.pretty(code),
            post_name=self.post_name,
            training=self.training,
        )


class _Mm:
    """Millimetres on the page the painter draws."""

    def __init__(self, painter: QPainter, page: QRectF) -> None:
        self.painter = painter
        self.unit = page.width() / A4_W

    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        u = self.unit
        return QRectF(x * u, y * u, w * u, h * u)

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        size_pt: float,
        *,
        bold: bool = False,
        mono: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        max_lines: int = 1,
    ) -> float:
        """Draw ``text`` wrapped to ``w`` mm in at most ``max_lines`` lines (the last one
        elided); returns the height used in mm."""
        font = QFont()
        font.setFamilies(_MONO if mono else _SANS)
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        metrics = QFontMetricsF(font, self.painter.device())
        limit = w * self.unit
        lines: list[str] = []
        current = ""
        for word in text.split(" "):
            trial = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(trial) > limit and len(lines) < max_lines - 1:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
        self.painter.setFont(font)
        self.painter.setPen(_BLACK)
        step = metrics.lineSpacing() / self.unit
        for number, line in enumerate(lines):
            shown = metrics.elidedText(line, Qt.TextElideMode.ElideRight, limit)
            box = self.r(x, y + number * step, w, step)
            self.painter.drawText(box, int(align | Qt.AlignmentFlag.AlignTop), shown)
        return step * len(lines)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.2) -> None:
        pen = QPen(_BLACK)
        pen.setWidthF(width * self.unit)
        self.painter.setPen(pen)
        self.painter.drawLine(
            QPointF(x1 * self.unit, y1 * self.unit), QPointF(x2 * self.unit, y2 * self.unit)
        )

    def box(self, x: float, y: float, w: float, h: float, width: float = 0.25, *,
            dashed: bool = False) -> None:  # fmt: skip
        pen = QPen(_BLACK)
        pen.setWidthF(width * self.unit)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(self.r(x, y, w, h))

    def field(self, x: float, y: float, w: float, caption: str) -> None:
        """A caption and a line to write on, ``w`` mm wide in all."""
        used = self._advance(caption, 9.5)
        self.text(x, y, w, caption, 9.5)
        self.line(x + used + 1.5, y + 4.6, x + w, y + 4.6, 0.2)

    def tick(self, x: float, y: float, caption: str, w: float) -> None:
        """A box to tick and its caption."""
        self.box(x, y + 0.6, 3.6, 3.6, 0.3)
        self.text(x + 5.2, y, w - 5.2, caption, 9.5)

    def _advance(self, text: str, size_pt: float) -> float:
        font = QFont()
        font.setFamilies(_SANS)
        font.setPointSizeF(size_pt)
        return QFontMetricsF(font, self.painter.device()).horizontalAdvance(text) / self.unit


def _footer(mm: _Mm, forms: PaperForms, what: str) -> None:
    mark = f" · {TRAINING_MARK}" if forms.training else ""
    mm.line(MARGIN, A4_H - MARGIN - 5.5, A4_W - MARGIN, A4_H - MARGIN - 5.5, 0.2)
    mm.text(
        MARGIN,
        A4_H - MARGIN - 4.5,
        CONTENT_W,
        f"Noodpost · {forms.post_name} ({forms.post_code}){mark} · {what}",
        7.5,
    )


def draw_form(painter: QPainter, page: QRectF, forms: PaperForms, number: int) -> None:
    """Form ``number`` (0-based) of ``forms`` on one A4 page."""
    mm = _Mm(painter, page)
    code = forms.codes[number]
    # The card, inside a cut line, top left.
    card_x, card_y = MARGIN + 2, MARGIN + 2
    mm.box(card_x - 2, card_y - 2, CARD_WIDTH_MM + 4, CARD_HEIGHT_MM + 4, 0.3, dashed=True)
    draw_card(painter, mm.r(card_x, card_y, CARD_WIDTH_MM, CARD_HEIGHT_MM), forms.face(code))
    mm.text(
        card_x - 2,
        card_y + CARD_HEIGHT_MM + 2.6,
        CARD_WIDTH_MM + 4,
        "✂ Knip of scheur de kaart af en geef hem aan het huishouden.",
        7.5,
    )
    # Beside it: what this form is, its code in large type.
    x = MARGIN + CARD_WIDTH_MM + 10
    w = A4_W - MARGIN - x
    y = MARGIN
    if forms.training:
        y += mm.text(x, y, w, f"{TRAINING_MARK} — geen echte inschrijving", 11, bold=True)
    y += mm.text(x, y, w, "INSCHRIJFFORMULIER", 16, bold=True)
    y += mm.text(x, y, w, f"{forms.post_name} ({forms.post_code})", 10.5, bold=True) + 2
    y += mm.text(x, y, w, "Kaartcode van dit formulier", 8.5)
    y += mm.text(x, y, w, cards.pretty(code), 22, bold=True, mono=True) + 2
    for step in (
        "1. Vul het formulier in; alleen het aantal personen is verplicht.",
        "2. Geef de kaart aan het huishouden.",
        "3. Bewaar het formulier bij de balie. Het wordt later ingevoerd met de tijd die "
        "erop staat.",
    ):
        y += mm.text(x, y, w, step, 8.5, max_lines=2)

    # The fields of the intake dialog.
    y = MARGIN + CARD_HEIGHT_MM + 12
    y += mm.text(MARGIN, y, CONTENT_W, "Huishouden", 12, bold=True) + 1.5
    half = CONTENT_W / 2 - 3
    right = MARGIN + CONTENT_W / 2 + 3
    rows = [
        ("Datum en tijd van inschrijving:", "Aantal personen (verplicht):"),
        ("Naam:", "Geboortejaar:"),
        ("Postcode:", "Taal:"),
    ]
    for left_caption, right_caption in rows:
        mm.field(MARGIN, y, half, left_caption)
        mm.field(right, y, half, right_caption)
        y += 8.5
    mm.tick(MARGIN, y, "Toestemming van de bewoner om deze kenmerken vast te leggen:", CONTENT_W)
    y += 6.5
    x = MARGIN + 6
    for flag, width in zip(HealthFlag, (50.0, 72.0, 54.0), strict=True):
        mm.tick(x, y, label(flag), width)
        x += width
    y += 6.5
    mm.text(MARGIN, y, CONTENT_W, "Alleen met toestemming; geen andere gezondheidsgegevens.", 7.5)
    y += 5.5
    mm.field(MARGIN, y, half, "Binnen (datum, tijd):")
    mm.field(right, y, half, "Vertrokken (datum, tijd):")
    y += 8.5
    mm.field(MARGIN, y, CONTENT_W, "Ingeschreven door (naam vrijwilliger):")
    y += 10
    _tally(mm, forms, y)
    _footer(mm, forms, f"inschrijfformulier {number + 1} van {len(forms.codes)}")


def _tally(mm: _Mm, forms: PaperForms, top: float) -> None:
    """Per item a row, per day a cell to write each hand-out in (``2 l 14:05``)."""
    y = top
    y += mm.text(MARGIN, y, CONTENT_W, "Uitgifte per dag", 12, bold=True)
    y += (
        mm.text(
            MARGIN,
            y,
            CONTENT_W,
            "Schrijf bij elke uitgifte hoeveel en hoe laat (bijv. 3 l 14:05). Blijf binnen het "
            "rantsoen van de dag.",
            7.5,
        )
        + 1
    )
    name_w, rule_w = 38.0, 52.0
    day_w = (CONTENT_W - name_w - rule_w) / DAYS
    bottom = A4_H - MARGIN - 8
    head = 5.5
    row_h = min(8.0, (bottom - y - head) / max(len(forms.items), 1))
    mm.painter.fillRect(mm.r(MARGIN, y, CONTENT_W, head), _FILL)
    mm.text(MARGIN + 1, y + 0.6, name_w - 2, "Artikel", 8.5, bold=True)
    mm.text(MARGIN + name_w + 1, y + 0.6, rule_w - 2, "Rantsoen", 8.5, bold=True)
    for day in range(DAYS):
        x = MARGIN + name_w + rule_w + day * day_w
        mm.text(x + 1, y + 0.6, day_w - 2, f"Dag {day + 1}: ___-___", 8.5, bold=True)
    y += head
    for name, ration in forms.items:
        size = 8.0 if row_h >= 7 else 7.0
        mm.text(MARGIN + 1, y + 0.5, name_w - 2, name, size, bold=True, max_lines=2)
        mm.text(MARGIN + name_w + 1, y + 0.5, rule_w - 2, ration, 6.5, max_lines=2)
        y += row_h
        mm.line(MARGIN, y, MARGIN + CONTENT_W, y, 0.15)
    grid_top = y - row_h * len(forms.items) - head
    x = MARGIN
    for width in (0.0, name_w, rule_w, *([day_w] * DAYS)):
        x += width
        mm.line(x, grid_top, x, y, 0.2)
    mm.line(MARGIN, grid_top, MARGIN + CONTENT_W, grid_top, 0.2)


def draw_hand_out_sheet(painter: QPainter, page: QRectF, forms: PaperForms) -> None:
    """The desk's sheet: every hand-out on a line, for when the laptop is off."""
    mm = _Mm(painter, page)
    y = MARGIN
    if forms.training:
        y += mm.text(MARGIN, y, CONTENT_W, f"{TRAINING_MARK} — geen echte uitgiften", 11, bold=True)
    y += mm.text(MARGIN, y, CONTENT_W, "UITGIFTELIJST VAN DE BALIE", 16, bold=True)
    y += (
        mm.text(
            MARGIN,
            y,
            CONTENT_W,
            "Eén regel per uitgifte. Kijk eerst op het formulier van het huishouden wat het "
            "vandaag al kreeg, en schrijf de uitgifte daar ook op.",
            8.5,
        )
        + 1
    )
    y += mm.text(MARGIN, y, CONTENT_W, "Datum: ____________   Blad nr.: ______", 9.5) + 2
    cols = [("Tijd", 18.0), ("Kaartcode", 34.0), ("Artikel", 52.0), ("Hoeveel", 24.0)]
    cols.append(("Vrijwilliger", CONTENT_W - sum(w for _, w in cols)))
    head = 6.0
    row_h = (A4_H - MARGIN - 9 - y - head) / SHEET_ROWS
    mm.painter.fillRect(mm.r(MARGIN, y, CONTENT_W, head), _FILL)
    x = MARGIN
    for caption, width in cols:
        mm.text(x + 1, y + 0.8, width - 2, caption, 9, bold=True)
        x += width
    top = y
    y += head
    for _ in range(SHEET_ROWS):
        y += row_h
        mm.line(MARGIN, y, MARGIN + CONTENT_W, y, 0.15)
    x = MARGIN
    mm.line(MARGIN, top, MARGIN + CONTENT_W, top, 0.2)
    for _caption, width in [("", 0.0), *cols]:
        x += width
        mm.line(x, top, x, y, 0.2)
    _footer(mm, forms, "uitgiftelijst")


def form_pages(forms: PaperForms) -> list[PageDrawer]:
    """One page per form, then the hand-out sheet."""
    pages: list[PageDrawer] = []
    for number in range(len(forms.codes)):

        def page(painter: QPainter, rect: QRectF, number: int = number) -> None:
            draw_form(painter, rect, forms, number)

        pages.append(page)

    def sheet(painter: QPainter, rect: QRectF) -> None:
        draw_hand_out_sheet(painter, rect, forms)

    pages.append(sheet)
    return pages


def render_forms_pdf(forms: PaperForms) -> bytes:
    """The forms and the hand-out sheet as one A4 PDF."""
    return render_pdf(QPageSize(QPageSize.PageSizeId.A4), "Noodpost-formulieren", form_pages(forms))


def forms_summary(forms: PaperForms, pdf: Path) -> str:
    """The Dutch line after writing the forms."""
    count = len(forms.codes)
    what = "1 inschrijfformulier" if count == 1 else f"{count} inschrijfformulieren"
    mark = " (OEFENING)" if forms.training else ""
    return (
        f"{what} en een uitgiftelijst voor {forms.post_name} ({forms.post_code}){mark} in {pdf}; "
        "de kaartcodes zijn gereserveerd."
    )


__all__ = [
    "PaperForms",
    "draw_form",
    "draw_hand_out_sheet",
    "form_pages",
    "forms_summary",
    "render_forms_pdf",
]
