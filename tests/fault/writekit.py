"""Kill -9 during desk writes (intake, hand-out), a bundle export or a backup: scenes and checks.

Shared by ``test_kill_writes.py`` (the suite's trials) and ``run_faults.py`` (long runs). A
trial:

1. copies a closed template data folder — no process has it open;
2. starts the operation on the copy in another process (``write_runner.py``), which prints a
   ``commit`` line after every write that returned; kills it with SIGKILL a random (seeded)
   moment into the operation and keeps every ``commit`` line it printed;
3. in this process, on the killed copy: ``PRAGMA integrity_check`` is ``ok`` and foreign keys
   hold; every reported write is there (0 lost) and none is there twice (0 duplicated); the
   event streams have no gaps; the event count is the template's plus one per write present; the
   state digest equals the digest after re-folding all state from the events; for an export or
   a backup: the database is exactly as before, and under a final name there is either nothing
   or a complete, valid file;
4. re-runs the interrupted operation, as a volunteer would after a restart, and checks the end
   state: every write present exactly once, a valid file under the final name, nothing
   ``.partial`` left.

Any deviation raises :class:`killkit.TrialFailed` with what was seen.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import IO

from killkit import HUB_CODE, POST_CODE, START, TrialFailed, _node, _workload
from sqlalchemy import func, select
from write_runner import client_name, intake_fields

from noodpost.core.clock import FixedClock, iso, parse_iso
from noodpost.core.errors import UserError
from noodpost.services.audit import verify_audit
from noodpost.services.intake import IntakeService
from noodpost.services.recovery import opened_backup
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import Distribution, Event, Household
from noodpost.storage.node import database_path
from noodpost.storage.projection import rebuild
from noodpost.storage.sealed_backup import is_sealed
from noodpost.sync import bundle as fmt
from noodpost.sync.files import PARTIAL_SUFFIX
from noodpost.sync.keys import NodeKeys, load_node_keys
from noodpost.sync.usb import OUTBOX, ROOT_FOLDER

RUNNER = Path(__file__).with_name("write_runner.py")
DESK_OPS = ("intake", "handout")
#: Events one desk write makes: a hand-out to a household not seen today also records its
#: passing visit (services.passing), in the same unit of work.
EVENTS_PER_WRITE = {"intake": 1, "handout": 2}
FILE_OPS = ("export", "backup")
OPS = DESK_OPS + FILE_OPS


# ---------------------------------------------------------------- the scenes


@dataclass(frozen=True)
class WriteScene:
    """A closed template data folder and what an operation on it must leave."""

    op: str
    template: Path  # copied for every trial, never opened by a trial
    count: int  # writes per run (1 for an export or a backup)
    clock_iso: str  # the clock of the runner
    events: int  # in the template
    digest: str  # of the template's state
    hub_id: str = ""  # export: the recipient
    hub_keys: NodeKeys | None = field(default=None, compare=False)  # export: to open the bundle
    bundle_events: int = 0  # export: events the bundle must carry

    def copy_to(self, folder: Path) -> Path:
        shutil.copytree(self.template, folder)
        return folder


def _closed(db: Database, folder: Path) -> tuple[int, str]:
    with db.read() as session:
        counted = (count_events(session), state_digest(session))
    db.close()
    leftovers = sorted(p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm")))
    if leftovers:
        raise RuntimeError(f"template not closed cleanly: {leftovers}")
    return counted


def build_write_scene(base: Path, op: str, *, count: int = 40, households: int = 300) -> WriteScene:
    """The template for ``op``: a post (intake), a post with ``count`` registered households
    (hand-out), or a post paired with a hub that served ``households`` households (export,
    backup: about 4 events each)."""
    clock = FixedClock(START)
    runner_clock = iso(START + timedelta(hours=1))
    if op in DESK_OPS:
        post = _node(base / "post", clock, role="post", code=POST_CODE, name="Dorpshuis Ten Boer")
        if op == "handout":
            intake = IntakeService(post.ctx)
            for n in range(count):
                fields = intake_fields(n) | {"name": client_name(n)}
                intake.register(**fields)  # type: ignore[arg-type]
        events, digest = _closed(post.db, post.data_dir)
        return WriteScene(op, post.data_dir, count, runner_clock, events, digest)
    if op not in FILE_OPS:
        raise ValueError(f"unknown operation {op}")
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
        post.sync.import_usb(stick)
        shutil.rmtree(stick)
        _workload(post, clock, households)
        hub_id = hub.ctx.node.node_id
        hub_keys = load_node_keys(hub.db, hub.data_dir)
        bundle_events = post.sync.build_bundle(hub_id).event_count
    finally:
        hub.db.close()
    events, digest = _closed(post.db, post.data_dir)
    return WriteScene(
        op,
        post.data_dir,
        1,
        runner_clock,
        events,
        digest,
        hub_id=hub_id,
        hub_keys=hub_keys,
        bundle_events=bundle_events,
    )


# ---------------------------------------------------------------- the process to kill


@dataclass(frozen=True)
class Report:
    """What the killed process said before it died."""

    commits: dict[int, str]  # write number → the id it reported
    present: tuple[int, ...]  # writes refused as already done
    finished: bool
    seconds: float | None  # from go to done, when finished


def parse_report(lines: list[str]) -> Report:
    errors = [line for line in lines if line.startswith("error")]
    if errors:
        raise RuntimeError(f"the operation failed on its own: {errors}")
    commits: dict[int, str] = {}
    present: list[int] = []
    done: float | None = None
    for line in lines:
        word, *rest = line.split()
        if word == "commit":
            number = int(rest[0])
            if number in commits:
                raise TrialFailed(f"write {number} reported twice")
            commits[number] = rest[1]
        elif word == "present":
            present.append(int(rest[0]))
        elif word == "done":
            done = float(rest[0])
    return Report(commits, tuple(present), done is not None, done)


class Running:
    """One operation under way in another process."""

    def __init__(self, pid: int, stream: IO[str]) -> None:
        self.pid = pid
        self._stream = stream
        self.lines: list[str] = []

    def wait_finished(self) -> None:
        while True:
            line = self._stream.readline()
            if not line:
                raise RuntimeError(f"the operation stopped before 'done': {self.lines}")
            self.lines.append(line.strip())
            if line.startswith("done"):
                return
            if line.startswith("error"):
                raise RuntimeError(f"the operation failed: {self.lines}")

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def wait_commits(self, count: int) -> None:
        """Until ``count`` writes have reported (or the operation ended)."""
        seen = sum(line.startswith(("commit", "present")) for line in self.lines)
        while seen < count:
            line = self._stream.readline()
            if not line:
                return
            self.lines.append(line.strip())
            if line.startswith(("done", "error", "exit")):
                return
            seen += line.startswith(("commit", "present"))

    def drain(self, until: str | None) -> None:
        while True:
            line = self._stream.readline()
            if not line:
                return
            self.lines.append(line.strip())
            if until is not None and line.startswith(until):
                return

    @property
    def report(self) -> Report:
        return parse_report([line for line in self.lines if not line.startswith("exit")])


class Writer:
    """Starts operations in separate processes: forks of a warm runner or fresh interpreters."""

    def __init__(self, *, fresh: bool = False) -> None:
        self.fresh = fresh
        self._server: subprocess.Popen[str] | None = None

    def __enter__(self) -> Writer:
        if not self.fresh:
            self._server = subprocess.Popen(
                [sys.executable, str(RUNNER), "--serve"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                bufsize=1,
            )
            assert self._server.stdout is not None
            _read_until(self._server.stdout, "ready", [])
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
    def running(
        self, scene: WriteScene, data_dir: Path, target: Path, start: int, count: int
    ) -> Iterator[Running]:
        """The operation, just started (``go`` was read); killed on leaving if still there."""
        fields = [scene.op, str(data_dir), str(target), scene.clock_iso, str(start), str(count)]
        if self.fresh:
            child = subprocess.Popen(
                [sys.executable, str(RUNNER), *fields], stdout=subprocess.PIPE, text=True, bufsize=1
            )
            assert child.stdout is not None
            try:
                seen: list[str] = []
                go = _read_until(child.stdout, "go", seen)
                target_process = Running(int(go.split()[1]), child.stdout)
                target_process.lines.extend(seen)
                yield target_process
                target_process.kill()
                child.wait()
                target_process.drain(None)
            finally:
                if child.poll() is None:
                    child.kill()
                    child.wait()
                child.stdout.close()
            return
        server = self._server
        if server is None or server.stdin is None or server.stdout is None:
            raise RuntimeError("use the Writer as a context manager")
        server.stdin.write("\t".join(fields) + "\n")
        server.stdin.flush()
        seen = []
        go = _read_until(server.stdout, "go", seen)
        process = Running(int(go.split()[1]), server.stdout)
        process.lines.extend(seen)
        try:
            yield process
        finally:
            process.kill()
            process.drain("exit")


def _read_until(stream: IO[str], word: str, seen: list[str]) -> str:
    while True:
        line = stream.readline()
        if not line:
            raise RuntimeError(f"the runner stopped before '{word}': {seen}")
        seen.append(line.strip())
        if line.startswith(word):
            return line.strip()
        if line.startswith(("error", "exit")):
            raise RuntimeError(f"the runner failed: {seen}")


# ---------------------------------------------------------------- checks


def target_of(scene: WriteScene, trial_dir: Path) -> Path:
    """Where the operation writes its file: a stick (export) or a backup folder."""
    return trial_dir / ("stick" if scene.op == "export" else "backups")


def _writes_present(session: object, scene: WriteScene) -> dict[int, list[str]]:
    """Per write number, the ids of what it made (a household, a hand-out)."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    made: dict[int, list[str]] = {}
    if scene.op == "intake":
        rows = session.execute(
            select(Household.id, Household.name).where(Household.name.like("Huishouden %"))
        )
        for hid, name in rows:
            made.setdefault(int(str(name).split()[1]), []).append(hid)
    else:
        clients = {
            hid: int(str(name).split()[1])
            for hid, name in session.execute(select(Household.id, Household.name))
        }
        for did, hid in session.execute(select(Distribution.id, Distribution.household_id)):
            made.setdefault(clients[hid], []).append(did)
    return made


