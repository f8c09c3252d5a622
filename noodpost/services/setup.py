"""Setting up a node: identity, its post record and the default supply catalogue."""

from __future__ import annotations

from collections.abc import Sequence

from noodpost.core import cards
from noodpost.core.catalogue import CatalogueItem
from noodpost.core.clock import Clock
from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate
from noodpost.core.ids import post_id
from noodpost.core.vocabulary import NodeRole
from noodpost.services.base import NodeInfo
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import append
from noodpost.storage.models import SupplyItem
from noodpost.storage.node import create_node, load_node
from noodpost.storage.uow import unit_of_work


def is_initialised(db: Database) -> bool:
    with db.read() as session:
        return load_node(session) is not None


def initialise(
    db: Database,
    clock: Clock,
    *,
    role: str,
    name: str,
    code: str,
    catalogue: Sequence[CatalogueItem],
    catalogue_version: int = 1,
    training: bool = False,
    capacity: int | None = None,
    services: Sequence[str] = (),
) -> NodeInfo:
    """Create this node. Refuses when the database already holds one (never overwritten)."""
    try:
        node_role = NodeRole(role)
    except ValueError:
        raise UserError(
            translate("Setup", "Kies als rol 'post' (noodsteunpunt) of 'hub' (C-NSP).")
        ) from None
    name = name.strip()
    if not name:
        raise UserError(translate("Setup", "Geef het noodsteunpunt een naam."))
    post_code = cards.validate_post_code(code)
    if capacity is not None and capacity < 0:
        raise UserError(translate("Setup", "De capaciteit kan niet negatief zijn."))
    with db.write() as session:
        node = create_node(
            session,
            db,
            clock,
            role=node_role.value,
            name=name,
            post_code=post_code,
            training=training,
        )
        append(
            session,
            node,
            clock,
            "post",
            post_id(post_code),
            Op.CREATE,
            {
                "post_code": post_code,
                "name": name,
                "role": node_role.value,
                "capacity": capacity,
                "services": list(services),
                "is_open": True,
            },
            None,
        )
        for item in catalogue:
            append(
                session,
                node,
                clock,
                "supply_item",
                item.id,
                Op.CREATE,
                item.event_data(catalogue_version),
                None,
            )
        return NodeInfo(node.node_id, node.role, post_code, name, training)


def add_new_catalogue_items(
    db: Database, clock: Clock, catalogue: Sequence[CatalogueItem], catalogue_version: int = 1
) -> list[str]:
    """Seed the items of the shipped catalogue this node never held; their codes.

    A node set up before an item was added to ``resources/catalogue.json`` (*Brandstof
    (diesel)*, issue 17) gets it as :func:`initialise` would have given it: version 1, with the
    same id on every node, so a hub and its posts agree on it and the hub can send it. An item
    the node holds in any form — changed by the hub, retired, deleted — is left as it is.
    """
    with unit_of_work(db, clock, None) as uow:
        missing = [item for item in catalogue if uow.session.get(SupplyItem, item.id) is None]
        for item in missing:
            uow.emit("supply_item", item.id, Op.CREATE, item.event_data(catalogue_version))
    return [item.code for item in missing]
