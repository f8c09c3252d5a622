"""Logging to a rotating file: where bugs are explained, never shown to a volunteer.

The log holds what a developer needs to understand an unexpected error (tracebacks, versions)
and no personal data, PINs or keys (DESIGN §3.6): code logs ids and counts, never field values.

One thing code cannot promise by itself: a traceback's message. A database error from
SQLAlchemy names the statement's parameters — the name and birth year being saved — so the
:class:`RedactingFormatter` removes them (and anything shaped like a key or a PIN hash) from
every line it writes. The crash dialog shows the tail of this file, so it is covered too.
"""

from __future__ import annotations

import logging
import os
import platform
import re
import stat
import sys
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path

from noodpost import __version__, config
from noodpost.core.private_files import make_private

LOG_FILENAME = "noodpost.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

#: Set this to write logs somewhere else (tests, a portable install on a stick).
LOG_DIR_ENV = "NOODPOST_LOG_DIR"

_handler: RotatingFileHandler | None = None

#: What never reaches the log, and what stands in its place.
REDACTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # SQLAlchemy's "[parameters: ('Jansen', 1950, …)]": the values of the failed statement.
    (re.compile(r"\[parameters: [^\n]*"), "[parameters: <verborgen>]"),
    # An Argon2 PIN hash.
    (re.compile(r"\$argon2(?:id|i|d)\$[^\s'\")\]]*"), "<pincode-hash verborgen>"),
    # 64 hex digits or more: key material (and hashes, which are not needed to read a log).
    (re.compile(r"\b[0-9a-fA-F]{64,}\b"), "<sleutel verborgen>"),
)


def redact(text: str) -> str:
    """``text`` without statement parameters, PIN hashes and key material."""
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """The log's formatter: every line, message and traceback alike, through :func:`redact`."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_directory() -> Path:
    """The folder for log files: ``$NOODPOST_LOG_DIR`` or the platform's log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else config.log_dir()


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the ``noodpost`` loggers to a rotating file and return that file's path.

    Falls back to the system's temporary folder when the log folder cannot be created (a
    read-only home), so an unexpected error can always point somewhere. Calling it again
    replaces the earlier handler. On POSIX the folder is made 0700 and the log files 0600,
    also those an older version left readable to other users.
    """
    global _handler  # noqa: PLW0603 - one file handler per process, replaced on re-setup
    folder = directory or log_directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_FILENAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        folder = _temporary_log_folder()
        handler = RotatingFileHandler(
            folder / LOG_FILENAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    handler.setFormatter(RedactingFormatter(FORMAT))
    root = logging.getLogger("noodpost")
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    _make_logs_private(folder)  # after the handler: a refusal is logged, not printed
    return Path(handler.baseFilename)


def _temporary_log_folder() -> Path:
    """``noodpost-logs`` in the system's temporary folder, or a new one of our own there.

    Another user may have made that folder first (a shared ``/tmp``), to read what we write or
    to put a link in its place: then a fresh, private folder is used instead.
    """
    folder = Path(tempfile.gettempdir()) / "noodpost-logs"
    try:
        folder.mkdir(exist_ok=True)
        info = os.lstat(folder)
        ours = stat.S_ISDIR(info.st_mode) and (
            not hasattr(os, "getuid") or info.st_uid == os.getuid()
        )
    except OSError:
        ours = False
    return folder if ours else Path(tempfile.mkdtemp(prefix="noodpost-logs-"))


def _make_logs_private(folder: Path) -> None:
    """The log folder and every ``noodpost.log*`` in it: the owner's only."""
    make_private(folder)
    for path in folder.glob(LOG_FILENAME + "*"):
        make_private(path)


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
