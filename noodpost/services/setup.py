"""Setting up a node: identity, its post record and the default supply catalogue."""

from __future__ import annotations

from collections.abc import Sequence

from noodpost.core import cards
from noodpost.core.catalogue import CatalogueItem
from noodpost.core.clock import Clock
from noodpost.core.entities import Op
from noodpost.core.errors import UserError
from noodpost.core.ids import post_id
from noodpost.core.vocabulary import NodeRole
from noodpost.services.base import NodeInfo
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import append
from noodpost.storage.node import create_node, load_node


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
        raise UserError("Kies als rol 'post' (noodsteunpunt) of 'hub' (C-NSP).") from None
    name = name.strip()
    if not name:
        raise UserError("Geef het noodsteunpunt een naam.")
    post_code = cards.validate_post_code(code)
    if capacity is not None and capacity < 0:
        raise UserError("De capaciteit kan niet negatief zijn.")
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
