"""Helpers for tests that fixtures cannot give (module-scoped setups): importable as ``support``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher, Type
from sqlalchemy import func, select

from noodpost.config import catalogue_path
from noodpost.core.authority import Origin
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import Clock, FixedClock
from noodpost.core.events import EventRecord, canonical_json, data_hash
from noodpost.services.setup import initialise
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import ApplyResult, apply_remote, to_record
from noodpost.storage.models import Event, Node, Peer
from noodpost.storage.node import database_path, require_node
from noodpost.storage.streams import events_after, version_vector
from noodpost.sync.scope import incoming_origins, outgoing_scope

POST_CODE = "GR-0014"
HUB_CODE = "GR-9000"

Carry = Callable[[], int]
"""Brings what one sync would carry between two nodes; returns how many events were applied."""

#: Argon2id with cheap parameters: the same code path, fast enough for tests (the one copy).
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)


def make_node(
    data_dir: Path,
    clock: FixedClock,
    *,
    role: str = "post",
    code: str = POST_CODE,
    name: str = "Dorpshuis Ten Boer",
    capacity: int | None = 80,
    database: str | None = None,
) -> Database:
    """A set-up node with its data folder; its database in the folder, or at ``database`` (a
    PostgreSQL URL, from the ``database_at`` fixture)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(database or database_path(data_dir))
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    initialise(
        db,
        clock,
        role=role,
        name=name,
        code=code,
        catalogue=items,
        catalogue_version=version,
        capacity=capacity,
    )
    return db


def origins_of(*dbs: Database) -> dict[str, Origin]:
    """What a receiver knows of the nodes that made these databases (for ``apply_remote``)."""
    found: dict[str, Origin] = {}
    for db in dbs:
        with db.read() as session:
            node = require_node(session)
            found[node.node_id] = Origin(node.role, node.post_code)
    return found


def seeded(wire: list[dict[str, object]]) -> int:
    """How many of a post's events are the catalogue it was set up with (never a post's to
    pass on: a receiver quarantines them as not allowed)."""
    return sum(1 for event in wire if event["e"] == "supply_item")


def deliver(source: Database, target: Database, clock: FixedClock) -> ApplyResult:
    """Bring ``target`` what a sync from ``source`` would (DESIGN §3.8), as an import applies it.

    The events are chosen with the real scope for this pair (a post sends its hub its own data
    without secrets; the hub sends a post that post's own stream and what it addresses to it or
    to every post) and judged at ``target`` with what it knows of ``source`` — no keys or stick
    needed. The result says what was applied and what was quarantined.
    """

    def as_peer(node: Node) -> Peer:
        return Peer(node_id=node.node_id, role=node.role, post_code=node.post_code)

    with target.read() as session:
        receiver = require_node(session)
        have = version_vector(session)
    with source.read() as session:
        sender = require_node(session)
        scope = outgoing_scope(sender, as_peer(receiver))
        wire = [to_record(e).to_wire() for e in events_after(session, have, scope)]
    with target.write() as session:
        node = require_node(session)
        return apply_remote(
            session, node, clock, wire, origins=incoming_origins(node, as_peer(sender))
        )


def exactly(message: str) -> str:
    """A ``pytest.raises`` pattern for exactly this message."""
    return f"^{re.escape(message)}$"


def arrive(
    db: Database,
    clock: Clock,
    post_code: str,
    entity: str,
    entity_id: str,
    op: str,
    data: Mapping[str, Any],
) -> None:
    """One event of post ``post_code``'s own stream, applied as sync applies it: judged with
    what the receiver knows of that post (DESIGN §3.8). It must be applied."""
    origin = str(uuid.uuid5(uuid.NAMESPACE_URL, f"noodpost-test:{post_code}"))
    with db.write() as session:
        node = require_node(session)
        last = session.scalar(select(func.max(Event.seq)).where(Event.origin == origin)) or 0
        hlc = (session.scalar(select(func.max(Event.hlc))) or 0) + 1
        record = EventRecord(
            origin,
            "a1b2c3d4e5f60718",
            last + 1,
            hlc,
            entity,
            entity_id,
            op,
            data,
            data_hash(canonical_json(data)),
        )
        result = apply_remote(
            session, node, clock, [record.to_wire()], origins={origin: Origin("post", post_code)}
        )
    assert (result.applied, result.reasons) == (1, [])
