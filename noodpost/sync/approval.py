"""Approving a post at the hub (DESIGN §3.3 pairing, §3.8 one approved key per node).

The operator compares the fingerprint a post's laptop shows with the one listed here, then
approves it; the bundles it sent meanwhile (kept whole in quarantine) are applied, oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.cards import validate_post_code
from noodpost.core.clock import Clock
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.storage.engine import Database
from noodpost.storage.models import Node, Peer, PendingBundle
from noodpost.storage.node import require_node
from noodpost.sync import bundle as fmt
from noodpost.sync.exchange import (
    ImportOutcome,
    apply_trusted,
    check_addressed_to_us,
    check_keys,
    check_sender_keys,
)
from noodpost.sync.keys import NodeKeys, fingerprint
from noodpost.sync.peers import normalise_fingerprint


@dataclass(frozen=True)
class Approval:
    """The answer to ``noodpost posts approve CODE``."""

    post_code: str
    fingerprints: tuple[str, ...]
    bundles: int = 0
    applied: int = 0
    present: int = 0
    quarantined: int = 0
    failed: int = 0  # pending bundles that could not be read; they stay in quarantine
    already: bool = False
    changed: frozenset[str] = field(default_factory=frozenset)

    @property
    def summary(self) -> str:
        if self.already:
            return f"{self.post_code} was al goedgekeurd."
        text = (
            f"{self.post_code} goedgekeurd ({', '.join(self.fingerprints)}); "
            f"{self.bundles} bundel(s) uit quarantaine: {self.applied} toegepast, "
            f"{self.present} al aanwezig, {self.quarantined} in quarantaine"
        )
        if self.failed:
            text += f", {self.failed} bundel(s) onleesbaar (blijven bewaard)"
        return text + "."


def approve_post(
    db: Database, keys: NodeKeys, clock: Clock, code: str, *, fingerprint_text: str | None = None
) -> Approval:
    """Trust a post (after comparing its fingerprint) and apply its quarantined bundles in order.

    One transaction: the approval and everything it applies commit together.

    Raises:
        Refused: this node is not a hub; several laptops of that post wait and no fingerprint
            was given to pick one.
        NotFound: no post with that code (or with that fingerprint) has sent a bundle yet.
    """
    post_code = validate_post_code(code)
    wanted = normalise_fingerprint(fingerprint_text) if fingerprint_text else None
    with db.write() as session:
        node = require_node(session)
        check_keys(node, keys)
        if node.role != "hub":
            raise Refused("Alleen een C-NSP keurt noodsteunpunten goed.")
        candidates = list(
            session.scalars(
                select(Peer)
                .where(Peer.post_code == post_code, Peer.role == "post")
                .order_by(Peer.first_seen)
            )
        )
        if not candidates:
            raise NotFound(
                f"Er is nog geen noodsteunpunt {post_code} bekend. Lees eerst een bundel van dat "
                "punt in; die wacht dan in quarantaine op goedkeuring."
            )
        if wanted is not None:
            candidates = [
                p
                for p in candidates
                if fingerprint(p.signing_public_key, p.encryption_public_key) == wanted
            ]
            if not candidates:
                raise NotFound(
                    f"Geen laptop van {post_code} met vingerafdruk {wanted}. Controleer de "
                    "vingerafdruk met 'noodpost posts list'."
                )
        waiting = [p for p in candidates if not p.approved]
        if not waiting:
            return Approval(post_code, tuple(_fp(p) for p in candidates), already=True)
        if len(waiting) > 1:
            raise Refused(
                f"Er wachten {len(waiting)} laptops met code {post_code} "
                f"({', '.join(_fp(p) for p in waiting)}). Vergelijk de vingerafdrukken en keur "
                "ze één voor één goed met de vingerafdruk erbij."
            )
        peer = waiting[0]
        peer.approved = True
        session.flush()
        return _apply_pending(session, node, keys, clock, peer)


def _fp(peer: Peer) -> str:
    return fingerprint(peer.signing_public_key, peer.encryption_public_key)


def _apply_pending(
    session: Session, node: Node, keys: NodeKeys, clock: Clock, peer: Peer
) -> Approval:
    """Apply a just-approved post's quarantined bundles, oldest first, each in a savepoint."""
    rows = list(
        session.scalars(
            select(PendingBundle)
            .where(PendingBundle.sender == peer.node_id)
            .order_by(PendingBundle.received_at, PendingBundle.bundle_id)
        )
    )
    outcomes: list[ImportOutcome] = []
    failed = 0
    for row in rows:
        try:
            with session.begin_nested():
                signed = fmt.read_signed(row.raw)
                check_addressed_to_us(node, signed.header)
                check_sender_keys(peer, signed.header.sender)
                contents = fmt.open_payload(signed, keys.encryption)
                channel = peer.last_channel or "usb"
                outcomes.append(
                    apply_trusted(
                        session, node, clock, peer, signed, contents, channel, contact=False
                    )
                )
                session.delete(row)
        except UserError as unreadable:  # kept, with the reason, never dropped
            row.reason = f"niet toe te passen: {unreadable}"[:2000]
            failed += 1
    changed: frozenset[str] = frozenset().union(*(o.changed for o in outcomes))
    return Approval(
        post_code=peer.post_code,
        fingerprints=(_fp(peer),),
        bundles=len(outcomes),
        applied=sum(o.applied for o in outcomes),
        present=sum(o.present for o in outcomes),
        quarantined=sum(o.quarantined for o in outcomes),
        failed=failed,
        changed=changed,
    )