def check_database(db: Database, *, refold: bool = True) -> None:
    """Integrity, foreign keys, gapless event streams, an intact audit chain, and (``refold``)
    state = a fresh fold of the events."""
    integrity = db.integrity_check()
    if integrity != "ok":
        raise TrialFailed(f"integrity_check: {integrity}")
    with db.engine.connect() as conn:
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise TrialFailed(f"foreign_key_check: {broken[:5]}")
    with db.read() as session:
        streams = session.execute(
            select(Event.origin, Event.incarnation, func.count(), func.min(Event.seq))
            .add_columns(func.max(Event.seq))
            .group_by(Event.origin, Event.incarnation)
        ).all()
        digest = state_digest(session)
    for origin, incarnation, count, low, high in streams:
        if high - low + 1 != count:
            raise TrialFailed(
                f"gap in the events of {origin}/{incarnation}: {count} in {low}–{high}"
            )
    audit = verify_audit(db)
    if not audit.intact:
        raise TrialFailed(f"audit log broken after {audit.checked} entries: {audit.broken}")
    if not refold:
        return
    with db.write() as session:
        rebuild(session)
    with db.read() as session:
        if state_digest(session) != digest:
            raise TrialFailed("the state differs from a fresh fold of the events")


def check_desk(scene: WriteScene, db: Database, report: Report, *, complete: bool) -> int:
    """Every reported write present once, nothing else; returns how many writes are present."""
    expected = set(range(len(report.commits)))
    if set(report.commits) != expected:
        raise TrialFailed(f"reported writes are not 0…n-1: {sorted(report.commits)}")
    with db.read() as session:
        made = _writes_present(session, scene)
        events = count_events(session)
    doubles = {n: ids for n, ids in made.items() if len(ids) > 1}
    if doubles:
        raise TrialFailed(f"written twice: {doubles}")
    lost = [n for n, made_id in report.commits.items() if made.get(n) != [made_id]]
    if lost:
        raise TrialFailed(f"reported as committed but missing: {lost}")
    extra = set(made) - expected
    allowed = set(range(scene.count)) if complete else {len(report.commits)}
    if not extra <= allowed:
        raise TrialFailed(f"writes present that were never started: {sorted(extra - allowed)}")
    if (report.finished or complete) and set(made) != set(range(scene.count)):
        raise TrialFailed(f"finished, but only {len(made)} of {scene.count} writes present")
    if events != scene.events + EVENTS_PER_WRITE[scene.op] * len(made):
        raise TrialFailed(f"{events} events for {len(made)} writes (template {scene.events})")
    return len(made)


