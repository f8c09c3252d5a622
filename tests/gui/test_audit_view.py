"""*Auditlogboek*: the coordinator sees the entries newest first and can check the chain."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from support import FAST_HASHER

from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.audit_view import AuditViewDialog
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.node import database_path

pytestmark = pytest.mark.gui

VOLUNTEER_PIN = "13572468"


def _dialog(qtbot: QtBot, app_context: AppContext) -> AuditViewDialog:
    dialog = AuditViewDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_newest_first_with_who_and_what(qtbot: QtBot, app_context: AppContext) -> None:
    dialog = _dialog(qtbot, app_context)
    assert dialog.allowed
    first = dialog.row_texts(0)
    assert first[1:] == ["Anna Dijkstra", "persoonslijst bekeken", "auditlogboek", "gelukt"]
    last = dialog.row_texts(dialog.table.rowCount() - 1)
    assert last[1:] == ["Anna Dijkstra", "inlog", last[3], "gelukt"]
    assert last[3] == "vrijwilliger Anna Dijkstra"  # stored as an id, shown by name


def test_check_the_chain_intact_then_broken(
    qtbot: QtBot, app_context: AppContext, wait_idle: Callable[[], None]
) -> None:
    dialog = _dialog(qtbot, app_context)
    dialog.verify()
    wait_idle()
    assert dialog.outcome.text().startswith("Intact: 2 regels gecontroleerd")

    with sqlite3.connect(database_path(app_context.data_dir)) as conn:
        conn.execute("UPDATE audit_entry SET object = 'iets anders' WHERE id = 1")
    dialog.verify()
    wait_idle()
    assert dialog.outcome.text().startswith("NIET INTACT: regel 1 is gewijzigd")


def test_a_volunteer_is_told_it_is_for_the_coordinator(
    qtbot: QtBot, app_context: AppContext
) -> None:

    hasher = FAST_HASHER
    volunteers = VolunteersService(app_context.services.ctx, hasher=hasher)
    bram = volunteers.add_volunteer("Bram", "volunteer", VOLUNTEER_PIN).id
    volunteers.sign_in(bram, VOLUNTEER_PIN)
    dialog = _dialog(qtbot, app_context)
    assert not dialog.allowed
    assert "alleen voor de coördinator" in dialog.outcome.text()
    assert not dialog.table.isVisible()
