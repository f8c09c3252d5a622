"""Synchronisatie: pair, write a bundle to a stick, read it at the hub, approve the post."""

from __future__ import annotations

import gc
import json
import socket
from pathlib import Path

import pytest
import zxingcpp
from nodekit import HUB_NAME
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.gui.context import AppContext
from noodpost.gui.pages.sync import SyncPage
from noodpost.gui.widgets.drives import Drive, Volume, format_size, removable
from noodpost.storage.eventlog import count_events

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    root = tmp_path / "stick"
    root.mkdir()
    return root


def _events(context: AppContext) -> int:
    with context.services.ctx.read() as session:
        return count_events(session)


def _page(qtbot: QtBot, context: AppContext) -> SyncPage:
    page = SyncPage(context, find_drives=list)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    _finish(qtbot, page)
    return page


def _finish(qtbot: QtBot, page: SyncPage) -> None:
    qtbot.waitUntil(lambda: not page.busy and page.runner.pending == 0, timeout=20_000)


def _cell(page: SyncPage, model_name: str, row: int, column: int) -> str:
    model = getattr(page, model_name)
    return str(model.data(model.index(row, column)))


def _save_pairing(qtbot: QtBot, hub_page: SyncPage, path: Path) -> None:
    hub_page.pairing.save_pairing_file(path)
    _finish(qtbot, hub_page)
    assert hub_page.result.text().startswith("Koppelbestand van GR-9000 geschreven naar")


def test_a_post_pairs_and_writes_a_bundle(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, stick: Path, tmp_path: Path
) -> None:
    page = _page(qtbot, app_context)
    fingerprint = app_context.services.sync.fingerprint
    assert fingerprint in page.identity.text()  # the hub compares this one
    assert "Nog niet gekoppeld" in page.peer_summary.text()
    assert not page.network_button.isEnabled()
    assert page.folder() is None
    assert "Geen USB-stick gevonden" in page.drive.currentText()

    page.set_folder(stick)
    assert page.folder() == stick
    before = _events(app_context)
    page.export_bundle()  # not paired yet: refused, nothing written
    _finish(qtbot, page)
    assert page.result.text().startswith("Niet gelukt: Deze post is nog niet gekoppeld")
    assert list(stick.rglob("*.npb")) == []
    assert _events(app_context) == before

    pairing_file = tmp_path / "koppeling.json"
    hub_page = _page(qtbot, hub)
    _save_pairing(qtbot, hub_page, pairing_file)
    page.pairing.import_pairing_file(pairing_file)
    _finish(qtbot, page)
    assert page.result.text().startswith("Gekoppeld aan C-NSP C-NSP Groningen (GR-9000)")
    hub_fingerprint = hub.services.sync.fingerprint
    assert hub_fingerprint in page.pairing.about.text()
    assert page.peer_summary.text() == f"Gekoppeld aan {HUB_NAME} (GR-9000)."
    assert _cell(page, "peer_model", 0, 1) == hub_fingerprint
    assert _cell(page, "peer_model", 0, 2) == "goedgekeurd"

    app_context.services.alarms.raise_alarm("ambulance", "immediate", "Zaal 2")
    page.export_bundle()
    assert page.busy
    assert not page.progress.isHidden()  # the busy bar runs while the runner works
    assert not page.export_button.isEnabled()
    _finish(qtbot, page)

    assert page.progress.isHidden()
    [bundle] = (stick / "NOODPOST" / "GR-0014" / "outbox").glob("*.npb")
    assert bundle.stat().st_size > 0
    assert page.result.text().startswith(f"1 bundel geschreven naar {stick}: GR-9000 (")
    assert "veilig" in page.result.text()


def test_the_hub_reads_the_stick_and_approves_the_post(
    qtbot: QtBot,
    app_context: AppContext,
    hub: AppContext,
    stick: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub.services.sync.export_pairing(tmp_path / "koppeling.json")
    app_context.services.sync.import_pairing(tmp_path / "koppeling.json")
    alarm = app_context.services.alarms.raise_alarm("fire", "high", "Keuken")
    app_context.services.sync.export_usb(stick)
    post_fingerprint = app_context.services.sync.fingerprint

    page = _page(qtbot, hub)
    assert not page.network_button.isVisible()  # posts call the hub, not the other way
    assert page.pending_hint.text() == "Geen posten die wachten op goedkeuring."
    assert page.quarantine_summary.text() == "Niets in quarantaine."
    page.set_folder(stick)
    page.import_bundles()
    _finish(qtbot, page)

    assert "wacht op goedkeuring: GR-0014" in page.result.text()
    assert page.pending_model.rowCount() == 1
    assert _cell(page, "pending_model", 0, 0) == "GR-0014"
    assert _cell(page, "pending_model", 0, 2) == post_fingerprint
    assert _cell(page, "peer_model", 0, 2) == "wacht op goedkeuring"
    assert page.quarantine_summary.text() == "In quarantaine: 1 bundel wacht."
    assert _cell(page, "quarantine_model", 0, 3) == "afzender nog niet goedgekeurd"
    assert page.approve_button.isEnabled()
    assert hub.services.alarms.alarm_ids() == []  # nothing applied before approval

    [peer] = [p for p in hub.services.sync.list_peers().peers if p.post_code == "GR-0014"]
    box = page.approve_box(peer)
    assert post_fingerprint in box.informativeText()
    assert "vingerafdruk" in box.informativeText()
    before = _events(hub)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.No)
    page.approve_button.click()
    _finish(qtbot, page)
    assert _events(hub) == before
    assert page.pending_model.rowCount() == 1

    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    page.approve_button.click()
    _finish(qtbot, page)

    assert page.result.text().startswith(f"GR-0014 goedgekeurd ({post_fingerprint})")
    assert page.pending_model.rowCount() == 0
    assert page.pending_hint.text() == "Geen posten die wachten op goedkeuring."
    assert page.quarantine_summary.text() == "Niets in quarantaine."
    assert _cell(page, "peer_model", 0, 2) == "goedgekeurd"
    assert hub.services.alarms.alarm_ids() == [alarm.id]  # the post's bundle was applied


