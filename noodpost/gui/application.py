"""The Qt application object and what every window shares: name, font, error handling."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from noodpost import __version__
from noodpost.config import resources_dir
from noodpost.gui.errors import install_excepthook

APP_NAME = "Noodpost"
DEFAULT_POINT_SIZE = 12
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # resources/icons/noodpost-<size>.png


def app_icon() -> QIcon:
    """The Noodpost icon in every size drawn for it (see scripts/render_icons.py)."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in ICON_SIZES:
        path = folder / f"noodpost-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


def create_application(
    argv: Sequence[str], *, font_point_size: int = DEFAULT_POINT_SIZE
) -> QApplication:
    """The process's QApplication (made once), named, with a large readable default font."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("noodpost")
    app.setWindowIcon(app_icon())
    font = app.font()
    font.setPointSize(max(11, font_point_size))  # DESIGN §5: never below 11 pt
    app.setFont(font)
    return app


def start(argv: Sequence[str], log_file: Path, *, font_point_size: int) -> QApplication:
    """Create the application and route uncaught exceptions to the error dialogs."""
    app = create_application(argv, font_point_size=font_point_size)
    install_excepthook(log_file)
    return app
