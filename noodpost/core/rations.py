"""Ration rules as data.

A catalogue item may say how much a household may receive per day — per person, per household,
or both (the stricter counts) — and how long must pass between two hand-outs to the same
household. Nothing here refuses anything: :func:`check` says what a hand-out would exceed, in
Dutch lines a volunteer reads before confirming with a reason. The supplies service is the one
place that applies it.

"Today" is the calendar day in the Netherlands (:mod:`noodpost.core.localtime`); the amounts
are worded by :mod:`noodpost.core.dutch`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from noodpost.core.dutch import (
    format_amount,
    format_clock,
    format_duration,
    format_quantity,
    lower_first,
)
from noodpost.core.i18n import translate

#: Amounts closer together than this are equal (sums of floats such as 0.1 + 0.2).
EPSILON = 1e-9


# ---------------------------------------------------------------- the rule


@dataclass(frozen=True)
class RationRule:
    """What a catalogue item allows one household.

    Attributes:
        name: the item's name (``Drinkwater``), used in the Dutch lines.
        unit: its unit (``l``).
        per_person_per_day: times the household size gives the day's ration.
        per_household_per_day: the day's ration whatever the size.
        min_interval_minutes: the least time between two hand-outs to the same household.
    """

    name: str
    unit: str
    per_person_per_day: float | None = None
    per_household_per_day: float | None = None
    min_interval_minutes: int | None = None

    def daily_limit(self, household_size: int) -> float | None:
        """Today's ration for a household of ``household_size``; ``None`` when unlimited."""
        limits: list[float] = []
        if self.per_person_per_day is not None:
            limits.append(self.per_person_per_day * max(household_size, 1))
        if self.per_household_per_day is not None:
            limits.append(self.per_household_per_day)
        return min(limits) if limits else None


@dataclass(frozen=True)
class Allowance:
    """What one household received of one item today and what the rule still allows.

    Attributes:
        received: the amount received today (undone hand-outs not counted).
        limit: today's ration, ``None`` when the item has none.
        remaining: what the ration still allows today (never below zero), ``None`` when unlimited.
        next_allowed_at: when the minimum interval has passed, if it has not yet.
        text: the short summary for the desk, e.g. ``6 l van 12 l`` (interface's language).
    """

    received: float
    limit: float | None
    remaining: float | None
    next_allowed_at: datetime | None
    text: str


def allowance(
    rule: RationRule,
    household_size: int,
    received_today: float,
    last_hand_out: datetime | None,
    now: datetime,
) -> Allowance:
    """What the rule allows a household right now, given what it received today and when."""
    received = max(received_today, 0.0)
    if abs(received) < EPSILON:
        received = 0.0
    limit = rule.daily_limit(household_size)
    remaining = None if limit is None else max(limit - received, 0.0)
    next_allowed_at = None
    if rule.min_interval_minutes and last_hand_out is not None:
        ready = last_hand_out + timedelta(minutes=rule.min_interval_minutes)
        if ready > now:
            next_allowed_at = ready
    got = format_quantity(received, rule.unit)
    if limit is None:
        text = translate("Rations", "{received} (geen rantsoen)").format(received=got)
    else:
        text = translate("Rations", "{received} van {limit}").format(
            received=got, limit=format_quantity(limit, rule.unit)
        )
    if next_allowed_at is not None:
        text += translate("Rations", " · weer vanaf {time}").format(
            time=format_clock(next_allowed_at, now)
        )
    return Allowance(received, limit, remaining, next_allowed_at, text)


@dataclass(frozen=True)
class RationCheck:
    """The verdict on one intended hand-out.

    Attributes:
        over_limit: the day's ration would be exceeded.
        too_soon: the minimum interval since the previous hand-out has not passed.
        warnings: lines that say what would be exceeded (empty when allowed).
        allowance: the household's allowance before this hand-out.
    """

    over_limit: bool
    too_soon: bool
    warnings: tuple[str, ...]
    allowance: Allowance

    @property
    def allowed(self) -> bool:
        """Within the ration and the interval: no confirmation needed."""
        return not (self.over_limit or self.too_soon)


def check(
    rule: RationRule,
    household_size: int,
    received_today: float,
    last_hand_out: datetime | None,
    now: datetime,
    quantity: float,
) -> RationCheck:
    """Would handing out ``quantity`` now stay within the ration and the minimum interval?

    Args:
        rule: the item's rule.
        household_size: persons in the household.
        received_today: what it received of this item today (Dutch calendar day).
        last_hand_out: when it last received this item (any day), ``None`` when never.
        now: the current time (aware).
        quantity: the amount the volunteer is about to hand out.
    """
    current = allowance(rule, household_size, received_today, last_hand_out, now)
    name = lower_first(rule.name)
    warnings: list[str] = []
    limit = current.limit
    over_limit = limit is not None and current.received + quantity > limit + EPSILON
    if limit is not None and over_limit:
        total = current.received + quantity
        if current.received > 0:
            warnings.append(
                translate("Rations", "{item}: vandaag al {received} van {limit} ontvangen.").format(
                    item=rule.name,
                    received=format_amount(current.received),
                    limit=format_quantity(limit, rule.unit),
                )
            )
        else:
            warnings.append(
                translate(
                    "Rations", "{item}: het rantsoen is {limit} per dag voor dit huishouden."
                ).format(item=rule.name, limit=format_quantity(limit, rule.unit))
            )
        warnings.append(
            translate(
                "Rations", "Met {quantity} erbij wordt het {total}: {over} meer dan het rantsoen."
            ).format(
                quantity=format_quantity(quantity, rule.unit),
                total=format_quantity(total, rule.unit),
                over=format_quantity(total - limit, rule.unit),
            )
        )
    too_soon = current.next_allowed_at is not None
    if current.next_allowed_at is not None and last_hand_out is not None:
        assert rule.min_interval_minutes is not None
        ago = max(math.floor((now - last_hand_out).total_seconds() / 60), 0)
        warnings.append(
            translate(
                "Rations",
                "Vorige uitgifte {item} om {time} ({ago} geleden); tussen twee uitgiftes zit "
                "minstens {interval}. Weer mogelijk vanaf {ready}.",
            ).format(
                item=name,
                time=format_clock(last_hand_out, now),
                ago=format_duration(ago),
                interval=format_duration(rule.min_interval_minutes),
                ready=format_clock(current.next_allowed_at, now),
            )
        )
    return RationCheck(over_limit, too_soon, tuple(warnings), current)


__all__ = [
    "EPSILON",
    "Allowance",
    "RationCheck",
    "RationRule",
    "allowance",
    "check",
]
