"""*Post en bewaartermijn*: details, closing and opening, and anonymising what is due."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.post_details import PostDetailsDialog
from noodpost.services.backup import BackupService
from noodpost.services.post import PostService

pytestmark = pytest.mark.gui

NAME = "Zyxwvutsma Qorbelt"


def _dialog(qtbot: QtBot, app_context: AppContext) -> PostDetailsDialog:
    dialog = PostDetailsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ask = lambda _title, _question: True
    return dialog


def test_shows_and_saves_the_details(
    qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    dialog = _dialog(qtbot, app_context)
    assert dialog.name.text() == "Dorpshuis Ten Boer"
    assert dialog.code.text() == "GR-0014"
    assert dialog.capacity.value() == 80
    assert dialog.retention_days.value() == 30
    assert dialog.state.text() == "De post is open."
    assert dialog.open_button.text() == "Post &sluiten"
    assert "Er is nu niets te anonimiseren." in dialog.due_text.text()
    assert not dialog.anonymise_button.isEnabled()
    # Every service reads in full (the dialog grows to them rather than cutting them off).
    wait_idle()
    for check in dialog.service_checks.values():
        assert check.width() >= check.sizeHint().width(), check.text()

    dialog.address.setText("Kerkstraat 5")
    dialog.retention_days.setValue(14)
    dialog.service_checks["charging_station"].setChecked(True)
    dialog.save()
    wait_idle()
    details = PostService(app_context.services.ctx).details()
    assert details.address == "Kerkstraat 5"
    assert details.retention_days == 14
    assert details.services == ("charging_station",)
    assert dialog.outcome.text() == "De gegevens zijn opgeslagen."


def test_a_bad_value_is_explained_at_the_dialog(
    qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    dialog = _dialog(qtbot, app_context)
    dialog.name.setText("  ")
    dialog.save()
    wait_idle()
    assert dialog.message.text() == "Vul de naam van de post in."


def test_close_then_anonymise_when_due(
    qtbot: QtBot, app_context: AppContext, clock: FixedClock, wait_idle: Callable[[], None]
) -> None:
    app_context.services.intake.register(size=2, name=NAME, birth_year=1980)
    backups = BackupService(app_context.services.ctx, app_context.data_dir, app_context.settings)
    [before] = backups.backup_now().written
    dialog = _dialog(qtbot, app_context)
    asked: list[str] = []
    dialog.ask = lambda _title, question: asked.append(question) or True
    dialog.toggle_open()
    wait_idle()
    assert "bewaartermijn van 30 dagen" in asked[0]
    assert dialog.state.text().startswith("De post is gesloten sinds 28-11-2026 10:00")
    assert dialog.open_button.text() == "Post &openen"
    assert "geanonimiseerd vanaf 28-12-2026 10:00" in dialog.due_text.text()

    clock.advance(timedelta(days=30))
    dialog.load()
    assert "Nu te anonimiseren: 1 huishoudens" in dialog.due_text.text()
    assert dialog.anonymise_button.isEnabled()
    dialog.anonymise_now()
    wait_idle()
    assert dialog.outcome.text().startswith("Geanonimiseerd: 1 huishoudens")
    # The backup made before still held the name: replaced by a fresh one, and said so.
    assert "1 oudere back-up met persoonsgegevens verwijderd" in dialog.outcome.text()
    assert not before.exists()
    assert [b.path for b in backups.available()] != []
    assert not dialog.anonymise_button.isEnabled()
    found = app_context.services.intake.find_duplicates(NAME, 1980, None)
    assert found == []

    dialog.toggle_open()
    wait_idle()
    assert dialog.state.text() == "De post is open."
