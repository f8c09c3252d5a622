"""Cards: credit-card size, a QR with the opaque code only (DESIGN §3.5), for PDF and printer.

A card shows the QR code, the card code in readable form (to type when the scanner fails), the
post's name and a short line in Dutch and English; a first name only when the resident agreed.
The QR holds ``NP1:<post-code>:<card-code>`` and nothing else. Cards of a training node say
OEFENING.

Everything is drawn with QPainter in millimetres on any paged device, so the same drawing makes
a one-card PDF (85.6 × 54 mm), A4 sheets of ten cards with cut marks, and a printout. PDFs are
written atomically (see :mod:`noodpost.gui.printing.pdf`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import qrcode
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageSize, QPainter, QPainterPath, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from noodpost.core import cards
from noodpost.core.errors import UserError
from noodpost.gui.errors import show_user_error
from noodpost.gui.printing.pdf import PageDrawer, pdf_target, render_pdf
from noodpost.services.intake import Registered

CARD_WIDTH_MM = 85.6  # ISO/IEC 7810 ID-1, the size of a bank card
CARD_HEIGHT_MM = 54.0
A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
SHEET_COLUMNS = 2
SHEET_ROWS = 5
CARDS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS

TRAINING_MARK = "OEFENING"
ISSUED_LINES = (
    "Bewaar deze kaart en toon hem bij de balie.",
    "Keep this card; show it at the desk.",
)
BLANK_LINES = ("Nog niet uitgegeven — scan bij de balie.", "Not yet issued — scan at the desk.")
PRIVACY_LINE = "De QR-code bevat geen persoonsgegevens."

_SANS = ["DejaVu Sans", "Segoe UI", "Arial", "Helvetica"]
_MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Courier New"]
_BLACK = QColor(0, 0, 0)
_GREY = QColor(70, 70, 70)
_RED = QColor(190, 0, 0)
_WHITE = QColor(255, 255, 255)
_OUTLINE = QColor(185, 185, 185)


# ---------------------------------------------------------------- what is on a card


@dataclass(frozen=True)
class CardFace:
    """Everything printed on one card. Nothing personal but an optional, consented first name.

    Attributes:
        qr_text: ``NP1:<post-code>:<card-code>`` — the only thing in the QR code.
        pretty_code: the card code as people read and type it, ``XXXX-XXXX``.
        post_name: the name people know the post by.
        first_name: only when the resident agreed to it; never in the QR code.
        training: a card of a training node: marked OEFENING.
        blank: a pre-printed card not yet given to anyone.
    """

    qr_text: str
    pretty_code: str
    post_name: str
    first_name: str | None = None
    training: bool = False
    blank: bool = False

    def __post_init__(self) -> None:
        # The drawing layer's own guard: the QR gets a canonical card code and nothing else.
        try:
            scanned = cards.parse(self.qr_text)
        except cards.InvalidCode as err:
            raise ValueError("A card's QR text must be an NP1 card code") from err
        canonical = cards.qr_text(scanned.post_code or "", scanned.code)
        if self.qr_text != canonical or self.pretty_code != cards.pretty(scanned.code):
            raise ValueError("A card's QR text must be a canonical NP1 code matching the card")

    @property
    def post_code(self) -> str:
        return self.qr_text.split(":")[1]


def first_name_of(name: str | None, *, consent: bool) -> str | None:
    """The first word of a household's name, and only when the resident agreed to it."""
    if not consent or not name or not name.strip():
        return None
    return name.split()[0]


def household_face(
    registered: Registered,
    post_name: str,
    *,
    first_name: str | None = None,
    training: bool = False,
) -> CardFace:
    """The card of a registered household (``first_name`` only with consent)."""
    return CardFace(
        qr_text=registered.qr_text,
        pretty_code=registered.pretty_code,
        post_name=post_name,
        first_name=(first_name or "").strip() or None,
        training=training,
    )


