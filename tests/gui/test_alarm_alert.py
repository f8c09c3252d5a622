"""(hub) The alarm pop-up: shows with sound, escalates with words, goes when acknowledged."""

from __future__ import annotations

import io
import wave
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from support import arrive

from noodpost.app import build_main_window
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.ids import new_id
from noodpost.gui import alarm_alert
from noodpost.gui.alarm_alert import AlarmAlert, SystemAlarmSound, alarm_wav
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.settings import SettingsDialog
from noodpost.gui.pages.alarms import AlarmsPage
from noodpost.storage.eventlog import count_events

pytestmark = pytest.mark.gui


class FakeSound:
    def __init__(self) -> None:
        self.played: list[bool] = []

    def play(self, *, escalation: bool) -> None:
        self.played.append(escalation)


def _arrives(hub: AppContext, post_code: str = "GR-0014", urgency: str = "immediate") -> str:
    """A post's alarm as sync applies it at the hub (the hub's screens hear of it)."""
    alarm_id = new_id()
    ctx = hub.services.ctx
    arrive(
        ctx.db,
        ctx.clock,
        post_code,
        "alarm",
        alarm_id,
        Op.CREATE,
        {
            "post_code": post_code,
            "type": "ambulance",
            "urgency": urgency,
            "location": "Kerkstraat 5 zaal 2",
            "persons": 2,
            "raised_at": ctx.now_iso(),
        },
    )
    ctx.announce(frozenset({"alarm"}))  # as an import announces what it applied
    return alarm_id


def _idle(qtbot: QtBot, hub: AppContext) -> None:
    """Every read under way delivered (the pop-up reads off the GUI thread)."""
    qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=10_000)


def _events(context: AppContext) -> int:
    with context.services.ctx.read() as session:
        return count_events(session)


@pytest.fixture
def alert(qtbot: QtBot, hub: AppContext) -> tuple[AlarmAlert, FakeSound]:
    window = build_main_window(hub)
    qtbot.addWidget(window)
    sound = FakeSound()
    made = AlarmAlert(hub, window, sound=sound)
    qtbot.addWidget(made)
    _idle(qtbot, hub)
    return made, sound


def test_nothing_waiting_nothing_shown(alert: tuple[AlarmAlert, FakeSound]) -> None:
    popup, sound = alert
    assert not popup.isVisible()
    assert sound.played == []


def test_a_new_alarm_pops_up_with_sound(
    qtbot: QtBot, alert: tuple[AlarmAlert, FakeSound], hub: AppContext
) -> None:
    popup, sound = alert
    _arrives(hub)
    _idle(qtbot, hub)
    assert popup.isVisible()
    assert sound.played == [False]
    assert popup.header.text() == "NOODMELDING — nog niet bevestigd"
    assert popup.list.item(0).text() == (
        "GR-0014 · AMBULANCE · SPOED · 2 personen\nKerkstraat 5 zaal 2 · 10:00 (0 min geleden)"
    )
    popup.check()  # nothing new: no second sound
    _idle(qtbot, hub)
    assert sound.played == [False]


def test_hidden_it_comes_back_for_the_next_alarm(
    qtbot: QtBot, alert: tuple[AlarmAlert, FakeSound], hub: AppContext
) -> None:
    popup, sound = alert
    _arrives(hub, urgency="normal")
    _idle(qtbot, hub)
    popup.hide_button.click()
    popup.check()
    _idle(qtbot, hub)
    assert not popup.isVisible()  # the operator chose to hide it; the alarm stays red in the list

    second = _arrives(hub, "GR-0015", urgency="immediate")
    _idle(qtbot, hub)
    assert popup.isVisible()
    assert sound.played == [False, False]
    assert popup.header.text() == "NOODMELDINGEN — 2 nog niet bevestigd"
    assert popup.selected_alarm() is not None
    assert popup.alarms[0].id == second  # most urgent first


