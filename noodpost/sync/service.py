"""One object for the CLI, the GUI and the hub: this node's sync, keys loaded on first use.

Every method returns a small frozen result with a Dutch ``summary`` line, or raises a
:class:`~noodpost.core.errors.UserError` with a message for a volunteer. After anything that
applied events, ``announce`` (for example ``ServiceContext.announce``) hears which entities
changed, so screens can refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from noodpost.core.clock import Clock
from noodpost.storage.engine import Database
from noodpost.sync import exchange, pairing, peers, usb
from noodpost.sync.keys import NodeKeys, load_node_keys

ChangeListener = Callable[[frozenset[str]], None]


class SyncService:
    """Sync for one installation (built once, in the composition root or the CLI)."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        data_dir: Path,
        *,
        announce: ChangeListener | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.data_dir = data_dir
        self._announce = announce
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

    # ---------------------------------------------------------------- pairing

    def export_pairing(
        self, path: Path, addresses: Sequence[str] | None = None
    ) -> pairing.PairingExported:
        """(hub) ``noodpost pairing export FILE``."""
        return pairing.export_pairing(self.db, self.keys, self.clock, path, addresses)

    def pairing_qr_text(self, addresses: Sequence[str] | None = None) -> str:
        """(hub) The pairing document for a QR code."""
        return pairing.pairing_qr_text(self.db, self.keys, self.clock, addresses)

    def import_pairing(self, path: Path) -> pairing.PairingImported:
        """(post) ``noodpost pairing import FILE``."""
        self.keys  # noqa: B018 — a post without keys cannot sync: say so now, not later
        return pairing.import_pairing(self.db, self.clock, path)

    def import_pairing_text(self, text: str) -> pairing.PairingImported:
        """(post) A scanned pairing QR code."""
        self.keys  # noqa: B018
        return pairing.import_pairing_text(self.db, self.clock, text)

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

    def approve_post(self, code: str, fingerprint: str | None = None) -> exchange.Approval:
        """(hub) ``noodpost posts approve CODE [--fingerprint F]``."""
        result = exchange.approve_post(
            self.db, self.keys, self.clock, code, fingerprint_text=fingerprint
        )
        self._changed(result.changed)
        return result

    # ---------------------------------------------------------------- bundles

    def export_usb(self, root: Path) -> usb.UsbExport:
        """``noodpost sync export DIR``."""
        return usb.export_to(self.db, self.keys, self.clock, root)

    def import_usb(self, path: Path) -> usb.UsbImport:
        """``noodpost sync import PATH``."""
        result = usb.import_from(self.db, self.keys, self.clock, path)
        self._changed(result.changed)
        return result

    def build_bundle(self, peer_id: str) -> exchange.OutgoingBundle:
        """The bytes for one peer (the network transport sends these)."""
        return exchange.build_bundle(self.db, self.keys, self.clock, peer_id)

    def import_bytes(self, data: bytes, *, channel: str = "network") -> exchange.ImportOutcome:
        """Import bundle bytes that came over the network (same checks as a file)."""
        result = exchange.import_bundle(self.db, self.keys, self.clock, data, channel=channel)
        self._changed(result.changed)
        return result
