"""The floor for a cold start on this machine: a bare PySide6 window, shown and painted.

Started as a fresh process by ``benchmarks`` beside ``gui_probe.py`` and timed the same way
(``QTimer.singleShot(0)`` after ``show()``: after the pending show, expose and paint events);
prints one JSON line with the wall-clock moment it was painted. ``cold_start_vs_bare_qt`` is
Noodpost's cold start divided by this (issue 15).
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Noodpost"))
    window.resize(1366, 768)
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    print(json.dumps({"event": "shown", "at": time.time()}), flush=True)
    window.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
