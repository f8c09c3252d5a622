"""The GUI side: the 15-minute timer, the restore dialog, the start-up and placement checks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from backupkit import sign_in
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from noodpost.app import build_context
from noodpost.config import Settings
from noodpost.core.clock import FixedClock
from noodpost.gui.application import create_application
from noodpost.gui.backup_timer import BackupTimer
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs import startup_check
from noodpost.gui.dialogs.restore import RestoreDialog
from noodpost.gui.dialogs.startup_check import StartupCheckDialog, run_placement_check
from noodpost.services.backup import BackupService, check_before_start
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import Database
from noodpost.storage.engine import startup_check as check_file
from noodpost.storage.node import database_path
from noodpost.sync.keys import create_keys

pytestmark = pytest.mark.gui


@pytest.fixture
def app_context(db: Database, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    create_application([])
    data_dir = tmp_path / "post"
    create_keys(db, data_dir)
    context = build_context(db, data_dir, tmp_path / "noodpost.log")
    context.services.ctx.clock = clock
    sign_in(context.services.ctx)
    yield context
    context.runner.shutdown()


def _wait(qtbot: QtBot, app: AppContext) -> None:
    qtbot.waitUntil(lambda: app.runner.pending == 0, timeout=10_000)


def test_the_timer_backs_up_only_after_a_change_and_says_so(
    qtbot: QtBot, app_context: AppContext, clock: FixedClock
) -> None:
    timer = BackupTimer(app_context)
    seen: list[str] = []
    timer.finished.connect(seen.append)
    timer.tick()
    _wait(qtbot, app_context)
    backups = app_context.data_dir / "backups"
    assert len(list(backups.iterdir())) == 1
    assert seen == ["Back-up gemaakt om 10:00 (op deze laptop)."]
    timer.tick()  # nothing changed since
    _wait(qtbot, app_context)
    assert len(list(backups.iterdir())) == 1
    IntakeService(app_context.services.ctx).register(size=2)
    clock.advance(timedelta(minutes=15))
    timer.tick()
    _wait(qtbot, app_context)
    assert len(list(backups.iterdir())) == 2


def test_a_failing_backup_shows_in_the_status_line_never_silence(
    qtbot: QtBot, app_context: AppContext
) -> None:
    (app_context.data_dir / "backups").write_text("geen map")  # the folder cannot be made
    timer = BackupTimer(app_context)
    problems: list[str] = []
    timer.problem.connect(problems.append)
    timer.tick()
    _wait(qtbot, app_context)
    assert len(problems) == 1
    assert problems[0].startswith("Back-up mislukt: De back-up naar")
    assert not timer.busy


def test_an_absent_stick_is_a_warning(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    settings = Settings(backup_usb_folder=str(tmp_path / "stick"))
    timer = BackupTimer(
        app_context, BackupService(app_context.services.ctx, app_context.data_dir, settings)
    )
    problems: list[str] = []
    done: list[str] = []
    timer.problem.connect(problems.append)
    timer.finished.connect(done.append)
    timer.tick()
    _wait(qtbot, app_context)
    assert len(list((app_context.data_dir / "backups").iterdir())) == 1
    assert len(problems) == 1
    assert "USB-map" in problems[0]
    assert done == []


def test_at_exit_a_backup_is_made_and_a_failure_is_shown(
    qtbot: QtBot, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    timer = BackupTimer(app_context)
    assert timer.at_exit()
    assert len(list((app_context.data_dir / "backups").iterdir())) == 1

    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text() + " " + box.informativeText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    IntakeService(app_context.services.ctx).register(size=1)
    folder = app_context.data_dir / "backups"
    for old in folder.iterdir():
        old.unlink()
    folder.rmdir()
    folder.write_text("geen map")
    assert not timer.at_exit()
    assert shown
    assert "bij het afsluiten is niet gelukt" in shown[0]


def test_the_restore_dialog_lists_restores_and_asks_to_close(
    qtbot: QtBot, app_context: AppContext
) -> None:
    service = BackupService(app_context.services.ctx, app_context.data_dir, app_context.settings)
    [written] = service.backup_now().written
    IntakeService(app_context.services.ctx).register(size=4)
    dialog = RestoreDialog(app_context, service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.backups.count() == 1
    text = dialog.backups.item(0).text()
    assert text.startswith("28-11-2026 10:00 · GR-0014 · ")
    assert "kB" in text
    assert "deze laptop" in text
    assert dialog.restore_button.isEnabled()
    assert "Huidige gegevens worden vervangen" in dialog.confirm_box().text()

    dialog.done_box = lambda report: _NoBox()  # type: ignore[method-assign,assignment,return-value]
    with qtbot.waitSignal(dialog.restored, timeout=10_000) as signal:
        dialog.restore_selected()
    assert f"Back-up {written.name} is teruggezet" in signal.args[0]
    assert service.closed
    assert len(list(app_context.data_dir.glob("noodpost-voor-herstel-*.db"))) == 1


def test_a_sealed_backup_on_the_stick_is_listed_and_restored_with_the_kept_code(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    settings = Settings(backup_usb_folder=str(stick))
    service = BackupService(app_context.services.ctx, app_context.data_dir, settings)
    [home, sealed] = service.backup_now().written
    assert sealed.suffix == ".npbk"
    home.unlink()  # only the stick's is left
    dialog = RestoreDialog(app_context, service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.backups.count() == 1
    assert "USB-map" in dialog.backups.item(0).text()

    dialog.done_box = lambda report: _NoBox()  # type: ignore[method-assign,assignment,return-value]
    with qtbot.waitSignal(dialog.restored, timeout=10_000) as signal:
        dialog.restore_selected()
    assert f"Back-up {sealed.name} is teruggezet" in signal.args[0]
    assert not (app_context.data_dir / "versleutelen").exists()


def test_the_restore_dialog_says_when_there_are_no_backups(
    qtbot: QtBot, app_context: AppContext
) -> None:
    service = BackupService(app_context.services.ctx, app_context.data_dir, app_context.settings)
    dialog = RestoreDialog(app_context, service)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.backups.count() == 0
    assert dialog.empty.isVisible()
    assert not dialog.restore_button.isEnabled()


class _NoBox:
    def exec(self) -> int:
        return 0


def test_the_start_up_dialog_restores_the_newest_good_backup(
    qtbot: QtBot, app_context: AppContext, db: Database
) -> None:
    service = BackupService(app_context.services.ctx, app_context.data_dir, app_context.settings)
    [written] = service.backup_now().written
    db.close()
    path = database_path(app_context.data_dir)
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 8 : offset + 400] = b"\xa5" * 392
    path.write_bytes(bytes(data))
    damaged = bytes(data)

    report = check_before_start(app_context.data_dir, app_context.settings)
    dialog = StartupCheckDialog(report, app_context.data_dir, app_context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.newest_button is not None
    shown = dialog.findChild(QLabel, "startup_message")
    assert shown is not None
    assert "is beschadigd" in shown.text()
    assert written.name in report.message
    dialog.restore_newest()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert check_file(path).ok
    [aside] = list(app_context.data_dir.glob("noodpost-voor-herstel-*.db"))
    assert aside.read_bytes() == damaged


def test_a_data_folder_on_a_stick_is_moved_when_the_volunteer_agrees(
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    create_application([])
    source = tmp_path / "post"
    create_keys(db, source)
    Settings(font_point_size=14).save(source)
    db.close()
    target = tmp_path / "eigen-schijf"
    monkeypatch.setenv("NOODPOST_DATA_DIR", str(target))
    monkeypatch.setattr(
        startup_check,
        "placement_problem",
        lambda folder: "De gegevensmap staat op een USB-stick." if folder == source else None,
    )

    class Agree:
        def __init__(self, *_args: Any) -> None:
            self.button = _Named("move_data")

        def exec(self) -> int:
            return 0

        def clickedButton(self) -> _Named:
            return self.button

    monkeypatch.setattr(startup_check, "placement_box", Agree)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    assert run_placement_check(source) == target
    assert check_file(database_path(target)).ok
    assert (target / "keys" / "signing.key").read_bytes() == (
        source / "keys" / "signing.key"
    ).read_bytes()
    assert Settings.load(target).font_point_size == 14
    assert not database_path(source).exists()
    assert len(list(source.glob("noodpost-verplaatst-*.db"))) == 1


class _Named:
    def __init__(self, name: str) -> None:
        self.name = name

    def objectName(self) -> str:
        return self.name


def test_the_settings_keep_the_usb_backup_folder(
    qtbot: QtBot, app_context: AppContext, tmp_path: Path
) -> None:
    from noodpost.gui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.backup_folder
    assert field.path.placeholderText() == "geen (alleen op deze laptop)"
    field.path.setText(f"  {tmp_path / 'stick'}  ")
    assert dialog.save()
    assert app_context.settings.backup_usb_folder == str(tmp_path / "stick")
    assert Settings.load(app_context.data_dir).backup_usb_folder == str(tmp_path / "stick")
