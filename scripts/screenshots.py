"""Render every screen of the real app on demo data to docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--size WxH] [OUT_DIR]

At 1366×768 (the default) the pictures go to docs/screenshots/ (the README shows those); at
another size, such as ``--size 1280x800`` or ``--size 1920x1080``, to docs/screenshots/WxH/.
``--all`` renders the three sizes the program is checked at (issue 18, item 13).

Builds a post with ``noodpost demo`` data in a temporary folder, signs in the demo
coordinator and grabs the main window with each page shown.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "gui"))

from layout_check import layout_problems
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from noodpost.app import build_context, build_main_window
from noodpost.core.clock import FixedClock
from noodpost.gui.application import create_application
from noodpost.gui.backup_timer import BackupTimer
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.generator_form import GeneratorDialog
from noodpost.gui.dialogs.paper_entry import PaperEntryDialog
from noodpost.gui.main_window import MainWindow
from noodpost.gui.pages.desk import DeskPage
from noodpost.gui.power import PowerReading
from noodpost.gui.power_steps import PowerSteps
from noodpost.gui.translations import install_translators
from noodpost.services.demo import DEMO_PIN, generate
from noodpost.setup_node import NodeRequest, initialise_node
from noodpost.storage.engine import open_database
from noodpost.storage.node import database_path

#: page title → file name
SHOTS = {
    "Balie": "balie",
    "Aanwezig": "aanwezig",
    "Hulpvragen": "hulpvragen",
    "Uitgifte & voorraad": "voorraad",
    "Opladen": "opladen",
    "Veilig en wel": "veilig-en-wel",
    "Meldingen": "meldingen",
    "Vrijwilligers": "vrijwilligers",
    "Logboek": "logboek",
    "Mededelingen": "mededelingen",
    "Synchronisatie": "synchronisatie",
    "Overzicht": "overzicht",
}


DEFAULT_SIZE = (1366, 768)
#: The screens looked at: older 1280-pixel laptops, the common 1366×768, full HD.
SIZES = ((1280, 800), (1366, 768), (1920, 1080))


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def out_dir(size: tuple[int, int], base: Path = Path("docs/screenshots")) -> Path:
    """docs/screenshots/ at the default size, docs/screenshots/WxH/ at any other."""
    return base if size == DEFAULT_SIZE else base / f"{size[0]}x{size[1]}"


def main(out: Path, size: tuple[int, int] = DEFAULT_SIZE) -> None:
    app = create_application(sys.argv[:1])
    install_translators(app, "nl")
    end = datetime(2026, 11, 28, 13, 30, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "post"
        initialise_node(
            data_dir,
            NodeRequest(role="post", name="Dorpshuis Ten Boer", code="GR-0014", capacity=80),
        )
        db = open_database(database_path(data_dir))
        generate(db, households=150, days=3, seed=1, end=end)
        context = build_context(db, data_dir, Path(folder) / "noodpost.log")
        context.services.ctx.clock = FixedClock(end)
        volunteers = context.services.volunteers
        anna = next(v for v in volunteers.list_volunteers() if v.name == "Anna Dijkstra")
        volunteers.sign_in(anna.id, DEMO_PIN)
        window = build_main_window(context)
        window.resize(*size)
        window.show()
        out.mkdir(parents=True, exist_ok=True)
        flagged = context.services.visits.not_seen_since(0)[0]
        for title, name in SHOTS.items():
            page = window.show_page(title)
            if isinstance(page, DeskPage):  # the desk as it looks right after a scan
                page.on_scanned(f"NP1:GR-0014:{flagged.card_code}", True)
            settle(app, context)  # what the page reads arrives from the reader thread
            window.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png", window.width(), window.height())
            for problem in layout_problems(window):  # what tests/gui/test_layout_fits.py finds
                print("    cut off or overlapping:", problem)
        intake_with_duplicate(app, context, window, out)
        paper_and_power(app, context, window, out)
        context.runner.shutdown()
        window.close()
        db.close()


def settle(app: QApplication, context: AppContext) -> None:
    """Every read and write under way delivered and painted."""
    for _ in range(3):
        while context.runner.pending:
            app.processEvents()
        for _ in range(5):
            app.processEvents()


def intake_with_duplicate(
    app: QApplication, context: AppContext, window: QWidget, out: Path
) -> None:
    """balie_inschrijven.png: the intake over the desk, with the warning a likely duplicate
    brings (the dialog painted onto the window's picture, as a window manager shows it)."""
    context.services.intake.register(size=5, name="Bos", birth_year=1970, postcode="9791 HC")
    desk = window.show_page("Balie")
    assert isinstance(desk, DeskPage)
    settle(app, context)
    dialog = desk.start_intake(None)
    dialog.fill(2, name="Bos", birth_year=1970, postcode="9791HC")
    over_window(app, window, dialog, out / "balie_inschrijven.png")
    dialog.reject()


def over_window(app: QApplication, window: QWidget, dialog: QWidget, path: Path) -> None:
    """The dialog painted onto the window's picture, as a window manager shows it."""
    for _ in range(5):
        app.processEvents()
    shot = window.grab()
    painter = QPainter(shot)
    inside = dialog.grab()
    painter.drawPixmap((shot.width() - inside.width()) // 2, 120, inside)
    painter.end()
    shot.save(str(path))
    print(path, inside.width(), inside.height())
    for problem in layout_problems(dialog):
        print("    cut off or overlapping:", problem)


def paper_and_power(app: QApplication, context: AppContext, window: MainWindow, out: Path) -> None:
    """Issue 17's screens: papier invoeren, the generator's reading, the battery warning (its
    level from a made-up reading: no battery here) with the status line saying it."""
    entry = PaperEntryDialog(context, window)
    entry.show()
    over_window(app, window, entry, out / "papier_invoeren.png")
    entry.reject()
    window.show_page("Overzicht")
    settle(app, context)
    generator = GeneratorDialog(context, window)
    generator.show()
    over_window(app, window, generator, out / "aggregaat.png")
    generator.reject()
    window.show_page("Balie")
    settle(app, context)
    power = PowerSteps(context, window, BackupTimer(context), lambda: PowerReading(14, True, 80))
    power.watch.check()  # 14 % on battery: the warning for 15 %
    for box in window.findChildren(QMessageBox, "power_warning"):
        over_window(app, window, box, out / "accu_bijna_leeg.png")
        box.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="folder (default: docs/screenshots)")
    parser.add_argument("--size", type=parse_size, default=DEFAULT_SIZE, help="e.g. 1280x800")
    parser.add_argument("--all", action="store_true", help="1280x800, 1366x768 and 1920x1080")
    args = parser.parse_args()
    if args.all:  # each size in a process of its own, as a fresh start of the program
        for width, height in SIZES:
            command = [sys.executable, __file__, "--size", f"{width}x{height}"]
            subprocess.run([*command, *([str(args.out)] if args.out else [])], check=True)
    else:
        main(args.out or out_dir(args.size), args.size)
