"""Fuel as a stock item (issue 17): *Brandstof (diesel)* in litres, which the hub can send.

Nodes set up before the item was in the shipped catalogue get it when the program opens their
database (the same version-1 seed, the same id everywhere); then the hub sends a post diesel
like any other item, and the post books it into stock.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import HUB_CODE, Site, introduce

from noodpost.app import open_node_database
from noodpost.config import catalogue_path
from noodpost.core.catalogue import item_id, parse_catalogue
from noodpost.core.clock import FixedClock
from noodpost.core.errors import NotFound
from noodpost.services.base import ServiceContext
from noodpost.services.setup import add_new_catalogue_items, initialise
from noodpost.services.supplies import SuppliesService
from noodpost.services.supply_notices import SupplyNoticesService
from noodpost.storage.engine import open_database
from noodpost.storage.models import SupplyItem
from noodpost.storage.node import database_path
from noodpost.sync.keys import create_keys
from noodpost.sync.service import SyncService

POST = "GR-0014"


def _old_site(data_dir: Path, clock: FixedClock, role: str, code: str) -> Site:
    """A node set up from the catalogue as it was before diesel was in it."""
    data_dir.mkdir(parents=True)
    db = open_database(database_path(data_dir))
    version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    older = [item for item in items if item.code != "diesel"]
    initialise(
        db, clock, role=role, name=code, code=code, catalogue=older, catalogue_version=version
    )
    create_keys(db, data_dir)
    return Site(data_dir, db, ServiceContext(db, clock), SyncService(db, clock, data_dir))


def test_the_shipped_catalogue_has_diesel_in_litres() -> None:
    _version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
    [diesel] = [item for item in items if item.code == "diesel"]
    assert (diesel.name, diesel.unit) == ("Brandstof (diesel)", "l")
    assert diesel.quick_quantity is None  # never a quick button at the desk


def test_old_nodes_get_diesel_and_the_hub_sends_it_to_a_post(
    tmp_path: Path, clock: FixedClock
) -> None:
    hub = _old_site(tmp_path / "hub", clock, "hub", HUB_CODE)
    post = _old_site(tmp_path / "post", clock, "post", POST)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        pairing = tmp_path / "koppeling.json"
        hub.sync.export_pairing(pairing)
        post.sync.import_pairing(pairing)
        introduce(post, hub, stick)
        notices = SupplyNoticesService(hub.ctx)
        with pytest.raises(NotFound):  # before: the hub does not know the item
            notices.dispatch(POST, {"diesel": 40})

        # The hub opens its database as the program does; the post is seeded directly.
        hub.db.close()
        hub_db = open_node_database(hub.data_dir)
        assert hub_db is not None
        hub = Site(
            hub.data_dir,
            hub_db,
            ServiceContext(hub_db, clock),
            SyncService(hub_db, clock, hub.data_dir),
        )
        _version, items = parse_catalogue(catalogue_path().read_text(encoding="utf-8"))
        assert add_new_catalogue_items(post.db, clock, items) == ["diesel"]
        assert add_new_catalogue_items(post.db, clock, items) == []  # once
        with hub.db.read() as session:
            seeded = session.get(SupplyItem, item_id("diesel"))
            assert seeded is not None
            assert (seeded.name, seeded.unit, seeded.version) == ("Brandstof (diesel)", "l", 1)

        dispatch = SupplyNoticesService(hub.ctx).dispatch(POST, {"diesel": 40})
        hub.sync.export_usb(stick)
        post.sync.import_usb(stick)
        SupplyNoticesService(post.ctx).confirm_receipt(dispatch.id)
        assert SuppliesService(post.ctx).stock_of("diesel").quantity == 40
        post.sync.export_usb(stick)
        hub.sync.import_usb(stick)
        assert SupplyNoticesService(hub.ctx).dispatch_by_id(dispatch.id).status == "received"
    finally:
        hub.db.close()
        post.db.close()
