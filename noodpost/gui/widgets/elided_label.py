"""A one-line label that, when it gets less room than its text needs, ends in "…" and shows
its whole text as a tooltip — instead of being cut off in the middle of a letter.

For the status line on a narrow screen (issue 18, item 13): the post's and the volunteer's
names give way there, so that the alarm count and the clock stay whole.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

#: How narrow it may become: a few letters and the "…".
MIN_CHARACTERS = 6


class ElidedLabel(QLabel):
    """``text()`` is the whole text; :meth:`shown_text` what fits (perhaps ending in "…")."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""
        self.setText(text)

    def text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._fit()
        self.updateGeometry()  # its size hint is the whole text's, even when "…" was shown

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(width + 2 * self.margin() + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        narrow = self.fontMetrics().averageCharWidth() * MIN_CHARACTERS
        return QSize(
            min(narrow, self.sizeHint().width()) + margins.left() + margins.right(), hint.height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != super().text():
            super().setText(shown)
