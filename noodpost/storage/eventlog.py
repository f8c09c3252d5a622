"""The event log: append local events, apply remote ones, and the version vector.

This module is the API sync builds on:

- :func:`append` — a service's write: the next ``seq`` and HLC of this node, the event row,
  and the projection, all in the caller's transaction.
- :func:`apply_remote` — events from another node: validate, skip what is present, quarantine
  key clashes, insert the rest in bulk, merge the clock, project — in the caller's transaction.
- :func:`version_vector` — per ``(origin, incarnation)`` the highest contiguous ``seq`` held.
- :func:`events_after` — the events a peer with a given vector does not have yet.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from noodpost.core import hlc as hlc_mod
from noodpost.core.clock import Clock, iso, to_ms
from noodpost.core.entities import SPECS, InvalidEvent, Kind, Op, spec_for
from noodpost.core.events import EventRecord, canonical_json, data_hash
from noodpost.storage.models import Event, Node, Quarantine, StatusChange
from noodpost.storage.projection import project

VersionVector = dict[tuple[str, str], int]

CLASH = "zelfde sleutel, andere inhoud (mogelijk een teruggezette kopie)"


def append(
    session: Session,
    node: Node,
    clock: Clock,
    entity: str,
    entity_id: str,
    op: Op,
    data: Mapping[str, Any],
    author: str | None,
) -> EventRecord:
    """Record one local change and project it. The caller's transaction commits both or neither.

    Raises:
        InvalidEvent: a programming error in the calling service (data outside the contract).
    """
    spec_for(entity).validate(op, data)
    node.hlc = hlc_mod.tick(node.hlc, to_ms(clock.now()))
    seq = node.next_seq
    node.next_seq = seq + 1
    text = canonical_json(data)
    record = EventRecord(
        origin=node.node_id,
        incarnation=node.incarnation,
        seq=seq,
        hlc=node.hlc,
        entity=entity,
        entity_id=entity_id,
        op=op.value,
        data=json.loads(text),
        data_hash=data_hash(text),
        author=author,
    )
    _insert(session, [record])
    session.flush()
    project(session, [(entity, entity_id)])
    return record


def _insert(session: Session, records: Sequence[EventRecord]) -> None:
    if not records:
        return
    session.execute(
        insert(Event),
        [
            {
                "origin": r.origin,
                "incarnation": r.incarnation,
                "seq": r.seq,
                "hlc": r.hlc,
                "entity": r.entity,
                "entity_id": r.entity_id,
                "op": r.op,
                "data": canonical_json(r.data),
                "data_hash": r.data_hash,
                "schema_version": r.schema_version,
                "author": r.author,
            }
            for r in records
        ],
    )
    changes = [
        {
            "origin": r.origin,
            "incarnation": r.incarnation,
            "seq": r.seq,
            "entity": r.entity,
            "entity_id": r.entity_id,
            "status": r.data.get("status") or spec_for(r.entity).initial,
            "hlc": r.hlc,
            "author": r.author,
            "note": r.data.get("status_note"),
        }
        for r in records
        if SPECS[r.entity].kind is Kind.LIFECYCLE and r.op in (Op.CREATE, Op.STATUS)
    ]
    if changes:
        session.execute(insert(StatusChange), changes)


@dataclass
class ApplyResult:
    """What happened to a batch of remote events."""

    applied: int = 0
    present: int = 0
    quarantined: int = 0
    suspect_origins: set[str] = field(default_factory=set)  # clocks more than a day ahead
    reasons: list[str] = field(default_factory=list)


def apply_remote(
    session: Session,
    node: Node,
    clock: Clock,
    raw_events: Iterable[Any],
    *,
    bundle_id: str | None = None,
) -> ApplyResult:
    """Apply events from another node (wire form, see :meth:`EventRecord.from_wire`).

    Valid new events are inserted and projected; an event already held with the same hash is
    skipped; one whose key is held with a different hash, or that fails validation, goes to
    quarantine with its reason. All within the caller's transaction.
    """
    result = ApplyResult()
    now = iso(clock.now())
    valid: dict[tuple[str, str, int], EventRecord] = {}
    for raw in raw_events:
        try:
            record = EventRecord.from_wire(raw)
        except InvalidEvent as bad:
            _hold(result, session, raw, str(bad), now, bundle_id)
            continue
        if record.key in valid:
            if valid[record.key].data_hash != record.data_hash:
                _hold(result, session, raw, CLASH, now, bundle_id)
            else:
                result.present += 1
            continue
        valid[record.key] = record

    held = _held_hashes(session, list(valid))
    fresh: list[EventRecord] = []
    for key, record in valid.items():
        if key not in held:
            fresh.append(record)
        elif held[key] == record.data_hash:
            result.present += 1
        else:
            _hold(result, session, record.to_wire(), CLASH, now, bundle_id)

    wall = to_ms(clock.now())
    for record in fresh:
        merged = hlc_mod.receive(node.hlc, record.hlc, wall)
        node.hlc = merged.hlc
        if merged.suspect:
            result.suspect_origins.add(record.origin)
    _insert(session, fresh)
    session.flush()
    project(session, {(r.entity, r.entity_id) for r in fresh})
    result.applied = len(fresh)
    return result


def _hold(
    result: ApplyResult,
    session: Session,
    raw: Any,
    reason: str,
    now: str,
    bundle_id: str | None,
) -> None:
    """Quarantine ``raw`` and count it — or count it present when it is held already."""
    if _quarantine(session, raw, reason, now, bundle_id):
        result.quarantined += 1
        result.reasons.append(reason)
    else:
        result.present += 1


def _quarantine(session: Session, raw: Any, reason: str, now: str, bundle_id: str | None) -> bool:
    """Keep ``raw`` with its reason — once: a cumulative bundle brings the same event again.

    Returns:
        False when exactly this event was held in quarantine already.
    """

    def pick(key: str, kind: type, default: Any) -> Any:
        value = raw.get(key) if isinstance(raw, dict) else None
        return value if isinstance(value, kind) and not isinstance(value, bool) else default

    try:
        text = json.dumps(raw, sort_keys=True, default=str)
    except (TypeError, ValueError):
        text = repr(raw)
    origin = str(pick("o", str, "?"))[:36]
    incarnation = str(pick("i", str, "?"))[:16]
    seq = pick("s", int, 0)
    held = session.scalar(
        select(Quarantine.id).where(
            Quarantine.origin == origin,
            Quarantine.incarnation == incarnation,
            Quarantine.seq == seq,
            Quarantine.raw == text,
        )
    )
    if held is not None:
        return False
    session.add(
        Quarantine(
            origin=origin,
            incarnation=incarnation,
            seq=seq,
            raw=text,
            reason=reason,
            received_at=now,
            bundle_id=bundle_id,
        )
    )
    return True


def _held_hashes(
    session: Session, keys: Sequence[tuple[str, str, int]]
) -> dict[tuple[str, str, int], str]:
    held: dict[tuple[str, str, int], str] = {}
    by_stream: dict[tuple[str, str], list[int]] = defaultdict(list)
    for origin, inc, seq in keys:
        by_stream[(origin, inc)].append(seq)
    for (origin, inc), seqs in by_stream.items():
        low, high = min(seqs), max(seqs)
        rows = session.execute(
            select(Event.seq, Event.data_hash).where(
                Event.origin == origin,
                Event.incarnation == inc,
                Event.seq.between(low, high),
            )
        )
        for seq, digest in rows:
            held[(origin, inc, seq)] = digest
    return held


def version_vector(session: Session) -> VersionVector:
    """Per ``(origin, incarnation)``: the highest ``seq`` up to which nothing is missing.

    An event held in quarantine counts as held: it is kept for review, and acknowledging it
    stops the sender from carrying a poison event in every bundle for ever.
    """
    quarantined: dict[tuple[str, str], set[int]] = defaultdict(set)
    for origin, inc, seq in session.execute(
        select(Quarantine.origin, Quarantine.incarnation, Quarantine.seq).where(Quarantine.seq > 0)
    ):
        quarantined[(origin, inc)].add(seq)
    vector: VersionVector = {}
    rows = session.execute(
        select(Event.origin, Event.incarnation, func.max(Event.seq), func.count()).group_by(
            Event.origin, Event.incarnation
        )
    )
    for origin, inc, high, count in rows:
        if high == count and not quarantined.get((origin, inc)):
            vector[(origin, inc)] = high
            continue
        seqs = set(
            session.scalars(
                select(Event.seq).where(Event.origin == origin, Event.incarnation == inc)
            )
        )
        vector[(origin, inc)] = _contiguous(seqs | quarantined.pop((origin, inc), set()))
    for stream, seqs in quarantined.items():
        if stream not in vector and _contiguous(seqs):
            vector[stream] = _contiguous(seqs)
    return vector


def _contiguous(seqs: set[int]) -> int:
    contiguous = 0
    while contiguous + 1 in seqs:
        contiguous += 1
    return contiguous


def events_after(session: Session, vector: Mapping[tuple[str, str], int]) -> Iterator[Event]:
    """Every held event the holder of ``vector`` lacks, ordered by stream and seq."""
    streams = session.execute(select(Event.origin, Event.incarnation).distinct()).all()
    for origin, inc in sorted(streams):
        known = vector.get((origin, inc), 0)
        yield from session.scalars(
            select(Event)
            .where(Event.origin == origin, Event.incarnation == inc, Event.seq > known)
            .order_by(Event.seq)
        )


def count_events(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Event)) or 0


def to_record(row: Event) -> EventRecord:
    return EventRecord(
        origin=row.origin,
        incarnation=row.incarnation,
        seq=row.seq,
        hlc=row.hlc,
        entity=row.entity,
        entity_id=row.entity_id,
        op=row.op,
        data=json.loads(row.data),
        data_hash=row.data_hash,
        schema_version=row.schema_version,
        author=row.author,
    )
