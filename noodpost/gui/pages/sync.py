"""Synchronisatie: bundles by USB stick (or any folder) and network, peers, quarantine, pairing.

Writing and reading bundles runs on the runner with a busy bar; the Dutch summary of the sync
service is the result. The tables show per peer when its last bundle arrived (per channel)
and how many changes it has not confirmed yet, and what waits in quarantine with the reason.
Pairing lives in :mod:`noodpost.gui.pages.sync_pairing`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.replace_key import ReplaceKeyDialog, ask_to_replace
from noodpost.gui.models.lazy import Column, LazyTableModel, Row
from noodpost.gui.models.weak_calls import weak_ids, weak_rows
from noodpost.gui.pages.base import Page
from noodpost.gui.pages.sync_pairing import PairingPanel
from noodpost.gui.widgets.drive_picker import DrivePicker
from noodpost.gui.widgets.drives import Drive, writable_drives
from noodpost.sync.http import sync_now
from noodpost.sync.peers import PeerInfo, PeerList, QuarantineReport
from noodpost.sync.usb import UsbExport, UsbImport

OK_STYLE = "background: #d1e7dd; color: #0a3622; padding: 8px; border: 1px solid #146c43;"
ROW_HEIGHT = 34
MAX_ROWS_SHOWN = 6
ERROR_STYLE = "background: #f8d7da; color: #58151c; padding: 8px; border: 1px solid #b00020;"


@dataclass(frozen=True)
class SyncState:
    """What the page shows, read off the GUI thread: this laptop's fingerprint (or why it
    has none), the peers, when each last sent a bundle, and what waits in quarantine."""

    fingerprint: str | None
    missing: str
    listing: PeerList
    contacts: dict[str, dict[str, str]]
    quarantine: QuarantineReport


class SyncPage(Page):
    """Everything about exchanging bundles with the other side."""

    watches: frozenset[str] = frozenset()  # every change moves the unconfirmed counts

    def __init__(
        self,
        app: AppContext,
        parent: QWidget | None = None,
        *,
        find_drives: Callable[[], list[Drive]] = writable_drives,
    ) -> None:
        super().__init__(app, QCoreApplication.translate("SyncPage", "Synchronisatie"), parent)
        self.setObjectName("sync_page")
        self.sync = app.services.sync
        self.is_hub = app.node.is_hub
        self._peers: dict[str, PeerInfo] = {}
        self._listing = PeerList(())
        self._hub: PeerInfo | None = None
        self._contacts: dict[str, dict[str, str]] = {}
        self._find_drives = find_drives
        self._quarantine = QuarantineReport((), (), 0)
        self._asked_for_folder = False  # the result line says to choose a stick first
        self.busy = False

        self.identity = QLabel()
        self.identity.setObjectName("sync_identity")
        self.identity.setWordWrap(True)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pairing = PairingPanel(app, self._start)
        content = QWidget()
        sections = QVBoxLayout(content)
        sections.setContentsMargins(0, 0, 0, 0)
        sections.addWidget(self.identity)
        sections.addWidget(self._build_transport())
        if not self.is_hub:
            sections.addWidget(self.pairing)  # short at a post, and its first step
        sections.addWidget(self._build_peers())
        if self.is_hub:
            sections.addWidget(self._build_pending())
        sections.addWidget(self._build_quarantine())
        if self.is_hub:
            sections.addWidget(self.pairing)
        sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.layout_.addWidget(scroll, 1)
        self.refresh_drives()

    # ---------------------------------------------------------------- building

    def _build_transport(self) -> QGroupBox:
        box = QGroupBox(self.tr("USB-stick of map"))
        self.picker = DrivePicker(find_drives=self._find_drives)
        self.picker.chosen.connect(self._folder_chosen)
        self.drive = self.picker.drive

        self.export_button = self._big_button(self.tr("Bundel schrijven"), "sync_export")
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = self._big_button(self.tr("Bundels inlezen"), "sync_import")
        self.import_button.clicked.connect(self.import_bundles)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        self.network_button = self._big_button(self.tr("Nu synchroniseren"), "sync_network")
        self.network_button.clicked.connect(self.sync_network)
        self.network_button.setToolTip(self.tr("Via het netwerk met de C-NSP uitwisselen"))
        if self.is_hub:
            self.network_button.hide()  # posts call the hub; the hub answers ('hub serve')
        actions.addWidget(self.network_button)
        actions.addStretch(1)

        self.progress = QProgressBar()
        self.progress.setObjectName("sync_progress")
        self.progress.setRange(0, 0)  # busy: the work has no known length
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.result = QLabel()
        self.result.setObjectName("sync_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()

        layout = QVBoxLayout(box)
        layout.addWidget(self.picker)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        return box

    def _build_peers(self) -> QGroupBox:
        box = QGroupBox(self.tr("Posten") if self.is_hub else self.tr("C-NSP"))
        self.peer_summary = QLabel()
        self.peer_summary.setObjectName("sync_peer_summary")
        self.peer_summary.setWordWrap(True)
        columns = [
            Column(self.tr("Post") if self.is_hub else self.tr("C-NSP")),
            Column(self.tr("Vingerafdruk"), 19),
            Column(self.tr("Status"), 25),
            Column(self.tr("Via USB"), 11),
            Column(self.tr("Via netwerk"), 11),
            Column(self.tr("Nog niet ontvangen"), 6, align_right=True),
        ]
        self.peer_model = LazyTableModel(
            columns, weak_ids(self._peer_ids), weak_rows(self._peer_rows), toned=True
        )
        self.peer_table = self._table(self.peer_model, "sync_peers")
        legend = QLabel(
            self.tr(
                "Via USB / via netwerk: wanneer de laatste bundel binnenkwam. Nog niet "
                "ontvangen: wijzigingen waarvan de ander nog niet heeft gemeld dat ze zijn "
                "aangekomen; die gaan mee met elke volgende bundel."
            )
        )
        legend.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.peer_summary)
        layout.addWidget(self.peer_table)
        layout.addWidget(legend)
        return box

    def _build_pending(self) -> QGroupBox:
        box = QGroupBox(self.tr("Nieuwe posten: wachten op goedkeuring"))
        self.pending_hint = QLabel()
        self.pending_hint.setObjectName("sync_pending_hint")
        self.pending_hint.setWordWrap(True)
        self.pending_model = LazyTableModel(
            [
                Column(self.tr("Code"), 8),
                Column(self.tr("Naam")),
                Column(self.tr("Vingerafdruk"), 19),
                Column(self.tr("Bundels"), 7, align_right=True),
            ],
            weak_ids(self._pending_ids),
            weak_rows(self._pending_rows),
        )
        self.pending_table = self._table(self.pending_model, "sync_pending")
        self.approve_button = QPushButton(self.tr("Goedkeuren…"))
        self.approve_button.setObjectName("sync_approve")
        self.approve_button.setMinimumHeight(40)
        self.approve_button.clicked.connect(self.approve_selected)
        row = QHBoxLayout()
        row.addWidget(self.approve_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.pending_hint)
        layout.addWidget(self.pending_table)
        layout.addLayout(row)
        return box

    def _build_quarantine(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quarantaine"))
        self.quarantine_summary = QLabel()
        self.quarantine_summary.setObjectName("sync_quarantine_summary")
        self.quarantine_summary.setWordWrap(True)
        self.quarantine_model = LazyTableModel(
            [
                Column(self.tr("Wat"), 14),
                Column(self.tr("Van"), 8),
                Column(self.tr("Ontvangen"), 11),
                Column(self.tr("Reden")),
            ],
            weak_ids(self._quarantine_ids),
            weak_rows(self._quarantine_fetch),
        )
        self.quarantine_table = self._table(self.quarantine_model, "sync_quarantine")
        layout = QVBoxLayout(box)
        layout.addWidget(self.quarantine_summary)
        layout.addWidget(self.quarantine_table)
        return box

    def _big_button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(48)
        font = QFont(button.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        button.setFont(font)
        return button

    def _table(self, model: LazyTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        metrics = table.fontMetrics()
        bold = QFont(header.font())
        bold.setBold(True)
        heading = QFontMetrics(bold)
        for number, column in enumerate(model.columns):
            if column.width:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                width = max(
                    metrics.horizontalAdvance("0" * column.width),
                    heading.horizontalAdvance(column.title),
                )
                table.setColumnWidth(number, width + 24)
            else:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        return table

    @staticmethod
    def _fit(table: QTableView, rows: int) -> None:
        """Make a table as tall as its rows (at least one, at most :data:`MAX_ROWS_SHOWN`)."""
        shown = min(max(rows, 1), MAX_ROWS_SHOWN)
        height = table.horizontalHeader().sizeHint().height() + shown * ROW_HEIGHT
        table.setFixedHeight(height + 2 * table.frameWidth())

    # ---------------------------------------------------------------- rows

    def _when(self, stored: str | None) -> str:
        if not stored:
            return "—"
        return format_clock(parse_iso(stored), self.services.ctx.clock.now())

    def _peer_ids(self) -> list[str]:
        return list(self._peers)

    def _peer_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        rows: dict[str, Row] = {}
        for node_id in ids:
            peer = self._peers.get(node_id)
            if peer is None:
                continue
            contacts = self._contacts.get(node_id, {})
            status = self.tr("goedgekeurd") if peer.approved else self.tr("wacht op goedkeuring")
            if peer.clock_suspect:
                status += self.tr(" · KLOK VERDACHT")
            if peer.refused:  # events it may not write: see Quarantaine below
                status += self.tr(" · %n niet toegestaan", "", peer.refused)
            tone = "warning" if (peer.clock_suspect or peer.refused or not peer.approved) else None
            rows[node_id] = (
                f"{peer.post_code}  {peer.name}",
                peer.fingerprint,
                status,
                self._when(contacts.get("usb")),
                self._when(contacts.get("network")),
                peer.unacknowledged,
                tone,
            )
        return rows

    def _pending(self) -> list[PeerInfo]:
        return list(self._listing.pending_posts)

    def _approved_for(self, code: str) -> list[PeerInfo]:
        return list(self._listing.approved_posts(code))

    def _pending_ids(self) -> list[str]:
        return [p.node_id for p in self._pending()]

    def _pending_rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        replaces = self.tr(" · code heeft al een goedgekeurde sleutel")
        return {
            p.node_id: (
                p.post_code,
                p.name + (replaces if self._approved_for(p.post_code) else ""),
                p.fingerprint,
                p.pending_bundles,
            )
            for p in self._pending()
            if p.node_id in ids
        }

    def _quarantine_ids(self) -> list[str]:
        return list(self._quarantine_rows())

    def _quarantine_fetch(self, ids: Sequence[str]) -> Mapping[str, Row]:
        wanted = set(ids)
        return {k: v for k, v in self._quarantine_rows().items() if k in wanted}

    def _quarantine_rows(self) -> dict[str, Row]:
        rows: dict[str, Row] = {}
        for bundle in self._quarantine.bundles:
            rows[f"b:{bundle.bundle_id}"] = (
                self.tr("bundel"),
                bundle.sender_code,
                self._when(bundle.received_at),
                bundle.reason,
            )
        for event in self._quarantine.events:
            what = self.tr("gebeurtenis {entity}").format(entity=event.entity or "?")
            rows[f"e:{event.origin}:{event.seq}"] = (
                what,
                event.origin_code or event.origin[:8],
                self._when(event.received_at),
                event.reason,
            )
        return rows

    # ---------------------------------------------------------------- page API

    def focus_default(self) -> None:
        self.export_button.setFocus()

    def load(self) -> SyncState:
        try:
            fingerprint, missing = self.sync.fingerprint, ""
        except UserError as error:
            fingerprint, missing = None, error.message
        return SyncState(
            fingerprint,
            missing,
            self.sync.list_peers(),
            self.sync.last_received(),
            self.sync.quarantine(),
        )

    def show_loaded(self, loaded: SyncState) -> None:
        node = self.app.node
        mine = (
            self.tr("vingerafdruk van deze laptop: <b>{fp}</b>").format(fp=loaded.fingerprint)
            if loaded.fingerprint is not None
            else loaded.missing
        )
        self.identity.setText(f"{node.name} ({node.post_code}) · {mine}")
        listing = loaded.listing
        self._peers = {p.node_id: p for p in listing.peers}
        self._listing = listing
        self._hub = listing.hub
        self._contacts = loaded.contacts
        self._quarantine = loaded.quarantine
        # The three lists are read already: their models show what is held here, no reads.
        self.peer_model.reload()
        self._fit(self.peer_table, self.peer_model.rowCount())
        if self.is_hub:
            self.peer_summary.setText(listing.summary)
            self.pending_model.reload()
            self._fit(self.pending_table, self.pending_model.rowCount())
            waiting = self._pending()
            self.pending_hint.setText(
                self.tr(
                    "Vergelijk de vingerafdruk met wat de post op zijn scherm Synchronisatie "
                    "ziet, en keur de post dan goed. Zijn bundels wachten tot dan in "
                    "quarantaine; er gaat niets verloren."
                )
                if waiting
                else self.tr("Geen posten die wachten op goedkeuring.")
            )
            self.pending_table.setVisible(bool(waiting))
            self.approve_button.setEnabled(bool(waiting) and not self.busy)
        else:
            hub = self._paired_hub()
            self.peer_summary.setText(
                self.tr("Gekoppeld aan {name} ({code}).").format(name=hub.name, code=hub.post_code)
                if hub is not None
                else self.tr(
                    "Nog niet gekoppeld aan een C-NSP: lees eerst het koppelbestand in "
                    "(hierboven, ‘Koppelbestand inlezen…’)."
                )
            )
            self.network_button.setEnabled(
                hub is not None and bool(hub.addresses) and not self.busy
            )
        self.quarantine_model.reload()
        self._fit(self.quarantine_table, self.quarantine_model.rowCount())
        self.quarantine_summary.setText(self._quarantine.summary)
        self.quarantine_table.setVisible(not self._quarantine.empty)
        self.pairing.refresh(self._paired_hub())
        self._set_busy(self.busy)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_drives()  # a stick may have been plugged in meanwhile
        super().showEvent(event)

    def _paired_hub(self) -> PeerInfo | None:
        return self._hub

    # ---------------------------------------------------------------- folder

    @Slot()
    def refresh_drives(self) -> None:
        self.picker.refresh()

    def folder(self) -> Path | None:
        """The chosen stick or folder, or None."""
        return self.picker.folder()

    def set_folder(self, path: Path) -> None:
        """Choose a folder (what 'Andere map…' does after its dialog)."""
        self.picker.set_folder(path)

    @Slot()
    def _folder_chosen(self) -> None:
        """A stick or folder chosen: the request to choose one no longer stands."""
        if self._asked_for_folder:
            self._asked_for_folder = False
            self.result.hide()

    # ---------------------------------------------------------------- actions

    def _require_folder(self) -> Path | None:
        folder = self.folder()
        if folder is None:
            self.report(self.tr("Kies eerst een USB-stick of een map (‘Andere map…’)."), ok=False)
            self._asked_for_folder = True
        return folder

    @Slot()
    def export_bundle(self) -> None:
        folder = self._require_folder()
        if folder is not None:
            sync = self.sync
            self._start(lambda: sync.export_usb(folder), self._exported)

    @Slot()
    def import_bundles(self) -> None:
        folder = self._require_folder()
        if folder is not None:
            sync = self.sync
            self._start(lambda: sync.import_usb(folder), self._imported)

    @Slot()
    def sync_network(self) -> None:
        sync = self.sync
        self._start(lambda: sync_now(sync))

    @Slot()
    def approve_selected(self) -> None:
        waiting = self._pending()
        if not waiting:
            return
        index = self.pending_table.currentIndex()
        peer = self._peers.get(self.pending_model.id_at(index.row())) if index.isValid() else None
        self.approve(peer or waiting[0])

    def approve(self, peer: PeerInfo) -> ReplaceKeyDialog | None:
        """Compare the fingerprint, then approve; an approved code asks to replace its key."""
        sync, code, fingerprint = self.sync, peer.post_code, peer.fingerprint
        old = self._approved_for(code)
        if old:
            return ask_to_replace(
                self,
                peer,
                old,
                self._when,
                lambda: self._start(lambda: sync.replace_post(code, fingerprint)),
            )
        if self.approve_box(peer).exec() == QMessageBox.StandardButton.Yes:
            self._start(lambda: sync.approve_post(code, fingerprint))
        return None

    def approve_box(self, peer: PeerInfo) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Post goedkeuren"))
        box.setText(
            self.tr("{code} {name} goedkeuren?").format(code=peer.post_code, name=peer.name)
        )
        box.setInformativeText(
            self.tr(
                "Vraag de post (telefoon, radio of ter plekke) om de vingerafdruk voor te lezen "
                "die op zijn scherm Synchronisatie staat. Keur alleen goed als die precies "
                "gelijk is aan:\n\n{fingerprint}"
            ).format(fingerprint=peer.fingerprint)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("Vingerafdruk klopt: goedkeuren")
        )
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Niet goedkeuren"))
        return box

    # ---------------------------------------------------------------- running

    def _start(self, call: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        """Run a sync call on the runner with the busy bar; then show its summary."""
        if self.busy:
            return
        self._set_busy(True)
        self.result.hide()

        def done(result: Any) -> None:
            self._set_busy(False)
            if on_done is not None:
                on_done(result)
            else:
                self._done(result.summary)
            self.refresh()

        def refused(error: UserError) -> None:
            self._set_busy(False)
            self.report(self.tr("Niet gelukt: {message}").format(message=error.message), ok=False)
            self.refresh()

        self.runner.run(call, done, on_user_error=refused, parent=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for button in (self.export_button, self.import_button):
            button.setEnabled(not busy)
        if busy:
            self.network_button.setEnabled(False)
            if self.is_hub:
                self.approve_button.setEnabled(False)
        self.pairing.setEnabled(not busy)

    def _exported(self, result: UsbExport) -> None:
        self._done(
            result.summary
            + "\n"
            + self.tr("Klaar. Verwijder de stick veilig voordat u hem uittrekt.")
        )

    def _imported(self, result: UsbImport) -> None:
        lines = [result.summary, *result.lines]
        self._done("\n".join(lines), ok=not result.refused)

    def _done(self, text: str, *, ok: bool = True) -> None:
        self.report(text, ok=ok)

    def report(self, text: str, *, ok: bool = True) -> None:
        """Show a result under the buttons: green with the summary, red with 'Niet gelukt'."""
        self._asked_for_folder = False
        self.result.setText(text)
        self.result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.result.show()
