"""Fixtures for service tests that span a post and its C-NSP (DESIGN §3.8).

A post holds only its own records and what the hub addresses to it; the hub holds every post's
records, which reach it through sync. ``to_hub`` and ``to_post`` bring them across as an import
applies them (the real scope and write authority, without keys or a stick).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import HUB_CODE, Carry, deliver

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import Database


@pytest.fixture
def hub(another_node: Callable[..., Database], clock: FixedClock) -> ServiceContext:
    """The post's C-NSP: a hub node, ``GR-9000``."""
    return ServiceContext(
        another_node("hub", role="hub", code=HUB_CODE, name="C-NSP Groningen"), clock
    )


def _carry(source: ServiceContext, target: ServiceContext, clock: FixedClock) -> int:
    """Apply at ``target`` what a sync from ``source`` brings; nothing may be refused."""
    result = deliver(source.db, target.db, clock)
    assert (result.quarantined, result.reasons) == (0, [])
    return result.applied


@pytest.fixture
def to_hub(ctx: ServiceContext, hub: ServiceContext, clock: FixedClock) -> Carry:
    """The post's data reaches the hub; returns how many events were applied there."""
    return lambda: _carry(ctx, hub, clock)


@pytest.fixture
def to_post(ctx: ServiceContext, hub: ServiceContext, clock: FixedClock) -> Carry:
    """The hub's answers (and what it addresses to every post) reach the post."""
    return lambda: _carry(hub, ctx, clock)