def test_unacknowledged_too_long_escalates_with_words_and_sound(
    qtbot: QtBot, alert: tuple[AlarmAlert, FakeSound], hub: AppContext, clock: FixedClock
) -> None:
    popup, sound = alert
    hub.settings.alarm_escalation_minutes = 10
    _arrives(hub)
    _idle(qtbot, hub)
    popup.hide()
    clock.advance(timedelta(minutes=9))
    popup.check()
    _idle(qtbot, hub)
    assert not popup.isVisible()
    assert sound.played == [False]

    clock.advance(timedelta(minutes=1))
    popup.check()  # the timer does this every 15 s
    _idle(qtbot, hub)
    assert popup.isVisible()
    assert sound.played == [False, True]
    assert popup.header.text() == "ESCALATIE — 1 te lang niet bevestigd"
    assert popup.list.item(0).text().startswith("ESCALATIE: 10 min niet bevestigd\nGR-0014")
    popup.check()
    _idle(qtbot, hub)
    assert sound.played == [False, True]  # once per alarm

    page = AlarmsPage(hub)
    qtbot.addWidget(page)
    page.show()
    _idle(qtbot, hub)
    status = page.model.columns.index(next(c for c in page.model.columns if c.title == "Status"))
    assert page.model.data(page.model.index(0, status)) == (
        "ESCALATIE: 10 min niet bevestigd · open"
    )
    assert "ESCALATIE" in page.details.text()


def test_acknowledge_from_the_popup_is_one_event(
    qtbot: QtBot, alert: tuple[AlarmAlert, FakeSound], hub: AppContext
) -> None:
    popup, _sound = alert
    alarm_id = _arrives(hub)
    _idle(qtbot, hub)
    dialog = popup.acknowledge()
    assert dialog is not None
    before = _events(hub)
    dialog.note.setText("Ambulance onderweg")
    dialog.submit()
    qtbot.waitUntil(lambda: hub.runner.pending == 0, timeout=5_000)

    assert _events(hub) == before + 1
    acknowledged = hub.services.alarms.alarm(alarm_id)
    assert (acknowledged.status, acknowledged.acknowledged_by, acknowledged.status_note) == (
        "acknowledged",
        "Bert Hoekstra",
        "Ambulance onderweg",
    )
    assert [s.status for s in hub.services.alarms.history(alarm_id)] == ["open", "acknowledged"]
    assert not popup.isVisible()
    assert popup.alarms == []


def test_to_the_inbox_shows_the_alarm_page(
    qtbot: QtBot, alert: tuple[AlarmAlert, FakeSound], hub: AppContext
) -> None:
    popup, _sound = alert
    alarm_id = _arrives(hub)
    _idle(qtbot, hub)
    window = popup.main_window
    assert window is not None
    popup.inbox_button.click()
    _idle(qtbot, hub)
    page = window.stack.currentWidget()
    assert isinstance(page, AlarmsPage)
    selected = page.selected_alarm()
    assert selected is not None
    assert selected.id == alarm_id


def test_the_hub_sets_the_escalation_minutes(qtbot: QtBot, hub: AppContext) -> None:
    dialog = SettingsDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.escalation_minutes.isVisible()
    assert dialog.escalation_minutes.value() == 5
    dialog.escalation_minutes.setValue(12)
    assert dialog.save()
    assert hub.settings.alarm_escalation_minutes == 12


def test_a_post_has_no_escalation_setting(qtbot: QtBot, app_context: AppContext) -> None:
    dialog = SettingsDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.escalation_minutes.isVisible()
    dialog.escalation_minutes.setValue(30)
    assert dialog.save()
    assert app_context.settings.alarm_escalation_minutes == 5  # unchanged


def test_the_generated_sound_is_a_short_wav() -> None:
    for escalation in (False, True):
        with wave.open(io.BytesIO(alarm_wav(escalation=escalation))) as read:
            seconds = read.getnframes() / read.getframerate()
            assert (read.getnchannels(), read.getsampwidth()) == (1, 2)
            assert 0.5 < seconds < 2.0


def test_the_system_sound_uses_a_player_without_waiting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[list[str]] = []

    class Player:
        def __init__(self, command: list[str], **_kwargs: Any) -> None:
            started.append(command)

        def poll(self) -> int | None:
            return None

    monkeypatch.setattr(alarm_alert.sys, "platform", "linux")
    monkeypatch.setattr(alarm_alert.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(
        alarm_alert.shutil, "which", lambda name: "/usr/bin/aplay" if name == "aplay" else None
    )
    monkeypatch.setattr(alarm_alert.subprocess, "Popen", Player)
    sound = SystemAlarmSound()
    sound.play(escalation=True)
    assert started == [["/usr/bin/aplay", str(tmp_path / "noodpost-escalatie.wav")]]
    assert (tmp_path / "noodpost-escalatie.wav").read_bytes() == alarm_wav(escalation=True)

    monkeypatch.setattr(alarm_alert.shutil, "which", lambda _name: None)
    sound.play(escalation=False)  # no player: only the beep, no error
    assert len(started) == 1
