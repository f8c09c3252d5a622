"""Render every screen of the real app on demo data to docs/screenshots/ (1366×768).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [OUT_DIR]

Builds a post with ``noodpost demo`` data in a temporary folder, signs in the demo
coordinator and grabs the main window with each page shown.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from noodpost.app import build_context, build_main_window
from noodpost.core.clock import FixedClock
from noodpost.gui.application import create_application
from noodpost.gui.pages.desk import DeskPage
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
    "Berichten": "berichten",
    "Synchronisatie": "synchronisatie",
    "Overzicht": "overzicht",
}


def main(out: Path) -> None:
    app = create_application(sys.argv)
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
        window.resize(1366, 768)
        window.show()
        out.mkdir(parents=True, exist_ok=True)
        flagged = context.services.visits.not_seen_since(0)[0]
        for title, name in SHOTS.items():
            page = window.show_page(title)
            if isinstance(page, DeskPage):  # the desk as it looks right after a scan
                page.on_scanned(f"NP1:GR-0014:{flagged.card_code}", True)
                while context.runner.pending:
                    app.processEvents()
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")
        context.runner.shutdown()
        window.close()
        db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
