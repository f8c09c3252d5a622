"""Reading a PDF as a person and a scanner would: poppler-utils renders, zxing-cpp decodes.

Importable as ``pdfkit`` from any test. Needs ``pdftoppm``, ``pdftotext`` and ``pdfinfo``
(Debian poppler-utils, installed by ``make test``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image

POINT_MM = 25.4 / 72


def render_pages(pdf: Path, folder: Path, *, dpi: int = 300) -> list[Path]:
    """Every page of ``pdf`` as a PNG at ``dpi``, in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True, timeout=120
    )
    return sorted(folder.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def decode_pages(pdf: Path, folder: Path, *, dpi: int = 300) -> list[list[str]]:
    """The texts of the codes (QR or any other) a scanner reads on each page."""
    pages = []
    for png in render_pages(pdf, folder, dpi=dpi):
        with Image.open(png) as image:
            found = zxingcpp.read_barcodes(image)  # every format: nothing else may be readable
        pages.append([barcode.text for barcode in found])
    return pages


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
    )
    return done.stdout


def page_sizes_mm(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) of every page in millimetres."""
    done = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "100000", str(pdf)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", done.stdout)
    return [(float(w) * POINT_MM, float(h) * POINT_MM) for w, h in sizes]
