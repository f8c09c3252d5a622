"""Fixtures for the export tests: a post with a little of everything (see ``exportkit``)."""

from __future__ import annotations

import pytest
from exportkit import Seeded, seed

from noodpost.core.clock import FixedClock
from noodpost.services.base import ServiceContext


@pytest.fixture
def seeded(ctx: ServiceContext, clock: FixedClock) -> Seeded:
    return seed(ctx, clock)
