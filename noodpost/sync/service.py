"""One object for the CLI, the GUI and the hub: this node's sync, keys loaded on first use.

Every method returns a small frozen result with a Dutch ``summary`` line, or raises a
:class:`~noodpost.core.errors.UserError` with a message for a volunteer. After anything that
applied events, ``announce`` (for example ``ServiceContext.announce``) hears which entities
changed, so screens can refresh.

Every pairing, approval, bundle export and bundle import is recorded in the audit log (DESIGN
§3.6) here, the one place all transports pass: what was done to which file, bundle or post,
with counts — never event contents; in Dutch, whatever language the screen speaks. An entry
is written in its own short transaction after the action (a refusal is recorded too, then the
refusal is raised as before). Empty network
bundles (nothing to send, nothing received) are not recorded, so background sync every few
minutes does not bury the log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from noodpost.core.audit import AuditAction
from noodpost.core.clock import Clock, iso
from noodpost.core.dutch import count
from noodpost.core.errors import UserError
from noodpost.storage.audit import FAILED, OK, REFUSED, append_audit
from noodpost.storage.engine import Database
from noodpost.sync import approval, exchange, pairing, peers, usb
from noodpost.sync.bundle import Answer
from noodpost.sync.keys import NodeKeys, load_node_keys

ChangeListener = Callable[[frozenset[str]], None]
#: Who is signed in (a volunteer id) or ``None`` (the command line, the hub endpoint).
ActorSource = Callable[[], str | None]
#: Announced when a post reads a pairing file: its peers changed, so things can leave it now.
PAIRED = frozenset({"peer"})


class SyncService:
    """Sync for one installation (built once, in the composition root or the CLI)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        data_dir: Path,
        *,
        announce: ChangeListener | None = None,
        actor: ActorSource | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.data_dir = data_dir
        self._announce = announce
        self._actor = actor
        self._keys: NodeKeys | None = None

    @property
    def keys(self) -> NodeKeys:
        """This node's keys, checked against the database (UserError when missing or foreign)."""
        if self._keys is None:
            self._keys = load_node_keys(self.db, self.data_dir)
        return self._keys

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    def _changed(self, entities: frozenset[str]) -> None:
        if entities and self._announce is not None:
            self._announce(entities)

    # ---------------------------------------------------------------- audit

    def _audit(self, action: AuditAction, obj: str, result: str = OK) -> None:
        # A shared writer: a hub's workers write their lines beside each other's imports.
        with self.db.write(shared=True) as session:
            append_audit(
                session,
                at=iso(self.clock.now()),
                actor=self._actor() if self._actor is not None else None,
                action=action.value,
                obj=obj,
                result=result,
            )

    @contextmanager
    def _audited_refusal(self, action: AuditAction, obj: str) -> Iterator[None]:
        """Record a refused (UserError) or failed (anything else) attempt, then re-raise."""
        try:
            yield
        except UserError:
            self._audit(action, obj, REFUSED)
            raise
        except Exception:
            self._audit(action, obj, FAILED)
            raise

    # ---------------------------------------------------------------- pairing

    def export_pairing(
        self, path: Path, addresses: Sequence[str] | None = None
    ) -> pairing.PairingExported:
        """(hub) ``noodpost pairing export FILE``."""
        with self._audited_refusal(AuditAction.PAIRING_EXPORT, f"koppelbestand {path.name}"):
            result = pairing.export_pairing(self.db, self.keys, self.clock, path, addresses)
        self._audit(AuditAction.PAIRING_EXPORT, f"koppelbestand {path.name} ({result.fingerprint})")
        return result

    def pairing_qr_text(self, addresses: Sequence[str] | None = None) -> str:
        """(hub) The pairing document for a QR code."""
        text = pairing.pairing_qr_text(self.db, self.keys, self.clock, addresses)
        self._audit(AuditAction.PAIRING_EXPORT, f"koppel-QR-code ({self.fingerprint})")
        return text

    def import_pairing(self, path: Path) -> pairing.PairingImported:
        """(post) ``noodpost pairing import FILE``."""
        with self._audited_refusal(AuditAction.PAIRING_IMPORT, f"koppelbestand {path.name}"):
            self.keys  # noqa: B018 — a post without keys cannot sync: say so now, not later
            result = pairing.import_pairing(self.db, self.clock, path)
        self._audit(AuditAction.PAIRING_IMPORT, _paired(result, f"koppelbestand {path.name}"))
        self._changed(PAIRED)
        return result

    def import_pairing_text(self, text: str) -> pairing.PairingImported:
        """(post) A scanned pairing QR code."""
        with self._audited_refusal(AuditAction.PAIRING_IMPORT, "koppel-QR-code"):
            self.keys  # noqa: B018
            result = pairing.import_pairing_text(self.db, self.clock, text)
        self._audit(AuditAction.PAIRING_IMPORT, _paired(result, "koppel-QR-code"))
        self._changed(PAIRED)
        return result

    # ---------------------------------------------------------------- peers

    def list_peers(self) -> peers.PeerList:
        """``noodpost posts list``: posts (at a hub) or the hub (at a post), with fingerprints."""
        return peers.list_peers(self.db)

    def last_received(self) -> dict[str, dict[str, str]]:
        """Per peer node id, per channel (``usb``/``network``): its latest bundle's arrival."""
        return peers.last_received(self.db)

    def quarantine(self, limit: int = 200) -> peers.QuarantineReport:
        """Bundles waiting for approval and events held back, with the reasons."""
        return peers.quarantine_report(self.db, limit)

    def approve_post(self, code: str, fingerprint: str | None = None) -> approval.Approval:
        """(hub) ``noodpost posts approve CODE [--vingerafdruk F]``."""
        with self._audited_refusal(AuditAction.POST_APPROVE, _asked(code, fingerprint)):
            result = approval.approve_post(
                self.db, self.keys, self.clock, code, fingerprint_text=fingerprint
            )
        if not result.already:
            self._audit(
                AuditAction.POST_APPROVE,
                f"post {result.post_code} ({', '.join(result.fingerprints)}): "
                f"{_bundles(result.bundles)} uit quarantaine, {_changes(result.applied)} "
                "toegepast",
            )
        self._changed(result.changed)
        return result

    def replace_post(self, code: str, fingerprint: str) -> approval.Replacement:
        """(hub) ``noodpost posts replace CODE --vingerafdruk NIEUW``: a replacement laptop."""
        with self._audited_refusal(AuditAction.POST_REPLACE, _asked(code, fingerprint)):
            result = approval.replace_post(
                self.db, self.keys, self.clock, code, fingerprint_text=fingerprint
            )
        done = result.approval
        self._audit(
            AuditAction.POST_REPLACE,
            f"post {result.post_code}: sleutel {', '.join(result.old)} vervangen door "
            f"{result.new}; {_bundles(done.bundles)} uit quarantaine, "
            f"{_changes(done.applied)} toegepast",
        )
        self._changed(result.changed)
        return result

    # ---------------------------------------------------------------- bundles

    def export_usb(self, root: Path) -> usb.UsbExport:
        """``noodpost sync export DIR``."""
        with self._audited_refusal(AuditAction.BUNDLE_EXPORT, "USB-export"):
            result = usb.export_to(self.db, self.keys, self.clock, root)
        for written in result.written:
            self._audit(
                AuditAction.BUNDLE_EXPORT,
                f"{written.path.name} voor {written.recipient_code}: "
                f"{_changes(written.events)} (USB)",
            )
        return result

    def import_usb(self, path: Path) -> usb.UsbImport:
        """``noodpost sync import PATH``."""
        with self._audited_refusal(AuditAction.BUNDLE_IMPORT, "USB-import"):
            result = usb.import_from(self.db, self.keys, self.clock, path)
        for outcome in result.outcomes:
            self._audit(AuditAction.BUNDLE_IMPORT, _imported(outcome, "USB"))
        for refused in result.refused:
            self._audit(AuditAction.BUNDLE_IMPORT, f"{refused.path.name} (USB)", REFUSED)
        self._changed(result.changed)
        return result

    def build_bundle(
        self, peer_id: str, *, answer: Answer | None = None
    ) -> exchange.OutgoingBundle:
        """The bytes for one peer (the network transport sends these); ``answer``: what the
        peer's bundle did here (a hub's network reply), sealed in the header."""
        result = exchange.build_bundle(self.db, self.keys, self.clock, peer_id, answer=answer)
        if result.event_count:
            self._audit(
                AuditAction.BUNDLE_EXPORT,
                f"bundel {result.bundle_id} voor {result.recipient_code}: "
                f"{_changes(result.event_count)} (netwerk)",
            )
        return result

    def import_bytes(self, data: bytes, *, channel: str = "network") -> exchange.ImportOutcome:
        """Import bundle bytes that came over the network (same checks as a file)."""
        with self._audited_refusal(AuditAction.BUNDLE_IMPORT, f"bundel ({channel})"):
            result = exchange.import_bundle(self.db, self.keys, self.clock, data, channel=channel)
        if result.events or result.status is not exchange.ImportStatus.APPLIED:
            self._audit(AuditAction.BUNDLE_IMPORT, _imported(result, channel))
        self._changed(result.changed)
        return result


