"""State tables as a projection of the event log.

:func:`project` re-folds every entity an event touched from *all* of its events, with the
pure :func:`noodpost.core.fold.fold`, and writes the result. Because a fold depends only on
the set of events, projecting after each local write, after a remote bundle, or from scratch
gives the same rows — whatever order the events arrived in.
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from noodpost.core.entities import SPECS, EntitySpec, Kind
from noodpost.core.fold import EventLike, Folded, fold
from noodpost.storage import dialect
from noodpost.storage.dialect import bind_processor, placeholder, value_mark
from noodpost.storage.models import STATE_MODELS, Card, Event, State

CHUNK = 500
#: Rows per executemany call, and ids per page when rebuilding.
BULK = 5_000
PAGE = 20_000
#: SQLite page cache (KiB) during a bulk import or rebuild; see :func:`roomy_cache`.
BULK_CACHE_KIB = 1024 * 1024

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


def load_events(session: Session, entity: str, ids: Sequence[str]) -> dict[str, list[StoredEvent]]:
    """The held events of each of ``ids`` (stored JSON parsed), grouped by entity id."""
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


def project(session: Session, touched: Iterable[tuple[str, str]]) -> None:
    """Recompute the state rows of every ``(entity, entity_id)`` in ``touched``."""
    by_entity: dict[str, set[str]] = defaultdict(set)
    for entity, entity_id in touched:
        by_entity[entity].add(entity_id)
    for entity, id_set in by_entity.items():
        ids = sorted(id_set)
        write_folded(session, entity, ids, load_events(session, entity, ids))


def write_folded(
    session: Session,
    entity: str,
    ids: Sequence[str],
    events: Mapping[str, Sequence[EventLike]],
) -> None:
    """Fold each of ``ids`` from *all* its events (``events[id]``) and upsert the state rows.

    One statement per table for the whole batch (``executemany``), so a bundle of a million
    events costs one fold per entity it touched and a few bulk writes.
    """
    spec = SPECS[entity]
    writer = _writer(session, STATE_MODELS[entity])
    rows: list[tuple[Any, ...]] = []
    cards: list[tuple[Any, ...]] = []
    track = "card_code" if entity == "household" else None
    empty: tuple[EventLike, ...] = ()
    for entity_id in ids:
        state = fold(spec, events.get(entity_id, empty), track=track)
        if state is None:
            continue
        rows.append(writer.row(spec, entity_id, state))
        if entity == "household":
            cards.extend(_household_cards(entity_id, state))
        elif entity == "card_batch":
            _reserve_cards(session, state)
    rows.sort(key=itemgetter(writer.i_id))  # the primary key's order: appended, not inserted
    writer.write(session, rows)
    if cards:
        cards.sort(key=itemgetter(2, 0))  # by household, then code: the same on every node
        _upsert_cards(session, cards)


@contextmanager
def bulk_mode() -> Iterator[None]:
    """No cyclic garbage collection during a bulk import: a million events are millions of
    small acyclic objects, and every collection would walk them all again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    """A larger SQLite page cache for one bulk operation, then the connection's own again.

    With SQLite's default (2 MiB) a million events thrash the cache: every insert into the
    random-UUID indexes reads and spills pages through the OS, and a bulk import becomes
    I/O-bound. :data:`BULK_CACHE_KIB` keeps the hot index pages in memory for the operation
    only, so the GUI's memory stays small the rest of the time.
    """
    with dialect.roomy_cache(session.connection(), BULK_CACHE_KIB):
        yield


