"""Signing in before the main window: pick a name, type the PIN; the author of what follows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from support import FAST_HASHER

from noodpost.app import build_context
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.sign_in import SignInDialog
from noodpost.services.pins import LOCK_STEPS, MAX_ATTEMPTS
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import count_events
from noodpost.sync.keys import create_keys

pytestmark = pytest.mark.gui

#: Argon2id with cheap parameters, as in tests/gui/conftest.py.
COORDINATOR_PIN = "2468"  # Anna Dijkstra's, from the app_context fixture

BERT_PIN = "13579"


@pytest.fixture
def bert_id(app_context: AppContext) -> str:
    """A second volunteer, added by the signed-in coordinator; then everybody signs out."""
    volunteers = VolunteersService(app_context.services.ctx, hasher=FAST_HASHER)
    bert = volunteers.add_volunteer("Bert de Vries", "volunteer", BERT_PIN)
    volunteers.sign_out()
    return bert.id


@pytest.fixture
def dialog(qtbot: QtBot, app_context: AppContext, bert_id: str) -> SignInDialog:
    made = SignInDialog(app_context)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def events(app: AppContext) -> int:
    with app.services.ctx.read() as session:
        return count_events(session)


def test_the_dialog_lists_the_active_volunteers(dialog: SignInDialog) -> None:
    names = [dialog.panel.names.item(r).text() for r in range(dialog.panel.count())]

    assert names == ["Anna Dijkstra · coördinator", "Bert de Vries"]
    assert (
        "Dorpshuis Ten Boer" in dialog.findChild(type(dialog.first_intro), "sign_in_heading").text()
    )
    assert not dialog.showing_first_coordinator


def test_signing_in_makes_the_volunteer_the_author_of_the_next_event(
    qtbot: QtBot, dialog: SignInDialog, app_context: AppContext, bert_id: str
) -> None:
    panel = dialog.panel
    qtbot.keyClicks(panel.search, "bert")
    assert panel.chosen_id() == bert_id  # the search chose the only match
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)  # on to the PIN field
    assert panel.pin.hasFocus()
    assert not panel.message.isVisible()  # Enter there does not try to sign in yet
    qtbot.keyClicks(panel.pin, BERT_PIN)
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.volunteer is not None
    assert dialog.volunteer.name == "Bert de Vries"
    assert app_context.services.ctx.actor == bert_id
    line = app_context.services.logbook.add("Sleutel van de zaal opgehaald")
    assert line.author == "Bert de Vries"


def test_a_wrong_pin_is_refused_with_the_services_message(
    qtbot: QtBot, dialog: SignInDialog, app_context: AppContext
) -> None:
    before = events(app_context)
    panel = dialog.panel
    assert panel.select_name("Anna Dijkstra")
    qtbot.keyClicks(panel.pin, "0000")
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert panel.message.isVisible()
    assert "Pincode onjuist" in panel.message.text()
    assert "nog 4 pogingen" in panel.message.text()
    assert "0000" not in panel.message.text()
    assert panel.pin.text() == ""  # ready for the next try
    assert app_context.services.ctx.actor is None
    assert events(app_context) == before


def test_too_many_wrong_pins_lock_and_count_down(
    qtbot: QtBot, dialog: SignInDialog, app_context: AppContext, clock: FixedClock
) -> None:
    panel = dialog.panel
    panel.select_name("Anna Dijkstra")
    for _ in range(MAX_ATTEMPTS):
        panel.pin.setText("0000")
        panel.submit()

    assert "geblokkeerd" in panel.message.text()
    assert panel.countdown.isVisible()
    assert "60 seconde" in panel.countdown.text()
    assert not panel.button.isEnabled()
    assert not panel.pin.isEnabled()

    panel.select_name("Bert de Vries")  # another volunteer is not locked
    assert panel.button.isEnabled()
    assert not panel.countdown.isVisible()

    panel.select_name("Anna Dijkstra")
    clock.advance(timedelta(seconds=61))
    panel._update_lock()  # the panel's one-second timer does this
    assert panel.button.isEnabled()
    panel.pin.setText(COORDINATOR_PIN)
    assert panel.submit() is not None


def test_a_second_lock_in_a_row_counts_down_in_minutes(
    dialog: SignInDialog, clock: FixedClock
) -> None:
    panel = dialog.panel
    panel.select_name("Bert de Vries")
    for _ in range(2):
        clock.advance(timedelta(seconds=LOCK_STEPS[0]))
        panel._update_lock()  # the panel's one-second timer does this
        for _ in range(MAX_ATTEMPTS):
            panel.pin.setText("0000")
            panel.submit()

    assert "5 minuten geblokkeerd" in panel.message.text()
    assert panel.countdown.isVisible()
    assert "5 minu" in panel.countdown.text()
    assert not panel.button.isEnabled()


def test_no_name_or_no_pin_is_explained(qtbot: QtBot, dialog: SignInDialog) -> None:
    panel = dialog.panel
    qtbot.keyClicks(panel.search, "niemand")
    assert panel.chosen_id() is None
    panel.submit()
    assert "Kies eerst uw naam" in panel.message.text()

    panel.search.clear()
    panel.select_name("Bert de Vries")
    panel.submit()
    assert "Typ uw pincode" in panel.message.text()


def test_quitting_closes_without_signing_in(
    qtbot: QtBot, dialog: SignInDialog, app_context: AppContext
) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert app_context.services.ctx.actor is None


@pytest.fixture
def empty_post(db: Database, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A post set up with ``noodpost init``: no volunteers yet."""
    create_keys(db, tmp_path / "post")
    context = build_context(db, tmp_path / "post", tmp_path / "noodpost.log")
    context.services.ctx.clock = clock
    yield context
    context.runner.shutdown()


def test_a_post_without_volunteers_explains_and_adds_the_first_coordinator(
    qtbot: QtBot, empty_post: AppContext
) -> None:
    made = SignInDialog(empty_post)
    qtbot.addWidget(made)
    made.show()

    assert made.showing_first_coordinator
    assert "nog geen vrijwilligers" in made.first_intro.text()
    made.coordinator.fill("Carla Jansen", "2468", "2469")
    made.add_first_coordinator()
    assert "niet gelijk" in made.coordinator.pin_again_message.text()
    assert empty_post.services.volunteers.list_volunteers() == []

    made.coordinator.fill("Carla Jansen", "2468")
    qtbot.mouseClick(made.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: made.result() == QDialog.DialogCode.Accepted, timeout=10_000)

    assert made.volunteer is not None
    assert made.volunteer.name == "Carla Jansen"
    assert made.volunteer.is_coordinator
    assert empty_post.services.ctx.actor == made.volunteer.id


def test_the_hub_signs_in_as_a_c_nsp_not_a_post(qtbot: QtBot, hub: AppContext) -> None:
    """The hub's sign-in said 'Post GR-0001' (issue 18, item 12); volunteers *log in*."""
    dialog = SignInDialog(hub)
    qtbot.addWidget(dialog)
    where = dialog.findChild(QLabel, "sign_in_post")
    assert where is not None
    assert where.text() == f"C-NSP {hub.node.post_code}"
    assert dialog.windowTitle() == "Noodpost — inloggen"
    assert dialog.panel.button.text() == "&Inloggen"
