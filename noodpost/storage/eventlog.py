"""The event log: append local events, apply remote ones, and the version vector.

This module is the API sync builds on:

- :func:`append` — a service's write: the next ``seq`` and HLC of this node, the event row,
  and the projection, all in the caller's transaction.
- :func:`apply_remote` — events from another node: validate, skip what is present, quarantine
  key clashes, insert the rest in bulk, merge the clock, project — in the caller's transaction.

Which events a peer lacks, and what a node holds of each stream, is :mod:`.streams`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from noodpost.core import hlc as hlc_mod
from noodpost.core.authority import (
    RULES,
    Origin,
    audience,
    is_secret,
    refusal,
    secret_refusal,
)
from noodpost.core.clock import Clock, iso, to_ms
from noodpost.core.entities import SPECS, InvalidEvent, Kind, Op, spec_for
from noodpost.core.errors import Refused
from noodpost.core.events import EventRecord, canonical_json, data_hash
from noodpost.core.i18n import translate
from noodpost.storage.dialect import placeholder
from noodpost.storage.models import Event, Node, Peer, Quarantine
from noodpost.storage.owners import OwnerBook
from noodpost.storage.projection import (
    bulk_mode,
    load_events,
    project,
    roomy_cache,
    write_folded,
)
from noodpost.storage.quarantine import (
    AWAITING,
    REFUSED_PREFIX,
    WaitingRoom,
    keep,
    quarantine_stub,
)

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
        Refused: this node may not write it (DESIGN §3.8: the same check as a remote event).
    """
    spec_for(entity).validate(op, data)
    me = Origin(node.role, node.post_code)
    probe = EventRecord(node.node_id, node.incarnation, 1, 1, entity, entity_id, op, data, "")
    owner = OwnerBook(session).owner(probe)
    why = (
        translate("EventLog", "onbekend bij welke post dit hoort")
        if owner is None
        else refusal(entity, op, data, owner, me, entity_id=entity_id, local=True)
    )
    if owner is None or why is not None:
        raise Refused(_not_allowed(node).format(why=why))
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
    _insert(session, [Stored(record, text, audience(entity, owner, me))])
    project(session, [(entity, entity_id)])
    return record


def _not_allowed(node: Node) -> str:
    """The refusal of a local write, with a ``{why}`` field (authority's reason, in Dutch)."""
    if node.role == "hub":
        return translate("EventLog", "Dit mag deze C-NSP niet: {why}.")
    return translate("EventLog", "Dit mag deze post niet: {why}.")


class Stored(NamedTuple):
    """An event as it is inserted: the record, its JSON text, and who may hold it."""

    record: EventRecord
    text: str
    audience: str


#: Rows per ``executemany`` call.
BULK = 5_000
#: The event table's columns: a record's fields in their order (the data as its text), then
#: who may hold it.
_EVENT_COLUMNS = ", ".join((*EventRecord._fields, "audience", "secret"))
_CHANGE_COLUMNS = "origin, incarnation, seq, entity, entity_id, status, hlc, author, note"
_STATUS_CHANGING = {name for name, spec in SPECS.items() if spec.kind is Kind.LIFECYCLE}


