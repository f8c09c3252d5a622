"""Presence at a warming or cooling location: the capacity rule.

Over capacity is a warning, never a refusal: nobody is sent back into the cold because a
number was reached. The coordinator decides what to do.
"""

from __future__ import annotations

#: A post this full (present / capacity) is nearly full: the C-NSP's regional picture shows
#: it amber before it is over capacity.
NEARLY_FULL = 0.9


def over_capacity(present: int, capacity: int | None) -> bool:
    """True when more persons are present than the post can hold (unknown capacity: never)."""
    return capacity is not None and present > capacity


def fullness(present: int, capacity: int | None) -> float:
    """Present ÷ capacity (0 when the capacity is not known)."""
    return present / capacity if capacity else 0.0


def nearly_full(present: int, capacity: int | None) -> bool:
    """At :data:`NEARLY_FULL` or more of the capacity (unknown capacity: never)."""
    return fullness(present, capacity) >= NEARLY_FULL


def capacity_warning(present: int, capacity: int | None) -> str | None:
    """The Dutch warning line when ``present`` exceeds ``capacity``, e.g.
    ``Let op: 82 aanwezig, capaciteit 80``; ``None`` when within capacity or unknown."""
    if not over_capacity(present, capacity):
        return None
    return f"Let op: {present} aanwezig, capaciteit {capacity}"
