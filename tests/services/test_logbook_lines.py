"""The logbook as its screen reads it: a key per line in order, the lines for some keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from support import FAST_HASHER

from noodpost.core.clock import FixedClock
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.logbook import LogbookService
from noodpost.services.supplies import SuppliesService
from noodpost.services.volunteers import VolunteersService


@pytest.fixture
def logbook(ctx: ServiceContext) -> LogbookService:
    return LogbookService(ctx)


def fill(ctx: ServiceContext, clock: FixedClock, logbook: LogbookService) -> None:
    """A morning at the post: every kind of line, one minute apart."""
    volunteers = VolunteersService(ctx, hasher=FAST_HASHER)
    anna = volunteers.add_volunteer("Anna Dijkstra", "coordinator", "2468")
    volunteers.sign_in(anna.id, "2468")
    steps: list[Callable[[], object]] = [
        lambda: logbook.add("Post geopend."),
        lambda: volunteers.start_shift(anna.id, "balie"),
        lambda: SuppliesService(ctx).record_delivery("water", 200, "Waterbedrijf"),
        lambda: AlarmsService(ctx).raise_alarm("ambulance", "immediate", "Zaal 2"),
        lambda: logbook.add("Aggregaat bijgevuld.", "stroom"),
    ]
    for step in steps:
        step()
        clock.advance(timedelta(minutes=1))
    volunteers.end_shift(volunteers.on_duty()[0].id, "Rustig")


def test_keys_give_the_same_lines_as_entries(
    ctx: ServiceContext, clock: FixedClock, logbook: LogbookService
) -> None:
    fill(ctx, clock, logbook)

    keys = logbook.line_keys()
    lines = logbook.lines_by_key(keys)
    assert [lines[k] for k in keys] == logbook.entries()
    assert all(lines[k].key == k for k in keys)
    written = logbook.add("Nog een regel.")
    assert logbook.line_keys()[-1] == written.key
    assert [lines[k].text for k in keys] == [
        "Post geopend.",
        "Dienst begonnen: Anna Dijkstra (balie)",
        "Levering: 200 l Drinkwater — Waterbedrijf",
        "Noodmelding ambulance (spoed) gemaakt",
        "Aggregaat bijgevuld.",
        "Dienst beëindigd: Anna Dijkstra — overdracht: Rustig",
    ]


def test_some_keys_and_unknown_keys(
    ctx: ServiceContext, clock: FixedClock, logbook: LogbookService
) -> None:
    fill(ctx, clock, logbook)
    keys = logbook.line_keys()

    part = logbook.lines_by_key([keys[5], keys[1], "shift:unknown:a:b:1", "nonsense", "alarm:x"])
    assert set(part) == {keys[1], keys[5]}
    assert part[keys[1]].text.startswith("Dienst begonnen")  # not the shift's other line
    assert part[keys[5]].text.startswith("Dienst beëindigd")
    assert part[keys[5]].author == "Anna Dijkstra"
    assert logbook.lines_by_key([]) == {}


def test_manual_only(ctx: ServiceContext, clock: FixedClock, logbook: LogbookService) -> None:
    fill(ctx, clock, logbook)

    keys = logbook.line_keys(manual_only=True)
    lines = logbook.lines_by_key(keys)
    assert [lines[k].text for k in keys] == ["Post geopend.", "Aggregaat bijgevuld."]
    assert not any(line.automatic for line in lines.values())
