"""Test helpers for sync: a node ("site") with real keys, and introducing a post to a hub."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from noodpost.config import catalogue_path
from noodpost.core.authority import EVERY_POST
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import FixedClock
from noodpost.core.entities import Op
from noodpost.core.events import EVENT_SCHEMA_VERSION, EventRecord, canonical_json, data_hash
from noodpost.core.ids import new_id
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.setup import initialise
from noodpost.storage.digest import state_digest, table_rows
from noodpost.storage.engine import Database, open_database
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import (
    STATE_MODELS,
    Event,
    Household,
    Node,
    Peer,
    PendingBundle,
    Quarantine,
    ReceivedBundle,
)
from noodpost.storage.node import database_path, require_node, save_database_url
from noodpost.sync import bundle as fmt
from noodpost.sync.keys import create_keys
from noodpost.sync.service import SyncService

HUB_CODE = "GR-9000"


@dataclass
class Site:
    """One installation: its database, data folder, services and sync."""

    data_dir: Path
    db: Database
    ctx: ServiceContext
    sync: SyncService

    @property
    def intake(self) -> IntakeService:
        return IntakeService(self.ctx)

    @property
    def node_id(self) -> str:
        return self.ctx.node.node_id

    def events(self) -> int:
        with self.db.read() as session:
            return count_events(session)

    def for_hub(self) -> int:
        """How many of its events a post sends its hub: its own, without secrets and without
        the catalogue it was seeded with (DESIGN §3.8)."""
        with self.db.read() as session:
            return (
                session.scalar(
                    select(func.count())
                    .select_from(Event)
                    .where(
                        Event.origin == self.node_id,
                        Event.secret.is_(False),
                        Event.audience != EVERY_POST,
                    )
                )
                or 0
            )

    def shared_digest(self, code: str) -> str:
        """A digest of what the hub and post ``code`` both hold (DESIGN §3.8): the post's
        records, the hub's bulletins and both post records. Not the catalogue: a post is
        seeded with its own copy, which the hub's versions supersede."""
        digest = hashlib.sha256()
        with self.db.read() as session:
            households = select(Household.id).where(Household.post_code == code)
            for name, model in sorted(STATE_MODELS.items()):
                table = model.__table__
                if name in ("credential", "supply_item"):
                    continue
                query = select(table).order_by(table.c.id)  # type: ignore[attr-defined]
                if name == "person":
                    query = query.where(table.c.household_id.in_(households))  # type: ignore[attr-defined]
                elif name == "post":
                    query = query.where(table.c.post_code.in_((code, HUB_CODE)))  # type: ignore[attr-defined]
                elif "post_code" in table.c:  # type: ignore[attr-defined]
                    query = query.where(table.c.post_code == code)  # type: ignore[attr-defined]
                for row in session.execute(query):
                    digest.update(
                        json.dumps(dict(row._mapping), sort_keys=True, default=str).encode()
                    )
        return digest.hexdigest()

    def forge(
        self, entity: str, entity_id: str, op: str, data: dict[str, Any], *, ahead: int = 0
    ) -> dict[str, Any]:
        """The next event (``ahead`` more) of this site's own stream, as its real keys would
        sign it — what an attacker holding this laptop can write past the services."""
        with self.db.read() as session:
            node = require_node(session)
            last = session.scalar(
                select(func.max(Event.seq)).where(
                    Event.origin == node.node_id, Event.incarnation == node.incarnation
                )
            )
            hlc = session.scalar(select(func.max(Event.hlc))) or 0
        text = canonical_json(data)
        return EventRecord(
            origin=node.node_id,
            incarnation=node.incarnation,
            seq=(last or 0) + 1 + ahead,
            hlc=hlc + 1 + ahead,
            entity=entity,
            entity_id=entity_id,
            op=op,
            data=data,
            data_hash=data_hash(text),
        ).to_wire()

    def origins(self) -> set[str]:
        """The origins of the events held here."""
        with self.db.read() as session:
            return set(session.scalars(select(Event.origin).distinct()))

    def digest(self, entities: list[str] | None = None) -> str:
        with self.db.read() as session:
            return state_digest(session, entities)

    def snapshot(self) -> str:
        """A digest of everything a refusal must leave alone: state, events, node, sync tables."""
        with self.db.read() as session:
            parts = [state_digest(session), str(count_events(session))]
            for model in (Node, Peer, PendingBundle, ReceivedBundle, Quarantine):
                parts.append(repr(table_rows(session, model.__table__)))  # type: ignore[arg-type]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()


