"""``noodpost demo``: realistic records through the ordinary services, deterministic by seed."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from noodpost.core.vocabulary import NeedCategory
from noodpost.services.demo import generate
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import Database
from noodpost.storage.models import Alarm, Distribution, Household, Need, Shift, Visit
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
