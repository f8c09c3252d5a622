"""Logging to a rotating file: where bugs are explained, never shown to a volunteer.

The log holds what a developer needs to understand an unexpected error (tracebacks, versions)
and no personal data, PINs or keys (DESIGN §3.6): code logs ids and counts, never field values.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path

from noodpost import __version__, config

LOG_FILENAME = "noodpost.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

#: Set this to write logs somewhere else (tests, a portable install on a stick).
LOG_DIR_ENV = "NOODPOST_LOG_DIR"

_handler: RotatingFileHandler | None = None


def log_directory() -> Path:
    """The folder for log files: ``$NOODPOST_LOG_DIR`` or the platform's log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else config.log_dir()


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the ``noodpost`` loggers to a rotating file and return that file's path.

    Falls back to the system's temporary folder when the log folder cannot be created (a
    read-only home), so an unexpected error can always point somewhere. Calling it again
    replaces the earlier handler.
    """
    global _handler  # noqa: PLW0603 - one file handler per process, replaced on re-setup
    folder = directory or log_directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_FILENAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        folder = Path(tempfile.gettempdir()) / "noodpost-logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_FILENAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger("noodpost")
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    return Path(handler.baseFilename)


def log_startup(command: str) -> None:
    """One line identifying the program, for reading a log sent in with a bug report."""
    logging.getLogger("noodpost").info(
        "Noodpost %s, Python %s, %s; command %s",
        __version__,
        platform.python_version(),
        sys.platform,
        command,
    )


def close_logging() -> None:
    """Detach and close the log file (tests; a clean exit closes it anyway)."""
    global _handler  # noqa: PLW0603
    if _handler is not None:
        logging.getLogger("noodpost").removeHandler(_handler)
        _handler.close()
        _handler = None
