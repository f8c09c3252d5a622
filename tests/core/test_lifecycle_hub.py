"""The hub's alarm table: the post's, plus confirming straight from open or sent."""

from __future__ import annotations

from noodpost.core.lifecycle import ALARM_TRANSITIONS, HUB_ALARM_TRANSITIONS, alarm_transitions
from noodpost.core.vocabulary import AlarmStatus as A


def test_the_hub_may_confirm_at_once() -> None:
    for status in (A.OPEN, A.SENT, A.RECEIVED):
        assert HUB_ALARM_TRANSITIONS.can_change(status, A.ACKNOWLEDGED)
    assert not ALARM_TRANSITIONS.can_change(A.OPEN, A.ACKNOWLEDGED)
    assert not ALARM_TRANSITIONS.can_change(A.SENT, A.ACKNOWLEDGED)


def test_otherwise_the_same_rules() -> None:
    statuses = list(ALARM_TRANSITIONS.order)
    for current in statuses:
        for new in statuses:
            if new == A.ACKNOWLEDGED and current in (A.OPEN, A.SENT):
                continue
            assert HUB_ALARM_TRANSITIONS.can_change(current, new) == ALARM_TRANSITIONS.can_change(
                current, new
            )
    assert HUB_ALARM_TRANSITIONS.refusal(A.CLOSED, A.ACKNOWLEDGED) == (
        "Een noodmelding die afgesloten is kan niet terug naar bevestigd. "
        "Doe zo nodig een nieuwe noodmelding."
    )


def test_chosen_by_role() -> None:
    assert alarm_transitions(at_hub=True) is HUB_ALARM_TRANSITIONS
    assert alarm_transitions(at_hub=False) is ALARM_TRANSITIONS