def _final_files(target: Path, op: str) -> tuple[list[Path], list[Path]]:
    """Files under their final name, and ``.partial`` files, in the operation's folder."""
    if not target.exists():
        return [], []
    files = [p for p in target.rglob("*") if p.is_file()]
    # A killed backup may leave ``<name>.partial`` with its ``-wal``/``-shm`` side files.
    partial = [p for p in files if PARTIAL_SUFFIX in p.name]
    final = [p for p in files if PARTIAL_SUFFIX not in p.name]
    if op == "export":
        other = [p for p in final if p.suffix != fmt.SUFFIX]
        if other:
            raise TrialFailed(f"unexpected files on the stick: {other}")
    return final, partial


def check_bundle(scene: WriteScene, path: Path) -> None:
    """A complete bundle for the hub, carrying all the post's events (opened with its key)."""
    assert scene.hub_keys is not None
    try:
        signed = fmt.read_signed(path.read_bytes(), scene.hub_keys.encryption)
        contents = fmt.open_payload(signed, scene.hub_keys.encryption)
    except Exception as bad:
        raise TrialFailed(f"{path.name} under its final name is not a valid bundle: {bad}") from bad
    if signed.header.recipient != scene.hub_id or len(contents.events) != scene.bundle_events:
        raise TrialFailed(f"{path.name}: {len(contents.events)} events, not {scene.bundle_events}")
    if path.parent.name != OUTBOX or path.parent.parent.parent.name != ROOT_FOLDER:
        raise TrialFailed(f"{path} is not in NOODPOST/<code>/outbox")


