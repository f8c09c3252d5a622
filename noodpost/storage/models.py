"""The database schema: local tables, the event log, and the state tables it projects into.

State tables (``household``, ``visit`` …) are a projection of the event log: the projection in
:mod:`noodpost.storage.projection` is the only writer. Their columns mirror the fields in
:data:`noodpost.core.entities.SPECS` (a test keeps the two equal).

References between state tables (``visit.household_id`` …) are indexed but carry no foreign
key: events from several nodes arrive in any order, so a visit may be projected before its
household. Services check references when they write; ``foreign_keys=ON`` still guards the
local tables that do declare keys.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


# ---------------------------------------------------------------- local tables


class Node(Base):
    """This installation's identity (exactly one row)."""

    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    node_id: Mapped[str] = mapped_column(String(36))
    incarnation: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(8))
    post_code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    training: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[str] = mapped_column(String(32))
    hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    home: Mapped[str] = mapped_column(Text)  # where this database lives; a change = a copy
    signing_public_key: Mapped[str | None] = mapped_column(String(64))
    encryption_public_key: Mapped[str | None] = mapped_column(String(64))


class Event(Base):
    """One immutable change (DESIGN §3.2). ``(origin, incarnation, seq)`` is the key."""

    __tablename__ = "event"
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    incarnation: Mapped[str] = mapped_column(String(16), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    hlc: Mapped[int] = mapped_column(BigInteger)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(Text)  # canonical JSON
    data_hash: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[int] = mapped_column(Integer)
    author: Mapped[str | None] = mapped_column(String(36))
    # Who may hold it (DESIGN §3.8): the owning post's code, or '*' for every post; and
    # whether it holds a secret that never leaves the post's desks. Set when it is stored.
    audience: Mapped[str | None] = mapped_column(String(16))
    secret: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (Index(None, "entity", "entity_id"),)


class ReceivedBundle(Base):
    """A bundle that was imported; importing the same bundle id again changes nothing."""

    __tablename__ = "received_bundle"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(16))
    applied: Mapped[int] = mapped_column(Integer)
    present: Mapped[int] = mapped_column(Integer)
    quarantined: Mapped[int] = mapped_column(Integer)


class Quarantine(Base):
    """Events held back: a key clash with different content, or a poison event."""

    __tablename__ = "quarantine"
    id: Mapped[int] = mapped_column(primary_key=True)
    origin: Mapped[str] = mapped_column(String(36))
    incarnation: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    received_at: Mapped[str] = mapped_column(String(32))
    bundle_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("received_bundle.bundle_id")
    )


class Coverage(Base):
    """Ranges of a stream a trusted sender *covered* for this node (DESIGN §3.8).

    A sender leaves out what the receiver may not hold; for each stream it states the range it
    went through, and every event in it that the receiver may hold was in the bundle. The
    version vector counts a covered seq as held, so a filtered stream leaves no gap.
    """

    __tablename__ = "coverage"
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    incarnation: Mapped[str] = mapped_column(String(16), primary_key=True)
    low: Mapped[int] = mapped_column(Integer, primary_key=True)
    high: Mapped[int] = mapped_column(Integer)


