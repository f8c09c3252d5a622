"""Kill -9 during a bundle import: the scene, the killable importer, one trial and its checks.

Shared by ``test_kill_import.py`` (the suite's trials) and ``run_faults.py --op import`` (a long
run with a summary table). A trial:

1. copies the closed template hub folder (database and keys) — no process has it open;
2. starts an import of the post's bundle into the copy in another process
   (``import_runner.py``), waits for it to say ``go`` and kills it with SIGKILL after a random
   delay within the measured import time;
3. in this process: ``PRAGMA integrity_check`` is ``ok``, foreign keys hold, and the hub holds
   either none or all of the bundle — event count, state digest, the bundle id and the post's
   acknowledgement all agree on which;
4. imports the bundle again and finds exactly the state of an uninterrupted import.

Any deviation raises :class:`TrialFailed` with what was seen.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from sqlalchemy import func, select

from noodpost.config import catalogue_path
from noodpost.core import cards
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import FixedClock, iso
from noodpost.core.entities import Op
from noodpost.core.ids import new_id
from noodpost.services.base import ServiceContext
from noodpost.services.setup import initialise
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import Peer, Quarantine, ReceivedBundle, SupplyItem
from noodpost.storage.node import database_path
from noodpost.sync import bundle as fmt
from noodpost.sync.exchange import ImportStatus
from noodpost.sync.keys import create_keys
from noodpost.sync.service import SyncService

RUNNER = Path(__file__).with_name("import_runner.py")
HUB_CODE = "GR-9000"
POST_CODE = "GR-0014"
START = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
SEED_VARIABLE = "NOODPOST_KILL_SEED"


class TrialFailed(AssertionError):
    """A killed import left the hub in a state it must never be in."""


# ---------------------------------------------------------------- the scene


@dataclass(frozen=True)
class Site:
    data_dir: Path
    db: Database
    ctx: ServiceContext
    sync: SyncService


def _node(data_dir: Path, clock: FixedClock, *, role: str, code: str, name: str) -> Site:
    data_dir.mkdir(parents=True)
    db = open_database(database_path(data_dir))
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    initialise(
        db, clock, role=role, name=name, code=code, catalogue=items, catalogue_version=version
    )
    create_keys(db, data_dir)
    return Site(data_dir, db, ServiceContext(db, clock), SyncService(db, clock, data_dir))


def _workload(post: Site, clock: FixedClock, households: int) -> None:
    """A morning at a busy post: registrations, visits, hand-outs, log lines, some alarms."""
    with post.db.read() as session:
        items = list(session.scalars(select(SupplyItem.id).order_by(SupplyItem.code)))
    batch = 100
    for start in range(0, households, batch):
        clock.advance(timedelta(minutes=1))
        with post.ctx.write() as uow:
            for n in range(start, min(start + batch, households)):
                household = new_id()
                at = post.ctx.now_iso()
                uow.emit(
                    "household",
                    household,
                    Op.CREATE,
                    {
                        "post_code": POST_CODE,
                        "card_code": cards.new_card_code(),
                        "size": 1 + n % 6,
                        "name": f"Huishouden {n}",
                        "birth_year": 1930 + n % 80,
                        "registered_at": at,
                    },
                )
                uow.emit(
                    "visit",
                    new_id(),
                    Op.CREATE,
                    {
                        "post_code": POST_CODE,
                        "household_id": household,
                        "persons": 1 + n % 6,
                        "checked_in_at": at,
                    },
                )
                uow.emit(
                    "distribution",
                    new_id(),
                    Op.CREATE,
                    {
                        "post_code": POST_CODE,
                        "household_id": household,
                        "item_id": items[n % len(items)],
                        "quantity": 1.0,
                        "at": at,
                    },
                )
                uow.emit(
                    "log_entry",
                    new_id(),
                    Op.CREATE,
                    {"post_code": POST_CODE, "at": at, "text": f"Uitgifte aan huishouden {n}"},
                )
                if n % 50 == 0:
                    alarm = new_id()
                    uow.emit(
                        "alarm",
                        alarm,
                        Op.CREATE,
                        {
                            "post_code": POST_CODE,
                            "type": "ambulance",
                            "urgency": "high",
                            "location": "zaal 2",
                            "persons": 1,
                            "raised_at": at,
                        },
                    )
                    uow.emit("alarm", alarm, Op.STATUS, {"status": "sent"})


@dataclass(frozen=True)
class HubState:
    """What a hub holds, as far as one bundle's import is concerned."""

    events: int
    digest: str
    has_bundle: bool
    acknowledged: str  # the post's vector as the hub recorded it
    quarantined: int


