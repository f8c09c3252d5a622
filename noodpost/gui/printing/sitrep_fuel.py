"""The SITREP's generator table: per post that keeps a generator log, its fuel and hours left.

Kept apart from :mod:`noodpost.gui.printing.sitrep`, which draws it: here only what the table
says (columns and rows), from :class:`noodpost.services.generator.FuelState`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from noodpost.core.clock import parse_iso
from noodpost.core.dutch import format_clock
from noodpost.core.i18n import dutch
from noodpost.reports.sitrep import Sitrep
from noodpost.services.generator import LOW_FUEL_HOURS

#: A column: its header, its width in mm, its alignment.
Column = tuple[str, float, Qt.AlignmentFlag]

_LEFT = Qt.AlignmentFlag.AlignLeft
_RIGHT = Qt.AlignmentFlag.AlignRight


def fuel_table(report: Sitrep, width: float) -> tuple[list[Column], list[list[str]]]:
    """The columns (over ``width`` mm) and one row per post with a generator log."""
    columns: list[Column] = [
        ("Post", 18, _LEFT),
        ("Aggregaat", 22, _LEFT),
        ("In de tank", 36, _RIGHT),
        ("Verbruik", 26, _RIGHT),
        ("Stroom voor", 32, _RIGHT),
        ("", width - 134, _RIGHT),
    ]
    rows = []
    for post in report.posts:
        fuel = post.fuel
        if fuel is None:
            continue
        read = format_clock(parse_iso(fuel.latest.at), report.generated)
        rows.append(
            [
                post.code,
                fuel.state_words(dutch),  # the report is in the post's language
                f"{fuel.litres_text} om {read}",
                fuel.rate_words(dutch),
                fuel.hours_words(dutch),
                f"MINDER DAN {LOW_FUEL_HOURS:.0f} UUR" if fuel.low else "",
            ]
        )
    return columns, rows
