"""Backup fixtures: posts and a hub with real keys (``sitekit`` from tests/sync)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))

from sitekit import Site, SiteFactory, build_site

from noodpost.core.clock import FixedClock


@pytest.fixture
def make_site(tmp_path: Path, clock: FixedClock) -> Iterator[SiteFactory]:
    """``make_site("hub", role="hub", code="GR-9000")`` — a node with keys in tmp_path/<folder>."""
    made: list[Site] = []

    def make(folder: str, **kwargs: Any) -> Site:
        site = build_site(tmp_path / folder, clock, **kwargs)
        made.append(site)
        return site

    yield make
    for site in made:
        site.db.close()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    root = tmp_path / "stick"
    root.mkdir()
    return root
