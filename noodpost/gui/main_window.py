"""The main window: a thin shell — navigation on the left, the pages, the status line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.settings import SettingsDialog
from noodpost.gui.dialogs.shortcuts import ShortcutsDialog
from noodpost.gui.pages.base import Page
from noodpost.gui.widgets.status_bar import StatusFacts, StatusLine, read_status
from noodpost.services.base import NodeInfo

TRAINING_MARK = "OEFENING"


def window_title(node: NodeInfo) -> str:
    """``Noodpost — <post name>``, with `` — OEFENING`` on a training node."""
    title = f"Noodpost — {node.name}"
    return f"{title} — {TRAINING_MARK}" if node.training else title


def navigation_width(nav: QListWidget, pages: Sequence[Page]) -> int:
    """As wide as the longest page title with its count ("Hulpvragen  123"), no wider: on a
    1280-pixel screen every pixel here is taken from the page (issue 18, item 13)."""
    metrics = nav.fontMetrics()
    widest = max(
        metrics.horizontalAdvance(
            page.title + ("  999" if type(page).badge is not Page.badge else "")
        )
        for page in pages
    )
    return widest + 2 * nav.frameWidth() + 2 * nav.spacing() + 16


class MainWindow(QMainWindow):
    """Navigation, pages and status line. Pages are built by the caller and passed in.

    Signals:
        entities_changed(frozenset[str]): entity names a committed write changed; delivered
            on the GUI thread whichever thread the write ran on.
        lock_requested(): the volunteer locks the screen on leaving the desk (Ctrl+L).
        backup_requested(): "Back-up maken" in the menu.
        restore_requested(): "Back-up terugzetten…" in the menu.
    """

    entities_changed = Signal(object)
    lock_requested = Signal()
    backup_requested = Signal()
    restore_requested = Signal()

    def __init__(
        self, app: AppContext, pages: Sequence[Page], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(window_title(app.node))
        self.resize(1366, 768)
        self.pages = list(pages)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        nav_font = self.nav.font()
        nav_font.setPointSize(nav_font.pointSize() + 2)
        self.nav.setFont(nav_font)
        self.nav.setFixedWidth(navigation_width(self.nav, self.pages))
        self.nav.setSpacing(2)
        self.nav.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.stack = QStackedWidget()
        for number, page in enumerate(self.pages, start=1):
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.title)
            if number <= 9:
                item.setToolTip(f"Ctrl+{number}")
            self.nav.addItem(item)
            self.stack.addWidget(page)
            self.entities_changed.connect(page.on_entities_changed)
            if number <= 9:
                QShortcut(
                    QKeySequence(f"Ctrl+{number}"), self, lambda i=number - 1: self.show_page(i)
                )
        self.nav.currentRowChanged.connect(self._switch)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menu()

        self.status_line = StatusLine(app)
        self.setStatusBar(self.status_line)
        self.entities_changed.connect(self._after_change)
        self.nav.setCurrentRow(0)
        self._after_change(frozenset())  # the navigation's counts from the start

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Noodpost"))
        lock = QAction(self.tr("Scherm vergrendelen"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_requested)
        menu.addAction(lock)
        settings = QAction(self.tr("Instellingen…"), self)
        settings.triggered.connect(self.open_settings)
        menu.addAction(settings)
        menu.addSeparator()
        backup = QAction(self.tr("Back-up maken"), self)
        backup.setObjectName("backup_action")
        backup.triggered.connect(self.backup_requested)
        menu.addAction(backup)
        restore = QAction(self.tr("Back-up terugzetten…"), self)
        restore.setObjectName("restore_action")
        restore.triggered.connect(self.restore_requested)
        menu.addAction(restore)
        #: Actions the composition root adds (the public info screen, the audit log …) go
        #: before "Afsluiten".
        self.menu = menu
        self._leave_separator = menu.addSeparator()
        leave = QAction(self.tr("Afsluiten"), self)
        leave.setShortcut(QKeySequence.StandardKey.Quit)
        leave.triggered.connect(self.close)
        menu.addAction(leave)
        help_menu = self.menuBar().addMenu(self.tr("&Hulp"))
        keys = QAction(self.tr("Sneltoetsen…"), self)
        keys.setObjectName("shortcuts_action")
        keys.setShortcut(QKeySequence("Ctrl+H"))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        self.addAction(keys)  # also while the menu bar is hidden or another widget has focus

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog([page.title for page in self.pages], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_menu_action(self, action: QAction) -> None:
        """Put an action the composition root made into the menu, above "Afsluiten"."""
        self.menu.insertAction(self._leave_separator, action)

    def page(self, title: str) -> Page:
        """The page with this title (``"Balie"``, ``"Aanwezig"`` …)."""
        return next(p for p in self.pages if p.title == title)

    def show_page(self, index_or_title: int | str) -> Page:
        index = (
            index_or_title
            if isinstance(index_or_title, int)
            else self.pages.index(self.page(index_or_title))
        )
        self.nav.setCurrentRow(index)
        return self.pages[index]

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.app, self)
        dialog.open()
        return dialog

    @Slot(int)
    def _switch(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        self.pages[index].focus_default()

    @Slot(object)
    def _after_change(self, _entities: frozenset[str]) -> None:
        """The status line and the navigation's counts, read together off the GUI thread."""
        self.app.runner.read(self._read_line, self._show_line, key=self, owner=self)

    def _read_line(self) -> tuple[StatusFacts, list[str]]:
        return read_status(self.app), [page.badge() for page in self.pages]

    def _show_line(self, read: tuple[StatusFacts, list[str]]) -> None:
        facts, badges = read
        self.status_line.show_facts(facts)
        for row, (page, badge) in enumerate(zip(self.pages, badges, strict=True)):
            self.nav.item(row).setText(f"{page.title}  {badge}" if badge else page.title)

    def notify_changed(self, entities: frozenset[str]) -> None:
        """Listener for :meth:`ServiceContext.subscribe`; safe to call from any thread."""
        self.entities_changed.emit(entities)
