"""``noodpost hub migrate``: a C-NSP with 50 posts' data moves from SQLite into PostgreSQL,
and its posts go on syncing with it without being paired again."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from clikit import noodpost, ok, refused
from pg import PgServer
from sqlalchemy import func, select
from sync.sitekit import HUB_CODE, Site, build_site, introduce, raise_alarm

from noodpost import cli
from noodpost.core.clock import FixedClock
from noodpost.storage import move
from noodpost.storage.engine import DB_FILENAME, open_database
from noodpost.storage.models import Event, PendingBundle, Quarantine
from noodpost.storage.node import DATABASE_URL_FILE
from noodpost.sync.http import sync_now

POSTS = 50


@pytest.fixture
def target(pg_server: PgServer) -> Iterator[str]:
    """A new, empty PostgreSQL database (no schema at all, as ``createdb`` makes it)."""
    name = f"verhuis{time.monotonic_ns()}"
    pg_server._admin(f'CREATE DATABASE "{name}" TEMPLATE template0')
    url = pg_server.url(name)
    yield url
    pg_server.drop(url)


def stick(path: Path) -> Path:
    path.mkdir()
    return path


def sqlite_digest(where: Path) -> str:
    """The digest of the SQLite database in folder ``where`` (or of the file ``where``)."""
    db = open_database(where if where.suffix == ".db" else where / DB_FILENAME)
    try:
        with db.engine.connect() as conn:
            return move.database_digest(conn)
    finally:
        db.close()


Run = Callable[..., str]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """A command through ``cli.main`` in this process (no interpreter start per command);
    its output, after checking it succeeded."""

    def run(folder: Path, *args: str | Path) -> str:
        capsys.readouterr()
        code = cli.main(["--data-dir", str(folder), *map(str, args)])
        out, err = capsys.readouterr()
        assert code == 0, err
        return out

    return run


def counts(run: Run, folder: Path) -> dict[str, object]:
    status = json.loads(run(folder, "status", "--json"))
    keep = ("role", "households", "events", "quarantined", "refused", "integrity")
    return {key: status.get(key) for key in keep}


def hub_events_from(url: str, origin: str) -> int:
    db = open_database(url)
    try:
        with db.read() as session:
            found = select(func.count()).select_from(Event).where(Event.origin == origin)
            return int(session.scalar(found) or 0)
    finally:
        db.close()


@pytest.fixture
def region(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[Site, list[Site]]]:
    """A hub on SQLite with 50 approved posts that synced an alarm each (a few events per
    post), and a 51st post whose bundle waits for approval."""
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP Groningen")
    schema = tmp_path / "schema.db"
    open_database(schema).close()  # migrated once, copied for every post
    pairing = tmp_path / "koppeling.json"
    hub.sync.export_pairing(pairing)
    posts: list[Site] = []
    for n in range(POSTS):
        post = build_site(tmp_path / f"post{n:02d}", clock, code=f"GR-{n + 100:04d}", schema=schema)
        post.sync.import_pairing(pairing)
        raise_alarm(post, persons=1 + n % 4)
        introduce(post, hub, stick(tmp_path / f"stick{n:02d}"))
        posts.append(post)
    waiting = build_site(tmp_path / "waiting", clock, code="GR-0999")
    waiting.sync.import_pairing(pairing)
    waiting.sync.export_usb(stick(tmp_path / "stick-waiting"))
    hub.sync.import_usb(tmp_path / "stick-waiting")
    posts.append(waiting)
    yield hub, posts
    for site in (hub, *posts):
        site.db.close()


def test_a_hub_with_50_posts_moves_to_postgresql_and_its_posts_keep_syncing(
    region: tuple[Site, list[Site]],
    target: str,
    tmp_path: Path,
    run: Run,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hub, posts = region
    with hub.db.read() as session:
        waiting_bundles = session.scalar(select(func.count()).select_from(PendingBundle))
        quarantined = session.scalar(select(func.count()).select_from(Quarantine))
    assert waiting_bundles == 1  # GR-0999 waits for approval: it must survive the move
    hub.db.close()  # the migrate command refuses a database another process holds open
    folder = hub.data_dir
    before = sqlite_digest(folder)
    listed_before = run(folder, "posts", "list")
    counts_before = counts(run, folder)

    started = time.perf_counter()
    out = ok(folder, "hub", "migrate", target)  # the real command, in its own process
    seconds = time.perf_counter() - started
    with capsys.disabled():  # the figure for the report (pytest -s)
        print(f"\nhub migrate, {POSTS} posts' data: {seconds:.2f} s for the command; {out}")
    assert "staat nu in PostgreSQL" in out
    assert "gelijk aan het origineel" in out

    # The folder now points at the server, the SQLite file is kept aside, the keys stayed.
    assert (folder / DATABASE_URL_FILE).read_text(encoding="utf-8").strip() == target
    assert not (folder / DB_FILENAME).exists()
    kept = list(folder.glob("noodpost-voor-postgresql-*.db"))
    assert len(kept) == 1
    assert (folder / "keys").is_dir()

    # The file kept aside is the hub as it was: the operator can go back to it.
    kept_db = open_database(kept[0])
    try:
        with kept_db.engine.connect() as conn:
            assert move.database_digest(conn) == before
    finally:
        kept_db.close()
    assert "Auditlogboek intact" in run(folder, "audit", "verify")
    assert run(folder, "posts", "list") == listed_before
    assert counts(run, folder) == counts_before
    moved = open_database(target)
    try:
        with moved.read() as session:
            assert session.scalar(select(func.count()).select_from(PendingBundle)) == 1
            assert session.scalar(select(func.count()).select_from(Quarantine)) == quarantined
    finally:
        moved.close()

    # A post syncs again, by stick: accepted without pairing again, new events exactly once.
    post = posts[0]
    had = hub_events_from(target, post.node_id)
    assert had == post.for_hub()
    raise_alarm(post, persons=3)
    raise_alarm(post, persons=4)
    assert post.for_hub() > had
    again = stick(tmp_path / "stick-after")
    post.sync.export_usb(again)
    imported = run(folder, "sync", "import", again)
    assert "wacht" not in imported  # no approval asked again
    run(folder, "sync", "import", again)  # the same bundle twice: nothing twice
    assert hub_events_from(target, post.node_id) == post.for_hub()
    run(folder, "sync", "export", again)
    post.sync.import_usb(again)
    assert post.shared_digest(post.ctx.node.post_code) == _hub_shared(folder, post)

    # Another post over the network, to 'hub serve' on the moved hub: the same.
    other = posts[1]
    raise_alarm(other, persons=2)
    with serving(folder, tmp_path) as url:
        first = sync_now(other.sync, url)
        second = sync_now(other.sync, url)
    assert not first.waiting
    assert first.hub_applied == 1  # the new alarm, once
    assert second.hub_applied == 0
    assert hub_events_from(target, other.node_id) == other.for_hub()


@contextmanager
def serving(folder: Path, tmp_path: Path) -> Iterator[str]:
    """``noodpost hub serve`` on ``folder`` on a free port of 127.0.0.1; its URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "noodpost", "--data-dir", str(folder), "hub", "serve",
         "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NOODPOST_LOG_DIR": str(tmp_path / "serve-logs")},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/v1/health", timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, "hub serve stopped"
                assert time.monotonic() < deadline, "hub serve did not answer"
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def _hub_shared(folder: Path, post: Site) -> str:
    """The hub's digest of what it shares with ``post`` (as the post computes its own)."""
    url = (folder / DATABASE_URL_FILE).read_text(encoding="utf-8").strip()
    db = open_database(url)
    try:
        hub = Site(folder, db, post.ctx, post.sync)  # only its database is read
        return hub.shared_digest(post.ctx.node.post_code)
    finally:
        db.close()


