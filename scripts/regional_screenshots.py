"""Render the regional page and the alarm pop-up on demo data: a hub holding two posts.

Run from the repository: ``.venv/bin/python scripts/regional_screenshots.py [--size WxH |
--all]``; writes docs/screenshots/regional.png and docs/screenshots/alarm_popup.png (1366×768,
offscreen), at another size into docs/screenshots/WxH/ (as scripts/screenshots.py does).
The pop-up is a window of its own; it is painted onto the main window's picture.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "tests" / "gui"))

from argon2 import PasswordHasher, Type  # noqa: E402
from layout_check import layout_problems  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import DEFAULT_SIZE, SIZES, out_dir, parse_size  # noqa: E402
from support import make_node  # noqa: E402

from noodpost.app import build_context  # noqa: E402
from noodpost.core.clock import FixedClock  # noqa: E402
from noodpost.gui.alarm_alert import AlarmAlert  # noqa: E402
from noodpost.gui.application import create_application  # noqa: E402
from noodpost.gui.context import AppContext  # noqa: E402
from noodpost.gui.main_window import MainWindow  # noqa: E402
from noodpost.gui.pages import build_pages  # noqa: E402
from noodpost.gui.pages.regional import RegionalPage  # noqa: E402
from noodpost.services.alarms import AlarmsService  # noqa: E402
from noodpost.services.base import ServiceContext  # noqa: E402
from noodpost.services.demo import generate  # noqa: E402
from noodpost.services.volunteers import VolunteersService  # noqa: E402
from noodpost.sync.keys import create_keys  # noqa: E402
from noodpost.sync.service import SyncService  # noqa: E402

END = datetime(2026, 11, 28, 13, 30, tzinfo=UTC)
POSTS = (
    ("a", "GR-0014", "Dorpshuis Ten Boer", 80, 150, 1),
    ("b", "GR-0015", "Sporthal Noord", 60, 90, 2),
)


class Silent:
    def play(self, *, escalation: bool) -> None:
        print("geluid:", "escalatie" if escalation else "nieuwe melding")


def main(
    sizes: tuple[tuple[int, int], ...] = (DEFAULT_SIZE,), pages_dir: Path | None = None
) -> None:
    root = Path(tempfile.mkdtemp(prefix="noodpost-regional-"))
    clock = FixedClock(END - timedelta(days=3, hours=2))
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    app = create_application([])
    hub_db = make_node(root / "hub", clock, role="hub", code="GR-9000", name="C-NSP Groningen")
    create_keys(hub_db, root / "hub")
    hub = build_context(hub_db, root / "hub", root / "hub.log")
    hub.services.ctx.clock = clock
    hub.services.sync.clock = clock
    volunteers = VolunteersService(hub.services.ctx, hasher=hasher)
    operator = volunteers.add_volunteer("Marieke Bakker", "coordinator", "1357")
    volunteers.sign_in(operator.id, "1357")
    pairing = root / "koppeling.json"
    hub.services.sync.export_pairing(pairing)
    stick = root / "stick"
    stick.mkdir()
    posts: list[tuple[ServiceContext, SyncService]] = []
    for folder, code, name, capacity, households, seed in POSTS:
        clock.set(END - timedelta(days=3, hours=2))
        db = make_node(root / folder, clock, code=code, name=name, capacity=capacity)
        create_keys(db, root / folder)
        generate(db, households=households, days=3, seed=seed, end=END - timedelta(minutes=14))
        clock.set(END - timedelta(minutes=14))
        sync = SyncService(db, clock, root / folder)
        sync.import_pairing(pairing)
        sync.export_usb(stick)
        hub.services.sync.import_usb(stick)
        hub.services.sync.approve_post(code, sync.fingerprint)
        posts.append((ServiceContext(db, clock), sync))
    # One alarm waiting 12 minutes (escalated after 10), one just in.
    clock.set(END - timedelta(minutes=12))
    AlarmsService(posts[0][0]).raise_alarm(
        "ambulance", "immediate", "Kerkstraat 5, zaal 2", 2, "Man onwel geworden"
    )
    clock.set(END)
    AlarmsService(posts[1][0]).raise_alarm("fire", "high", "Sporthal Noord, keuken")
    for _ctx, sync in posts:
        sync.export_usb(stick)
        hub.services.sync.import_usb(stick)

    for size in sizes:
        render(app, hub, size, out_dir(size, OUT), pages_dir)
    hub.runner.shutdown()
    shutil.rmtree(root, ignore_errors=True)


def settle(app: QApplication, hub: AppContext) -> None:
    """Until every read off the GUI thread has been shown (the pages fill in after that)."""
    app.processEvents()
    while hub.runner.pending:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def render(
    app: QApplication,
    hub: AppContext,
    size: tuple[int, int],
    out: Path,
    pages_dir: Path | None = None,
) -> None:
    window = MainWindow(hub, build_pages(hub))
    hub.services.ctx.subscribe(window.notify_changed)
    window.resize(*size)
    window.show()
    if pages_dir is not None:  # every page of the hub, to look at (not for the README)
        folder = pages_dir / f"{size[0]}x{size[1]}"
        folder.mkdir(parents=True, exist_ok=True)
        for each in window.pages:
            window.show_page(each.title)
            settle(app, hub)
            name = each.title.lower().replace(" & ", "-").replace(" ", "-")
            window.grab().save(str(folder / f"cnsp-{name}.png"))
            print(folder / f"cnsp-{name}.png", window.width(), window.height())
            for problem in layout_problems(window):
                print("    cut off or overlapping:", problem)
    window.show_page("Regio")
    page = window.page("Regio")
    assert isinstance(page, RegionalPage)
    page.select_post("GR-0014")
    settle(app, hub)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "regional.png"))

    hub.settings.alarm_escalation_minutes = 10
    alert = AlarmAlert(hub, window, sound=Silent())
    window.show_page("Meldingen")
    settle(app, hub)
    shot = window.grab()
    popup = alert.grab()
    painter = QPainter(shot)
    painter.drawPixmap((shot.width() - popup.width()) // 2, 90, popup)
    painter.end()
    shot.save(str(out / "alarm_popup.png"))
    print(out, window.width(), window.height(), alert.header.text())
    alert.close()
    window.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=parse_size, default=DEFAULT_SIZE, help="e.g. 1280x800")
    parser.add_argument("--all", action="store_true", help="1280x800, 1366x768 and 1920x1080")
    parser.add_argument("--hub-pages", type=Path, help="also every hub page, into this folder")
    args = parser.parse_args()
    main(SIZES if args.all else (args.size,), args.hub_pages)
