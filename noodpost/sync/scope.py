"""Who gets what, and whose streams are taken from whom (DESIGN §3.8).

- **Hub → post**: the post's own stream (relayed back: a post restored from a backup gets what
  it lost) and the hub's events addressed to that post or to every post — never another post's
  data, never the hub's own volunteers or logbook.
- **Post → hub**: the post's own stream, without secrets (PIN hashes) and without the catalogue
  it was set up with (hub-owned data it may hold, not send).
- A post takes from its hub the hub's stream and its own; a hub takes from a post only that
  post's stream. What an origin may write is then judged per event
  (:func:`noodpost.core.authority.refusal`) against what this node knows of it: the role and
  post code of the approved peer, never what a header or an event says about itself.
"""

from __future__ import annotations

from noodpost.core.authority import EVERY_POST, Origin
from noodpost.core.vocabulary import NodeRole
from noodpost.storage.models import Node, Peer
from noodpost.storage.streams import Scope, StreamScope


def outgoing_scope(node: Node, peer: Peer) -> Scope:
    """What ``peer`` may get from this node."""
    if node.role == NodeRole.HUB.value and peer.role == NodeRole.POST.value:
        return (
            StreamScope(frozenset({peer.node_id})),
            StreamScope(
                frozenset({node.node_id}), audiences=frozenset({peer.post_code, EVERY_POST})
            ),
        )
    if node.role == NodeRole.POST.value and peer.role == NodeRole.HUB.value:
        return (
            StreamScope(frozenset({node.node_id}), excluded=frozenset({EVERY_POST}), secrets=False),
        )
    return ()


def incoming_origins(node: Node, peer: Peer) -> dict[str, Origin]:
    """The streams this node takes from ``peer``, each with what is known of its maker.

    ``peer`` is the approved peer the bundle's signature belongs to: its role and code are the
    ones this node approved (or paired with), not the ones the bundle's header states.
    """
    sender = Origin(peer.role, peer.post_code)
    if node.role == NodeRole.POST.value and peer.role == NodeRole.HUB.value:
        mine = Origin(node.role, node.post_code, relayed=True)
        return {peer.node_id: sender, node.node_id: mine}
    if node.role == NodeRole.HUB.value and peer.role == NodeRole.POST.value:
        return {peer.node_id: sender}
    return {}
