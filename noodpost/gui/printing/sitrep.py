"""The situation report as an A4 PDF: key figures, bottlenecks, a chart, needs, stock, alarms.

The numbers come from :class:`noodpost.reports.sitrep.Sitrep` (a pure read model); this
module only draws them with QPainter on a QPdfWriter, in millimetres, flowing over at most two
pages (long tables are cut off with a line that says how many rows were left out). A report
of a training node says OEFENING on every page. Files are written atomically through
:func:`noodpost.gui.printing.pdf.pdf_target`.
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
from noodpost.gui.printing.pdf import (
    cannot_draw_message,
    no_new_page_message,
    pdf_target,
)
from noodpost.gui.printing.sitrep_fuel import fuel_table
from noodpost.reports.sitrep import PostReport, Sitrep
from noodpost.services.status import count_label

RESOLUTION = 600
PAGE_W = 210.0
PAGE_H = 297.0
MARGIN = 14.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER = 10.0
MAX_PAGES = 2
TRAINING_MARK = "OEFENING"

_SANS = ["DejaVu Sans", "Segoe UI", "Arial", "Helvetica"]
_BLACK = QColor(0, 0, 0)
_GREY = QColor(90, 90, 90)
_LIGHT = QColor(232, 232, 232)
_RULE = QColor(180, 180, 180)
_RED = QColor(180, 0, 0)
_BAR = QColor(40, 90, 160)
_WHITE = QColor(255, 255, 255)

#: Rows a table shows at most; the rest is summed up in one line.
MAX_ROWS = {"posts": 22, "needs": 12, "stock": 18, "alarms": 10, "bottlenecks": 10}


@dataclass(frozen=True)
class _Col:
    header: str
    width: float  # mm
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


class _Pages:
    """A painter on the PDF writer with a cursor ``y`` in mm that flows onto a new page."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, report: Sitrep) -> None:
        self.writer = writer
        self.painter = painter
        self.report = report
        self.unit = writer.resolution() / 25.4
        self.page = 1
        self.y = MARGIN
        self.full = False  # the last page is full: nothing more is drawn

    # ---------------------------------------------------------------- units and text

    def r(self, x: float, y: float, w: float, h: float) -> QRectF:
        u = self.unit
        return QRectF(x * u, y * u, w * u, h * u)

    def font(self, size_pt: float, *, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(_SANS)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        return font

    def line_height(self, size_pt: float) -> float:
        metrics = QFontMetricsF(self.font(size_pt), self.writer)
        return metrics.lineSpacing() / self.unit

    def text(
        self,
        x: float,
        y: float,
        w: float,
        text: str,
        size_pt: float,
        *,
        bold: bool = False,
        color: QColor = _BLACK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        font = self.font(size_pt, bold=bold)
        metrics = QFontMetricsF(font, self.writer)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, w * self.unit)
        self.painter.setFont(font)
        self.painter.setPen(color)
        box = self.r(x, y, w, metrics.lineSpacing() / self.unit)
        self.painter.drawText(box, int(align | Qt.AlignmentFlag.AlignTop), shown)

    def wrapped(self, x: float, w: float, text: str, size_pt: float, **kw: object) -> None:
        """Draw ``text`` wrapped to ``w`` mm at the cursor, moving the cursor down."""
        metrics = QFontMetricsF(self.font(size_pt), self.writer)
        lines: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(trial) > w * self.unit:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
        step = self.line_height(size_pt)
        for line in lines:
            if not self.room(step):
                return
            self.text(x, self.y, w, line, size_pt, **kw)  # type: ignore[arg-type]
            self.y += step

    def pen(self, width_mm: float, color: QColor) -> QPen:
        pen = QPen(color)
        pen.setWidthF(width_mm * self.unit)
        return pen

    # ---------------------------------------------------------------- pages

    def room(self, height: float) -> bool:
        """Make room for ``height`` mm: a new page when needed; False when out of pages."""
        if self.full:
            return False
        if self.y + height <= PAGE_H - MARGIN - FOOTER:
            return True
        if self.page >= MAX_PAGES:
            self.full = True
            return False
        self.footer()
        if not self.writer.newPage():
            raise UserError(no_new_page_message())
        self.page += 1
        self.y = MARGIN
        self.banner()
        return True

    def banner(self) -> None:
        """OEFENING across the top of every page of a training node."""
        if not self.report.training:
            return
        self.painter.fillRect(self.r(MARGIN, self.y, CONTENT_W, 9), _RED)
        self.text(
            MARGIN,
            self.y + 1.2,
            CONTENT_W,
            f"{TRAINING_MARK} — oefenmodus, geen echte gegevens",
            13,
            bold=True,
            color=_WHITE,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        self.y += 12

    def footer(self) -> None:
        report = self.report
        y = PAGE_H - MARGIN - 5
        self.painter.setPen(self.pen(0.2, _RULE))
        self.painter.drawLine(
            self.r(MARGIN, y - 1.5, CONTENT_W, 0).topLeft(),
            self.r(MARGIN, y - 1.5, CONTENT_W, 0).topRight(),
        )
        mark = f"{TRAINING_MARK} · " if report.training else ""
        left = f"{mark}Noodpost · {report.node_name} ({report.node_code}) · {report.generated_text}"
        self.text(MARGIN, y, CONTENT_W - 30, left, 8, color=_GREY)
        self.text(
            MARGIN,
            y,
            CONTENT_W,
            f"pagina {self.page}",
            8,
            color=_GREY,
            align=Qt.AlignmentFlag.AlignRight,
        )

    # ---------------------------------------------------------------- blocks

    def heading(self, text: str) -> bool:
        if not self.room(9 + 12):  # a heading never ends a page alone
            return False
        self.y += 3
        self.text(MARGIN, self.y, CONTENT_W, text, 13, bold=True)
        self.y += self.line_height(13) + 0.5
        self.painter.setPen(self.pen(0.35, _BLACK))
        left = self.r(MARGIN, self.y, CONTENT_W, 0)
        self.painter.drawLine(left.topLeft(), left.topRight())
        self.y += 1.5
        return True

    def tiles(self, figures: Sequence[tuple[str, str, str]]) -> None:
        """Key figures as boxes, four to a row: a label, a large value, a small line."""
        per_row = 4
        gap = 3.0
        w = (CONTENT_W - gap * (per_row - 1)) / per_row
        h = 20.0
        for start in range(0, len(figures), per_row):
            if not self.room(h + gap):
                return
            for index, (caption, value, sub) in enumerate(figures[start : start + per_row]):
                x = MARGIN + index * (w + gap)
                self.painter.fillRect(self.r(x, self.y, w, h), _LIGHT)
                self.text(x + 2.5, self.y + 1.8, w - 5, caption, 8.5, color=_GREY)
                self.text(x + 2.5, self.y + 6.3, w - 5, value, 16, bold=True)
                if sub:
                    self.text(x + 2.5, self.y + 14.2, w - 5, sub, 8.5, color=_GREY)
            self.y += h + gap

    def table(self, cols: Sequence[_Col], rows: Sequence[Sequence[str]], limit: int) -> None:
        size = 9.5
        step = self.line_height(size) + 1.2
        header_done = False

        def header() -> None:
            self.painter.fillRect(self.r(MARGIN, self.y, CONTENT_W, step), _LIGHT)
            x = MARGIN
            for col in cols:
                self.text(
                    x + 1, self.y + 0.6, col.width - 2, col.header, size, bold=True, align=col.align
                )
                x += col.width
            self.y += step

        shown = list(rows[:limit])
        for number, row in enumerate(shown):
            page = self.page
            if not self.room(step * (1 if header_done else 2)):
                self.note(f"… en nog {len(rows) - number} regels (zie de CSV-export).")
                return
            if not header_done or self.page != page:
                header()
                header_done = True
            x = MARGIN
            for col, value in zip(cols, row, strict=True):
                self.text(x + 1, self.y + 0.6, col.width - 2, value, size, align=col.align)
                x += col.width
            self.painter.setPen(self.pen(0.15, _RULE))
            line = self.r(MARGIN, self.y + step, CONTENT_W, 0)
            self.painter.drawLine(line.topLeft(), line.topRight())
            self.y += step
        if len(rows) > limit:
            self.note(f"… en nog {len(rows) - limit} regels (zie de CSV-export).")
        if not rows:
            self.note("Geen.")

    def note(self, text: str, *, color: QColor = _GREY) -> None:
        if self.room(self.line_height(9.5)):
            self.wrapped(MARGIN, CONTENT_W, text, 9.5, color=color)

    def chart(self, hours: Sequence[int], title: str) -> None:
        """A bar chart of ``hours`` (24 values, 0–23 h), with hour labels and counts."""
        h = 46.0
        if not self.room(h + 4):
            return
        top = self.y
        self.text(MARGIN, top, CONTENT_W, title, 9.5, color=_GREY)
        axis_left = MARGIN + 8
        axis_w = CONTENT_W - 8
        plot_top = top + 7
        plot_h = h - 16
        base = plot_top + plot_h
        peak = max(max(hours, default=0), 1)
        scale = _nice_step(peak)
        top_value = -(-peak // scale) * scale
        self.painter.setPen(self.pen(0.15, _RULE))
        for value in range(0, top_value + 1, scale):
            y = base - plot_h * value / top_value
            self.painter.drawLine(
                self.r(axis_left, y, axis_w, 0).topLeft(),
                self.r(axis_left, y, axis_w, 0).topRight(),
            )
            self.text(
                MARGIN, y - 1.8, 7, str(value), 7.5, color=_GREY, align=Qt.AlignmentFlag.AlignRight
            )
        slot = axis_w / 24
        for hour, count in enumerate(hours):
            x = axis_left + hour * slot
            if count:
                bar_h = plot_h * count / top_value
                self.painter.fillRect(
                    self.r(x + slot * 0.15, base - bar_h, slot * 0.7, bar_h), _BAR
                )
                self.text(
                    x,
                    base - bar_h - 4,
                    slot,
                    str(count),
                    7,
                    color=_BLACK,
                    align=Qt.AlignmentFlag.AlignHCenter,
                )
            if hour % 2 == 0:
                self.text(x, base + 1, slot * 2, f"{hour:02d}", 7.5, color=_GREY)
        self.painter.setPen(self.pen(0.3, _BLACK))
        self.painter.drawLine(
            self.r(axis_left, base, axis_w, 0).topLeft(),
            self.r(axis_left, base, axis_w, 0).topRight(),
        )
        self.text(
            axis_left,
            base + 4.5,
            axis_w,
            "uur van de dag (Nederlandse tijd)",
            7.5,
            color=_GREY,
            align=Qt.AlignmentFlag.AlignRight,
        )
        self.y = top + h + 2


# ---------------------------------------------------------------- the report


def _nice_step(peak: int) -> int:
    """A round gridline step (1, 2, 5, 10, 20, 50 …) giving at most five lines up to ``peak``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if peak <= 5 * step * factor:
                return step * factor
        step *= 10


def _figures(total: PostReport, report: Sitrep) -> list[tuple[str, str, str]]:
    present = str(total.present)
    occupancy = "capaciteit onbekend"
    if total.capacity:
        present = f"{total.present} / {total.capacity}"
        occupancy = f"{round(100 * total.present / total.capacity)} % van de capaciteit"
    status = ("Status", total.status_text, "")
    if report.region:
        open_posts = sum(1 for p in report.posts if p.is_open)
        status = ("Posten open", f"{open_posts} van {len(report.posts)}", "")
    urgent = sum(n.urgent for n in total.needs)
    unacknowledged = sum(1 for a in total.alarms if a.open and not a.acknowledged)
    return [
        status,
        ("Aanwezig / capaciteit", present, occupancy),
        ("Bezoeken vandaag", str(total.visits_today), f"{total.persons_today} personen"),
        ("Bezoeken totaal", str(total.visits_total), ""),
        ("Huishoudens", str(total.households), "ingeschreven"),
        ("Open hulpvragen", str(total.open_needs), f"{urgent} spoed of hoog"),
        ("Open noodmeldingen", str(total.open_alarms), f"{unacknowledged} niet bevestigd"),
        ("Vrijwilligers in dienst", str(total.on_duty), ""),
        ("Van papier ingevoerd", str(total.from_paper), "inschrijvingen, bezoeken, uitgiften"),
    ]


def draw_report(pages: _Pages) -> None:
    report = pages.report
    total = report.total
    pages.banner()
    pages.text(MARGIN, pages.y, CONTENT_W, "SITUATIERAPPORT (SITREP)", 10, bold=True, color=_GREY)
    pages.y += pages.line_height(10)
    pages.wrapped(MARGIN, CONTENT_W, report.title.removeprefix("Situatierapport "), 19, bold=True)
    pages.text(
        MARGIN,
        pages.y,
        CONTENT_W,
        f"Stand op {report.generated_text} · opgemaakt door {report.node_name} "
        f"({report.node_code})",
        10,
        color=_GREY,
    )
    pages.y += pages.line_height(10) + 3
    pages.tiles(_figures(total, report))

    if pages.heading("Knelpunten"):
        lines = list(total.bottlenecks)
        if not lines:
            pages.note("Geen knelpunten gevonden.")
        for line in lines[: MAX_ROWS["bottlenecks"]]:
            if not pages.room(pages.line_height(10.5)):
                break
            pages.text(MARGIN, pages.y, 22, "KNELPUNT", 9, bold=True, color=_RED)
            pages.wrapped(MARGIN + 22, CONTENT_W - 22, line, 10.5)
        if len(lines) > MAX_ROWS["bottlenecks"]:
            pages.note(f"… en nog {len(lines) - MAX_ROWS['bottlenecks']} knelpunten.")

    if pages.heading("Bezoekers per uur vandaag"):
        pages.chart(total.visitors_per_hour, "Aanmeldingen (huishoudens) per uur")

    if report.region and pages.heading("Posten"):
        cols = [
            _Col("Post", 20),
            _Col("Naam", 50),
            _Col("Status", 18),
            _Col("Aanwezig", 26, Qt.AlignmentFlag.AlignRight),
            _Col("Vandaag", 20, Qt.AlignmentFlag.AlignRight),
            _Col("Hulpvr.", 16, Qt.AlignmentFlag.AlignRight),
            _Col("Meld.", 14, Qt.AlignmentFlag.AlignRight),
            _Col("Knelp.", CONTENT_W - 164, Qt.AlignmentFlag.AlignRight),
        ]
        rows = [
            [
                p.code,
                p.name,
                p.status_text,
                f"{p.present} / {p.capacity}" if p.capacity else str(p.present),
                str(p.visits_today),
                str(p.open_needs),
                str(p.open_alarms),
                str(len(p.bottlenecks)),
            ]
            for p in report.posts
        ]
        pages.table(cols, rows, MAX_ROWS["posts"])

    if pages.heading("Noodmeldingen (open, en van de laatste 24 uur)"):
        cols = [
            _Col("Gemeld", 24),
            _Col("Post", 20),
            _Col("Soort", 24),
            _Col("Urgentie", 20),
            _Col("Status", 24),
            _Col("Plek", CONTENT_W - 112),
        ]
        rows = [
            [a.raised, a.post_code, a.type_label, a.urgency_label, a.status_label, a.location]
            for a in total.alarms
        ]
        pages.table(cols, rows, MAX_ROWS["alarms"])

    stock_title = "Voorraad die bijna op is" if report.region else "Voorraad"
    if pages.heading(f"{stock_title} (verbruik over de laatste 24 uur)"):
        region = report.region
        cols = [
            _Col("Artikel", 46 if region else 64),
            _Col("Voorraad", 28, Qt.AlignmentFlag.AlignRight),
            _Col("Verbruik 24 u", 30, Qt.AlignmentFlag.AlignRight),
            _Col("Genoeg voor", 30, Qt.AlignmentFlag.AlignRight),
            _Col("", CONTENT_W - 152, Qt.AlignmentFlag.AlignRight),
        ]
        if region:
            cols.insert(0, _Col("Post", 18))
        rows = []
        for s in total.stock:
            remark = "TEKORT" if s.short else ("onder minimum" if s.below_minimum else "")
            row = [s.name, s.quantity_text, s.used_text, s.hours_text, remark]
            rows.append([s.post_code, *row] if region else row)
        pages.table(cols, rows, MAX_ROWS["stock"])

    _fuel_table(pages)

    if pages.heading("Open hulpvragen per categorie"):
        cols = [
            _Col("Categorie", 100),
            _Col("Open", 24, Qt.AlignmentFlag.AlignRight),
            _Col("waarvan spoed of hoog", CONTENT_W - 124, Qt.AlignmentFlag.AlignRight),
        ]
        rows = [[n.category_label, str(n.count), str(n.urgent)] for n in total.needs]
        pages.table(cols, rows, MAX_ROWS["needs"])

    if pages.heading("Stand van de database (zoals 'noodpost status')"):
        parts = [
            f"{'Wijzigingen' if key == 'events' else count_label(key)}: {value}"
            for key, value in report.status_counts
        ]
        pages.note(" · ".join(parts), color=_BLACK)
    pages.footer()


def _fuel_table(pages: _Pages) -> None:
    """The generators of the posts that keep a log (:mod:`~noodpost.gui.printing.sitrep_fuel`)."""
    columns, rows = fuel_table(pages.report, CONTENT_W)
    if rows and pages.heading("Aggregaat en brandstof"):
        pages.table([_Col(*column) for column in columns], rows, MAX_ROWS["posts"])


def render_sitrep_pdf(report: Sitrep) -> bytes:
    """The report as PDF bytes (A4, one or two pages)."""
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
    writer.setTitle(report.title)
    writer.setCreator("Noodpost")
    painter = QPainter()
    if not painter.begin(writer) or not painter.isActive():
        raise UserError(cannot_draw_message())
    try:
        draw_report(_Pages(writer, painter, report))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def save_sitrep_pdf(report: Sitrep, pdf: Path) -> None:
    """Write the report to ``pdf`` atomically.

    Raises:
        UserError: the file cannot be written.
    """
    with pdf_target(pdf) as target:
        target.write(render_sitrep_pdf(report))


def summary_line(report: Sitrep, pdf: Path) -> str:
    mark = " (OEFENING)" if report.training else ""
    what = "regio" if report.region else f"{report.posts[0].name} ({report.posts[0].code})"
    return f"Situatierapport {what}{mark} geschreven naar {pdf}."