def blank_faces(
    post_code: str, codes: Sequence[str], post_name: str, *, training: bool = False
) -> list[CardFace]:
    """Faces of pre-printed cards for codes reserved with ``reserve_blank_cards``."""
    return [
        CardFace(
            qr_text=cards.qr_text(post_code, code),
            pretty_code=cards.pretty(code),
            post_name=post_name,
            training=training,
            blank=True,
        )
        for code in codes
    ]


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of ``text`` (error correction M), with its four-module quiet zone."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


# ---------------------------------------------------------------- drawing in millimetres


class _Ruler:
    """Millimetre coordinates on a painter: ``unit`` device units per mm from ``origin``."""

    def __init__(self, painter: QPainter, origin: QPointF, unit: float) -> None:
        self.painter = painter
        self.origin = origin
        self.unit = unit
        self._dpi = float(painter.device().logicalDpiY())  # the painter must be active

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        u = self.unit
        return QRectF(self.origin.x() + x * u, self.origin.y() + y * u, w * u, h * u)

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.origin.x() + x * self.unit, self.origin.y() + y * self.unit)

    def font(
        self, size_mm: float, *, bold: bool = False, italic: bool = False, mono: bool = False
    ) -> QFont:
        """A font whose em is ``size_mm`` millimetres on the paper."""
        font = QFont()
        font.setFamilies(_MONO if mono else _SANS)
        font.setStyleHint(QFont.StyleHint.TypeWriter if mono else QFont.StyleHint.SansSerif)
        font.setPointSizeF(size_mm * self.unit * 72.0 / self._dpi)
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def pen(self, width_mm: float, color: QColor) -> QPen:
        pen = QPen(color)
        pen.setWidthF(width_mm * self.unit)
        return pen

    def text(
        self,
        x: float,
        y: float,
        width: float,
        text: str,
        size_mm: float,
        *,
        bold: bool = False,
        italic: bool = False,
        mono: bool = False,
        color: QColor = _BLACK,
        max_lines: int = 1,
        min_size_mm: float | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> float:
        """Draw wrapped text at (x, y), shrunk to ``max_lines`` or elided; returns the mm used."""
        device = self.painter.device()
        limit = width * self.unit
        size = size_mm
        smallest = min(min_size_mm or size_mm, size_mm)
        while True:
            font = self.font(size, bold=bold, italic=italic, mono=mono)
            metrics = QFontMetricsF(font, device)
            lines = _wrap(text, metrics, limit)
            fits = len(lines) <= max_lines and all(
                metrics.horizontalAdvance(line) <= limit for line in lines
            )
            if fits or size <= smallest:
                break
            size = max(smallest, size * 0.92)
        if len(lines) > max_lines:  # still too long at the smallest size: elide the last line
            lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
        lines = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, limit) for line in lines]
        self.painter.setFont(font)
        self.painter.setPen(color)
        step = metrics.lineSpacing()
        flags = int(align | Qt.AlignmentFlag.AlignTop)
        top = self.rect(x, y, width, 0).topLeft()
        for number, line in enumerate(lines):
            box = QRectF(top.x(), top.y() + number * step, limit, step)
            self.painter.drawText(box, flags, line)
        return len(lines) * step / self.unit


