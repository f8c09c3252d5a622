"""The capacity rule: over capacity warns, never refuses."""

from __future__ import annotations

from noodpost.core.presence import capacity_warning, over_capacity


def test_within_capacity_no_warning() -> None:
    assert not over_capacity(80, 80)
    assert capacity_warning(80, 80) is None


def test_over_capacity_warns_in_dutch() -> None:
    assert over_capacity(82, 80)
    assert capacity_warning(82, 80) == "Let op: 82 aanwezig, capaciteit 80"


def test_unknown_capacity_never_warns() -> None:
    assert not over_capacity(500, None)
    assert capacity_warning(500, None) is None
