"""Veilig en wel at the C-NSP: search all posts (consent only, audited), export as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from nodekit import introduce
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from noodpost.gui.context import AppContext
from noodpost.gui.pages.messages import MessagesPage
from noodpost.services.messages import CSV_COLUMNS
from noodpost.storage.models import AuditEntry

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _audit(context: AppContext, action: str) -> list[str]:
    with context.services.ctx.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == action))
        return [r.object for r in rows]


def test_the_hub_finds_a_consented_message_and_exports_it(
    qtbot: QtBot,
    app_context: AppContext,
    hub: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages = app_context.services.messages
    messages.record("Egbert de Vries", "Veilig in het dorpshuis", consent=True, birth_year=1954)
    messages.record("Egbert de Vries", "Niet doorgeven", consent=False, birth_year=1954)
    introduce(app_context, hub, tmp_path)  # the post's first bundle carries both

    page = MessagesPage(hub)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)  # read off the GUI thread
    assert not page.new_button.isVisible()
    assert page.model.rowCount() == 0
    assert "alle posten" in page.mode.text()
    assert not page.export_button.isEnabled()

    page.search_field.setText("de vries")
    page.year_field.setText("1954")
    page.search()
    qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)
    assert page.model.rowCount() == 1
    assert page.model.values(0)[3] == "mag gedeeld worden"
    assert "Gevonden voor ‘de vries, geboren 1954’: 1" in page.mode.text()
    assert _audit(hub, "search_messages") == ["zoeken op naam en geboortejaar: 1 gevonden"]
    assert page.export_button.isEnabled()

    target = tmp_path / "verwanten.csv"
    monkeypatch.setattr(page, "choose_export_path", lambda: str(target))
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    page.export_button.click()
    qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)
    assert len(asked) == 1
    assert asked[0].startswith("Dit bestand bevat persoonsgegevens van 1 bericht:")
    assert "Geëxporteerd: 1 bericht " in page.mode.text()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [row[3] for row in rows[1:]] == ["Veilig in het dorpshuis"]
    assert _audit(hub, "export") == ["veilig en wel verwanten.csv: 1 berichten"]


def test_a_declined_export_writes_nothing(
    qtbot: QtBot,
    app_context: AppContext,
    hub: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app_context.services.messages.record("Jan Jansen", None, consent=True)
    introduce(app_context, hub, tmp_path)
    page = MessagesPage(hub)
    qtbot.addWidget(page)
    page.search_field.setText("jansen")
    page.search()
    qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)
    assert page.model.rowCount() == 1  # found: the export would have something to write
    target = tmp_path / "lijst.csv"
    monkeypatch.setattr(page, "choose_export_path", lambda: str(target))
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.No.value)
    page.export_csv()
    assert hub.runner.pending == 0
    assert not target.exists()
    assert _audit(hub, "export") == []
    page.year_field.setText("19")
    page.search()
    assert "4 cijfers" in page.mode.text()
