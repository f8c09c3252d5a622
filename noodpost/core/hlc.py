"""Hybrid logical clock: physical milliseconds plus a counter, packed in one integer.

``hlc = ms << 16 | counter``. Packed values sort like the pair, so the database can order and
index them as a plain integer. A local tick never goes backwards, even when the wall clock does.
"""

from __future__ import annotations

from datetime import UTC, datetime

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
#: A remote clock further ahead than this is stored but not adopted (DESIGN §3.2).
MAX_AHEAD_MS = 24 * 60 * 60 * 1000


def pack(ms: int, counter: int) -> int:
    return (ms << COUNTER_BITS) | counter


def unpack(hlc: int) -> tuple[int, int]:
    return hlc >> COUNTER_BITS, hlc & COUNTER_MAX


def tick(last: int, wall_ms: int) -> int:
    """The next local timestamp: after ``last`` and, when the clock is sane, at ``wall_ms``."""
    last_ms, last_counter = unpack(last)
    if wall_ms > last_ms:
        return pack(wall_ms, 0)
    if last_counter < COUNTER_MAX:
        return pack(last_ms, last_counter + 1)
    return pack(last_ms + 1, 0)


def adoption_limit(wall_ms: int) -> int:
    """The first remote timestamp a node does not adopt, with its wall clock at ``wall_ms``.

    A remote clock more than :data:`MAX_AHEAD_MS` ahead of the wall clock is stored but not
    adopted (one laptop set ten years ahead must not drag every node along), and its origin is
    reported as suspect. Below the limit, the node's clock moves up to the remote timestamp.
    """
    return pack(wall_ms + MAX_AHEAD_MS + 1, 0)


def wall_time(hlc: int) -> datetime:
    """The wall-clock moment (UTC) at which ``hlc`` was issued."""
    return datetime.fromtimestamp(unpack(hlc)[0] / 1000, tz=UTC)


def wall_behind(last: int, wall_ms: int) -> bool:
    """True when the wall clock is behind the last timestamp we issued (show a warning)."""
    return wall_ms < unpack(last)[0]
