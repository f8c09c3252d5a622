"""GUI test helpers: another node's AppContext (a hub, a second post) and carrying a stick.

Importable as ``nodekit`` from tests in this folder. Each node is a real SQLite file with real
keys in its own folder under tmp_path, on the test's clock, with a coordinator signed in.
"""

from __future__ import annotations

from pathlib import Path

from support import FAST_HASHER, make_node

from noodpost.app import build_context
from noodpost.core.clock import FixedClock
from noodpost.gui.context import AppContext
from noodpost.services.volunteers import VolunteersService
from noodpost.sync.keys import create_keys

HUB_CODE = "GR-9000"
HUB_NAME = "C-NSP Groningen"


def node_context(
    tmp_path: Path,
    clock: FixedClock,
    folder: str,
    *,
    role: str = "post",
    code: str,
    name: str,
    volunteer: str = "Bert Hoekstra",
) -> AppContext:
    """A node with keys and a signed-in coordinator; call ``close_context`` when done."""
    data_dir = tmp_path / folder
    db = make_node(data_dir, clock, role=role, code=code, name=name)
    create_keys(db, data_dir)
    context = build_context(db, data_dir, tmp_path / f"{folder}.log")
    context.services.ctx.clock = clock
    context.services.sync.clock = clock
    volunteers = VolunteersService(context.services.ctx, hasher=FAST_HASHER)
    person = volunteers.add_volunteer(volunteer, "coordinator", "1357")
    volunteers.sign_in(person.id, "1357")
    return context


def hub_context(tmp_path: Path, clock: FixedClock) -> AppContext:
    return node_context(tmp_path, clock, "hub", role="hub", code=HUB_CODE, name=HUB_NAME)


def close_context(context: AppContext) -> None:
    context.runner.shutdown()
    context.services.ctx.db.close()


def pair(post: AppContext, hub: AppContext, tmp_path: Path) -> None:
    """The post trusts the hub's pairing file (what 'Koppelbestand inlezen…' does)."""
    path = tmp_path / "koppeling.json"
    if not path.exists():
        hub.services.sync.export_pairing(path)
    post.services.sync.import_pairing(path)


def carry(source: AppContext, target: AppContext, stick: Path) -> None:
    """Write a bundle on ``source`` and read it on ``target`` (a courier with a stick)."""
    stick.mkdir(exist_ok=True)
    source.services.sync.export_usb(stick)
    target.services.sync.import_usb(stick)


def introduce(post: AppContext, hub: AppContext, tmp_path: Path) -> Path:
    """Pair, carry the post's first bundle to the hub and approve it; returns the stick."""
    stick = tmp_path / "stick"
    pair(post, hub, tmp_path)
    carry(post, hub, stick)
    hub.services.sync.approve_post(post.node.post_code, post.services.sync.fingerprint)
    return stick