def hub_state(db: Database, bundle_id: str, post_id: str) -> HubState:
    with db.read() as session:
        peer = session.get(Peer, post_id)
        return HubState(
            events=count_events(session),
            digest=state_digest(session),
            has_bundle=session.get(ReceivedBundle, bundle_id) is not None,
            acknowledged=repr(peer.acked_vector if peer is not None else None),
            quarantined=session.scalar(select(func.count()).select_from(Quarantine)) or 0,
        )


@dataclass(frozen=True)
class Scene:
    """A closed template hub, a bundle for it and the two states an import may leave."""

    template: Path  # the hub's data folder: copied for every trial, never opened by a trial
    bundle: Path
    bundle_id: str
    post_id: str
    events: int  # events in the bundle, none of them held by the hub yet
    size: int  # bytes
    before: HubState
    after: HubState  # after one uninterrupted import
    clock_iso: str  # the hub's clock during the import

    def copy_to(self, folder: Path) -> Path:
        shutil.copytree(self.template, folder)
        return folder


def build_scene(base: Path, households: int) -> Scene:
    """A hub that approved a post and knows what the post held; the post then serves
    ``households`` households and writes a bundle with all of it (about 4 events each)."""
    clock = FixedClock(START)
    hub = _node(base / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP Groningen")
    post = _node(base / "post", clock, role="post", code=POST_CODE, name="Dorpshuis Ten Boer")
    try:
        pairing = base / "koppeling.json"
        hub.sync.export_pairing(pairing)
        post.sync.import_pairing(pairing)
        stick = base / "stick"
        stick.mkdir()
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        hub.sync.approve_post(POST_CODE, post.sync.fingerprint)
        hub.sync.export_usb(stick)
        post.sync.import_usb(stick)  # the post now knows what the hub holds: no re-sends
        _workload(post, clock, households)
        made = post.sync.build_bundle(hub.ctx.node.node_id)
        bundle = base / f"{made.bundle_id}{fmt.SUFFIX}"
        bundle.write_bytes(made.data)
        post_id = post.ctx.node.node_id
        before = hub_state(hub.db, made.bundle_id, post_id)
    finally:
        hub.db.close()
        post.db.close()
    template = base / "hub"
    leftovers = sorted(p.name for p in template.iterdir() if p.name.endswith(("-wal", "-shm")))
    if leftovers:  # the template must be a closed, checkpointed database
        raise RuntimeError(f"template hub not closed cleanly: {leftovers}")
    clock.advance(timedelta(minutes=30))  # the courier arrives at the hub
    clock_iso = iso(clock.now())
    reference = base / "reference"
    shutil.copytree(template, reference)
    db = open_database(database_path(reference))
    try:
        SyncService(db, FixedClock(clock.now()), reference).import_usb(bundle)
        after = hub_state(db, made.bundle_id, post_id)
    finally:
        db.close()
    shutil.rmtree(reference)
    scene = Scene(
        template=template,
        bundle=bundle,
        bundle_id=made.bundle_id,
        post_id=post_id,
        events=made.event_count,
        size=len(made.data),
        before=before,
        after=after,
        clock_iso=clock_iso,
    )
    if after.events != before.events + scene.events or after.digest == before.digest:
        raise RuntimeError("the reference import did not apply the whole bundle")
    return scene


# ---------------------------------------------------------------- the process to kill


@dataclass(frozen=True)
class Killed:
    pid: int
    finished: bool  # the import had returned (committed) before the signal arrived
    import_seconds: float | None  # as the child measured it, when it finished


class Target:
    """One import under way in another process: let it finish or kill it, then read its end."""

    def __init__(self, pid: int, stream: IO[str]) -> None:
        self.pid = pid
        self._stream = stream
        self._lines: list[str] = []

    def wait_finished(self) -> None:
        """Block until the import reports that it returned."""
        line = self._stream.readline()
        self._lines.append(line.strip())
        if not line.startswith("done"):
            raise RuntimeError(f"the uninterrupted import did not finish: {self._lines}")

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):  # it had finished and been reaped
            os.kill(self.pid, signal.SIGKILL)

    def drain(self, until: str | None) -> None:
        """Read what the process still wrote: up to a line starting with ``until``, or EOF."""
        while True:
            line = self._stream.readline()
            if not line:
                return
            self._lines.append(line.strip())
            if until is not None and line.startswith(until):
                return

    @property
    def result(self) -> Killed:
        errors = [line for line in self._lines if line.startswith("error")]
        if errors:
            raise RuntimeError(f"the import failed on its own: {errors}")
        done = [line for line in self._lines if line.startswith("done")]
        return Killed(self.pid, bool(done), float(done[0].split()[1]) if done else None)


