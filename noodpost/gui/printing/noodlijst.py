"""The *noodlijst* as an A4 PDF: who is present, flags, what they may still have, needs,
alarms with their radio lines, rations and stock — for when the laptop's power runs out.

The content comes from :class:`noodpost.reports.noodlijst.Noodlijst`; this module only draws
it, in millimetres, black on white (grey only for fills, so it reads on any printer). Every
page has a header and a footer that say VERTROUWELIJK and ``pagina n van N``: the pages are
laid out once without drawing to count them, then drawn. A training node's list says OEFENING
on every page. Files are written atomically through :func:`~noodpost.gui.printing.pdf.pdf_target`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from noodpost.core.errors import UserError
from noodpost.gui.printing.pdf import cannot_draw_message, no_new_page_message, pdf_target
from noodpost.reports.noodlijst import Noodlijst

RESOLUTION = 600
PAGE_W = 210.0
PAGE_H = 297.0
MARGIN = 12.0
CONTENT_W = PAGE_W - 2 * MARGIN
TOP = MARGIN + 9.0  # below the running header
BOTTOM = PAGE_H - MARGIN - 8.0  # above the footer
CONFIDENTIAL = "VERTROUWELIJK"
TRAINING_MARK = "OEFENING"
TABLE_PT = 8.5

_SANS = ["DejaVu Sans", "Segoe UI", "Arial", "Helvetica"]
_MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Courier New"]
_BLACK = QColor(0, 0, 0)
_FILL = QColor(225, 225, 225)
_WHITE = QColor(255, 255, 255)

Align = Qt.AlignmentFlag


@dataclass(frozen=True)
class Col:
    header: str
    width: float  # mm
    align: Qt.AlignmentFlag = Align.AlignLeft
    mono: bool = False
    bold: bool = False


class _Flow:
    """A cursor ``y`` in mm down A4 pages. With ``painter`` None it only lays out (counts
    pages); with a painter it draws, numbering pages ``n van total``."""

    def __init__(
        self, writer: QPdfWriter, painter: QPainter | None, lijst: Noodlijst, total: int
    ) -> None:
        self.writer = writer
        self.painter = painter
        self.lijst = lijst
        self.total = total
        self.unit = writer.resolution() / 25.4
        self.page = 1
        self.y = TOP
        self._fonts: dict[tuple[float, bool, bool], tuple[QFont, QFontMetricsF]] = {}

    # ---------------------------------------------------------------- units and text

    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        u = self.unit
        return QRectF(x * u, y * u, w * u, h * u)

    def font(self, size_pt: float, bold: bool = False, mono: bool = False) -> QFont:
        return self._font(size_pt, bold, mono)[0]

    def metrics(self, size_pt: float, bold: bool = False, mono: bool = False) -> QFontMetricsF:
        return self._font(size_pt, bold, mono)[1]

    def _font(self, size_pt: float, bold: bool, mono: bool) -> tuple[QFont, QFontMetricsF]:
        key = (size_pt, bold, mono)
        if key not in self._fonts:
            font = QFont()
            font.setFamilies(_MONO if mono else _SANS)
            hint = QFont.StyleHint.TypeWriter if mono else QFont.StyleHint.SansSerif
            font.setStyleHint(hint)
            font.setPointSizeF(size_pt)
            font.setBold(bold)
            self._fonts[key] = (font, QFontMetricsF(font, self.writer))
        return self._fonts[key]

    def step(self, size_pt: float, bold: bool = False, mono: bool = False) -> float:
        return self.metrics(size_pt, bold, mono).lineSpacing() / self.unit

    def lines(self, text: str, width: float, size_pt: float, bold: bool, mono: bool) -> list[str]:
        """``text`` broken into lines no wider than ``width`` mm (a long word is elided)."""
        metrics = self.metrics(size_pt, bold, mono)
        limit = width * self.unit
        out: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in paragraph.split():
                trial = f"{current} {word}" if current else word
                if current and metrics.horizontalAdvance(trial) > limit:
                    out.append(current)
                    current = word
                else:
                    current = trial
            out.append(current)
        return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, limit) for line in out]

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
        color: QColor = _BLACK,
        align: Qt.AlignmentFlag = Align.AlignLeft,
    ) -> None:
        if self.painter is None:
            return
        font, metrics = self._font(size_pt, bold, mono)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, w * self.unit)
        self.painter.setFont(font)
        self.painter.setPen(color)
        box = self.r(x, y, w, metrics.lineSpacing() / self.unit)
        self.painter.drawText(box, int(align | Align.AlignTop), shown)

    def fill(self, x: float, y: float, w: float, h: float, color: QColor) -> None:
        if self.painter is not None:
            self.painter.fillRect(self.r(x, y, w, h), color)

    def rule(self, y: float, width_mm: float = 0.15) -> None:
        if self.painter is None:
            return
        pen = QPen(_BLACK)
        pen.setWidthF(width_mm * self.unit)
        self.painter.setPen(pen)
        line = self.r(MARGIN, y, CONTENT_W, 0)
        self.painter.drawLine(line.topLeft(), line.topRight())

    def box(self, x: float, y: float, w: float, h: float, width_mm: float = 0.3) -> None:
        if self.painter is None:
            return
        pen = QPen(_BLACK)
        pen.setWidthF(width_mm * self.unit)
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(self.r(x, y, w, h))

    # ---------------------------------------------------------------- pages

    def room(self, height: float) -> bool:
        """Make room for ``height`` mm; True when that took a new page."""
        if self.y + height <= BOTTOM:
            return False
        self.finish_page()
        if self.painter is not None and not self.writer.newPage():
            raise UserError(no_new_page_message())
        self.page += 1
        self.y = TOP
        return True

    def finish_page(self) -> None:
        """The running header and the footer of the current page."""
        lijst = self.lijst
        mark = f"{TRAINING_MARK} · " if lijst.training else ""
        head = (
            f"{mark}Noodlijst {lijst.post_name} ({lijst.post_code}) · stand {lijst.generated_text}"
        )
        self.text(MARGIN, MARGIN, CONTENT_W - 40, head, 8.5, bold=True)
        self.fill(PAGE_W - MARGIN - 38, MARGIN - 0.8, 38, 5.6, _BLACK)
        self.text(
            PAGE_W - MARGIN - 38,
            MARGIN - 0.2,
            38,
            CONFIDENTIAL,
            9.5,
            bold=True,
            color=_WHITE,
            align=Align.AlignHCenter,
        )
        self.rule(MARGIN + 6.0, 0.3)
        y = PAGE_H - MARGIN - 4.5
        self.rule(y - 1.2, 0.2)
        self.text(
            MARGIN,
            y,
            CONTENT_W - 30,
            f"{CONFIDENTIAL} — bevat gezondheidsgegevens. Bewaar bij de balie en vernietig na "
            "gebruik.",
            7.5,
        )
        self.text(
            MARGIN,
            y,
            CONTENT_W,
            f"pagina {self.page} van {self.total}",
            7.5,
            align=Align.AlignRight,
        )

    # ---------------------------------------------------------------- blocks

    def heading(self, text: str, first_row: float) -> None:
        size = 12.0
        self.room(self.step(size, True) + 3 + first_row)  # never a heading alone
        self.y += 2.5
        self.text(MARGIN, self.y, CONTENT_W, text, size, bold=True)
        self.y += self.step(size, True) + 0.3
        self.rule(self.y, 0.35)
        self.y += 1.0

    def note(self, text: str, size: float = 8.5) -> None:
        step = self.step(size)
        for line in self.lines(text, CONTENT_W, size, False, False):
            self.room(step)
            self.text(MARGIN, self.y, CONTENT_W, line, size)
            self.y += step

    def table(self, cols: Sequence[Col], rows: Sequence[Sequence[str]]) -> None:
        """Rows of wrapped cells; the header again on every new page."""
        size = TABLE_PT
        pad = 0.6
        head_h = self.step(size, True) + 2 * pad

        def header() -> None:
            self.fill(MARGIN, self.y, CONTENT_W, head_h, _FILL)
            x = MARGIN
            for col in cols:
                self.text(
                    x + 1, self.y + pad, col.width - 2, col.header, size, bold=True, align=col.align
                )
                x += col.width
            self.y += head_h

        if not rows:
            self.note("Geen.")
            return
        header()
        for row in rows:
            cells = [
                self.lines(value, col.width - 2, size, col.bold, col.mono)
                for col, value in zip(cols, row, strict=True)
            ]
            step = self.step(size)
            height = max(len(c) for c in cells) * step + 2 * pad
            if self.room(height):
                header()
            x = MARGIN
            for col, lines in zip(cols, cells, strict=True):
                for number, line in enumerate(lines):
                    self.text(
                        x + 1,
                        self.y + pad + number * step,
                        col.width - 2,
                        line,
                        size,
                        bold=col.bold,
                        mono=col.mono,
                        align=col.align,
                    )
                x += col.width
            self.y += height
            self.rule(self.y)


# ---------------------------------------------------------------- the list


def _persons(count: int) -> str:
    return "1 persoon" if count == 1 else f"{count} personen"


def _households(count: int, what: str = "") -> str:
    return f"1 {what}huishouden" if count == 1 else f"{count} {what}huishoudens"


def _title(flow: _Flow) -> None:
    lijst = flow.lijst
    if lijst.training:
        flow.fill(MARGIN, flow.y, CONTENT_W, 8, _BLACK)
        flow.text(
            MARGIN,
            flow.y + 1,
            CONTENT_W,
            f"{TRAINING_MARK} — oefenmodus, geen echte gegevens",
            12,
            bold=True,
            color=_WHITE,
            align=Align.AlignHCenter,
        )
        flow.y += 10
    flow.text(MARGIN, flow.y, CONTENT_W, "NOODLIJST", 20, bold=True)
    flow.y += flow.step(20, True)
    flow.text(MARGIN, flow.y, CONTENT_W, f"{lijst.post_name} ({lijst.post_code})", 13, bold=True)
    flow.y += flow.step(13, True)
    flow.note(
        f"Stand op {lijst.generated_text}. Voor als de laptop geen stroom meer heeft: houd vanaf "
        "nu alles bij op papier en voer het later in."
    )
    flow.y += 1.5
    capacity = f" (capaciteit {lijst.capacity})" if lijst.capacity else ""
    waiting = len(lijst.radio_lines)
    figures = [
        f"Aanwezig: {_persons(lijst.present_persons)} in "
        f"{_households(lijst.present_households)}{capacity}",
        f"Open hulpvragen: {len(lijst.needs)}",
        f"Open noodmeldingen: {len(lijst.alarms)}, waarvan {waiting} niet bevestigd door de C-NSP",
    ]
    height = len(figures) * flow.step(10.5, True) + 3
    flow.box(MARGIN, flow.y, CONTENT_W, height, 0.4)
    flow.y += 1.5
    for line in figures:
        flow.text(MARGIN + 2, flow.y, CONTENT_W - 4, line, 10.5, bold=True)
        flow.y += flow.step(10.5, True)
    flow.y += 1.5


def _radio(flow: _Flow) -> None:
    lines = flow.lijst.radio_lines
    flow.heading("Noodmeldingen om over de radio door te geven", flow.step(11, True, True) + 3)
    if not lines:
        flow.note("Geen: er wacht geen noodmelding op bevestiging door de C-NSP.")
        return
    flow.note("Nog niet bevestigd door de C-NSP. Lees elke regel letterlijk voor.")
    size = 11.0
    step = flow.step(size, True, True)
    for line in lines:
        wrapped = flow.lines(line, CONTENT_W - 4, size, True, True)
        height = len(wrapped) * step + 2.4
        flow.room(height + 1)
        flow.box(MARGIN, flow.y, CONTENT_W, height, 0.4)
        for number, part in enumerate(wrapped):
            flow.text(MARGIN + 2, flow.y + 1.2 + number * step, CONTENT_W - 4, part, size,
                      bold=True, mono=True)  # fmt: skip
        flow.y += height + 1


def _present(flow: _Flow) -> None:
    lijst = flow.lijst
    cols = [
        Col("Kaartcode", 25, mono=True, bold=True),
        Col("Pers.", 11, Align.AlignRight),
        Col("Sinds", 12),
        Col("Aandacht", 38),
        Col("Mag vandaag nog", 57),
        Col("Open hulpvragen", CONTENT_W - 143),
    ]
    flow.heading(
        f"Aanwezig: {_households(lijst.present_households)}, {_persons(lijst.present_persons)}",
        3 * flow.step(TABLE_PT) + 4,
    )
    flow.note(
        "Op kaartcode. Aandacht: alleen kenmerken waarvoor de bewoner toestemming gaf. "
        "Mag vandaag nog: alleen artikelen waarvan het huishouden vandaag al iets "
        "kreeg of die nog niet weer mogen; een artikel dat er niet staat, mag het volle "
        "dagrantsoen (zie Rantsoenen en voorraad)."
    )
    flow.y += 1
    rows = [
        [
            h.pretty_code,
            str(h.persons),
            h.since,
            "\n".join(h.flags),
            "\n".join(h.still_today) or "volle dagrantsoen",
            "\n".join(h.needs),
        ]
        for h in lijst.households
    ]
    flow.table(cols, rows)


def _needs(flow: _Flow) -> None:
    cols = [
        Col("Kaart", 22, mono=True),
        Col("Categorie", 36),
        Col("Urgentie", 17),
        Col("Status", 24),
        Col("Sinds", 21),
        Col("Notitie", CONTENT_W - 120),
    ]
    flow.heading("Open hulpvragen", 2 * flow.step(TABLE_PT) + 4)
    rows = [[n.card, n.category, n.urgency, n.status, n.since, n.note] for n in flow.lijst.needs]
    flow.table(cols, rows)


def _alarms(flow: _Flow) -> None:
    cols = [
        Col("Gemeld", 22),
        Col("Soort", 24),
        Col("Urgentie", 18),
        Col("Status", 24),
        Col("Plek", CONTENT_W - 88),
    ]
    flow.heading("Open noodmeldingen", 2 * flow.step(TABLE_PT) + 4)
    rows = [[a.raised, a.type, a.urgency, a.status, a.location] for a in flow.lijst.alarms]
    flow.table(cols, rows)


def _items(flow: _Flow) -> None:
    cols = [
        Col("Artikel", 48),
        Col("Rantsoen", 86),
        Col("Voorraad", 28, Align.AlignRight),
        Col("", CONTENT_W - 162),
    ]
    flow.heading("Rantsoenen en voorraad", 2 * flow.step(TABLE_PT) + 4)
    rows = [[i.name, i.ration, i.stock, "KORT" if i.short else ""] for i in flow.lijst.items]
    flow.table(cols, rows)


def _draw(flow: _Flow) -> None:
    _title(flow)
    _radio(flow)
    _present(flow)
    _needs(flow)
    _alarms(flow)
    _items(flow)
    flow.finish_page()


def render_noodlijst_pdf(lijst: Noodlijst) -> bytes:
    """The list as PDF bytes (A4 portrait, as many pages as it takes)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(f"Noodlijst {lijst.post_name} ({lijst.post_code}) — {CONFIDENTIAL}")
    writer.setCreator("Noodpost")
    layout = _Flow(writer, None, lijst, 0)
    _draw(layout)  # lay out only: how many pages
    painter = QPainter()
    if not painter.begin(writer) or not painter.isActive():
        raise UserError(cannot_draw_message())
    try:
        _draw(_Flow(writer, painter, lijst, layout.page))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def save_noodlijst_pdf(lijst: Noodlijst, pdf: Path) -> None:
    """Write the list to ``pdf`` atomically.

    Raises:
        UserError: the file cannot be written (missing folder, no permission, disk full).
    """
    with pdf_target(pdf) as target:
        target.write(render_noodlijst_pdf(lijst))


def summary_line(lijst: Noodlijst, pdf: Path) -> str:
    """The Dutch line after writing: how many households and persons, and where."""
    mark = " (OEFENING)" if lijst.training else ""
    present = _households(lijst.present_households, "aanwezige ")
    return (
        f"Noodlijst {lijst.post_name} ({lijst.post_code}){mark} met {present} "
        f"({_persons(lijst.present_persons)}) geschreven naar {pdf}. Vertrouwelijk: bewaar hem "
        "bij de balie."
    )
