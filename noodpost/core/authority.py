"""Who may write what (DESIGN §3.8): write authority as data, and the scope of every event.

A signature proves who sent a bundle, not that its content is true. Every receiver decides per
event, from what *it* knows of the event's origin (its approved role and post code), whether
that origin may write it — never from what the event says about itself. Local writes pass the
same check (:mod:`noodpost.storage.eventlog`), so a service can never write what a remote event
could not.

Every entity belongs to an **owner**: the post whose code is in its ``post_code`` field (a
person: the post of its household), or every post (``*``) for the hub's catalogue and
bulletins. The table :data:`RULES` says, per entity and operation — and for lifecycles per
status an event moves to — which writers may do it:

- :attr:`Writer.OWNER` — the owning post's own nodes (its desks; for the hub's own records,
  the hub itself);
- :attr:`Writer.HUB` — the hub (C-NSP), for hub-owned data and the hub's steps in a post's
  lifecycles (an alarm's receipt, acknowledgement and closing; answers to requests).

A grant may limit the fields a writer may set (the hub anonymising a post's household touches
only the fields retention anonymises; a post confirming a delivery only the receipt fields).

The **audience** of an event is who may hold it beyond its writer's post: the owner's code, or
``*`` (every post). Secrets that only sign-in needs (:data:`SECRET_ENTITIES`) never leave the
post's own desks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any, NamedTuple

from noodpost.core.entities import SPECS, Kind, Op
from noodpost.core.ids import post_id
from noodpost.core.retention import ANONYMISED_FIELDS
from noodpost.core.vocabulary import AlarmStatus, DispatchStatus, NodeRole, RequestStatus, label

#: The audience of data every post may hold (the catalogue, bulletins, the hub's post record).
EVERY_POST = "*"
#: Entities that hold what only sign-in needs: kept by the post's desks, never sent to a hub.
SECRET_ENTITIES = frozenset({"credential"})
#: The field that, in older volunteer events, carried the PIN hash (event schema 1).
LEGACY_SECRET_FIELD = "pin_hash"
#: Keys every writer may send along: the fold's base clock, and (checked apart) the owner.
_ALWAYS = frozenset({"_base", "post_code", "status"})


class Writer(StrEnum):
    OWNER = "owner"
    HUB = "hub"


#: Per writer, the fields it may set (``None``: any field of the entity).
Grant = Mapping[Writer, frozenset[str] | None]

OWNER_ONLY: Grant = {Writer.OWNER: None}
HUB_ONLY: Grant = {Writer.HUB: None}


@dataclass(frozen=True)
class Rule:
    """Who may write one entity kind.

    Attributes:
        owner_field: the field naming the owning post (``None``: every post's, hub-owned).
        via: for an entity without its own post field, the field referring to the entity
            whose owner it shares (``person.household_id`` → the household's post).
        create, update, delete: who may do each operation.
        statuses: for lifecycles, who may move the entity *to* each status (with any op).
        references: fields that point at another entity (field → entity), which must belong
            to the same post.
    """

    owner_field: str | None
    create: Grant
    update: Grant
    delete: Grant
    statuses: Mapping[str, Grant] = field(default_factory=dict)
    via: tuple[str, str] | None = None
    references: Mapping[str, str] = field(default_factory=dict)


def _post_owned(entity: str, **kwargs: Any) -> Rule:
    """A post's own data: its desks write it; the hub may only anonymise it (retention)."""
    anonymise = ANONYMISED_FIELDS.get(entity)
    update: Grant = (
        {Writer.OWNER: None, Writer.HUB: frozenset(anonymise)} if anonymise else OWNER_ONLY
    )
    spec = SPECS[entity]
    statuses = {status: OWNER_ONLY for status in spec.statuses}
    statuses.update(kwargs.pop("statuses", {}))
    return Rule(
        kwargs.pop("owner_field", "post_code"),
        OWNER_ONLY,
        update,
        OWNER_ONLY,
        statuses,
        **kwargs,
    )


_HOUSEHOLD_REF = {"household_id": "household"}
_ALARM_HUB_FIELDS = frozenset({"status_note", "acknowledged_by", "acknowledged_at"})

RULES: dict[str, Rule] = {
    "post": _post_owned("post"),
    "household": _post_owned("household"),
    "person": _post_owned("person", via=("household_id", "household"), references=_HOUSEHOLD_REF),
    "card_batch": _post_owned("card_batch"),
    "visit": _post_owned("visit", references=_HOUSEHOLD_REF),
    "need": _post_owned("need", references=_HOUSEHOLD_REF),
    "stock_movement": _post_owned("stock_movement"),
    "distribution": _post_owned("distribution", references=_HOUSEHOLD_REF),
    "alarm": _post_owned(
        "alarm",
        statuses={
            AlarmStatus.RECEIVED: {Writer.HUB: _ALARM_HUB_FIELDS},
            AlarmStatus.ACKNOWLEDGED: {Writer.HUB: _ALARM_HUB_FIELDS},
            AlarmStatus.CLOSED: {Writer.HUB: _ALARM_HUB_FIELDS},
            AlarmStatus.CANCELLED: {Writer.OWNER: None, Writer.HUB: _ALARM_HUB_FIELDS},
        },
    ),
    "volunteer": _post_owned("volunteer"),
    "credential": _post_owned("credential", references={"volunteer_id": "volunteer"}),
    "shift": _post_owned("shift", references={"volunteer_id": "volunteer"}),
    "log_entry": _post_owned("log_entry"),
    "charging_ticket": _post_owned("charging_ticket", references=_HOUSEHOLD_REF),
    "safe_message": _post_owned("safe_message", references=_HOUSEHOLD_REF),
    # Operational, not personal: the hub reads it (Regio, SITREP); only the post writes it.
    "generator_reading": _post_owned("generator_reading"),
    "supply_request": _post_owned(
        "supply_request",
        statuses={
            RequestStatus.ANSWERED: {
                Writer.HUB: frozenset({"answer", "answered_at", "status_note"})
            },
            RequestStatus.CLOSED: {Writer.OWNER: None, Writer.HUB: frozenset({"status_note"})},
        },
    ),
    # A delivery is addressed to a post (its post_code) but written by the hub; the post only
    # confirms what arrived.
    "supply_dispatch": Rule(
        "post_code",
        HUB_ONLY,
        HUB_ONLY,
        HUB_ONLY,
        {
            DispatchStatus.IN_TRANSIT: HUB_ONLY,
            DispatchStatus.CANCELLED: HUB_ONLY,
            DispatchStatus.RECEIVED: {
                Writer.OWNER: frozenset(
                    {"received_lines", "received_at", "receipt_note", "status_note"}
                )
            },
        },
        references={"request_id": "supply_request"},
    ),
    "supply_item": Rule(None, HUB_ONLY, HUB_ONLY, HUB_ONLY),
    "bulletin": Rule(None, HUB_ONLY, HUB_ONLY, HUB_ONLY),
}

#: Fields only the hub may set, whoever else may write the entity.
_HUB_FIELDS: dict[str, frozenset[str]] = {
    "alarm": frozenset({"acknowledged_by", "acknowledged_at"}),
    "supply_request": frozenset({"answer", "answered_at"}),
}

NOUNS: dict[str, str] = {
    "post": "postgegevens",
    "household": "huishouden",
    "person": "persoon",
    "card_batch": "kaartenreeks",
    "visit": "bezoek",
    "need": "hulpvraag",
    "stock_movement": "voorraadmutatie",
    "distribution": "uitgifte",
    "alarm": "noodmelding",
    "volunteer": "vrijwilliger",
    "credential": "pincode",
    "shift": "dienst",
    "log_entry": "logboekregel",
    "charging_ticket": "oplaadbon",
    "safe_message": "veilig-en-wel-bericht",
    "generator_reading": "aggregaatstand",
    "supply_request": "aanvraag",
    "supply_dispatch": "levering",
    "supply_item": "artikel",
    "bulletin": "bericht",
}


class Origin(NamedTuple):
    """What a receiver knows of the node that made an event: its approved role and post.

    A named tuple: part of the key :func:`refusal` caches its judgements by, once per event.

    Attributes:
        relayed: the stream comes through another node (a post's own stream, sent back by its
            hub after a restore). A relay may pass on what its origin wrote, never a secret
            (the hub never holds one) and never this node's current incarnation (which only
            this node itself writes).
    """

    role: str
    post_code: str
    relayed: bool = False

    @property
    def is_hub(self) -> bool:
        return self.role == NodeRole.HUB.value


def owner_field(entity: str) -> str | None:
    return RULES[entity].owner_field


def is_secret(entity: str, data: Mapping[str, Any]) -> bool:
    """Whether an event carries what only sign-in needs (never sent to a hub)."""
    return entity in SECRET_ENTITIES or (entity == "volunteer" and LEGACY_SECRET_FIELD in data)


def secret_refusal(writer: Origin, receiver: str | None) -> str | None:
    """Why a secret (:func:`is_secret`) from ``writer`` may not be taken, or ``None``: only the
    desks of the receiver's own post may send one, never through a relay."""
    if writer.relayed:
        return "een pincode komt nooit via een ander knooppunt"
    if receiver is not None and writer.post_code != receiver:
        return "een pincode verlaat de eigen post nooit"
    return None


def is_hub_owned(entity: str) -> bool:
    return RULES[entity].owner_field is None


def audience(entity: str, owner: str, writer: Origin) -> str:
    """Who may hold an event beyond its owner: the owner's code, or every post.

    The hub's own post record goes to every post (a post learns from it that the crisis is
    closed); everything else the hub owns itself (its volunteers, its logbook) stays at the hub.
    """
    if owner == EVERY_POST or (entity == "post" and writer.is_hub and owner == writer.post_code):
        return EVERY_POST
    return owner


def _doing(entity: str, op: str, status: str | None) -> str:
    noun = NOUNS.get(entity, entity)
    if status is not None and (op == Op.STATUS or (op == Op.CREATE and status)):
        if op == Op.CREATE and status == SPECS[entity].initial:
            return f"een {noun} aanmaken"
        return f"een {noun} op '{label(status)}' zetten"
    verb = {Op.CREATE: "aanmaken", Op.UPDATE: "wijzigen", Op.DELETE: "verwijderen"}.get(Op(op), op)
    return f"een {noun} {verb}"


def _whose(owner: str) -> str:
    return "van de C-NSP" if owner == EVERY_POST else f"van {owner}"


def refusal(
    entity: str,
    op: str,
    data: Mapping[str, Any],
    owner: str,
    writer: Origin,
    *,
    entity_id: str | None = None,
    local: bool = False,
    receiver: str | None = None,
) -> str | None:
    """Why ``writer`` may not write this event (Dutch, for the quarantine list), or ``None``.

    Args:
        owner: the entity's owner as the receiver resolved it (:data:`EVERY_POST` for
            hub-owned data): from the entity already held, never only from the event.
        receiver: the receiving node's post code (for remote events): a secret is taken only
            from the desks of the receiver's own post, never from a hub or another post.
        local: this node writes it itself. A node may seed the catalogue it was set up with
            (version 1 of the items shipped with Noodpost): a post works before it ever met
            its hub. Those events never leave the post
            (:func:`noodpost.sync.scope.outgoing_scope`).
    """
    rule = RULES.get(entity)
    if rule is None:
        return f"onbekend soort gegevens '{entity}'"
    if local and entity == "supply_item" and op == Op.CREATE and data.get("version") == 1:
        return None
    status = data.get("status") if SPECS[entity].kind is Kind.LIFECYCLE else None
    stated = data.get(rule.owner_field) if rule.owner_field else None
    return _judged(
        entity,
        op,
        frozenset(data),
        stated if isinstance(stated, str) else None,
        status if isinstance(status, str) else None,
        owner,
        writer,
        entity_id if entity == "post" else None,
        receiver,
    )


@lru_cache(maxsize=4096)  # an import judges a million events of a few hundred shapes
def _judged(
    entity: str,
    op: str,
    fields: frozenset[str],
    stated: str | None,
    status: str | None,
    owner: str,
    writer: Origin,
    entity_id: str | None,
    receiver: str | None,
) -> str | None:
    """:func:`refusal` of an event of this shape: its fields, stated owner and status."""
    rule = RULES[entity]
    if entity in SECRET_ENTITIES or (entity == "volunteer" and LEGACY_SECRET_FIELD in fields):
        why = secret_refusal(writer, receiver)
        if why is not None:
            return why
    if entity == "post" and entity_id is not None and entity_id != post_id(owner):
        return f"postgegevens met een id die niet bij {owner} hoort"
    if stated is not None and stated != owner:
        return f"{_doing(entity, op, None)} {_whose(owner)} kan niet naar {stated} verhuizen"
    grants: list[Grant] = []
    if op == Op.CREATE:
        grants.append(rule.create)
    elif op == Op.UPDATE:
        grants.append(rule.update)
    elif op == Op.DELETE:
        grants.append(rule.delete)
    if status is not None and not (op == Op.CREATE and status == SPECS[entity].initial):
        grants.append(rule.statuses.get(status, {}))
    keys = fields - _ALWAYS
    for grant in grants:
        allowed = _allowed(entity, grant, owner, writer)
        if allowed is _DENIED:
            who = "de C-NSP" if writer.is_hub else writer.post_code
            return f"{who} mag niet {_doing(entity, op, status)} {_whose(owner)}"
        if allowed is not None and not keys <= allowed:
            extra = ", ".join(sorted(keys - allowed))
            return f"bij {_doing(entity, op, status)} {_whose(owner)} niet toegestaan: {extra}"
    return None


_DENIED: frozenset[str] = frozenset({"\0denied"})


def _allowed(entity: str, grant: Grant, owner: str, writer: Origin) -> frozenset[str] | None:
    """The fields ``writer`` may set under ``grant`` (``None``: all), or :data:`_DENIED`."""
    if Writer.OWNER in grant and owner != EVERY_POST and writer.post_code == owner:
        fields = grant[Writer.OWNER]
        if fields is None and not writer.is_hub and entity in _HUB_FIELDS:
            return frozenset(SPECS[entity].fields) - _HUB_FIELDS[entity]
        return fields
    if Writer.HUB in grant and writer.is_hub:
        return grant[Writer.HUB]
    return _DENIED