class Importer:
    """Starts imports in separate processes: forks of a warm runner, or a fresh interpreter each.

    Use as a context manager; the warm runner is stopped on leaving.
    """

    def __init__(self, *, fresh: bool = False) -> None:
        self.fresh = fresh
        self._server: subprocess.Popen[str] | None = None

    def __enter__(self) -> Importer:
        if not self.fresh:
            self._server = subprocess.Popen(
                [sys.executable, str(RUNNER), "--serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                bufsize=1,
            )
            assert self._server.stdout is not None
            _read_until(self._server.stdout, "ready")
        return self

    def __exit__(self, *_exc: object) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        assert server.stdin is not None
        assert server.stdout is not None
        server.stdin.close()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()

    @contextmanager
    def importing(self, data_dir: Path, scene: Scene) -> Iterator[Target]:
        """An import of ``scene.bundle`` into ``data_dir`` that has just started.

        The body decides when to stop it (``kill``) or lets it finish (``wait_finished``);
        on leaving, the process is killed if still there and its output read.
        """
        if self.fresh:
            child = subprocess.Popen(
                [sys.executable, str(RUNNER), str(data_dir), str(scene.bundle), scene.clock_iso],
                stdout=subprocess.PIPE,
                text=True,
                bufsize=1,
            )
            assert child.stdout is not None
            try:
                go = _read_until(child.stdout, "go")
                target = Target(int(go.split()[1]), child.stdout)
                yield target
                target.kill()
                child.wait()
                target.drain(None)
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait()
                child.stdout.close()
            return
        server = self._server
        if server is None or server.stdin is None or server.stdout is None:
            raise RuntimeError("use the Importer as a context manager")
        server.stdin.write(f"{data_dir}\t{scene.bundle}\t{scene.clock_iso}\n")
        server.stdin.flush()
        go = _read_until(server.stdout, "go")
        target = Target(int(go.split()[1]), server.stdout)
        try:
            yield target
        finally:
            target.kill()
            target.drain("exit")


def _read_until(stream: IO[str], word: str) -> str:
    """Read lines up to the one starting with ``word`` and return it."""
    seen: list[str] = []
    while True:
        line = stream.readline()
        if not line:
            raise RuntimeError(f"the import runner stopped before '{word}': {seen}")
        seen.append(line.strip())
        if line.startswith(word):
            return line.strip()
        if line.startswith(("error", "exit")):
            raise RuntimeError(f"the import runner failed: {seen}")


def measure_import(scene: Scene, importer: Importer, work: Path, runs: int = 3) -> float:
    """Median seconds of an uninterrupted import in the runner (from ``go`` to committed);
    each run's result is checked like a trial's."""
    times: list[float] = []
    for n in range(runs):
        copy = scene.copy_to(work / f"measure-{n}")
        with importer.importing(copy, scene) as target:
            target.wait_finished()
        seconds = target.result.import_seconds
        assert seconds is not None
        times.append(seconds)
        if check_killed(scene, copy) != "all":
            raise TrialFailed("an uninterrupted import did not leave the whole bundle")
        check_reimport(scene, copy, expect_present=True)
        shutil.rmtree(copy)
    return statistics.median(times)


# ---------------------------------------------------------------- one trial


@dataclass(frozen=True)
class Trial:
    number: int
    delay: float  # seconds between "go" and SIGKILL
    outcome: str  # "none": nothing of the bundle; "all": everything
    finished: bool  # the import had returned before the signal
    seconds: float  # the whole trial, checks included


def check_killed(scene: Scene, copy: Path) -> str:
    """Open the killed hub as the app would, check it, and say whether it holds none or all."""
    db = open_database(database_path(copy))
    try:
        integrity = db.integrity_check()
        if integrity != "ok":
            raise TrialFailed(f"integrity_check: {integrity}")
        with db.engine.connect() as conn:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise TrialFailed(f"foreign_key_check: {broken[:5]}")
        state = hub_state(db, scene.bundle_id, scene.post_id)
    finally:
        db.close()
    if state == scene.before:
        return "none"
    if state == scene.after:
        return "all"
    raise TrialFailed(f"neither none nor all of the bundle: {describe(scene, state)}")


def describe(scene: Scene, state: HubState) -> str:
    digest = {scene.before.digest: "as before", scene.after.digest: "as after"}
    return (
        f"{state.events} events (before {scene.before.events}, after {scene.after.events}), "
        f"state digest {digest.get(state.digest, 'neither before nor after')}, bundle id "
        f"{'recorded' if state.has_bundle else 'not recorded'}, acknowledgement "
        f"{'as after' if state.acknowledged == scene.after.acknowledged else 'not as after'}, "
        f"{state.quarantined} quarantined"
    )


def check_reimport(scene: Scene, copy: Path, *, expect_present: bool) -> None:
    """Import the bundle again: an interrupted import completes, a finished one is a duplicate."""
    db = open_database(database_path(copy))
    try:
        clock = FixedClock(datetime.fromisoformat(scene.clock_iso))
        result = SyncService(db, clock, copy).import_usb(scene.bundle)
        [outcome] = result.outcomes
        wanted = (
            (ImportStatus.DUPLICATE, 0) if expect_present else (ImportStatus.APPLIED, scene.events)
        )
        if (outcome.status, outcome.applied) != wanted:
            raise TrialFailed(f"re-import gave {outcome.status} {outcome.applied}, not {wanted}")
        state = hub_state(db, scene.bundle_id, scene.post_id)
        integrity = db.integrity_check()
    finally:
        db.close()
    if integrity != "ok":
        raise TrialFailed(f"integrity_check after the re-import: {integrity}")
    if state != scene.after:
        raise TrialFailed(f"the re-import did not reach the full state: {describe(scene, state)}")


def run_trial(scene: Scene, importer: Importer, work: Path, number: int, delay: float) -> Trial:
    started = time.perf_counter()
    copy = scene.copy_to(work / f"trial-{number}")
    with importer.importing(copy, scene) as target:
        time.sleep(delay)
        target.kill()
    killed = target.result
    outcome = check_killed(scene, copy)
    if killed.finished and outcome != "all":
        raise TrialFailed("the import reported success, yet the hub does not hold the bundle")
    check_reimport(scene, copy, expect_present=outcome == "all")
    shutil.rmtree(copy)
    return Trial(number, delay, outcome, killed.finished, time.perf_counter() - started)


def choose_seed() -> int:
    """``$NOODPOST_KILL_SEED`` to repeat a run; otherwise a new seed (printed by the caller)."""
    given = os.environ.get(SEED_VARIABLE)
    return int(given) if given else random.SystemRandom().randrange(1 << 32)


def delays(
    seed: int, count: int, duration: float, window: tuple[float, float] = (0.0, 1.0)
) -> list[float]:
    """``count`` kill moments, uniform over ``window`` (shares of the import's duration)."""
    rng = random.Random(seed)
    low, high = window
    return [rng.uniform(low * duration, high * duration) for _ in range(count)]