class AuditEntry(Base):
    """Append-only, hash-chained audit log (DESIGN §3.6)."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))
    object: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(String(40))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Card(Base):
    """Every card code this node knows: reserved (blank), active, or replaced by a reissue.

    Derived by the projection from households and blank-card batches.
    """

    __tablename__ = "card"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    post_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    household_id: Mapped[str | None] = mapped_column(String(36), index=True)
    status: Mapped[str] = mapped_column(String(16))


class StatusChange(Base):
    """Every status change of every lifecycle entity (alarms, needs, …), from the events."""

    __tablename__ = "status_change"
    origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    incarnation: Mapped[str] = mapped_column(String(16), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))
    hlc: Mapped[int] = mapped_column(BigInteger)
    author: Mapped[str | None] = mapped_column(String(36))
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index(None, "entity", "entity_id"),
        ForeignKeyConstraint(
            ["origin", "incarnation", "seq"], ["event.origin", "event.incarnation", "event.seq"]
        ),
    )


class Setting(Base):
    """Local settings that belong with the data (idle lock minutes, quick buttons, …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PinLock(Base):
    """One volunteer's sign-in lock at this installation (DESIGN §3.6).

    Local on purpose: never an event, so never in a bundle, a sync or the hub. The GUI and every
    command-line process read and count here, so the lock holds across processes and restarts.
    ``failures`` counts wrong PINs since the last lock (or good sign-in); ``lockouts`` the locks
    since the last good sign-in, which sets how long the next one lasts; ``locked_until`` (UTC,
    ISO 8601) is when the current lock ends. A good sign-in removes the row.

    No foreign key to ``volunteer``: that is a projected state table (rebuilt from the events);
    only ids of this post's volunteers are ever counted.
    """

    __tablename__ = "pin_lock"
    volunteer_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    lockouts: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[str | None] = mapped_column(String(32))


class Peer(Base):
    """Another node this one exchanges bundles with: the paired hub, or a post (DESIGN §3.3).

    ``acked_vector`` is the latest version vector received *from* the peer, as a list of
    ``[origin, incarnation, seq]``: what it holds, so what need not be sent again. Only a
    received vector moves it; nothing is ever marked sent. ``acked_incarnation`` is the
    sender's incarnation that vector came from (a restored peer replaces it, see sync).
    """

    __tablename__ = "peer"
    node_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    role: Mapped[str] = mapped_column(String(8))
    post_code: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(200))
    signing_public_key: Mapped[str] = mapped_column(String(64))
    encryption_public_key: Mapped[str] = mapped_column(String(64))
    approved: Mapped[bool] = mapped_column(Boolean, default=False)
    training: Mapped[bool] = mapped_column(Boolean, default=False)
    first_seen: Mapped[str] = mapped_column(String(32))
    last_contact: Mapped[str | None] = mapped_column(String(32))
    last_channel: Mapped[str | None] = mapped_column(String(16))  # 'usb' | 'network'
    addresses: Mapped[list[Any] | None] = mapped_column(JSON)  # the hub's URLs, from pairing
    acked_vector: Mapped[list[Any]] = mapped_column(JSON)
    acked_incarnation: Mapped[str | None] = mapped_column(String(16))
    clock_suspect: Mapped[bool] = mapped_column(Boolean, default=False)


class PendingBundle(Base):
    """A signed bundle from a sender not yet approved: kept unopened as room allows
    (``sync.exchange.MAX_PENDING_TOTAL``), applied on approval."""

    __tablename__ = "pending_bundle"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender: Mapped[str] = mapped_column(String(36), index=True)
    received_at: Mapped[str] = mapped_column(String(32))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    reason: Mapped[str] = mapped_column(Text)


# ---------------------------------------------------------------- projected state


class State(Base):
    """Columns every projected table has."""

    __abstract__ = True
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_hlc: Mapped[int] = mapped_column(BigInteger, default=0)
    conflicts: Mapped[list[Any] | None] = mapped_column(JSON)


class LifecycleState(State):
    __abstract__ = True
    status: Mapped[str] = mapped_column(String(16), index=True)
    status_conflict: Mapped[bool] = mapped_column(Boolean, default=False)


class HubOwnedState(State):
    __abstract__ = True
    version: Mapped[int] = mapped_column(Integer)


class Post(State):
    __tablename__ = "post"
    post_code: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(8))
    capacity: Mapped[int | None]
    address: Mapped[str | None] = mapped_column(String(300))
    services: Mapped[list[Any] | None] = mapped_column(JSON)
    opening_hours: Mapped[str | None] = mapped_column(String(200))
    is_open: Mapped[bool | None]
    closed_at: Mapped[str | None] = mapped_column(String(32))
    retention_days: Mapped[int | None]


class Household(State):
    __tablename__ = "household"
    post_code: Mapped[str] = mapped_column(String(16))
    card_code: Mapped[str] = mapped_column(String(16), index=True)
    size: Mapped[int]
    name: Mapped[str | None] = mapped_column(String(200))
    birth_year: Mapped[int | None]
    age_band: Mapped[str | None] = mapped_column(String(8))
    postcode: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str | None] = mapped_column(String(40))
    flags: Mapped[list[Any] | None] = mapped_column(JSON)
    consents: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    registered_at: Mapped[str | None] = mapped_column(String(32))
    anonymised: Mapped[bool | None]
    from_paper: Mapped[bool | None]

    __table_args__ = (Index(None, "name", "birth_year", "postcode"),)


