"""Which status changes a need or an alarm may make, and the Dutch refusal when it may not.

The tables are pure data; the needs and alarms services are the one place that apply them.
Every allowed change moves *up* in the entity's status rank (``SPECS``): the projection keeps
the highest rank it has seen, so a change down the ranks would be written but never shown.
For that reason a referred need cannot go back to *in behandeling*: a referral is the further
step, and the need is finished with *afgehandeld* or *geannuleerd*.

Alarms move forward only: open → sent → received → acknowledged → closed. *Sent* may be
skipped (the hub marks an alarm received when it arrives, whether or not the post marked it
sent), and an alarm may be cancelled from any status that is not final. At the C-NSP an alarm
may also be confirmed straight from *open* or *sent* (:data:`HUB_ALARM_TRANSITIONS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from noodpost.core.errors import Refused
from noodpost.core.i18n import translate
from noodpost.core.vocabulary import AlarmStatus, NeedStatus, screen_label


@dataclass(frozen=True)
class Transitions:
    """The allowed status changes of one kind of lifecycle entity.

    Attributes:
        noun: the Dutch word for one of them, for messages (``hulpvraag``).
        order: every status from first to last; a change to an earlier one goes "terug".
        allowed: per status, the statuses it may change to (final statuses have none).
        restart_hint: what to do instead once the entity is final.
    """

    noun: str
    order: tuple[str, ...]
    allowed: Mapping[str, frozenset[str]]
    restart_hint: str

    def is_final(self, status: str) -> bool:
        return not self.allowed.get(status)

    def can_change(self, current: str, new: str) -> bool:
        return new in self.allowed.get(current, frozenset())

    def next_statuses(self, current: str) -> tuple[str, ...]:
        """The statuses ``current`` may change to, in lifecycle order."""
        options = self.allowed.get(current, frozenset())
        return tuple(s for s in self.order if s in options)

    def refusal(self, current: str, new: str) -> str | None:
        """The refusal of ``current`` → ``new`` in the interface's language (Dutch without a
        catalogue); ``None`` when it is allowed."""
        if self.can_change(current, new):
            return None
        noun, now, wanted = _noun(self.noun), screen_label(current), screen_label(new)
        if current == new:
            return translate("Lifecycle", "Deze {noun} is al {status}.").format(
                noun=noun, status=now
            )
        final = self.is_final(current)
        backwards = self._position(new) < self._position(current)
        if backwards and not (final and self.is_final(new)):
            first = translate("Lifecycle", "Een {noun} die {status} is kan niet terug naar {new}.")
        elif final:
            first = translate("Lifecycle", "Een {noun} die {status} is kan niet meer naar {new}.")
        else:
            first = translate("Lifecycle", "Een {noun} die {status} is kan niet direct naar {new}.")
        first = first.format(noun=noun, status=now, new=wanted)
        if final:
            return f"{first} {_hint(self.restart_hint)}"
        options = [screen_label(s) for s in self.next_statuses(current)]
        possible = translate("Lifecycle", "Wel mogelijk: {options}.").format(
            options=_dutch_list(options)
        )
        return f"{first} {possible}"

    def check(self, current: str, new: str) -> None:
        """Raise :class:`Refused` (:meth:`refusal`) unless ``current`` → ``new`` is allowed."""
        message = self.refusal(current, new)
        if message is not None:
            raise Refused(message)

    def _position(self, status: str) -> int:
        try:
            return self.order.index(status)
        except ValueError:
            return len(self.order)


def _dutch_list(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return translate("Lifecycle", "{words} of {last}").format(
        words=", ".join(words[:-1]), last=words[-1]
    )


def _noun(noun: str) -> str:
    """A :attr:`Transitions.noun` in the interface's language."""
    nouns = {
        "hulpvraag": translate("Lifecycle", "hulpvraag"),
        "noodmelding": translate("Lifecycle", "noodmelding"),
    }
    return nouns.get(noun, noun)


def _hint(hint: str) -> str:
    """A :attr:`Transitions.restart_hint` in the interface's language."""
    hints = {
        "Maak zo nodig een nieuwe hulpvraag aan.": translate(
            "Lifecycle", "Maak zo nodig een nieuwe hulpvraag aan."
        ),
        "Doe zo nodig een nieuwe noodmelding.": translate(
            "Lifecycle", "Doe zo nodig een nieuwe noodmelding."
        ),
    }
    return hints.get(hint, hint)


_N = NeedStatus

NEED_TRANSITIONS = Transitions(
    noun="hulpvraag",
    order=(_N.OPEN, _N.IN_PROGRESS, _N.REFERRED, _N.DONE, _N.CANCELLED),
    allowed={
        _N.OPEN: frozenset({_N.IN_PROGRESS, _N.REFERRED, _N.DONE, _N.CANCELLED}),
        _N.IN_PROGRESS: frozenset({_N.REFERRED, _N.DONE, _N.CANCELLED}),
        _N.REFERRED: frozenset({_N.DONE, _N.CANCELLED}),
        _N.DONE: frozenset(),
        _N.CANCELLED: frozenset(),
    },
    restart_hint="Maak zo nodig een nieuwe hulpvraag aan.",
)

_A = AlarmStatus

ALARM_TRANSITIONS = Transitions(
    noun="noodmelding",
    order=(_A.OPEN, _A.SENT, _A.RECEIVED, _A.ACKNOWLEDGED, _A.CLOSED, _A.CANCELLED),
    allowed={
        _A.OPEN: frozenset({_A.SENT, _A.RECEIVED, _A.CANCELLED}),
        _A.SENT: frozenset({_A.RECEIVED, _A.CANCELLED}),
        _A.RECEIVED: frozenset({_A.ACKNOWLEDGED, _A.CANCELLED}),
        _A.ACKNOWLEDGED: frozenset({_A.CLOSED, _A.CANCELLED}),
        _A.CLOSED: frozenset(),
        _A.CANCELLED: frozenset(),
    },
    restart_hint="Doe zo nodig een nieuwe noodmelding.",
)

#: At the C-NSP an alarm may be confirmed straight away, whether or not it was marked sent or
#: received first: whoever confirms an alarm has received it. One step, one event.
HUB_ALARM_TRANSITIONS = Transitions(
    noun=ALARM_TRANSITIONS.noun,
    order=ALARM_TRANSITIONS.order,
    allowed={
        **ALARM_TRANSITIONS.allowed,
        _A.OPEN: frozenset({_A.SENT, _A.RECEIVED, _A.ACKNOWLEDGED, _A.CANCELLED}),
        _A.SENT: frozenset({_A.RECEIVED, _A.ACKNOWLEDGED, _A.CANCELLED}),
    },
    restart_hint=ALARM_TRANSITIONS.restart_hint,
)


def alarm_transitions(*, at_hub: bool) -> Transitions:
    """The alarm rule for this node: the C-NSP may confirm an alarm it has not marked received."""
    return HUB_ALARM_TRANSITIONS if at_hub else ALARM_TRANSITIONS


#: Alarm statuses in which the C-NSP has not yet confirmed it (escalate when they last).
UNACKNOWLEDGED_ALARM = frozenset({_A.OPEN, _A.SENT, _A.RECEIVED})
