"""Two Noodpost windows started on one data folder, each in its own process (issue 15).

The first is really running: signed in, its main window open (and minimised to the task bar),
its backup, sync and retention timers started. The second start must ask it to come forward,
say so in Dutch and stop before it opens the database, so that the first keeps its timers
alone: no second sign-in, no second window, no backup of its own at exit.

Each process is ``noodpost --data-dir …`` (:func:`noodpost.cli.main`) with a small driver that
does what the person at the laptop would: sign in, minimise the window, read the message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from support import FAST_HASHER

from noodpost.core.audit import AuditAction
from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database
from noodpost.storage.models import AuditEntry

pytestmark = [pytest.mark.gui, pytest.mark.skipif(sys.platform == "win32", reason="offscreen")]

PIN = "2468"

#: One Noodpost process as a person drives it. argv: data folder, stop file, PIN, and "wait"
#: to stay at the sign-in or "sign in". It prints what the person sees, one line each. The
#: window it ends up in (the main window after signing in as Anna, or the sign-in) it minimises
#: to the task bar, and closes when the stop file appears, saying first whether the window is
#: still minimised.
DRIVER = """
import os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from noodpost.cli import main
from noodpost.gui.dialogs.sign_in import SignInDialog

data_dir, stop, pin, waits = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4] == "wait"
app = QApplication(sys.argv[:1])
said = set()

def say(line):
    if line not in said:
        said.add(line)
        print(line, flush=True)

def minimise_then_close(widget, seen, close):
    if seen not in said:
        widget.showMinimized()
        say(seen)
    elif stop.exists():
        say("minimised: " + str(widget.isMinimized()))
        close()

def leave(window):
    window.hide()
    window.deleteLater()
    QApplication.exit(0)

def look():
    for widget in app.topLevelWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QMessageBox):
            say("message: " + " ".join(widget.text().split()))
            widget.accept()
        elif isinstance(widget, SignInDialog) and waits:
            minimise_then_close(widget, "sign-in", widget.reject)
        elif isinstance(widget, SignInDialog) and "sign-in" not in said:
            say("sign-in")
            widget.panel.select_name("Anna Dijkstra")
            widget.panel.pin.setText(pin)
            widget.panel.submit()
        elif isinstance(widget, QMainWindow):
            minimise_then_close(widget, "window", lambda: leave(widget))
    QTimer.singleShot(25, look)

QTimer.singleShot(0, look)
QTimer.singleShot(60_000, lambda: os._exit(3))  # stuck: the test fails, it does not hang
sys.exit(main(["--data-dir", data_dir]))
"""

#: What the second start's message box says when the first window came forward.
SECOND_START_TOLD = (
    "message: Noodpost is op deze laptop al geopend met deze gegevens; dat venster staat nu "
    "vooraan. Werk daarin verder: een tweede venster zou back-ups en synchronisatie dubbel doen."
)


class Window:
    """One ``noodpost`` process on a data folder, with its own log folder and stop file."""

    def __init__(self, data_dir: Path, folder: Path, *, wait_at_sign_in: bool = False) -> None:
        folder.mkdir()
        self.log = folder / "logs" / "noodpost.log"
        self.stop_file = folder / "stop"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NOODPOST_LOG_DIR=str(folder / "logs"))
        env.pop("NOODPOST_DATA_DIR", None)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                DRIVER,
                str(data_dir),
                str(self.stop_file),
                PIN,
                "wait" if wait_at_sign_in else "sign in",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )

    def wait_for(self, line: str) -> None:
        """Read what the person saw until ``line``."""
        assert self.process.stdout is not None
        seen = []
        for said in self.process.stdout:
            seen.append(said.strip())
            if said.strip() == line:
                return
        raise AssertionError(f"never saw {line!r}, only {seen}")

    def close(self) -> tuple[int, list[str]]:
        """Close the window (the stop file); its exit code and what was seen from here on."""
        self.stop_file.touch()
        out, err = self.process.communicate(timeout=60)
        assert "Traceback" not in err, err
        return self.process.returncode, out.splitlines()

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""


def sign_ins(db: Database) -> int:
    """How many sign-ins the audit log holds."""
    with db.read() as session:
        entries = session.scalars(select(AuditEntry.action)).all()
    return entries.count(AuditAction.SIGN_IN.value)


def test_a_second_start_brings_the_running_window_forward_and_leaves_it_alone(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    VolunteersService(ServiceContext(db, clock), hasher=FAST_HASHER).add_volunteer(
        "Anna Dijkstra", "coordinator", PIN
    )
    assert db.path is not None
    data_dir = db.path.parent
    first = Window(data_dir, tmp_path / "first")
    second: Window | None = None
    try:
        first.wait_for("window")  # signed in, its timers running, minimised to the task bar
        assert sign_ins(db) == 1
        assert not (data_dir / "backups").exists()

        second = Window(data_dir, tmp_path / "second")
        second_code, second_saw = second.close()
        first_code, first_saw = first.close()
    finally:
        for window in (first, second):
            if window is not None and window.process.poll() is None:
                window.process.kill()
                window.process.communicate()

    assert second_code == 1
    assert second_saw == [SECOND_START_TOLD]
    assert first_code == 0
    assert first_saw == ["minimised: False"]  # the second start brought it out of the task bar
    assert "A second start on this data folder asked this window to come forward" in (
        first.log_text()
    )
    # The second stopped before it checked or opened the database: it never signed in, opened
    # no window and ran no timers. The one backup is the first's, made when it closed.
    assert "Refused: AlreadyOpen" in second.log_text()
    assert "Start-up check" not in second.log_text()
    assert sign_ins(db) == 1
    [backup] = (data_dir / "backups").iterdir()
    assert f"Backup {backup.name} written" in first.log_text()
    assert "Backup" not in second.log_text()


def test_a_second_start_brings_a_waiting_sign_in_forward(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    """Before anyone signed in, the first window is its sign-in: that comes forward."""
    VolunteersService(ServiceContext(db, clock), hasher=FAST_HASHER).add_volunteer(
        "Anna Dijkstra", "coordinator", PIN
    )
    assert db.path is not None
    first = Window(db.path.parent, tmp_path / "first", wait_at_sign_in=True)
    try:
        first.wait_for("sign-in")  # minimised to the task bar
        second_code, second_saw = Window(db.path.parent, tmp_path / "second").close()
        first_code, first_saw = first.close()
    finally:
        if first.process.poll() is None:
            first.process.kill()
            first.process.communicate()

    assert (second_code, second_saw) == (1, [SECOND_START_TOLD])
    assert (first_code, first_saw) == (0, ["minimised: False"])
    assert sign_ins(db) == 0
