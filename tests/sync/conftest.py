"""Sync fixtures: nodes with real keys in their own data folders, and a shared 'stick' folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sitekit import HUB_CODE, Site, SiteFactory, build_site, introduce

from noodpost.core.clock import FixedClock
from noodpost.storage.engine import open_database


@pytest.fixture(scope="session")
def sqlite_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed, empty SQLite database migrated to the head once per run: each site's file is
    a copy of it (a few milliseconds) instead of a run of the migrations (about 0.2 s). The
    migrations themselves are tested in tests/storage."""
    path = tmp_path_factory.mktemp("schema") / "schema.db"
    open_database(path).close()
    return path


@pytest.fixture
def make_site(tmp_path: Path, clock: FixedClock, sqlite_schema: Path) -> Iterator[SiteFactory]:
    """``make_site("hub", role="hub", code="GR-9000")`` — a node with keys in tmp_path/<folder>."""
    made: list[Site] = []

    def make(folder: str, **kwargs: Any) -> Site:
        kwargs.setdefault("schema", sqlite_schema)
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
def hub(database_at: Callable[[], str | None], make_site: SiteFactory) -> Site:
    """The hub, on SQLite and, in a second run of each test, on PostgreSQL (the posts stay on
    SQLite). A test marked ``sqlite_only`` (it reads the hub's file) runs on SQLite only.
    ``database_at`` comes first so that the database is dropped after the hub is closed."""
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
