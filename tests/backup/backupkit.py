"""Test helpers for backups: a signed-in volunteer of a chosen role."""

from __future__ import annotations

from support import FAST_HASHER

from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService


def sign_in(ctx: ServiceContext, role: str = "coordinator", name: str = "Anna Dijkstra") -> None:
    """Add a volunteer with this role and sign them in on ``ctx``."""
    volunteers = VolunteersService(ctx, hasher=FAST_HASHER)
    person = volunteers.add_volunteer(name, role, "2468")
    volunteers.sign_in(person.id, "2468")
