"""``make bench``: build (or reuse) the season's dataset, measure, print a table, write JSON.

    python -m benchmarks [--runs N] [--only NAME,...] [--no-readme]

Names for ``--only``: export, import, scan, gui, hub, paper, hub_pg, import_pg, import_load
(the last three start their own PostgreSQL server, ``benchmarks/pgserver.py``). Every
measurement runs several times; the figure is the median of the runs (p95 figures: over all
samples). The results go to ``benchmarks/results.json`` (exactly the issues' keys plus
``machine``) and a dated line per run to ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import scan_bench, sync_bench
from benchmarks.dataset import HOUSEHOLDS, Dataset, load_or_build

HERE = Path(__file__).parent
RESULTS = HERE / "results.json"
README = HERE / "README.md"

#: key → (goal text, comparison, goal value); comparison "le" ≤, "ge" ≥, None: report only.
GOALS: dict[str, tuple[str, str | None, float | None]] = {
    # The desk's goals of issue 15 (one road from screen to database).
    "scan_p95_ms_service": ("≤ 5", "le", 5),
    "scan_p95_ms_gui": ("≤ 16", "le", 16),
    "import_events_per_s": ("≥ 50000", "ge", 50_000),
    "import_ratio_vs_raw": ("≤ 2.5", "le", 2.5),  # issue 19 (was ≤ 3.0)
    "export_s_1m_events": ("≤ 20", "le", 20),
    "bundle_bytes_per_event": ("≤ 45", "le", 45),  # issue 19 (was ≤ 60)
    "cold_start_s": ("≤ 1.0", "le", 1.0),
    "cold_start_vs_bare_qt": ("≤ 2.0", "le", 2.0),
    "gui_rss_mb": ("≤ 150", "le", 150),
    # Issue 19: the region's hub (PostgreSQL, client processes, import at scale).
    "hub_50_posts_p95_s": ("≤ 5", "le", 5),
    "hub_pg_50_posts_p95_s": ("≤ 3", "le", 3),
    "hub_pg_200_posts_p95_s": ("≤ 10", "le", 10),
    "import_ratio_vs_raw_pg": ("≤ 3.0", "le", 3.0),
    "import_peak_rss_mb": ("≤ 500", "le", 500),
    "ack_during_import_s": ("≤ 1", "le", 1),
    "ack_during_import_sqlite_s": ("report", None, None),
    "import_peak_rss_mb_pg": ("report", None, None),
    "noodlijst_s_500": ("≤ 10", "le", 10),
}
STEPS = ("export", "import", "scan", "gui", "hub", "paper", "hub_pg", "import_pg", "import_load")
#: The steps that measure the season's dataset.
SEASON_STEPS = ("export", "import", "scan", "gui", "import_pg", "import_load")
#: The steps that need a PostgreSQL server (one is started for the run).
PG_STEPS = ("hub_pg", "import_pg", "import_load")
#: Words beside the figures (in results.json, printed under the table): whether the
#: acknowledgements during the import were committed or failed, and why.
NOTES = ("ack_during_import_outcome",)
#: Scanner bursts timed in the real Balie widget (each repaints the panel).
GUI_SCANS = 300


def log(text: str) -> None:
    print(text, flush=True)


def machine() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _gui_runs(dataset: Dataset, runs: int) -> dict[str, Any]:
    """Cold starts (fresh processes), then one session: pages open, RSS, scanner bursts."""
    probe = HERE / "gui_probe.py"
    meta = dataset.meta
    args = [str(dataset.post_dir), meta["volunteer_id"], meta["volunteer_pin"], meta["now"]]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    starts: list[float] = []
    pins: list[float] = []

    def run(mode: str, *extra: str) -> tuple[float, list[dict[str, Any]]]:
        started = time.time()
        done = subprocess.run(
            [sys.executable, str(probe), *args, mode, *extra],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=900,
        )
        lines = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
        if done.returncode != 0 or not lines:
            raise SystemExit(f"gui probe failed ({done.returncode}): {done.stderr[-2000:]}")
        return started, lines

    run("start")  # the first start after a build also pays for the OS file cache: not counted
    for n in range(runs):
        started, lines = run("start")
        shown = next(x for x in lines if x["event"] == "shown")
        starts.append(shown["at"] - started - shown["pin_s"])
        pins.append(shown["pin_s"])
        log(
            f"  cold start {n + 1}: {starts[-1]:.2f} s (imports done at "
            f"{shown['imported'] - started:.2f} s, database open at "
            f"{shown['opened'] - started:.2f} s; PIN check {shown['pin_s']:.2f} s not counted)"
        )
    bare = _bare_qt_starts(env, runs)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as codes:
        json.dump(dataset.card_codes[:GUI_SCANS], codes)
    try:
        _started, lines = run("session", codes.name)
    finally:
        os.unlink(codes.name)
    errors = [x for x in lines if x["event"] == "error"]
    if errors:
        raise SystemExit(errors[0]["detail"])
    rss = next(x for x in lines if x["event"] == "rss")["peak_rss_mb"]
    scans = next(x for x in lines if x["event"] == "scans")["ms"]
    log(
        f"  GUI session: peak RSS {rss:.0f} MB with Balie, Aanwezig and the ledger open; "
        f"{len(scans)} scans, p95 {scan_bench.p95(scans):.1f} ms"
    )
    return {
        "cold_start_s": statistics.median(starts),
        "cold_start_vs_bare_qt": statistics.median(starts) / bare,
        "gui_rss_mb": rss,
        "scan_p95_ms_gui": scan_bench.p95(scans),
        "pin_check_s": statistics.median(pins),
    }


def _bare_qt_starts(env: dict[str, str], runs: int) -> float:
    """The median start of a bare PySide6 window (``bare_qt_probe.py``) in fresh processes:
    the floor the same machine allows, measured in the same run."""
    times: list[float] = []
    for n in range(runs + 1):  # the first warms the OS file cache: not counted
        started = time.time()
        done = subprocess.run(
            [sys.executable, str(HERE / "bare_qt_probe.py")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        )
        shown = json.loads(done.stdout.splitlines()[-1])
        if n:
            times.append(shown["at"] - started)
            log(f"  bare PySide6 window {n}: shown and painted at {times[-1]:.2f} s")
    return statistics.median(times)


def _pg_steps(
    steps: list[str],
    dataset: Dataset | None,
    runs: int,
    results: dict[str, Any],
    raw: dict[str, float],
) -> dict[str, Any]:
    """The steps on PostgreSQL, with one server started for them (``benchmarks/pgserver.py``);
    ``import_load`` also measures the SQLite hub (its figures are the SQLite keys)."""
    from benchmarks import hub_bench, import_load_bench, pg_import_bench  # noqa: PLC0415
    from benchmarks.pgserver import pg_server  # noqa: PLC0415

    details: dict[str, Any] = {}
    with pg_server() as server, tempfile.TemporaryDirectory() as folder:
        log(f"PostgreSQL server started for the bench in {server.started_s:.1f} s")
        if "hub_pg" in steps:
            for posts, key in ((50, "hub_pg_50_posts_p95_s"), (200, "hub_pg_200_posts_p95_s")):
                name = f"bench_hub_{posts}"
                server._create(name)
                log(
                    f"hub on PostgreSQL ({hub_bench.PG_WORKERS} workers) with {posts} posts "
                    "syncing at once over HTTP:"
                )
                hub = hub_bench.measure_hub(
                    runs,
                    log,
                    posts=posts,
                    database=server.url(name),
                    workers=hub_bench.PG_WORKERS,
                )
                server.drop(server.url(name))
                results[key] = hub["p95_s"]
                details[key] = hub
        if dataset is None:
            return details
        hub_dir = pg_import_bench.hub_on_server(dataset, server, Path(folder))
        if "import_pg" in steps:
            log("import into an empty hub on PostgreSQL, and the raw psycopg baselines:")
            imported = pg_import_bench.measure_import_pg(dataset, server, hub_dir, runs, log)
            results["import_ratio_vs_raw_pg"] = imported["import_ratio_vs_raw_pg"]
            raw["import_ratio_vs_raw_pg"] = 1.0
            details["import_pg"] = imported
        if "import_load" in steps:
            log(
                "import by its own process ('noodpost sync import'): peak RSS, and an alarm "
                f"acknowledged {import_load_bench.ACK_AFTER_S:.0f} s into it:"
            )
            sqlite = import_load_bench.measure_import_load(dataset, log)
            url = pg_import_bench.copy_of_template(server, pg_import_bench.IMPORTED)
            pg = import_load_bench.measure_import_load(dataset, log, hub_dir=hub_dir, url=url)
            server.drop(url)
            results["import_peak_rss_mb"] = sqlite["peak_rss_mb"]
            results["ack_during_import_sqlite_s"] = sqlite["ack_s"]
            results["ack_during_import_s"] = pg["ack_s"]
            results["import_peak_rss_mb_pg"] = pg["peak_rss_mb"]
            results["ack_during_import_outcome"] = {
                "postgresql": pg["ack_failed"] or "committed",
                "sqlite": sqlite["ack_failed"] or "committed",
            }
            details["import_load"] = {"sqlite": sqlite, "postgresql": pg}
    return details


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.2f}" if abs(value) < 100 else f"{value:.1f}"


#: The acknowledgement keys and the engine whose outcome they have (``NOTES``).
_ACK_KEYS = {"ack_during_import_s": "postgresql", "ack_during_import_sqlite_s": "sqlite"}


def table(results: dict[str, Any], raw: dict[str, float]) -> list[str]:
    lines = [
        f"| {'metric':<26} | {'value':>12} | {'goal':>9} | {'raw baseline':>12} | "
        f"{'ratio':>6} | {'':4} |",
        f"|{'-' * 28}|{'-' * 14}|{'-' * 11}|{'-' * 14}|{'-' * 8}|{'-' * 6}|",
    ]
    outcome = results.get("ack_during_import_outcome")
    for key, (goal, how, target) in GOALS.items():
        value = results.get(key)
        ratio = ""
        if value is not None and target:
            ratio = f"{value / target:.2f}"
        met = ""
        if value is not None and how is not None and target is not None:
            met = "ok" if (value <= target if how == "le" else value >= target) else "MISS"
        engine = _ACK_KEYS.get(key)
        if engine and value is not None and (outcome or {}).get(engine, "committed") != "committed":
            met = "FAIL"  # the acknowledgement was not committed at all: the figure is until then
        base = raw.get(key)
        lines.append(
            f"| {key:<26} | {_fmt(value):>12} | {goal:>9} | {_fmt(base):>12} | "
            f"{ratio:>6} | {met:4} |"
        )
    if outcome:
        lines += [
            "",
            f"Acknowledgement during the import: {json.dumps(outcome, ensure_ascii=False)}",
        ]
    return lines


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=HERE.parent,
        ).stdout.strip()
    except OSError:
        return "?"


def main() -> int:  # noqa: PLR0915 — the steps, one after the other
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(STEPS))
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    steps = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown step(s): {', '.join(sorted(unknown))}")
    began = time.perf_counter()
    if set(steps) & set(SEASON_STEPS):  # the hub and paper steps make their own data
        log(
            f"dataset: {HOUSEHOLDS:,} households, about 1,000,000 events "
            "(cached in benchmarks/data)"
        )
        dataset = load_or_build(log)
        log(
            f"  ready: {dataset.meta['events']:,} events at the post (built in "
            f"{dataset.meta['build_s']} s)"
        )
    results: dict[str, Any] = dict.fromkeys(GOALS)
    if RESULTS.exists():  # a partial run (--only) keeps the other figures of the last run
        previous = json.loads(RESULTS.read_text())
        results.update({k: previous.get(k) for k in (*GOALS, *NOTES)})
    raw: dict[str, float] = {}
    details: dict[str, Any] = {}
    needs_bundle = {"import", "import_pg", "import_load"} & set(steps)
    if "export" in steps or (needs_bundle and not (dataset.root / "season.npb").exists()):
        log("export of the season's bundle:")
        export = sync_bench.measure_export(dataset, args.runs, log)
        results["export_s_1m_events"] = export["export_s"]
        results["bundle_bytes_per_event"] = export["bundle_bytes"] / export["bundle_events"]
        details["export"] = export
    if "import" in steps:
        log("import into an empty hub, and the raw executemany baseline:")
        imported = sync_bench.measure_import(dataset, args.runs, log)
        results["import_events_per_s"] = imported["import_events_per_s"]
        results["import_ratio_vs_raw"] = imported["import_ratio_vs_raw"]
        raw["import_events_per_s"] = imported["applied"] / imported["raw_s"]
        raw["import_ratio_vs_raw"] = 1.0
        details["import"] = imported
    if "scan" in steps:
        log("scan through the service (1,000 random codes per round):")
        scan = scan_bench.measure_service(dataset, args.runs, log)
        results["scan_p95_ms_service"] = scan["scan_p95_ms_service"]
    if "gui" in steps:
        log("GUI offscreen on the season's database:")
        gui = _gui_runs(dataset, args.runs)
        kept = ("cold_start_s", "cold_start_vs_bare_qt", "gui_rss_mb", "scan_p95_ms_gui")
        results.update({k: gui[k] for k in kept})
        details["gui"] = gui
    if "hub" in steps:
        from benchmarks import hub_bench  # noqa: PLC0415

        log(f"hub with {hub_bench.POSTS} posts syncing at once over HTTP:")
        hub = hub_bench.measure_hub(args.runs, log)
        results["hub_50_posts_p95_s"] = hub["p95_s"]
    if set(steps) & set(PG_STEPS):
        details.update(
            _pg_steps(
                steps, dataset if set(steps) & set(SEASON_STEPS) else None, args.runs, results, raw
            )
        )

    if "paper" in steps:
        from benchmarks import paper_bench  # noqa: PLC0415

        log(f"noodlijst of {paper_bench.HOUSEHOLDS} present households ('noodpost paper list'):")
        paper = paper_bench.measure_noodlijst(args.runs, log)
        results["noodlijst_s_500"] = paper["noodlijst_s_500"]

    output = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in results.items()}
    output["machine"] = machine()
    RESULTS.write_text(json.dumps(output, indent=2) + "\n")
    lines = table(results, raw)
    log("")
    for line in lines:
        log(line)
    elapsed = time.perf_counter() - began
    log(f"\nwrote {RESULTS.relative_to(HERE.parent)} in {elapsed / 60:.1f} min")
    if not args.no_readme:
        _record(lines, output["machine"], steps, elapsed)
    return 0


def _record(lines: list[str], info: dict[str, Any], steps: list[str], elapsed: float) -> None:
    """Append this run's table to benchmarks/README.md, under "Runs"."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    if "\n## Runs\n" not in text:
        text = text.rstrip("\n") + "\n\n## Runs\n"
    head = (
        f"\n### {info['date']} · commit {_commit()} · {info['cpu_count']} CPUs · "
        f"Python {info['python']} · {elapsed / 60:.1f} min"
        + ("" if len(steps) == len(STEPS) else f" · only {', '.join(steps)}")
        + "\n\n"
    )
    README.write_text(text.rstrip("\n") + "\n" + head + "\n".join(lines) + "\n", "utf-8")


if __name__ == "__main__":
    sys.exit(main())