def _bundles(number: int) -> str:
    """``2 bundels`` for the audit log: recorded in Dutch, whatever the screen's language."""
    return count(number, "bundel", "bundels")


def _changes(number: int) -> str:
    """``2 wijzigingen`` for the audit log (in Dutch, as :func:`_bundles`)."""
    return count(number, "wijziging", "wijzigingen")


def _asked(code: str, fingerprint: str | None) -> str:
    """What the operator asked about, for the audit log: typed text cut short, never trusted."""
    said = f"post {code.strip()[:16]}"
    if fingerprint is not None:
        try:
            said += f" ({peers.normalise_fingerprint(fingerprint)})"
        except UserError:
            said += " (onleesbare vingerafdruk)"
    return said


def _paired(result: pairing.PairingImported, source: str) -> str:
    return f"{source}: C-NSP {result.hub_code} ({result.fingerprint})"


def _imported(outcome: exchange.ImportOutcome, channel: str) -> str:
    """A bundle import in counts: which bundle, from which post, what it did."""
    if outcome.status is exchange.ImportStatus.DUPLICATE:
        what = "al eerder ingelezen"
    elif outcome.status is exchange.ImportStatus.QUARANTINED:
        what = f"{_changes(outcome.events)} in quarantaine (wacht op goedkeuring)"
    else:
        what = (
            f"{outcome.applied} toegepast, {outcome.present} al aanwezig, "
            f"{outcome.quarantined} in quarantaine"
        )
    return f"bundel {outcome.bundle_id} van {outcome.sender_code}: {what} ({channel})"
