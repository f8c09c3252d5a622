"""*Sleutel van post vervangen*: a post's approved laptop key, replaced by a waiting one.

Shown at the hub when the operator approves a waiting laptop whose post code already has an
approved key (DESIGN §3.8: one approved key per node, never a second one implicitly). The old
and the new laptop stand side by side — fingerprint, last contact of the old one, first contact
of the new one — with what replacing means: the old laptop is no longer trusted. *Nee* is the
default button, so Enter and Escape change nothing.

Use :func:`ask_to_replace`: it opens the dialog window-modal without blocking and calls back
only on *Ja*. Tests take the returned dialog and press its keys or buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from noodpost.sync.peers import PeerInfo

WARNING_STYLE = "background: #fff3cd; color: #664d03; padding: 8px; border: 1px solid #cc9a06;"


class ReplaceKeyDialog(QDialog):
    """Old and new laptop of one post side by side; *Ja, sleutel vervangen* or *Nee*.

    Args:
        new: the waiting laptop the operator chose.
        old: the laptop(s) approved for the same post code now.
        when: turns a stored time (or ``None``) into the text a person reads.
    """

    def __init__(
        self,
        new: PeerInfo,
        old: Sequence[PeerInfo],
        when: Callable[[str | None], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("replace_key_dialog")
        self.setWindowTitle(self.tr("Sleutel van post vervangen"))
        self.setModal(True)
        self.setMinimumWidth(680)
        self.new = new

        heading = QLabel(
            self.tr(
                "{code} {name} heeft al een goedgekeurde laptop. Vervangen door de nieuwe?"
            ).format(code=new.post_code, name=new.name)
        )
        heading.setObjectName("replace_heading")
        heading.setWordWrap(True)
        bold = QFont(heading.font())
        bold.setPointSize(bold.pointSize() + 2)
        bold.setBold(True)
        heading.setFont(bold)

        grid = self._side_by_side(new, old, when)

        self.warning = QLabel(
            self.tr(
                "Na het vervangen vertrouwt de C-NSP de oude laptop niet meer: hij krijgt geen "
                "gegevens meer en wat hij nog stuurt, blijft in quarantaine. Vervang alleen als "
                "de post bevestigt dat dit zijn nieuwe laptop is: vraag de vingerafdruk die op "
                "het scherm Synchronisatie van de nieuwe laptop staat, en vergelijk hem teken "
                "voor teken. Een laptop die zich ten onrechte {code} noemt, krijgt anders alle "
                "gegevens van deze post."
            ).format(code=new.post_code)
        )
        self.warning.setObjectName("replace_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)

        self.buttons = QDialogButtonBox()
        self.yes_button: QPushButton = self.buttons.addButton(
            self.tr("Ja, sleutel vervangen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.yes_button.setObjectName("replace_yes")
        self.no_button: QPushButton = self.buttons.addButton(
            self.tr("Nee"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.no_button.setObjectName("replace_no")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Enter must not replace a key by accident: the safe answer is the default.
        self.yes_button.setAutoDefault(False)
        self.no_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.no_button.setFocus()

    def _side_by_side(
        self, new: PeerInfo, old: Sequence[PeerInfo], when: Callable[[str | None], str]
    ) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addWidget(self._bold(self.tr("Oude laptop (nu goedgekeurd)")), 0, 1)
        grid.addWidget(self._bold(self.tr("Nieuwe laptop (wacht)")), 0, 2)
        grid.addWidget(QLabel(self.tr("Vingerafdruk")), 1, 0)
        self.old_fingerprint = self._fingerprint("\n".join(p.fingerprint for p in old))
        self.old_fingerprint.setObjectName("replace_old_fingerprint")
        self.new_fingerprint = self._fingerprint(new.fingerprint)
        self.new_fingerprint.setObjectName("replace_new_fingerprint")
        grid.addWidget(self.old_fingerprint, 1, 1)
        grid.addWidget(self.new_fingerprint, 1, 2)
        grid.addWidget(QLabel(self.tr("Contact")), 2, 0)
        self.old_contact = QLabel(
            "\n".join(
                self.tr("laatst contact: {when}").format(when=when(p.last_contact)) for p in old
            )
        )
        self.old_contact.setObjectName("replace_old_contact")
        self.new_seen = QLabel(self.tr("eerst gezien: {when}").format(when=when(new.first_seen)))
        self.new_seen.setObjectName("replace_new_seen")
        grid.addWidget(self.old_contact, 2, 1)
        grid.addWidget(self.new_seen, 2, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return grid

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    @staticmethod
    def _fingerprint(text: str) -> QLabel:
        label = QLabel(text)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(label.font().pointSize() + 2)
        font.setBold(True)
        label.setFont(font)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label


def ask_to_replace(
    parent: QWidget | None,
    new: PeerInfo,
    old: Sequence[PeerInfo],
    when: Callable[[str | None], str],
    on_yes: Callable[[], object],
) -> ReplaceKeyDialog:
    """Open a :class:`ReplaceKeyDialog` (window-modal, not blocking) and return it.

    ``on_yes()`` runs once, only when the operator chose *Ja, sleutel vervangen*.
    """
    dialog = ReplaceKeyDialog(new, old, when, parent)
    answered: list[bool] = []

    def finished(result: int) -> None:
        if answered:  # a dialog may finish more than once; answer once
            return
        answered.append(True)
        if result == QDialog.DialogCode.Accepted:
            on_yes()
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
