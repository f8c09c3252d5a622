"""The event log: one event per committed write, none for a rolled-back one; remote apply."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from support import origins_of, seeded

from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.events import canonical_json, data_hash
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import apply_remote, to_record
from noodpost.storage.models import Event, Household, Quarantine
from noodpost.storage.node import check_home, load_node
from noodpost.storage.streams import events_after, version_vector


def test_each_committed_write_appends_exactly_one_event(
    ctx: ServiceContext, event_count: Callable[[], int]
) -> None:
    intake = IntakeService(ctx)
    before = event_count()
    registered = intake.register(size=2)
    assert event_count() == before + 1
    intake.reissue(registered.household_id)
    assert event_count() == before + 2
    with ctx.read() as session:
        seqs = list(session.scalars(select(Event.seq).order_by(Event.seq)))
    assert seqs == list(range(1, len(seqs) + 1))  # no gaps


def test_a_rolled_back_write_leaves_no_event_and_no_state(
    ctx: ServiceContext, event_count: Callable[[], int]
) -> None:
    before = event_count()

    def write_then_fail() -> None:
        with ctx.write() as uow:
            uow.emit(
                "household",
                "00000000-0000-4000-8000-000000000001",
                Op.CREATE,
                {"post_code": "GR-0014", "card_code": "AAAAAAAA", "size": 1},
            )
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert event_count() == before
    with ctx.read() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 0
        node = load_node(session)
        assert node is not None
        assert node.next_seq == before + 1  # the seq was not used up either


def test_refused_write_appends_nothing(ctx: ServiceContext, event_count: Callable[[], int]) -> None:
    before = event_count()
    with pytest.raises(UserError, match="aantal personen"):
        IntakeService(ctx).register(size=0)
    assert event_count() == before


def test_remote_events_apply_once_and_clashes_go_to_quarantine(
    ctx: ServiceContext, another_node: Callable[..., Database], clock: FixedClock
) -> None:
    intake = IntakeService(ctx)
    intake.register(size=3, name="Grietje Bos")
    with ctx.read() as session:
        wire = [to_record(e).to_wire() for e in events_after(session, {})]
    other = another_node("hub", role="hub", code="GR-9000")
    with other.write() as session:
        node = load_node(session)
        assert node is not None
        first = apply_remote(session, node, clock, wire, origins=origins_of(ctx.db))
    with other.write() as session:
        node = load_node(session)
        assert node is not None
        again = apply_remote(session, node, clock, wire, origins=origins_of(ctx.db))
        forged = dict(wire[-1], d=wire[-1]["d"].replace("Grietje", "Pietje"))
        from noodpost.core.events import data_hash

        forged["dh"] = data_hash(forged["d"])
        clash = apply_remote(session, node, clock, [forged], origins=origins_of(ctx.db))
    seeds = seeded(wire)  # the catalogue a post is set up with is the hub's to send
    assert (first.applied, first.present, first.quarantined) == (len(wire) - seeds, 0, seeds)
    assert first.refused == seeds
    assert (again.applied, again.present) == (0, len(wire))
    assert clash.quarantined == 1
    with other.read() as session:
        assert session.scalar(select(Household.name)) == "Grietje Bos"
        assert session.scalar(select(func.count()).select_from(Quarantine)) == 1 + seeds
        vector = version_vector(session)
    assert vector[(wire[0]["o"], wire[0]["i"])] == len(wire)


def test_poison_event_is_quarantined_and_the_rest_applies(
    ctx: ServiceContext, another_node: Callable[..., Database], clock: FixedClock
) -> None:
    IntakeService(ctx).register(size=1)
    with ctx.read() as session:
        wire = [to_record(e).to_wire() for e in events_after(session, {})]
    poison = dict(wire[-1], s=wire[-1]["s"] + 1, e="spaceship")
    other = another_node("hub", role="hub", code="GR-9000")
    with other.write() as session:
        node = load_node(session)
        assert node is not None
        result = apply_remote(
            session, node, clock, [*wire, poison, "not even a dict"], origins=origins_of(ctx.db)
        )
    seeds = seeded(wire)
    assert (result.applied, result.quarantined) == (len(wire) - seeds, 2 + seeds)


def test_a_value_too_large_for_its_column_is_quarantined_on_either_engine(
    ctx: ServiceContext, another_node: Callable[..., Database], clock: FixedClock
) -> None:
    """A value the contract used to let through but a column cannot hold (PostgreSQL checks
    lengths and 32-bit integers; SQLite never did): quarantined like any poison event, never
    an import that fails as a whole (and so fails again with every cumulative bundle)."""
    IntakeService(ctx).register(size=1)
    with ctx.read() as session:
        wire = [to_record(e).to_wire() for e in events_after(session, {})]
    created = next(w for w in wire if w["e"] == "household")
    last = wire[-1]["s"]

    def variant(seq: int, **changes: object) -> dict[str, object]:
        data = dict(json.loads(created["d"]), **changes)
        text = canonical_json(data)
        return dict(created, s=seq, op="update", d=text, dh=data_hash(text))

    huge = variant(last + 1, size=2**40)
    long_time = variant(last + 2, registered_at="2026-11-28T09:00:00+00:00" + "0" * 20)
    other = another_node("hub", role="hub", code="GR-9000")
    with other.write() as session:
        node = load_node(session)
        assert node is not None
        result = apply_remote(
            session, node, clock, [*wire, huge, long_time], origins=origins_of(ctx.db)
        )
    seeds = seeded(wire)
    assert (result.applied, result.quarantined) == (len(wire) - seeds, 2 + seeds)
    with other.read() as session:
        assert session.scalar(select(Household.size)) == 1


def test_version_vector_stops_at_the_first_gap(
    ctx: ServiceContext, another_node: Callable[..., Database], clock: FixedClock
) -> None:
    intake = IntakeService(ctx)
    for _ in range(3):
        intake.register(size=1)
    with ctx.read() as session:
        wire = [to_record(e).to_wire() for e in events_after(session, {})]
    missing = wire[5]["s"]
    other = another_node("hub", role="hub", code="GR-9000")
    with other.write() as session:
        node = load_node(session)
        assert node is not None
        apply_remote(
            session,
            node,
            clock,
            [w for w in wire if w["s"] != missing],
            origins=origins_of(ctx.db),
        )
    with other.read() as session:
        assert version_vector(session)[(wire[0]["o"], wire[0]["i"])] == missing - 1


@pytest.mark.sqlite_only
def test_a_copied_database_gets_a_new_incarnation(ctx: ServiceContext, tmp_path: object) -> None:
    from pathlib import Path

    from noodpost.storage.engine import open_database

    with ctx.read() as session:
        node = load_node(session)
        assert node is not None
        old = node.incarnation
    copy = Path(str(tmp_path)) / "copy.db"
    ctx.db.backup_to(copy)
    assert not check_home(ctx.db)  # the original stays itself
    moved = open_database(copy)
    assert check_home(moved)
    with moved.read() as session:
        node = load_node(session)
        assert node is not None
        assert node.incarnation != old
        assert node.next_seq == 1
    moved.close()


def test_a_poison_event_sent_again_is_kept_once_and_acknowledged(
    ctx: ServiceContext, another_node: Callable[..., Database], clock: FixedClock
) -> None:
    intake = IntakeService(ctx)
    intake.register(size=1)
    intake.register(size=2)
    with ctx.read() as session:
        wire = [to_record(e).to_wire() for e in events_after(session, {})]
    origin, inc = wire[0]["o"], wire[0]["i"]
    poison_seq = wire[-2]["s"]
    poisoned = [dict(w, e="spaceship") if w["s"] == poison_seq else w for w in wire]
    other = another_node("hub", role="hub", code="GR-9000")
    for _ in range(3):  # cumulative bundles carry the poison event every time
        with other.write() as session:
            node = load_node(session)
            assert node is not None
            apply_remote(session, node, clock, poisoned, origins=origins_of(ctx.db))
    with other.read() as session:
        assert session.scalar(select(func.count()).select_from(Quarantine)) == 1 + seeded(wire)
        # Held for review, and acknowledged: the sender stops re-sending it.
        assert version_vector(session)[(origin, inc)] == len(wire)


def test_an_edit_before_its_record_waits_and_a_person_before_its_household_applies(
    ctx: ServiceContext, another_node: Callable[..., Database], clock: FixedClock
) -> None:
    """Whatever order a batch brings a post's events in, all of them apply, none is left
    waiting, and none is counted as quarantined."""
    intake = IntakeService(ctx)
    household = intake.register(size=2, name="Grietje Bos").household_id
    intake.add_person(household, name="Klaas Bos", birth_year=1950)
    intake.update(household, size=3)
    with ctx.read() as session:
        wire = [
            to_record(e).to_wire()
            for e in events_after(session, {})
            if e.entity in ("household", "person")
        ]
    for event in wire:  # a person as older posts write it: its post is its household's
        if event["e"] == "person":
            data = json.loads(event["d"])
            del data["post_code"]
            event["d"] = canonical_json(data)
            event["dh"] = data_hash(event["d"])
    other = another_node("hub", role="hub", code="GR-9000")
    with other.write() as session:
        node = load_node(session)
        assert node is not None
        result = apply_remote(session, node, clock, wire[::-1], origins=origins_of(ctx.db))
    assert (result.applied, result.quarantined, result.reasons) == (len(wire), 0, [])
    with other.read() as session:
        assert session.scalar(select(Household.size)) == 3
        assert session.scalar(select(func.count()).select_from(Quarantine)) == 0