class Person(State):
    __tablename__ = "person"
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    post_code: Mapped[str | None] = mapped_column(String(16))  # None: the household's
    name: Mapped[str | None] = mapped_column(String(200))
    birth_year: Mapped[int | None]
    age_band: Mapped[str | None] = mapped_column(String(8))


class CardBatch(State):
    __tablename__ = "card_batch"
    post_code: Mapped[str] = mapped_column(String(16))
    codes: Mapped[list[Any]] = mapped_column(JSON)
    printed_at: Mapped[str | None] = mapped_column(String(32))


class Visit(LifecycleState):
    __tablename__ = "visit"
    post_code: Mapped[str] = mapped_column(String(16))
    household_id: Mapped[str] = mapped_column(String(36), index=True)
    persons: Mapped[int | None]
    checked_in_at: Mapped[str | None] = mapped_column(String(32), index=True)
    checked_out_at: Mapped[str | None] = mapped_column(String(32))
    from_paper: Mapped[bool | None]


class Need(LifecycleState):
    __tablename__ = "need"
    post_code: Mapped[str] = mapped_column(String(16))
    household_id: Mapped[str | None] = mapped_column(String(36), index=True)
    category: Mapped[str] = mapped_column(String(24))
    urgency: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    referred_to: Mapped[str | None] = mapped_column(String(200))
    opened_at: Mapped[str | None] = mapped_column(String(32))
    status_note: Mapped[str | None] = mapped_column(Text)


class SupplyItem(HubOwnedState):
    __tablename__ = "supply_item"
    code: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(40))
    ration_per_person_per_day: Mapped[float | None] = mapped_column(Float)
    ration_per_household_per_day: Mapped[float | None] = mapped_column(Float)
    min_interval_minutes: Mapped[int | None]
    min_stock: Mapped[float | None] = mapped_column(Float)
    quick_quantity: Mapped[float | None] = mapped_column(Float)
    retired: Mapped[bool | None]


class StockMovement(State):
    __tablename__ = "stock_movement"
    post_code: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    quantity: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[str | None] = mapped_column(String(32))


class Distribution(State):
    __tablename__ = "distribution"
    post_code: Mapped[str] = mapped_column(String(16))
    household_id: Mapped[str] = mapped_column(String(36))
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    quantity: Mapped[float] = mapped_column(Float)
    override_reason: Mapped[str | None] = mapped_column(Text)
    corrects: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[str | None] = mapped_column(String(32), index=True)
    from_paper: Mapped[bool | None]

    __table_args__ = (
        Index(None, "household_id", "at"),
        # Covers the stock sum of one item at one post, so a season's hand-outs are summed
        # from the index alone. Item first, and without ``at``: with the post code first, or
        # ``at`` in it, SQLite chose it for "latest hand-out at this post" and sorted them all.
        Index(None, "item_id", "post_code", "deleted", "quantity"),
        # Only the few undo lines: "not undone" checks read this instead of every hand-out.
        Index(
            None,
            "corrects",
            sqlite_where=text("corrects IS NOT NULL"),
            postgresql_where=text("corrects IS NOT NULL"),
        ),
    )


class Alarm(LifecycleState):
    __tablename__ = "alarm"
    post_code: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    urgency: Mapped[str] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(String(300))
    persons: Mapped[int | None]
    description: Mapped[str | None] = mapped_column(Text)
    raised_at: Mapped[str | None] = mapped_column(String(32))
    status_note: Mapped[str | None] = mapped_column(Text)
    acknowledged_by: Mapped[str | None] = mapped_column(String(200))
    acknowledged_at: Mapped[str | None] = mapped_column(String(32))


class Volunteer(State):
    __tablename__ = "volunteer"
    post_code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    skills: Mapped[list[Any] | None] = mapped_column(JSON)
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool | None]