def test_a_target_that_is_not_empty_is_refused_and_nothing_changes(
    tmp_path: Path, clock: FixedClock, pg_server: PgServer
) -> None:
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    hub.db.close()
    other = pg_server.fresh()
    try:
        ok(tmp_path / "other", "init", "--role", "hub", "--name", "Ander", "--code", "GR-9001",
           "--database", other)  # fmt: skip
        before = sqlite_digest(hub.data_dir)
        line = refused(hub.data_dir, "hub", "migrate", other)
        assert "niet leeg" in line
        assert not (hub.data_dir / DATABASE_URL_FILE).exists()
        assert sqlite_digest(hub.data_dir) == before
        assert not list(hub.data_dir.glob("noodpost-voor-postgresql-*"))
    finally:
        pg_server.drop(other)


def test_a_folder_that_is_not_a_hub_is_refused(
    tmp_path: Path, clock: FixedClock, target: str
) -> None:
    post = build_site(tmp_path / "post", clock, code="GR-0014")
    post.db.close()
    assert "geen C-NSP" in refused(post.data_dir, "hub", "migrate", target)
    assert "geen C-NSP" in refused(tmp_path / "leeg", "hub", "migrate", target)
    assert (post.data_dir / DB_FILENAME).exists()
    assert not (post.data_dir / DATABASE_URL_FILE).exists()


