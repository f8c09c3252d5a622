"""kill -9 at random moments of a bundle import: the hub keeps none or all of it, never part.

After every kill the hub's database passes ``PRAGMA integrity_check``, holds either the state
from before the import or the state of a complete import (event count, state digest, bundle id
and acknowledgement agree), and importing the same bundle again gives exactly the complete
state. The kill moments are random, seeded, and printed: repeat a run with
``NOODPOST_KILL_SEED=<seed>``. ``run_faults.py --op import`` runs many more trials.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from killkit import Importer, Scene, Trial, TrialFailed, choose_seed, delays, measure_import
from killkit import run_trial as run_one

TRIALS = 40
FRESH_TRIALS = 3

pytestmark = pytest.mark.slow


def _run(
    scene: Scene, importer: Importer, work: Path, count: int, *, measurements: int = 3
) -> tuple[int, float, list[Trial]]:
    seed = choose_seed()
    duration = measure_import(scene, importer, work, runs=measurements)
    print(
        f"kill -9 during import: seed {seed} (repeat with NOODPOST_KILL_SEED={seed}), "
        f"{scene.events} events, import {duration * 1000:.0f} ms"
    )
    trials: list[Trial] = []
    for number, delay in enumerate(delays(seed, count, duration)):
        try:
            trials.append(run_one(scene, importer, work, number, delay))
        except TrialFailed as failed:
            pytest.fail(
                f"trial {number} (seed {seed}), killed {delay * 1000:.1f} ms into an import of "
                f"{duration * 1000:.0f} ms: {failed}"
            )
    return seed, duration, trials


def test_a_killed_import_leaves_none_or_all_and_a_second_import_completes(
    scene: Scene, importer: Importer, tmp_path: Path
) -> None:
    seed, _, trials = _run(scene, importer, tmp_path, TRIALS)
    interrupted = sum(1 for t in trials if t.outcome == "none")
    print(f"{interrupted} of {len(trials)} kills came before the commit, the rest after it")
    assert len(trials) == TRIALS
    # Not a timing check: it makes sure most kills hit an import in progress, else this test
    # would prove nothing.
    assert interrupted >= TRIALS // 5, f"seed {seed}: too few kills landed inside an import"


def test_a_killed_fresh_process_behaves_the_same(scene: Scene, tmp_path: Path) -> None:
    """The same, with a whole new interpreter per import (as ``noodpost sync import`` runs)."""
    with Importer(fresh=True) as fresh:
        _, _, trials = _run(scene, fresh, tmp_path, FRESH_TRIALS, measurements=1)
    assert len(trials) == FRESH_TRIALS
