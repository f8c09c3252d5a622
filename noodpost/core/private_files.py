"""Files for this user's eyes only: on POSIX the data folder 0700, what Noodpost writes 0600.

Three measures, standard library only so every layer may use them (DESIGN §3.8, issue 20):

- :func:`protect_new_files` sets the process's umask to 077 at every entry point (the command
  line, the GUI, the hub server), so every file and folder Noodpost creates from then on —
  database, backups, logs, exports, PDFs — is readable by its owner only.
- :func:`tighten_data_folder` removes the group and other bits from the data folder and
  everything in it, for what an older version left readable (0644 files in 0755 folders).
  Opening the node's database runs it first, so SQLite's ``-wal`` and ``-shm`` files, which
  SQLite gives the database file's own mode, come out private too.
- :func:`make_shared` gives a file meant for *another* laptop (a bundle or pairing file on a
  stick, sealed or public) the user's ordinary mode back, so the other laptop's user can read it.

On Windows (``os.name != "posix"``) all of this does nothing: there the user's profile folder
already keeps other users out. A file system without POSIX modes (a FAT stick) refuses or
ignores a chmod; that is logged in one calm line, never raised.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

#: The umask of a Noodpost process: nothing for group or others.
PRIVATE_UMASK = 0o077
#: The permission bits that let someone other than the owner in.
OPEN_BITS = 0o077

_POSIX = os.name == "posix"
#: The umask the process had before :func:`protect_new_files`: what "ordinary" means.
_ordinary_umask: int | None = None


def protect_new_files() -> None:
    """From now on, every file and folder this process creates is its owner's only (umask 077).

    Idempotent; remembers the umask it replaced for :func:`make_shared`.
    """
    global _ordinary_umask  # noqa: PLW0603 - the umask is process-wide, and so is its memory
    if not _POSIX:
        return
    previous = os.umask(PRIVATE_UMASK)
    if _ordinary_umask is None:
        _ordinary_umask = previous


def ordinary_umask() -> int:
    """The umask the user runs other programs with (before :func:`protect_new_files`)."""
    if _ordinary_umask is not None:
        return _ordinary_umask
    current = os.umask(PRIVATE_UMASK)  # the only way to read it is to set it
    os.umask(current)
    return current


def _owned_by_me(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _chmod(path: Path, mode: int) -> bool:
    """chmod, or one calm log line when the file system refuses (a FAT stick)."""
    try:
        os.chmod(path, mode)
    except OSError as failed:
        log.warning(
            "Could not change the permissions of %s (%s); the file system may not keep them",
            path,
            failed.strerror or type(failed).__name__,
        )
        return False
    return True


def make_private(path: Path) -> bool:
    """Take the group and other bits off ``path`` (a file or folder; a symlink is left alone).

    Returns whether ``path`` is private now. Does nothing on Windows (returns True).
    """
    if not _POSIX:
        return True
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return False
    mode = stat.S_IMODE(info.st_mode)
    if not mode & OPEN_BITS:
        return True
    return _chmod(path, mode & ~OPEN_BITS)


def make_shared(path: Path) -> None:
    """Give ``path`` the mode the user's other programs would give it, for another laptop.

    For a sealed bundle or a pairing file (public keys) on a stick: a 0600 file on an
    ext4-formatted stick would be unreadable to the other laptop's user. A file system that
    refuses (FAT) is not an error: it has no modes to share.
    """
    if not _POSIX:
        return
    try:
        info = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode) or not _owned_by_me(info):
        return
    full = 0o777 if stat.S_ISDIR(info.st_mode) else 0o666
    wanted = full & ~ordinary_umask()
    if stat.S_IMODE(info.st_mode) != wanted:
        try:
            os.chmod(path, wanted)
        except OSError:
            log.debug("The file system of %s keeps no permissions", path)


def make_shared_folders(folder: Path) -> None:
    """Create ``folder`` and its missing parents with the user's ordinary mode (a stick's
    ``NOODPOST/GR-0014/uit``), so another laptop's user can read and clear them.

    Raises:
        OSError: a folder cannot be created.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    folder.mkdir(parents=True, exist_ok=True)
    for made in reversed(missing):
        make_shared(made)


def tighten_data_folder(folder: Path) -> int:
    """Make ``folder`` 0700-like and everything below it owner-only; returns how many changed.

    Only group and other bits are removed (0644 becomes 0600, 0755 becomes 0700). Symlinks are
    never followed, and only regular files and folders owned by this user are touched. The
    first file that cannot be changed is logged once; the rest of the folder is still done.
    """
    if not _POSIX:
        return 0
    changed = 0
    refused = False

    def tighten(path: Path) -> None:
        nonlocal changed, refused
        try:
            info = os.lstat(path)
        except OSError:
            return  # gone meanwhile
        kind = info.st_mode
        if not (stat.S_ISREG(kind) or stat.S_ISDIR(kind)) or not _owned_by_me(info):
            return
        mode = stat.S_IMODE(kind)
        if not mode & OPEN_BITS:
            return
        try:
            os.chmod(path, mode & ~OPEN_BITS)
        except OSError as failed:
            if not refused:
                log.warning(
                    "Could not make %s private (%s); other users of this computer may read it",
                    path,
                    failed.strerror or type(failed).__name__,
                )
            refused = True
            return
        changed += 1

    if not folder.is_dir() or folder.is_symlink():
        return 0
    tighten(folder)
    for top, dirs, files in os.walk(folder, followlinks=False):
        for name in (*dirs, *files):
            tighten(Path(top) / name)
    if changed:
        log.info("Made %d files and folders in the data folder private (0600/0700)", changed)
    return changed


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 when it does not exist (a new database file).

    Whatever goes wrong is left to the caller's own open of ``path`` to report.
    """
    if not _POSIX:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return
    os.close(fd)
