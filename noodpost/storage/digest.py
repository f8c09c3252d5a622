"""A digest of the projected state: two nodes with the same events show the same digest.

Used by the convergence tests and by ``status``; it covers every state table and the derived
card and status-change tables, row by row in id order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from noodpost.storage.models import STATE_MODELS, Card, StatusChange


def _tables(entities: Iterable[str] | None) -> list[Table]:
    names = sorted(entities) if entities is not None else sorted(STATE_MODELS)
    tables: list[Table] = [STATE_MODELS[name].__table__ for name in names]  # type: ignore[misc]
    if entities is None:
        tables += [Card.__table__, StatusChange.__table__]  # type: ignore[list-item]
    return tables


def table_rows(session: Session, table: Table) -> list[dict[str, object]]:
    order = list(table.primary_key.columns)
    return [dict(row._mapping) for row in session.execute(select(table).order_by(*order))]


def state_digest(session: Session, entities: Iterable[str] | None = None) -> str:
    """SHA-256 over the projected rows of ``entities`` (all state, when ``None``)."""
    digest = hashlib.sha256()
    for table in _tables(entities):
        digest.update(table.name.encode())
        for row in table_rows(session, table):
            digest.update(json.dumps(row, sort_keys=True, default=str).encode())
    return digest.hexdigest()
