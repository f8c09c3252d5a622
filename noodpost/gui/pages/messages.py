"""Veilig en wel: record messages for relatives, and look people up when relatives ask.

The list shows the messages this post recorded, newest first, with consent in words. A search
by name (and birth year) is the relatives' search: it finds only messages given with consent,
from every post this node holds — so what a volunteer reads out to a relative is always allowed.
Every search is recorded in the audit log, without the name searched for.

At the C-NSP the page is the search across all posts: nothing is recorded there, and a
coordinator can export the found list as CSV (docs/veilig-en-wel-csv.md) for the regional
victim-information process, after confirming that it holds personal data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Slot
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.errors import UserError
from noodpost.gui.context import AppContext
from noodpost.gui.dialogs.messages_form import MessagesFormDialog, consent_words
from noodpost.gui.models.lazy import BLOCK, Column, LazyTableModel, Row, Rows
from noodpost.gui.pages.base import Page
from noodpost.gui.widgets.lazy_table_view import LazyTableView
from noodpost.services.messages import MessagesExport, MessagesService, SafeMessageSummary
from noodpost.services.privacy import PersonalList, PrivacyService

NOTE_STYLE = "background: #e7f1ff; color: #052c65; padding: 6px; border: 1px solid #9ec5fe;"
WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #cc9a06;"
DETAILS_STYLE = "QLabel { background: white; padding: 8px; border: 1px solid #bbb; }"
DONE_STYLE = "background: #d1e7dd; color: #0a3622; padding: 6px; border: 1px solid #75b798;"


def when_text(stored: str | None, now: datetime) -> str:
    return format_clock(parse_iso(stored), now) if stored else "?"


@dataclass(frozen=True)
class Search:
    """What the list shows: this post's messages (``query`` None; at the hub nothing until a
    search), or what a search found."""

    query: str | None
    year: int | None
    found: tuple[str, ...]


@dataclass(frozen=True)
class MessagesList:
    """The list read for a search."""

    search: Search
    rows: Rows


class MessagesPage(Page):
    """*Veilig en wel*: the messages recorded here, a relatives' search, a new message.

    Attributes:
        dialog: the message form while it is open (for tests), else ``None``.
    """

    watches = frozenset({"safe_message"})

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, QCoreApplication.translate("MessagesPage", "Veilig en wel"), parent)
        self.setObjectName("messages_page")
        self._messages: MessagesService = app.services.messages
        self.is_hub = app.node.is_hub
        self._query: str | None = None
        self._year: int | None = None
        self._found: list[str] = []  # the ids the (audited) search found
        self._select: str | int | None = None  # an id or a row, once the list has been read
        self._details_for: str | None = None  # the message whose details are being read
        self.dialog: MessagesFormDialog | None = None

        layout = self.layout_
        layout.addLayout(self._build_top())
        self.mode = QLabel()
        self.mode.setObjectName("messages_mode")
        self.mode.setWordWrap(True)
        layout.addWidget(self.mode)

        self.model = LazyTableModel(
            [
                Column(self.tr("Tijd"), 11),
                Column(self.tr("Naam"), 22),
                Column(self.tr("Geboren"), 8),
                Column(self.tr("Toestemming"), 34),
                Column(self.tr("Post"), 8),
                Column(self.tr("Bericht")),
            ],
            self._ids,
            self._rows,
            toned=True,
            runner=app.runner,
        )
        self.table = LazyTableView(self.model, "messages_table")
        self.table.current_changed.connect(self._show_details)
        self.details = QLabel()
        self.details.setObjectName("message_details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setStyleSheet(DETAILS_STYLE)
        self.details.setMinimumHeight(self.fontMetrics().height() * 5)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.new_button, self.search_field)
        self.setTabOrder(self.search_field, self.year_field)
        self.setTabOrder(self.year_field, self.search_button)
        self.setTabOrder(self.search_button, self.clear_button)
        self.setTabOrder(self.clear_button, self.export_button)
        self.setTabOrder(self.export_button, self.table)
        if self.is_hub:  # the C-NSP records no messages itself: it searches all posts'
            self.new_button.hide()
            self.clear_button.hide()
        else:
            self.export_button.hide()

    def _build_top(self) -> QVBoxLayout:
        self.new_button = QPushButton(self.tr("&Bericht opnemen…"))
        self.new_button.setObjectName("message_new")
        self.new_button.setMinimumHeight(44)
        self.new_button.clicked.connect(self.open_form)
        QShortcut(QKeySequence("Ctrl+N"), self, self.open_form)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("message_search_field")
        self.search_field.setPlaceholderText(
            self.tr("Zoek op naam als familie of naasten naar iemand vragen")
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Zoeken"))
        self.search_button.setObjectName("message_search")
        self.search_button.clicked.connect(self.search)
        self.clear_button = QPushButton(self.tr("&Alle berichten van deze post"))
        self.clear_button.setObjectName("message_clear_search")
        self.clear_button.clicked.connect(self.clear_search)
        self.year_field = QLineEdit()
        self.year_field.setObjectName("message_search_year")
        self.year_field.setPlaceholderText(self.tr("jaar"))
        self.year_field.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self.year_field)
        )
        self.year_field.setMaximumWidth(self.fontMetrics().horizontalAdvance("00000000"))
        self.year_field.returnPressed.connect(self.search)
        self.export_button = QPushButton(self.tr("&Exporteren (CSV)…"))
        self.export_button.setObjectName("message_export")
        self.export_button.clicked.connect(self.export_csv)
        search_label = QLabel(self.tr("&Naam:"))
        search_label.setBuddy(self.search_field)
        year_label = QLabel(self.tr("&Geboren:"))
        year_label.setBuddy(self.year_field)
        # The post's new message on a row of its own: on a 1280-pixel screen one row left the
        # search field too narrow for its own hint (issue 18, item 13). The hub has no new
        # message; its export ends the search row.
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        search = QHBoxLayout()
        search.addWidget(search_label)
        search.addWidget(self.search_field, 1)
        search.addWidget(year_label)
        search.addWidget(self.year_field)
        search.addWidget(self.search_button)
        search.addWidget(self.clear_button)
        search.addWidget(self.export_button)
        top = QVBoxLayout()
        top.addLayout(actions)
        top.addLayout(search)
        return top

    # ---------------------------------------------------------------- rows

    def _ids(self) -> Sequence[str]:
        if self._query is None:
            return [] if self.is_hub else self._messages.recent_ids()
        return self._found

    def _rows(self, ids: Sequence[str]) -> Mapping[str, Row]:
        now = self.services.ctx.clock.now()
        rows: dict[str, Row] = {}
        for message_id, m in self._messages.messages_by_id(ids).items():
            rows[message_id] = (
                when_text(m.given_at, now),
                m.name,
                m.birth_year or "",
                consent_words(m.consent),
                m.post_code,
                " ".join((m.message or "").split()),
                None if m.consent else "warning",
            )
        return rows

    # ---------------------------------------------------------------- Page

    def _search(self) -> Search:
        return Search(self._query, self._year, tuple(self._found))

    @Slot()
    def refresh(self) -> None:
        self.runner.read(
            partial(self._read, self._search()), self.show_loaded, key=self, owner=self
        )

    def _read(self, search: Search) -> MessagesList:
        """The list for ``search`` (on the reader thread: no widget)."""
        if search.query is None:
            ids = [] if self.is_hub else self._messages.recent_ids()
        else:
            ids = list(search.found)
        return MessagesList(search, Rows(ids, self._rows(ids[:BLOCK])))

    def show_loaded(self, listing: MessagesList) -> None:
        self.table.show_rows(listing.rows)
        self._show_mode()
        self.export_button.setEnabled(self._query is not None and self.model.rowCount() > 0)
        select = self._select
        if select is not None and listing.search == self._search():
            self._select = None  # the list it was meant for has arrived
            if isinstance(select, str):
                self.table.select_id(select)
            elif self.model.rowCount():
                self.table.select_row(select)
        if self.table.selected_id() is None:
            self._show_details(None)

    def showEvent(self, event: QShowEvent) -> None:
        note = PrivacyService(self.services.ctx).note_view
        self.runner.run(partial(note, PersonalList.MESSAGES), parent=self)  # audit: list viewed
        super().showEvent(event)

    def focus_default(self) -> None:
        self.search_field.setFocus()

    def _searched_for(self) -> str:
        if self._year is None:
            return self._query or ""
        return self.tr("{query}, geboren {year}").format(query=self._query, year=self._year)

    def _show_mode(self) -> None:
        count = self.model.rowCount()
        if self._query is None and self.is_hub:
            self.mode.setText(
                self.tr(
                    "Zoek op naam, en zo mogelijk geboortejaar, in de berichten van alle "
                    "posten. U vindt alleen berichten waarvoor toestemming is gegeven. Elke "
                    "zoekopdracht wordt vastgelegd in het auditlogboek (zonder de naam)."
                )
            )
            self.mode.setStyleSheet(NOTE_STYLE)
        elif self._query is None:
            self.mode.setText(
                self.tr(
                    "Berichten die op deze post zijn opgenomen, nieuwste eerst ({count}). Geef "
                    "alleen berichten met toestemming door aan familie of naasten."
                ).format(count=count)
            )
            self.mode.setStyleSheet(NOTE_STYLE)
        elif count:
            self.mode.setText(
                self.tr(
                    "Gevonden voor ‘{query}’: {count}. Alleen berichten waarvoor toestemming is "
                    "gegeven, van alle posten; deze mag u doorgeven."
                ).format(query=self._searched_for(), count=count)
            )
            self.mode.setStyleSheet(NOTE_STYLE)
        else:
            self.mode.setText(
                self.tr(
                    "Niets gevonden voor ‘{query}’ met toestemming om te delen. Probeer een "
                    "deel van de naam, of vraag later opnieuw: berichten van andere posten "
                    "komen binnen bij het synchroniseren."
                ).format(query=self._searched_for())
            )
            self.mode.setStyleSheet(WARNING_STYLE)

    # ---------------------------------------------------------------- searching

    @Slot()
    def search(self) -> None:
        """Search (recorded in the audit log); the list shows what was found."""
        text = self.search_field.text().strip()
        year_text = self.year_field.text().strip()
        if not text:
            if self.is_hub and year_text:
                self._refuse(self.tr("Vul ook (een deel van) de naam in."))
                return
            self.clear_search()
            return
        year: int | None = None
        if year_text:
            if len(year_text) != 4:
                self._refuse(self.tr("Vul het geboortejaar in met 4 cijfers, of laat het leeg."))
                return
            year = int(year_text)
        self.runner.run(  # a write: the search is recorded in the audit log
            partial(self._messages.search_ids, text, year),
            partial(self._searched, text, year),
            on_user_error=lambda refused: self._refuse(refused.message),
            parent=self,
        )

    def _searched(self, text: str, year: int | None, found: list[str]) -> None:
        self._query, self._year, self._found = text, year, found
        self._select = 0
        self.refresh()

    def _refuse(self, message: str) -> None:
        self.mode.setText(message)
        self.mode.setStyleSheet(WARNING_STYLE)

    @Slot()
    def clear_search(self) -> None:
        self.search_field.clear()
        self.year_field.clear()
        self._query, self._year, self._found = None, None, []
        self.refresh()

    # ---------------------------------------------------------------- export (C-NSP)

    def choose_export_path(self) -> str:
        """Ask where to write the CSV file ('' when cancelled)."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Gevonden berichten exporteren"),
            str(Path.home() / "veilig-en-wel.csv"),
            self.tr("CSV-bestand (*.csv)"),
        )
        return path

    def export_box(self, count: int) -> QMessageBox:
        """The confirmation a coordinator reads before personal data leaves Noodpost."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Persoonsgegevens exporteren"))
        box.setText(
            self.tr(
                "Dit bestand bevat persoonsgegevens van %n bericht(en): naam, "
                "geboortejaar, bericht en contact.",
                "",
                count,
            )
        )
        box.setInformativeText(
            self.tr(
                "Geef het alleen aan het verwanteninformatieproces van de veiligheidsregio, en "
                "bewaar het niet langer dan nodig. Alleen berichten met toestemming gaan mee. "
                "Het exporteren wordt vastgelegd in het auditlogboek. Doorgaan?"
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Exporteren"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Niet exporteren"))
        return box

    @Slot()
    def export_csv(self) -> None:
        """(coordinator) Write the found list as CSV, after a confirmation."""
        ids = list(self._found)
        if self._query is None or not ids:
            return
        path = self.choose_export_path()
        if not path:
            return
        if self.export_box(len(ids)).exec() != QMessageBox.StandardButton.Yes:
            return
        messages = self._messages
        self.export_button.setEnabled(False)
        self.runner.run(
            lambda: messages.export_csv(Path(path), ids),
            self._exported,
            on_user_error=self._export_refused,
            parent=self,
        )

    def _exported(self, result: MessagesExport) -> None:
        self.export_button.setEnabled(True)
        self.mode.setText(
            self.tr("Geëxporteerd: %n bericht(en) naar {path}.", "", result.count).format(
                path=result.path
            )
        )
        self.mode.setStyleSheet(DONE_STYLE)

    def _export_refused(self, error: UserError) -> None:
        self.export_button.setEnabled(True)
        self._refuse(self.tr("Niet geëxporteerd: {message}").format(message=error.message))

    # ---------------------------------------------------------------- details

    @Slot(object)
    def _show_details(self, message_id: str | None) -> None:
        self._details_for = message_id
        if not message_id:
            self._details_read(None, None)
            return
        self.runner.read(
            partial(self._read_message, message_id),
            partial(self._details_read, message_id),
            key=(self, "details"),
            owner=self,
        )

    def _read_message(self, message_id: str) -> SafeMessageSummary | None:
        return self._messages.messages_by_id([message_id]).get(message_id)

    def _details_read(self, message_id: str | None, message: SafeMessageSummary | None) -> None:
        if message_id != self._details_for:
            return  # another message was chosen meanwhile
        if message is None:
            self.details.setText(self.tr("Kies een bericht om het helemaal te lezen."))
            return
        self.details.setText(self.details_text(message))

    def details_text(self, m: SafeMessageSummary) -> str:
        now = self.services.ctx.clock.now()
        born = self.tr(" (geboren {year})").format(year=m.birth_year) if m.birth_year else ""
        lines = [
            f"{m.name}{born}",
            self.tr("Opgenomen {when} op post {post} · {consent}").format(
                when=when_text(m.given_at, now), post=m.post_code, consent=consent_words(m.consent)
            ),
            m.message or self.tr("(geen bericht)"),
        ]
        if m.contact:
            lines.append(self.tr("Contact: {contact}").format(contact=m.contact))
        return "\n".join(lines)

    # ---------------------------------------------------------------- the form

    @Slot()
    def open_form(self) -> MessagesFormDialog:
        dialog = MessagesFormDialog(self.app, parent=self)
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.finished.connect(self._closed)
        dialog.open()
        return dialog

    @Slot(object)
    def _saved(self, message: object) -> None:
        if isinstance(message, SafeMessageSummary):
            self._select = message.id
        self.clear_search()

    @Slot()
    def _closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.search_field.setFocus()