def test_the_hub_shows_its_pairing_qr_code(qtbot: QtBot, hub: AppContext) -> None:
    page = _page(qtbot, hub)
    page.pairing.address.setText("http://10.0.0.5:8765")
    page.pairing.update_qr()
    _finish(qtbot, page)
    image = page.pairing.qr.pixmap().toImage()
    assert not image.isNull()
    decoded = zxingcpp.read_barcode(image)
    assert decoded is not None
    assert decoded.text == page.pairing.qr_text
    document = json.loads(decoded.text)
    assert document["hub"]["post_code"] == "GR-9000"
    assert document["addresses"] == ["http://10.0.0.5:8765"]

    page.pairing.address.setText("10.0.0.5")  # not a web address
    page.pairing.update_qr()
    _finish(qtbot, page)
    assert "gebruik een webadres" in page.pairing.qr.text()
    assert page.pairing.qr_text is None


def test_network_sync_says_calmly_when_the_hub_is_unreachable(
    qtbot: QtBot, app_context: AppContext, hub: AppContext, tmp_path: Path
) -> None:
    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    hub_page = _page(qtbot, hub)
    hub_page.pairing.address.setText(f"http://127.0.0.1:{port}")
    _save_pairing(qtbot, hub_page, tmp_path / "koppeling.json")
    page = _page(qtbot, app_context)
    page.pairing.import_pairing_file(tmp_path / "koppeling.json")
    _finish(qtbot, page)
    assert f"127.0.0.1:{port}" in page.pairing.about.text()
    assert page.network_button.isEnabled()

    before = _events(app_context)
    page.network_button.click()
    _finish(qtbot, page)
    assert page.result.text().startswith("Niet gelukt: De C-NSP is nu niet bereikbaar")
    assert _events(app_context) == before


def test_only_writable_removable_drives_are_offered() -> None:
    volumes = [
        Volume("/", "", 80_000_000_000, read_only=False, ready=True),
        Volume("/media/anna/NOODSTICK", "NOODSTICK", 3_200_000_000, read_only=False, ready=True),
        Volume("/run/media/anna/OUD", "OUD", 10, read_only=True, ready=True),
        Volume("/mnt/usb", "", 850_000_000, read_only=False, ready=False),
        Volume("/mnt/backup", "", 12_000, read_only=False, ready=True),
    ]
    drives = removable(volumes, platform="linux")
    assert drives == [
        Drive(Path("/media/anna/NOODSTICK"), "NOODSTICK", 3_200_000_000),
        Drive(Path("/mnt/backup"), "", 12_000),
    ]
    assert drives[0].text == "NOODSTICK (/media/anna/NOODSTICK) · 3,2 GB vrij"
    assert drives[1].text == "backup (/mnt/backup) · 12 kB vrij"
    windows = [
        Volume("C:/", "Windows", 10**11, read_only=False, ready=True),
        Volume("E:/", "STICK", 10**9, read_only=False, ready=True),
    ]
    assert [d.name for d in removable(windows, platform="win32", system_drive="C:")] == ["STICK"]
    assert format_size(850_000_000) == "850 MB"


def test_the_page_lists_the_drives_it_finds(qtbot: QtBot, app_context: AppContext) -> None:
    drive = Drive(Path("/media/anna/NOODSTICK"), "NOODSTICK", 3_200_000_000)
    page = SyncPage(app_context, find_drives=lambda: [drive])
    qtbot.addWidget(page)
    assert page.drive.currentText() == drive.text
    assert page.folder() == drive.root


def test_a_page_outside_a_window_is_freed_safely(qtbot: QtBot, hub: AppContext) -> None:
    """A page that is dropped while shown is freed without the cyclic collector crashing."""
    page = SyncPage(hub, find_drives=list)
    page.show()
    qtbot.waitExposed(page)
    del page
    gc.collect()
    qtbot.wait(10)