class _Writer:
    """Upserts rows of one state table with one ``executemany`` (SQLite and PostgreSQL)."""

    def __init__(self, session: Session, model: type[State]) -> None:
        table: Table = model.__table__  # type: ignore[assignment]
        dialect = session.get_bind().dialect
        self.columns = [c.name for c in table.columns]
        self.at = {name: i for i, name in enumerate(self.columns)}
        self.i_id, self.i_deleted = self.at["id"], self.at["deleted"]
        self.i_created, self.i_updated = self.at["created_hlc"], self.at["updated_hlc"]
        self.i_conflicts = self.at["conflicts"]
        processors = [bind_processor(c, dialect) for c in table.columns]
        self.processors = [
            (i, p, p(None)) for i, p in enumerate(processors) if p is not None
        ]  # (column, bind processor, what it makes of None: most JSON values are empty)
        names = ", ".join(self.columns)
        marks = ", ".join(value_mark(c, dialect) for c in table.columns)
        updates = ", ".join(f"{c} = excluded.{c}" for c in self.columns if c != "id")
        self.sql = (
            f"INSERT INTO {table.name} ({names}) VALUES ({marks}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )

    def row(self, spec: EntitySpec, entity_id: str, state: Folded) -> tuple[Any, ...]:
        """The state row of one entity, as a tuple in column order (the hot path)."""
        values = state.values
        row = [values.get(c) for c in self.columns]
        row[self.i_id] = entity_id
        row[self.i_deleted] = state.deleted
        row[self.i_created] = state.created_hlc
        row[self.i_updated] = state.updated_hlc
        row[self.i_conflicts] = list(state.conflicts) or None
        if spec.kind is Kind.LIFECYCLE:
            row[self.at["status"]] = state.status
            row[self.at["status_conflict"]] = state.status_conflict
        elif spec.kind is Kind.HUB_OWNED:
            row[self.at["version"]] = values.get("version", 1)
        for index, process, empty in self.processors:  # JSON text, booleans: as bound by SQLAlchemy
            value = row[index]
            row[index] = empty if value is None else process(value)
        return tuple(row)

    def write(self, session: Session, rows: list[tuple[Any, ...]]) -> None:
        for start in range(0, len(rows), BULK):
            session.connection().exec_driver_sql(self.sql, rows[start : start + BULK])


def _writer(session: Session, model: type[State]) -> _Writer:
    key = (session.get_bind().dialect.name, model.__tablename__)
    writer = _WRITERS.get(key)
    if writer is None:
        writer = _WRITERS[key] = _Writer(session, model)
    return writer


_WRITERS: dict[tuple[str, str], _Writer] = {}


def _household_cards(household_id: str, state: Folded) -> list[tuple[Any, ...]]:
    """A household's current card is active; every earlier code of it is replaced."""
    post_code = state.values["post_code"]
    current = state.values["card_code"]
    return [
        (code, post_code, household_id, CARD_ACTIVE if code == current else CARD_REPLACED)
        for code in state.history
    ]


def _upsert_cards(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """Insert card rows, or overwrite the household and status of codes already known."""
    mark = placeholder(session.get_bind())
    sql = (
        f"INSERT INTO card (code, post_code, household_id, status) "
        f"VALUES ({mark}, {mark}, {mark}, {mark}) ON CONFLICT (code, post_code) DO UPDATE SET "
        "household_id = excluded.household_id, status = excluded.status"
    )
    for start in range(0, len(rows), BULK):
        session.connection().exec_driver_sql(sql, rows[start : start + BULK])


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
    """Throw all state away and project it again from the event log (repair and tests).

    Entity by entity, in pages of ids read from the ``(entity, entity_id)`` index: each page's
    events are read with one range query and written with one bulk upsert per table.
    """
    with roomy_cache(session), bulk_mode():
        _rebuild(session)


def _rebuild(session: Session) -> None:
    session.execute(delete(Card))
    for model in STATE_MODELS.values():
        session.execute(delete(model))
    for entity in SPECS:
        after = ""
        while True:
            ids = list(
                session.scalars(
                    select(Event.entity_id)
                    .where(Event.entity == entity, Event.entity_id > after)
                    .distinct()
                    .order_by(Event.entity_id)
                    .limit(PAGE)
                )
            )
            if not ids:
                break
            write_folded(session, entity, ids, _load_range(session, entity, ids[0], ids[-1]))
            after = ids[-1]


def _load_range(
    session: Session, entity: str, first: str, last: str
) -> dict[str, list[StoredEvent]]:
    grouped: dict[str, list[StoredEvent]] = defaultdict(list)
    rows = session.execute(
        select(
            Event.origin,
            Event.incarnation,
            Event.seq,
            Event.hlc,
            Event.op,
            Event.data,
            Event.entity_id,
        ).where(Event.entity == entity, Event.entity_id.between(first, last))
    )
    loads = json.loads
    for origin, inc, seq, hlc, op, data, entity_id in rows:
        grouped[entity_id].append(StoredEvent(origin, inc, seq, hlc, op, loads(data), entity_id))
    return grouped
