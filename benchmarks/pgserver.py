"""A PostgreSQL server for the bench: the test run's own (``tests/pg.py``), started here.

``initdb`` and ``pg_ctl`` in a temporary folder (as the ``postgres`` user when run as root),
the unix socket in that folder, no TCP port; stopped and removed afterwards. The server runs
with ``fsync=off`` like the tests' one: the bench measures Noodpost's work, not the disk's
flushes (the raw baselines run on the same server, so their ratios compare alike).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.pg import PgServer, find_bindir


@contextmanager
def pg_server() -> Iterator[PgServer]:
    """A running server for the ``with`` block; a clear stop when PostgreSQL is missing."""
    bindir = find_bindir()
    if bindir is None:
        raise SystemExit(
            "PostgreSQL is not installed (Debian: apt-get install postgresql); "
            "the hub_pg and _pg keys need it"
        )
    server = PgServer(bindir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
