"""Migration 0007 on databases from before trust and scope (DESIGN §3.8).

Before 0007 a hub relayed every post's events to every post, and a volunteer's PIN hash
travelled in the volunteer's events. The legacy databases here are made the way they were:
three real nodes work and sync with today's code, then a post's and the hub's files are made
to hold what they held then (every stream in full, PIN hashes in volunteer events and records,
no credentials), are taken back to revision 0006 with Alembic, and are opened again — which
upgrades them. A post must then hold nothing of another post yet keep working with its hub; a
hub must have forgotten the posts' PIN hashes.

A brand-new database upgrading from nothing is covered by ``test_engine.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from argon2 import PasswordHasher
from sqlalchemy import create_engine, func, select
from support import FAST_HASHER
from sync.sitekit import HUB_CODE, Site, build_site, introduce, publish_bulletin

from noodpost.core.audit import AuditAction
from noodpost.core.clock import FixedClock
from noodpost.core.events import canonical_json, data_hash
from noodpost.services.alarms import AlarmsService
from noodpost.services.audit import verify_audit
from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import _alembic_config, current_revision, open_database
from noodpost.storage.models import (
    STATE_MODELS,
    Alarm,
    AuditEntry,
    Event,
    Household,
    Person,
    Quarantine,
    StatusChange,
    Volunteer,
)
from noodpost.storage.node import database_path, require_node
from noodpost.storage.projection import rebuild
from noodpost.storage.streams import version_vector
from noodpost.sync.service import SyncService

A_CODE, B_CODE = "GR-0014", "GR-0015"
PIN_A, PIN_B, PIN_HUB = "73915264", "48207136", "51938472"
# Distinctive text of each post, to look for in files.
NAME_A, RELATIVE_A = "Aafke Zwierstra", "Zwierstra Junior"
NAME_B, RELATIVE_B = "Qorbelt Zyxwvutsma", "Yttje Qorbelt"
VOLUNTEER_B = "Xandrijn Wobbema"
ALARM_B = "Kelder Vlaqmoorstraat"
BULLETIN = "Drinkwater bij de kerk"


def _hasher() -> PasswordHasher:
    """Still Argon2id, but fast enough for tests."""
    return FAST_HASHER


@dataclass
class World:
    hub: Site
    post: Site  # GR-0014, upgraded
    stick: Path
    hub_id: str
    hub_incarnation: str
    b_id: str
    volunteer_a: str
    volunteer_b: str
    volunteer_hub: str
    alarm_a: str
    alarm_b: str
    hub_max_seq: int  # the highest seq of the hub's stream when the files were made legacy
    b_events: int  # events of B's stream the hub holds
    pin_hashes: dict[str, str]  # volunteer id -> the PIN hash it had


# ---------------------------------------------------------------- making legacy databases

_EVENT_COLUMNS = (
    "origin, incarnation, seq, hlc, entity, entity_id, op, data, data_hash, schema_version, "
    "author, audience, secret"
)


@contextmanager
def _raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to a closed database file, committed and closed at the end.

    Foreign keys are off: making a file legacy replaces events the status history refers to.
    """
    con = sqlite3.connect(path)
    try:
        with con:
            yield con
    finally:
        con.close()


def _pins_in_volunteer_events(path: Path) -> dict[str, str]:
    """Put this node's PINs where event schema 1 kept them: in the volunteer's events.

    Each volunteer's create event carries its PIN hash again, and the credential event (at the
    same seq, so the stream keeps no gap) becomes the volunteer update of a PIN reset.
    Returns the PIN hash per volunteer id.
    """
    pins: dict[str, str] = {}
    with _raw(path) as con:
        rows = con.execute(
            "SELECT origin, incarnation, seq, op, data FROM event WHERE entity = 'credential'"
        ).fetchall()
        for origin, incarnation, seq, op, data in rows:
            assert op == "create"
            credential = json.loads(data)
            volunteer, pin = credential["volunteer_id"], credential["pin_hash"]
            pins[volunteer] = pin
            created = con.execute(
                "SELECT origin, incarnation, seq, data FROM event "
                "WHERE entity = 'volunteer' AND entity_id = ? AND op = 'create'",
                (volunteer,),
            ).fetchone()
            _rewrite(con, created[:3], {**json.loads(created[3]), "pin_hash": pin})
            _rewrite(
                con, (origin, incarnation, seq), {"pin_hash": pin}, entity_id=volunteer, op="update"
            )
        con.execute("DELETE FROM credential")
    return pins


