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

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from noodpost.core import hlc as hlc_mod
from noodpost.core.clock import Clock, iso, to_ms
from noodpost.core.entities import SPECS, InvalidEvent, Kind, Op, spec_for
from noodpost.core.events import EventRecord, canonical_json, data_hash
from noodpost.storage.models import Event, Node, Quarantine
from noodpost.storage.projection import (
    bulk_mode,
    load_events,
    project,
    roomy_cache,
    write_folded,
)

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
    session.flush()
    _insert(session, [(record, text)])
    project(session, [(entity, entity_id)])
    return record


#: Rows per ``executemany`` call.
BULK = 5_000
_EVENT_COLUMNS = (
    "origin, incarnation, seq, hlc, entity, entity_id, op, data, data_hash, schema_version, author"
)
_CHANGE_COLUMNS = "origin, incarnation, seq, entity, entity_id, status, hlc, author, note"
_STATUS_CHANGING = {name for name, spec in SPECS.items() if spec.kind is Kind.LIFECYCLE}


def _insert(session: Session, records: Sequence[tuple[EventRecord, str]]) -> None:
    """Insert events (each with its stored JSON text) and their status changes in bulk.

    Plain ``executemany`` on the session's connection: the event log is the hot path of an
    import, and the rows need no ORM.
    """
    if not records:
        return
    mark = "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"
    events = [
        (
            r.origin,
            r.incarnation,
            r.seq,
            r.hlc,
            r.entity,
            r.entity_id,
            r.op,
            text,
            r.data_hash,
            r.schema_version,
            r.author,
        )
        for r, text in records
    ]
    changes = [
        (
            r.origin,
            r.incarnation,
            r.seq,
            r.entity,
            r.entity_id,
            r.data.get("status") or SPECS[r.entity].initial,
            r.hlc,
            r.author,
            r.data.get("status_note"),
        )
        for r, _text in records
        if r.entity in _STATUS_CHANGING and r.op in (Op.CREATE, Op.STATUS)
    ]
    connection = session.connection()
    for rows, table, columns, width in (
        (events, "event", _EVENT_COLUMNS, 11),
        (changes, "status_change", _CHANGE_COLUMNS, 9),
    ):
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join([mark] * width)})"
        for start in range(0, len(rows), BULK):
            connection.exec_driver_sql(sql, rows[start : start + BULK])


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
    with roomy_cache(session), bulk_mode():
        return _apply_remote(session, node, clock, raw_events, bundle_id)


def _apply_remote(
    session: Session,
    node: Node,
    clock: Clock,
    raw_events: Iterable[Any],
    bundle_id: str | None,
) -> ApplyResult:
    result = ApplyResult()
    now = iso(clock.now())
    valid: dict[tuple[str, str, int], tuple[EventRecord, str]] = {}
    from_wire = EventRecord.from_wire
    for raw in raw_events:
        try:
            record = from_wire(raw)
        except InvalidEvent as bad:
            _hold(result, session, raw, str(bad), now, bundle_id)
            continue
        key = (record.origin, record.incarnation, record.seq)
        if key in valid:
            if valid[key][0].data_hash != record.data_hash:
                _hold(result, session, raw, CLASH, now, bundle_id)
            else:
                result.present += 1
            continue
        valid[key] = (record, raw["d"])  # the text its hash was checked against

    held = _held_hashes(session, list(valid))
    fresh: list[tuple[EventRecord, str]] = []
    # One fold per touched entity (below): the events held before this batch plus the fresh.
    touched: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    # The clock is merged as hlc.receive does, once per batch: a timestamp more than a day
    # ahead of our wall clock is stored but not adopted, and its origin is reported.
    limit = hlc_mod.pack(to_ms(clock.now()) + hlc_mod.MAX_AHEAD_MS + 1, 0)
    top = node.hlc
    for key, (record, text) in valid.items():
        digest = held.get(key)
        if digest is None:
            fresh.append((record, text))
            touched[record.entity][record.entity_id].append(record)
            if record.hlc >= limit:
                result.suspect_origins.add(record.origin)
            elif record.hlc > top:
                top = record.hlc
        elif digest == record.data_hash:
            result.present += 1
        else:
            _hold(result, session, record.to_wire(), CLASH, now, bundle_id)
    node.hlc = top

    session.flush()
    prior = {
        entity: load_events(session, entity, sorted(groups)) if _holds(session, entity) else {}
        for entity, groups in touched.items()
    }
    _insert(session, fresh)
    for entity, groups in touched.items():
        earlier = prior[entity]
        for entity_id, events in groups.items():
            if entity_id in earlier:
                events.extend(earlier[entity_id])
        write_folded(session, entity, sorted(groups), groups)
    result.applied = len(fresh)
    return result


