"""The hybrid logical clock never goes back and refuses to be dragged a day ahead."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from noodpost.core import hlc

DAY = 24 * 3600 * 1000


@given(st.lists(st.integers(min_value=0, max_value=2**40), min_size=1, max_size=50))
def test_local_ticks_are_strictly_increasing_whatever_the_wall_clock_does(walls: list[int]) -> None:
    last = 0
    for wall in walls:
        nxt = hlc.tick(last, wall)
        assert nxt > last
        last = nxt


def test_clock_set_back_keeps_counting_from_the_last_timestamp() -> None:
    a = hlc.tick(0, 1_000_000)
    b = hlc.tick(a, 5)  # the laptop's clock jumped back
    assert hlc.unpack(b) == (1_000_000, 1)
    assert hlc.wall_behind(b, 5)


def test_remote_clock_more_than_a_day_ahead_is_not_adopted() -> None:
    now = 10 * DAY
    limit = hlc.adoption_limit(now)
    assert hlc.pack(now + 2 * DAY, 0) >= limit  # stored, not adopted: suspect
    assert hlc.pack(now + DAY, hlc.COUNTER_MAX) < limit  # a day ahead at most: adopted
    assert hlc.pack(now + DAY // 2, 3) < limit
