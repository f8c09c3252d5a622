"""What a volunteer would call a broken screen, found by measuring (issue 18, item 13).

Importable as ``layout_check`` from tests in this folder. :func:`layout_problems` walks the
visible widgets of a window and lists, in words, every

* label whose text needs more room than it got (cut off at the edge, or a wrapping label
  squeezed so that its last lines fall off);
* button whose text touches or passes its edges (its text plus the style's margins);
* line edit whose placeholder is cut off, combo box whose current choice is cut off;
* table or tree column whose heading, or any cell of the rows shown, is elided — except the
  one column that takes the rest of the width (long free text may end in "…" there);
* two widgets side by side in one layout that overlap.

Only what is on screen counts: hidden widgets, pages not shown and parts scrolled out of view
are not checked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QTreeView,
    QWidget,
)

#: A pixel of rounding either way is not a cut-off text.
SLACK = 1
#: A button's text needs this much room on each side, or it touches the edges.
BUTTON_MARGIN = 6


def layout_problems(window: QWidget) -> list[str]:
    """Everything cut off or overlapping in ``window`` as it is shown now, in words."""
    _settle(window)
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            found += _label(widget)
        elif isinstance(widget, QAbstractButton):
            found += _button(widget)
        elif isinstance(widget, QLineEdit):
            found += _line_edit(widget)
        elif isinstance(widget, QComboBox):
            found += _combo(widget)
        elif isinstance(widget, (QTableView, QTreeView)):
            found += _columns(widget)
        elif isinstance(widget, QListView):
            found += _list_rows(widget)
        found += _overlaps(widget)
    return found


def _settle(window: QWidget) -> None:
    """Let every pending layout and resize happen first: a text just set (the status line
    refreshes after each change) is measured against the room it will get, not the old."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        for layout in [window.layout(), *window.findChildren(QLayout)]:
            if layout is not None:
                layout.activate()


def _name(widget: QWidget) -> str:
    kind = type(widget).__name__
    return f"{kind} {widget.objectName()!r}" if widget.objectName() else kind


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label(label: QLabel) -> list[str]:
    text = _plain(label.text()) if label.buddy() is not None else label.text()
    shown_text = getattr(label, "shown_text", None)  # a label that ends in "…" when narrow
    if callable(shown_text):
        text = shown_text()
        if label.width() + SLACK < label.minimumSizeHint().width():
            return [f"{_name(label)} {text!r} squeezed to {label.width()} px"]
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    inside = label.contentsRect()
    margin = label.margin()
    width = inside.width() - 2 * margin
    height = inside.height() - 2 * margin
    if label.wordWrap():
        widest_word = label.minimumSizeHint().width()
        if widest_word > label.width() + SLACK:
            return [f"{_name(label)} {text[:40]!r} needs {widest_word} px, has {label.width()}"]
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return [f"{_name(label)} {text[:40]!r} needs {needed} px height, has {label.height()}"]
        return []
    hint = label.minimumSizeHint()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and "<" in text
    )
    if rich:
        needed_width = hint.width() - 2 * margin - (label.width() - inside.width())
    else:
        metrics = QFontMetrics(label.font())
        needed_width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if needed_width > width + SLACK:
        return [f"{_name(label)} {text[:40]!r} needs {needed_width} px, has {width}"]
    needed_height = hint.height() - 2 * margin - (label.height() - inside.height())
    if needed_height > height + SLACK:
        return [f"{_name(label)} {text[:40]!r} needs {needed_height} px height, has {height}"]
    return []


def _button(button: QAbstractButton) -> list[str]:
    text = _plain(button.text())
    if not text:
        return []
    metrics = QFontMetrics(button.font())
    lines = text.split("\n")
    text_width = max(metrics.horizontalAdvance(line) for line in lines)
    if isinstance(button, (QCheckBox, QRadioButton)):
        needed = button.sizeHint().width()
        if needed > button.width() + SLACK:
            return [f"{_name(button)} {text!r} needs {needed} px, has {button.width()}"]
        return []
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    needed = text_width + icon + 2 * BUTTON_MARGIN
    if isinstance(button, QPushButton):
        frame = button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
        needed = max(needed, text_width + icon + frame)
    problems = []
    if needed > button.width() + SLACK:
        problems.append(f"{_name(button)} {text!r} needs {needed} px, has {button.width()}")
    text_height = metrics.lineSpacing() * len(lines)
    if text_height + 4 > button.height() + SLACK:
        problems.append(
            f"{_name(button)} {text!r} needs {text_height + 4} px height, has {button.height()}"
        )
    return problems


