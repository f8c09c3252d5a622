"""The public info screen (*publieksscherm*): a second window for a TV in the hall.

Full screen, large type, no mouse or keyboard needed: it turns through a few pages by itself —
the post (open or closed, opening hours, what you can come for), each current bulletin of the
C-NSP (*Mededeling*), and what is in stock in words (*op voorraad*, *bijna op*, *niet meer
beschikbaar*), worded for the public (:mod:`noodpost.gui.public_words`). It shows nothing about
any person: it reads only :class:`~noodpost.services.public_info.PublicInfoService`.

Keys do nothing harmful: a TV in a hall may have a keyboard within reach of anyone, so Esc and
the arrow keys do not close or stop it. The screen is opened and closed from the main window's
menu (:class:`InfoScreenLauncher`); a training node shows OEFENING on every page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from noodpost.core.clock import parse_iso
from noodpost.core.localtime import local_time
from noodpost.gui.context import AppContext
from noodpost.gui.public_words import availability_text, public_service_text
from noodpost.services.public_info import WATCHES, Availability, PublicInfo, PublicInfoService

#: Seconds each page stays on the screen.
DEFAULT_SECONDS = 12
#: Stock lines on one page; more items go onto a next page.
STOCK_PER_PAGE = 6
MAX_BODY = 500

BODY_PT = 32
HEADING_PT = 52
SMALL_PT = 28

BACKGROUND = "#0b2545"
FOREGROUND = "#ffffff"
TRAINING_STYLE = "background: #ffb000; color: #000; font-weight: bold; padding: 8px;"
#: Colour always with a word (green in stock, amber running low, red out).
AVAILABILITY_STYLE = {
    Availability.IN_STOCK: "color: #8fe08f;",
    Availability.RUNNING_LOW: "color: #ffd166;",
    Availability.OUT: "color: #ff8a8a;",
}
OPEN_STYLE = "color: #8fe08f;"
CLOSED_STYLE = "color: #ff8a8a;"


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _label(text: str, points: int, *, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setFont(_font(points, bold=bold))
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


@dataclass(frozen=True)
class Slide:
    """One page of the rotation: what kind, and the texts a test can read."""

    kind: str  # "post", "bulletin", "stock"
    heading: str
    lines: tuple[str, ...]


class InfoScreen(QWidget):
    """The TV window. Call :meth:`advance` to turn the page (the timer does it by itself).

    Signals:
        closed(): the window was closed (by the launcher or the window manager).
    """

    closed = Signal()
    _changed = Signal(object)

    def __init__(
        self, app: AppContext, seconds: int = DEFAULT_SECONDS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.app = app
        self.setObjectName("info_screen")
        self.setWindowTitle(
            QCoreApplication.translate("InfoScreen", "Publieksscherm — {name}").format(
                name=app.node.name
            )
        )
        self.setCursor(Qt.CursorShape.BlankCursor)  # no mouse needed, none shown
        self.setStyleSheet(
            f"#info_screen {{ background: {BACKGROUND}; }} QLabel {{ color: {FOREGROUND}; }}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._service = PublicInfoService(app.services.ctx)
        self.slides: list[Slide] = []
        self.index = 0
        self.info: PublicInfo | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 20)
        outer.setSpacing(10)
        self.training = _label(
            QCoreApplication.translate(
                "InfoScreen", "OEFENING — dit is een oefening, geen echte situatie"
            ),
            SMALL_PT,
            name="info_training",
        )
        self.training.setStyleSheet(TRAINING_STYLE)
        self.training.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.training.setVisible(app.node.training)
        outer.addWidget(self.training)

        top = QHBoxLayout()
        self.post_name = _label(app.node.name, SMALL_PT, bold=True, name="info_post")
        self.clock = _label("", SMALL_PT, bold=True, name="info_clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.post_name, 1)
        top.addWidget(self.clock)
        outer.addLayout(top)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #ffffff;")
        outer.addWidget(line)

        self.heading = _label("", HEADING_PT, bold=True, name="info_heading")
        outer.addWidget(self.heading)
        self.body = QWidget()
        self.body.setObjectName("info_body")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 8, 0, 0)
        outer.addWidget(self.body, 1)
        self.footer = _label("", SMALL_PT, name="info_footer")
        outer.addWidget(self.footer)

        self.timer = QTimer(self)
        self.timer.setInterval(max(1, seconds) * 1000)
        self.timer.timeout.connect(self.advance)
        self._changed.connect(self.on_entities_changed)
        self.refresh()
        self.timer.start()

    # ---------------------------------------------------------------- data

    def notify_changed(self, entities: frozenset[str]) -> None:
        """Listener for :meth:`ServiceContext.subscribe`; safe to call from any thread."""
        self._changed.emit(entities)

    @Slot(object)
    def on_entities_changed(self, entities: frozenset[str]) -> None:
        if entities & WATCHES:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the public information again; stay on the same kind of page if it still exists."""
        current = self.slides[self.index] if self.slides else None
        self.info = self._service.snapshot()
        self.slides = self.build_slides(self.info)
        self.index = 0
        if current is not None:
            for i, slide in enumerate(self.slides):
                if (slide.kind, slide.heading) == (current.kind, current.heading):
                    self.index = i
                    break
        self._show()

    def build_slides(self, info: PublicInfo) -> list[Slide]:
        slides = [self._post_slide(info)]
        for bulletin in info.bulletins:
            body = " ".join((bulletin.body or "").split())
            if len(body) > MAX_BODY:
                body = body[: MAX_BODY - 1].rstrip() + "…"
            lines = [bulletin.title, body] if body else [bulletin.title]
            if bulletin.valid_until:
                until = local_time(parse_iso(bulletin.valid_until))
                lines.append(
                    QCoreApplication.translate("InfoScreen", "Geldig tot {when}").format(
                        when=until.strftime("%d-%m %H:%M")
                    )
                )
            slides.append(
                Slide(
                    "bulletin",
                    QCoreApplication.translate("InfoScreen", "Mededeling"),
                    tuple(lines),
                )
            )
        stock = list(info.stock)
        pages = [stock[i : i + STOCK_PER_PAGE] for i in range(0, len(stock), STOCK_PER_PAGE)]
        for number, page in enumerate(pages, start=1):
            heading = QCoreApplication.translate("InfoScreen", "Wat is er te krijgen")
            if len(pages) > 1:
                heading = f"{heading} ({number}/{len(pages)})"
            rows = tuple(f"{s.name}\t{availability_text(s.availability)}" for s in page)
            slides.append(Slide("stock", heading, rows))
        return slides

    def _post_slide(self, info: PublicInfo) -> Slide:
        lines = [
            QCoreApplication.translate("InfoScreen", "Nu open")
            if info.is_open
            else QCoreApplication.translate("InfoScreen", "Nu gesloten")
        ]
        if info.opening_hours:
            lines.append(
                QCoreApplication.translate("InfoScreen", "Openingstijden: {hours}").format(
                    hours=info.opening_hours
                )
            )
        if info.services:
            lines.append(QCoreApplication.translate("InfoScreen", "Hier kunt u terecht voor:"))
            codes = (*info.service_codes, *[""] * len(info.services))
            for code, service in zip(codes, info.services, strict=False):
                lines.append(f"•  {public_service_text(code) or service}")
        else:
            lines.append(
                QCoreApplication.translate(
                    "InfoScreen", "Vraag aan de balie waarmee wij u kunnen helpen."
                )
            )
        return Slide(
            "post",
            QCoreApplication.translate("InfoScreen", "Welkom bij {name}").format(
                name=info.post_name
            ),
            tuple(lines),
        )

    # ---------------------------------------------------------------- showing

    @Slot()
    def advance(self) -> None:
        """Turn to the next page (the timer calls this every few seconds)."""
        if self.slides:
            self.index = (self.index + 1) % len(self.slides)
        self._show()

    @property
    def current(self) -> Slide:
        return self.slides[self.index]

    def _show(self) -> None:
        now = local_time(self.app.services.ctx.clock.now())
        self.clock.setText(now.strftime("%H:%M"))
        slide = self.current
        self.heading.setText(slide.heading)
        self._clear_body()
        if slide.kind == "stock":
            self._show_stock(slide)
        elif slide.kind == "post":
            self._show_post(slide)
        else:
            title = _label(slide.lines[0], HEADING_PT - 8, bold=True, name="info_line")
            self.body_layout.addWidget(title)
            for text in slide.lines[1:]:
                self.body_layout.addWidget(_label(text, BODY_PT, name="info_line"))
        self.body_layout.addStretch(1)
        self.footer.setText(
            QCoreApplication.translate(
                "InfoScreen", "Pagina {n} van {total}  ·  Vragen? Loop even naar de balie."
            ).format(n=self.index + 1, total=len(self.slides))
        )

    def _show_post(self, slide: Slide) -> None:
        assert self.info is not None
        state = _label(slide.lines[0], HEADING_PT - 8, bold=True, name="info_line")
        state.setStyleSheet(OPEN_STYLE if self.info.is_open else CLOSED_STYLE)
        self.body_layout.addWidget(state)
        texts = [t for t in slide.lines[1:] if not t.startswith("•")]
        bullets = [t for t in slide.lines[1:] if t.startswith("•")]
        for text in texts:
            self.body_layout.addWidget(_label(text, BODY_PT, name="info_line"))
        columns = 2 if len(bullets) > 4 else 1  # many services: two columns, still large
        rows = -(-len(bullets) // columns)
        grid = QGridLayout()
        grid.setHorizontalSpacing(48)
        for number, text in enumerate(bullets):
            grid.addWidget(_label(text, BODY_PT, name="info_line"), number % rows, number // rows)
        holder = QWidget()
        holder.setLayout(grid)
        self.body_layout.addWidget(holder)

    def _show_stock(self, slide: Slide) -> None:
        assert self.info is not None
        grid = QGridLayout()
        grid.setHorizontalSpacing(48)
        grid.setVerticalSpacing(10)
        states = {s.name: s.availability for s in self.info.stock}
        for row, text in enumerate(slide.lines):
            name, words = text.split("\t", 1)
            item_name = _label(name, BODY_PT, name="info_stock_name")
            item_name.setWordWrap(False)
            grid.addWidget(item_name, row, 0)
            word = _label(words, BODY_PT, bold=True, name="info_stock_state")
            word.setStyleSheet(AVAILABILITY_STYLE[states.get(name, Availability.IN_STOCK)])
            grid.addWidget(word, row, 1)
        grid.setColumnMinimumWidth(0, self.width() // 3)
        grid.setColumnStretch(2, 1)  # name and word stay close: easy to read across
        holder = QWidget()
        holder.setLayout(grid)
        self.body_layout.addWidget(holder)

    def _clear_body(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted when Qt is idle
                widget.setParent(None)
                widget.deleteLater()

    def texts(self) -> list[str]:
        """Everything the current page shows, in reading order (for tests)."""
        return [self.heading.text(), *(line.replace("\t", " ") for line in self.current.lines)]

    # ---------------------------------------------------------------- the TV

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Every key is ignored: nobody in the hall closes or stops the screen by accident."""
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.closed.emit()
        super().closeEvent(event)


class InfoScreenLauncher(QObject):
    """The main window's menu action *Publieksscherm tonen*: opens and closes the TV window.

    Opens it on the second screen when there is one, full screen. The launcher listens to the
    services itself (once, for the life of the main window) and passes changes on to the
    screen while it is open.

    Attributes:
        action: a checkable action for the main window's menu.
        screen: the open info screen, else ``None``.
    """

    _changed = Signal(object)
    #: The screen just opened (its page timer can be slowed by *stroombesparing*).
    opened = Signal(object)

    def __init__(self, app: AppContext, window: QWidget, *, full_screen: bool = True) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.full_screen = full_screen
        self.screen: InfoScreen | None = None
        self.action = QAction(
            QCoreApplication.translate("InfoScreen", "&Publieksscherm tonen"), window
        )
        self.action.setObjectName("info_screen_action")
        self.action.setCheckable(True)
        self.action.toggled.connect(self.set_shown)
        self._changed.connect(self.on_entities_changed)
        app.services.ctx.subscribe(self._changed.emit)  # any thread; delivered on the GUI's

    @Slot(bool)
    def set_shown(self, shown: bool) -> None:
        if shown and self.screen is None:
            self.screen = InfoScreen(self.app)
            self.screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self.screen.closed.connect(self._closed)
            self.opened.emit(self.screen)
            self._place(self.screen)
        elif not shown and self.screen is not None:
            self.screen.close()
        if self.action.isChecked() != shown:
            self.action.setChecked(shown)

    @Slot(object)
    def on_entities_changed(self, entities: frozenset[str]) -> None:
        if self.screen is not None:
            self.screen.on_entities_changed(entities)

    def _place(self, screen: InfoScreen) -> None:
        own = self.window.screen()
        others = [s for s in QGuiApplication.screens() if s is not own]
        if others:
            screen.setGeometry(others[0].geometry())
        if self.full_screen:
            screen.showFullScreen()
        else:
            screen.show()

    @Slot()
    def _closed(self) -> None:
        self.screen = None
        self.action.setChecked(False)
