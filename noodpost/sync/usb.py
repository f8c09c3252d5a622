"""USB transport: bundles in ``NOODPOST/<post-code>/{outbox,inbox}/`` on any drive (DESIGN §3.3).

A post writes ``NOODPOST/<own code>/outbox/`` for its hub and reads ``NOODPOST/<own code>/inbox/``;
the hub writes every approved post's ``inbox/`` and reads every ``outbox/``. One stick serves
many posts. Files are written atomically (``*.partial`` first), and a ``*.partial`` is never read.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from sqlalchemy import select

from noodpost.core.clock import Clock
from noodpost.core.dutch import bundles, changes, count
from noodpost.core.errors import UserError, os_reason
from noodpost.core.i18n import translate
from noodpost.storage.engine import Database
from noodpost.storage.models import Peer
from noodpost.storage.node import require_node
from noodpost.sync import bundle as fmt
from noodpost.sync.exchange import (
    ImportOutcome,
    ImportStatus,
    build_bundle,
    import_bundle,
    import_envelope,
)
from noodpost.sync.files import PARTIAL_SUFFIX, write_atomically
from noodpost.sync.keys import NodeKeys

ROOT_FOLDER = "NOODPOST"
OUTBOX = "outbox"
INBOX = "inbox"


@dataclass(frozen=True)
class WrittenBundle:
    path: Path
    recipient_code: str
    events: int


@dataclass(frozen=True)
class UsbExport:
    """The answer to ``noodpost sync export DIR``."""

    root: Path
    written: tuple[WrittenBundle, ...]
    replaced: int = 0  # older bundles of ours for the same recipient, now superseded

    @property
    def summary(self) -> str:
        parts = ", ".join(f"{w.recipient_code} ({changes(w.events)})" for w in self.written)
        text: str = translate("SyncUsb", "{bundles} geschreven naar {folder}: {parts}").format(
            bundles=bundles(len(self.written)), folder=self.root, parts=parts
        )
        if self.replaced:
            text += translate("SyncUsb", "; {bundles} vervangen").format(
                bundles=count(
                    self.replaced,
                    translate("SyncUsb", "oudere bundel"),
                    translate("SyncUsb", "oudere bundels"),
                )
            )
        return text + "."


@dataclass(frozen=True)
class RefusedFile:
    path: Path
    message: str


@dataclass(frozen=True)
class UsbImport:
    """The answer to ``noodpost sync import PATH``."""

    source: Path
    outcomes: tuple[ImportOutcome, ...]
    refused: tuple[RefusedFile, ...] = ()
    skipped: int = 0  # bundles for another laptop, or made here

    @property
    def bundles(self) -> int:
        return len(self.outcomes) + len(self.refused)

    @property
    def changed(self) -> frozenset[str]:
        return frozenset().union(*(o.changed for o in self.outcomes))

    @property
    def waiting(self) -> tuple[str, ...]:
        """The codes of the senders whose bundles wait for approval."""
        return tuple(
            sorted({o.sender_code for o in self.outcomes if o.status is ImportStatus.QUARANTINED})
        )

    @property
    def summary(self) -> str:
        if not self.bundles and not self.skipped:
            return translate("SyncUsb", "Geen bundels gevonden in {folder}.").format(
                folder=self.source
            )
        text: str = translate(
            "SyncUsb",
            "{bundles}: {applied} toegepast, {present} al aanwezig, {quarantined} in "
            "quarantaine, {refused} geweigerd",
        ).format(
            bundles=bundles(self.bundles),
            applied=sum(o.applied for o in self.outcomes),
            present=sum(o.present for o in self.outcomes),
            quarantined=sum(o.quarantined for o in self.outcomes),
            refused=len(self.refused),
        )
        again = sum(1 for o in self.outcomes if o.status is ImportStatus.DUPLICATE)
        kept = sum(1 for o in self.outcomes if o.status is ImportStatus.QUARANTINED)
        if again:
            text += translate("SyncUsb", "; {again} al eerder ingelezen").format(again=again)
        if self.waiting:
            text += translate(
                "SyncUsb", "; wacht op goedkeuring: {codes} ({bundles} bewaard tot de goedkeuring)"
            ).format(codes=", ".join(self.waiting), bundles=bundles(kept))
        if self.skipped:
            text += translate("SyncUsb", "; {skipped} overgeslagen (niet voor deze laptop)").format(
                skipped=self.skipped
            )
        return text + "."

    @property
    def lines(self) -> tuple[str, ...]:
        """One line per refused file, for the details under the summary."""
        return tuple(f"{r.path.name}: {r.message}" for r in self.refused)


def _stamp(clock: Clock) -> str:
    return clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _require_folder(path: Path) -> None:
    if not path.is_dir():
        raise UserError(
            translate(
                "SyncUsb",
                "De map {folder} bestaat niet. Is de USB-stick aangesloten? Kies de stick (of "
                "een map erop) en probeer het opnieuw.",
            ).format(folder=path)
        )


def export_to(db: Database, keys: NodeKeys, clock: Clock, root: Path) -> UsbExport:
    """Write a cumulative bundle for every peer this node serves under ``root/NOODPOST``.

    Raises:
        UserError: ``root`` does not exist or cannot be written; no paired hub / no approved
            post yet.
    """
    _require_folder(root)
    with db.read() as session:
        node = require_node(session)
        is_post = node.role == "post"
        own_code = node.post_code
        peers = list(
            session.scalars(
                select(Peer)
                .where(Peer.approved.is_(True), Peer.role == ("hub" if is_post else "post"))
                .order_by(Peer.post_code, Peer.node_id)
            )
        )
    if not peers:
        raise UserError(
            translate(
                "SyncUsb",
                "Deze post is nog niet gekoppeld aan een C-NSP. Lees eerst het koppelbestand in: "
                "Synchronisatie → Koppelbestand inlezen… (of 'noodpost pairing import "
                "BESTAND').",
            )
            if is_post
            else translate(
                "SyncUsb",
                "Er zijn nog geen goedgekeurde posten. Lees eerst hun bundels in en keur ze "
                "goed: Synchronisatie → Goedkeuren… (of 'noodpost posts approve CODE').",
            )
        )
    written: list[WrittenBundle] = []
    replaced = 0
    stamp = _stamp(clock)
    for peer in peers:
        out = build_bundle(db, keys, clock, peer.node_id)
        folder = (
            root / ROOT_FOLDER / own_code / OUTBOX
            if is_post
            else root / ROOT_FOLDER / peer.post_code / INBOX
        )
        path = folder / f"{stamp}-{out.bundle_id}{fmt.SUFFIX}"
        try:
            write_atomically(path, out.data, verify=_verifier(out.data))
        except UserError as failed:
            raise UserError(failed.message + _progress(written, peers[len(written) :])) from failed
        written.append(WrittenBundle(path, out.recipient_code, out.event_count))
        replaced += _remove_superseded(
            folder, keep=path, sender=keys.signing_public_hex, recipient=peer
        )
        _remove_partials(folder)
    return UsbExport(root=root, written=tuple(written), replaced=replaced)


def _progress(written: Sequence[WrittenBundle], left: Sequence[Peer]) -> str:
    """Which bundles of an interrupted export are on the stick, and which are not."""
    done = ", ".join(w.recipient_code for w in written) or translate("SyncUsb", "geen")
    return translate("SyncUsb", " Wel geschreven: {done}. Niet geschreven: {left}.").format(
        done=done, left=", ".join(p.post_code for p in left)
    )


def _verifier(data: bytes) -> Callable[[bytes], None]:
    """The bytes read back must be the bundle made, byte for byte (its header is sealed to
    the recipient: this node cannot read it back, and need not)."""

    def verify(raw: bytes) -> None:
        if raw != data:
            raise OSError("written bundle reads back differently")

    return verify


def _remove_superseded(folder: Path, *, keep: Path, sender: str, recipient: Peer) -> int:
    """Delete our older bundles to the same recipient: the new one carries all they carried.

    Args:
        sender: this node's signing public key (hex).
    """
    removed = 0
    for path in folder.glob(f"*{fmt.SUFFIX}"):
        if path == keep:
            continue
        try:
            envelope = fmt.read_envelope(path.read_bytes())
        except (OSError, UserError):
            continue  # not ours to judge: leave it
        if envelope.made_by(sender) and envelope.is_for(
            recipient.node_id, recipient.encryption_public_key
        ):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def _remove_partials(folder: Path) -> None:
    """Delete ``*.npb.partial`` files: what an export that was killed or lost its disk left.

    Such a file is never read, and the bundle just written carries all it would have.
    """
    for path in folder.glob(f"*{fmt.SUFFIX}{PARTIAL_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()


def _candidates(path: Path, role: str, own_code: str) -> list[Path]:
    if (path / ROOT_FOLDER).is_dir():
        base: Path | None = path / ROOT_FOLDER
    elif path.name.upper() == ROOT_FOLDER:
        base = path
    else:
        base = None
    if base is None:
        found = path.rglob(f"*{fmt.SUFFIX}")
    elif role == "post":
        found = (base / own_code / INBOX).glob(f"*{fmt.SUFFIX}")
    else:
        found = base.glob(f"*/{OUTBOX}/*{fmt.SUFFIX}")
    return sorted((p for p in found if p.is_file()), key=lambda p: (p.name, str(p)))


def _read(path: Path, within: Path | None = None) -> bytes:
    """The bytes of one bundle file, at most :data:`~noodpost.sync.bundle.MAX_BUNDLE_BYTES`.

    Args:
        within: the folder the user chose: a file found there is read only when it really
            lies inside it — never through a link to somewhere else on this laptop.

    Raises:
        UserError: unreadable, too large, or a link out of ``within``.
    """
    if within is not None and (
        path.is_symlink() or not path.resolve().is_relative_to(within.resolve())
    ):
        raise UserError(
            translate(
                "SyncUsb",
                "{file} verwijst naar een bestand buiten de gekozen map en wordt niet gelezen.",
            ).format(file=path.name)
        )
    flags = os.O_RDONLY | (getattr(os, "O_NOFOLLOW", 0) if within is not None else 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as file:
            size = os.fstat(file.fileno()).st_size
            data = file.read(fmt.MAX_BUNDLE_BYTES + 1) if size <= fmt.MAX_BUNDLE_BYTES else b""
    except OSError as failed:
        raise UserError(
            translate(
                "SyncUsb", "{file} kan niet worden gelezen ({reason}). Zit de USB-stick er nog in?"
            ).format(file=path, reason=os_reason(failed))
        ) from failed
    if size > fmt.MAX_BUNDLE_BYTES or len(data) > fmt.MAX_BUNDLE_BYTES:
        raise UserError(
            translate(
                "SyncUsb",
                "{file} is te groot voor een bundel ({size} MB; hooguit {limit} MB) en wordt "
                "niet gelezen.",
            ).format(
                file=path.name,
                size=max(size, len(data)) // 2**20,
                limit=fmt.MAX_BUNDLE_BYTES // 2**20,
            )
        )
    return data


def import_from(
    db: Database, keys: NodeKeys, clock: Clock, path: Path, *, channel: str = "usb"
) -> UsbImport:
    """Import one ``.npb`` file, or every bundle for this node under a folder (a stick).

    A single file that is refused raises; in a folder, refused files are listed in the result
    and the others still apply (each bundle in its own transaction).

    Raises:
        UserError: the path does not exist; a single file is a ``.partial`` or is refused.
    """
    if path.is_file():
        if path.name.endswith(PARTIAL_SUFFIX):
            raise UserError(
                translate(
                    "SyncUsb",
                    "{file} is een onvolledig bestand (.partial): het schrijven is onderbroken. "
                    "Zo'n bestand wordt nooit ingelezen; maak een nieuwe bundel.",
                ).format(file=path.name)
            )
        outcome = import_bundle(db, keys, clock, _read(path), channel=channel)
        return UsbImport(source=path, outcomes=(outcome,))
    _require_folder(path)
    with db.read() as session:
        node = require_node(session)
        role, own_code, own_id = node.role, node.post_code, node.node_id
    outcomes: list[ImportOutcome] = []
    refused: list[RefusedFile] = []
    skipped = 0
    for file in _candidates(path, role, own_code):
        try:
            envelope = fmt.read_envelope(_read(file, within=path))
            if not envelope.is_for(own_id, keys.encryption_public_hex) or envelope.made_by(
                keys.signing_public_hex
            ):
                skipped += 1  # another laptop's (same post code), or one made here
                continue
            outcomes.append(import_envelope(db, keys, clock, envelope, channel=channel))
        except UserError as refusal:
            refused.append(RefusedFile(file, refusal.message))
    return UsbImport(source=path, outcomes=tuple(outcomes), refused=tuple(refused), skipped=skipped)
