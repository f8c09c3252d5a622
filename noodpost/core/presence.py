"""Presence at a warming or cooling location: the capacity rule.

Over capacity is a warning, never a refusal: nobody is sent back into the cold because a
number was reached. The coordinator decides what to do.
"""

from __future__ import annotations


def over_capacity(present: int, capacity: int | None) -> bool:
    """True when more persons are present than the post can hold (unknown capacity: never)."""
    return capacity is not None and present > capacity


def capacity_warning(present: int, capacity: int | None) -> str | None:
    """The Dutch warning line when ``present`` exceeds ``capacity``, e.g.
    ``Let op: 82 aanwezig, capaciteit 80``; ``None`` when within capacity or unknown."""
    if not over_capacity(present, capacity):
        return None
    return f"Let op: {present} aanwezig, capaciteit {capacity}"
