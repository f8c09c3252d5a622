"""Attacks on write authority and streams (DESIGN §3.8), each with the keys the attacker holds.

Post A (GR-0014) is approved at the hub and holds its own laptop's keys: it can sign any
bundle it likes. It tries to write post B's (GR-0015) records and the hub's, to take steps only
the hub may take, and to pass on streams that are not its own. The hub, trusted more, still
may not write a post's own records. Every such event is quarantined with a Dutch reason,
counted where the coordinator sees it, and nothing is applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sitekit import HUB_CODE, Site, craft, introduce
from sqlalchemy import func, select
from support import FAST_HASHER

from noodpost.core.authority import RULES, is_hub_owned
from noodpost.core.catalogue import item_id
from noodpost.core.entities import SPECS, Kind, Op
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.ids import credential_id, new_id, post_id
from noodpost.services.alarms import AlarmsService
from noodpost.services.bulletins import BulletinsService
from noodpost.services.status import node_status
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.eventlog import to_record
from noodpost.storage.models import Event, Quarantine
from noodpost.storage.node import require_node
from noodpost.storage.quarantine import REFUSED_PREFIX
from noodpost.storage.streams import version_vector
from noodpost.sync.exchange import ImportStatus

A, B = "GR-0014", "GR-0015"
#: A PIN hash an attacker made for PIN 0000 (Argon2id, cheap parameters: it only has to verify).
PIN_0000 = FAST_HASHER.hash("0000")


def sample(entity: str, code: str, household: str, volunteer: str) -> dict[str, Any]:
    """Valid data for creating ``entity`` at post ``code`` (or the hub's, for hub-owned)."""
    lines = [{"item_id": item_id("water"), "quantity": 10}]
    data: dict[str, Any] = {
        "post": {"post_code": code, "name": "Overgenomen", "is_open": True},
        "household": {"card_code": "ZZ-9999", "size": 2, "name": "Mallory"},
        "person": {"household_id": household, "name": "Mallory"},
        "card_batch": {"codes": ["ZZ-9998"]},
        "visit": {"household_id": household, "persons": 2, "status": "present"},
        "need": {"category": "medical", "urgency": "high", "status": "open"},
        "stock_movement": {"item_id": item_id("water"), "quantity": -500.0, "kind": "correction"},
        "distribution": {"household_id": household, "item_id": item_id("water"), "quantity": 9.0},
        "alarm": {"type": "fire", "urgency": "immediate", "location": "Nep", "status": "open"},
        "volunteer": {"name": "Mallory", "role": "coordinator", "active": True},
        "credential": {"volunteer_id": volunteer, "pin_hash": PIN_0000},
        "shift": {"volunteer_id": volunteer, "status": "on_duty"},
        "log_entry": {"text": "Alles in orde, niet meer bellen."},
        "charging_ticket": {"number": 99, "device": "telefoon", "status": "charging"},
        "safe_message": {"name": "Mallory", "message": "Kom naar de haven", "consent": True},
        "generator_reading": {
            "at": "2026-11-28T09:00:00.000+00:00",
            "running": True,
            "litres_left": 0.0,
        },
        "supply_request": {"lines": lines, "status": "open"},
        "supply_dispatch": {"lines": lines, "from_code": HUB_CODE, "status": "in_transit"},
        "supply_item": {"code": "water", "name": "Water", "unit": "l", "version": 99},
        "bulletin": {"title": "Evacueer naar de haven", "version": 1},
    }[entity]
    if RULES[entity].owner_field == "post_code" and entity != "post":
        data["post_code"] = code
    return data


def entity_id_for(entity: str, code: str) -> str:
    return post_id(code) if entity == "post" else new_id()


@pytest.fixture
def region(hub: Site, post_a: Site, post_b: Site, stick: Path) -> tuple[Site, Site, Site]:
    introduce(post_a, hub, stick)
    introduce(post_b, hub, stick)
    return hub, post_a, post_b


def _known_b(hub: Site, b: Site, stick: Path) -> dict[str, str]:
    """One record of every kind post B holds, at B and (by sync, but for its PINs) at the hub:
    entity → id."""
    household = b.intake.register(size=2, name="Bettie Boersma").household_id
    volunteer = VolunteersService(b.ctx).add_volunteer("Bert", "coordinator", "4821").id
    ids = {
        "household": household,
        "volunteer": volunteer,
        "credential": credential_id(volunteer),
        "post": post_id(B),
    }
    with b.ctx.write() as uow:  # as B's desks write them
        for entity in sorted(RULES):
            if entity in ids or is_hub_owned(entity) or entity == "supply_dispatch":
                continue
            ids[entity] = new_id()
            uow.emit(entity, ids[entity], Op.CREATE, sample(entity, B, household, volunteer))
    ids["supply_dispatch"] = new_id()
    with hub.ctx.write() as uow:  # a delivery the hub sends B
        uow.emit(
            "supply_dispatch",
            ids["supply_dispatch"],
            Op.CREATE,
            sample("supply_dispatch", B, household, volunteer),
        )
    b.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    hub.sync.export_usb(stick)
    b.sync.import_usb(stick)
    with hub.db.read() as session:
        assert session.scalar(select(Quarantine.id)) is None
    return ids


def _held(site: Site, after: int = 0) -> list[tuple[int, str]]:
    """Quarantine rows (id, reason) after row ``after``, in the order of their streams."""
    with site.db.read() as session:
        query = select(Quarantine.id, Quarantine.reason).where(Quarantine.id > after)
        return [
            (row.id, row.reason)
            for row in session.execute(query.order_by(Quarantine.seq, Quarantine.id))
        ]


def _attack(target: Site, attacker: Site, events: list[dict[str, Any]]) -> list[str]:
    """Send ``events`` signed by ``attacker``; nothing may change; returns the reasons."""
    state, count = target.digest(), target.events()
    last = max((row_id for row_id, _ in _held(target)), default=0)
    outcome = target.sync.import_bytes(craft(attacker, target, events=events))
    assert outcome.status is ImportStatus.APPLIED
    assert (outcome.applied, outcome.refused, outcome.quarantined) == (0, len(events), len(events))
    assert (target.digest(), target.events()) == (state, count)
    reasons = [reason for _, reason in _held(target, last)]
    assert len(reasons) == len(events)
    assert all(r.startswith(REFUSED_PREFIX) for r in reasons), reasons
    return reasons


def _lifecycle_steps(entity: str) -> list[str]:
    spec = SPECS[entity]
    return sorted(spec.statuses) if spec.kind is Kind.LIFECYCLE else []


def test_a_post_may_not_write_another_posts_or_the_hubs_records(
    region: tuple[Site, Site, Site], stick: Path
) -> None:
    hub, a, b = region
    known = _known_b(hub, b, stick)
    household, volunteer = known["household"], known["volunteer"]
    bulletin = new_id()
    with hub.ctx.write() as uow:
        uow.emit("bulletin", bulletin, Op.CREATE, sample("bulletin", HUB_CODE, "", ""))
    known["bulletin"] = bulletin
    known["supply_item"] = item_id("water")
    hub.sync.export_usb(stick)  # B has the bulletin before the attack
    b.sync.import_usb(stick)

    attempts: list[tuple[str, str, str, dict[str, Any]]] = []  # entity, id, op, data
    for entity in sorted(RULES):
        owner = HUB_CODE if is_hub_owned(entity) else B
        data = sample(entity, owner, household, volunteer)
        attempts.append((entity, entity_id_for(entity, owner), Op.CREATE, data))
        if entity in known and entity != "credential":  # the hub never holds B's PINs
            attempts.append((entity, known[entity], Op.UPDATE, data))
            attempts.append((entity, known[entity], Op.DELETE, {}))
            attempts += [
                (entity, known[entity], Op.STATUS, {"status": status})
                for status in _lifecycle_steps(entity)
            ]
    # The hub's own records: its post record, and a coordinator with a known PIN at the hub.
    attempts.append(("post", post_id(HUB_CODE), Op.UPDATE, {"post_code": HUB_CODE, "name": "X"}))
    mallory = new_id()
    attempts.append(("volunteer", mallory, Op.CREATE, sample("volunteer", HUB_CODE, "", "")))
    attempts.append(
        (
            "credential",
            credential_id(mallory),
            Op.CREATE,
            sample("credential", HUB_CODE, "", mallory),
        )
    )
    # Moving B's household to A is no way in either.
    attempts.append(("household", household, Op.UPDATE, {"post_code": A, "name": "Mallory"}))

    events = [a.forge(e, i, op, d, ahead=n) for n, (e, i, op, d) in enumerate(attempts)]
    reasons = _attack(hub, a, events)

    for (entity, _id, op, _data), reason in zip(attempts, reasons, strict=True):
        expected = (
            "een pincode verlaat de eigen post nooit"  # a PIN is taken from its own post only
            if entity == "credential"
            else "GR-0014 mag niet"
        )
        assert expected in reason or "kan niet naar GR-0014 verhuizen" in reason, (
            entity,
            op,
            reason,
        )
    assert (
        "niet toegestaan: GR-0014 mag niet een noodmelding op 'bevestigd' zetten van GR-0015"
        in reasons
    )
    assert "niet toegestaan: GR-0014 mag niet een artikel wijzigen van de C-NSP" in reasons
    assert "niet toegestaan: GR-0014 mag niet een vrijwilliger aanmaken van GR-9000" in reasons
    with pytest.raises(NotFound):  # the planted coordinator does not exist at the hub
        VolunteersService(hub.ctx).sign_in(mallory, "0000")
    # Counted where the coordinator sees it.
    [peer_a] = [p for p in hub.sync.list_peers().peers if p.post_code == A]
    assert peer_a.refused == len(attempts)
    assert "NIET TOEGESTAAN" in peer_a.line
    assert node_status(hub.db)["refused"] == len(attempts)
    # What B holds is untouched: the hub passed nothing on.
    before = b.digest()
    hub.sync.export_usb(stick)
    b.sync.import_usb(stick)
    assert b.digest() == before


def test_a_post_may_not_take_the_hubs_steps_on_its_own_records(
    region: tuple[Site, Site, Site], stick: Path
) -> None:
    hub, _a, b = region
    known = _known_b(hub, b, stick)
    alarm, request, dispatch = known["alarm"], known["supply_request"], known["supply_dispatch"]
    attempts: list[tuple[str, str, str, dict[str, Any]]] = [
        ("alarm", alarm, Op.STATUS, {"status": "received"}),
        ("alarm", alarm, Op.STATUS, {"status": "acknowledged", "acknowledged_by": "C-NSP"}),
        ("alarm", alarm, Op.STATUS, {"status": "closed"}),
        ("alarm", alarm, Op.UPDATE, {"acknowledged_by": "Operator Noord"}),
        ("supply_request", request, Op.STATUS, {"status": "answered", "answer": "Komt eraan"}),
        ("supply_dispatch", dispatch, Op.STATUS, {"status": "cancelled"}),
        ("supply_dispatch", dispatch, Op.UPDATE, {"lines": [{"item_id": "x", "quantity": 1}]}),
        ("supply_dispatch", new_id(), Op.CREATE, sample("supply_dispatch", B, "", "")),
        ("supply_item", item_id("water"), Op.UPDATE, sample("supply_item", HUB_CODE, "", "")),
        ("bulletin", new_id(), Op.CREATE, sample("bulletin", HUB_CODE, "", "")),
    ]
    events = [b.forge(e, i, op, d, ahead=n) for n, (e, i, op, d) in enumerate(attempts)]
    reasons = _attack(hub, b, events)
    assert reasons[0] == (
        "niet toegestaan: GR-0015 mag niet een noodmelding op 'ontvangen' zetten van GR-0015"
    )
    assert reasons[3] == (
        "niet toegestaan: bij een noodmelding wijzigen van GR-0015 niet toegestaan: acknowledged_by"
    )
    assert reasons[7] == "niet toegestaan: GR-0015 mag niet een levering aanmaken van GR-0015"


def test_the_hub_may_not_write_a_posts_own_records(
    region: tuple[Site, Site, Site], stick: Path
) -> None:
    hub, _a, b = region
    known = _known_b(hub, b, stick)
    household = known["household"]
    attempts: list[tuple[str, str, str, dict[str, Any]]] = [
        ("household", new_id(), Op.CREATE, sample("household", B, "", "")),
        ("household", household, Op.UPDATE, {"post_code": B, "size": 9}),
        ("need", known["need"], Op.STATUS, {"status": "done"}),
        ("alarm", new_id(), Op.CREATE, sample("alarm", B, "", "")),
        ("volunteer", new_id(), Op.CREATE, sample("volunteer", B, "", "")),
        ("credential", credential_id(known["volunteer"]), Op.UPDATE, {"pin_hash": PIN_0000}),
        ("distribution", new_id(), Op.CREATE, sample("distribution", B, household, "")),
    ]
    events = [hub.forge(e, i, op, d, ahead=n) for n, (e, i, op, d) in enumerate(attempts)]
    reasons = _attack(b, hub, events)
    assert reasons[0] == "niet toegestaan: de C-NSP mag niet een huishouden aanmaken van GR-0015"
    assert reasons[2] == (
        "niet toegestaan: de C-NSP mag niet een hulpvraag op 'afgehandeld' zetten van GR-0015"
    )
    # B's coordinator still signs in with her own PIN, not the hub's.
    vols = VolunteersService(b.ctx)
    with pytest.raises(Refused, match="Pincode onjuist"):
        vols.sign_in(known["volunteer"], "0000")
    assert vols.sign_in(known["volunteer"], "4821").id == known["volunteer"]


def test_a_post_may_not_pass_on_a_stream_it_does_not_own(
    region: tuple[Site, Site, Site], stick: Path
) -> None:
    hub, a, b = region
    _known_b(hub, b, stick)
    # Events that claim to be of B's stream and of the hub's, in A's signed bundle.
    claimed = []
    for n, site in enumerate((b, hub, b, hub)):
        event = a.forge("log_entry", new_id(), Op.CREATE, sample("log_entry", B, "", ""), ahead=n)
        with site.db.read() as session:
            node = require_node(session)
            held = session.scalar(select(func.max(Event.seq)).where(Event.origin == node.node_id))
        claimed.append(
            {**event, "o": node.node_id, "i": node.incarnation, "s": (held or 0) + n + 1}
        )
    reasons = _attack(hub, a, claimed)
    assert set(reasons) == {
        "niet toegestaan: gegevens van een ander knooppunt, die deze afzender niet mag doorgeven"
    }
    # The hub may not pass A's stream to B either.
    with a.db.read() as session:
        of_a = [
            to_record(e).to_wire()
            for e in session.scalars(select(Event).where(Event.origin == a.node_id).limit(5))
        ]
    assert set(_attack(b, hub, of_a)) == set(reasons)


def test_a_bundle_from_one_post_to_another_is_refused(
    region: tuple[Site, Site, Site],
) -> None:
    _hub, a, b = region
    before = b.snapshot()
    event = a.forge("alarm", new_id(), Op.CREATE, sample("alarm", B, "", ""))
    with pytest.raises(UserError):
        b.sync.import_bytes(craft(a, b, events=[event]))
    assert b.snapshot() == before


def test_claimed_seqs_of_a_stream_the_sender_does_not_carry_acknowledge_nothing(
    region: tuple[Site, Site, Site], stick: Path
) -> None:
    """B claims far-ahead seqs of the hub's own stream and of A's (valid, invalid, clashing):
    refused, and neither the hub nor A is made to believe it holds them — the hub's next
    bulletin and A's next alarm still travel."""
    hub, a, b = region
    with hub.db.read() as session:
        before = version_vector(session)
    claimed: list[dict[str, Any]] = []
    for n, site in enumerate((hub, a, hub, a)):  # the very next seqs, as the hub holds them
        event = b.forge("log_entry", new_id(), Op.CREATE, sample("log_entry", B, "", ""), ahead=n)
        with site.db.read() as session:
            node = require_node(session)
        stream = (node.node_id, node.incarnation)
        following = (
            before.get(stream, 0) + 1 + sum(1 for c in claimed if (c["o"], c["i"]) == stream)
        )
        claimed.append({**event, "o": stream[0], "i": stream[1], "s": following})
    claimed[2]["e"] = "spaceship"  # invalid as well
    outcome = hub.sync.import_bytes(craft(b, hub, events=claimed))
    assert (outcome.applied, outcome.quarantined) == (0, 4)
    with hub.db.read() as session:
        assert version_vector(session) == before

    bulletin = BulletinsService(hub.ctx).publish("Drinkwater bij de kerk", None)
    alarm = AlarmsService(a.ctx).raise_alarm("fire", "high", "Keuken")
    a.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    hub.sync.export_usb(stick)
    a.sync.import_usb(stick)
    assert [x.id for x in BulletinsService(a.ctx).current()] == [bulletin.id]
    assert AlarmsService(hub.ctx).alarm(alarm.id).status == "open"


def test_the_hub_may_not_invent_an_earlier_life_of_a_posts_laptop(
    region: tuple[Site, Site, Site], stick: Path
) -> None:
    """A post takes its own stream back from its hub only in incarnations it had (a restore):
    events of an invented one are refused, so the hub cannot write as the post."""
    hub, _a, b = region
    household = _known_b(hub, b, stick)["household"]
    event = hub.forge("household", household, Op.DELETE, {})
    invented = {**event, "o": b.node_id, "i": "0123456789abcdef", "s": 1}
    [reason] = _attack(b, hub, [invented])
    assert (
        reason == "niet toegestaan: een eerdere inrichting van deze laptop die hier nooit bestond"
    )
