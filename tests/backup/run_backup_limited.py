"""Run one backup with the file size limited (a full disk, honestly): ``DATA TARGET LIMIT``.

The limit (RLIMIT_FSIZE) is set after the database is open, with SIGXFSZ ignored, so a write
past it fails with EFBIG as on a full disk. Prints ``OK <name>`` or ``REFUSED <message>``.
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from noodpost.config import Settings
from noodpost.core.clock import SystemClock
from noodpost.core.errors import UserError
from noodpost.services.backup import BackupService
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path


def main() -> int:
    data_dir, target, limit = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    db = open_database(database_path(data_dir))
    try:
        service = BackupService(ServiceContext(db, SystemClock()), data_dir, Settings())
        service.ctx.node  # noqa: B018 — read before the limit: nothing else needs writing
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        try:
            report = service.backup_now(target)
        except UserError as refused:
            print(f"REFUSED {refused.message}")
            return 1
        print(f"OK {report.written[0].name}")
        return 0
    finally:
        db.close()


if __name__ == "__main__":
    sys.exit(main())