def _holds(session: Session, entity: str) -> bool:
    """Whether any event of ``entity`` is held (an import into a new hub skips the lookups)."""
    return session.scalar(select(Event.seq).where(Event.entity == entity).limit(1)) is not None


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
            Quarantine.raw.in_((text, quarantine_stub(text))),  # kept, or emptied by retention
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


#: The key that marks a quarantined event emptied by retention (:func:`quarantine_stub`).
STUB_KEY = "geanonimiseerd"
#: What a stub keeps of the event: where it came from and what it was about, not its data.
_STUB_KEYS = ("o", "i", "s", "h", "e", "id", "op", "v")
_PLAIN = re.compile(r"[0-9a-f-]{1,40}|[a-z_]{1,40}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def quarantine_stub(text: str) -> str:
    """A quarantined event's text without its data, as retention leaves it.

    Keeps origin, sequence, entity and operation (short values only: the event failed
    validation, so they may be anything) and the SHA-256 of the full text, so the same event
    arriving again is still recognised as held. Deterministic, and a stub stays as it is.
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        document = None
    if not isinstance(document, dict):
        document = {}
    kept = {key: document[key] for key in _STUB_KEYS if _plain(document.get(key))}
    digest = document.get(STUB_KEY)
    if set(document) == {*kept, STUB_KEY} and isinstance(digest, str) and _HEX64.fullmatch(digest):
        return text  # a stub already (nothing else in it)
    kept[STUB_KEY] = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
    return json.dumps(kept, sort_keys=True)


def _plain(value: Any) -> bool:
    """An id, a number or a lower-case word: nothing a name or a note can hide in."""
    if isinstance(value, str):
        return _PLAIN.fullmatch(value) is not None
    return isinstance(value, int) and not isinstance(value, bool)


def quarantine_reason_stub(reason: str) -> str:
    """A quarantine reason without the values it quotes (a bad field's name or value)."""
    return _QUOTED.sub("…", reason)[:200]


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


def wire_events_after(
    session: Session, vector: Mapping[tuple[str, str], int], *, with_hash: bool = True
) -> list[dict[str, Any]]:
    """:func:`events_after` in wire form, straight from the rows (the stored data text is
    carried as is, never parsed and re-encoded). ``with_hash=False`` leaves out ``dh``, which
    a receiver of a bundle (format 2) computes from the data text itself."""
    streams = session.execute(select(Event.origin, Event.incarnation).distinct()).all()
    wire: list[dict[str, Any]] = []
    add = wire.append
    for origin, inc in sorted(streams):
        known = vector.get((origin, inc), 0)
        rows = session.execute(
            select(
                Event.seq,
                Event.hlc,
                Event.entity,
                Event.entity_id,
                Event.op,
                Event.data,
                Event.data_hash,
                Event.schema_version,
                Event.author,
            )
            .where(Event.origin == origin, Event.incarnation == inc, Event.seq > known)
            .order_by(Event.seq)
        )
        for seq, hlc, entity, entity_id, op, data, digest, version, author in rows:
            event = {
                "o": origin,
                "i": inc,
                "s": seq,
                "h": hlc,
                "e": entity,
                "id": entity_id,
                "op": op,
                "d": data,
                "v": version,
                "a": author,
            }
            if with_hash:
                event["dh"] = digest
            add(event)
    return wire


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
