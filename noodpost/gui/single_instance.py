"""One Noodpost window per data folder.

Two windows on one database would both run the automatic backups, the retention rounds and
the background sync, and a volunteer would not know which window shows what. The first window
holds a lock file named after the data folder for as long as it runs; a second start on the
same folder says so and stops before it opens anything.

The lock lives in the user's temporary folder, not in the data folder: a start that ends in
the setup wizard's *Annuleren* leaves no folder behind, and the data folder is never on a share
(the placement check sees to that), so one laptop is all a lock has to cover. The command-line
commands do not take it: their writes show in the open window (:mod:`..outside_writes`).

A window that crashed or was killed leaves its lock file behind; Qt sees that the process named
in it is gone and takes the lock over, so a restart after a crash is never refused.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QLockFile

from noodpost.core.errors import UserError

#: How long a start waits for a window that is just closing (its lock is released at the end).
WAIT_MS = 2_000


def lock_path(data_dir: Path) -> Path:
    """The lock file of ``data_dir``: one per folder, however the folder was named."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(QDir.tempPath()) / f"noodpost-{digest}.lock"


def claim_data_folder(data_dir: Path, wait_ms: int = WAIT_MS) -> QLockFile:
    """Take the data folder for this window; keep the returned lock until the window closes.

    Raises:
        UserError: another Noodpost window runs on this folder, or the lock file cannot be
            written.
    """
    lock = QLockFile(str(lock_path(data_dir)))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(wait_ms):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        raise UserError(
            QCoreApplication.translate(
                "SingleInstance",
                "Noodpost is op deze laptop al geopend met deze gegevens. Gebruik dat venster "
                "(kijk in de taakbalk): een tweede venster zou back-ups en synchronisatie "
                "dubbel doen.",
            )
        )
    raise UserError(
        QCoreApplication.translate(
            "SingleInstance",
            "Noodpost kan zijn slotbestand %1 niet maken (geen toestemming of schijf vol). "
            "Maak ruimte op de schijf of vraag de beheerder.",
        ).replace("%1", lock.fileName())
    )