def _wrap(text: str, metrics: QFontMetricsF, limit: float) -> list[str]:
    """Break ``text`` into lines no wider than ``limit`` at spaces (a long word stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(trial) > limit:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines or [""]


def _draw_qr(painter: QPainter, area: QRectF, text: str) -> None:
    """The QR code as filled rectangles (one path, rows merged into runs), quiet zone white."""
    matrix = qr_matrix(text)
    size = len(matrix)
    module = area.width() / size
    painter.fillRect(area, _WHITE)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for row, cells in enumerate(matrix):
        col = 0
        while col < size:
            if not cells[col]:
                col += 1
                continue
            start = col
            while col < size and cells[col]:
                col += 1
            path.addRect(
                QRectF(
                    area.x() + start * module,
                    area.y() + row * module,
                    (col - start) * module,
                    module,
                )
            )
    painter.fillPath(path, _BLACK)


def draw_card(painter: QPainter, rect: QRectF, face: CardFace) -> None:
    """Draw one card into ``rect`` (device units) on an active painter; any aspect ratio is
    treated as a card scaled to ``rect``'s width."""
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        mm = _Ruler(painter, rect.topLeft(), rect.width() / CARD_WIDTH_MM)
        painter.fillRect(mm.rect(0, 0, CARD_WIDTH_MM, CARD_HEIGHT_MM), _WHITE)

        # Left: the QR code with its quiet zone, vertically centred.
        qr_size = 40.0
        qr_top = (CARD_HEIGHT_MM - qr_size) / 2
        _draw_qr(painter, mm.rect(2.0, qr_top, qr_size, qr_size), face.qr_text)

        # Right: who issued it, the code to type, what to do with it.
        x = 43.0
        width = CARD_WIDTH_MM - x - 3.5
        y = 4.0
        if face.training:
            painter.setPen(mm.pen(0.8, _RED))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(mm.rect(0.4, 0.4, CARD_WIDTH_MM - 0.8, CARD_HEIGHT_MM - 0.8))
            painter.fillRect(mm.rect(x - 0.8, y - 0.6, width + 1.6, 4.6), _RED)
            mm.text(
                x,
                y,
                width,
                f"{TRAINING_MARK} — geen echte kaart",
                2.6,
                bold=True,
                color=_WHITE,
                min_size_mm=1.8,
            )
            y += 5.2
        else:
            y += (
                mm.text(x, y, width, f"NOODSTEUNPUNT {face.post_code}", 2.1, bold=True, color=_GREY)
                + 0.6
            )
        y += (
            mm.text(x, y, width, face.post_name, 3.3, bold=True, max_lines=2, min_size_mm=2.6) + 1.0
        )
        if face.first_name:
            mm.text(x, y, width, face.first_name, 3.6, bold=True, min_size_mm=2.6)

        y = 23.0
        y += mm.text(x, y, width, "Kaartcode · card code", 1.9, color=_GREY) + 0.2
        y += (
            mm.text(x, y, width, face.pretty_code, 5.6, bold=True, mono=True, min_size_mm=4.0) + 1.6
        )
        dutch, english = BLANK_LINES if face.blank else ISSUED_LINES
        y += mm.text(x, y, width, dutch, 2.35, bold=face.blank, max_lines=2, min_size_mm=2.0) + 0.5
        mm.text(x, y, width, english, 2.2, italic=True, max_lines=2, min_size_mm=1.9)
        mm.text(x, CARD_HEIGHT_MM - 5.0, width, PRIVACY_LINE, 1.7, color=_GREY, min_size_mm=1.4)
    finally:
        painter.restore()


# ---------------------------------------------------------------- sheets and pages


@dataclass(frozen=True)
class _SheetLayout:
    """Where the ten cards of an A4 sheet go, in mm: butted together, centred on the page."""

    left: float = (A4_WIDTH_MM - SHEET_COLUMNS * CARD_WIDTH_MM) / 2
    top: float = (A4_HEIGHT_MM - SHEET_ROWS * CARD_HEIGHT_MM) / 2

    def card(self, index: int) -> tuple[float, float]:
        row, column = divmod(index, SHEET_COLUMNS)
        return self.left + column * CARD_WIDTH_MM, self.top + row * CARD_HEIGHT_MM


