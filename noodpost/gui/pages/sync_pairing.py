"""The pairing part of the Synchronisatie page (DESIGN §3.3).

At the hub: the pairing QR code and *Koppelbestand opslaan…*, with the addresses at which the
hub can be reached. At a post: *Koppelbestand inlezen…* and the hub it trusts, with the hub's
fingerprint. Both show this laptop's own fingerprint on the page itself.
"""

from __future__ import annotations

import urllib.parse
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.widgets.qr import qr_pixmap
from noodpost.sync.pairing import DEFAULT_ADDRESSES
from noodpost.sync.peers import PeerInfo

QR_SIZE = 260
MAX_GUESSED = 3

Start = Callable[[Callable[[], Any]], None]


def hub_port() -> int:
    """The port in the default hub address (what ``noodpost hub serve`` listens on)."""
    return urllib.parse.urlsplit(DEFAULT_ADDRESSES[0]).port or 8765


def guess_addresses() -> list[str]:
    """``http://<this laptop's IPv4>:8765`` for its network addresses, or the default."""
    found = [
        f"http://{address.toString()}:{hub_port()}"
        for address in QNetworkInterface.allAddresses()
        if address.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
        and not address.isLoopback()
    ]
    return found[:MAX_GUESSED] or list(DEFAULT_ADDRESSES)


class PairingPanel(QGroupBox):
    """*Koppelen*: the hub hands out its pairing; a post reads it in."""

    def __init__(
        self,
        app: AppContext,
        start: Start,
        parent: QWidget | None = None,
    ) -> None:
        """``start(call)``: a bound method of the page that runs a sync call with its busy bar
        and shows the summary (held weakly: the page owns this panel)."""
        super().__init__(QCoreApplication.translate("PairingPanel", "Koppelen"), parent)
        self.setObjectName("sync_pairing")
        self.app = app
        self.sync = app.services.sync
        self.is_hub = app.node.is_hub
        self._start_ref = weakref.WeakMethod(start)  # no cycle with the page that owns us
        self._qr_for: str | None = None
        self.qr_text: str | None = None
        self.about = QLabel()
        self.about.setObjectName("sync_pairing_about")
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.addWidget(self.about)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        if self.is_hub:
            address_label = QLabel(self.tr("&Adres(sen) van deze C-NSP voor de posten:"))
            address_label.setWordWrap(True)
            self.address = QLineEdit(", ".join(guess_addresses()))
            self.address.setObjectName("sync_pairing_address")
            self.address.editingFinished.connect(self.update_qr)
            address_label.setBuddy(self.address)
            self.qr = QLabel()
            self.qr.setObjectName("sync_qr")
            self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.qr.setWordWrap(True)
            self.qr.setFixedSize(QR_SIZE, QR_SIZE)
            self.save_button = QPushButton(self.tr("Koppelbestand opslaan…"))
            self.save_button.setObjectName("sync_pairing_save")
            self.save_button.setMinimumHeight(40)
            self.save_button.clicked.connect(self.choose_save_path)
            text.addWidget(address_label)
            text.addWidget(self.address)
            text.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
            text.addStretch(1)
            row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        else:
            self.read_button = QPushButton(self.tr("Koppelbestand inlezen…"))
            self.read_button.setObjectName("sync_pairing_read")
            self.read_button.setMinimumHeight(40)
            self.read_button.clicked.connect(self.choose_pairing_file)
            text.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)

    # ---------------------------------------------------------------- showing

    def refresh(self, hub: PeerInfo | None) -> None:
        if self.is_hub:
            self.about.setText(
                self.tr(
                    "Een post leest het koppelbestand in (USB-stick) of scant deze code. "
                    "Daarna keurt u de post hier goed als de vingerafdrukken gelijk zijn."
                )
            )
            if self._qr_for is None:
                self.update_qr()
            return
        if hub is None:
            self.about.setText(
                self.tr(
                    "Nog niet gekoppeld. Vraag de C-NSP om het koppelbestand (bijvoorbeeld op "
                    "een USB-stick) en lees het hier in. Daarna kunt u bundels uitwisselen."
                )
            )
            return
        addresses = ", ".join(hub.addresses) or self.tr("geen netwerkadres (alleen USB)")
        self.about.setText(
            self.tr(
                "Gekoppeld aan <b>{name}</b> ({code}) · vingerafdruk C-NSP: <b>{fp}</b> · "
                "adres: {addresses}"
            ).format(
                name=_html(hub.name),
                code=_html(hub.post_code),
                fp=hub.fingerprint,
                addresses=_html(addresses),
            )
        )

    def addresses(self) -> list[str]:
        return [a.strip() for a in self.address.text().split(",") if a.strip()]

    @Slot()
    def update_qr(self) -> None:
        """Draw the pairing QR code for the addresses typed (hub); the pairing is read off
        the GUI thread."""
        wanted = self.address.text()
        if wanted == self._qr_for:
            return
        self._qr_for = wanted
        sync, addresses = self.sync, self.addresses() or None

        def read() -> tuple[str, str]:
            return sync.pairing_qr_text(addresses), sync.fingerprint

        self.app.runner.read(
            read, self._show_qr, key=(self, "qr"), on_user_error=self._qr_refused, owner=self
        )

    def _show_qr(self, read: tuple[str, str]) -> None:
        self.qr_text, fingerprint = read
        self.qr.setPixmap(qr_pixmap(self.qr_text, QR_SIZE))
        self.qr.setToolTip(
            self.tr("Koppelcode van deze C-NSP, vingerafdruk {fp}").format(fp=fingerprint)
        )

    def _qr_refused(self, wrong: UserError) -> None:
        self.qr_text = None
        self.qr.setText(wrong.message)  # replaces the picture

    # ---------------------------------------------------------------- files

    def _start(self, call: Callable[[], Any]) -> None:
        start = self._start_ref()
        if start is not None:
            start(call)

    @Slot()
    def choose_save_path(self) -> None:
        suggested = Path.home() / f"koppeling-{self.app.node.post_code}.json"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Koppelbestand opslaan"),
            str(suggested),
            self.tr("Koppelbestand (*.json)"),
        )
        if chosen:
            self.save_pairing_file(Path(chosen))

    def save_pairing_file(self, path: Path) -> None:
        """(hub) Write the pairing file for the posts, with the addresses typed."""
        sync, addresses = self.sync, self.addresses() or None
        self._start(lambda: sync.export_pairing(path, addresses))

    @Slot()
    def choose_pairing_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Koppelbestand inlezen"),
            str(Path.home()),
            self.tr("Koppelbestand (*.json);;Alle bestanden (*)"),
        )
        if chosen:
            self.import_pairing_file(Path(chosen))

    def import_pairing_file(self, path: Path) -> None:
        """(post) Trust the hub described in this pairing file."""
        sync = self.sync
        self._start(lambda: sync.import_pairing(path))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
