"""PDF files: drawn in memory with QPdfWriter, written atomically, refused in plain Dutch.

``render_pdf`` draws pages into bytes; ``pdf_target`` creates ``FILE.partial`` at once (so an
unwritable place is refused before anything else happens), and renames it to ``FILE`` only
when everything was written and flushed to disk. A failed write leaves no file that looks
complete. ``ensure_application`` gives command-line drawing the Qt application it needs.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from noodpost.core.durable import fsync_dir
from noodpost.core.errors import UserError, os_reason
from noodpost.core.private_files import make_private

log = logging.getLogger(__name__)

PDF_RESOLUTION = 1200  # dots per inch of the PDF's coordinate system

#: Draws one page, given the active painter and the whole page in device units.
PageDrawer = Callable[[QPainter, QRectF], None]


def _pdf_writer(device: QIODevice, size: QPageSize, title: str) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator("Noodpost")
    return writer


def render_pdf(size: QPageSize, title: str, pages: Sequence[PageDrawer]) -> bytes:
    """Draw ``pages`` (each given the painter and the full page rect) into a PDF in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, size, title)
    painter = QPainter()
    if not painter.begin(writer) or not painter.isActive():
        raise UserError(cannot_draw_message())
    try:
        full = QRectF(0, 0, writer.width(), writer.height())
        for number, draw in enumerate(pages):
            if number and not writer.newPage():
                raise UserError(no_new_page_message())
            draw(painter, full)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def cannot_draw_message() -> str:
    """The refusal when the PDF writer will not start painting."""
    return QCoreApplication.translate(
        "PdfFiles",
        "De PDF kan niet worden opgemaakt. Probeer het opnieuw; lukt het niet, meld het "
        "dan aan de beheerder.",
    )


def no_new_page_message() -> str:
    """The refusal when the PDF writer will not start a new page."""
    return QCoreApplication.translate(
        "PdfFiles", "De PDF kan niet worden opgemaakt: een nieuwe pagina lukte niet."
    )


def cannot_write_message(path: Path, error: OSError) -> str:
    """A line that says why ``path`` cannot be written and what to do."""
    if isinstance(error, FileNotFoundError) or not path.parent.is_dir():
        return QCoreApplication.translate(
            "PdfFiles",
            "Kan het bestand {path} niet schrijven: bestaat de map {folder}? "
            "Kies een bestaande map.",
        ).format(path=path, folder=path.parent)
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "PdfFiles",
            "Kan het bestand {path} niet schrijven: er is geen toestemming om in die map te "
            "schrijven. Kies een andere map.",
        ).format(path=path)
    if error.errno == errno.ENOSPC:
        return QCoreApplication.translate(
            "PdfFiles",
            "Kan het bestand {path} niet schrijven: de schijf is vol. Kies een andere plek.",
        ).format(path=path)
    return QCoreApplication.translate(
        "PdfFiles", "Kan het bestand {path} niet schrijven ({reason}). Kies een andere plek."
    ).format(path=path, reason=os_reason(error))


class PdfTarget:
    """An open ``FILE.partial`` that becomes ``FILE`` only when everything was written."""

    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path = path
        self._handle = handle

    def write(self, data: bytes) -> None:
        try:
            self._handle.write(data)
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as err:
            raise UserError(cannot_write_message(self.path, err)) from err


@contextmanager
def pdf_target(path: Path) -> Iterator[PdfTarget]:
    """Create ``path``.partial at once (an unwritable place fails before anything else
    happens); rename it to ``path`` when the block ends normally, remove it otherwise.

    Raises:
        UserError: the file cannot be created or written (missing folder, no permission,
            disk full, the path is a folder).
    """
    if path.is_dir():
        raise UserError(
            QCoreApplication.translate(
                "PdfFiles", "{path} is een map. Geef een bestandsnaam, bijvoorbeeld {example}."
            ).format(path=path, example=path / "kaarten.pdf")
        )
    partial = path.with_name(path.name + ".partial")
    try:
        handle = partial.open("wb")
    except OSError as err:
        raise UserError(cannot_write_message(path, err)) from err
    make_private(partial)  # a card or report may name people: 0600 on POSIX
    done = False
    try:
        with handle:
            yield PdfTarget(path, handle)
        try:
            os.replace(partial, path)
        except OSError as err:
            raise UserError(cannot_write_message(path, err)) from err
        done = True
        fsync_dir(path.parent)
    finally:
        if not done:
            partial.unlink(missing_ok=True)


def ensure_application() -> QGuiApplication:
    """The running Qt application, or a new one for drawing from the command line.

    Without a display (a server, a script over ssh) Qt's offscreen platform is used.
    """
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("A QCoreApplication without GUI is running; cards need fonts")
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["noodpost"])
