"""Quantities with their unit in the interface's language: ``1 maaltijd``, ``2 meals``.

The catalogue's count units are Dutch words; each has a plural text here (``tr("%n …", "", n)``)
so the Dutch interface says *0 maaltijden* and the English one *0 meals*. A whole number of a
known unit goes through those texts; a measure (``l``), a part (``1,5``) or a unit a volunteer
typed goes through :func:`noodpost.core.dutch.format_quantity` (Dutch plural where known).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from noodpost.core.dutch import format_amount, format_quantity


class Units(QObject):
    """The count units' plural texts (a class for lupdate: it sees plurals only in ``self.tr``)."""

    def counted(self, unit: str, n: int) -> str | None:
        """The text of ``n`` of a catalogue count unit; ``None`` for another unit."""
        texts = {
            "beurt": self.tr("%n beurt(en)", "", n),
            "maaltijd": self.tr("%n maaltijd(en)", "", n),
            "pak": self.tr("%n pak(ken)", "", n),
            "pakket": self.tr("%n pakket(ten)", "", n),
            "portie": self.tr("%n portie(s)", "", n),
            "pot": self.tr("%n pot(ten)", "", n),
            "set": self.tr("%n set(s)", "", n),
            "stuk": self.tr("%n stuk(s)", "", n),
        }
        return texts.get(unit)


_units: list[Units] = []


#: The source texts' marks of a plural not chosen (no translation loaded): Dutch then comes
#: from the core's own plural.
_UNCHOSEN = ("(en)", "(ken)", "(ten)", "(s)")


def quantity_text(quantity: float, unit: str) -> str:
    """``quantity`` with ``unit``, the unit following the number in the interface's language."""
    if quantity < 0:
        return "-" + quantity_text(-quantity, unit)
    amount = format_amount(quantity)
    if not _units:
        _units.append(Units())
    shown = _units[0].counted(unit, int(amount)) if amount.isdigit() else None
    if shown is None or shown.endswith(_UNCHOSEN):
        return format_quantity(quantity, unit)
    return shown
