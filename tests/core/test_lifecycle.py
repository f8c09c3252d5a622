"""Status transitions of needs and alarms: the tables, their fit with the fold, the messages."""

from __future__ import annotations

import pytest

from noodpost.core.entities import SPECS
from noodpost.core.errors import Refused
from noodpost.core.lifecycle import (
    ALARM_TRANSITIONS,
    NEED_TRANSITIONS,
    UNACKNOWLEDGED_ALARM,
    Transitions,
)
from noodpost.core.vocabulary import AlarmStatus, NeedStatus

TABLES = [("need", NEED_TRANSITIONS), ("alarm", ALARM_TRANSITIONS)]


@pytest.mark.parametrize(("entity", "table"), TABLES)
def test_table_covers_every_status_of_the_entity(entity: str, table: Transitions) -> None:
    spec = SPECS[entity]
    assert set(table.allowed) == set(spec.statuses)
    assert set(table.order) == set(spec.statuses)


@pytest.mark.parametrize(("entity", "table"), TABLES)
def test_every_allowed_change_moves_up_in_rank(entity: str, table: Transitions) -> None:
    """The projection keeps the highest rank: a change down the ranks would never show."""
    ranks = SPECS[entity].statuses
    for current, targets in table.allowed.items():
        for new in targets:
            assert ranks[new] > ranks[current], (current, new)


@pytest.mark.parametrize(("entity", "table"), TABLES)
def test_final_statuses_match_the_contract(entity: str, table: Transitions) -> None:
    finals = {s for s in table.allowed if table.is_final(s)}
    assert finals == set(SPECS[entity].final)


def test_need_transitions() -> None:
    n = NeedStatus
    allowed = {
        (n.OPEN, n.IN_PROGRESS),
        (n.OPEN, n.REFERRED),
        (n.OPEN, n.DONE),
        (n.OPEN, n.CANCELLED),
        (n.IN_PROGRESS, n.REFERRED),
        (n.IN_PROGRESS, n.DONE),
        (n.IN_PROGRESS, n.CANCELLED),
        (n.REFERRED, n.DONE),
        (n.REFERRED, n.CANCELLED),
    }
    for current in n:
        for new in n:
            assert NEED_TRANSITIONS.can_change(current, new) == ((current, new) in allowed)


def test_alarm_moves_forward_only_and_may_skip_sent() -> None:
    a = AlarmStatus
    t = ALARM_TRANSITIONS
    assert t.next_statuses(a.OPEN) == (a.SENT, a.RECEIVED, a.CANCELLED)
    assert t.next_statuses(a.SENT) == (a.RECEIVED, a.CANCELLED)
    assert t.next_statuses(a.RECEIVED) == (a.ACKNOWLEDGED, a.CANCELLED)
    assert t.next_statuses(a.ACKNOWLEDGED) == (a.CLOSED, a.CANCELLED)
    assert t.next_statuses(a.CLOSED) == ()
    assert t.next_statuses(a.CANCELLED) == ()
    assert not t.can_change(a.RECEIVED, a.SENT)
    assert not t.can_change(a.OPEN, a.ACKNOWLEDGED)
    assert not t.can_change(a.OPEN, a.CLOSED)


def test_cancel_possible_from_every_status_that_is_not_final() -> None:
    for status in AlarmStatus:
        expected = status not in (AlarmStatus.CLOSED, AlarmStatus.CANCELLED)
        assert ALARM_TRANSITIONS.can_change(status, AlarmStatus.CANCELLED) == expected


def test_unacknowledged_statuses() -> None:
    assert {AlarmStatus.OPEN, AlarmStatus.SENT, AlarmStatus.RECEIVED} == UNACKNOWLEDGED_ALARM


def test_refusal_back_from_a_final_status_names_both_in_dutch() -> None:
    message = NEED_TRANSITIONS.refusal(NeedStatus.DONE, NeedStatus.OPEN)
    assert message == (
        "Een hulpvraag die afgehandeld is kan niet terug naar open. "
        "Maak zo nodig een nieuwe hulpvraag aan."
    )


def test_refusal_between_two_final_statuses() -> None:
    message = NEED_TRANSITIONS.refusal(NeedStatus.CANCELLED, NeedStatus.DONE)
    assert message is not None
    assert message.startswith("Een hulpvraag die geannuleerd is kan niet meer naar afgehandeld.")


def test_refusal_of_a_skipped_step_says_what_is_possible() -> None:
    message = ALARM_TRANSITIONS.refusal(AlarmStatus.OPEN, AlarmStatus.ACKNOWLEDGED)
    assert message == (
        "Een noodmelding die open is kan niet direct naar bevestigd. "
        "Wel mogelijk: verzonden, ontvangen of geannuleerd."
    )


def test_refusal_backwards_while_not_final() -> None:
    message = NEED_TRANSITIONS.refusal(NeedStatus.REFERRED, NeedStatus.IN_PROGRESS)
    assert message == (
        "Een hulpvraag die doorverwezen is kan niet terug naar in behandeling. "
        "Wel mogelijk: afgehandeld of geannuleerd."
    )


def test_refusal_of_the_same_status() -> None:
    assert ALARM_TRANSITIONS.refusal(AlarmStatus.SENT, AlarmStatus.SENT) == (
        "Deze noodmelding is al verzonden."
    )


def test_allowed_change_has_no_refusal() -> None:
    assert NEED_TRANSITIONS.refusal(NeedStatus.OPEN, NeedStatus.DONE) is None
    NEED_TRANSITIONS.check(NeedStatus.OPEN, NeedStatus.DONE)


def test_check_raises_refused_with_the_message() -> None:
    with pytest.raises(Refused, match="kan niet terug naar ontvangen"):
        ALARM_TRANSITIONS.check(AlarmStatus.ACKNOWLEDGED, AlarmStatus.RECEIVED)