def _draw_cut_marks(mm: _Ruler, left: float, top: float, columns: int, rows: int) -> None:
    """Crop marks in the margin on every cut line, outside the cards: gap 2 mm, 5 mm long."""
    gap, length = 2.0, 5.0
    right = left + columns * CARD_WIDTH_MM
    bottom = top + rows * CARD_HEIGHT_MM
    mm.painter.setPen(mm.pen(0.2, _BLACK))
    for column in range(columns + 1):
        x = left + column * CARD_WIDTH_MM
        mm.painter.drawLine(mm.point(x, top - gap - length), mm.point(x, top - gap))
        mm.painter.drawLine(mm.point(x, bottom + gap), mm.point(x, bottom + gap + length))
    for row in range(rows + 1):
        y = top + row * CARD_HEIGHT_MM
        mm.painter.drawLine(mm.point(left - gap - length, y), mm.point(left - gap, y))
        mm.painter.drawLine(mm.point(right + gap, y), mm.point(right + gap + length, y))


def _draw_outline(mm: _Ruler, x: float, y: float) -> None:
    """A thin light line around a card, for cutting with scissors."""
    mm.painter.setPen(mm.pen(0.1, _OUTLINE))
    mm.painter.setBrush(Qt.BrushStyle.NoBrush)
    mm.painter.drawRect(mm.rect(x, y, CARD_WIDTH_MM, CARD_HEIGHT_MM))


