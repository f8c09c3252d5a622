"""Building and importing bundles — one pipeline for USB and network (DESIGN §3.3).

- :func:`build_bundle` carries every event the peer has not acknowledged, of any origin, and
  this node's version vector. Nothing is marked sent: only a vector received back moves the
  acknowledgement, so a lost bundle loses nothing.
- :func:`import_bundle` checks framing and signature, refuses a newer format, a foreign
  recipient, the other mode (training vs real), then decrypts and applies everything in one
  transaction with the bundle's id and the sender's acknowledgement. A signed bundle from a
  post the hub does not trust yet waits in quarantine until :func:`approve_post`.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from noodpost.core.clock import Clock, iso, parse_iso
from noodpost.core.dutch import changes, count
from noodpost.core.errors import NotFound, Refused, UserError
from noodpost.core.events import EVENT_SCHEMA_VERSION
from noodpost.core.i18n import translate
from noodpost.storage.concurrency import retrying
from noodpost.storage.dialect import lock_post
from noodpost.storage.engine import Database
from noodpost.storage.eventlog import apply_remote
from noodpost.storage.models import Node, Peer, PendingBundle, ReceivedBundle
from noodpost.storage.node import require_node
from noodpost.storage.projection import bulk_mode
from noodpost.storage.streams import (
    coverage_for,
    covers_without,
    record_coverage,
    version_vector,
    wire_events_after,
)
from noodpost.sync import bundle as fmt
from noodpost.sync.keys import NodeKeys, fingerprint
from noodpost.sync.peers import (
    CHANNELS,
    acked_vector,
    new_peer,
    record_acknowledgement,
)
from noodpost.sync.scope import incoming_origins, outgoing_scope

SUSPECT_AHEAD = timedelta(hours=24)
log = logging.getLogger(__name__)

REASON_UNAPPROVED = "afzender nog niet goedgekeurd"
#: Room for bundles from senders not (yet) approved, per sender and in all: a stranger's bytes
#: are kept only as room allows, the oldest dropped first (issue 20). A sender's newest
#: bundle carries everything its older ones did, and after approval it sends all again.
MAX_PENDING_PER_SENDER = 16 * 1024 * 1024
MAX_PENDING_TOTAL = 128 * 1024 * 1024


class NotForUs(Refused):
    """A bundle addressed to another node, or made by this one (nothing was opened)."""


class ImportStatus(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"  # this bundle id was read before: nothing changed
    QUARANTINED = "quarantined"  # waits for approval of the sender


@dataclass(frozen=True)
class OutgoingBundle:
    """A bundle made for one peer."""

    bundle_id: str
    recipient: str
    recipient_code: str
    event_count: int
    data: bytes


@dataclass(frozen=True)
class ImportOutcome:
    """What one bundle did. ``applied``/``present``/``quarantined`` count events."""

    bundle_id: str
    sender: str
    sender_code: str
    status: ImportStatus
    events: int = 0
    applied: int = 0
    present: int = 0
    quarantined: int = 0
    refused: int = 0  # of the quarantined: not this sender's to write or to pass on
    changed: frozenset[str] = field(default_factory=frozenset)  # entity names, for refreshes
    dropped: int = 0  # waiting bundles of unapproved senders removed for room, this one too
    turned_away: int = 0  # events with no room to wait for their record: they come again
    answer: fmt.Answer | None = None  # a hub's reply: what the bundle it answers did there

    @property
    def summary(self) -> str:
        """What the bundle did, for the screen (the hub's server and the CLI print it too)."""
        code = self.sender_code
        if self.status is ImportStatus.DUPLICATE:
            return translate(
                "SyncExchange", "Bundel van {code} was al ingelezen; er is niets veranderd."
            ).format(code=code)
        if self.status is ImportStatus.QUARANTINED:
            room = (
                translate(
                    "SyncExchange",
                    " Voor ruimte zijn {bundles} van niet goedgekeurde afzenders verwijderd; na "
                    "goedkeuring stuurt de post alles opnieuw.",
                ).format(
                    bundles=count(
                        self.dropped,
                        translate("SyncExchange", "oudere of te grote bundel"),
                        translate("SyncExchange", "oudere of te grote bundels"),
                    )
                )
                if self.dropped
                else ""
            )
            return translate(
                "SyncExchange",
                "Bundel van {code} ({changes}) in quarantaine: wacht op goedkeuring "
                "(Synchronisatie → Goedkeuren…, of 'noodpost posts approve {code}').{room}",
            ).format(code=code, changes=changes(self.events), room=room)
        refused = (
            translate("SyncExchange", " ({refused} niet toegestaan)").format(refused=self.refused)
            if self.refused
            else ""
        )
        away = (
            translate(
                "SyncExchange",
                " {changes} van records die hier nog niet zijn, niet bewaard: er wachten er al "
                "te veel; ze komen met een volgende bundel opnieuw.",
            ).format(changes=changes(self.turned_away))
            if self.turned_away
            else ""
        )
        return translate(
            "SyncExchange",
            "Bundel van {code}: {applied} toegepast, {present} al aanwezig, {quarantined} in "
            "quarantaine{refused}.{away}",
        ).format(
            code=code,
            applied=self.applied,
            present=self.present,
            quarantined=self.quarantined,
            refused=refused,
            away=away,
        )


# ---------------------------------------------------------------- building


def check_keys(node: Node, keys: NodeKeys) -> None:
    if (
        node.signing_public_key != keys.signing_public_hex
        or node.encryption_public_key != keys.encryption_public_hex
    ):
        raise UserError(
            translate(
                "SyncExchange",
                "De sleutels van dit noodsteunpunt horen niet bij deze database. Zet de "
                "database en de map 'keys' altijd samen terug.",
            )
        )


def _me(node: Node, keys: NodeKeys) -> fmt.Party:
    return fmt.Party(
        node_id=node.node_id,
        incarnation=node.incarnation,
        post_code=node.post_code,
        name=node.name,
        role=node.role,
        signing_public_key=keys.signing_public_hex,
        encryption_public_key=keys.encryption_public_hex,
    )


def build_bundle(
    db: Database, keys: NodeKeys, clock: Clock, peer_id: str, *, answer: fmt.Answer | None = None
) -> OutgoingBundle:
    """A cumulative bundle for an approved peer: all it has not acknowledged, and our vector.

    ``answer`` (a hub's network reply) travels in the sealed header: what the peer's bundle
    did here.

    Raises:
        NotFound: no such peer.
        Refused: the peer is not approved (a hub never sends data to an unverified key).
    """
    with db.read() as session:
        node = require_node(session)
        check_keys(node, keys)
        peer = session.get(Peer, peer_id)
        if peer is None:
            raise NotFound(
                translate("SyncExchange", "Dit noodsteunpunt of C-NSP is hier niet bekend.")
            )
        if not peer.approved:
            raise Refused(
                translate(
                    "SyncExchange",
                    "{code} is nog niet goedgekeurd; er worden geen gegevens naartoe gestuurd. "
                    "Vergelijk de vingerafdruk en keur de post goed: Synchronisatie → "
                    "Goedkeuren… (of 'noodpost posts approve {code}').",
                ).format(code=peer.post_code)
            )
        acked = acked_vector(peer)
        events, streams = wire_events_after(
            session, acked, with_hash=False, scope=outgoing_scope(node, peer)
        )
        vector = version_vector(session)
        bundle_id = str(uuid.uuid4())
        data = fmt.encode(
            bundle_id=bundle_id,
            created_at=iso(clock.now()),
            training=bool(node.training),
            event_schema=EVENT_SCHEMA_VERSION,
            sender=_me(node, keys),
            recipient=peer.node_id,
            recipient_code=peer.post_code,
            recipient_encryption_key=peer.encryption_public_key,
            events=events,
            vector=vector,
            covers=coverage_for(acked, vector, streams),
            signing_key=keys.signing,
            answer=answer,
        )
        return OutgoingBundle(bundle_id, peer.node_id, peer.post_code, len(events), data)


# ---------------------------------------------------------------- importing


def check_addressed_to_us(node: Node, header: fmt.Header) -> None:
    if header.training and not node.training:
        raise Refused(
            translate(
                "SyncExchange",
                "Dit is een oefenbundel (oefenmodus), maar dit noodsteunpunt werkt met echte "
                "gegevens. Oefen- en echte gegevens worden nooit gemengd; er is niets ingelezen.",
            )
        )
    if node.training and not header.training:
        raise Refused(
            translate(
                "SyncExchange",
                "Dit is een bundel met echte gegevens, maar dit noodsteunpunt staat in "
                "oefenmodus. Oefen- en echte gegevens worden nooit gemengd; er is niets "
                "ingelezen.",
            )
        )
    if header.sender.node_id == node.node_id:
        raise NotForUs(
            translate(
                "SyncExchange",
                "Deze bundel is door dit noodsteunpunt zelf gemaakt; hij is bedoeld voor "
                "{recipient}. Er is niets ingelezen.",
            ).format(recipient=header.recipient_code)
        )
    if header.recipient != node.node_id:
        raise NotForUs(
            translate(
                "SyncExchange",
                "Deze bundel is voor een ander noodsteunpunt ({recipient}), niet voor {here}. "
                "Er is niets ingelezen; lees hem in op de laptop van {recipient}.",
            ).format(recipient=header.recipient_code, here=node.post_code)
        )
    if header.event_schema > EVENT_SCHEMA_VERSION:
        raise fmt.BundleTooNew(
            translate("SyncExchange", "gebeurtenisschema"),
            header.event_schema,
            EVENT_SCHEMA_VERSION,
        )


def _check_sealed_for_us(
    session: Session, node: Node, keys: NodeKeys, envelope: fmt.Envelope
) -> None:
    """A format 4 bundle names its recipient and sender only by key: refuse one for another
    node, or made here, before anything is opened (formats 1–3: :func:`check_addressed_to_us`).
    """
    if envelope.recipient_key is None:
        return
    mine = envelope.made_by(keys.signing_public_hex)
    if envelope.is_for(node.node_id, keys.encryption_public_hex) and not mine:
        return
    known = session.scalar(
        select(Peer.post_code).where(Peer.encryption_public_key == envelope.recipient_key)
    )
    if mine:
        raise NotForUs(
            translate(
                "SyncExchange",
                "Deze bundel is hier zelf gemaakt; hij is bedoeld voor {recipient}. Er is niets "
                "ingelezen.",
            ).format(recipient=known or translate("SyncExchange", "een andere post of C-NSP"))
        )
    where = f" ({known})" if known else ""
    raise NotForUs(
        translate(
            "SyncExchange",
            "Deze bundel is voor een andere post of C-NSP{where}, niet voor {here}. Er is niets "
            "ingelezen; lees hem in op de laptop waarvoor hij gemaakt is.",
        ).format(where=where, here=node.post_code)
    )


def check_sender_keys(peer: Peer, sender: fmt.Party) -> None:
    if (
        peer.signing_public_key != sender.signing_public_key
        or peer.encryption_public_key != sender.encryption_public_key
    ):
        raise Refused(
            translate(
                "SyncExchange",
                "Deze bundel draagt de naam van {code} ({name}), maar is gemaakt met andere "
                "sleutels dan hier van die afzender bekend zijn ({theirs} in plaats van "
                "{known}). Er is niets ingelezen. Meld dit bij de coördinator.",
            ).format(
                code=peer.post_code,
                name=peer.name,
                theirs=fingerprint(sender.signing_public_key, sender.encryption_public_key),
                known=fingerprint(peer.signing_public_key, peer.encryption_public_key),
            )
        )


def _quarantine_bundle(
    session: Session, node: Node, signed: fmt.SignedBundle, peer: Peer | None, now: str
) -> tuple[Peer, int]:
    """Keep a signed bundle from an untrusted post until an operator approves it.

    Kept as the bytes received (never opened), as room allows: see :data:`MAX_PENDING_TOTAL`.
    The peer is always kept, so the operator can approve it by its fingerprint.

    Returns:
        The peer, and how many waiting bundles were removed for room (this one included).
    """
    sender = signed.header.sender
    if peer is None:
        peer = new_peer(sender, training=bool(node.training), approved=False, now=now)
        session.add(peer)
    if len(signed.raw) > MAX_PENDING_PER_SENDER:
        log.warning(
            "Bundel van niet goedgekeurde afzender %s niet bewaard: %d MB, meer dan %d MB",
            sender.post_code,
            len(signed.raw) // 2**20,
            MAX_PENDING_PER_SENDER // 2**20,
        )
        return peer, 1  # never written: it would only take room and be dropped
    session.add(
        PendingBundle(
            bundle_id=signed.header.bundle_id,
            sender=sender.node_id,
            received_at=now,
            raw=signed.raw,
            reason=REASON_UNAPPROVED,
        )
    )
    session.flush()
    return peer, _make_room(session)


def _make_room(session: Session) -> int:
    """Drop the oldest waiting bundles of unapproved senders beyond the limits; how many."""
    waiting = session.execute(
        select(PendingBundle.bundle_id, PendingBundle.sender, func.length(PendingBundle.raw))
        .join(Peer, Peer.node_id == PendingBundle.sender)
        .where(Peer.approved.is_(False))
        .order_by(PendingBundle.received_at.desc(), PendingBundle.bundle_id.desc())
    ).all()
    per_sender: dict[str, int] = {}
    total = 0
    doomed: list[str] = []
    for bundle_id, sender, size in waiting:  # newest first: the oldest are dropped
        if (
            per_sender.get(sender, 0) + size > MAX_PENDING_PER_SENDER
            or total + size > MAX_PENDING_TOTAL
        ):
            doomed.append(bundle_id)
            continue
        per_sender[sender] = per_sender.get(sender, 0) + size
        total += size
    if doomed:
        session.execute(delete(PendingBundle).where(PendingBundle.bundle_id.in_(doomed)))
        log.warning(
            "%d bundel(s) van niet goedgekeurde afzenders verwijderd: meer dan %d MB per "
            "afzender of %d MB in totaal",
            len(doomed),
            MAX_PENDING_PER_SENDER // 2**20,
            MAX_PENDING_TOTAL // 2**20,
        )
    return len(doomed)


def apply_trusted(
    session: Session,
    node: Node,
    clock: Clock,
    peer: Peer,
    signed: fmt.SignedBundle,
    contents: fmt.Contents,
    channel: str,
    *,
    contact: bool = True,
) -> ImportOutcome:
    """Apply a trusted bundle in the caller's transaction: events, bundle id, acknowledgement.

    ``contact`` is False for a bundle taken out of quarantine: that contact was recorded when
    it arrived.
    """
    header = signed.header
    now_moment = clock.now()
    now = iso(now_moment)
    received = ReceivedBundle(
        bundle_id=header.bundle_id,
        sender=header.sender.node_id,
        received_at=now,
        channel=channel,
        applied=0,
        present=0,
        quarantined=0,
    )
    session.add(received)
    session.flush()  # quarantined events refer to it
    origins = incoming_origins(node, peer)
    result = apply_remote(
        session, node, clock, contents.events, origins=origins, bundle_id=header.bundle_id
    )
    covers = [c for c in contents.covers if c[0] in origins]
    record_coverage(session, covers_without(covers, result.turned_away))
    if result.turned_away:
        log.warning(
            "%d gebeurtenis(sen) van %s niet bewaard: er wachten er al te veel op hun record; "
            "ze komen met een volgende bundel opnieuw",
            len(result.turned_away),
            header.sender.post_code,
        )
    received.applied = result.applied
    received.present = result.present
    received.quarantined = result.quarantined
    record_acknowledgement(peer, contents.vector, header.sender.incarnation)
    peer.name = header.sender.name
    if contact:
        peer.last_contact = now
        peer.last_channel = channel
    try:
        ahead = parse_iso(header.created_at) - now_moment > SUSPECT_AHEAD
    except ValueError:
        ahead = True
    peer.clock_suspect = ahead or header.sender.node_id in result.suspect_origins
    others = result.suspect_origins - {header.sender.node_id}
    if others:
        for other in session.scalars(select(Peer).where(Peer.node_id.in_(others))):
            other.clock_suspect = True
    return ImportOutcome(
        bundle_id=header.bundle_id,
        sender=header.sender.node_id,
        sender_code=header.sender.post_code,
        status=ImportStatus.APPLIED,
        events=len(contents.events),
        applied=result.applied,
        present=result.present,
        quarantined=result.quarantined,
        refused=result.refused,
        changed=result.changed,
        turned_away=len(result.turned_away),
        answer=header.answer,
    )


def import_bundle(
    db: Database, keys: NodeKeys, clock: Clock, data: bytes, *, channel: str = "usb"
) -> ImportOutcome:
    """Import one bundle (the bytes of an ``.npb`` file or of a network request).

    Everything happens in one transaction: a refusal leaves the database as it was.

    Raises:
        BundleDamaged: truncated, garbled, not a bundle.
        BundleTooNew: made by a newer Noodpost.
        Refused: for another node, from the other mode, from an unpaired or forged sender.
        UserError: cannot be decrypted with this node's key.
    """
    return import_envelope(db, keys, clock, fmt.read_envelope(data), channel=channel)


def import_envelope(
    db: Database, keys: NodeKeys, clock: Clock, envelope: fmt.Envelope, *, channel: str
) -> ImportOutcome:
    """:func:`import_bundle` for a bundle whose framing and signature were already checked.

    On PostgreSQL several hub processes import at once: bundles of different posts side by
    side, those of one post one after the other (:mod:`noodpost.storage.concurrency`); a try
    the server gave up on (a deadlock) is run again.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    return retrying(lambda: _import_envelope(db, keys, clock, envelope, channel))


def _import_envelope(
    db: Database, keys: NodeKeys, clock: Clock, envelope: fmt.Envelope, channel: str
) -> ImportOutcome:
    with db.write(shared=True) as session:
        node = require_node(session)
        check_keys(node, keys)
        _check_sealed_for_us(session, node, keys, envelope)
        signed = fmt.open_header(envelope, keys.encryption)  # small and bounded, from anyone
        header = signed.header
        check_addressed_to_us(node, header)
        # From here on this post's bundles wait for each other; nothing of it is read before.
        lock_post(session.connection(), _post_of(session, header.sender))
        duplicate = session.get(ReceivedBundle, header.bundle_id) is not None
        waiting = session.get(PendingBundle, header.bundle_id) is not None
        if duplicate or waiting:
            return ImportOutcome(
                bundle_id=header.bundle_id,
                sender=header.sender.node_id,
                sender_code=header.sender.post_code,
                status=ImportStatus.QUARANTINED if waiting else ImportStatus.DUPLICATE,
                events=header.event_count,
            )
        # Nothing is decrypted, decompressed or parsed before the sender is known and approved:
        # a few hundred kilobytes from a stranger could otherwise unpack into gigabytes.
        sender = header.sender
        if sender.post_code == node.post_code:
            raise Refused(
                translate(
                    "SyncExchange",
                    "Deze bundel komt van {name}, dat dezelfde code draagt als dit {here} "
                    "({code}). Er is niets ingelezen. Meld dit bij de coördinator: elke post en "
                    "elke C-NSP heeft een eigen code.",
                ).format(
                    name=sender.name,
                    here="C-NSP"
                    if node.role == "hub"
                    else translate("SyncExchange", "noodsteunpunt"),
                    code=node.post_code,
                )
            )
        peer = session.get(Peer, sender.node_id)
        if peer is not None:
            check_sender_keys(peer, sender)
        if node.role == "post":
            if peer is None or peer.role != "hub" or not peer.approved:
                raise Refused(
                    translate(
                        "SyncExchange",
                        "Deze bundel komt van {name} ({code}), waarmee deze post niet gekoppeld "
                        "is. Er is niets ingelezen. Lees eerst het koppelbestand van uw C-NSP "
                        "in: Synchronisatie → Koppelbestand inlezen… (of 'noodpost pairing "
                        "import BESTAND').",
                    ).format(name=sender.name, code=sender.post_code)
                )
        elif sender.role != "post":
            raise Refused(
                translate(
                    "SyncExchange",
                    "Deze bundel komt van een ander C-NSP ({code}); een C-NSP wisselt alleen "
                    "bundels uit met noodsteunpunten. Er is niets ingelezen.",
                ).format(code=sender.post_code)
            )
        if peer is None or not peer.approved:
            peer, dropped = _quarantine_bundle(session, node, signed, peer, iso(clock.now()))
            peer.last_contact = iso(clock.now())
            peer.last_channel = channel
            return ImportOutcome(
                bundle_id=header.bundle_id,
                sender=sender.node_id,
                sender_code=sender.post_code,
                status=ImportStatus.QUARANTINED,
                events=header.event_count,
                dropped=dropped,
            )
        with bulk_mode():  # parsing a large payload: millions of small objects
            contents = fmt.open_payload(signed, keys.encryption)
        return apply_trusted(session, node, clock, peer, signed, contents, channel)


def _post_of(session: Session, sender: fmt.Party) -> str:
    """The post whose import lock a bundle of ``sender`` takes: the code approved for it (all
    desks of one post write the same records), or for a stranger the code its header states."""
    approved = session.scalar(select(Peer.post_code).where(Peer.node_id == sender.node_id))
    return approved or sender.post_code