def _line_edit(edit: QLineEdit) -> list[str]:
    if isinstance(edit.parent(), QComboBox):
        return []
    text = edit.text() if edit.echoMode() != QLineEdit.EchoMode.Password else ""
    shown = text or edit.placeholderText()
    if not shown:
        return []
    metrics = QFontMetrics(edit.font())
    frame = edit.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    room = edit.width() - 2 * frame - 4 - margins.left() - margins.right()
    for action in edit.actions():
        if action.isVisible() and not action.icon().isNull():
            room -= edit.height()  # a clear button or an icon inside the field
    needed = metrics.horizontalAdvance(shown)
    if needed > room + SLACK:
        what = "text" if text else "placeholder"
        return [f"{_name(edit)} {what} {shown!r} needs {needed} px, has {room}"]
    return []


def _combo(combo: QComboBox) -> list[str]:
    text = combo.currentText()
    if not text:
        return []
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox,
        option,
        QStyle.SubControl.SC_ComboBoxEditField,
        combo,
    )
    needed = QFontMetrics(combo.font()).horizontalAdvance(text)
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    if needed + icon > field.width() + SLACK:
        return [f"{_name(combo)} {text!r} needs {needed + icon} px, has {field.width()}"]
    return []


def _columns(view: QAbstractItemView) -> list[str]:
    header: QHeaderView = (
        view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[union-attr]
    )
    model = view.model()
    if model is None:
        return []
    shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
    if not shown:
        return []
    last = max(shown, key=header.visualIndex)
    elastic = {
        c
        for c in shown
        if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
        or (c == last and header.stretchLastSection())
    }
    problems = []
    if view.horizontalScrollBar().isVisible():
        problems.append(f"{_name(view)}: its columns are wider than the table")
    viewport = view.viewport().rect()
    for column in shown:
        width = header.sectionSize(column)
        if header.isVisible():
            needed = header.sectionSizeFromContents(column).width()
            if needed > width + SLACK:
                title = model.headerData(column, Qt.Orientation.Horizontal)
                problems.append(f"{_name(view)} heading {title!r} needs {needed} px, has {width}")
        if column in elastic:
            continue
        for row in range(model.rowCount()):
            index = model.index(row, column)
            cell = view.visualRect(index)
            if cell.bottom() < viewport.top() or cell.top() > viewport.bottom():
                continue
            needed = view.sizeHintForIndex(index).width()
            if isinstance(view, QTreeView) and header.visualIndex(column) == 0:
                needed += view.indentation() * _depth(index)
            if needed > cell.width() + SLACK:
                title = model.headerData(column, Qt.Orientation.Horizontal)
                problems.append(
                    f"{_name(view)} column {title!r} row {row}: {str(index.data())[:40]!r} "
                    f"needs {needed} px, has {cell.width()}"
                )
                break
    return problems


def _list_rows(view: QListView) -> list[str]:
    model = view.model()
    if model is None or view.wordWrap() or view.viewMode() != QListView.ViewMode.ListMode:
        return []
    room = view.viewport().width()
    for row in range(model.rowCount()):
        index = model.index(row, view.modelColumn())
        if view.isRowHidden(row) or not view.visualRect(index).intersects(view.viewport().rect()):
            continue
        needed = view.sizeHintForIndex(index).width() + 2 * view.spacing()
        if needed > room + SLACK:
            return [f"{_name(view)} row {str(index.data())[:40]!r} needs {needed} px, has {room}"]
    return []


def _depth(index: object) -> int:
    depth = 1
    parent = index.parent()  # type: ignore[attr-defined]
    while parent.isValid():
        depth += 1
        parent = parent.parent()
    return depth


def _overlaps(parent: QWidget) -> list[str]:
    layout = parent.layout()
    if layout is None or isinstance(parent, QAbstractScrollArea):
        return []
    children = [
        w
        for w in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if w.isVisible() and not w.isWindow()
    ]
    problems = []
    for i, first in enumerate(children):
        for second in children[i + 1 :]:
            both: QRect = first.geometry().intersected(second.geometry())
            if both.width() > SLACK and both.height() > SLACK:
                problems.append(f"{_name(first)} overlaps {_name(second)} in {_name(parent)}")
    return problems


def mixed_field_fonts(window: QWidget) -> list[str]:
    """The fields of one form in more than one type size (a code or PIN field larger than
    the name beside it looked like a mistake), in words."""
    sizes: dict[float, str] = {}
    for field in window.findChildren(QWidget):
        if not field.isVisible() or not isinstance(field, (QLineEdit, QAbstractSpinBox, QComboBox)):
            continue
        if isinstance(field.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the line edit inside a combo box or spin box
        sizes.setdefault(field.font().pointSizeF(), _name(field))
    if len(sizes) > 1:
        return [
            f"fields in {len(sizes)} type sizes: "
            + ", ".join(f"{name} {size:g} pt" for size, name in sorted(sizes.items()))
        ]
    return []
