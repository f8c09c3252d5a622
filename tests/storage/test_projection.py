"""The projection gives the same state for the same set of events, in any order (DESIGN §3.2)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from support import make_node, origins_of

from noodpost.core.authority import Origin
from noodpost.core.catalogue import item_id
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.fold import BASE_KEY
from noodpost.core.ids import new_id
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.digest import state_digest
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import apply_remote, to_record
from noodpost.storage.models import Alarm, Household, Person, SupplyItem
from noodpost.storage.node import create_node, load_node
from noodpost.storage.projection import rebuild
from noodpost.storage.streams import events_after

Wire = dict[str, Any]
At = Callable[[], str | None]  # the database_at fixture: a PostgreSQL URL, or None for a file


def _wire(db: Database) -> list[Wire]:
    with db.read() as session:
        return [to_record(e).to_wire() for e in events_after(session, {})]


#: What every receiver knows of the three makers (set by ``history``).
ORIGINS: dict[str, Origin] = {}


def _receive(db: Database, clock: FixedClock, wire: Sequence[Wire]) -> None:
    with db.write() as session:
        node = load_node(session)
        assert node is not None
        apply_remote(session, node, clock, wire, origins=ORIGINS)


def _updated_hlc(db: Database, model: Any, entity_id: str) -> int:
    with db.read() as session:
        return int(session.scalar(select(model.updated_hlc).where(model.id == entity_id)))


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> list[Wire]:
    """Events from two laptops of one post and a hub, with concurrent edits and contradictory
    statuses."""
    from datetime import UTC, datetime

    base = tmp_path_factory.mktemp("history")
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    a = make_node(base / "a", clock, code="GR-0014")
    b = make_node(base / "b", clock, code="GR-0014")
    hub = make_node(base / "hub", clock, role="hub", code="GR-9000")
    ORIGINS.update(origins_of(a, b, hub))
    ca, cb, ch = ServiceContext(a, clock), ServiceContext(b, clock), ServiceContext(hub, clock)
    intake_a = IntakeService(ca)
    first = intake_a.register(size=2, name="Jan Bakker", birth_year=1950, postcode="9791AB")
    second = intake_a.register(size=4)
    with ca.write() as uow:
        person = new_id()
        uow.emit("person", person, Op.CREATE, {"household_id": first.household_id, "name": "Kees"})
    alarm = new_id()
    with ca.write() as uow:
        uow.emit(
            "alarm",
            alarm,
            Op.CREATE,
            {"post_code": "GR-0014", "type": "ambulance", "urgency": "immediate", "persons": 2},
        )
    clock.advance(timedelta(minutes=1))
    _receive(b, clock, _wire(a))
    _receive(hub, clock, _wire(a))

    # The same household edited on both laptops before they meet again.
    hlc_a = _updated_hlc(a, Household, first.household_id)
    hlc_b = _updated_hlc(b, Household, first.household_id)
    with ca.write() as uow:
        uow.emit(
            "household", first.household_id, Op.UPDATE, {"name": "Jan Bakker sr.", BASE_KEY: hlc_a}
        )
    with cb.write() as uow:
        uow.emit("household", first.household_id, Op.UPDATE, {"name": "J. Bakker", BASE_KEY: hlc_b})
    intake_a.reissue(second.household_id)
    with cb.write() as uow:
        uow.emit("household", second.household_id, Op.UPDATE, {"size": 5, BASE_KEY: hlc_b})
    # Contradictory final states of one alarm (closed at the hub, cancelled at the post), and
    # a deletion.
    with ch.write() as uow:
        uow.emit("alarm", alarm, Op.STATUS, {"status": "received"})
    with ch.write() as uow:
        uow.emit("alarm", alarm, Op.STATUS, {"status": "closed"})
    with cb.write() as uow:
        uow.emit("alarm", alarm, Op.STATUS, {"status": "cancelled", "status_note": "vergissing"})
    with cb.write() as uow:
        uow.emit("person", person, Op.DELETE, {})
    # The hub publishes a new version of a catalogue item.
    water = item_id("water")
    with ch.write() as uow:
        uow.emit(
            "supply_item",
            water,
            Op.UPDATE,
            {"code": "water", "name": "Drinkwater (flessen)", "unit": "l", "version": 2},
        )
    events = _wire(a) + _wire(b) + _wire(hub)
    for db in (a, b, hub):
        db.close()
    return events


def _fresh(path: Path | str, clock: FixedClock) -> Database:
    db = open_database(path)
    with db.write() as session:
        create_node(
            session, db, clock, role="hub", name="ontvanger", post_code="GR-9999", training=False
        )
    return db


def _digest(db: Database) -> str:
    with db.read() as session:
        return state_digest(session)


@pytest.fixture(scope="module")
def reference(history: list[Wire], tmp_path_factory: pytest.TempPathFactory) -> str:
    from datetime import UTC, datetime

    clock = FixedClock(datetime(2026, 11, 28, 12, 0, tzinfo=UTC))
    db = _fresh(tmp_path_factory.mktemp("ref") / "ref.db", clock)
    _receive(db, clock, history)
    digest = _digest(db)
    db.close()
    return digest


def test_the_reference_state_has_the_expected_merges(
    history: list[Wire], tmp_path: Path, clock: FixedClock, database_at: At
) -> None:
    db = _fresh(database_at() or tmp_path / "r.db", clock)
    _receive(db, clock, history)
    with db.read() as session:
        households = {h.size: h for h in session.scalars(select(Household))}
        assert households[2].conflicts == ["name"]  # edited on both laptops: shown for review
        assert households[5].card_code != households[5].id  # reissued and resized both kept
        alarm = session.scalar(select(Alarm))
        assert alarm is not None
        assert alarm.status_conflict
        person = session.scalar(select(Person))
        assert person is not None
        assert person.deleted
        water = session.scalar(select(SupplyItem).where(SupplyItem.code == "water"))
        assert water is not None
        assert (water.version, water.name) == (2, "Drinkwater (flessen)")
    db.close()


def test_rebuild_from_the_log_gives_the_same_state(
    history: list[Wire], reference: str, tmp_path: Path, clock: FixedClock, database_at: At
) -> None:
    """On either engine: the reference digest is the SQLite receiver's."""
    db = _fresh(database_at() or tmp_path / "r.db", clock)
    _receive(db, clock, history)
    with db.write() as session:
        rebuild(session)
    assert _digest(db) == reference
    db.close()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_order_with_duplicates_gives_identical_state(
    history: list[Wire],
    reference: str,
    tmp_path_factory: pytest.TempPathFactory,
    database_at: At,
    data: st.DataObject,
) -> None:
    from datetime import UTC, datetime

    seed = data.draw(st.integers(min_value=0, max_value=2**32), label="seed")
    rng = random.Random(seed)
    shuffled = history + rng.sample(history, k=len(history) // 3)  # duplicates
    rng.shuffle(shuffled)
    batches: list[list[Wire]] = []
    while shuffled:
        size = rng.randint(1, 6)
        batches.append(shuffled[:size])
        shuffled = shuffled[size:]
    clock = FixedClock(datetime(2026, 11, 28, 12, 0, tzinfo=UTC))
    db = _fresh(database_at() or tmp_path_factory.mktemp("perm") / "p.db", clock)
    try:  # closed also when an example fails: no open connection outlives it
        for batch in batches:
            _receive(db, clock, batch)
        assert _digest(db) == reference
    finally:
        db.close()
