"""Long run (not a test): kill -9 intake, hand-out, bundle import, export and backup at random
moments, N trials each, and print a summary per operation.

Run: ``.venv/bin/python tests/fault/run_faults.py --trials N [--op intake,handout,import,export,
backup] [--seed S] [--fresh] [--window FROM TO] [--households H] [--writes W]``.

Every trial copies a closed template folder, starts the operation on the copy in another process
(forks of a warm runner; ``--fresh`` starts a new interpreter per trial, as the command line
does), kills it with SIGKILL a random moment in (``--window``: shares of the measured duration;
default per operation), then checks the copy and re-runs the operation (``killkit.py`` for the
import, ``writekit.py`` for the rest). The seed is printed; ``--seed`` repeats a run. Exits 1 when
any trial failed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
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
from writekit import (
    FILE_OPS,
    OPS,
    Writer,
    WriteTrial,
    build_write_scene,
    measure_writes,
    run_write_trial,
    summary,
)

ALL_OPS = ("intake", "handout", "import", "export", "backup")
DEFAULT_WINDOWS = {
    "intake": (0.0, 1.05),
    "handout": (0.0, 1.05),
    "import": (0.0, 1.0),
    "export": (0.3, 1.1),
    "backup": (0.0, 1.1),
}
BANDS = 10


@dataclass
class OpResult:
    op: str
    trials: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    duration: float = 0.0  # of one uninterrupted operation
    counts: Counter[str] = field(default_factory=Counter)


def run_import(args: argparse.Namespace, seed: int, base: Path) -> OpResult:
    result = OpResult("import")
    started = time.perf_counter()
    scene = build_scene(base / "scene-import", args.households)
    work = base / "work-import"
    work.mkdir()
    low, high = args.window or DEFAULT_WINDOWS["import"]
    with Importer(fresh=args.fresh) as importer:
        result.duration = statistics.median(
            [measure_import(scene, importer, work, runs=1) for _ in range(3)]
        )
        print(
            f"import: {scene.events} events, {scene.size / 1000:.0f} kB; uninterrupted "
            f"{result.duration * 1000:.0f} ms",
            flush=True,
        )
        trials: list[Trial] = []
        moments = delays(seed, args.trials, result.duration, (low, high))
        for number, delay in enumerate(moments):
            try:
                trials.append(run_trial(scene, importer, work, number, delay))
            except TrialFailed as failed:
                result.failures.append(f"import trial {number}, {delay * 1000:.1f} ms: {failed}")
                print(result.failures[-1], flush=True)
            _progress("import", number)
    result.trials = len(trials) + len(result.failures)
    result.counts["none of the bundle"] = sum(1 for t in trials if t.outcome == "none")
    result.counts["all of it"] = sum(1 for t in trials if t.outcome == "all")
    result.counts["import had returned"] = sum(1 for t in trials if t.finished)
    print_import_table(trials, result.duration)
    result.seconds = time.perf_counter() - started
    return result


def run_writes(op: str, args: argparse.Namespace, seed: int, base: Path) -> OpResult:
    result = OpResult(op)
    started = time.perf_counter()
    scene = build_write_scene(
        base / f"scene-{op}", op, count=args.writes, households=args.households
    )
    work = base / f"work-{op}"
    work.mkdir()
    low, high = args.window or DEFAULT_WINDOWS[op]
    with Writer(fresh=args.fresh) as writer:
        result.duration = measure_writes(scene, writer, work, runs=3)
        print(f"{op}: {scene.count} write(s), uninterrupted {result.duration * 1000:.0f} ms")
        trials: list[WriteTrial] = []
        moments = delays(seed, args.trials, result.duration, (low, high))
        for number, delay in enumerate(moments):
            try:
                trials.append(run_write_trial(scene, writer, work, number, delay, result.duration))
            except TrialFailed as failed:
                result.failures.append(f"{op} trial {number}, {delay * 1000:.1f} ms: {failed}")
                print(result.failures[-1], flush=True)
            _progress(op, number)
    result.trials = len(trials) + len(result.failures)
    result.counts = summary(trials)
    if op in FILE_OPS:
        result.counts["no file"] = sum(1 for t in trials if t.present == 0)
        result.counts["valid file"] = sum(1 for t in trials if t.present > 0)
    result.seconds = time.perf_counter() - started
    return result


def _progress(op: str, number: int) -> None:
    if (number + 1) % 100 == 0:
        print(f"  … {op}: {number + 1} trials", flush=True)


def print_import_table(trials: list[Trial], duration: float) -> None:
    """Import outcomes by when the kill came, in tenths of the uninterrupted import."""
    rows: Counter[tuple[int, str]] = Counter()
    returned: Counter[int] = Counter()
    for trial in trials:
        band = int(trial.delay / duration * BANDS)
        rows[(band, trial.outcome)] += 1
        returned[band] += trial.finished
    print()
    print("| kill moment (share of import) | trials | none of the bundle | all of it | returned |")
    print("|---|---:|---:|---:|---:|")
    bands = [band for band, _ in rows] or [0]
    for band in range(min(bands), max(bands) + 1):
        none, every = rows[(band, "none")], rows[(band, "all")]
        print(
            f"| {band * 10:3d}–{band * 10 + 10:3d} % | {none + every} | {none} | {every} | "
            f"{returned[band]} |"
        )
    print()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200, help="trials per operation")
    parser.add_argument(
        "--op", default="intake,handout,import,export", help=f"comma-separated: {','.join(ALL_OPS)}"
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--fresh", action="store_true", help="a new interpreter per trial")
    parser.add_argument("--households", type=int, default=300, help="import/export: ~4 events each")
    parser.add_argument("--writes", type=int, default=8, help="intake/hand-out: writes per run")
    parser.add_argument(
        "--window", type=float, nargs=2, default=None, metavar=("FROM", "TO"), help="kill moments"
    )
    args = parser.parse_args(argv)
    ops = [op.strip() for op in args.op.split(",") if op.strip()]
    unknown = [op for op in ops if op not in ALL_OPS]
    if unknown:
        parser.error(f"unknown operation(s): {', '.join(unknown)}")
    seed = args.seed if args.seed is not None else choose_seed()
    print(
        f"kill -9: {args.trials} trials per operation ({', '.join(ops)}), seed {seed}, "
        f"{'a fresh interpreter' if args.fresh else 'forks of a warm runner'} per trial",
        flush=True,
    )
    started = time.perf_counter()
    results: list[OpResult] = []
    with tempfile.TemporaryDirectory(prefix="noodpost-faults-") as folder:
        base = Path(folder)
        for op in ops:
            try:
                if op == "import":
                    results.append(run_import(args, seed, base))
                else:
                    assert op in OPS
                    results.append(run_writes(op, args, seed, base))
            except RuntimeError as broken:  # the scene or a runner failed: not a trial result
                results.append(OpResult(op, failures=[f"{op}: could not run: {broken}"]))
            last = results[-1]
            print(
                f"{op}: {last.trials} trials, {len(last.failures)} failures, "
                f"{last.seconds:.0f} s; {dict(sorted(last.counts.items()))}",
                flush=True,
            )
    total = time.perf_counter() - started
    print()
    print("| operation | trials | failures | one run | time | outcomes |")
    print("|---|---:|---:|---:|---:|---|")
    for r in results:
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(r.counts.items()) if k != "trials")
        print(
            f"| {r.op} | {r.trials} | {len(r.failures)} | {r.duration * 1000:.0f} ms | "
            f"{r.seconds:.0f} s | {outcomes} |"
        )
    failures = [line for r in results for line in r.failures]
    print(
        f"\n{sum(r.trials for r in results)} trials, {len(failures)} failures, seed {seed}, "
        f"{total:.0f} s in all"
    )
    for line in failures:
        print("FAILED", line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