class Credential(State):
    """A volunteer's PIN hash: what only sign-in needs, never sent to the hub."""

    __tablename__ = "credential"
    post_code: Mapped[str] = mapped_column(String(16))
    volunteer_id: Mapped[str] = mapped_column(String(36), index=True)
    pin_hash: Mapped[str | None] = mapped_column(String(200))


class Shift(LifecycleState):
    __tablename__ = "shift"
    post_code: Mapped[str] = mapped_column(String(16))
    volunteer_id: Mapped[str] = mapped_column(String(36), index=True)
    task: Mapped[str | None] = mapped_column(String(200))
    started_at: Mapped[str | None] = mapped_column(String(32))
    ended_at: Mapped[str | None] = mapped_column(String(32))
    handover_note: Mapped[str | None] = mapped_column(Text)


class LogEntry(State):
    __tablename__ = "log_entry"
    post_code: Mapped[str] = mapped_column(String(16))
    at: Mapped[str | None] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(40))
    automatic: Mapped[bool | None]


class Bulletin(HubOwnedState):
    __tablename__ = "bulletin"
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str | None] = mapped_column(Text)
    valid_until: Mapped[str | None] = mapped_column(String(32))
    targets: Mapped[list[Any] | None] = mapped_column(JSON)
    published_at: Mapped[str | None] = mapped_column(String(32))


class ChargingTicket(LifecycleState):
    __tablename__ = "charging_ticket"
    post_code: Mapped[str] = mapped_column(String(16))
    number: Mapped[int]
    household_id: Mapped[str | None] = mapped_column(String(36), index=True)
    device: Mapped[str] = mapped_column(String(200))
    checked_in_at: Mapped[str | None] = mapped_column(String(32))
    returned_at: Mapped[str | None] = mapped_column(String(32))


class SafeMessage(State):
    __tablename__ = "safe_message"
    post_code: Mapped[str] = mapped_column(String(16))
    household_id: Mapped[str | None] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(200))
    birth_year: Mapped[int | None]
    age_band: Mapped[str | None] = mapped_column(String(8))
    message: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(200))
    consent: Mapped[bool]
    given_at: Mapped[str | None] = mapped_column(String(32))

    __table_args__ = (Index(None, "name", "birth_year"),)


class GeneratorReading(State):
    """One reading of the post's generator and its tank (append-only)."""

    __tablename__ = "generator_reading"
    post_code: Mapped[str] = mapped_column(String(16))
    at: Mapped[str] = mapped_column(String(32))
    running: Mapped[bool]
    litres_added: Mapped[float | None] = mapped_column(Float)
    litres_left: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index(None, "post_code", "at"),)


class SupplyDispatch(LifecycleState):
    __tablename__ = "supply_dispatch"
    post_code: Mapped[str] = mapped_column(String(16), index=True)
    from_code: Mapped[str | None] = mapped_column(String(16))
    lines: Mapped[list[Any]] = mapped_column(JSON)
    expected_at: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(36), index=True)
    sent_at: Mapped[str | None] = mapped_column(String(32))
    received_lines: Mapped[list[Any] | None] = mapped_column(JSON)
    received_at: Mapped[str | None] = mapped_column(String(32))
    receipt_note: Mapped[str | None] = mapped_column(Text)
    status_note: Mapped[str | None] = mapped_column(Text)


class SupplyRequest(LifecycleState):
    __tablename__ = "supply_request"
    post_code: Mapped[str] = mapped_column(String(16), index=True)
    lines: Mapped[list[Any]] = mapped_column(JSON)
    urgency: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    requested_at: Mapped[str | None] = mapped_column(String(32))
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[str | None] = mapped_column(String(32))
    status_note: Mapped[str | None] = mapped_column(Text)


#: The state table for each entity name in ``SPECS``.
STATE_MODELS: dict[str, type[State]] = {
    model.__tablename__: model
    for model in (
        Post,
        Household,
        Person,
        CardBatch,
        Visit,
        Need,
        SupplyItem,
        StockMovement,
        Distribution,
        Alarm,
        Volunteer,
        Credential,
        Shift,
        LogEntry,
        Bulletin,
        ChargingTicket,
        SafeMessage,
        SupplyDispatch,
        SupplyRequest,
        GeneratorReading,
    )
}
