"""Fold the events of one entity into its current state — the projection's pure heart.

``fold(spec, events)`` depends only on the *set* of events, never on the order they arrived
in, so every node that holds the same events shows the same state (DESIGN §3.2). The storage
layer calls it for each entity an event touches and writes the result into the state table.

Order used inside a fold: ``(hlc, origin, incarnation, seq)`` — a total order that every node
computes alike. Causal order between nodes is not needed here: the HLC only breaks ties.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, Protocol

from noodpost.core.entities import EntitySpec, Kind, Op

#: Reserved key in update data: the newest HLC of this entity the writer had seen.
BASE_KEY = "_base"


class EventLike(Protocol):
    @property
    def origin(self) -> str: ...
    @property
    def incarnation(self) -> str: ...
    @property
    def seq(self) -> int: ...
    @property
    def hlc(self) -> int: ...
    @property
    def op(self) -> str: ...
    @property
    def data(self) -> Mapping[str, Any]: ...


class Folded(NamedTuple):
    """The state of one entity, as every node that holds the same events computes it.

    A named tuple: a bulk import folds most of a million entities from one event each.
    """

    values: dict[str, Any]
    status: str | None = None
    deleted: bool = False
    status_conflict: bool = False  # two different final statuses (e.g. closed and cancelled)
    conflicts: tuple[str, ...] = ()  # record fields edited concurrently on two nodes
    created_hlc: int = 0
    updated_hlc: int = 0
    history: tuple[str, ...] = ()  # every value a field ``track`` had


def order_key(event: EventLike) -> tuple[int, str, str, int]:
    return (event.hlc, event.origin, event.incarnation, event.seq)


def fold(spec: EntitySpec, events: Iterable[EventLike], track: str | None = None) -> Folded | None:
    """The entity's state, or ``None`` while no create (or hub version) has arrived.

    Args:
        spec: the entity's contract.
        events: every event held for this entity, in any order, duplicates allowed.
        track: optionally a field whose every value is reported in ``history`` (sorted), e.g.
            a household's card codes, so that a reissued card's old code stays known.
    """
    if isinstance(events, (list, tuple)) and len(events) == 1:
        if spec.kind is not Kind.HUB_OWNED:
            return _fold_one(spec, events[0], track)  # the common case in a bulk import
        ordered: list[EventLike] = list(events)
    else:
        unique = {(e.origin, e.incarnation, e.seq): e for e in events}
        ordered = sorted(unique.values(), key=order_key)
        if not ordered:
            return None
    deleted = any(e.op == Op.DELETE for e in ordered)
    if spec.kind is Kind.HUB_OWNED:
        return _fold_hub_owned(ordered, deleted)
    if not any(e.op == Op.CREATE for e in ordered):
        return None

    values: dict[str, Any] = {}
    history: set[str] = set()
    first_wins = spec.kind is Kind.FACT
    for event in ordered:
        if event.op == Op.DELETE:
            continue
        for key, value in event.data.items():
            if key.startswith("_") or key == "status":
                continue
            if key == track and isinstance(value, str):
                history.add(value)
            if first_wins and key in values:
                continue
            values[key] = value

    status: str | None = None
    status_conflict = False
    if spec.kind is Kind.LIFECYCLE:
        status, status_conflict = _fold_status(spec, ordered)

    return Folded(
        values=values,
        status=status,
        deleted=deleted,
        status_conflict=status_conflict,
        conflicts=_concurrent_edits(spec, ordered),
        created_hlc=min(e.hlc for e in ordered if e.op == Op.CREATE),
        updated_hlc=ordered[-1].hlc,
        history=tuple(sorted(history)),
    )


def _fold_one(spec: EntitySpec, event: EventLike, track: str | None) -> Folded | None:
    """:func:`fold` of a single event (not hub-owned): the same result, without the loops."""
    if event.op != Op.CREATE:
        return None  # an update or status change whose create has not arrived yet
    data = event.data
    values = {k: v for k, v in data.items() if k[:1] != "_" and k != "status"}
    tracked = values.get(track) if track is not None else None
    status: str | None = None
    if spec.kind is Kind.LIFECYCLE:
        status = data.get("status", spec.initial)
    return Folded(
        values=values,
        status=status,
        created_hlc=event.hlc,
        updated_hlc=event.hlc,
        history=(tracked,) if isinstance(tracked, str) else (),
    )


def _fold_status(spec: EntitySpec, ordered: list[EventLike]) -> tuple[str, bool]:
    seen = [e.data["status"] for e in ordered if "status" in e.data]
    if not seen:
        assert spec.initial is not None
        return spec.initial, False
    top = max(spec.statuses[s] for s in seen)
    candidates = [s for s in seen if spec.statuses[s] == top]
    # ``seen`` is in fold order, so the last candidate is the latest: deterministic.
    return candidates[-1], len(set(candidates)) > 1


def _fold_hub_owned(ordered: list[EventLike], deleted: bool) -> Folded | None:
    versions = [e for e in ordered if e.op != Op.DELETE and "version" in e.data]
    if not versions:
        return None
    winner = max(versions, key=lambda e: (e.data["version"], order_key(e)))
    values = {k: val for k, val in winner.data.items() if not k.startswith("_")}
    return Folded(
        values=values,
        deleted=deleted,
        created_hlc=ordered[0].hlc,
        updated_hlc=winner.hlc,
    )


def _concurrent_edits(spec: EntitySpec, ordered: list[EventLike]) -> tuple[str, ...]:
    """Fields that two nodes changed to different values without seeing each other's edit."""
    if spec.kind not in (Kind.RECORD, Kind.LIFECYCLE):
        return ()
    updates = [e for e in ordered if e.op == Op.UPDATE and BASE_KEY in e.data]
    flagged: set[str] = set()
    for i, first in enumerate(updates):
        for second in updates[i + 1 :]:
            if first.origin == second.origin:
                continue
            # ``second`` is later in fold order; it saw ``first`` if its base reaches it.
            if second.data[BASE_KEY] >= first.hlc or first.data[BASE_KEY] >= second.hlc:
                continue
            for key in first.data.keys() & second.data.keys():
                if key != BASE_KEY and first.data[key] != second.data[key]:
                    flagged.add(key)
    return tuple(sorted(flagged))
