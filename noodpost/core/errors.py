"""The two families of failure: a :class:`UserError` is explained, anything else is a bug.

A ``UserError`` carries a calm Dutch message that says what happened and what to do. The GUI
shows it in a message box and the CLI prints it as one line on stderr. Everything else is a
programming error and gets the bug dialog with the log location.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence

from noodpost.core.i18n import translate

#: What the system's (English) error texts mean, in the words a volunteer reads (Dutch; the
#: screen reads them through the catalogue: :func:`os_reason`).
OS_WORDS = {
    errno.ENOSPC: "schijf vol",
    errno.EDQUOT: "schijf vol",
    errno.EFBIG: "bestand te groot voor deze schijf",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "alleen-lezen",
    errno.ENOENT: "bestaat niet",
    errno.ENODEV: "schijf niet (meer) aangesloten",
    errno.ENXIO: "schijf niet (meer) aangesloten",
    errno.EIO: "lees- of schrijffout",
    errno.ENOTDIR: "geen map",
    errno.EISDIR: "een map, geen bestand",
    errno.ENAMETOOLONG: "naam te lang voor deze schijf",
    errno.EEXIST: "bestaat al",
}


def _screen_words() -> dict[str, str]:
    """:data:`OS_WORDS` in the interface's language, looked up now (never at import)."""
    return {
        "schijf vol": translate("OsError", "schijf vol"),
        "bestand te groot voor deze schijf": translate(
            "OsError", "bestand te groot voor deze schijf"
        ),
        "geen toestemming": translate("OsError", "geen toestemming"),
        "alleen-lezen": translate("OsError", "alleen-lezen"),
        "bestaat niet": translate("OsError", "bestaat niet"),
        "schijf niet (meer) aangesloten": translate("OsError", "schijf niet (meer) aangesloten"),
        "lees- of schrijffout": translate("OsError", "lees- of schrijffout"),
        "geen map": translate("OsError", "geen map"),
        "een map, geen bestand": translate("OsError", "een map, geen bestand"),
        "naam te lang voor deze schijf": translate("OsError", "naam te lang voor deze schijf"),
        "bestaat al": translate("OsError", "bestaat al"),
    }


def os_reason(error: OSError) -> str:
    """Why a file or folder could not be used, in the interface's language (Dutch without a
    catalogue; never the system's English text)."""
    words = OS_WORDS.get(error.errno or 0)
    if words is not None:
        return _screen_words().get(words, words)
    code = errno.errorcode.get(error.errno or 0)
    if code:
        return translate("OsError", "systeemfout {code}").format(code=code)
    return translate("OsError", "systeemfout")


class UserError(Exception):
    """An expected problem the user can act on. ``str(err)`` is the Dutch message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(UserError):
    """Something the user referred to does not exist (unknown card, unknown item)."""


class Refused(UserError):
    """A rule forbids the write (invalid status change, reissued card, wrong role)."""


class NeedsConfirmation(UserError):
    """The write is allowed only after the user confirms (and sometimes gives a reason).

    Attributes:
        warnings: Dutch lines to show before asking.
        needs_reason: the confirmation must come with a written reason (ration override).
    """

    def __init__(self, message: str, warnings: Sequence[str], *, needs_reason: bool = False):
        super().__init__(message)
        self.warnings = tuple(warnings)
        self.needs_reason = needs_reason


class DatabaseError(UserError):
    """The database cannot be used as it is (newer schema, wrong pragmas, damaged file)."""