def draw_sheet(
    painter: QPainter,
    page: QRectF,
    faces: Sequence[CardFace],
    *,
    first: int = 0,
    total: int | None = None,
) -> None:
    """Up to ten cards on one A4 page (``page`` in device units), with cut marks and a footer.

    Args:
        first: the index of ``faces[0]`` in the whole batch (for the footer's numbering).
        total: how many cards the batch has (for the footer).
    """
    mm = _Ruler(painter, page.topLeft(), page.width() / A4_WIDTH_MM)
    layout = _SheetLayout()
    shown = list(faces)[:CARDS_PER_SHEET]
    for index, face in enumerate(shown):
        x, y = layout.card(index)
        draw_card(painter, mm.rect(x, y, CARD_WIDTH_MM, CARD_HEIGHT_MM), face)
        _draw_outline(mm, x, y)
    if not shown:
        return
    rows = -(-len(shown) // SHEET_COLUMNS)
    _draw_cut_marks(mm, layout.left, layout.top, min(len(shown), SHEET_COLUMNS), rows)
    count = total if total is not None else len(shown)
    what = "blanco kaarten" if shown[0].blank else "kaarten"
    mark = f" · {TRAINING_MARK}" if shown[0].training else ""
    footer = (
        f"Noodpost · {what} {shown[0].post_code}{mark} · "
        f"nr. {first + 1}–{first + len(shown)} van {count}"
    )
    bottom = layout.top + rows * CARD_HEIGHT_MM
    mm.text(layout.left + 4, bottom + 2.5, CARD_WIDTH_MM - 8, footer, 2.0, color=_GREY)


def card_page_size() -> QPageSize:
    return QPageSize(
        QSizeF(CARD_WIDTH_MM, CARD_HEIGHT_MM),
        QPageSize.Unit.Millimeter,
        "Kaart 85,6 × 54 mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def render_card_pdf(face: CardFace) -> bytes:
    """One page of exactly one card's size."""

    def page(painter: QPainter, rect: QRectF) -> None:
        draw_card(painter, rect, face)

    return render_pdf(card_page_size(), "Noodpost-kaart", [page])


def sheet_pages(faces: Sequence[CardFace]) -> int:
    return max(1, -(-len(faces) // CARDS_PER_SHEET))


def render_sheet_pdf(faces: Sequence[CardFace]) -> bytes:
    """A4 sheets of ten cards (two columns, five rows) with cut marks."""
    pages: list[PageDrawer] = []
    for first in range(0, max(1, len(faces)), CARDS_PER_SHEET):
        chunk = faces[first : first + CARDS_PER_SHEET]

        def page(
            painter: QPainter, rect: QRectF, chunk: Sequence[CardFace] = chunk, first: int = first
        ) -> None:
            draw_sheet(painter, rect, chunk, first=first, total=len(faces))

        pages.append(page)
    return render_pdf(QPageSize(QPageSize.PageSizeId.A4), "Noodpost-kaarten", pages)


def save_card_pdf(path: Path, face: CardFace) -> None:
    """One card as a PDF page of the card's own size (85.6 × 54 mm)."""
    with pdf_target(path) as target:
        target.write(render_card_pdf(face))


def save_sheet_pdf(path: Path, faces: Sequence[CardFace]) -> None:
    """Cards on A4 sheets, ten per sheet, with cut marks."""
    with pdf_target(path) as target:
        target.write(render_sheet_pdf(faces))


# ---------------------------------------------------------------- the printer


def paint_on_printer(printer: QPrinter, face: CardFace) -> None:
    """Print one card: true size with cut marks on a large page, filling a card-sized one."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer) or not painter.isActive():
        raise UserError(
            QCoreApplication.translate(
                "CardPrinting",
                "Afdrukken lukt niet: de printer is niet bereikbaar. Controleer of hij aan staat "
                "en papier heeft, of sla de kaart op als PDF.",
            )
        )
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        page = QRectF(0, 0, paper.width(), paper.height())  # full page: origin on the paper
        unit = printer.logicalDpiY() / 25.4
        card = QRectF(0, 0, CARD_WIDTH_MM * unit, CARD_HEIGHT_MM * unit)
        room = 15.0 * unit
        if page.width() >= card.width() + 2 * room and page.height() >= card.height() + 2 * room:
            card.moveTo(page.left() + room, page.top() + room)
            mm = _Ruler(painter, card.topLeft(), unit)
            draw_card(painter, card, face)
            _draw_outline(mm, 0, 0)
            _draw_cut_marks(mm, 0, 0, 1, 1)
        else:  # a card printer: the page is the card
            scale = min(page.width() / card.width(), page.height() / card.height())
            card = QRectF(page.left(), page.top(), card.width() * scale, card.height() * scale)
            draw_card(painter, card, face)
    finally:
        painter.end()


def _save_card_pdf(face: CardFace, parent: QWidget | None, title: str = "") -> Path | None:
    """Ask where to save the card as PDF and save it: where; ``None`` when cancelled/refused."""
    title = title or QCoreApplication.translate("CardPrinting", "Kaart opslaan als PDF")
    suggested = str(Path.home() / f"kaart-{face.pretty_code}.pdf")
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, suggested, QCoreApplication.translate("CardPrinting", "PDF (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".pdf")
    try:
        save_card_pdf(path, face)
    except UserError as err:
        show_user_error(parent, err)
        return None
    return path


def print_card(face: CardFace, parent: QWidget | None) -> bool | str:
    """Print one card through the print dialog; without any printer, save it as PDF.

    Returns:
        True when the card was sent to the printer; when it was saved as PDF, the words that
        say where (*De kaart is opgeslagen als PDF: …*: it is not printed yet); False when
        cancelled or refused (the refusal was shown).
    """
    if not QPrinterInfo.availablePrinterNames():
        saved = _save_card_pdf(
            face,
            parent,
            QCoreApplication.translate(
                "CardPrinting", "Geen printer gevonden — sla de kaart op als PDF"
            ),
        )
        if saved is None:
            return False
        return QCoreApplication.translate(
            "CardPrinting",
            "De kaart is opgeslagen als PDF: {path}. Druk die af op een andere computer, of "
            "schrijf de code op een kaart.",
        ).format(path=saved)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"Noodpost-kaart {face.pretty_code}")
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("CardPrinting", "Kaart afdrukken"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        paint_on_printer(printer, face)
    except UserError as err:
        show_user_error(parent, err)
        return False
    return True


def print_registered_card(
    registered: Registered,
    post_name: str,
    first_name: str | None,
    training: bool,
    parent: QWidget | None,
) -> bool | str:
    """The desk's hook: print a newly registered or reissued household's card.

    ``first_name`` only when the resident agreed to have it on the card (see
    :func:`first_name_of`). Without a printer, the volunteer is asked where to save a PDF.
    """
    face = household_face(registered, post_name, first_name=first_name, training=training)
    return print_card(face, parent)
