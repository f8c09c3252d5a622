"""The nodes this one exchanges bundles with, and what each has acknowledged.

A post knows one hub (from the pairing file); a hub learns posts from their first bundle and
trusts them once an operator approved them after comparing the fingerprint.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import bundles, changes, count
from noodpost.core.errors import UserError
from noodpost.core.i18n import translate
from noodpost.core.localtime import local_time
from noodpost.storage.engine import Database
from noodpost.storage.models import Peer, PendingBundle, Quarantine, ReceivedBundle
from noodpost.storage.node import require_node
from noodpost.storage.quarantine import REFUSED_PREFIX
from noodpost.storage.streams import count_events_after
from noodpost.sync.bundle import Party, Vector, vector_from_json, vector_to_json
from noodpost.sync.keys import fingerprint
from noodpost.sync.scope import outgoing_scope

CHANNELS = ("usb", "network")


@dataclass(frozen=True)
class PeerInfo:
    """One peer as the CLI and the GUI show it."""

    node_id: str
    role: str
    post_code: str
    name: str
    fingerprint: str
    approved: bool
    training: bool
    first_seen: str
    last_contact: str | None
    last_channel: str | None
    clock_suspect: bool
    addresses: tuple[str, ...]  # the hub's network addresses, from its pairing file
    pending_bundles: int  # bundles waiting for approval
    unacknowledged: int  # events held here that the peer has not confirmed yet
    refused: int = 0  # its events quarantined as not its to write or pass on (DESIGN §3.8)

    @property
    def line(self) -> str:
        """``GR-0015  Sporthal Noord  ABCD-…  goedgekeurd  laatst contact … (usb)``."""
        state = "goedgekeurd" if self.approved else "wacht op goedkeuring"
        if self.pending_bundles:
            state += f" ({bundles(self.pending_bundles)} in quarantaine)"
        contact = (
            f"laatst contact {_local(self.last_contact)} ({self.last_channel})"
            if self.last_contact
            else "nog geen contact"
        )
        extra = " · KLOK VERDACHT" if self.clock_suspect else ""
        if self.refused:
            extra += f" · {self.refused} NIET TOEGESTAAN (in quarantaine)"
        return (
            f"{self.post_code}  {self.name}  {self.fingerprint}  {state}  {contact}  "
            f"{self.unacknowledged} niet bevestigd{extra}"
        )


def _local(moment: str) -> str:
    """A stored UTC moment as a volunteer reads it: Dutch local time, ``7-12-2026 10:00``."""
    try:
        local = local_time(parse_iso(moment))
    except ValueError:
        return moment
    return f"{local.day}-{local.month}-{local.year} {local:%H:%M}"


@dataclass(frozen=True)
class PeerList:
    """The answer to ``noodpost posts list``."""

    peers: tuple[PeerInfo, ...]

    @property
    def summary(self) -> str:
        if not self.peers:
            return translate("SyncPeers", "Nog geen gekoppelde noodsteunpunten of C-NSP bekend.")
        approved = sum(1 for p in self.peers if p.approved)
        waiting = len(self.peers) - approved
        return translate(
            "SyncPeers", "{known} bekend: {approved} goedgekeurd, {waiting} wacht op goedkeuring"
        ).format(known=len(self.peers), approved=approved, waiting=waiting)

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(p.line for p in self.peers)

    @property
    def hub(self) -> PeerInfo | None:
        """(post) The C-NSP this post is paired with: the hub it trusts from a pairing file.

        ``None`` means not paired: nothing, an alarm included, can leave this post (by USB
        stick or network) until a pairing file is read. The one test of "paired" for the
        command line, the status line, the Sync page and the alarms banner.
        """
        return next((p for p in self.peers if p.role == "hub" and p.approved), None)

    @property
    def waiting(self) -> tuple[str, ...]:
        """The codes of the posts that wait for approval."""
        return tuple(p.post_code for p in self.peers if not p.approved)

    @property
    def pending_posts(self) -> tuple[PeerInfo, ...]:
        """(hub) The posts whose pairing waits for the C-NSP's approval."""
        return tuple(p for p in self.peers if p.role == "post" and not p.approved)

    def approved_posts(self, code: str) -> tuple[PeerInfo, ...]:
        """(hub) The approved keys of post ``code`` (more than one while a key is replaced)."""
        return tuple(
            p for p in self.peers if p.role == "post" and p.approved and p.post_code == code
        )