def test_a_hub_already_on_postgresql_an_open_database_and_no_server_are_refused(
    tmp_path: Path, clock: FixedClock, target: str, pg_server: PgServer
) -> None:
    on_server = pg_server.fresh()
    try:
        ok(tmp_path / "pg", "init", "--role", "hub", "--name", "R", "--code", "GR-9001",
           "--database", on_server)  # fmt: skip
        assert "al een PostgreSQL-database" in refused(tmp_path / "pg", "hub", "migrate", target)
    finally:
        pg_server.drop(on_server)

    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    assert "nog geopend" in refused(hub.data_dir, "hub", "migrate", target)  # this test has it
    hub.db.close()

    gone = f"postgresql://postgres@/bestaatniet?host={pg_server.socket}"
    assert "niet bereikbaar" in refused(hub.data_dir, "hub", "migrate", gone)
    assert (hub.data_dir / DB_FILENAME).exists()
    assert not (hub.data_dir / DATABASE_URL_FILE).exists()
    done = noodpost(hub.data_dir, "hub", "migrate", target)
    assert done.returncode == 0, done.stderr  # the same hub moves once nothing is in the way


def test_going_back_to_the_file_kept_aside_the_posts_send_again_what_it_lacks(
    tmp_path: Path, clock: FixedClock, target: str, run: Run
) -> None:
    """docs/hub-postgresql.md, 'Going back': rename two files; the post resends."""
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    pairing = tmp_path / "koppeling.json"
    hub.sync.export_pairing(pairing)
    post = build_site(tmp_path / "post", clock, code="GR-0014")
    post.sync.import_pairing(pairing)
    raise_alarm(post)
    introduce(post, hub, stick(tmp_path / "stick1"))
    hub.db.close()
    folder = hub.data_dir
    ok(folder, "hub", "migrate", target)

    raise_alarm(post, persons=5)  # reaches the hub on PostgreSQL only
    on_server = stick(tmp_path / "stick2")
    post.sync.export_usb(on_server)
    run(folder, "sync", "import", on_server)
    run(folder, "sync", "export", on_server)
    post.sync.import_usb(on_server)
    assert hub_events_from(target, post.node_id) == post.for_hub()

    (folder / DATABASE_URL_FILE).rename(folder / "database-url.txt.oud")
    next(folder.glob("noodpost-voor-postgresql-*.db")).rename(folder / DB_FILENAME)
    assert "Auditlogboek intact" in run(folder, "audit", "verify")
    back = stick(tmp_path / "stick3")
    run(folder, "sync", "export", back)  # the file's hub speaks first: the post hears it
    post.sync.import_usb(back)
    post.sync.export_usb(back)
    run(folder, "sync", "import", back)
    db = open_database(folder / DB_FILENAME)
    try:
        with db.read() as session:
            found = select(func.count()).select_from(Event).where(Event.origin == post.node_id)
            assert session.scalar(found) == post.for_hub()  # the alarm sent to the server too
    finally:
        db.close()


def test_a_copy_the_server_refuses_halfway_leaves_nothing_behind(
    tmp_path: Path, clock: FixedClock, target: str
) -> None:
    """All or nothing: a table the server will not take (here a rule added by hand) stops the
    copy after the tables before it; they are rolled back, the folder is as it was, and once
    the rule is gone the same command moves the hub."""
    hub = build_site(tmp_path / "hub", clock, role="hub", code=HUB_CODE)
    raise_alarm(hub)
    hub.db.close()
    schema = open_database(target)  # Noodpost's empty schema: accepted as an empty target
    try:
        with schema.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE event ADD CONSTRAINT nee CHECK (seq < 0)")
    finally:
        schema.close()
    before = sqlite_digest(hub.data_dir)

    line = refused(hub.data_dir, "hub", "migrate", target)
    assert "mislukt en teruggedraaid" in line
    assert sqlite_digest(hub.data_dir) == before
    assert not (hub.data_dir / DATABASE_URL_FILE).exists()
    assert not list(hub.data_dir.glob("noodpost-voor-postgresql-*"))
    moved = open_database(target)
    try:
        with moved.engine.begin() as conn:
            assert move.occupied_tables(conn) == []  # node, peer, … rolled back with event
            conn.exec_driver_sql("ALTER TABLE event DROP CONSTRAINT nee")
    finally:
        moved.close()
    ok(hub.data_dir, "hub", "migrate", target)
    assert sqlite_digest(next(hub.data_dir.glob("noodpost-voor-postgresql-*.db"))) == before
