"""Fixtures for the export tests: a post with a little of everything (see ``exportkit``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from exportkit import Seeded, seed
from support import HUB_CODE

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext
from noodpost.storage.engine import Database


@pytest.fixture
def seeded(ctx: ServiceContext, another_node: Callable[..., Database], clock: FixedClock) -> Seeded:
    hub = another_node("hub", role="hub", code=HUB_CODE, name="C-NSP Groningen")
    return seed(ctx, ServiceContext(hub, clock), clock)
