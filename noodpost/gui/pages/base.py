"""What every page of the main window has in common."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from noodpost.gui.context import AppContext


class Page(QWidget):
    """A screen in the main window's navigation.

    Subclasses set ``watches`` (entity names whose changes make the page stale) and implement
    :meth:`load` (the service reads, on the runner's reader thread: no widget is touched there)
    and :meth:`show_loaded` (the widgets, on the GUI thread, from what :meth:`load` returned);
    :meth:`refresh` runs the one and then the other. The main window calls
    :meth:`on_entities_changed` after every committed write anywhere; a page that is not
    visible only notes that it is stale and refreshes when it is shown again, so a busy desk
    does not redraw hidden screens.
    """

    #: Entity names (as in ``core.entities.SPECS``) this page shows.
    watches: frozenset[str] = frozenset()
    #: Read again whenever the page is shown, changed or not (what it shows depends on more
    #: than the data: who is signed in).
    read_on_every_show = False

    def __init__(self, app: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.services = app.services
        self.runner = app.runner
        self.title = title
        self._stale = True
        self.layout_ = QVBoxLayout(self)
        self.heading = QLabel(title)
        self.heading.setObjectName("page_heading")
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Beside the heading, a page may put a short fact (the desk: who is present).
        self.heading_row = QHBoxLayout()
        self.heading_row.addWidget(self.heading)
        self.heading_row.addStretch(1)
        self.layout_.addLayout(self.heading_row)

    def refresh(self) -> None:
        """Reload what the page shows: :meth:`load` off the GUI thread, then
        :meth:`show_loaded` with its result. A refresh started while an earlier one is still
        reading supersedes it."""
        self.runner.read(self.load, self.show_loaded, key=self, owner=self)

    def load(self) -> Any:
        """Read what the page shows, from the services (on the reader thread)."""
        return None

    def show_loaded(self, loaded: Any) -> None:
        """Show what :meth:`load` read (on the GUI thread)."""

    def badge(self) -> str:
        """A short count for the navigation (``"37"``), or ``""``. Called on the reader
        thread: services only, no widget."""
        return ""

    def focus_default(self) -> None:
        """Give focus to the field a volunteer types into first on this page."""

    @Slot(object)
    def on_entities_changed(self, entities: frozenset[str]) -> None:
        if not self.watches or entities & self.watches:
            if self.isVisible():
                self.refresh()
                self._stale = False
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale or self.read_on_every_show:
            self.refresh()
            self._stale = False
        super().showEvent(event)
