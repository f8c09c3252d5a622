"""One client process of the hub bench: the syncs of some posts, sent at once on a signal.

``python benchmarks/hub_client.py URL POST_DIR…``: opens each post (its own SQLite database and
keys), prints ``ready``, waits for a line on stdin, then runs ``sync now`` for every post at
the same moment (a thread per post, as the posts are separate machines in a region) and
prints one JSON line per post: the seconds of that sync (bundle built and sent, applied at the
hub, its answer applied here), the events the hub applied, or the error.

Each post connects from an address of its own on the loopback network (``127.1.X.Y``), as the
posts of a region are machines of their own: the hub admits only a few connections at once
from one address (``Limits.per_client``), which 50 posts on ``127.0.0.1`` would exceed.
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
from pathlib import Path
from typing import Any

from noodpost.core.clock import SystemClock
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path
from noodpost.sync.http import sync_now
from noodpost.sync.service import SyncService

_here = threading.local()
_connect = http.client.HTTPConnection.connect


def _connect_from_post(self: http.client.HTTPConnection) -> None:
    """``connect`` from the address of the post this thread syncs (``_here.address``)."""
    self.source_address = (_here.address, 0)
    _connect(self)


def post_address(folder: Path) -> str:
    """The loopback address of post ``postNNN``: ``127.1.X.Y``, one per post."""
    n = int(folder.name.removeprefix("post"))
    return f"127.1.{n // 250}.{n % 250 + 1}"


def main(url: str, folders: list[Path]) -> None:
    http.client.HTTPConnection.connect = _connect_from_post  # type: ignore[method-assign]
    posts = []
    for folder in folders:
        db = open_database(database_path(folder), migrate_schema=False)
        sync = SyncService(db, SystemClock(), folder)
        sync.keys  # noqa: B018 — read before the start, as a running post has them
        posts.append((folder, db, sync))
    print("ready", flush=True)
    sys.stdin.readline()
    lines: list[dict[str, Any]] = []

    def one(folder: Path, sync: SyncService) -> None:
        _here.address = post_address(folder)
        try:
            done = sync_now(sync, url)
            lines.append(
                {"post": folder.name, "seconds": done.seconds, "applied": done.hub_applied}
            )
        except Exception as error:
            lines.append({"post": folder.name, "error": f"{type(error).__name__}: {error}"})

    threads = [threading.Thread(target=one, args=(f, s)) for f, _db, s in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for line in lines:
        print(json.dumps(line), flush=True)
    for _folder, db, _sync in posts:
        db.close()


if __name__ == "__main__":
    main(sys.argv[1], [Path(a) for a in sys.argv[2:]])
