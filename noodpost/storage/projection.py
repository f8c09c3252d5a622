"""State tables as a projection of the event log.

:func:`project` re-folds every entity an event touched from *all* of its events, with the
pure :func:`noodpost.core.fold.fold`, and writes the result. Because a fold depends only on
the set of events, projecting after each local write, after a remote bundle, or from scratch
gives the same rows — whatever order the events arrived in.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from noodpost.core.entities import SPECS, EntitySpec, Kind
from noodpost.core.fold import Folded, fold
from noodpost.storage.models import STATE_MODELS, Card, Event, State

CHUNK = 500

CARD_RESERVED = "reserved"
CARD_ACTIVE = "active"
CARD_REPLACED = "replaced"


@dataclass(frozen=True)
class StoredEvent:
    """An event row as the fold needs it (the stored JSON already parsed)."""

    origin: str
    incarnation: str
    seq: int
    hlc: int
    op: str
    data: dict[str, Any]
    entity_id: str


def _chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _load(session: Session, entity: str, ids: Sequence[str]) -> dict[str, list[StoredEvent]]:
    grouped: dict[str, list[StoredEvent]] = defaultdict(list)
    for part in _chunks(ids):
        rows = session.execute(
            select(
                Event.origin,
                Event.incarnation,
                Event.seq,
                Event.hlc,
                Event.op,
                Event.data,
                Event.entity_id,
            ).where(Event.entity == entity, Event.entity_id.in_(part))
        )
        for origin, inc, seq, hlc, op, data, entity_id in rows:
            grouped[entity_id].append(
                StoredEvent(origin, inc, seq, hlc, op, json.loads(data), entity_id)
            )
    return grouped


def _row(spec: EntitySpec, entity_id: str, state: Folded) -> dict[str, Any]:
    row: dict[str, Any] = {k: state.values.get(k) for k in spec.fields}
    row.update(
        id=entity_id,
        deleted=state.deleted,
        created_hlc=state.created_hlc,
        updated_hlc=state.updated_hlc,
        conflicts=list(state.conflicts) or None,
    )
    if spec.kind is Kind.LIFECYCLE:
        row.update(status=state.status, status_conflict=state.status_conflict)
    if spec.kind is Kind.HUB_OWNED:
        row["version"] = state.values.get("version", 1)
    return row


def project(session: Session, touched: Iterable[tuple[str, str]]) -> None:
    """Recompute the state rows of every ``(entity, entity_id)`` in ``touched``."""
    by_entity: dict[str, set[str]] = defaultdict(set)
    for entity, entity_id in touched:
        by_entity[entity].add(entity_id)
    for entity, id_set in by_entity.items():
        spec = SPECS[entity]
        model = STATE_MODELS[entity]
        ids = sorted(id_set)
        events = _load(session, entity, ids)
        existing = _existing_ids(session, model, ids)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        cards: list[dict[str, Any]] = []
        track = "card_code" if entity == "household" else None
        for entity_id in ids:
            state = fold(spec, events.get(entity_id, ()), track=track)
            if state is None:
                continue
            row = _row(spec, entity_id, state)
            (updates if entity_id in existing else inserts).append(row)
            if entity == "household":
                cards.extend(_household_cards(entity_id, state))
            elif entity == "card_batch":
                _reserve_cards(session, state)
        if updates:
            session.execute(update(model), updates)  # bulk UPDATE by primary key
        if inserts:
            session.execute(insert(model), inserts)
        if cards:
            _upsert_cards(session, cards)


def _existing_ids(session: Session, model: type[State], ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(ids):
        found.update(session.scalars(select(model.id).where(model.id.in_(part))))
    return found


def _household_cards(household_id: str, state: Folded) -> list[dict[str, Any]]:
    """A household's current card is active; every earlier code of it is replaced."""
    post_code = state.values["post_code"]
    current = state.values["card_code"]
    return [
        {
            "code": code,
            "post_code": post_code,
            "household_id": household_id,
            "status": CARD_ACTIVE if code == current else CARD_REPLACED,
        }
        for code in state.history
    ]


def _upsert_cards(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert card rows, or overwrite the household and status of codes already known."""
    dialect = session.get_bind().dialect.name
    upsert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    for part in range(0, len(rows), CHUNK):
        statement = upsert(Card).values(rows[part : part + CHUNK])
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[Card.code, Card.post_code],
                set_={
                    "household_id": statement.excluded.household_id,
                    "status": statement.excluded.status,
                },
            )
        )


def _reserve_cards(session: Session, state: Folded) -> None:
    """Blank cards are reserved unless a household already uses the code."""
    post_code = state.values["post_code"]
    codes = [c for c in state.values.get("codes") or () if isinstance(c, str)]
    known = set(
        session.scalars(select(Card.code).where(Card.post_code == post_code, Card.code.in_(codes)))
    )
    fresh = [
        {"code": c, "post_code": post_code, "household_id": None, "status": CARD_RESERVED}
        for c in codes
        if c not in known
    ]
    if fresh:
        session.execute(insert(Card), fresh)


def rebuild(session: Session) -> None:
    """Throw all state away and project it again from the event log (repair and tests)."""
    session.execute(delete(Card))
    for model in STATE_MODELS.values():
        session.execute(delete(model))
    for entity in SPECS:
        ids = list(
            session.scalars(select(Event.entity_id).where(Event.entity == entity).distinct())
        )
        for part in _chunks(ids):
            project(session, ((entity, i) for i in part))
