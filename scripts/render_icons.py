"""Render the application icon from resources/icons/noodpost.svg to PNGs and a Windows .ico.

    .venv/bin/python scripts/render_icons.py

Writes resources/icons/noodpost-<size>.png for every size in SIZES (the .deb installs them in
/usr/share/icons/hicolor/<size>x<size>/apps/, the app sets one as its window icon) and
resources/icons/noodpost.ico with all of them (the Windows executables and installer). The
results are committed; run this again only after changing the SVG. QtSvg draws the PNGs;
Pillow (from requirements-dev.lock) packs the .ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "noodpost.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"noodpost-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in SIZES:
        if not render(renderer, size).save(str(png_path(size)), "PNG"):
            print(f"cannot write {png_path(size)}", file=sys.stderr)
            return 1
        print(png_path(size).relative_to(ICONS.parent.parent))
    # The .ico holds each size drawn at that size (not one image scaled down by Pillow).
    images = [Image.open(png_path(size)).convert("RGBA") for size in SIZES]
    largest = images[-1]
    ico = ICONS / "noodpost.ico"
    largest.save(ico, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(ico.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
