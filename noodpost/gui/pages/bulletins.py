"""Mededelingen: the bulletins from the C-NSP, newest first.

A post shows the bulletins that are valid now and meant for it; they arrive with every sync.
The hub (the one writer) also writes new ones (*Nieuwe mededeling…*) and withdraws them
(*Intrekken*); it sees every bulletin it sent, expired ones marked *verlopen*.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.bulletin_form import BulletinFormDialog
from noodpost.gui.pages.base import Page
from noodpost.services.bulletins import BulletinsService, BulletinSummary

CARD_STYLE = "QFrame#bulletin_card { border: 1px solid #8a8a8a; border-radius: 4px; }"
EXPIRED_STYLE = "QFrame#bulletin_card { border: 1px dashed #8a8a8a; background: #f0f0f0; }"


class BulletinsPage(Page):
    """Bulletins as cards (title, until when, text); at the hub also writing and withdrawing."""

    watches = frozenset({"bulletin"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("BulletinsPage", "Mededelingen"), parent)
        self.setObjectName("bulletins_page")
        self._bulletins: BulletinsService = app.services.bulletins
        self.is_hub = app.node.is_hub
        self.form: BulletinFormDialog | None = None
        self._cards: list[QFrame] = []

        intro = QLabel(
            self.tr(
                "Mededelingen aan de posten. Ze gaan mee bij de volgende synchronisatie "
                "(netwerk of USB-stick)."
            )
            if self.is_hub
            else self.tr(
                "Mededelingen van de C-NSP, nieuwste bovenaan. Nieuwe mededelingen komen "
                "binnen bij het synchroniseren."
            )
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("Nieuwe mededeling…"))
        self.new_button.setObjectName("bulletin_new")
        self.new_button.setMinimumHeight(44)
        self.new_button.clicked.connect(self.open_form)
        if not self.is_hub:
            self.new_button.hide()  # only the C-NSP writes bulletins
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.new_button)

        self.summary = QLabel()
        self.summary.setObjectName("bulletin_summary")
        self.cards = QVBoxLayout()
        self.cards.setSpacing(12)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.addLayout(self.cards)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("bulletin_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)

        layout = self.layout_
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)

    # ---------------------------------------------------------------- page API

    def badge(self) -> str:
        count = len(self._bulletins.current())
        return str(count) if count else ""

    def focus_default(self) -> None:
        if self.is_hub:
            self.new_button.setFocus()

    def shown(self) -> list[BulletinSummary]:
        """The bulletins on the screen, top to bottom."""
        if self.is_hub:
            return self._bulletins.list_bulletins()
        return self._bulletins.current()

    def card_titles(self) -> list[str]:
        """The titles as they read on the cards, top to bottom."""
        titles = []
        for card in self._cards:
            label = card.findChild(QLabel, "bulletin_title")
            if label is not None:
                titles.append(label.text())
        return titles

    def load(self) -> list[BulletinSummary]:
        """The bulletins to show (on the reader thread)."""
        return self.shown()

    def show_loaded(self, shown: list[BulletinSummary]) -> None:
        """The bulletins as cards, replacing the ones on the screen."""
        for card in self._cards:
            card.hide()
            self.cards.removeWidget(card)
            card.deleteLater()
        self._cards = []
        now = self.services.ctx.clock.now()
        current = sum(1 for b in shown if not _expired(b, now))
        if not shown:
            self.summary.setText(
                self.tr("Nog geen mededelingen verstuurd.")
                if self.is_hub
                else self.tr("Geen mededelingen van de C-NSP op dit moment.")
            )
        elif self.is_hub:
            self.summary.setText(
                self.tr("{current} geldig, {expired} verlopen.").format(
                    current=current, expired=len(shown) - current
                )
            )
        else:
            self.summary.setText(self.tr("%n mededeling(en).", "", current))
        for bulletin in shown:
            card = self._card(bulletin, now)
            self._cards.append(card)
            self.cards.addWidget(card)

    @Slot()
    def open_form(self) -> BulletinFormDialog | None:
        """(hub) Open *Nieuwe mededeling*; returns the open form."""
        if not self.is_hub:
            return None
        posts = [
            (p.post_code, p.name) for p in self.services.sync.list_peers().peers if p.role == "post"
        ]
        unique = list(dict.fromkeys(posts))
        self.form = BulletinFormDialog(self.app, unique, self)
        self.form.saved.connect(lambda _summary: self.refresh())
        self.form.open()
        return self.form

    def withdraw(self, bulletin: BulletinSummary) -> None:
        """(hub) Ask, then withdraw the bulletin everywhere."""
        if self.withdraw_box(bulletin).exec() != QMessageBox.StandardButton.Yes:
            return
        bulletins, bulletin_id = self._bulletins, bulletin.id
        self.runner.run(
            lambda: bulletins.withdraw(bulletin_id), lambda _none: self.refresh(), parent=self
        )

    def withdraw_box(self, bulletin: BulletinSummary) -> QMessageBox:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Mededeling intrekken"))
        box.setText(
            self.tr(
                "Mededeling ‘{title}’ intrekken? Die verdwijnt bij alle posten na hun "
                "volgende synchronisatie."
            ).format(title=bulletin.title)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Intrekken"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Niet intrekken"))
        return box

    # ---------------------------------------------------------------- cards

    def _card(self, bulletin: BulletinSummary, now: datetime) -> QFrame:
        expired = _expired(bulletin, now)
        card = QFrame()
        card.setObjectName("bulletin_card")
        card.setStyleSheet(EXPIRED_STYLE if expired else CARD_STYLE)
        title = QLabel(bulletin.title)
        title.setObjectName("bulletin_title")
        title.setWordWrap(True)
        font = QFont(title.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)
        meta = QLabel(self._meta(bulletin, now, expired))
        meta.setObjectName("bulletin_meta")
        meta.setWordWrap(True)
        body = QLabel(bulletin.body or "")
        body.setObjectName("bulletin_body")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body_font = QFont(body.font())
        body_font.setPointSize(body_font.pointSize() + 1)
        body.setFont(body_font)
        if not bulletin.body:
            body.hide()
        head = QHBoxLayout()
        head.addWidget(title, 1)
        if self.is_hub:
            withdraw = QPushButton(self.tr("Intrekken…"))
            withdraw.setObjectName("bulletin_withdraw")
            withdraw.clicked.connect(lambda: self.withdraw(bulletin))
            head.addWidget(withdraw, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(card)
        layout.addLayout(head)
        layout.addWidget(meta)
        layout.addWidget(body)
        return card

    def _meta(self, bulletin: BulletinSummary, now: datetime, expired: bool) -> str:
        parts = []
        if bulletin.published_at:
            parts.append(
                self.tr("Verstuurd {time}").format(
                    time=format_clock(parse_iso(bulletin.published_at), now)
                )
            )
        if bulletin.valid_until:
            until = format_clock(parse_iso(bulletin.valid_until), now)
            parts.append(
                self.tr("VERLOPEN sinds {time}").format(time=until)
                if expired
                else self.tr("geldig tot {time}").format(time=until)
            )
        else:
            parts.append(self.tr("geen einddatum"))
        if self.is_hub:
            parts.append(
                self.tr("voor: {posts}").format(posts=", ".join(bulletin.targets))
                if bulletin.targets
                else self.tr("voor: alle posten")
            )
        if bulletin.version > 1:
            parts.append(self.tr("versie {n}").format(n=bulletin.version))
        return " · ".join(parts)


def _expired(bulletin: BulletinSummary, now: datetime) -> bool:
    return bulletin.valid_until is not None and parse_iso(bulletin.valid_until) <= now
