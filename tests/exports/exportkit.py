"""A post with a little of everything, written through the services (import as ``exportkit``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from support import FAST_HASHER, deliver

from noodpost.config import catalogue_path
from noodpost.core.catalogue import parse_catalogue
from noodpost.core.clock import FixedClock
from noodpost.services.alarms import AlarmsService
from noodpost.services.base import ServiceContext
from noodpost.services.intake import IntakeService
from noodpost.services.logbook import LogbookService
from noodpost.services.messages import MessagesService
from noodpost.services.needs import NeedsService
from noodpost.services.setup import initialise
from noodpost.services.supplies import SuppliesService
from noodpost.services.visits import VisitsService
from noodpost.services.volunteers import VolunteersService
from noodpost.storage.engine import Database, open_database
from noodpost.storage.models import AuditEntry
from noodpost.storage.node import database_path
from noodpost.sync.keys import create_keys

COORDINATOR = "Anna Dijkstra"
COORDINATOR_PIN = "2468"
VOLUNTEER = "Harm Oosting"
VOLUNTEER_PIN = "1357"

#: Personal data the seeded post holds: none of it may appear in a default export.
PERSONAL_STRINGS = (
    "Grietje Huizinga",
    "Huizinga",
    "9791 AB",
    "Klaas Bakker",
    "06-12345678",
    "oma@example.org",
    COORDINATOR,
    VOLUNTEER,
    "mevrouw De Vries gevallen",
    "Wij zijn veilig",
)


@dataclass(frozen=True)
class Seeded:
    ctx: ServiceContext
    volunteers: VolunteersService
    coordinator_id: str
    volunteer_id: str
    household_id: str
    acknowledged_alarm: str
    cancelled_alarm: str
    open_alarm: str


def seed(ctx: ServiceContext, hub: ServiceContext, clock: FixedClock) -> Seeded:
    """Saturday 28 November 2026, 10:00 local: households, visits, hand-outs, needs, alarms.

    The first alarm travels to ``hub`` (the post's C-NSP), which receives and acknowledges it;
    the answer travels back, as sync brings it.
    """
    volunteers = VolunteersService(ctx, hasher=FAST_HASHER)
    anna = volunteers.add_volunteer(COORDINATOR, "coordinator", COORDINATOR_PIN)
    volunteers.sign_in(anna.id, COORDINATOR_PIN)
    harm = volunteers.add_volunteer(VOLUNTEER, "volunteer", VOLUNTEER_PIN, phone="06-12345678")

    intake = IntakeService(ctx)
    visits = VisitsService(ctx)
    supplies = SuppliesService(ctx)
    supplies.record_delivery("water", 100.0, "Veiligheidsregio")
    clock.advance(timedelta(minutes=5))
    named = intake.register(
        size=4,
        name="Grietje Huizinga",
        birth_year=1950,
        postcode="9791 AB",
        flags=["needs_medication"],
        consent=True,
    )
    anonymous = intake.register(size=2)
    visits.check_in(named.household_id)
    supplies.hand_out(named.household_id, "water")
    clock.advance(timedelta(minutes=40))
    visits.check_in(anonymous.household_id)
    supplies.hand_out(anonymous.household_id, "water")
    needs = NeedsService(ctx)
    needs.open_need("medical", "high", named.household_id, note="mevrouw De Vries gevallen")
    needs.open_need("food_water", "normal")
    MessagesService(ctx).record(
        "Klaas Bakker", "Wij zijn veilig", consent=True, birth_year=1948, contact="oma@example.org"
    )
    LogbookService(ctx).add("Aggregaat bijgevuld.")

    alarms = AlarmsService(ctx)
    first = alarms.raise_alarm("ambulance", "immediate", "Kerkstraat 5 zaal 2", 2, "Man onwel")
    alarms.mark_sent(first.id)
    deliver(ctx.db, hub.db, clock)
    at_hub = AlarmsService(hub)
    at_hub.mark_received(first.id)
    clock.advance(timedelta(minutes=3))
    at_hub.acknowledge(first.id, "C-NSP Groningen", "Ambulance onderweg")
    deliver(hub.db, ctx.db, clock)
    second = alarms.raise_alarm("fire", "high", "Keuken", None, "Rookmelder gaat af")
    clock.advance(timedelta(minutes=2))
    alarms.cancel(second.id, "Loos alarm")
    third = alarms.raise_alarm("police", "normal", "Parkeerplaats", 1, None)
    clock.advance(timedelta(minutes=10))
    return Seeded(
        ctx=ctx,
        volunteers=volunteers,
        coordinator_id=anna.id,
        volunteer_id=harm.id,
        household_id=named.household_id,
        acknowledged_alarm=first.id,
        cancelled_alarm=second.id,
        open_alarm=third.id,
    )


def audit_entries(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(action, object) of every audit entry, oldest first — read directly, as a check."""
    with ctx.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        return [(row.action, row.object) for row in rows]


def make_node(folder: Path, clock: FixedClock, role: str, code: str, name: str) -> Database:
    """An initialised node with keys, as ``noodpost init`` makes it (capacity 50)."""
    folder.mkdir(parents=True)
    db = open_database(database_path(folder))
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    initialise(
        db,
        clock,
        role=role,
        name=name,
        code=code,
        catalogue=items,
        catalogue_version=version,
        capacity=50,
    )
    create_keys(db, folder)
    return db
