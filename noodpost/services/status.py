"""The state of this node at a glance: who it is, what it holds, and whether the file is sound.

Used by ``noodpost status``, the overview page and (later) the hub, so all three report the
same numbers. Counts are of non-deleted rows in each state table, keyed by the plural of the
entity name (``household`` → ``households``), which is also the name ``status --json`` uses.

Two figures are not rows of one table, because a person reading the word means something else:
``people`` (*Personen*) is everyone in the households, the sum of their sizes — a ``person`` row
is only a household member recorded by name, which is rare — and ``logbook_lines``
(*Logboekregels*) is every line the logbook page shows (:class:`LogbookScope`), of which the
``log_entries`` are only the ones typed by hand. ``present`` is the persons present now (the
sum of the open visits' persons; at a post its own, at the hub every post's) and
``present_households`` their households — the totals the noodlijst prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from noodpost.core.clock import to_ms
from noodpost.core.hlc import wall_behind
from noodpost.core.vocabulary import NodeRole
from noodpost.services.base import ServiceContext
from noodpost.services.logbook import LogbookScope
from noodpost.services.visits import present_at
from noodpost.storage.dialect import quick_check
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import count_events
from noodpost.storage.models import STATE_MODELS, Household, Quarantine, Visit
from noodpost.storage.node import require_node
from noodpost.storage.quarantine import REFUSED_PREFIX
from noodpost.storage.streams import version_vector

#: Dutch names for the counts, in the order a person reads them. Counts of entities added
#: later and not listed here still appear, after these, under their plural key.
COUNT_LABELS: dict[str, str] = {
    "households": "Huishoudens",
    "people": "Personen",
    "present": "Aanwezig (personen)",
    "present_households": "Aanwezig (huishoudens)",
    "persons": "Gezinsleden met eigen gegevens",
    "visits": "Bezoeken",
    "needs": "Hulpvragen",
    "distributions": "Uitgiften",
    "stock_movements": "Voorraadboekingen",
    "supply_items": "Artikelen in de voorraadlijst",
    "alarms": "Noodmeldingen",
    "charging_tickets": "Oplaadbonnen",
    "generator_readings": "Aggregaatstanden",
    "safe_messages": "Veilig-en-welberichten",
    "volunteers": "Vrijwilligers",
    "shifts": "Diensten",
    "logbook_lines": "Logboekregels",
    "log_entries": "Logboekregels met de hand geschreven",
    "bulletins": "Mededelingen",
    "card_batches": "Series blanco kaarten",
    "posts": "Posten",
    "supply_dispatches": "Leveringen van de C-NSP",
    "supply_requests": "Aanvragen bij de C-NSP",
    "credentials": "Pincodes van vrijwilligers",
}


def plural(entity: str) -> str:
    """The count key of an entity: ``household`` → ``households``, ``log_entry`` → ``…entries``."""
    if entity.endswith("y") and entity[-2:-1] not in "aeiou":
        return entity[:-1] + "ies"
    if entity.endswith(("s", "x", "ch", "sh")):
        return entity + "es"
    return entity + "s"


def count_label(key: str) -> str:
    return COUNT_LABELS.get(key, key.replace("_", " ").capitalize())


@dataclass(frozen=True)
class StreamPosition:
    """How far this node holds one origin's events: everything up to ``seq``, no gaps."""

    origin: str
    incarnation: str
    seq: int


