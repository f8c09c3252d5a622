"""``noodpost demo``: realistic records through the ordinary services, deterministic by seed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from noodpost.core.clock import FixedClock, iso, parse_iso
from noodpost.core.localtime import local_day
from noodpost.core.vocabulary import NeedCategory
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.demo import generate
from noodpost.services.logbook import LogbookService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import Database
from noodpost.storage.models import Alarm, Distribution, Household, Need, Peer, Shift, Visit
from noodpost.storage.projection import rebuild

END = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)  # 16:00 in the Netherlands


def _names(db: Database) -> list[tuple[str | None, int]]:
    with db.read() as session:
        return sorted((h.name, h.size) for h in session.scalars(select(Household)) if h.name)


def test_demo_fills_a_post_with_every_kind_of_record(db: Database) -> None:
    result = generate(db, households=60, days=2, seed=7, end=END)
    assert result.households == 60
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 60
        sizes = set(session.scalars(select(Household.size)))
        assert sizes <= set(range(1, 7))
        categories = set(session.scalars(select(Need.category)))
        assert categories == {c.value for c in NeedCategory}
        assert session.scalar(select(func.count()).select_from(Visit)) >= 60
        alarms = session.scalar(select(func.count()).select_from(Alarm))
        assert 2 <= alarms <= 6  # one to three a day
        # The demo respects the ration rules: nothing was handed out with an override.
        overrides = session.scalar(
            select(func.count())
            .select_from(Distribution)
            .where(Distribution.override_reason.is_not(None))
        )
        assert overrides == 0
        # Meal-time peaks: more check-ins around noon than in mid-afternoon.
        hours = [int(t[11:13]) + 1 for t in session.scalars(select(Visit.checked_in_at))]
    assert hours.count(12) + hours.count(13) > hours.count(15) + hours.count(16)


def test_demo_words_read_like_the_desks(db: Database) -> None:
    """'taal: nl' for demo households, 'taal: Nederlands' for others, and the logbook's
    'overdracht: Overdracht: zie logboek' (issue 18, item 12)."""
    generate(db, households=30, days=2, seed=7, end=END)
    with db.read() as session:
        languages = set(session.scalars(select(Household.language)))
        notes = set(session.scalars(select(Shift.handover_note)))
    assert "Nederlands" in languages
    assert all(language is None or len(language) > 3 for language in languages), languages
    assert not any(note and note.lower().startswith("overdracht") for note in notes), notes


def test_the_same_seed_gives_the_same_people(db: Database, another_node: object) -> None:
    other = another_node("other")  # type: ignore[operator]
    generate(db, households=25, days=1, seed=3, end=END)
    generate(other, households=25, days=1, seed=3, end=END)
    assert _names(db) == _names(other)
    third = another_node("third")  # type: ignore[operator]
    generate(third, households=25, days=1, seed=4, end=END)
    assert _names(third) != _names(db)


def test_demo_state_is_a_projection_of_its_events(db: Database) -> None:
    generate(db, households=20, days=2, seed=1, end=END)
    with db.read() as session:
        before = state_digest(session)
    with db.write() as session:
        rebuild(session)
    with db.read() as session:
        assert state_digest(session) == before


def _read(db: Database, end: datetime) -> ServiceContext:
    return ServiceContext(db, FixedClock(end))


def test_demo_logbook_lines_are_spread_over_its_days_and_its_volunteers(db: Database) -> None:
    """Every automatic line used to carry the moment the demo ran, and Anna as its author."""
    generate(db, households=30, days=2, seed=5, end=END)
    lines = LogbookService(_read(db, END)).entries()
    automatic = [line for line in lines if line.automatic]
    typed = [line for line in lines if not line.automatic]
    assert automatic
    assert typed
    for group in (automatic, typed):
        assert len({line.author for line in group}) > 2
        assert len({line.at[:13] for line in group}) > 2  # different hours
    assert all(line.at <= iso(END) for line in lines)
    logbook = LogbookService(_read(db, END))
    keys = logbook.line_keys()
    by_key = logbook.lines_by_key(keys)
    times = [by_key[key].at for key in keys]
    assert times == sorted(times)  # the logbook page shows them in the order they happened
    days = {local_day(parse_iso(line.at)) for line in automatic}
    assert days == {local_day(END) - timedelta(days=1), local_day(END)}


def test_demo_alarms_are_not_answered_by_a_hub_the_post_is_not_paired_with(db: Database) -> None:
    generate(db, households=30, days=3, seed=5, end=END)
    ctx = _read(db, END)
    with db.read() as session:
        alarms = list(session.scalars(select(Alarm)))
        paired = session.scalar(select(func.count()).select_from(Peer))
    assert paired == 0
    assert alarms
    assert {a.status for a in alarms} == {"open"}
    assert all(a.acknowledged_by is None and a.acknowledged_at is None for a in alarms)
    service = AlarmsService(ctx)
    for alarm in alarms:
        assert [(s.status, s.at) for s in service.history(alarm.id)] == [("open", alarm.raised_at)]


@pytest.mark.parametrize(
    "end",
    [END, datetime(2026, 11, 28, 7, 0, tzinfo=UTC)],  # 16:00, and 08:00 before the post opens
    ids=["afternoon", "early-morning"],
)
def test_demo_volunteers_on_duty_took_over_today(db: Database, end: datetime) -> None:
    generate(db, households=20, days=2, seed=5, end=end)
    on_duty = VolunteersService(_read(db, end)).on_duty()
    assert len(on_duty) == 2
    for shift in on_duty:
        assert shift.started_at is not None
        started = parse_iso(shift.started_at)
        assert local_day(started) == local_day(end)
        assert timedelta(0) <= end - started <= timedelta(hours=8)