def _rewrite(
    con: sqlite3.Connection,
    key: tuple[str, str, int],
    data: dict[str, object],
    *,
    entity_id: str | None = None,
    op: str | None = None,
) -> None:
    text = canonical_json(data)
    con.execute(
        "UPDATE event SET entity = 'volunteer', entity_id = coalesce(?, entity_id), "
        "op = coalesce(?, op), data = ?, data_hash = ?, schema_version = 1 "
        "WHERE origin = ? AND incarnation = ? AND seq = ?",
        (entity_id, op, text, data_hash(text), *key),
    )


def _take_streams(target: Path, source: Path, origins: list[str] | None) -> None:
    """Copy ``source``'s events (of ``origins``; all when None) and status history into
    ``target``, as a pre-0007 hub relayed them: ``source``'s versions win."""
    where = "" if origins is None else f" WHERE origin IN ({', '.join('?' * len(origins))})"
    args = origins or []
    with _raw(target) as con:
        con.execute("ATTACH DATABASE ? AS src", (str(source),))
        con.execute(
            f"INSERT OR REPLACE INTO event ({_EVENT_COLUMNS}) "
            f"SELECT {_EVENT_COLUMNS} FROM src.event{where}",
            args,
        )
        con.execute(
            f"INSERT OR IGNORE INTO status_change SELECT * FROM src.status_change{where}", args
        )
        con.commit()
        con.execute("DETACH DATABASE src")


def _reproject(path: Path) -> None:
    """State as the events now say (volunteers with their PIN hash, the other posts' records)."""
    db = open_database(path)
    with db.write() as session:
        rebuild(session)
    db.close()


def _downgrade(path: Path) -> None:
    """Back to revision 0006 (0007's columns and tables gone).

    On a plain engine: with ``foreign_keys=ON`` (Noodpost's engine) SQLite refuses to drop
    the ``event`` table that the status history refers to, which batch mode does to remove a
    column — 0007's downgrade only runs on such a connection.
    """
    engine = create_engine(f"sqlite:///{path}")
    command.downgrade(_alembic_config(engine), "0006")
    assert current_revision(engine) == "0006"
    engine.dispose()


def _reopen(site: Site, clock: FixedClock) -> Site:
    db = open_database(database_path(site.data_dir))  # upgrades to head: runs upgrade_scope
    return Site(site.data_dir, db, ServiceContext(db, clock), SyncService(db, clock, site.data_dir))


