"""What every service shares: the database, the clock, who is signed in, and change listeners."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case
from sqlalchemy.orm import InstrumentedAttribute, Session

from noodpost.core.clock import Clock, iso
from noodpost.core.entities import SPECS
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate
from noodpost.core.ids import new_id
from noodpost.core.vocabulary import Urgency
from noodpost.storage.engine import Database
from noodpost.storage.node import require_node
from noodpost.storage.uow import UnitOfWork, unit_of_work

#: Called after a commit with the names of the entities that changed.
ChangeListener = Callable[[frozenset[str]], None]


@dataclass(frozen=True)
class NodeInfo:
    """This installation as services and screens need it."""

    node_id: str
    role: str
    post_code: str
    name: str
    training: bool

    @property
    def is_hub(self) -> bool:
        return self.role == "hub"


#: What a change by another process may have touched: any kind of entity.
EVERY_KIND = frozenset(SPECS)


class ServiceContext:
    """Shared by all services of one installation (built once, in the composition root).

    Attributes:
        actor: id of the signed-in volunteer; recorded as author of every event.
    """

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.actor: str | None = None
        self._listeners: list[ChangeListener] = []
        self._node: NodeInfo | None = None
        # Changes by another process (DESIGN §3: several processes on one data folder):
        # SQLite's data_version after the last change we know of, and whether one was seen
        # that nobody has been told about yet.
        self._seen_version: int | None = None
        self._missed = False
        self._version_lock = threading.Lock()
        self._snapshot = threading.local()  # .session: the read shared on this thread

    @property
    def node(self) -> NodeInfo:
        if self._node is None:
            with self.db.read() as session:
                row = require_node(session)
                self._node = NodeInfo(
                    row.node_id, row.role, row.post_code, row.name, bool(row.training)
                )
        return self._node

    def forget_node(self) -> None:
        self._node = None

    def subscribe(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    def announce(self, entities: frozenset[str]) -> None:
        with self._version_lock:
            if self._missed:  # another process wrote just before: it may have changed anything
                entities, self._missed = EVERY_KIND, False
            self._seen_version = self.db.data_version()  # ours: nothing from outside since
        for listener in list(self._listeners):
            listener(entities)

    def outside_change(self) -> bool:
        """Whether the database changed since the last change we announced or saw: another
        process wrote (``noodpost sync import`` on the command line, say) — or a write of ours
        that announced nothing. The first call only takes the measure."""
        with self._version_lock:
            self._look()
            missed, self._missed = self._missed, False
            return missed

    def _look(self) -> None:
        version = self.db.data_version()
        if self._seen_version is not None and version != self._seen_version:
            self._missed = True
        self._seen_version = version

    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """A unit of work; listeners hear about it only after it committed."""
        with self._version_lock:
            self._look()  # another process's commit before ours is not taken for ours
        with unit_of_work(self.db, self.clock, self.actor) as uow:
            yield uow
        changed = frozenset(e.entity for e in uow.events)
        if changed:
            self.announce(changed)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; inside :meth:`snapshot` on this thread, the snapshot's."""
        shared: Session | None = getattr(self._snapshot, "session", None)
        if shared is not None:
            yield shared
            return
        with self.db.read() as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read on this thread inside the block shares one transaction, so what they
        return together was true at one moment (a screen's read: the desk's panel, its
        presence count and its latest actions agree)."""
        if getattr(self._snapshot, "session", None) is not None:
            yield  # already inside one
            return
        with self.db.read() as session:
            self._snapshot.session = session
            try:
                yield
            finally:
                self._snapshot.session = None

    def now_iso(self) -> str:
        return iso(self.clock.now())


__all__ = [
    "NodeInfo",
    "ServiceContext",
    "new_id",
    "optional_text",
    "post_scope",
    "require_text",
    "urgency_order",
]


def urgency_order(column: InstrumentedAttribute[Any]) -> ColumnElement[int]:
    """Sort key for ``order_by``: spoed first, then hoog, then the rest."""
    return case(
        {Urgency.IMMEDIATE.value: 0, Urgency.HIGH.value: 1},
        value=column,
        else_=2,
    )


def post_scope(ctx: ServiceContext, model: Any) -> list[ColumnElement[bool]]:
    """Rows that are not deleted and — except at the hub, which sees every post — this post's."""
    filters: list[ColumnElement[bool]] = [model.deleted.is_(False)]
    if not ctx.node.is_hub:
        filters.append(model.post_code == ctx.node.post_code)
    return filters


def require_text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise UserError(translate("Services", "Vul {what} in.").format(what=what))
    return text


def optional_text(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None
