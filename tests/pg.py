"""A real PostgreSQL server for the test run: started once per session, a fresh database per test.

``initdb`` and ``pg_ctl`` run in a temporary folder, with the server's unix socket in that
folder and no TCP port (``listen_addresses=''``), so parallel runs never meet. Run as root
(as CI does), the server runs as the ``postgres`` user: PostgreSQL refuses to run as root.

A database migrated to Noodpost's head is made once and kept as a template; each test gets
``CREATE DATABASE … TEMPLATE`` of it (a fraction of a second) and it is dropped afterwards.

Without PostgreSQL's programs the tests that need it are skipped with the reason — except in
CI (``CI=true``), where a missing server is a failure: there the Makefile installs it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from noodpost.storage.engine import open_database

TEMPLATE = "noodpost_template"


def find_bindir() -> Path | None:
    """Where ``initdb`` and ``pg_ctl`` are: Debian's newest /usr/lib/postgresql/N/bin, or PATH."""
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class PgServer:
    """One PostgreSQL server in a temporary folder, for one test session."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="noodpost-pg-"))
        self.data = self.root / "data"
        self.socket = self.root
        self.as_root = os.geteuid() == 0
        self._names = itertools.count(1)
        self.started_s = 0.0

    def _run(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        done = subprocess.run(
            [*prefix, *args],
            check=False,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=self.root,
        )
        if done.returncode != 0:
            output = done.stdout.decode(errors="replace")
            raise RuntimeError(f"{Path(args[0]).name} failed ({done.returncode}):\n{output}")

    def start(self) -> None:
        begun = time.perf_counter()
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        # Durability is not under test here: no fsync keeps CREATE DATABASE and commits fast.
        options = (
            f"-c unix_socket_directories={self.socket} -c listen_addresses='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "start",
        )
        self._create(TEMPLATE)
        open_database(self.url(TEMPLATE)).close()  # migrated once, copied for every test
        self.started_s = time.perf_counter() - begun

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, name: str) -> str:
        """The URL of database ``name`` on this server (over the unix socket)."""
        return f"postgresql://postgres@/{name}?host={self.socket}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host=str(self.socket), user="postgres", dbname="postgres") as conn:
            conn.autocommit = True
            conn.execute(sql.encode())  # names made here, never from input

    def _create(self, name: str, template: str = "template0") -> None:
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')

    def fresh(self) -> str:
        """A new database with Noodpost's schema; its URL."""
        name = f"t{next(self._names)}"
        self._create(name, TEMPLATE)
        return self.url(name)

    @staticmethod
    def name_of(url: str) -> str:
        """The database name in one of :meth:`url`'s URLs."""
        return str(make_url(url).database)

    def copy(self, url: str) -> str:
        """A copy of the database at ``url`` (nobody may be connected to it); its URL."""
        name = f"{self.name_of(url)}_copy"
        self._create(name, self.name_of(url))
        return self.url(name)

    def drop(self, url: str) -> None:
        name = self.name_of(url)
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def pg_server_session() -> Iterator[PgServer]:
    """Start the server (or skip/fail as the module text says), stop and remove it after."""
    bindir = find_bindir()
    in_ci = os.environ.get("CI", "").lower() in ("true", "1", "yes")
    if bindir is None:
        reason = "PostgreSQL is not installed (Debian: apt-get install postgresql)"
        if in_ci:
            pytest.fail(f"{reason}; CI must run the PostgreSQL tests", pytrace=False)
        pytest.skip(reason)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if in_ci:
            pytest.fail("psycopg is not installed (requirements.lock)", pytrace=False)
        pytest.skip("psycopg is not installed (pip install -r requirements.lock)")
    server = PgServer(bindir)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    try:
        yield server
    finally:
        server.stop()