def _roundtrip(post: Site, hub: Site, stick: Path) -> None:
    """Post → hub → post, twice: both sides hold and have acknowledged everything."""
    for _ in range(2):
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        hub.sync.export_usb(stick)
        post.sync.import_usb(stick)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("legacy")
    clock = FixedClock(datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    hub = build_site(root / "hub", clock, role="hub", code=HUB_CODE, name="C-NSP Groningen")
    post_a = build_site(root / "a", clock, code=A_CODE, name="Dorpshuis Ten Boer")
    post_b = build_site(root / "b", clock, code=B_CODE, name="Sporthal Noord")
    stick = root / "stick"
    stick.mkdir()
    pairing = root / "koppeling.json"
    hub.sync.export_pairing(pairing)
    for post in (post_a, post_b):
        post.sync.import_pairing(pairing)
        introduce(post, hub, stick)

    # A day's work at each post and at the hub.
    volunteers: dict[str, str] = {}
    alarms: dict[str, str] = {}
    for post, pin, (name, relative), coordinator, where in (
        (post_a, PIN_A, (NAME_A, RELATIVE_A), "Anna Dijkstra", "Zaal 2"),
        (post_b, PIN_B, (NAME_B, RELATIVE_B), VOLUNTEER_B, ALARM_B),
    ):
        desk = VolunteersService(post.ctx, hasher=_hasher())
        volunteer = desk.add_volunteer(coordinator, "coordinator", pin)
        desk.sign_in(volunteer.id, pin)
        household = post.intake.register(size=2, name=name, birth_year=1950)
        post.intake.add_person(household.household_id, name=relative, birth_year=2015)
        alarm = AlarmsService(post.ctx).raise_alarm("ambulance", "immediate", where, 1)
        volunteers[post.ctx.node.post_code] = volunteer.id
        alarms[post.ctx.node.post_code] = alarm.id
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
    volunteers[HUB_CODE] = (
        VolunteersService(hub.ctx, hasher=_hasher())
        .add_volunteer("Henk Hoofdpost", "coordinator", PIN_HUB)
        .id
    )
    publish_bulletin(hub, BULLETIN)
    clock.advance(timedelta(minutes=3))
    for code in (A_CODE, B_CODE):  # the hub's steps in each post's alarm
        AlarmsService(hub.ctx).mark_received(alarms[code])
    hub.sync.export_usb(stick)
    for post in (post_a, post_b):
        post.sync.import_usb(stick)

    hub_id, b_id = hub.node_id, post_b.node_id
    with hub.db.read() as session:
        hub_incarnation = require_node(session).incarnation
        hub_max_seq = session.scalar(select(func.max(Event.seq)).where(Event.origin == hub_id))
    for site in (hub, post_a, post_b):
        site.db.close()

    # What the files held before 0007: PINs in volunteer events, every stream everywhere.
    paths = {s.ctx.node.post_code: database_path(s.data_dir) for s in (hub, post_a, post_b)}
    pin_hashes: dict[str, str] = {}
    for path in paths.values():
        pin_hashes |= _pins_in_volunteer_events(path)
    _take_streams(paths[HUB_CODE], paths[A_CODE], [post_a.node_id])
    _take_streams(paths[HUB_CODE], paths[B_CODE], [b_id])
    _take_streams(paths[A_CODE], paths[HUB_CODE], None)
    with _raw(paths[A_CODE]) as con:  # and an event of B that A held back
        con.execute(
            "INSERT INTO quarantine (origin, incarnation, seq, raw, reason, received_at) "
            "VALUES (?, 'x', 99, ?, 'botsing', '2026-11-28T09:00:00.000+00:00')",
            (b_id, json.dumps({"name": NAME_B})),
        )
    for code in (HUB_CODE, A_CODE):
        _reproject(paths[code])
    with _raw(paths[A_CODE]) as con:  # the legacy file holds everybody's records
        assert con.execute(
            "SELECT post_code FROM volunteer WHERE pin_hash IS NOT NULL ORDER BY post_code"
        ).fetchall() == [(A_CODE,), (B_CODE,), (HUB_CODE,)]
    with _raw(paths[HUB_CODE]) as con:
        b_events = con.execute("SELECT count(*) FROM event WHERE origin = ?", (b_id,)).fetchone()[0]
    for code in (HUB_CODE, A_CODE):
        _downgrade(paths[code])

    upgraded_hub, upgraded_a = _reopen(hub, clock), _reopen(post_a, clock)
    yield World(
        hub=upgraded_hub,
        post=upgraded_a,
        stick=stick,
        hub_id=hub_id,
        hub_incarnation=hub_incarnation,
        b_id=b_id,
        volunteer_a=volunteers[A_CODE],
        volunteer_b=volunteers[B_CODE],
        volunteer_hub=volunteers[HUB_CODE],
        alarm_a=alarms[A_CODE],
        alarm_b=alarms[B_CODE],
        hub_max_seq=hub_max_seq or 0,
        b_events=b_events,
        pin_hashes=pin_hashes,
    )
    upgraded_hub.db.close()
    upgraded_a.db.close()


def _file_bytes(site: Site) -> bytes:
    """The database file and its write-ahead log, after a checkpoint."""
    assert site.db.truncate_wal()
    path = database_path(site.data_dir)
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _purges(site: Site) -> list[str]:
    with site.db.read() as session:
        return list(
            session.scalars(
                select(AuditEntry.object).where(AuditEntry.action == AuditAction.PURGE.value)
            )
        )


# ---------------------------------------------------------------- the post


def test_the_post_holds_no_record_of_another_post(world: World) -> None:
    with world.post.db.read() as session:
        for name, model in STATE_MODELS.items():
            if "post_code" in model.__table__.c and name != "post":
                owners = set(session.scalars(select(model.post_code)))  # type: ignore[attr-defined]
                assert owners <= {A_CODE}, name
        assert session.get(Alarm, world.alarm_b) is None
        assert session.get(Volunteer, world.volunteer_b) is None
        assert session.scalar(select(func.count()).select_from(Quarantine)) == 0
        # Its own are all there, persons now marked with their post.
        assert [h.name for h in session.scalars(select(Household))] == [NAME_A]
        assert [(p.name, p.post_code) for p in session.scalars(select(Person))] == [
            (RELATIVE_A, A_CODE)
        ]
        alarm = session.get(Alarm, world.alarm_a)
        assert alarm is not None
        assert alarm.status == "received"  # the hub's step in its own alarm is kept


def test_the_post_holds_no_event_of_another_post(world: World) -> None:
    with world.post.db.read() as session:
        origins = set(session.scalars(select(Event.origin).distinct()))
        assert world.b_id not in origins
        audiences = set(session.scalars(select(Event.audience).where(Event.origin == world.hub_id)))
        assert audiences == {A_CODE, "*"}  # the hub's receipt of A's alarm, its bulletin, …
        assert session.scalar(select(func.count()).where(Event.audience.is_(None))) == 0
        about_b = select(func.count()).where(Event.entity_id == world.alarm_b)
        assert session.scalar(about_b) == 0
        history = select(func.count()).where(StatusChange.entity_id == world.alarm_b)
        assert session.scalar(history) == 0
    with world.hub.db.read() as session:  # the hub did step in B's alarm
        assert session.scalar(about_b.where(Event.origin == world.hub_id)) == 1


def test_another_posts_names_are_gone_from_the_post_file(world: World) -> None:
    content = _file_bytes(world.post)
    for text in (NAME_B, RELATIVE_B, VOLUNTEER_B, ALARM_B):
        assert text.encode() not in content, text
    assert NAME_A.encode() in content


def test_the_post_misses_nothing_of_the_hubs_stream(world: World) -> None:
    """The hub's events it dropped count as covered: the post does not ask for them again."""
    with world.post.db.read() as session:
        vector = version_vector(session)
    assert vector[(world.hub_id, world.hub_incarnation)] == world.hub_max_seq
    assert not any(origin == world.b_id for origin, _ in vector)


def test_a_volunteer_of_before_signs_in_with_their_pin(world: World) -> None:
    desk = VolunteersService(world.post.ctx, hasher=_hasher())
    assert desk.sign_in(world.volunteer_a, PIN_A).id == world.volunteer_a
    desk.sign_out()


def test_the_post_audits_what_it_dropped_and_the_chain_holds(world: World) -> None:
    report = verify_audit(world.post.db)
    assert report.intact, report.broken
    purges = [p for p in _purges(world.post) if "bij de upgrade" in p]
    assert len(purges) == 1
    assert "andere noodsteunpunten" in purges[0]
    assert NAME_B not in purges[0]


# ---------------------------------------------------------------- the hub


def test_the_hub_forgets_the_pin_hashes_of_posts_volunteers(world: World) -> None:
    with world.hub.db.read() as session:
        posts = session.scalars(select(Volunteer).where(Volunteer.post_code != HUB_CODE)).all()
        assert {v.id for v in posts} == {world.volunteer_a, world.volunteer_b}
        assert all(v.pin_hash is None for v in posts)
        for data, digest in session.execute(
            select(Event.data, Event.data_hash).where(Event.origin != world.hub_id)
        ):
            assert "$argon2" not in data
            assert digest == data_hash(data)  # rewritten events still hold together
        secrets = set(session.scalars(select(Event.origin).where(Event.secret.is_(True))))
        assert secrets == {world.hub_id}  # its own volunteer's PIN, as before
    content = _file_bytes(world.hub)
    for volunteer in (world.volunteer_a, world.volunteer_b):
        assert world.pin_hashes[volunteer].encode() not in content


def test_the_hub_keeps_its_own_and_the_posts_data(world: World) -> None:
    desk = VolunteersService(world.hub.ctx, hasher=_hasher())
    assert desk.sign_in(world.volunteer_hub, PIN_HUB).id == world.volunteer_hub
    desk.sign_out()
    with world.hub.db.read() as session:
        names = set(session.scalars(select(Household.name)))
        assert names == {NAME_A, NAME_B}
        assert sorted((p.name, p.post_code) for p in session.scalars(select(Person))) == [
            (RELATIVE_B, B_CODE),
            (RELATIVE_A, A_CODE),
        ]
        assert session.scalar(select(func.count()).where(Event.origin == world.b_id)) == (
            world.b_events
        )
    report = verify_audit(world.hub.db)
    assert report.intact, report.broken
    assert any("PIN-hashes van 2 vrijwilliger(s)" in p for p in _purges(world.hub))


# ---------------------------------------------------------------- working on (last: it syncs)


def test_the_upgraded_post_and_hub_sync_cleanly(world: World) -> None:
    post, hub = world.post, world.hub
    household = post.intake.register(size=1, name="Nieuw Huishouden").household_id
    alarm = AlarmsService(post.ctx).raise_alarm("fire", "high", "Keuken", 1).id

    post.sync.export_usb(world.stick)
    arrived = hub.sync.import_usb(world.stick)
    assert [o.quarantined for o in arrived.outcomes if o.sender_code == A_CODE] == [0]
    AlarmsService(hub.ctx).mark_received(alarm)
    _roundtrip(post, hub, world.stick)

    for site in (post, hub):
        with site.db.read() as session:
            assert session.scalar(select(func.count()).select_from(Quarantine)) == 0
    for site, other in ((post, HUB_CODE), (hub, A_CODE)):
        peers = {p.post_code: p for p in site.sync.list_peers().peers}
        assert peers[other].unacknowledged == 0
        assert peers[other].refused == 0
    with post.db.read() as session:
        received = session.get(Alarm, alarm)
        assert received is not None
        assert received.status == "received"
        assert world.b_id not in set(session.scalars(select(Event.origin).distinct()))
    with hub.db.read() as session:
        assert session.get(Household, household) is not None
        assert all(
            "$argon2" not in data
            for data in session.scalars(select(Event.data).where(Event.origin != world.hub_id))
        )
