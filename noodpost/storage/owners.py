"""Whose an entity is, as this node knows it: the owner that write authority is checked against.

The owner of an entity is fixed when it is first stored (its ``post_code``; a person without
one: its household's post) and never moves: an event about an entity already held is judged by
the owner held here, never by the owner the event states (:mod:`noodpost.core.authority`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.authority import EVERY_POST, RULES
from noodpost.core.entities import Op
from noodpost.core.events import EventRecord
from noodpost.storage.models import STATE_MODELS, Person

#: Ids per ``IN`` query.
CHUNK = 500

Key = tuple[str, str]  # (entity, entity id)

_UNREAD = object()  # neither read nor learned yet (``None`` is known: not held here)


class OwnerBook:
    """Owners of the entities one batch of events touches: held ones read once, in bulk."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._known: dict[Key, str | None] = {}
        self._empty: set[str] = set()  # kinds of which nothing is held: nothing to read
        self._nonempty: set[str] = set()  # kinds of which something is held

    def prefetch(self, records: Iterable[EventRecord]) -> None:
        """Read the owners of every entity ``records`` touch or refer to, a query per kind."""
        records = list(records)
        kinds = {r.entity for r in records if r.entity in RULES}
        kinds |= {target for kind in kinds for target in RULES[kind].references.values()}
        for kind in kinds:  # a first import into a new hub holds none of the posts' kinds
            if RULES[kind].owner_field is not None:
                self._holds_any(kind)
        if kinds <= self._empty:
            return  # nothing held that these events could touch: nothing to read
        wanted: dict[str, set[str]] = defaultdict(set)
        for record in records:
            rule = RULES.get(record.entity)
            if rule is None or rule.owner_field is None:
                continue
            if record.entity not in self._empty:
                wanted[record.entity].add(record.entity_id)
            for name, target in rule.references.items():
                ref = record.data.get(name)
                if isinstance(ref, str) and target not in self._empty:
                    wanted[target].add(ref)
        for entity, ids in wanted.items():
            missing = sorted(i for i in ids if (entity, i) not in self._known)
            self._read(entity, missing)

    def _holds_any(self, entity: str) -> bool:
        """Whether anything of this kind is held: asked once per kind, remembered in
        ``_empty`` (what this batch learns is in ``_known``, not in the table)."""
        if entity in self._empty or entity in self._nonempty:
            return entity in self._nonempty
        if self.session.scalar(select(STATE_MODELS[entity].id).limit(1)) is None:
            self._empty.add(entity)
            return False
        self._nonempty.add(entity)
        return True

    def _read(self, entity: str, ids: Sequence[str]) -> None:
        for key in ids:
            self._known[(entity, key)] = None
        if not ids or not self._holds_any(entity):
            return  # nothing of this kind held yet (a first import skips the lookups)
        model = STATE_MODELS[entity]
        households: dict[str, list[str]] = defaultdict(list)
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            if model is Person:
                rows = self.session.execute(
                    select(Person.id, Person.post_code, Person.household_id).where(
                        Person.id.in_(part)
                    )
                )
                for key, code, household in rows:
                    if code is None:
                        households[household].append(key)
                    self._known[(entity, key)] = code
                continue
            column = getattr(model, "post_code")  # noqa: B009 — every post-owned table has it
            for key, code in self.session.execute(
                select(model.id, column).where(model.id.in_(part))
            ):
                self._known[(entity, key)] = code
        if households:  # persons stored before event schema 2: their household's post
            self._read(
                "household", sorted(h for h in households if ("household", h) not in self._known)
            )
            for household, persons in households.items():
                for key in persons:
                    self._known[(entity, key)] = self._known.get(("household", household))

    def held(self, entity: str, entity_id: str) -> str | None:
        """The owner of an entity held here (or learned from this batch), else ``None``."""
        key = (entity, entity_id)
        found = self._known.get(key, _UNREAD)
        if found is not _UNREAD:
            return cast("str | None", found)
        if entity in self._empty:
            return None  # not held, nor learned from this batch (yet)
        rule = RULES.get(entity)
        if rule is None:
            return None
        if rule.owner_field is None:
            return EVERY_POST
        self._read(entity, [entity_id])
        return self._known[key]

    def owner(self, record: EventRecord) -> str | None:
        """The owner ``record`` is judged by: the held one, else the one a new entity states.

        ``None`` when it cannot be known here: an edit of an entity this node never saw.
        """
        held = self.held(record.entity, record.entity_id)
        if held is not None or record.op != Op.CREATE:
            return held  # an edit of an entity not held here waits: nobody claims it first
        rule = RULES[record.entity]
        stated = record.data.get(rule.owner_field) if rule.owner_field else None
        if isinstance(stated, str):
            return stated
        if rule.via is not None:
            ref = record.data.get(rule.via[0])
            if isinstance(ref, str):
                return self.held(rule.via[1], ref)
        return None

    def learn(self, record: EventRecord, owner: str) -> None:
        """Remember the owner of an entity an accepted event of this batch brings in."""
        key = (record.entity, record.entity_id)
        if self._known.get(key) is None:
            self._known[key] = owner

    def foreign_reference(self, record: EventRecord, owner: str) -> str | None:
        """A field of ``record`` that points at an entity of another post, if any."""
        references = RULES[record.entity].references
        if not references:
            return None
        for name, target in references.items():
            ref = record.data.get(name)
            if not isinstance(ref, str):
                continue
            other = self.held(target, ref)
            if other is not None and other not in (owner, EVERY_POST):
                return name
        return None
