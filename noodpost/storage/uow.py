"""Unit of work: one transaction in which a service validates, writes its event and projects."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from noodpost.core.clock import Clock
from noodpost.core.entities import Op
from noodpost.core.events import EventRecord
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import append
from noodpost.storage.models import Node
from noodpost.storage.node import require_node


class UnitOfWork:
    """The write side of one service call. Rolled back unless the block ends normally."""

    def __init__(self, session: Session, node: Node, clock: Clock, author: str | None) -> None:
        self.session = session
        self.node = node
        self.clock = clock
        self.author = author
        self.events: list[EventRecord] = []

    def emit(self, entity: str, entity_id: str, op: Op, data: Mapping[str, Any]) -> EventRecord:
        record = append(
            self.session, self.node, self.clock, entity, entity_id, op, data, self.author
        )
        self.events.append(record)
        return record


@contextmanager
def unit_of_work(db: Database, clock: Clock, author: str | None) -> Iterator[UnitOfWork]:
    with db.write() as session:
        yield UnitOfWork(session, require_node(session), clock, author)
