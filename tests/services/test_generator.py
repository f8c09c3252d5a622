"""The generator log (issue 17): readings → use per hour → hours of power left.

Every number here is worked out by hand in the comments, from readings written through the
service into a real SQLite file at the test clock's times.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from noodpost.core.clock import FixedClock
from noodpost.core.errors import UserError
from noodpost.services.base import ServiceContext
from noodpost.services.generator import GeneratorService, Reading, fuel_state, litres_per_hour

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)  # 10:00 Dutch time


def _read(
    generator: GeneratorService,
    clock: FixedClock,
    at: datetime,
    running: bool,
    left: float,
    added: float | None = None,
) -> Reading:
    clock.set(at)
    return generator.record(running=running, litres_left=left, litres_added=added)


def test_no_readings_no_state(ctx: ServiceContext) -> None:
    assert GeneratorService(ctx).state() is None
    assert GeneratorService(ctx).readings() == []


def test_one_reading_gives_the_litres_but_no_use_yet(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    generator = GeneratorService(ctx)
    _read(generator, clock, T0, True, 60)
    state = generator.state()
    assert state is not None
    assert (state.running, state.litres_left) == (True, 60)
    assert state.litres_per_hour is None
    assert state.hours_left is None
    assert not state.low
    assert state.hours_text == "verbruik nog onbekend"


def test_use_over_the_last_three_running_intervals_with_a_stop_and_a_refill(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    generator = GeneratorService(ctx)
    start = T0 - timedelta(hours=2)
    _read(generator, clock, start, True, 90)  # 07:00 UTC, runs
    _read(generator, clock, T0, True, 60)  # 2 h: 30 l (15 l/h, a heavier load then)
    _read(generator, clock, T0 + timedelta(hours=2), True, 44)  # 2 h: 16 l
    _read(generator, clock, T0 + timedelta(hours=3), False, 36)  # 1 h: 8 l, then stopped
    _read(generator, clock, T0 + timedelta(hours=5), True, 36)  # stood still: not counted
    _read(generator, clock, T0 + timedelta(hours=7), True, 50, 20)  # 36 + 20 − 50 = 6 l in 2 h

    # The last three intervals it ran: 16 + 8 + 6 = 30 l over 2 + 1 + 2 = 5 h → 6 l per hour.
    clock.set(T0 + timedelta(hours=8))  # an hour after the latest reading, still running
    state = generator.state()
    assert state is not None
    assert state.litres_per_hour == pytest.approx(6.0)
    # 50 l / 6 l/h = 8 h 20 min from the reading at 16:00 UTC, one hour of it gone.
    assert state.hours_left == pytest.approx(50 / 6 - 1)
    assert state.empty_at == T0 + timedelta(hours=7) + timedelta(hours=50 / 6)
    assert state.low  # under 12 hours
    assert state.hours_text == "nog ± 7 uur"
    assert state.rate_text == "6 l per uur"
    assert state.summary(clock.now()) == (
        "draait · 50 l (om 17:00) · 6 l per uur · nog ± 7 uur stroom, leeg rond 29-11 01:20"
    )
    assert [r.litres_left for r in generator.readings(limit=3)] == [50, 36, 36]


def test_a_stopped_generator_keeps_its_hours_of_running(
    ctx: ServiceContext, clock: FixedClock
) -> None:
    generator = GeneratorService(ctx)
    _read(generator, clock, T0, True, 100)
    _read(generator, clock, T0 + timedelta(hours=4), False, 80)  # 20 l in 4 h: 5 l/h
    clock.set(T0 + timedelta(hours=10))  # six hours later: standing still burns nothing
    state = generator.state()
    assert state is not None
    assert state.hours_left == pytest.approx(16.0)  # 80 l / 5 l/h
    assert state.empty_at is None
    assert not state.low
    assert state.summary(clock.now()).endswith("brandstof voor ± 16 uur draaien")


def test_a_refill_not_written_down_is_skipped_not_taken_for_negative_use() -> None:
    def reading(hour: int, left: float, added: float | None = None) -> Reading:
        at = (T0 + timedelta(hours=hour)).isoformat()
        return Reading(str(hour), "GR-0014", at, True, added, left, None)

    # 0→1 h: 10 l; 1→2 h: the tank rose 30 l with no refill written (skipped); 2→4 h: 20 l.
    readings = [reading(0, 50), reading(1, 40), reading(2, 70), reading(4, 50)]
    assert litres_per_hour(readings) == pytest.approx((10 + 20) / (1 + 2))
    state = fuel_state(readings, T0 + timedelta(hours=4))
    assert state is not None
    assert state.hours_left == pytest.approx(5.0)


def test_an_empty_tank_is_op_and_low(ctx: ServiceContext, clock: FixedClock) -> None:
    generator = GeneratorService(ctx)
    _read(generator, clock, T0, False, 0)
    state = generator.state()
    assert state is not None
    assert state.low
    assert state.hours_text == "op"


@pytest.mark.parametrize(
    ("left", "added", "message"),
    [
        (None, None, "Vul in hoeveel liter er nu in de tank zit."),
        (-5, None, "'liter over' een aantal liter in van 0 of meer"),
        (float("nan"), None, "'liter over' een aantal liter in van 0 of meer"),
        (20, -1, "'liter bijgevuld' een aantal liter in van 0 of meer"),
        (20_000, None, "te veel voor een aggregaat"),
    ],
)
def test_an_impossible_reading_is_refused_in_words_and_nothing_is_written(
    ctx: ServiceContext,
    event_count: Callable[[], int],
    left: float | None,
    added: float | None,
    message: str,
) -> None:
    before = event_count()
    with pytest.raises(UserError, match=message.replace("(", r"\(")):
        GeneratorService(ctx).record(running=True, litres_left=left, litres_added=added)
    assert event_count() == before
