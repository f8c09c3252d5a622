"""The first-run wizard: filled in as a person would, it sets up a working post."""

from __future__ import annotations

import re
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot
from support import FAST_HASHER, make_node

from noodpost.app import open_node_database
from noodpost.core.clock import FixedClock
from noodpost.core.ids import post_id
from noodpost.core.vocabulary import PostFunction
from noodpost.gui.dialogs.recovery_code import printable_html
from noodpost.gui.dialogs.setup_wizard import (
    COORDINATOR_PAGE,
    POST_PAGE,
    RECOVERY_PAGE,
    ROLE_PAGE,
    SERVICES_PAGE,
    SUMMARY_PAGE,
    SetupWizard,
)
from noodpost.services.base import ServiceContext
from noodpost.services.status import StatusService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import Post
from noodpost.storage.node import database_path
from noodpost.sync.keys import load_node_keys

pytestmark = pytest.mark.gui

#: Argon2id with cheap parameters, as in tests/gui/conftest.py.

PIN = "8642"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "nieuwe-post"


@pytest.fixture
def wizard(qtbot: QtBot, folder: Path, clock: FixedClock) -> SetupWizard:
    made = SetupWizard(folder, clock=clock, hasher=FAST_HASHER)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def next_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def fill_post(qtbot: QtBot, wizard: SetupWizard, *, code: str = "GR-0021") -> None:
    assert wizard.currentId() == ROLE_PAGE
    qtbot.mouseClick(wizard.role_page.post, Qt.MouseButton.LeftButton)
    next_page(qtbot, wizard)
    assert wizard.currentId() == POST_PAGE
    qtbot.keyClicks(wizard.post_page.name, "Sporthal De Kring")
    qtbot.keyClicks(wizard.post_page.code, code)
    wizard.post_page.capacity.setValue(120)
    next_page(qtbot, wizard)


def fill_coordinator(qtbot: QtBot, wizard: SetupWizard, pin_again: str = PIN) -> None:
    fields = wizard.coordinator_page.fields
    qtbot.keyClicks(fields.name, "Anna Dijkstra")
    qtbot.keyClicks(fields.pin, PIN)
    qtbot.keyClicks(fields.pin_again, pin_again)
    next_page(qtbot, wizard)