def check_backup(scene: WriteScene, path: Path) -> None:
    """A complete backup: opens (a sealed one with the code kept in the trial's data folder,
    beside the backup folder), passes ``quick_check`` and holds every event of the post."""
    if path.name.endswith(("-wal", "-shm", "-journal")):
        raise TrialFailed(f"{path.name}: a side file under a final backup name")
    if not is_sealed(path):
        raise TrialFailed(f"{path.name}: a backup outside the data folder must be sealed")
    try:
        with opened_backup(path, path.parent.parent / "data", None) as opened:
            _check_plain(scene, opened.path, path.name)
    except UserError as bad:
        raise TrialFailed(f"{path.name} under its final name does not open: {bad}") from bad


def _check_plain(scene: WriteScene, path: Path, name: str) -> None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            events = conn.execute("SELECT count(*) FROM event").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as bad:
        raise TrialFailed(f"{name} under its final name is not a database: {bad}") from bad
    if result != "ok":
        raise TrialFailed(f"{name}: quick_check {result}")
    if events != scene.events:
        raise TrialFailed(f"{name}: {events} events, not {scene.events}")


def check_files(scene: WriteScene, target: Path, report: Report, *, complete: bool) -> int:
    """Nothing or valid files under final names; a reported file exists. Returns partials."""
    final, partial = _final_files(target, scene.op)
    for path in final:
        check_bundle(scene, path) if scene.op == "export" else check_backup(scene, path)
    for number, name in report.commits.items():
        if Path(name) not in final:
            raise TrialFailed(f"reported file {number} ({Path(name).name}) is missing")
    if complete:
        if scene.op == "export" and len(final) != 1:
            raise TrialFailed(f"after the re-run {len(final)} bundles, not 1: {final}")
        if not final:
            raise TrialFailed("the re-run left no file")
        # Known gap (reported): a backup removes only its own name's ``.partial``, so one left
        # by the killed run (an earlier time in its name) stays. Its own must never stay.
        mine = {Path(name).name for name in report.commits.values()}
        left = [
            p for p in partial if scene.op == "export" or p.name.split(PARTIAL_SUFFIX)[0] in mine
        ]
        if left:
            raise TrialFailed(f"after the re-run, .partial files are left: {left}")
    return len(partial)


def check_unchanged(scene: WriteScene, db: Database) -> None:
    with db.read() as session:
        events, digest = count_events(session), state_digest(session)
    if (events, digest) != (scene.events, scene.digest):
        raise TrialFailed(f"an export or backup changed the database: {events} events")


# ---------------------------------------------------------------- one trial


@dataclass(frozen=True)
class WriteTrial:
    op: str
    number: int
    delay: float
    committed: int  # writes (or files) reported before the kill
    present: int  # writes present after the kill (desk) / final files (export, backup)
    partials: int  # .partial files left by the kill
    finished: bool
    seconds: float