@dataclass(frozen=True)
class NodeStatus:
    """A snapshot of one node. ``as_dict()`` is the ``status --json`` document."""

    node_id: str
    role: str
    post_code: str
    name: str
    training: bool
    incarnation: str
    events: int
    quarantined: int
    integrity: str
    refused: int = 0  # of the quarantined: not their sender's to write or pass on
    counts: dict[str, int] = field(default_factory=dict)
    version_vector: tuple[StreamPosition, ...] = ()

    @property
    def sound(self) -> bool:
        """True when SQLite's quick check found nothing wrong."""
        return self.integrity == "ok"

    def ordered_counts(self) -> list[tuple[str, int]]:
        """The counts in reading order: the labelled ones first, then any others by name."""
        known = [(key, self.counts[key]) for key in COUNT_LABELS if key in self.counts]
        others = sorted((k, v) for k, v in self.counts.items() if k not in COUNT_LABELS)
        return known + others

    def as_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {
            "node_id": self.node_id,
            "role": self.role,
            "post_code": self.post_code,
            "name": self.name,
            "training": self.training,
            "incarnation": self.incarnation,
        }
        document.update(sorted(self.counts.items()))
        document["events"] = self.events
        document["version_vector"] = [
            {"origin": p.origin, "incarnation": p.incarnation, "seq": p.seq}
            for p in self.version_vector
        ]
        document["quarantined"] = self.quarantined
        document["refused"] = self.refused
        document["integrity"] = self.integrity
        return document


def read_status(session: Session) -> NodeStatus:
    """Everything :class:`NodeStatus` reports, read in one snapshot.

    Raises:
        UserError: the database holds no node yet.
    """
    node = require_node(session)
    counts = {
        plural(entity): session.scalar(
            select(func.count()).select_from(model).where(model.deleted.is_(False))
        )
        or 0
        for entity, model in STATE_MODELS.items()
    }
    counts["people"] = people_in_households(session)
    at = None if node.role == NodeRole.HUB else node.post_code
    counts["present"], counts["present_households"] = present_now(session, at)
    logbook = LogbookScope(node.post_code, every_post=node.role == NodeRole.HUB)
    counts["logbook_lines"] = logbook.line_count(session)
    vector = tuple(
        StreamPosition(origin, incarnation, seq)
        for (origin, incarnation), seq in sorted(version_vector(session).items())
    )
    quarantined = session.scalar(select(func.count()).select_from(Quarantine)) or 0
    refused = (
        session.scalar(
            select(func.count())
            .select_from(Quarantine)
            .where(Quarantine.reason.startswith(REFUSED_PREFIX))
        )
        or 0
    )
    integrity = "; ".join(quick_check(session.connection()).splitlines())
    return NodeStatus(
        node_id=node.node_id,
        role=node.role,
        post_code=node.post_code,
        name=node.name,
        training=bool(node.training),
        incarnation=node.incarnation,
        events=count_events(session),
        quarantined=quarantined,
        refused=refused,
        integrity=integrity,
        counts=counts,
        version_vector=vector,
    )


def people_in_households(session: Session) -> int:
    """Everyone in the households this node holds: the sum of their sizes (*Personen*)."""
    total = session.scalar(
        select(func.coalesce(func.sum(Household.size), 0)).where(Household.deleted.is_(False))
    )
    return int(total or 0)


def present_now(session: Session, post_code: str | None) -> tuple[int, int]:
    """Persons and households present now at ``post_code`` (``None``: at every post), as the
    noodlijst lists them: ``present`` in ``status --json`` is persons, ``present_households``
    the households."""
    persons, households = session.execute(
        select(
            func.coalesce(func.sum(Visit.persons), 0), func.count(distinct(Visit.household_id))
        ).where(*present_at(post_code))
    ).one()
    return int(persons or 0), int(households or 0)


def node_status(db: Database) -> dict[str, Any]:
    """The ``status --json`` document of the node in ``db``.

    Raises:
        UserError: the database holds no node yet.
    """
    with db.read() as session:
        return read_status(session).as_dict()


class StatusService:
    """The node's status for screens: the same numbers as ``noodpost status``."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def current(self) -> NodeStatus:
        with self.ctx.read() as session:
            return read_status(session)

    def clock_behind(self) -> bool:
        """True when this laptop's clock is behind times it already recorded (DESIGN §3.2).

        The hybrid clock keeps counting correctly, but new times shown to people would be
        wrong: the status line asks the volunteer to check the date and time.
        """
        with self.ctx.read() as session:
            node = require_node(session)
            return wall_behind(node.hlc, to_ms(self.ctx.clock.now()))