def approve_hint(codes: Sequence[str]) -> str:
    """For the command line: how to approve what waits (``''`` when nothing does)."""
    if not codes:
        return ""
    commands = " of ".join(f"'noodpost posts approve {code}'" for code in codes)
    return (
        "Goedkeuren: vergelijk eerst de vingerafdruk ('noodpost posts list') met die op het "
        f"scherm van de post (telefoon of portofoon) en typ dan {commands}."
    )


def acked_vector(peer: Peer) -> Vector:
    try:
        return vector_from_json(peer.acked_vector)
    except ValueError:
        return {}  # an unreadable acknowledgement only means: send everything again


def record_acknowledgement(peer: Peer, vector: Vector, sender_incarnation: str) -> None:
    """Take the vector a peer sent as what it holds.

    Within one incarnation a node's holdings only grow, so vectors merge per stream by max (an
    old stick read after a newer one changes nothing). A vector from another incarnation of
    the peer — it was restored from a backup or copied — replaces the old one, so whatever the
    restore lost is sent to it again; an out-of-date one only causes harmless re-sending.
    """
    if peer.acked_incarnation == sender_incarnation:
        merged = acked_vector(peer)
        for stream, seq in vector.items():
            merged[stream] = max(seq, merged.get(stream, 0))
    else:
        merged = dict(vector)
    peer.acked_vector = vector_to_json(merged)
    peer.acked_incarnation = sender_incarnation


def new_peer(party: Party, *, training: bool, approved: bool, now: str) -> Peer:
    return Peer(
        node_id=party.node_id,
        role=party.role,
        post_code=party.post_code,
        name=party.name,
        signing_public_key=party.signing_public_key,
        encryption_public_key=party.encryption_public_key,
        approved=approved,
        training=training,
        first_seen=now,
        last_contact=None,
        last_channel=None,
        addresses=None,
        acked_vector=[],
        acked_incarnation=None,
        clock_suspect=False,
    )


def peer_info(session: Session, peer: Peer) -> PeerInfo:
    pending = (
        session.scalar(
            select(func.count())
            .select_from(PendingBundle)
            .where(PendingBundle.sender == peer.node_id)
        )
        or 0
    )
    refused = (
        session.scalar(
            select(func.count())
            .select_from(Quarantine)
            .join(ReceivedBundle, ReceivedBundle.bundle_id == Quarantine.bundle_id)
            .where(
                ReceivedBundle.sender == peer.node_id,
                Quarantine.reason.startswith(REFUSED_PREFIX),
            )
        )
        or 0
    )
    return PeerInfo(
        node_id=peer.node_id,
        role=peer.role,
        post_code=peer.post_code,
        name=peer.name,
        fingerprint=fingerprint(peer.signing_public_key, peer.encryption_public_key),
        approved=bool(peer.approved),
        training=bool(peer.training),
        first_seen=peer.first_seen,
        last_contact=peer.last_contact,
        last_channel=peer.last_channel,
        clock_suspect=bool(peer.clock_suspect),
        addresses=tuple(str(a) for a in peer.addresses or ()),
        pending_bundles=pending,
        unacknowledged=count_events_after(
            session, acked_vector(peer), outgoing_scope(require_node(session), peer)
        ),
        refused=refused,
    )


def list_peers(db: Database) -> PeerList:
    """Every known peer, posts by code; a post sees its hub."""
    with db.read() as session:
        require_node(session)
        rows = session.scalars(select(Peer).order_by(Peer.post_code, Peer.first_seen)).all()
        return PeerList(tuple(peer_info(session, row) for row in rows))


def last_received(db: Database) -> dict[str, dict[str, str]]:
    """Per peer node id, per channel (``usb``, ``network``): when its latest bundle arrived.

    Stored time text. A bundle waiting in quarantine counts as contact too (it arrived).
    """
    contacts: dict[str, dict[str, str]] = {}

    def note(node_id: str, channel: str | None, at: str | None) -> None:
        if channel is None or at is None:
            return
        known = contacts.setdefault(node_id, {})
        if at > known.get(channel, ""):
            known[channel] = at

    with db.read() as session:
        rows = session.execute(
            select(
                ReceivedBundle.sender, ReceivedBundle.channel, func.max(ReceivedBundle.received_at)
            ).group_by(ReceivedBundle.sender, ReceivedBundle.channel)
        ).all()
        for sender, channel, at in rows:
            note(sender, channel, at)
        for peer in session.scalars(select(Peer)):
            note(peer.node_id, peer.last_channel, peer.last_contact)
    return contacts