def check_killed(scene: WriteScene, copy: Path, target: Path, report: Report) -> tuple[int, int]:
    db = open_database(database_path(copy))
    try:
        # An export or a backup changes no state: comparing it with the template's (itself a
        # fold of its events) is enough there, and saves a re-fold per trial.
        check_database(db, refold=scene.op in DESK_OPS)
        if scene.op in DESK_OPS:
            return check_desk(scene, db, report, complete=False), 0
        check_unchanged(scene, db)
    finally:
        db.close()
    partials = check_files(scene, target, report, complete=False)
    final, _ = _final_files(target, scene.op)
    return len(final), partials


def rerun(scene: WriteScene, copy: Path, target: Path, report: Report) -> None:
    """Do the interrupted operation again (here, in this process) and check the end state."""
    from write_runner import run

    lines: list[str] = []
    start = len(report.commits) if scene.op in DESK_OPS else 0
    later = iso(parse_iso(scene.clock_iso) + timedelta(minutes=1))  # a restart takes a while
    run(scene.op, copy, target, later, start, scene.count - start, lines.append)
    again = parse_report(lines)
    if not again.finished:
        raise TrialFailed(f"the re-run did not finish: {lines}")
    if set(again.present) - {start}:
        raise TrialFailed(f"the re-run found writes already done that were never started: {lines}")
    db = open_database(database_path(copy))
    try:
        check_database(db, refold=False)
        if scene.op in DESK_OPS:
            merged = Report(
                report.commits | again.commits | dict.fromkeys(again.present, ""),
                (),
                True,
                None,
            )
            with db.read() as session:
                made = _writes_present(session, scene)
            for number in again.present:  # refused as a double: it had committed unreported
                merged.commits[number] = made.get(number, [""])[0]
            check_desk(scene, db, merged, complete=True)
        else:
            check_unchanged(scene, db)
    finally:
        db.close()
    if scene.op in FILE_OPS:
        check_files(scene, target, again, complete=True)


def run_write_trial(
    scene: WriteScene, writer: Writer, work: Path, number: int, delay: float, duration: float = 0.0
) -> WriteTrial:
    started = time.perf_counter()
    trial_dir = work / f"{scene.op}-{number}"
    copy = scene.copy_to(trial_dir / "data")
    target = target_of(scene, trial_dir)
    target.mkdir()
    with writer.running(scene, copy, target, 0, scene.count) as process:
        if scene.op in DESK_OPS and duration > 0:
            # Anchored to the writes' progress, not to the clock alone: on a loaded machine a
            # slow runner is still killed among its writes, the n-th write where the delay
            # says so, a moment into it.
            per_write = duration / scene.count
            before = min(scene.count - 1, int(delay / per_write))
            process.wait_commits(before)
            time.sleep(delay - before * per_write)
        else:
            time.sleep(delay)
        process.kill()
    report = process.report
    present, partials = check_killed(scene, copy, target, report)
    rerun(scene, copy, target, report)
    shutil.rmtree(trial_dir)
    return WriteTrial(
        scene.op,
        number,
        delay,
        len(report.commits),
        present,
        partials,
        report.finished,
        time.perf_counter() - started,
    )


def measure_writes(scene: WriteScene, writer: Writer, work: Path, runs: int = 3) -> float:
    """Median seconds of an uninterrupted run (go to done); each run is checked like a trial."""
    times: list[float] = []
    for n in range(runs):
        trial_dir = work / f"{scene.op}-measure-{n}"
        copy = scene.copy_to(trial_dir / "data")
        target = target_of(scene, trial_dir)
        target.mkdir()
        with writer.running(scene, copy, target, 0, scene.count) as process:
            process.wait_finished()
        report = process.report
        assert report.seconds is not None
        times.append(report.seconds)
        check_killed(scene, copy, target, report)
        shutil.rmtree(trial_dir)
    return statistics.median(times)


def summary(trials: list[WriteTrial]) -> Counter[str]:
    """Counts for the report: finished runs, runs with writes before the kill, partial files."""
    counts: Counter[str] = Counter()
    for trial in trials:
        counts["trials"] += 1
        counts["finished"] += trial.finished
        counts["committed"] += trial.committed
        counts["unreported commit"] += trial.present > trial.committed
        counts["partial left"] += trial.partials > 0
    return counts
