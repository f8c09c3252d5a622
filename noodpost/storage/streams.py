"""Streams: what a node holds of each origin's stream, and what a peer lacks (DESIGN §3.8).

- :func:`version_vector` — per ``(origin, incarnation)`` the highest contiguous ``seq`` held
  (quarantined and covered seqs count as held);
- :func:`record_coverage` — the ranges a sender covered for this node (filtered by scope);
- :func:`events_after` / :func:`wire_events_after` — the events a peer with a given vector
  does not have yet, within a :data:`Scope`, and :func:`coverage_for` the ranges they cover.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from noodpost.storage.models import Coverage, Event, Quarantine

VersionVector = dict[tuple[str, str], int]


def version_vector(session: Session) -> VersionVector:
    """Per ``(origin, incarnation)``: the highest ``seq`` up to which nothing is missing.

    An event held in quarantine counts as held: it is kept for review, and acknowledging it
    stops the sender from carrying a poison event in every bundle for ever. A seq a trusted
    sender *covered* (:func:`record_coverage`: it was not for this node) counts as held too.
    """
    quarantined: dict[tuple[str, str], set[int]] = defaultdict(set)
    for origin, inc, seq in session.execute(
        select(Quarantine.origin, Quarantine.incarnation, Quarantine.seq).where(Quarantine.seq > 0)
    ):
        quarantined[(origin, inc)].add(seq)
    covered: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for origin, inc, low, high in session.execute(
        select(Coverage.origin, Coverage.incarnation, Coverage.low, Coverage.high).order_by(
            Coverage.low
        )
    ):
        covered[(origin, inc)].append((low, high))
    vector: VersionVector = {}
    rows = session.execute(
        select(Event.origin, Event.incarnation, func.max(Event.seq), func.count()).group_by(
            Event.origin, Event.incarnation
        )
    )
    for origin, inc, high, count in rows:
        stream = (origin, inc)
        if high == count and not quarantined.get(stream):
            vector[stream] = high
        else:
            seqs = set(
                session.scalars(
                    select(Event.seq).where(Event.origin == origin, Event.incarnation == inc)
                )
            )
            vector[stream] = _contiguous(seqs | quarantined.pop(stream, set()))
        if stream in covered:
            vector[stream] = _beyond_covered(session, stream, vector[stream], covered.pop(stream))
    for stream, seqs in quarantined.items():
        if stream not in vector and _contiguous(seqs):
            vector[stream] = _contiguous(seqs)
    for stream, ranges in covered.items():
        reach = _beyond_covered(session, stream, vector.get(stream, 0), ranges)
        if reach:
            vector[stream] = reach
    return vector


def _contiguous(seqs: set[int], start: int = 0) -> int:
    contiguous = start
    while contiguous + 1 in seqs:
        contiguous += 1
    return contiguous


def _beyond_covered(
    session: Session, stream: tuple[str, str], reach: int, ranges: list[tuple[int, int]]
) -> int:
    """Extend a contiguous ``reach`` by covered ranges and the events held after each."""
    origin, inc = stream
    for low, high in ranges:  # sorted by low
        if low > reach + 1:
            break
        if high <= reach:
            continue
        held = set(
            session.scalars(
                select(Event.seq).where(
                    Event.origin == origin, Event.incarnation == inc, Event.seq > high
                )
            )
        )
        held |= set(
            session.scalars(
                select(Quarantine.seq).where(
                    Quarantine.origin == origin,
                    Quarantine.incarnation == inc,
                    Quarantine.seq > high,
                )
            )
        )
        reach = _contiguous(held, high)
    return reach


def record_coverage(session: Session, covers: Iterable[tuple[str, str, int, int]]) -> None:
    """Keep the ranges a trusted sender covered for this node, merged per stream."""
    for origin, inc, first, last in covers:
        if first < 1 or last < first:
            continue
        low, high = first, last
        rows = list(
            session.scalars(
                select(Coverage).where(
                    Coverage.origin == origin,
                    Coverage.incarnation == inc,
                    Coverage.low <= high + 1,
                    Coverage.high >= low - 1,
                )
            )
        )
        for row in rows:
            low, high = min(low, row.low), max(high, row.high)
            session.delete(row)
        session.flush()
        session.add(Coverage(origin=origin, incarnation=inc, low=low, high=high))
    session.flush()


def covers_without(
    covers: Iterable[tuple[str, str, int, int]], missing: Iterable[tuple[str, str, int]]
) -> list[tuple[str, str, int, int]]:
    """``covers`` with the seqs in ``missing`` cut out: what was sent but not kept (no room to
    wait, say) must stay missing in the version vector, so the sender brings it again."""
    holes: dict[tuple[str, str], list[int]] = defaultdict(list)
    for origin, inc, seq in missing:
        holes[(origin, inc)].append(seq)
    result: list[tuple[str, str, int, int]] = []
    for origin, inc, first, last in covers:
        start = first
        for seq in sorted(s for s in holes.get((origin, inc), ()) if first <= s <= last):
            if seq > start:
                result.append((origin, inc, start, seq - 1))
            start = seq + 1
        if start <= last:
            result.append((origin, inc, start, last))
    return result


@dataclass(frozen=True)
class StreamScope:
    """Which events of some streams a receiver may hold (DESIGN §3.8).

    Attributes:
        origins: the streams (by origin) this part is about.
        audiences: only events for these audiences (``None``: any audience).
        excluded: never events for these audiences.
        secrets: whether events holding secrets may go.
    """

    origins: frozenset[str]
    audiences: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()
    secrets: bool = True

    def filters(self) -> list[Any]:
        where: list[Any] = []
        if self.audiences is not None:
            where.append(Event.audience.in_(sorted(self.audiences)))
        if self.excluded:
            where.append(Event.audience.not_in(sorted(self.excluded)))
        if not self.secrets:
            where.append(Event.secret.is_(False))
        return where


#: A receiver's scope: the parts it may hold; streams in none of them are never sent.
Scope = Sequence[StreamScope]


def _scoped_streams(session: Session, scope: Scope | None) -> list[tuple[str, str, list[Any]]]:
    """The held streams a receiver may get events of, each with the filters for it."""
    streams = session.execute(select(Event.origin, Event.incarnation).distinct()).all()
    found: list[tuple[str, str, list[Any]]] = []
    for origin, inc in sorted(streams):
        if scope is None:
            found.append((origin, inc, []))
            continue
        part = next((p for p in scope if origin in p.origins), None)
        if part is not None:
            found.append((origin, inc, part.filters()))
    return found


def coverage_for(
    vector: Mapping[tuple[str, str], int],
    held: Mapping[tuple[str, str], int],
    streams: Iterable[tuple[str, str]],
) -> list[tuple[str, str, int, int]]:
    """The ranges a bundle covers: per stream sent, from what the receiver has to what we hold."""
    covers = []
    for stream in streams:
        low, high = vector.get(stream, 0) + 1, held.get(stream, 0)
        if high >= low:
            covers.append((stream[0], stream[1], low, high))
    return covers


def events_after(
    session: Session, vector: Mapping[tuple[str, str], int], scope: Scope | None = None
) -> Iterator[Event]:
    """Every held event the holder of ``vector`` lacks (within ``scope``), by stream and seq."""
    for origin, inc, filters in _scoped_streams(session, scope):
        known = vector.get((origin, inc), 0)
        yield from session.scalars(
            select(Event)
            .where(Event.origin == origin, Event.incarnation == inc, Event.seq > known, *filters)
            .order_by(Event.seq)
        )


def count_events_after(
    session: Session, vector: Mapping[tuple[str, str], int], scope: Scope | None = None
) -> int:
    """How many events :func:`events_after` would give, counted by the database."""
    total = 0
    for origin, inc, filters in _scoped_streams(session, scope):
        known = vector.get((origin, inc), 0)
        total += (
            session.scalar(
                select(func.count())
                .select_from(Event)
                .where(
                    Event.origin == origin, Event.incarnation == inc, Event.seq > known, *filters
                )
            )
            or 0
        )
    return total


def wire_events_after(
    session: Session,
    vector: Mapping[tuple[str, str], int],
    *,
    with_hash: bool = True,
    scope: Scope | None = None,
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """:func:`events_after` in wire form, straight from the rows (the stored data text is
    carried as is, never parsed and re-encoded). ``with_hash=False`` leaves out ``dh``, which
    a receiver of a bundle (format 2) computes from the data text itself.

    Returns:
        The events, and the streams that were gone through (in scope), for the coverage.
    """
    wire: list[dict[str, Any]] = []
    add = wire.append
    streams = _scoped_streams(session, scope)
    for origin, inc, filters in streams:
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
            .where(Event.origin == origin, Event.incarnation == inc, Event.seq > known, *filters)
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
    return wire, [(origin, inc) for origin, inc, _filters in streams]
