"""Retention: anonymise personal data once a closed post's period has passed (DESIGN §3.6).

What is due: every personal record of a post whose record says it is closed and whose
retention period (``post.retention_days``, default 30) has passed — as this node knows the
post records, so the hub follows each post's own closing. When this node's *own* post is
closed past its period (at the hub: the crisis), or the crisis of the hub it is paired with
is (the hub's record reaches the posts by sync), everything it holds is due.

Events held in quarantine (a failed validation or a clash) cannot be anonymised field by
field: those from a post in scope keep only where they came from and what they were about,
and are still recognised when they arrive again (:func:`noodpost.storage.eventlog.
quarantine_stub`).

Afterwards the write-ahead log is emptied (its old page versions hold the names), and the
time of the run is kept (:data:`LAST_RUN_KEY`), so that :func:`noodpost.services.purge.
replace_backups_from_before` can replace the backups that still hold them.
Deleted content is zeroed in the file (``PRAGMA secure_delete``, :mod:`noodpost.storage.
engine`).

The status history (``status_change.note``) is each node's own copy, not events: every node
clears it in its own run, so a note that came in by sync goes at the receiving node's next run.

How: :meth:`RetentionService.anonymise_due` writes, in one transaction, one ordinary ``update``
event per record (the anonymised values from :mod:`noodpost.core.retention`), so the
anonymisation reaches the hub and the other laptops by sync like any edit, plus one audit
entry (``purge``, counts only). This is the one public call that writes many events: events
are per record, a purge is one decision over many records, and doing it in one transaction
means it happens completely or not at all.

The event log: the old events of those records still carry the names. Events are signed per
bundle, not per event — a stored event has only its ``data_hash`` — so an old event's payload
can be rewritten to its anonymised form with a new hash (:func:`noodpost.core.retention.
scrub_event_data`: deterministic, so every node that scrubs gets the same bytes). It is done
only for events every approved peer has acknowledged: those are never sent to that peer
again, so no peer ever sees the same event with two different hashes (which it would hold
back as a clash). Events not acknowledged yet are scrubbed by a later run. The state the
events fold into does not change: the anonymising update is newer than each of them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from noodpost.core.audit import AuditAction
from noodpost.core.clock import parse_iso
from noodpost.core.entities import SPECS, Op
from noodpost.core.events import canonical_json, data_hash
from noodpost.core.fold import BASE_KEY
from noodpost.core.ids import post_id
from noodpost.core.retention import (
    ANONYMISED_FIELDS,
    anonymised,
    due_at,
    is_due,
    needs_anonymising,
    scrub_event_data,
)
from noodpost.core.vocabulary import NodeRole
from noodpost.services.base import ServiceContext
from noodpost.services.roles import require_coordinator
from noodpost.storage.audit import append_audit
from noodpost.storage.models import (
    STATE_MODELS,
    Event,
    Household,
    Peer,
    Person,
    Post,
    Quarantine,
    Setting,
    State,
    StatusChange,
)
from noodpost.storage.quarantine import quarantine_reason_stub, quarantine_stub
from noodpost.storage.uow import UnitOfWork

#: Entities with personal fields, in the order they are anonymised.
PERSONAL = tuple(ANONYMISED_FIELDS)
#: Dutch words for the counts.
ENTITY_WORDS = {
    "household": "huishoudens",
    "person": "personen",
    "safe_message": "veilig-en-welberichten",
    "need": "hulpvragen",
    "charging_ticket": "oplaadbonnen",
    "volunteer": "telefoonnummers van vrijwilligers",
    "alarm": "omschrijvingen van noodmeldingen",
    "shift": "overdrachtsnotities",
}
#: Entities whose status history (``status_change.note``) holds the notes retention drops.
_NOTED_HISTORY = frozenset(e for e, fields in ANONYMISED_FIELDS.items() if "status_note" in fields)
_CHUNK = 500
#: The setting that holds when an anonymisation last changed something (ISO time).
LAST_RUN_KEY = "retention_last_run"
#: Present while the write-ahead log still holds pages from before an anonymisation.
WAL_PENDING_KEY = "retention_wal_pending"


@dataclass(frozen=True)
class RetentionDue:
    """What :meth:`RetentionService.anonymise_due` would do now.

    Attributes:
        counts: per entity name, how many records would be anonymised.
        posts: the post codes whose retention period has passed (all: this node's own post).
        own_due_at: when this node's own post's data is due (``None`` while it is open).
    """

    counts: Mapping[str, int]
    posts: tuple[str, ...]
    own_due_at: datetime | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(f"{n} {ENTITY_WORDS[e]}" for e, n in self.counts.items() if n)


@dataclass(frozen=True)
class RetentionDone:
    """What one run did: records anonymised (one event each) and old events scrubbed."""

    counts: Mapping[str, int] = field(default_factory=dict)
    scrubbed_events: int = 0
    emptied_quarantine: int = 0  # events held in quarantine whose contents went

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def changed(self) -> bool:
        return bool(self.total or self.scrubbed_events or self.emptied_quarantine)

    @property
    def summary(self) -> str:
        if not self.changed:
            return "Er waren geen persoonsgegevens te anonimiseren."
        parts = [f"{n} {ENTITY_WORDS[e]}" for e, n in self.counts.items() if n]
        text = "Geanonimiseerd: " + (", ".join(parts) if parts else "niets nieuws")
        if self.scrubbed_events:
            text += f"; {self.scrubbed_events} oude gebeurtenissen opgeschoond"
        if self.emptied_quarantine:
            text += f"; {self.emptied_quarantine} apart gezette gebeurtenissen leeggemaakt"
        return text + ". Aantallen en statistieken blijven bewaard."


@dataclass(frozen=True)
class _Scope:
    everything: bool
    codes: frozenset[str]
    years: Mapping[str, int]  # post code → year of closing (the reference for age bands)
    default_year: int
    own_due_at: datetime | None

    def year(self, code: str | None) -> int:
        return self.years.get(code or "", self.default_year)

    @property
    def empty(self) -> bool:
        return not self.everything and not self.codes


def _row_values(entity: str, row: State) -> dict[str, Any]:
    return {key: getattr(row, key) for key in SPECS[entity].fields}


class RetentionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading

    def due(self) -> RetentionDue:
        """What is due for anonymising now (nothing is written)."""
        with self.ctx.read() as session:
            scope = self._scope(session)
            counts = Counter(entity for entity, _row, _year in self._pending(session, scope))
        return RetentionDue(
            counts={e: counts.get(e, 0) for e in PERSONAL},
            posts=("*",) if scope.everything else tuple(sorted(scope.codes)),
            own_due_at=scope.own_due_at,
        )

    # ---------------------------------------------------------------- writing

    def anonymise_due(self, *, automatic: bool = False) -> RetentionDone:
        """Anonymise what is due: one event per record, one audit entry, one transaction.

        Args:
            automatic: the application's own timer (no one need be signed in); otherwise a
                coordinator asks for it ("nu anonimiseren"). Either way only what is due goes:
                asking early anonymises nothing early.

        Raises:
            Refused: not automatic and no coordinator signed in.
        """
        if not automatic:
            require_coordinator(self.ctx)
        with self.ctx.write() as uow:
            scope = self._scope(uow.session)
            done = RetentionDone() if scope.empty else self._anonymise(uow, scope)
        self._empty_wal(pending=done.changed)
        return done

    def _anonymise(self, uow: UnitOfWork, scope: _Scope) -> RetentionDone:
        session = uow.session
        counts: Counter[str] = Counter()
        for entity, row, year in list(self._pending(session, scope)):
            values = anonymised(entity, _row_values(entity, row), year)
            uow.emit(entity, row.id, Op.UPDATE, {**values, BASE_KEY: row.updated_hlc})
            counts[entity] += 1
        scrubbed = self._scrub(session, scope)
        emptied = _empty_quarantine(session, scope)
        done = RetentionDone({e: counts.get(e, 0) for e in PERSONAL}, scrubbed, emptied)
        if done.changed:
            session.merge(Setting(key=LAST_RUN_KEY, value=self.ctx.now_iso()))
            append_audit(
                session,
                at=self.ctx.now_iso(),
                actor=self.ctx.actor,
                action=AuditAction.PURGE.value,
                obj=_audit_object(done, scope),
            )
        return done

    def _empty_wal(self, *, pending: bool) -> None:
        """Empty the write-ahead log after a change, and retry while a reader kept it."""
        with self.ctx.read() as session:
            waiting = session.get(Setting, WAL_PENDING_KEY) is not None
        if not (pending or waiting):
            return
        emptied = self.ctx.db.truncate_wal()
        if emptied != waiting:
            return  # nothing to note: emptied as it should be, or still waiting
        with self.ctx.write() as uow:
            if emptied:
                uow.session.execute(delete(Setting).where(Setting.key == WAL_PENDING_KEY))
            else:
                uow.session.add(Setting(key=WAL_PENDING_KEY, value=self.ctx.now_iso()))

    # ---------------------------------------------------------------- internals

    def _scope(self, session: Session) -> _Scope:
        now = self.ctx.clock.now()
        own_code = self.ctx.node.post_code
        codes: set[str] = set()
        years: dict[str, int] = {}
        own_due: datetime | None = None
        everything = False
        crisis_year: int | None = None
        # The crisis counts only as closed by a hub this node is paired with, not by a record
        # of some other hub that reached it.
        hubs = set(session.scalars(select(Peer.post_code).where(Peer.role == NodeRole.HUB.value)))
        for post in session.scalars(select(Post).where(Post.deleted.is_(False))):
            if post.is_open is not False or not post.closed_at:
                continue
            closed = parse_iso(post.closed_at)
            years[post.post_code] = closed.year
            if post.id == post_id(own_code):
                own_due = due_at(closed, post.retention_days)
            if is_due(closed, post.retention_days, now):
                codes.add(post.post_code)
                if post.id == post_id(own_code):
                    everything = True
                elif post.role == NodeRole.HUB.value and post.post_code in hubs:
                    everything = True
                    crisis_year = closed.year
        # Age bands are reckoned as the hub reckons them (its crisis's year for an open post),
        # so that every node anonymises and scrubs to the same bytes.
        default_year = years.get(own_code) or crisis_year or now.year
        return _Scope(everything, frozenset(codes), years, default_year, own_due)

    def _in_scope(self, model: Any, scope: _Scope) -> list[Any]:
        filters = [model.deleted.is_(False)]
        if not scope.everything:
            filters.append(model.post_code.in_(sorted(scope.codes)))
        return filters

    def _rows(self, session: Session, scope: _Scope) -> Iterable[tuple[str, State, int]]:
        """Every personal record in scope, with the reference year for its age band."""
        if scope.empty:
            return
        households: dict[str, int] = {}
        for entity in PERSONAL:
            if entity == "person":
                ids = sorted(households)
                for start in range(0, len(ids), _CHUNK):
                    part = ids[start : start + _CHUNK]
                    for person in session.scalars(
                        select(Person)
                        .where(Person.household_id.in_(part), Person.deleted.is_(False))
                        .order_by(Person.id)
                    ):
                        yield entity, person, households[person.household_id]
                continue
            model = STATE_MODELS[entity]
            query = select(model).where(*self._in_scope(model, scope)).order_by(model.id)
            for row in session.scalars(query):
                year = scope.year(getattr(row, "post_code", None))
                if isinstance(row, Household):
                    households[row.id] = year
                yield entity, row, year

    def _pending(self, session: Session, scope: _Scope) -> Iterable[tuple[str, State, int]]:
        for entity, row, year in self._rows(session, scope):
            if needs_anonymising(entity, _row_values(entity, row), year):
                yield entity, row, year

    def _scrub(self, session: Session, scope: _Scope) -> int:
        """Rewrite acknowledged old events of records in scope to their anonymised form."""
        acked = _acknowledged(session)
        targets: dict[str, dict[str, int]] = {}
        for entity, row, year in self._rows(session, scope):
            targets.setdefault(entity, {})[row.id] = year
        scrubbed = 0
        for entity, years in targets.items():
            ids = sorted(years)
            for start in range(0, len(ids), _CHUNK):
                part = ids[start : start + _CHUNK]
                if entity in _NOTED_HISTORY:  # the history's notes are local state: clear now
                    session.execute(
                        update(StatusChange)
                        .where(StatusChange.entity == entity, StatusChange.entity_id.in_(part))
                        .values(note=None)
                    )
                events = session.scalars(
                    select(Event).where(Event.entity == entity, Event.entity_id.in_(part))
                )
                for event in list(events):
                    if not acked(event):
                        continue
                    clean = scrub_event_data(entity, json.loads(event.data), years[event.entity_id])
                    if clean is None:
                        continue
                    text = canonical_json(clean)
                    event.data = text
                    event.data_hash = data_hash(text)
                    scrubbed += 1
        session.flush()
        return scrubbed


def _empty_quarantine(session: Session, scope: _Scope) -> int:
    """Empty the events held in quarantine that came from a post in scope (everything: all).

    A quarantined event failed validation or clashed, so its data cannot be anonymised field
    by field: it keeps only where it came from and what it was about
    (:func:`~noodpost.storage.quarantine.quarantine_stub`).
    """
    query = select(Quarantine)
    if not scope.everything:
        origins = select(Peer.node_id).where(Peer.post_code.in_(sorted(scope.codes)))
        query = query.where(Quarantine.origin.in_(origins))
    emptied = 0
    for row in session.scalars(query):
        stub, reason = quarantine_stub(row.raw), quarantine_reason_stub(row.reason)
        if (stub, reason) != (row.raw, row.reason):
            row.raw, row.reason = stub, reason
            emptied += 1
    session.flush()
    return emptied


def _acknowledged(session: Session) -> Callable[[Event], bool]:
    """A test: has every approved peer acknowledged this event? (True with no peers.)"""
    vectors: list[dict[tuple[str, str], int]] = []
    for peer in session.scalars(select(Peer).where(Peer.approved.is_(True))):
        vector: dict[tuple[str, str], int] = {}
        for item in peer.acked_vector or ():
            if isinstance(item, list) and len(item) == 3 and isinstance(item[2], int):
                vector[(str(item[0]), str(item[1]))] = item[2]
        vectors.append(vector)

    def acked(event: Event) -> bool:
        key = (event.origin, event.incarnation)
        return all(v.get(key, 0) >= event.seq for v in vectors)

    return acked


def _audit_object(done: RetentionDone, scope: _Scope) -> str:
    where = "alle gegevens" if scope.everything else "posten " + ", ".join(sorted(scope.codes))
    parts = [f"{n} {ENTITY_WORDS[e]}" for e, n in done.counts.items() if n]
    counts = ", ".join(parts) if parts else "geen nieuwe"
    return (
        f"{where}: {counts}; {done.scrubbed_events} oude gebeurtenissen opgeschoond; "
        f"{done.emptied_quarantine} in quarantaine leeggemaakt"
    )
