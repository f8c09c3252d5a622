"""Sync fixtures: nodes with real keys in their own data folders, and a shared 'stick' folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import HUB_CODE, Site, SiteFactory, build_site, introduce

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
    """A folder standing in for a USB stick's root."""
    root = tmp_path / "stick"
    root.mkdir()
    return root


@pytest.fixture
def hub(make_site: SiteFactory, request: pytest.FixtureRequest) -> Iterator[Site]:
    """The hub: on SQLite; on PostgreSQL for the whole sync suite when the environment says
    ``NOODPOST_TEST_HUB_DB=postgresql`` (the modules that override this fixture with
    :func:`hub_on_either_engine` run on both engines always)."""
    if os.environ.get("NOODPOST_TEST_HUB_DB") != "postgresql":
        yield make_site("hub", role="hub", code=HUB_CODE, name="C-NSP Groningen")
        return
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("about the SQLite file itself")
    server = request.getfixturevalue("pg_server")
    url = server.fresh()
    yield make_site("hub", role="hub", code=HUB_CODE, name="C-NSP Groningen", database=url)
    server.drop(url)  # WITH (FORCE): the hub's connections end too


@pytest.fixture
def hub_on_either_engine(make_site: SiteFactory, database_at: Callable[[], str | None]) -> Site:
    """The hub on SQLite and, in a second run, on PostgreSQL (the posts stay on SQLite). A
    module runs its hub tests on both by overriding ``hub`` with it (test_bundle_import.py)."""
    return make_site(
        "hub", role="hub", code=HUB_CODE, name="C-NSP Groningen", database=database_at()
    )


@pytest.fixture
def pairing_file(hub: Site, tmp_path: Path) -> Path:
    path = tmp_path / "koppeling.json"
    hub.sync.export_pairing(path)
    return path


@pytest.fixture
def post_a(make_site: SiteFactory, pairing_file: Path) -> Site:
    site = make_site("a", code="GR-0014", name="Dorpshuis Ten Boer")
    site.sync.import_pairing(pairing_file)
    return site


@pytest.fixture
def post_b(make_site: SiteFactory, pairing_file: Path) -> Site:
    site = make_site("b", code="GR-0015", name="Sporthal Noord")
    site.sync.import_pairing(pairing_file)
    return site


@pytest.fixture
def paired(hub: Site, post_a: Site, stick: Path) -> tuple[Site, Site]:
    """A hub and post A that trust each other."""
    introduce(post_a, hub, stick)
    return hub, post_a