def _insert(session: Session, records: Sequence[Stored]) -> None:
    """Insert events (each with its stored JSON text) and their status changes in bulk.

    Plain ``executemany`` on the session's connection: the event log is the hot path of an
    import, and the rows need no ORM.
    """
    if not records:
        return
    mark = placeholder(session.get_bind())
    # A record is a named tuple in the column order; its data is stored as the text it came as.
    events = [
        (*r[:7], text, *r[8:], audience, is_secret(r.entity, r.data))
        for r, text, audience in records
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
        for r, _text, _audience in records
        if r.entity in _STATUS_CHANGING and r.op in (Op.CREATE, Op.STATUS)
    ]
    connection = session.connection()
    for rows, table, columns, width in (
        (events, "event", _EVENT_COLUMNS, 13),
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
    refused: int = 0  # of the quarantined: against write authority or stream (DESIGN §3.8)
    changed: frozenset[str] = frozenset()  # the kinds of entity applied events touched
    suspect_origins: set[str] = field(default_factory=set)  # clocks more than a day ahead
    reasons: list[str] = field(default_factory=list)
    # Waiting for their record, but no room to wait (:class:`WaitingRoom`): neither kept nor
    # acknowledged, so the sender brings them again. (origin, incarnation, seq).
    turned_away: list[tuple[str, str, int]] = field(default_factory=list)


def apply_remote(
    session: Session,
    node: Node,
    clock: Clock,
    raw_events: Iterable[Any],
    *,
    origins: Mapping[str, Origin],
    bundle_id: str | None = None,
) -> ApplyResult:
    """Apply events from another node (wire form, see :meth:`EventRecord.from_wire`).

    Valid new events are inserted and projected; an event already held with the same hash is
    skipped; one whose key is held with a different hash, or that fails validation, goes to
    quarantine with its reason. All within the caller's transaction.

    Args:
        origins: the streams this sender may bring, each with what this node knows of the
            node that made it (its approved role and post). An event of any other origin, or
            one its origin may not write (:func:`noodpost.core.authority.refusal`), is
            quarantined with the reason and never applied.
    """
    with roomy_cache(session), bulk_mode():
        return _apply_remote(session, node, clock, raw_events, origins, bundle_id)


def _apply_remote(
    session: Session,
    node: Node,
    clock: Clock,
    raw_events: Iterable[Any],
    origins: Mapping[str, Origin],
    bundle_id: str | None,
) -> ApplyResult:
    result = ApplyResult()
    now = iso(clock.now())
    valid: dict[tuple[str, str, int], tuple[EventRecord, str]] = {}
    from_wire = EventRecord.from_wire
    me = Receiver(node.node_id, node.incarnation, node.post_code, _past_incarnations(session, node))
    for raw in raw_events:
        try:
            record = from_wire(raw)
        except InvalidEvent as bad:
            ours = _carried(raw, origins, me)
            _hold(result, session, raw, str(bad), now, bundle_id, keep_data=ours, counts=ours)
            continue
        key = (record.origin, record.incarnation, record.seq)
        if key in valid:
            if valid[key][0].data_hash != record.data_hash:
                ours = _carried(raw, origins, me)
                _hold(result, session, raw, CLASH, now, bundle_id, keep_data=ours, counts=ours)
            else:
                result.present += 1
            continue
        valid[key] = (record, raw["d"])  # the text its hash was checked against

    held = _held_hashes(session, list(valid))
    new: list[tuple[EventRecord, str]] = []
    for key, (record, text) in valid.items():
        digest = held.get(key)
        if digest is None:
            new.append((record, text))
        elif digest == record.data_hash:
            result.present += 1
        else:
            _hold(result, session, record.to_wire(), CLASH, now, bundle_id)
    fresh = _authorised(session, result, new, origins, now, bundle_id, me)

    # One fold per touched entity (below): the events held before this batch plus the fresh.
    touched: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    # The clock is merged once per batch: a timestamp at or past the adoption limit (a day
    # ahead of our wall clock) is stored but not adopted, and its origin is reported.
    limit = hlc_mod.adoption_limit(to_ms(clock.now()))
    top = node.hlc
    for stored in fresh:
        record = stored.record
        touched[record.entity][record.entity_id].append(record)
        if record.hlc >= limit:
            result.suspect_origins.add(record.origin)
        elif record.hlc > top:
            top = record.hlc

    session.flush()
    prior = {
        entity: load_events(session, entity, sorted(groups)) if _holds(session, entity) else {}
        for entity, groups in touched.items()
    }
    _insert(session, fresh)
    for entity, groups in touched.items():
        earlier = prior[entity]
        if earlier:
            for entity_id, events in groups.items():
                if entity_id in earlier:
                    events.extend(earlier[entity_id])
        write_folded(session, entity, list(groups), groups)  # folded in the order they came
    merge_clock(session, node, top)
    result.applied = len(fresh)
    result.changed = frozenset(touched)
    return result


def merge_clock(session: Session, node: Node, top: int) -> None:
    """Raise this node's HLC to ``top`` (never lower it), in one statement on its current
    value: imports running at once in other hub processes may have raised it further
    (:mod:`.concurrency`). The row stays locked until the transaction ends, so this comes
    last in an import."""
    if top <= node.hlc:
        return
    session.execute(
        update(Node)
        .where(Node.id == node.id, Node.hlc < top)
        .values(hlc=top)
        .execution_options(synchronize_session=False)
    )
    set_committed_value(node, "hlc", top)


def _authorised(
    session: Session,
    result: ApplyResult,
    new: list[tuple[EventRecord, str]],
    origins: Mapping[str, Origin],
    now: str,
    bundle_id: str | None,
    me: Receiver,
) -> list[Stored]:
    """The new events their origins may write (DESIGN §3.8); the rest to quarantine.

    Events that create an entity are judged first, so an edit judged later in the same batch
    (another stream's, say) knows whose entity it is — but only from a create that passed. An
    edit of an entity not held yet waits (:data:`AWAITING`) and is judged again once events
    arrive, so the order events arrive in never changes what is applied.
    """
    book = OwnerBook(session)
    book.prefetch(record for record, _text in new)

    # Creates first — those that name their post before those whose post is another entity's
    # (a person's household) — then edits; each group in the order it came.
    named: list[int] = []
    via: list[int] = []
    edits: list[int] = []
    for index, (record, _text) in enumerate(new):
        if record.op != Op.CREATE:
            edits.append(index)
        elif (rule := RULES.get(record.entity)) is not None and rule.via is not None:
            via.append(index)
        else:
            named.append(index)
    audiences: list[str | None] = [None] * len(new)
    waiting: set[tuple[str, str, int]] = set()
    room = WaitingRoom(session)
    for index in chain(named, via, edits):
        record = new[index][0]
        origin = origins.get(record.origin)
        owner = book.owner(record) if origin is not None else None
        why = _why_not(book, record, owner, origin, me)
        if why is None and owner is not None and origin is not None:
            book.learn(record, owner)
            audiences[index] = audience(record.entity, owner, origin)
            continue
        reason = REFUSED_PREFIX + why if why is not None else AWAITING
        if why is None:
            if not room.admits(record.key):
                result.turned_away.append(record.key)
                continue
            waiting.add(record.key)
        before = result.quarantined
        # A refused event is never applied: only what the coordinator needs to see is kept
        # (whose, what, why), never its data — another post's people included. Only in a
        # stream this sender carries does it count as held (acknowledged, so not sent again).
        wire = record.to_wire()
        counts = _carried(wire, origins, me)
        _hold(
            result,
            session,
            wire,
            reason,
            now,
            bundle_id,
            keep_data=why is None,
            counts=counts,
        )
        if result.quarantined > before and why is not None:
            result.refused += 1
    # Stored in the order they came, not the order judged: a million events are inserted
    # walking the bundle's memory once, not jumping about it (SQLite then runs at raw speed).
    accepted = [
        Stored(record, text, to)
        for (record, text), to in zip(new, audiences, strict=True)
        if to is not None
    ]
    if accepted:
        released = _released(session, book, origins, accepted, me)
        for stored in released:
            if stored.record.key in waiting:  # held and released by this same batch
                result.quarantined -= 1
                result.reasons.remove(AWAITING)
        accepted += released
    return accepted


def _released(
    session: Session,
    book: OwnerBook,
    origins: Mapping[str, Origin],
    applied: Sequence[Stored],
    me: Receiver,
) -> list[Stored]:
    """Waiting events whose entity is known now: applied when allowed, else refused."""
    rows = list(session.scalars(select(Quarantine).where(Quarantine.reason == AWAITING)))
    if not rows:
        return []
    accepted = {stored.record.key for stored in applied}
    known = dict(_known_origins(session))
    known.update(origins)
    released: list[Stored] = []
    waiting: list[tuple[Quarantine, EventRecord, str]] = []
    for row in rows:
        try:
            raw = json.loads(row.raw)
            record = EventRecord.from_wire(raw)
        except (ValueError, InvalidEvent):
            continue  # emptied by retention: it waits for nothing any more
        if record.key in accepted:
            session.delete(row)  # it came again, and was applied this time
        else:
            waiting.append((row, record, raw["d"]))
    progress = True
    while progress and waiting:
        progress = False
        for item in list(waiting):
            row, record, text = item
            owner = book.owner(record)
            origin = known.get(record.origin)
            if owner is None or origin is None:
                continue
            waiting.remove(item)
            progress = True
            why = _why_not(book, record, owner, origin, me)
            if why is not None:
                row.reason = REFUSED_PREFIX + why
                row.raw = quarantine_stub(row.raw)
                continue
            book.learn(record, owner)
            released.append(Stored(record, text, audience(record.entity, owner, origin)))
            session.delete(row)
    return _not_logged(session, released)


def _not_logged(session: Session, released: list[Stored]) -> list[Stored]:
    """Released events that are not in the event log already, each once. On a PostgreSQL hub
    another post's import may have released and logged the same waiting event a moment ago
    (its quarantine row is deleted here all the same): inserting it again would fail the
    whole import on the event's key, try after try."""
    if not released:
        return released
    logged = _held_hashes(session, [stored.record.key for stored in released])
    seen: set[tuple[str, str, int]] = set()
    kept: list[Stored] = []
    for stored in released:
        key = stored.record.key
        if key in logged or key in seen:
            continue
        seen.add(key)
        kept.append(stored)
    return kept


def _known_origins(session: Session) -> Iterator[tuple[str, Origin]]:
    """This node and its approved peers, as this node knows them."""
    for node in session.scalars(select(Node)):
        yield node.node_id, Origin(node.role, node.post_code)
    for peer in session.scalars(select(Peer).where(Peer.approved.is_(True))):
        yield peer.node_id, Origin(peer.role, peer.post_code)


def _carried(raw: Any, origins: Mapping[str, Origin], me: Receiver) -> bool:
    """Whether ``raw`` claims a stream this sender may carry (and not this node's own current
    one): only then may holding it in quarantine acknowledge its seq. Otherwise anybody could
    make a node acknowledge — and so never receive — events of a stream it does not send."""
    if not isinstance(raw, dict):
        return False
    origin, incarnation = raw.get("o"), raw.get("i")
    if not isinstance(origin, str) or origin not in origins:
        return False
    return not (origin == me.node_id and incarnation == me.incarnation)


class Receiver(NamedTuple):
    """The node judging an import, read once per batch (not once per event).

    Attributes:
        past: the earlier incarnations of this node that it holds events of: the only ones of
            its own stream a relay may bring back (after a restore), never an invented one.
    """

    node_id: str
    incarnation: str
    post_code: str
    past: frozenset[str]


def _past_incarnations(session: Session, node: Node) -> frozenset[str]:
    query = select(Event.incarnation).where(Event.origin == node.node_id).distinct()
    return frozenset(session.scalars(query)) - {node.incarnation}


def _why_not(
    book: OwnerBook, record: EventRecord, owner: str | None, origin: Origin | None, me: Receiver
) -> str | None:
    """Why an event may not be applied here (Dutch); ``None`` also when it has to wait."""
    if origin is None:
        return "gegevens van een ander knooppunt, die deze afzender niet mag doorgeven"
    if record.origin == me.node_id and record.incarnation not in me.past:
        if record.incarnation == me.incarnation:
            return "wat deze inrichting zelf schrijft, komt nooit van een ander knooppunt"
        return "een eerdere inrichting van deze laptop die hier nooit bestond"
    if owner is None:  # it waits — but a secret from elsewhere is not kept even to wait
        return (
            secret_refusal(origin, me.post_code) if is_secret(record.entity, record.data) else None
        )
    why = refusal(
        record.entity,
        record.op,
        record.data,
        owner,
        origin,
        entity_id=record.entity_id,
        receiver=me.post_code,
    )
    if why is None and (name := book.foreign_reference(record, owner)):
        why = f"{name} verwijst naar gegevens van een andere post"
    return why


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
    *,
    keep_data: bool = True,
    counts: bool = True,
) -> None:
    """Quarantine ``raw`` and count it — or count it present when it is held already.
    Without ``counts`` it is kept under seq 0: it acknowledges nothing (:func:`_carried`)."""
    if keep(session, raw, reason, now, bundle_id, keep_data=keep_data, counts=counts):
        result.quarantined += 1
        result.reasons.append(reason)
    else:
        result.present += 1


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
