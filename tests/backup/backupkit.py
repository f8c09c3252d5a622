"""Test helpers for backups: a signed-in volunteer of a chosen role."""

from __future__ import annotations

from argon2 import PasswordHasher, Type

from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService

#: Argon2id with cheap parameters: the same code path, fast enough for tests.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)


def sign_in(ctx: ServiceContext, role: str = "coordinator", name: str = "Anna Dijkstra") -> None:
    """Add a volunteer with this role and sign them in on ``ctx``."""
    volunteers = VolunteersService(ctx, hasher=FAST_HASHER)
    person = volunteers.add_volunteer(name, role, "2468")
    volunteers.sign_in(person.id, "2468")
