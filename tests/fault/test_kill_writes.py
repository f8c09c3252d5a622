"""kill -9 at random moments of desk writes, a bundle export and a backup: nothing lost, nothing
doubled, no file that looks complete but is not.

Per operation, a runner process does the work on a copy of a closed template folder and prints
a line after every write that returned; it is killed with SIGKILL a random (seeded, printed)
moment in. Then (see ``writekit.py``): integrity, every reported write present, none twice,
gapless event streams, state equal to a fresh fold of the events, an intact audit chain; for an
export or a backup nothing or a valid file under the final name; and re-running the
interrupted operation completes it. Repeat a run with ``NOODPOST_KILL_SEED=<seed>``;
``run_faults.py`` runs many more trials.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from killkit import TrialFailed, choose_seed, delays
from writekit import (
    Writer,
    WriteScene,
    WriteTrial,
    build_write_scene,
    measure_writes,
    run_write_trial,
)

pytestmark = pytest.mark.slow

#: Trials per operation in the suite (with the import's 50, over 200 kills in all).
TRIALS = {"intake": 45, "handout": 45, "export": 35, "backup": 35}
#: Writes per runner for the desk operations: the kill lands among them.
DESK_WRITES = 6
#: The post's households before an export or a backup (about 4 events each).
EXPORT_HOUSEHOLDS = 150
#: Kill moments as shares of the measured duration (the median of three uninterrupted runs).
WINDOWS = {
    "intake": (0.0, 1.05),
    "handout": (0.0, 1.05),
    "export": (0.0, 1.0),
    "backup": (0.0, 1.1),
}


@pytest.fixture(scope="module")
def writer() -> Iterator[Writer]:
    with Writer() as running:
        yield running


def _scene(tmp_path_factory: pytest.TempPathFactory, op: str) -> WriteScene:
    base = tmp_path_factory.mktemp(f"kill-{op}")
    return build_write_scene(base / "scene", op, count=DESK_WRITES, households=EXPORT_HOUSEHOLDS)


def _run(scene: WriteScene, writer: Writer, work: Path) -> list[WriteTrial]:
    seed = choose_seed()
    duration = measure_writes(scene, writer, work, runs=3)
    print(
        f"kill -9 during {scene.op}: seed {seed} (repeat with NOODPOST_KILL_SEED={seed}), "
        f"{scene.count} write(s) in {duration * 1000:.0f} ms"
    )
    trials: list[WriteTrial] = []
    moments = delays(seed, TRIALS[scene.op], duration, WINDOWS[scene.op])
    if scene.op in ("export", "backup"):
        # A few certainly after the end (also on a loaded machine, where a run takes longer
        # than measured): the file must then be there, whole, under its final name.
        moments[-3:] = [duration * factor for factor in (1.5, 2.0, 3.0)]
    for number, delay in enumerate(moments):
        try:
            trials.append(run_write_trial(scene, writer, work, number, delay, duration))
        except TrialFailed as failed:
            pytest.fail(
                f"{scene.op} trial {number} (seed {seed}), killed {delay * 1000:.1f} ms into "
                f"{duration * 1000:.0f} ms: {failed}"
            )
    return trials


@pytest.mark.parametrize("op", ["intake", "handout"])
def test_a_killed_desk_loses_no_reported_write_and_doubles_none(
    op: str, writer: Writer, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    trials = _run(_scene(tmp_path_factory, op), writer, tmp_path)
    assert len(trials) == TRIALS[op]
    interrupted = [t for t in trials if not t.finished and t.present < DESK_WRITES]
    # Not a timing check: most kills must land among the writes, else this proves little.
    assert len(interrupted) >= len(trials) // 3
    assert any(t.committed > 0 for t in interrupted)


def test_a_killed_export_leaves_no_false_bundle_and_a_second_export_completes(
    writer: Writer, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    trials = _run(_scene(tmp_path_factory, "export"), writer, tmp_path)
    assert len(trials) == TRIALS["export"]
    assert any(t.present == 0 for t in trials), "no kill came before the bundle was written"
    assert any(t.present == 1 for t in trials), "no export got to write its bundle"


def test_a_killed_backup_leaves_no_false_backup_and_a_second_backup_completes(
    writer: Writer, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    trials = _run(_scene(tmp_path_factory, "backup"), writer, tmp_path)
    assert len(trials) == TRIALS["backup"]
    assert any(t.present == 0 for t in trials), "no kill came before the backup was written"
    assert any(t.present == 1 for t in trials), "no backup got its final name"
