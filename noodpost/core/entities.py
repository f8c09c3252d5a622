"""What the event log can say: every replicated entity, its kind, its fields and their types.

This table is the contract between services (which write events), the projection (which folds
them into state) and sync (which validates events from other nodes before applying them).

Kinds (DESIGN §3.2):

- ``FACT`` — append-only happenings. Each field is written once; when two events set the same
  field, the earliest by ``(hlc, origin, seq)`` stands. Never conflicts.
- ``RECORD`` — editable things. Each field is last-writer-wins by ``(hlc, origin, seq)``.
- ``LIFECYCLE`` — things with a status. Fields as records; the status with the highest rank
  wins; two different final statuses are flagged as contradictory.
- ``HUB_OWNED`` — one writer (the hub) with a version number; the highest version wins whole.

Every kind accepts ``delete`` (a tombstone that wins over any edit).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from noodpost.core import vocabulary as v


class Kind(StrEnum):
    FACT = "fact"
    RECORD = "record"
    LIFECYCLE = "lifecycle"
    HUB_OWNED = "hub_owned"


class Op(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    STATUS = "status"
    DELETE = "delete"


class InvalidEvent(ValueError):
    """An event that does not fit the contract (a poison event from a remote node)."""


@dataclass(frozen=True)
class F:
    """One field: its type name and, for text, the allowed values."""

    type: str  # "str", "int", "float", "bool", "list", "dict", "time" (ISO text), "id"
    optional: bool = True
    choices: tuple[str, ...] = ()
    max_len: int = 2000


#: The longest ids and times a field may hold: their columns' sizes (UUIDs; ISO 8601 text).
_LONGEST = {"id": 36, "time": 32}
#: Whole-number fields are 32-bit columns (PostgreSQL refuses more; SQLite never did).
INT_MIN, INT_MAX = -(2**31), 2**31 - 1

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "id": (str,),
    "time": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list,),
    "dict": (dict,),
}


@dataclass(frozen=True)
class EntitySpec:
    name: str
    kind: Kind
    fields: Mapping[str, F]
    statuses: Mapping[str, int] = field(default_factory=dict)  # status → rank (lifecycles)
    final: frozenset[str] = frozenset()  # final statuses (contradiction when two differ)
    initial: str | None = None

    @cached_property  # asked once per event on import: computed once per spec
    def ops(self) -> frozenset[Op]:
        if self.kind is Kind.FACT:
            return frozenset({Op.CREATE, Op.UPDATE, Op.DELETE})
        if self.kind is Kind.LIFECYCLE:
            return frozenset({Op.CREATE, Op.UPDATE, Op.STATUS, Op.DELETE})
        return frozenset({Op.CREATE, Op.UPDATE, Op.DELETE})

    @cached_property
    def _checks(self) -> dict[str, tuple[tuple[type, ...], bool, bool, int, frozenset[str]]]:
        """Per field: allowed types, bool refused, may be empty, longest text, allowed values."""
        return {
            key: (
                _PY_TYPES[f.type],
                f.type != "bool",
                f.optional,
                min(f.max_len, _LONGEST.get(f.type, f.max_len)),
                frozenset(f.choices),
            )
            for key, f in self.fields.items()
        }

    @cached_property
    def _whole_numbers(self) -> frozenset[str]:
        return frozenset(k for k, f in self.fields.items() if f.type == "int")

    @cached_property
    def _required(self) -> tuple[str, ...]:
        return tuple(k for k, f in self.fields.items() if not f.optional)

    def validate(self, op: str, data: Mapping[str, Any]) -> None:
        """Raise :class:`InvalidEvent` when ``data`` does not fit this entity."""
        if op not in self.ops:
            raise InvalidEvent(f"{self.name}: operation {op!r} not allowed")
        if type(data) is not dict and not isinstance(data, Mapping):
            raise InvalidEvent(f"{self.name}: data is not an object")
        checks = self._checks
        for key, value in data.items():
            check = checks.get(key)
            if check is None:
                self._special(key, value)
                continue
            allowed, no_bool, optional, max_len, choices = check
            if value is None:
                if not optional:
                    raise InvalidEvent(f"{self.name}: field {key!r} may not be empty")
                continue
            if not isinstance(value, allowed) or (no_bool and isinstance(value, bool)):
                raise InvalidEvent(f"{self.name}: field {key!r} has the wrong type")
            if type(value) is int and not INT_MIN <= value <= INT_MAX:
                if key in self._whole_numbers:
                    raise InvalidEvent(f"{self.name}: field {key!r} is out of range")
            elif isinstance(value, str):
                if len(value) > max_len:
                    raise InvalidEvent(f"{self.name}: field {key!r} is too long")
                if choices and value not in choices:
                    raise InvalidEvent(f"{self.name}: field {key!r} has unknown value {value!r}")
        if op == Op.CREATE and self.kind is not Kind.HUB_OWNED:
            missing = [k for k in self._required if data.get(k) is None]
            if missing:
                raise InvalidEvent(f"{self.name}: create without {', '.join(missing)}")
        if op == Op.STATUS and "status" not in data:
            raise InvalidEvent(f"{self.name}: status event without status")
        if self.kind is Kind.HUB_OWNED and op != Op.DELETE and "version" not in data:
            raise InvalidEvent(f"{self.name}: hub-owned data needs a version")

    def _special(self, key: str, value: Any) -> None:
        """A key that is not one of the fields: the base clock, a status, a version, or wrong."""
        if key == "_base":
            if not isinstance(value, int) or isinstance(value, bool):
                raise InvalidEvent(f"{self.name}: bad base clock")
        elif key == "status" and self.kind is Kind.LIFECYCLE:
            if not isinstance(value, str) or value not in self.statuses:
                raise InvalidEvent(f"{self.name}: unknown status {value!r}")
        elif key == "version" and self.kind is Kind.HUB_OWNED:
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InvalidEvent(f"{self.name}: bad version {value!r}")
        else:
            raise InvalidEvent(f"{self.name}: unknown field {key!r}")


def _choices(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _ranks(*groups: tuple[str, ...]) -> dict[str, int]:
    return {status: rank for rank, group in enumerate(groups) for status in group}


_POST = {"post_code": F("str", optional=False, max_len=16)}

SPECS: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        EntitySpec(
            "post",
            Kind.RECORD,
            {
                "post_code": F("str", optional=False, max_len=16),
                "name": F("str", optional=False, max_len=200),
                "role": F("str", choices=_choices(v.NodeRole)),
                "capacity": F("int"),
                "address": F("str", max_len=300),
                "services": F("list"),
                "opening_hours": F("str", max_len=200),
                "is_open": F("bool"),
                "closed_at": F("time"),
                "retention_days": F("int"),  # days after closing until personal data goes
            },
        ),
        EntitySpec(
            "household",
            Kind.RECORD,
            {
                **_POST,
                "card_code": F("str", optional=False, max_len=16),
                "size": F("int", optional=False),
                "name": F("str", max_len=200),
                "birth_year": F("int"),
                "age_band": F("str", max_len=8),  # set when anonymised (core.retention)
                "postcode": F("str", max_len=10),
                "language": F("str", max_len=40),
                "flags": F("list"),  # HealthFlag values; consent dates in ``consents``
                "consents": F("dict"),  # flag/purpose → ISO date of consent
                "registered_at": F("time"),
                "anonymised": F("bool"),
                "from_paper": F("bool"),  # typed in from a paper form (event schema 3)
            },
        ),
        EntitySpec(
            "person",
            Kind.RECORD,
            {
                "household_id": F("id", optional=False),
                "post_code": F("str", max_len=16),  # since event schema 2; else the household's
                "name": F("str", max_len=200),
                "birth_year": F("int"),
                "age_band": F("str", max_len=8),
            },
        ),
        EntitySpec(
            "card_batch",
            Kind.FACT,
            {**_POST, "codes": F("list", optional=False), "printed_at": F("time")},
        ),
        EntitySpec(
            "visit",
            Kind.LIFECYCLE,
            {
                **_POST,
                "household_id": F("id", optional=False),
                "persons": F("int"),
                "checked_in_at": F("time"),
                "checked_out_at": F("time"),
                "from_paper": F("bool"),  # typed in from a paper form (event schema 3)
            },
            statuses=_ranks((v.VisitStatus.PRESENT,), (v.VisitStatus.LEFT,)),
            final=frozenset({v.VisitStatus.LEFT}),
            initial=v.VisitStatus.PRESENT,
        ),
        EntitySpec(
            "need",
            Kind.LIFECYCLE,
            {
                **_POST,
                "household_id": F("id"),
                "category": F("str", optional=False, choices=_choices(v.NeedCategory)),
                "urgency": F("str", choices=_choices(v.Urgency)),
                "note": F("str", max_len=1000),
                "referred_to": F("str", max_len=200),
                "opened_at": F("time"),
                "status_note": F("str", max_len=1000),
            },
            statuses=_ranks(
                (v.NeedStatus.OPEN,),
                (v.NeedStatus.IN_PROGRESS,),
                (v.NeedStatus.REFERRED,),
                (v.NeedStatus.DONE, v.NeedStatus.CANCELLED),
            ),
            final=frozenset({v.NeedStatus.DONE, v.NeedStatus.CANCELLED}),
            initial=v.NeedStatus.OPEN,
        ),
        EntitySpec(
            "supply_item",
            Kind.HUB_OWNED,
            {
                "code": F("str", optional=False, max_len=40),
                "name": F("str", optional=False, max_len=200),
                "unit": F("str", optional=False, max_len=20),
                "category": F("str", max_len=40),
                "ration_per_person_per_day": F("float"),
                "ration_per_household_per_day": F("float"),
                "min_interval_minutes": F("int"),
                "min_stock": F("float"),
                "quick_quantity": F("float"),
                "retired": F("bool"),
            },
        ),
        EntitySpec(
            "stock_movement",
            Kind.FACT,
            {
                **_POST,
                "item_id": F("id", optional=False),
                "quantity": F("float", optional=False),
                "kind": F("str", optional=False, choices=_choices(v.MovementKind)),
                "reason": F("str", max_len=500),
                "at": F("time"),
            },
        ),
        EntitySpec(
            "distribution",
            Kind.FACT,
            {
                **_POST,
                "household_id": F("id", optional=False),
                "item_id": F("id", optional=False),
                "quantity": F("float", optional=False),
                "override_reason": F("str", max_len=500),
                "corrects": F("id"),  # an undo: the distribution this one reverses
                "at": F("time"),
                "from_paper": F("bool"),  # typed in from a paper form (event schema 3)
            },
        ),
        EntitySpec(
            "alarm",
            Kind.LIFECYCLE,
            {
                **_POST,
                "type": F("str", optional=False, choices=_choices(v.AlarmType)),
                "urgency": F("str", optional=False, choices=_choices(v.Urgency)),
                "location": F("str", max_len=300),
                "persons": F("int"),
                "description": F("str", max_len=1000),
                "raised_at": F("time"),
                "status_note": F("str", max_len=1000),
                "acknowledged_by": F("str", max_len=200),
                "acknowledged_at": F("time"),
            },
            statuses=_ranks(
                (v.AlarmStatus.OPEN,),
                (v.AlarmStatus.SENT,),
                (v.AlarmStatus.RECEIVED,),
                (v.AlarmStatus.ACKNOWLEDGED,),
                (v.AlarmStatus.CLOSED, v.AlarmStatus.CANCELLED),
            ),
            final=frozenset({v.AlarmStatus.CLOSED, v.AlarmStatus.CANCELLED}),
            initial=v.AlarmStatus.OPEN,
        ),
        EntitySpec(
            "volunteer",
            Kind.RECORD,
            {
                **_POST,
                "name": F("str", optional=False, max_len=200),
                "role": F("str", optional=False, choices=_choices(v.Role)),
                "pin_hash": F("str", max_len=200),  # event schema 1 only: now a ``credential``
                "skills": F("list"),
                "phone": F("str", max_len=40),
                "active": F("bool"),
            },
        ),
        # What only sign-in needs, apart from the volunteer so it never has to leave the post.
        EntitySpec(
            "credential",
            Kind.RECORD,
            {
                **_POST,
                "volunteer_id": F("id", optional=False),
                "pin_hash": F("str", max_len=200),
            },
        ),
        EntitySpec(
            "shift",
            Kind.LIFECYCLE,
            {
                **_POST,
                "volunteer_id": F("id", optional=False),
                "task": F("str", max_len=200),
                "started_at": F("time"),
                "ended_at": F("time"),
                "handover_note": F("str", max_len=1000),
            },
            statuses=_ranks((v.ShiftStatus.ON_DUTY,), (v.ShiftStatus.ENDED,)),
            final=frozenset({v.ShiftStatus.ENDED}),
            initial=v.ShiftStatus.ON_DUTY,
        ),
        EntitySpec(
            "log_entry",
            Kind.FACT,
            {
                **_POST,
                "at": F("time"),
                "text": F("str", optional=False, max_len=2000),
                "category": F("str", max_len=40),
                "automatic": F("bool"),
            },
        ),
        EntitySpec(
            "bulletin",
            Kind.HUB_OWNED,
            {
                "title": F("str", optional=False, max_len=200),
                "body": F("str", max_len=4000),
                "valid_until": F("time"),
                "targets": F("list"),  # post codes; empty means every post
                "published_at": F("time"),
            },
        ),
        EntitySpec(
            "charging_ticket",
            Kind.LIFECYCLE,
            {
                **_POST,
                "number": F("int", optional=False),
                "household_id": F("id"),
                "device": F("str", optional=False, max_len=200),
                "checked_in_at": F("time"),
                "returned_at": F("time"),
            },
            statuses=_ranks(
                (v.ChargingStatus.CHARGING,),
                (v.ChargingStatus.RETURNED, v.ChargingStatus.CANCELLED),
            ),
            final=frozenset({v.ChargingStatus.RETURNED, v.ChargingStatus.CANCELLED}),
            initial=v.ChargingStatus.CHARGING,
        ),
        # The post's generator (*aggregaat*): append-only readings of its tank, as written down.
        EntitySpec(
            "generator_reading",
            Kind.FACT,
            {
                **_POST,
                "at": F("time", optional=False),
                "running": F("bool", optional=False),
                "litres_added": F("float"),  # refilled since the previous reading
                "litres_left": F("float", optional=False),  # in the tank now, after a refill
                "note": F("str", max_len=500),
            },
        ),
        EntitySpec(
            "supply_dispatch",
            Kind.LIFECYCLE,
            {
                **_POST,  # the post the goods go to
                "from_code": F("str", max_len=16),  # the hub that sent them
                "lines": F("list", optional=False),  # [{"item_id": id, "quantity": number}]
                "expected_at": F("time"),
                "note": F("str", max_len=1000),
                "request_id": F("id"),  # the post's request this answers, if any
                "sent_at": F("time"),
                "received_lines": F("list"),  # what arrived, as counted at the post
                "received_at": F("time"),
                "receipt_note": F("str", max_len=1000),
                "status_note": F("str", max_len=1000),
            },
            # Goods that arrived are in stock whatever the hub decided meanwhile: a receipt
            # outranks a cancellation that crossed it on the way.
            statuses=_ranks(
                (v.DispatchStatus.IN_TRANSIT,),
                (v.DispatchStatus.CANCELLED,),
                (v.DispatchStatus.RECEIVED,),
            ),
            final=frozenset({v.DispatchStatus.RECEIVED, v.DispatchStatus.CANCELLED}),
            initial=v.DispatchStatus.IN_TRANSIT,
        ),
        EntitySpec(
            "supply_request",
            Kind.LIFECYCLE,
            {
                **_POST,
                "lines": F("list", optional=False),  # [{"item_id": id, "quantity": number}]
                "urgency": F("str", choices=_choices(v.Urgency)),
                "note": F("str", max_len=1000),
                "requested_at": F("time"),
                "answer": F("str", max_len=1000),
                "answered_at": F("time"),
                "status_note": F("str", max_len=1000),
            },
            statuses=_ranks(
                (v.RequestStatus.OPEN,), (v.RequestStatus.ANSWERED,), (v.RequestStatus.CLOSED,)
            ),
            final=frozenset({v.RequestStatus.CLOSED}),
            initial=v.RequestStatus.OPEN,
        ),
        EntitySpec(
            "safe_message",
            Kind.RECORD,
            {
                **_POST,
                "household_id": F("id"),
                "name": F("str", optional=False, max_len=200),
                "birth_year": F("int"),
                "age_band": F("str", max_len=8),
                "message": F("str", max_len=1000),
                "contact": F("str", max_len=200),
                "consent": F("bool", optional=False),
                "given_at": F("time"),
            },
        ),
    )
}


def spec_for(entity: str) -> EntitySpec:
    try:
        return SPECS[entity]
    except KeyError:
        raise InvalidEvent(f"unknown entity {entity!r}") from None