SiteFactory = Callable[..., Site]


def build_site(
    data_dir: Path,
    clock: FixedClock,
    *,
    role: str = "post",
    code: str = "GR-0014",
    name: str | None = None,
    training: bool = False,
    database: str | None = None,
    schema: Path | None = None,
) -> Site:
    """A freshly initialised node with its keys, in ``data_dir``; its database there, or at
    ``database`` (a PostgreSQL URL from the ``database_at`` fixture).

    ``schema``: a closed, empty SQLite database already migrated to the head, copied in as
    the node's file — many sites are made faster so than by migrating each one.
    """
    data_dir.mkdir(parents=True)
    if schema is not None and database is None:
        shutil.copyfile(schema, database_path(data_dir))
    db = open_database(database or database_path(data_dir))
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    initialise(
        db,
        clock,
        role=role,
        name=name or f"Punt {code}",
        code=code,
        catalogue=items,
        catalogue_version=version,
        training=training,
    )
    create_keys(db, data_dir)
    if database is not None:  # as 'noodpost init --database' keeps it, for 'hub serve'
        save_database_url(data_dir, database)
    return Site(data_dir, db, ServiceContext(db, clock), SyncService(db, clock, data_dir))


def introduce(post: Site, hub: Site, stick: Path) -> None:
    """The post's first bundle reaches the hub, which approves it (fingerprint compared)."""
    post.sync.export_usb(stick)
    hub.sync.import_usb(stick)
    hub.sync.approve_post(post.ctx.node.post_code, post.sync.fingerprint)


def raise_alarm(site: Site, persons: int = 2) -> str:
    """An alarm as the alarm service writes it (a lifecycle event)."""
    alarm_id = new_id()
    with site.ctx.write() as uow:
        uow.emit(
            "alarm",
            alarm_id,
            Op.CREATE,
            {
                "post_code": site.ctx.node.post_code,
                "type": "ambulance",
                "urgency": "immediate",
                "persons": persons,
                "location": "zaal 2",
            },
        )
    return alarm_id


def publish_bulletin(hub: Site, title: str, version: int = 1) -> str:
    """A hub-owned bulletin, as the hub's bulletin service writes it."""
    bulletin_id = new_id()
    with hub.ctx.write() as uow:
        uow.emit("bulletin", bulletin_id, Op.CREATE, {"title": title, "version": version})
    return bulletin_id


def party(site: Site) -> fmt.Party:
    """The site as a bundle header names its sender."""
    with site.db.read() as session:
        node = require_node(session)
        return fmt.Party(
            node_id=node.node_id,
            incarnation=node.incarnation,
            post_code=node.post_code,
            name=node.name,
            role=node.role,
            signing_public_key=site.sync.keys.signing_public_hex,
            encryption_public_key=site.sync.keys.encryption_public_hex,
        )


def craft(source: Site, target: Site, **overrides: Any) -> bytes:
    """A correctly signed bundle from ``source`` to ``target``, with chosen header values."""
    fields: dict[str, Any] = {
        "bundle_id": new_id(),
        "created_at": source.ctx.now_iso(),
        "training": source.ctx.node.training,
        "event_schema": EVENT_SCHEMA_VERSION,
        "sender": party(source),
        "recipient": target.node_id,
        "recipient_code": target.ctx.node.post_code,
        "recipient_encryption_key": target.sync.keys.encryption_public_hex,
        "events": [],
        "vector": {},
        "signing_key": source.sync.keys.signing,
    }
    fields.update(overrides)
    return fmt.encode(**fields)
