"""Approving a post at the hub, and replacing its key (DESIGN §3.3 pairing, §3.8).

The operator compares the fingerprint a post's laptop shows with the one listed here, then
approves it; the bundles it sent meanwhile (kept whole in quarantine) are applied, oldest first.

One approved key per post code: a second key claiming an approved code is never approved by
:func:`approve_post`, with or without a fingerprint. A post's replacement laptop takes over only
through :func:`replace_post`, an explicit action that names the old and the new key and
withdraws the old key's trust in the same transaction (its later bundles wait in quarantine).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from noodpost.core.cards import validate_post_code
from noodpost.core.clock import Clock
from noodpost.core.dutch import bundles
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.i18n import recorded, translate
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
            return translate("SyncApproval", "{code} was al goedgekeurd.").format(
                code=self.post_code
            )
        text = translate(
            "SyncApproval",
            "{code} goedgekeurd ({fingerprints}); {bundles} uit quarantaine: {applied} "
            "toegepast, {present} al aanwezig, {quarantined} in quarantaine",
        ).format(
            code=self.post_code,
            fingerprints=", ".join(self.fingerprints),
            bundles=bundles(self.bundles),
            applied=self.applied,
            present=self.present,
            quarantined=self.quarantined,
        )
        return text + _unreadable(self.failed) + "."


def approve_post(
    db: Database, keys: NodeKeys, clock: Clock, code: str, *, fingerprint_text: str | None = None
) -> Approval:
    """Trust a post (after comparing its fingerprint) and apply its quarantined bundles in order.

    One transaction: the approval and everything it applies commit together.

    Raises:
        Refused: this node is not a hub; another key is already approved for that code (a
            replacement laptop goes through :func:`replace_post`); several laptops of that post
            wait and no fingerprint was given to pick one.
        NotFound: no post with that code (or with that fingerprint) has sent a bundle yet.
    """
    post_code = validate_post_code(code)
    wanted = normalise_fingerprint(fingerprint_text) if fingerprint_text else None
    with db.write() as session:
        node = require_node(session)
        check_keys(node, keys)
        _require_hub(node)
        candidates = _claimants(session, post_code)
        approved = [p for p in candidates if p.approved]
        if wanted is not None:
            candidates = [p for p in candidates if _fp(p) == wanted]
            if not candidates:
                raise NotFound(
                    translate(
                        "SyncApproval",
                        "Geen laptop van {code} met vingerafdruk {fingerprint}. Controleer de "
                        "vingerafdruk met 'noodpost posts list'.",
                    ).format(code=post_code, fingerprint=wanted)
                )
        waiting = [p for p in candidates if not p.approved]
        if not waiting:
            return Approval(post_code, tuple(_fp(p) for p in candidates), already=True)
        if approved:
            others = (
                translate(
                    "SyncApproval",
                    "De wachtende sleutel {waiting} met dezelfde code wordt niet goedgekeurd",
                )
                if len(waiting) == 1
                else translate(
                    "SyncApproval",
                    "De wachtende sleutels {waiting} met dezelfde code worden niet goedgekeurd",
                )
            ).format(waiting=_fps(waiting))
            raise Refused(
                translate(
                    "SyncApproval",
                    "{code} heeft al een goedgekeurde sleutel: {approved}. {others}; de bundels "
                    "blijven in quarantaine. Is het een vervangende laptop van deze post? "
                    "Vergelijk de vingerafdruk met de post en vervang de sleutel met 'noodpost "
                    "posts replace {code} --vingerafdruk NIEUW'.",
                ).format(code=post_code, approved=_fps(approved), others=others)
            )
        if len(waiting) > 1:
            raise Refused(
                translate(
                    "SyncApproval",
                    "Er wachten {count} laptops met code {code} ({waiting}). Vergelijk de "
                    "vingerafdrukken met de post en keur er één goed met 'noodpost posts "
                    "approve {code} --vingerafdruk VINGERAFDRUK'.",
                ).format(count=len(waiting), code=post_code, waiting=_fps(waiting))
            )
        peer = waiting[0]
        peer.approved = True
        session.flush()
        return _apply_pending(session, node, keys, clock, peer)


@dataclass(frozen=True)
class Replacement:
    """The answer to ``noodpost posts replace CODE --vingerafdruk NIEUW``."""

    post_code: str
    old: tuple[str, ...]  # the fingerprints that were approved and are no longer trusted
    new: str
    approval: Approval  # the new key's quarantined bundles, applied

    @property
    def changed(self) -> frozenset[str]:
        return self.approval.changed

    @property
    def summary(self) -> str:
        done = self.approval
        text = translate(
            "SyncApproval",
            "{code}: sleutel vervangen — oud {old} → nieuw {new}; {bundles} uit quarantaine: "
            "{applied} toegepast, {present} al aanwezig, {quarantined} in quarantaine",
        ).format(
            code=self.post_code,
            old=", ".join(self.old),
            new=self.new,
            bundles=bundles(done.bundles),
            applied=done.applied,
            present=done.present,
            quarantined=done.quarantined,
        )
        return (
            text
            + _unreadable(done.failed)
            + translate("SyncApproval", ". Bundels met de oude sleutel worden niet meer toegepast.")
        )


def _unreadable(failed: int) -> str:
    """``, 1 bundel onleesbaar (blijven bewaard)`` after a summary, or nothing."""
    if not failed:
        return ""
    return translate("SyncApproval", ", {bundles} onleesbaar (blijven bewaard)").format(
        bundles=bundles(failed)
    )


def replace_post(
    db: Database, keys: NodeKeys, clock: Clock, code: str, *, fingerprint_text: str
) -> Replacement:
    """Replace a post's approved key by a waiting one (the post's replacement laptop).

    One transaction: the old key loses its approval, the new one is approved and its
    quarantined bundles are applied. Bundles signed by the old key then wait in quarantine.

    Raises:
        Refused: this node is not a hub; the post has no approved key yet (use
            :func:`approve_post`); the fingerprint is not a waiting key of that post, or is
            the approved key itself.
        NotFound: no post with that code has sent a bundle yet.
        UserError: the fingerprint is not written as one.
    """
    post_code = validate_post_code(code)
    wanted = normalise_fingerprint(fingerprint_text)
    with db.write() as session:
        node = require_node(session)
        check_keys(node, keys)
        _require_hub(node)
        candidates = _claimants(session, post_code)
        old = [p for p in candidates if p.approved]
        if not old:
            raise Refused(
                translate(
                    "SyncApproval",
                    "{code} heeft nog geen goedgekeurde sleutel; er valt niets te vervangen. "
                    "Vergelijk de vingerafdruk met de post en keur hem goed met 'noodpost posts "
                    "approve {code} --vingerafdruk {fingerprint}'.",
                ).format(code=post_code, fingerprint=wanted)
            )
        chosen = [p for p in candidates if _fp(p) == wanted]
        if chosen and chosen[0].approved:
            raise Refused(
                translate(
                    "SyncApproval",
                    "{fingerprint} is al de goedgekeurde sleutel van {code}; er valt niets te "
                    "vervangen.",
                ).format(fingerprint=wanted, code=post_code)
            )
        if not chosen:
            waiting = [p for p in candidates if not p.approved]
            listed = (
                translate("SyncApproval", "wachtend: {waiting}").format(waiting=_fps(waiting))
                if waiting
                else translate("SyncApproval", "er wacht geen andere laptop")
            )
            raise Refused(
                translate(
                    "SyncApproval",
                    "Geen wachtende laptop van {code} met vingerafdruk {fingerprint} ({listed}). "
                    "De nieuwe laptop moet eerst een bundel sturen; controleer de vingerafdruk "
                    "met 'noodpost posts list'.",
                ).format(code=post_code, fingerprint=wanted, listed=listed)
            )
        new = chosen[0]
        for peer in old:
            peer.approved = False
        new.approved = True
        session.flush()
        applied = _apply_pending(session, node, keys, clock, new)
        return Replacement(post_code, tuple(_fp(p) for p in old), _fp(new), applied)


def _require_hub(node: Node) -> None:
    if node.role != "hub":
        raise Refused(translate("SyncApproval", "Alleen een C-NSP keurt posten goed."))


def _claimants(session: Session, post_code: str) -> list[Peer]:
    """Every key that claims ``post_code`` as a post, oldest first.

    Raises:
        NotFound: none has sent a bundle yet.
    """
    candidates = list(
        session.scalars(
            select(Peer)
            .where(Peer.post_code == post_code, Peer.role == "post")
            .order_by(Peer.first_seen, Peer.node_id)
        )
    )
    if not candidates:
        raise NotFound(
            translate(
                "SyncApproval",
                "Er is nog geen post {code} bekend. Lees eerst een bundel van die post in; die "
                "wacht dan in quarantaine op goedkeuring.",
            ).format(code=post_code)
        )
    return candidates


def _fps(peers: list[Peer]) -> str:
    return ", ".join(_fp(p) for p in peers)


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
                signed = fmt.read_signed(row.raw, keys.encryption)
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
        except UserError as unreadable:  # kept, with the reason (in Dutch), never dropped
            row.reason = f"niet toe te passen: {recorded(unreadable.message)}"[:2000]
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
