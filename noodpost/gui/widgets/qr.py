"""A QR code drawn from the ``qrcode`` package's module matrix (no image library needed)."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_matrix(text: str) -> list[list[bool]]:
    """The dark (True) and light modules, quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def qr_image(text: str, size: int = 320) -> QImage:
    """The code as a black-on-white image of at most ``size`` pixels, whole pixels per module."""
    matrix = qr_matrix(text)
    count = len(matrix)
    scale = max(1, size // count)
    image = QImage(count * scale, count * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        black = QColor("black")
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(x * scale, y * scale, scale, scale, black)
    finally:
        painter.end()
    return image


def qr_pixmap(text: str, size: int = 320) -> QPixmap:
    return QPixmap.fromImage(qr_image(text, size), Qt.ImageConversionFlag.MonoOnly)
