"""Long run (not a test): kill -9 a bundle import at N random moments and print a summary.

Run: ``.venv/bin/python tests/fault/run_kill_import.py [TRIALS] [--households H] [--seed S]
[--warm] [--window FROM TO]``. Every trial copies a closed template hub, starts
``import_runner.py`` on the copy (a fresh interpreter per trial; ``--warm`` forks a warm runner
instead, which is faster), kills it with SIGKILL a random moment into the import (by default
anywhere in its measured duration; ``--window 0.8 1.1`` aims at the commit), then checks the
copy: integrity, none-or-all of the bundle, and an exact second import (see ``killkit.py``).
Prints a table of outcomes by kill moment; exits 1 when any trial failed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from killkit import (
    Importer,
    Trial,
    TrialFailed,
    build_scene,
    choose_seed,
    delays,
    measure_import,
    run_trial,
)

BANDS = 10


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trials", type=int, nargs="?", default=300)
    parser.add_argument("--households", type=int, default=600, help="about 4 events each")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--warm", action="store_true", help="fork a warm runner per trial")
    parser.add_argument(
        "--window",
        type=float,
        nargs=2,
        default=(0.0, 1.0),
        metavar=("FROM", "TO"),
        help="kill moments as shares of the import's duration (e.g. 0.8 1.1 for the commit)",
    )
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else choose_seed()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="noodpost-kill-") as folder:
        base = Path(folder)
        scene = build_scene(base / "scene", args.households)
        work = base / "work"
        work.mkdir()
        with Importer(fresh=not args.warm) as importer:
            runs = [measure_import(scene, importer, work, runs=1) for _ in range(5)]
            duration = statistics.median(runs)
            low, high = args.window
            print(
                f"kill -9 during a bundle import: {args.trials} trials, seed {seed}, "
                f"{'forks of a warm runner' if args.warm else 'a fresh interpreter per trial'}, "
                f"kill moments {low:.0%}–{high:.0%} of the import"
            )
            print(
                f"bundle: {scene.events} events, {scene.size / 1000:.0f} kB; uninterrupted "
                f"import: median {duration * 1000:.0f} ms (5 runs: "
                f"{', '.join(f'{r * 1000:.0f}' for r in runs)} ms)"
            )
            trials: list[Trial] = []
            failures: list[str] = []
            for number, delay in enumerate(delays(seed, args.trials, duration, (low, high))):
                try:
                    trials.append(run_trial(scene, importer, work, number, delay))
                except TrialFailed as failed:
                    failures.append(f"trial {number}, kill at {delay * 1000:.1f} ms: {failed}")
                    print(failures[-1], flush=True)
                if (number + 1) % 50 == 0:
                    print(f"  … {number + 1} trials", flush=True)
    print_table(trials, duration)
    total = time.perf_counter() - started
    per_trial = statistics.median(t.seconds for t in trials) if trials else 0.0
    print(
        f"integrity_check ok and none-or-all: {len(trials)}/{args.trials}; exact re-import: "
        f"{len(trials)}/{args.trials}; failures: {len(failures)}"
    )
    print(f"time: median {per_trial:.2f} s per trial, {total:.0f} s in all")
    for line in failures:
        print("FAILED", line)
    return 1 if failures else 0


def print_table(trials: list[Trial], duration: float) -> None:
    """Outcomes by when the kill came, in tenths of the uninterrupted import's duration."""
    rows: Counter[tuple[int, str]] = Counter()
    returned: Counter[int] = Counter()
    for trial in trials:
        band = int(trial.delay / duration * BANDS)
        rows[(band, trial.outcome)] += 1
        returned[band] += trial.finished
    print()
    print(
        "| kill moment (share of import) | trials | none of the bundle | all of it "
        "| import had returned |"
    )
    print("|---|---:|---:|---:|---:|")
    bands = [band for band, _ in rows] or [0]
    for band in range(min(bands), max(bands) + 1):
        none, every = rows[(band, "none")], rows[(band, "all")]
        print(
            f"| {band * 10:3d}–{band * 10 + 10:3d} % | {none + every} | {none} | {every} | "
            f"{returned[band]} |"
        )
    none = sum(1 for t in trials if t.outcome == "none")
    print(
        f"| **all** | **{len(trials)}** | **{none}** | **{len(trials) - none}** | "
        f"**{sum(returned.values())}** |"
    )
    print()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
