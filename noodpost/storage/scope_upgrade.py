"""The data half of migration 0007 (trust and scope, DESIGN §3.8), in plain SQL.

- Every person gets its household's post (``person.post_code``), and every held event its
  ``audience`` (the owning post's code, or ``*``) and ``secret`` flag, from the state tables,
  which hold each entity's post.
- A **post** drops what it holds of other posts: their streams, the hub's events about them,
  their records and quarantined events. Before §3.8 a hub relayed every post's data to every
  post; a post has no use for it and may not keep it (data minimisation). The hub's dropped
  events are recorded as covered, so the post's version vector keeps no gap. Logged (counts
  only) and audited.
- A **hub** forgets the PIN hashes of posts' volunteers (state and events; like retention's
  scrub, the events are rewritten: the hub never sends a post's volunteers anywhere but back to
  that post).

Written against table names, not the models, so later schema changes do not change it.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, text

from noodpost.core.audit import AuditAction
from noodpost.core.authority import EVERY_POST, LEGACY_SECRET_FIELD
from noodpost.core.clock import iso
from noodpost.core.events import canonical_json
from noodpost.core.vocabulary import NodeRole

log = logging.getLogger(__name__)

#: Post-owned tables with a ``post_code`` column (person is resolved through its household),
#: as they were at revision 0007: a table added later does not exist yet when this runs.
_OWNED = (
    "alarm",
    "card_batch",
    "charging_ticket",
    "credential",
    "distribution",
    "household",
    "log_entry",
    "need",
    "post",
    "safe_message",
    "shift",
    "stock_movement",
    "supply_dispatch",
    "supply_request",
    "visit",
    "volunteer",
)
_HUB_OWNED = ("bulletin", "supply_item")
_EXISTING = frozenset({*_OWNED, *_HUB_OWNED, "person"}) - {"credential"}


def upgrade_scope(connection: Connection) -> None:
    node = connection.execute(
        text("SELECT node_id, role, post_code FROM node ORDER BY id LIMIT 1")
    ).first()
    _fill_person_post(connection)
    _fill_audience(connection)
    if node is None:
        return  # a new database: nothing held yet
    node_id, role, code = node
    if role == NodeRole.HUB.value:
        _forget_post_pins(connection, node_id, code)
    else:
        _drop_other_posts(connection, node_id, code)


def _fill_person_post(connection: Connection) -> None:
    """A person's post (the new ``person.post_code``) is its household's: event schema 1 did
    not name it. A person whose household is not held keeps none."""
    connection.execute(
        text(
            "UPDATE person SET post_code = "
            "(SELECT h.post_code FROM household h WHERE h.id = person.household_id) "
            "WHERE post_code IS NULL"
        )
    )


def _fill_audience(connection: Connection) -> None:
    for entity in sorted(_EXISTING):
        if entity in _HUB_OWNED:
            value = f"'{EVERY_POST}'"
        elif entity == "post":
            value = (
                f"(SELECT CASE WHEN p.role = 'hub' THEN '{EVERY_POST}' ELSE p.post_code END "
                "FROM post p WHERE p.id = event.entity_id)"
            )
        else:
            value = f"(SELECT s.post_code FROM {entity} s WHERE s.id = event.entity_id)"
        connection.execute(
            text(f"UPDATE event SET audience = {value} WHERE entity = :entity"),
            {"entity": entity},
        )
    # In canonical JSON a key is the only place '"pin_hash":' can stand (quotes in values are
    # escaped).
    connection.execute(
        text("UPDATE event SET secret = :yes WHERE entity = 'volunteer' AND data LIKE :key"),
        {"yes": True, "key": f'%"{LEGACY_SECRET_FIELD}":%'},
    )


def _forget_post_pins(connection: Connection, node_id: str, code: str) -> None:
    rows = connection.execute(
        text(
            "SELECT origin, incarnation, seq, data FROM event "
            "WHERE entity = 'volunteer' AND secret = :yes AND origin != :me"
        ),
        {"yes": True, "me": node_id},
    ).all()
    for origin, incarnation, seq, data in rows:
        document = json.loads(data)
        document.pop(LEGACY_SECRET_FIELD, None)
        clean = canonical_json(document)
        connection.execute(
            text(
                "UPDATE event SET data = :data, data_hash = :hash, secret = :no "
                "WHERE origin = :o AND incarnation = :i AND seq = :s"
            ),
            {
                "data": clean,
                "hash": hashlib.sha256(clean.encode("utf-8")).hexdigest(),
                "no": False,
                "o": origin,
                "i": incarnation,
                "s": seq,
            },
        )
    forgotten = connection.execute(
        text("UPDATE volunteer SET pin_hash = NULL WHERE post_code != :code"), {"code": code}
    ).rowcount
    if rows or forgotten:
        log.info("upgrade: PIN-hashes van %d vrijwilliger(s) van posts vergeten", forgotten)
        _audit(connection, f"PIN-hashes van {forgotten} vrijwilliger(s) van posts vergeten")


def _drop_other_posts(connection: Connection, node_id: str, code: str) -> None:
    hubs = [h for (h,) in connection.execute(text("SELECT node_id FROM peer WHERE role = 'hub'"))]
    keep = [node_id, *hubs]
    audiences = [code, EVERY_POST]
    # The hub's events about other posts, as covered ranges of its stream.
    dropped_hub = connection.execute(
        text(
            "SELECT origin, incarnation, seq FROM event WHERE origin IN :hubs "
            "AND (audience IS NULL OR audience NOT IN :mine) ORDER BY origin, incarnation, seq"
        ).bindparams(bindparam("hubs", expanding=True), bindparam("mine", expanding=True)),
        {"hubs": hubs or ["-"], "mine": audiences},
    ).all()
    doomed = (
        "(origin NOT IN :keep OR (origin IN :hubs AND (audience IS NULL OR audience NOT IN :mine)))"
    )
    params: dict[str, Any] = {"keep": keep, "hubs": hubs or ["-"], "mine": audiences}
    expanding: list[BindParameter[Any]] = [
        bindparam(n, expanding=True) for n in ("keep", "hubs", "mine")
    ]
    doomed_e = doomed.replace("origin", "e.origin").replace("audience", "e.audience")
    connection.execute(
        text(
            "DELETE FROM status_change WHERE EXISTS (SELECT 1 FROM event e WHERE "
            "e.origin = status_change.origin AND e.incarnation = status_change.incarnation "
            f"AND e.seq = status_change.seq AND {doomed_e})"
        ).bindparams(*expanding),
        params,
    )
    events = connection.execute(
        text(f"DELETE FROM event WHERE {doomed}").bindparams(*expanding),
        params,
    ).rowcount
    held = connection.execute(
        text("DELETE FROM quarantine WHERE origin NOT IN :keep").bindparams(expanding[0]),
        {"keep": keep},
    ).rowcount
    records = 0
    for table in _OWNED:
        if table == "post":
            continue
        records += connection.execute(
            text(f"DELETE FROM {table} WHERE post_code != :code"),
            {"code": code},
        ).rowcount
    records += connection.execute(
        text(
            "DELETE FROM person WHERE (post_code IS NOT NULL AND post_code != :code) OR "
            "(post_code IS NULL AND household_id NOT IN (SELECT id FROM household))"
        ),
        {"code": code},
    ).rowcount
    records += connection.execute(
        text("DELETE FROM post WHERE post_code != :code AND (role IS NULL OR role != 'hub')"),
        {"code": code},
    ).rowcount
    connection.execute(text("DELETE FROM card WHERE post_code != :code"), {"code": code})
    _cover(connection, dropped_hub)
    if events or records or held:
        what = (
            f"gegevens van andere noodsteunpunten verwijderd: {events} gebeurtenissen, "
            f"{records} records, {held} uit quarantaine"
        )
        log.info("upgrade: %s", what)
        _audit(connection, what)


def _cover(connection: Connection, seqs: Sequence[Any]) -> None:
    """Record dropped seqs of the hub's stream as covered ranges."""
    ranges: list[list[Any]] = []
    for origin, incarnation, seq in seqs:
        last = ranges[-1] if ranges else None
        if last and last[0] == origin and last[1] == incarnation and last[3] + 1 == seq:
            last[3] = seq
        else:
            ranges.append([origin, incarnation, seq, seq])
    for origin, incarnation, low, high in ranges:
        connection.execute(
            text("INSERT INTO coverage (origin, incarnation, low, high) VALUES (:o, :i, :l, :h)"),
            {"o": origin, "i": incarnation, "l": low, "h": high},
        )


def _audit(connection: Connection, what: str) -> None:
    """One audit entry at the end of the hash chain (as :func:`storage.audit.append_audit`)."""
    from sqlalchemy.orm import Session  # noqa: PLC0415

    from noodpost.storage.audit import append_audit  # noqa: PLC0415

    with Session(bind=connection) as session:
        append_audit(
            session,
            at=iso(datetime.now(UTC)),
            actor=None,
            action=AuditAction.PURGE.value,
            obj=f"bij de upgrade: {what}",
        )
        session.flush()