@dataclass(frozen=True)
class WaitingBundle:
    """A signed bundle kept until its sender is approved (or that could not be applied)."""

    bundle_id: str
    sender: str
    sender_code: str
    sender_name: str
    received_at: str
    reason: str
    size: int  # bytes


@dataclass(frozen=True)
class HeldEvent:
    """An event set apart: its key exists with other content, or it cannot be read."""

    origin: str
    origin_code: str | None  # the post code of the node that made it, when known here
    seq: int
    entity: str | None
    reason: str
    received_at: str
    bundle_id: str | None


@dataclass(frozen=True)
class QuarantineReport:
    """What waits in quarantine: bundles (whole) and single events (newest first)."""

    bundles: tuple[WaitingBundle, ...]
    events: tuple[HeldEvent, ...]
    event_total: int  # may exceed len(events): only the newest are listed

    @property
    def empty(self) -> bool:
        return not self.bundles and not self.event_total

    @property
    def summary(self) -> str:
        if self.empty:
            return translate("SyncPeers", "Niets in quarantaine.")
        parts = []
        if self.bundles:
            parts.append(
                count(
                    len(self.bundles),
                    translate("SyncPeers", "bundel wacht"),
                    translate("SyncPeers", "bundels wachten"),
                )
            )
        if self.event_total:
            parts.append(
                translate("SyncPeers", "{changes} apart gezet").format(
                    changes=changes(self.event_total)
                )
            )
        return translate("SyncPeers", "In quarantaine: {parts}.").format(parts=", ".join(parts))


def _entity_of(raw: str) -> str | None:
    try:
        document = json.loads(raw)
    except ValueError:
        return None
    entity = document.get("e") if isinstance(document, dict) else None
    return entity if isinstance(entity, str) else None


def quarantine_report(db: Database, limit: int = 200) -> QuarantineReport:
    """Bundles waiting for approval and events held back, with their reasons."""
    with db.read() as session:
        node = require_node(session)
        codes = {p.node_id: (p.post_code, p.name) for p in session.scalars(select(Peer))}
        codes[node.node_id] = (node.post_code, node.name)
        bundles = tuple(
            WaitingBundle(
                bundle_id=row.bundle_id,
                sender=row.sender,
                sender_code=codes.get(row.sender, ("?", ""))[0],
                sender_name=codes.get(row.sender, ("?", ""))[1],
                received_at=row.received_at,
                reason=row.reason,
                size=len(row.raw),
            )
            for row in session.scalars(
                select(PendingBundle).order_by(PendingBundle.received_at, PendingBundle.bundle_id)
            )
        )
        total = session.scalar(select(func.count()).select_from(Quarantine)) or 0
        held = session.scalars(
            select(Quarantine)
            .order_by(Quarantine.received_at.desc(), Quarantine.id.desc())
            .limit(limit)
        )
        events = tuple(
            HeldEvent(
                origin=row.origin,
                origin_code=codes[row.origin][0] if row.origin in codes else None,
                seq=row.seq,
                entity=_entity_of(row.raw),
                reason=row.reason,
                received_at=row.received_at,
                bundle_id=row.bundle_id,
            )
            for row in held
        )
    return QuarantineReport(bundles=bundles, events=events, event_total=int(total))


def normalise_fingerprint(text: str) -> str:
    """``abcdef01 2345-6789abcd`` → ``ABCD-EF01-2345-6789``.

    Raises:
        UserError: not 16 hex digits.
    """
    digits = "".join(ch for ch in text.upper() if ch not in " -")
    if len(digits) != 16 or any(ch not in "0123456789ABCDEF" for ch in digits):
        raise UserError(
            translate(
                "SyncPeers",
                "Vingerafdruk '{text}' klopt niet: die bestaat uit 16 tekens (0-9, A-F), zoals "
                "ABCD-EF01-2345-6789.",
            ).format(text=text)
        )
    return "-".join(digits[i : i + 4] for i in range(0, 16, 4))
