"""Audit and privacy fixtures: a signed-in coordinator and a volunteer on the shared ``ctx``."""

from __future__ import annotations

import pytest
from auditkit import COORDINATOR_PIN, VOLUNTEER_PIN, cheap_hasher

from noodpost.services.base import ServiceContext
from noodpost.services.volunteers import VolunteersService


@pytest.fixture
def vols(ctx: ServiceContext) -> VolunteersService:
    return VolunteersService(ctx, hasher=cheap_hasher())


@pytest.fixture
def coordinator(vols: VolunteersService) -> str:
    """Anna Dijkstra, coordinator, signed in."""
    anna = vols.add_volunteer("Anna Dijkstra", "coordinator", COORDINATOR_PIN).id
    vols.sign_in(anna, COORDINATOR_PIN)
    return anna


@pytest.fixture
def volunteer(vols: VolunteersService, coordinator: str) -> str:
    """Bram, volunteer (added by the coordinator, not signed in)."""
    return vols.add_volunteer("Bram de Vries", "volunteer", VOLUNTEER_PIN).id
