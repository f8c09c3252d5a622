"""Benchmark-only GUI entry: start Noodpost on a data folder past the sign-in, offscreen.

Run by ``python -m benchmarks`` as a fresh process, so that the measured start includes the
interpreter, every import, opening the database and building the main window::

    python benchmarks/gui_probe.py DATA_DIR VOLUNTEER_ID PIN NOW_ISO MODE [CODES_FILE]

It does what ``noodpost`` does (noodpost/app.py ``run_gui``), except that the sign-in dialog
is replaced by signing the benchmark's volunteer in through ``VolunteersService`` (the PIN
check's own time is measured and reported apart: at a real start a person is typing then).
Every result is one JSON line on stdout, with wall-clock times (``time.time()``) so the parent
can measure from the moment it started this process.

MODE ``start``: print ``shown`` when the main window has been shown and its first paint has
been processed, and quit. MODE ``session``: then also open Balie, Aanwezig and the stock ledger
(Uitgifte & voorraad, first item selected), print the peak RSS, and time scanner bursts in the
real Balie widget for every code in CODES_FILE.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def emit(**values: object) -> None:
    print(json.dumps(values), flush=True)


def main() -> int:
    data_arg, volunteer_id, pin, now_iso, mode = sys.argv[1:6]
    from noodpost.app import build_context, build_main_window, open_node_database  # noqa: PLC0415
    from noodpost.config import Settings  # noqa: PLC0415
    from noodpost.core.clock import FixedClock, parse_iso  # noqa: PLC0415
    from noodpost.gui.application import start  # noqa: PLC0415
    from noodpost.gui.translations import install_translators  # noqa: PLC0415

    imported = time.time()
    data_dir = Path(data_arg)
    log_file = data_dir / "bench-gui.log"
    settings = Settings.load(data_dir)
    app = start([sys.argv[0]], log_file, font_point_size=settings.font_point_size)
    install_translators(app, settings.language)
    db = open_node_database(data_dir)
    assert db is not None, "no node in the benchmark folder"
    opened = time.time()
    context = build_context(db, data_dir, log_file)
    clock = FixedClock(parse_iso(now_iso))
    context.services.ctx.clock = clock
    context.services.sync.clock = clock
    pin_started = time.perf_counter()
    context.services.volunteers.sign_in(volunteer_id, pin)
    pin_s = time.perf_counter() - pin_started
    window = build_main_window(context)
    window.show()

    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415

    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)  # runs after the pending show, expose and paint events
    loop.exec()
    emit(
        event="shown",
        at=time.time(),
        imported=imported,
        opened=opened,
        pin_s=pin_s,
    )
    try:
        if mode == "session":
            _session(app, context, window, sys.argv[6])
    finally:
        context.runner.shutdown()
        db.close()
    return 0


def _settle(app: object, context: object) -> None:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    deadline = time.time() + 30
    while time.time() < deadline:
        QApplication.processEvents()
        if getattr(context, "runner").pending == 0:  # noqa: B009
            break
        time.sleep(0.01)
    QApplication.processEvents()


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource  # noqa: PLC0415

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _session(app: object, context: object, window: object, codes_file: str) -> None:
    from PySide6.QtCore import QEventLoop, Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from noodpost.gui.pages.desk import DeskPage  # noqa: PLC0415

    for title in ("Aanwezig", "Uitgifte & voorraad", "Balie"):
        window.show_page(title)  # type: ignore[attr-defined]
        _settle(app, context)
    supplies = window.page("Uitgifte & voorraad")  # type: ignore[attr-defined]
    if supplies.stock_model.rowCount():
        supplies.stock_table.select_row(0)
    _settle(app, context)
    window.show_page("Balie")  # type: ignore[attr-defined]
    _settle(app, context)
    emit(event="rss", peak_rss_mb=peak_rss_mb())

    desk = window.page("Balie")  # type: ignore[attr-defined]
    assert isinstance(desk, DeskPage)
    ticks = [0.0]

    def scanner_clock() -> float:  # a scanner: 5 ms between key presses
        ticks[0] += 0.005
        return ticks[0]

    desk.scan_field.set_clock(scanner_clock)
    codes = json.loads(Path(codes_file).read_text())
    times: list[float] = []
    for n, code in enumerate(codes):
        ticks[0] += 10.0  # a pause between two households
        started = time.perf_counter()
        QTest.keyClicks(desk.scan_field, code)
        QTest.keyClick(desk.scan_field, Qt.Key.Key_Return)
        # The scan is read off the GUI thread: wait (asleep, as the window's event loop
        # waits) until its panel is on screen.
        deadline = started + 5
        while (desk.panel is None or desk.panel.card_code != code) and (
            time.perf_counter() < deadline
        ):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        elapsed = time.perf_counter() - started
        if desk.panel is None or desk.panel.card_code != code:
            emit(event="error", detail=f"scan {n} of {code} did not open its panel")
            return
        times.append(elapsed * 1000)
    emit(event="scans", ms=times, peak_rss_mb=peak_rss_mb())


if __name__ == "__main__":
    sys.exit(main())
