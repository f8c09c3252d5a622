"""A region for the parallel-import test and its benchmark: a hub on PostgreSQL, many posts
paired with it and approved, each with bundles written to files; worker processes that import
them as the hub's endpoint does (``pg_importer.py``); the checks of the end state."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sitekit import HUB_CODE, Site, build_site, party
from sqlalchemy import delete, insert, select, text

from noodpost.core.authority import EVERY_POST
from noodpost.core.clock import FixedClock, SystemClock, iso
from noodpost.core.entities import Op
from noodpost.core.ids import new_id
from noodpost.storage.dialect import POST_LOCK_CLASS
from noodpost.storage.engine import Database, open_database
from noodpost.storage.models import Base, Event, Peer
from noodpost.storage.node import database_path, require_node
from noodpost.storage.streams import version_vector
from noodpost.sync.peers import new_peer, record_acknowledgement
from noodpost.sync.service import SyncService

IMPORTER = Path(__file__).with_name("pg_importer.py")


@dataclass
class Region:
    """The hub (its database on PostgreSQL at ``url``), its posts and their bundle files."""

    hub: Site
    url: str
    posts: list[Site]
    bundles: Path
    #: Per post, its bundle files in the order it made them.
    files: list[list[Path]]
    #: Per post, the households it registered.
    households: list[list[str]]
    hub_incarnation: str

    def close(self) -> None:
        for post in self.posts:
            post.db.close()
        self.hub.db.close()


def build_region(base: Path, clock: FixedClock, url: str, posts: int) -> Region:
    """A hub at ``url`` and ``posts`` posts paired with it and approved there (as
    ``posts approve`` leaves them: the hub knows each post's keys and code)."""
    hub = build_site(base / "hub", clock, role="hub", code=HUB_CODE, database=url)
    pairing = base / "koppeling.json"
    hub.sync.export_pairing(pairing)
    made: list[Site] = []
    for n in range(posts):
        post = build_site(base / f"post{n:03d}", clock, code=f"GR-{n + 100:04d}")
        post.sync.import_pairing(pairing)
        made.append(post)
    with hub.db.write() as session:
        incarnation = require_node(session).incarnation
        for post in made:
            session.add(new_peer(party(post), training=False, approved=True, now=iso(clock.now())))
    bundles = base / "bundles"
    bundles.mkdir()
    return Region(
        hub,
        url,
        made,
        bundles,
        [[] for _ in made],
        [[] for _ in made],
        incarnation,
    )


def send(region: Region, index: int, households: int) -> Path:
    """Post ``index`` registers ``households`` households and makes a bundle for the hub (all
    it has not had acknowledged: everything so far); the file's path."""
    post = region.posts[index]
    for _ in range(households):
        region.households[index].append(post.intake.register(size=2).household_id)
    return _bundle(region, index)


def send_follow_up(region: Region, index: int) -> Path:
    """Post ``index`` has its earlier bundles acknowledged (as after a network sync), then
    records a visit and a new size for each of its households: a bundle of only those events,
    every one about a household an earlier bundle brought."""
    post = region.posts[index]
    with post.db.write() as session:
        peer = session.get(Peer, region.hub.node_id)
        assert peer is not None
        record_acknowledgement(peer, version_vector(session), region.hub_incarnation)
    with post.ctx.write() as uow:
        for household in region.households[index]:
            data = {"post_code": post.ctx.node.post_code, "household_id": household}
            uow.emit(
                "visit",
                new_id(),
                Op.CREATE,
                {**data, "persons": 2, "checked_in_at": post.ctx.now_iso()},
            )
            uow.emit("household", household, Op.UPDATE, {"size": 3})
    return _bundle(region, index)


def _bundle(region: Region, index: int) -> Path:
    post = region.posts[index]
    path = region.bundles / f"post{index:03d}-{len(region.files[index])}.npb"
    path.write_bytes(post.sync.build_bundle(region.hub.node_id).data)
    region.files[index].append(path)
    return path


def start_worker(
    hub_dir: Path, name: str, start_at: float, files: list[Path]
) -> subprocess.Popen[str]:
    """A hub worker process importing ``files`` from the wall-clock time ``start_at`` on."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, str(IMPORTER), str(hub_dir), name, str(start_at), *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def holds_post_lock(db: Database, name: str) -> bool:
    """Whether PostgreSQL client ``name`` holds a post's import lock (is inside an import)."""
    query = text(
        "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
        "WHERE a.application_name = :name AND l.locktype = 'advisory' AND l.granted "
        "AND l.objsubid = 2 AND l.classid = :class"
    )
    with db.engine.connect() as conn:
        return bool(conn.execute(query, {"name": name, "class": POST_LOCK_CLASS}).scalar())


def sqlite_copy(source: Database, folder: Path, keys_from: Path) -> tuple[Database, SyncService]:
    """The hub as it is now, every row, as a SQLite hub in ``folder`` (with its keys)."""
    folder.mkdir()
    shutil.copytree(keys_from / "keys", folder / "keys")
    target = open_database(database_path(folder))
    with source.read() as read, target.engine.begin() as write:
        for table in Base.metadata.sorted_tables:
            write.execute(delete(table))
            rows = [dict(row._mapping) for row in read.execute(select(table))]
            if rows:
                write.execute(insert(table), rows)
    return target, SyncService(target, SystemClock(), folder)


def sendable(site: Site) -> set[tuple[str, int, str]]:
    """The events a post sends its hub: its own stream, no secrets, not the catalogue."""
    with site.db.read() as session:
        rows = session.execute(
            select(Event.incarnation, Event.seq, Event.data_hash).where(
                Event.origin == site.node_id,
                Event.secret.is_(False),
                Event.audience != EVERY_POST,
            )
        )
        return {(inc, seq, digest) for inc, seq, digest in rows}


def held(db: Database, origin: str) -> list[tuple[str, int, str]]:
    """The events of ``origin`` a hub holds, one per row (a duplicate would show twice)."""
    with db.read() as session:
        rows = session.execute(
            select(Event.incarnation, Event.seq, Event.data_hash).where(Event.origin == origin)
        )
        return [(inc, seq, digest) for inc, seq, digest in rows]