def finish(qtbot: QtBot, wizard: SetupWizard) -> None:
    """*Inrichten* on the summary; when the node was made, tick "opgeschreven" and *Klaar*."""
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    if wizard.currentId() != RECOVERY_PAGE:
        return
    box = wizard.recovery_page.written_down
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def test_the_wizard_sets_up_a_working_post(
    qtbot: QtBot, wizard: SetupWizard, folder: Path, clock: FixedClock
) -> None:
    fill_post(qtbot, wizard, code="gr-0021")  # typed in lower case: stored as GR-0021
    assert wizard.currentId() == SERVICES_PAGE
    offered = wizard.services_page.boxes
    assert all(box.isChecked() for box in offered.values())
    assert not offered[PostFunction.ALARM].isEnabled()  # a post can always raise an alarm
    charging = offered[PostFunction.CHARGING_STATION]
    qtbot.mouseClick(charging, Qt.MouseButton.LeftButton, pos=QPoint(8, charging.height() // 2))
    assert not charging.isChecked()
    next_page(qtbot, wizard)
    assert wizard.currentId() == COORDINATOR_PAGE
    fill_coordinator(qtbot, wizard)
    assert wizard.currentId() == SUMMARY_PAGE
    summary = wizard.summary_page.summary.text()
    for expected in ("Sporthal De Kring", "GR-0021", "120 personen", "Anna Dijkstra", str(folder)):
        assert expected in summary
    assert "op te laden" not in summary
    assert "Voedsel en water" in summary
    assert PIN not in summary

    finish(qtbot, wizard)

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.created is not None
    assert wizard.created.info.post_code == "GR-0021"
    assert len(wizard.created.fingerprint) == 19
    db = open_node_database(folder)
    assert db is not None
    with closing(db):
        ctx = ServiceContext(db, clock)
        status = StatusService(ctx).current()
        assert (status.role, status.name, status.post_code) == (
            "post",
            "Sporthal De Kring",
            "GR-0021",
        )
        assert status.counts["posts"] == 1
        assert status.counts["volunteers"] == 1
        assert status.counts["supply_items"] > 0  # the default catalogue
        with db.read() as session:
            post = session.get(Post, post_id("GR-0021"))
            assert post is not None
            assert post.capacity == 120
            assert PostFunction.DISTRIBUTION in (post.services or [])
            assert PostFunction.CHARGING_STATION not in (post.services or [])
        assert load_node_keys(db, folder).fingerprint == wizard.created.fingerprint
        volunteers = VolunteersService(ctx)
        (anna,) = volunteers.list_volunteers()
        signed_in = volunteers.sign_in(anna.id, PIN)
        assert (signed_in.name, signed_in.is_coordinator) == ("Anna Dijkstra", True)


def test_a_wrong_post_code_is_shown_at_the_field_and_nothing_is_made(
    qtbot: QtBot, wizard: SetupWizard, folder: Path
) -> None:
    fill_post(qtbot, wizard, code="GR-14")

    assert wizard.currentId() == POST_PAGE  # did not move on
    message = wizard.post_page.code_message
    assert message.isVisible()
    assert "klopt niet" in message.text()
    assert "GR-0014" in message.text()  # says what a right code looks like
    assert not wizard.post_page.name_message.isVisible()
    assert not database_path(folder).exists()

    wizard.post_page.code.clear()
    qtbot.keyClicks(wizard.post_page.code, "GR-0021")
    assert not message.isVisible()  # typing clears the message
    next_page(qtbot, wizard)
    assert wizard.currentId() == SERVICES_PAGE


def test_an_empty_name_is_shown_at_the_field(qtbot: QtBot, wizard: SetupWizard) -> None:
    next_page(qtbot, wizard)
    qtbot.keyClicks(wizard.post_page.code, "GR-0021")
    next_page(qtbot, wizard)

    assert wizard.currentId() == POST_PAGE
    assert "naam" in wizard.post_page.name_message.text()
    assert not wizard.post_page.code_message.isVisible()


@pytest.mark.parametrize(
    ("pin", "again", "where", "phrase"),
    [
        ("12", "12", "pin", "4 tot 8 cijfers"),
        (PIN, "8641", "pin_again", "niet gelijk"),
    ],
)
def test_pin_problems_are_shown_at_the_field(
    qtbot: QtBot, wizard: SetupWizard, folder: Path, pin: str, again: str, where: str, phrase: str
) -> None:
    fill_post(qtbot, wizard)
    next_page(qtbot, wizard)
    fields = wizard.coordinator_page.fields
    qtbot.keyClicks(fields.name, "Anna Dijkstra")
    qtbot.keyClicks(fields.pin, pin)
    qtbot.keyClicks(fields.pin_again, again)
    next_page(qtbot, wizard)

    assert wizard.currentId() == COORDINATOR_PAGE
    message = fields.pin_message if where == "pin" else fields.pin_again_message
    assert phrase in message.text()
    assert pin not in message.text()  # a PIN is never repeated back
    assert not database_path(folder).exists()


def test_the_pin_field_takes_digits_only(qtbot: QtBot, wizard: SetupWizard) -> None:
    fields = wizard.coordinator_page.fields
    qtbot.keyClicks(fields.pin, "12ab34567890")
    assert fields.pin.text() == "12345678"


def test_a_hub_skips_the_services_and_capacity(
    qtbot: QtBot, wizard: SetupWizard, folder: Path, clock: FixedClock
) -> None:
    qtbot.mouseClick(wizard.role_page.hub, Qt.MouseButton.LeftButton)
    next_page(qtbot, wizard)
    assert not wizard.post_page.capacity.isVisible()
    qtbot.keyClicks(wizard.post_page.name, "C-NSP Groningen")
    qtbot.keyClicks(wizard.post_page.code, "GR-9000")
    next_page(qtbot, wizard)
    assert wizard.currentId() == COORDINATOR_PAGE
    fill_coordinator(qtbot, wizard)
    finish(qtbot, wizard)

    assert wizard.created is not None
    assert wizard.created.info.role == "hub"


def test_a_folder_that_holds_a_post_is_refused_on_the_summary(
    qtbot: QtBot, wizard: SetupWizard, folder: Path, clock: FixedClock
) -> None:
    existing = make_node(folder, clock)
    with existing.read() as session:
        before = count_events(session)
    existing.close()
    fill_post(qtbot, wizard)
    next_page(qtbot, wizard)
    fill_coordinator(qtbot, wizard)

    finish(qtbot, wizard)

    assert wizard.isVisible()  # stays open with what was typed
    assert wizard.currentId() == SUMMARY_PAGE
    assert "al een ingericht noodsteunpunt" in wizard.summary_page.message.text()
    assert wizard.created is None
    db = open_node_database(folder)
    assert db is not None
    with closing(db), db.read() as session:
        assert count_events(session) == before  # the old post is untouched
    assert not (folder / "keys").exists()


def test_cancelling_makes_nothing(qtbot: QtBot, wizard: SetupWizard, folder: Path) -> None:
    fill_post(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)

    assert wizard.result() == QDialog.DialogCode.Rejected
    assert not folder.exists()


def test_the_recovery_code_is_shown_once_and_finishing_needs_it_written_down(
    qtbot: QtBot, wizard: SetupWizard, folder: Path
) -> None:
    fill_post(qtbot, wizard)
    next_page(qtbot, wizard)
    fill_coordinator(qtbot, wizard)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text().replace("&", "") == "Inrichten"
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)

    assert wizard.currentId() == RECOVERY_PAGE
    created = wizard.created
    assert created is not None
    page = wizard.recovery_page
    shown = page.view.code.text()
    assert shown == created.recovery_code
    assert shown == (folder / "keys" / "herstelcode.txt").read_text().strip()
    assert re.fullmatch(r"([0-9A-Z]{4}-){6}[0-9A-Z]{4}", shown)
    assert page.view.code.isVisible()
    assert page.view.print_button.isVisible()
    assert shown in printable_html(shown, "Sporthal De Kring")
    finish_button = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish_button.isEnabled()  # not before "opgeschreven"
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # made: no way back
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()  # Escape does not skip the code either

    box = page.written_down
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert finish_button.isEnabled()
    qtbot.mouseClick(finish_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert repr(created).find(shown) == -1  # never in a log line or traceback
