"""Writing files so that a crash or a pulled stick never leaves one that looks complete.

The pattern (DESIGN §3.3): write ``<name>.partial``, fsync it, let the caller read it back and
verify it, rename it to its final name, fsync the folder. A ``*.partial`` file is never read.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from noodpost.core.durable import fsync_dir
from noodpost.core.errors import UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.core.private_files import make_shared, make_shared_folders

PARTIAL_SUFFIX = ".partial"


def write_atomically(
    path: Path,
    data: bytes,
    *,
    private: bool = False,
    verify: Callable[[bytes], None] | None = None,
) -> None:
    """Write ``data`` to ``path`` through ``path.partial``; never leaves a half file at ``path``.

    Args:
        private: readable by the owner only (0600), for keys. Other files (a sealed bundle,
            a pairing file, for another laptop) and the folders made for them get the mode
            the user's other programs would give them, not Noodpost's 0600 — a FAT-formatted
            stick has no modes at all.
        verify: called with the bytes read back from the partial file before it is renamed;
            it raises when they are not right.

    Raises:
        UserError: the folder cannot be written (stick removed, disk full, read-only).
    """
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    try:
        if private:
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            make_shared_folders(path.parent)
        mode = 0o600 if private else 0o666  # the umask still applies
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if private:
            os.chmod(partial, 0o600)  # also when an old partial file was reused
        else:
            make_shared(partial)
        if partial.read_bytes() != data:
            raise OSError(f"{partial} reads back differently")
        if verify is not None:
            verify(partial.read_bytes())
        os.replace(partial, path)
        fsync_dir(path.parent)
    except OSError as failed:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise UserError(
            translate(
                "SyncFiles",
                "Schrijven naar {folder} is mislukt ({reason}). Controleer of de USB-stick of "
                "schijf er nog in zit, niet vol is en beschreven mag worden, en probeer het "
                "opnieuw.",
            ).format(folder=path.parent, reason=os_reason(failed))
        ) from failed
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
